"""Header labels wrapped over two lines in a table printed one cell per line.

A header cell too narrow for its label prints it over two lines (责任 / 领导, 牵头 / 部门,
第二季度 / 完成情况, 攻坚目标 / 任务), and a table converted one cell per line gives each
line of it a line of its own: the header then has more lines than the rows have cells.
Where it does, the lines of one label are joined back (``labels_joined``):

- a line naming no column alone is the head of a label when it and the next line name
  one (牵头 / 部门 → 牵头部门; 第二季度 / 完成情况 → a column of progress);
- then, while the header is still wider than the first row, a short line (two characters
  at most: 任务, 部门) is the tail of the label above it (攻坚目标 / 任务).

Leaves a header no wider than its rows (序号 / 指标 / 单位 / 2025年: short labels that are
columns of their own), and joins nothing into the serial column.
"""

from __future__ import annotations

from ..inputs.columns import column
from ..text.fold import compact
from .blocks import Block
from .cells import Cell, TRow
from .linecells import first_row_width, qualifiers_merged

_TAIL_MAX = 2  # characters of a line that may be the tail of the label above it


def header_fitted(folded: str, blocks: list[Block], j: int, cells: list[Cell]) -> list[Cell]:
    """The header's columns fitted to the first row, numbered at block *j*: qualifiers
    and wrapped labels joined where the header has more lines than the row cells."""
    width = first_row_width(folded, blocks, j)
    return labels_joined(folded, qualifiers_merged(folded, cells, width), width)


def labels_joined(folded: str, cells: list[Cell], width: int) -> list[Cell]:
    """The header's columns with wrapped labels joined, where the first row (*width*
    lines, its number included) prints fewer cells than the header has lines."""
    if width <= 1 or len(cells) <= width:
        return cells
    texts = [compact(folded[c.start : c.end]) for c in cells]
    groups = _heads_joined(texts)
    groups = _tails_joined(texts, groups, width)
    if len(groups) == len(cells):
        return cells
    return [Cell(cells[g[0]].start, cells[g[-1]].end) for g in groups]


def _heads_joined(texts: list[str]) -> list[list[int]]:
    """牵头 / 部门: a line naming no column before one with which it names one."""
    groups: list[list[int]] = []
    k = 0
    while k < len(texts):
        nxt = k + 1
        if nxt < len(texts) and not column(texts[k]).kind and _names(texts[k] + texts[nxt]):
            groups.append([k, nxt])
            k += 2
            continue
        groups.append([k])
        k += 1
    return groups


def _tails_joined(texts: list[str], groups: list[list[int]], width: int) -> list[list[int]]:
    """攻坚目标 / 任务: short lines joined to the label above them, left to right, while the
    header is wider than the row; all or none (the counts must come out equal)."""
    out = [list(g) for g in groups]
    k = 1
    while len(out) > width and k < len(out):
        line = out[k]
        above = out[k - 1]
        if len(line) == 1 and len(above) == 1 and _tail(texts, above[0], line[0]):
            out[k - 1 : k + 1] = [above + line]
            continue
        k += 1
    return out if len(out) == width else groups


def _tail(texts: list[str], above: int, line: int) -> bool:
    return (
        0 < len(texts[line]) <= _TAIL_MAX
        and _names(texts[above])
        and column(texts[line]).kind != "serial"
    )


def _names(text: str) -> bool:
    kind = column(text).kind
    return bool(kind) and kind != "serial"


def printed_again(first: TRow, head: list[Block]) -> list[Cell]:
    """The columns of a header printed again line for line (a page break: 序号 / 项目 /
    类别 / …), as the first print's lines were joined into them; one per line where the
    first print was not read so."""
    cells: list[Cell] = []
    for c in first.cells:
        at = [k for k, b in enumerate(first.blocks) if c.start <= b.start and b.end <= c.end]
        if not at or at[-1] >= len(head):
            return [Cell(h.start, h.end) for h in head]
        cells.append(Cell(head[at[0]].start, head[at[-1]].end))
    return cells
