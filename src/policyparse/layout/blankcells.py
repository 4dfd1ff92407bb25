"""Tables one cell per line whose empty cells are blank lines, as a converter prints a
Word table it reads cell by cell: the blank line is the cell.

    序号 / 指标名称 / 单位 / 目标值 / 数据提供部门
    1 / 人均地区生产总值 / (blank) / 130000 / 统计
    2 / 城镇化率 / % / 70 / 统计

Read so only where the header's labels stand on consecutive lines (a header whose labels
stand a blank line apart prints its cells as paragraphs: layout/paragraphs.py) and the
first row, from its number to the next, is as wide as the header from 序号 on with its
blank lines and narrower without them.  Blank lines right before a row's number are no
cells (a group cell merged down, printed as nothing).  The one-cell-per-line reader
(layout/lines.py) reads the lines and the blank cells alike: each blank cell an empty
pseudo block covering no line.
"""

from __future__ import annotations

from ..inputs.bodies import unit_like
from ..text.fold import compact
from .align import serial_text
from .blocks import Block
from .cells import Cell
from .values import value_like

_SCAN = 40  # lines looked at for the first row


def _blanks(folded: str, a: Block, b: Block) -> int:
    """Blank lines between two lines."""
    return max(folded.count("\n", a.end, b.start) - 1, 0)


def _number(folded: str, b: Block) -> int | None:
    return serial_text(folded[b.start : b.end].strip())


def blank_cells(folded: str, blocks: list[Block], head_end: int, width: int) -> bool:
    """Whether the rows after the header (lines [.., head_end)) print their empty cells as
    blank lines: the header's labels on consecutive lines, and the first row *width* cells
    wide (from 序号 on) counting its blank lines, narrower without them."""
    if head_end >= len(blocks) or _blanks(folded, blocks[head_end - 2], blocks[head_end - 1]):
        return False
    k = head_end
    if _number(folded, blocks[k]) != 1:
        return False
    lines = cells = 1
    for m in range(k + 1, min(len(blocks), k + _SCAN)):
        gap = _blanks(folded, blocks[m - 1], blocks[m])
        if _number(folded, blocks[m]) == 2 and lines >= width // 2:
            return cells == width and lines < width
        lines += 1
        cells += 1 + gap
    return False


class BlankCells:
    """The lines from the first row on with a pseudo block (empty, covering no line) for
    each blank line that is a cell; the interface of layout/paragraphs.Paragraphs.  Blank
    lines before the next row's number (1, 2, … in sequence) are no cells."""

    def __init__(self, folded: str, blocks: list[Block], start: int) -> None:
        self.units: list[Block] = []
        self.first: list[int] = []  # the line each unit stands at (a blank cell: the next)
        self.index: dict[int, int] = {}  # a line's index → its unit's
        self.lines: dict[int, list[Block]] = {}  # a blank cell → no line
        expected = 1
        for k in range(start, len(blocks)):
            b = blocks[k]
            if _number(folded, b) == expected:
                expected += 1
            elif k > start:
                prev = blocks[k - 1]
                for n in range(_blanks(folded, prev, b)):
                    at = prev.end + 1 + n
                    empty = Block(at, at)
                    self.lines[id(empty)] = []
                    self.first.append(k)
                    self.units.append(empty)
            self.index[k] = len(self.units)
            self.first.append(k)
            self.units.append(b)


def _name_line(folded: str, b: Block) -> bool:
    """A line naming an indicator or a group: words, no figure, unit, body or number."""
    text = compact(folded[b.start : b.end])
    return (
        bool(text) and not value_like(text) and not unit_like(text) and _number(folded, b) is None
    )


def label_lines(folded: str, blocks: list[Block], j: int) -> int:
    """The lines of a group's label printed between a row's number (block *j*) and its
    indicator's name, in a table of blank cells where a group of indicators shares one
    number (11 / 居民 / 收入水平 / 城镇居民人均可支配收入 / (blank) / 75000: 居民 and 收入水平):
    the name lines right after the number but the last."""
    k = j + 1
    while k < len(blocks) and _name_line(folded, blocks[k]):
        k += 1
    return max(k - j - 2, 0)


_SUB_CELLS = 3  # cells of an indicator's row under a group's number, at least


def sub_row_end(folded: str, blocks: list[Block], j: int, stop: int) -> int | None:
    """Where a row with no number under a group's number ends (农村居民人均纯收入 / (blank)
    / 38000 / 32000, then 城乡居民收入达标人口比例 / % …): at the next name, a line of words
    followed by a unit or a blank cell, after a few cells; None where none follows before
    *stop*."""
    for k in range(j + _SUB_CELLS, stop):
        if k + 1 >= stop:
            break  # a line right before the next number is this row's last cell
        after = compact(folded[blocks[k + 1].start : blocks[k + 1].end])
        if _name_line(folded, blocks[k]) and (not after or value_like(after)):
            return k  # a name, then its unit cell (住建 / 每千名… is a data provider's cell)
    return None


def sub_row_cells(row: list[Block], at: int, width: int) -> list[Cell]:
    """A row with no number under a group's number, its cells placed from the name column
    (*at*) on and padded to the header's *width*: it prints every cell but its last ones."""
    lead = [Cell(row[0].start, row[0].start) for _ in range(at)]
    cells = lead + [Cell(b.start, b.end) for b in row]
    return cells + [Cell(row[-1].end, row[-1].end) for _ in range(width - len(cells))]
