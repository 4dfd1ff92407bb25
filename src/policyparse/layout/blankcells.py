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

from .align import serial_text
from .blocks import Block

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
