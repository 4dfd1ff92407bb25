"""Tables printed sideways: each row a column's label, then that column's cells.

A short indicator table is often turned on its side to fit the page, and a converter
prints it so::

    主要指标 | 粮食综合生产能力 | 农业科技进步贡献率 |
    2022年目标值 | >6亿吨 | 61.5% |
    属性 | 约束性 | 预期性 |

Where every row of a pipe or tab table opens with a column's label (lexicon
layout/table_columns: an indicator or task column, and another), and its first row is no
header (the labels run down, not across), the table is turned upright: the labels make
the header row, the n-th cells of the rows the n-th row.  A label printed alone on its
line, closed by a bar (``主要指标 |``), opens the row printed on the next line.  A label
printed again (the indicator row of the next block of five) starts a table of its own.
"""

from __future__ import annotations

from ..inputs.columns import column, is_header
from ..text.fold import compact
from .cells import Cell, TextTable, TRow

_OPENING = frozenset({"serial", "indicator", "task"})  # the first label: what the rows are
_ROWS_MIN = 2  # labels of a table turned sideways, at least


def _text(folded: str, c: Cell) -> str:
    return compact(folded[c.start : c.end])


def _kind(folded: str, c: Cell) -> str:
    return column(_text(folded, c)).kind


def _joined(folded: str, rows: list[TRow]) -> list[TRow]:
    """A label alone on its row (``主要指标 |``) joined to the row after it, which opens
    with no label (``粮食综合生产能力 | …``)."""
    out: list[TRow] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        live = [c for c in row.cells if not c.empty]
        after = rows[k + 1] if k + 1 < len(rows) else None
        alone = len(live) == 1 and bool(_kind(folded, live[0]))
        if alone and after is not None and after.cells and not _kind(folded, after.cells[0]):
            out.append(TRow([live[0], *after.cells], [*row.blocks, *after.blocks]))
            k += 2
            continue
        out.append(row)
        k += 1
    return out


def _sideways(folded: str, rows: list[TRow]) -> bool:
    """Every row opens with a label, the first an indicator or task column's, and the
    labels are no header row printed across (two or more of its cells labels)."""
    if len(rows) < _ROWS_MIN or any(len(r.cells) < 2 for r in rows):
        return False
    kinds = [_kind(folded, r.cells[0]) for r in rows]
    if kinds[0] not in _OPENING or not all(kinds) or len(set(kinds)) < 2:
        return False
    return not is_header([_text(folded, c) for c in rows[0].cells])


def _turned(t: TextTable, rows: list[TRow]) -> TextTable:
    """The rows turned upright: the labels the header, the n-th cells the n-th row."""
    width = max(len(r.cells) for r in rows) - 1
    header = TRow([r.cells[0] for r in rows], [rows[0].blocks[0]])
    turned = [header]
    for n in range(1, width + 1):
        cells = [r.cells[n] if n < len(r.cells) else Cell(r.end, r.end) for r in rows]
        lines = sorted(
            {id(b): b for r in rows if n < len(r.cells) for b in r.blocks}.values(),
            key=lambda b: b.start,
        )
        turned.append(TRow(cells, lines))
    blocks = [b for b in t.blocks if rows[0].start <= b.start <= rows[-1].end]
    return TextTable(t.form, turned, blocks)


def upright(folded: str, t: TextTable) -> list[TextTable]:
    """The table as read (in a list), or, where it was printed sideways, its blocks of
    columns turned upright, one table each."""
    rows = _joined(folded, t.rows)
    if not rows or not rows[0].cells:
        return [t]
    groups: list[list[TRow]] = []
    opening = _text(folded, rows[0].cells[0])
    for row in rows:
        if not groups or (row.cells and _text(folded, row.cells[0]) == opening):
            groups.append([])
        groups[-1].append(row)
    if not all(_sideways(folded, g) for g in groups):
        return [t]
    return [_turned(t, g) for g in groups]
