"""Tables whose cells are paragraphs: a header whose labels stand a blank line apart,
and the document's lines grouped into paragraphs for the one-cell-per-line reader
(layout/lines.py)."""

from __future__ import annotations

from itertools import pairwise

from .blocks import Block
from .cells import Cell


def spaced(folded: str, head: list[Block]) -> bool:
    """A header whose labels stand a blank line apart (most of them: a label may wrap,
    任务 / 类型 in one paragraph): each cell is a paragraph, whose lines run on (a unit
    list over three lines is one cell)."""
    gaps = [folded.count("\n", a.end, b.start) >= 2 for a, b in pairwise(head)]
    return sum(gaps) >= max(2, (len(gaps) + 1) // 2)


class Paragraphs:
    """The document's lines grouped into paragraphs (no blank line between them): one
    unit per paragraph, a pseudo block spanning it, for tables whose cells are paragraphs."""

    def __init__(self, folded: str, blocks: list[Block]) -> None:
        self.units: list[Block] = []
        self.first: list[int] = []  # the first line's index, per unit
        self.index: dict[int, int] = {}  # a line's index → its unit's
        self.lines: dict[int, list[Block]] = {}
        k = 0
        while k < len(blocks):
            m = k + 1
            while m < len(blocks) and folded.count("\n", blocks[m - 1].end, blocks[m].start) < 2:
                m += 1
            run = blocks[k:m]
            unit = run[0] if len(run) == 1 else Block(run[0].start, run[-1].end, run[0].role)
            if len(run) > 1:
                self.lines[id(unit)] = run
            for x in range(k, m):
                self.index[x] = len(self.units)
            self.first.append(k)
            self.units.append(unit)
            k = m

    def cells(self, start: int, end: int) -> list[Cell]:
        """The header cells of the lines [start, end): one per paragraph (指标 / 属性 one)."""
        first, last = self.index[start], self.index[end - 1]
        return [Cell(u.start, u.end) for u in self.units[first : last + 1]]
