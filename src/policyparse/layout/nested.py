"""Task tables with no 序号 column whose numbering is printed inside the cells, one level
per column (工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限)::

    | 一、加大治理力度 | （一）强化源头治理 | 1.加强源头防控… | 县生态环境分局 | 2025年底前 |
    |                  |                    | 2.开展减量行动… | 县农业农村局   | 2025年底前 |
    |                  | （二）严控残留超标 | 3.开展攻坚治理… | 县农业农村局   | 2025年底前 |

A cell merged over the rows of its group is printed once, on the group's first row.  The
row's last numbered cell is its measure (number and title from that cell); the numbered
cells before it open the groups it stands under (一、 then （一）), each a level deeper than
the column before it.  layout/tables.py turns what this finds into rows.
"""

from __future__ import annotations

from ..inputs.columns import Column
from .cells import Cell
from .markers import Marker, match_marker

_TEXT_KINDS = ("task", "task_group", "measure", "category", "")


def _text_column(col: Column) -> bool:
    """A column of words a group or a measure may be numbered in; 工作目标 too (a target
    column naming no year: goals in words), not 2025年目标 (a year's figures)."""
    return col.kind in _TEXT_KINDS or (col.kind == "target" and col.year is None)


def cell_marks(
    folded: str, cells: list[Cell | None], cols: list[Column]
) -> list[tuple[int, Cell, Marker]]:
    """The cells before the first unit column that open with a numbering marker and go on
    with words (opening_mark: 一、加大…, （一）强化…, 1.加强…), with their column: (column,
    cell, marker)."""
    out: list[tuple[int, Cell, Marker]] = []
    for k, (c, col) in enumerate(zip(cells, cols, strict=False)):
        if col.kind == "unit" and col.role is not None:
            break
        if c is None or c.empty or not _text_column(col):
            continue
        m = opening_mark(folded, c)
        if m is not None:
            out.append((k, c, m))
    return out


def opening_mark(folded: str, c: Cell) -> Marker | None:
    """The numbering marker a cell opens with where words follow it (一、加大…, 1.加强…);
    None for a marker alone (一、, its title in the next column) or one that runs into a
    figure (5.2006年春完成…: a date, the marker unsure)."""
    start = c.start
    while start < c.end and folded[start] in " \t":
        start += 1
    m = match_marker(folded, start, c.end)
    return m if m is not None and m.end < c.end and not m.digit_follows else None
