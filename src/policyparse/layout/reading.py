"""One table's reading: what its header said and what its rows gave so far (the state
layout/tables.py reads a table's rows over, row by row)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Issue
from .blocks import Block
from .cells import Cell, TRow
from .tablemodel import Row, Table

Span = tuple[int, int]
_SEARCHES = 64  # look-ups of a name in the whole text, per table


@dataclass(slots=True)
class Reading:
    """One table's reading: what its header said and what its rows gave so far."""

    folded: str
    source: str
    table: Table
    caption: tuple[int | None, str | None]
    issues: list[Issue]
    headings: list[Block] = field(default_factory=list)
    last: Row | None = None
    last_unit: Span | None = None  # the last numbered indicator row's unit, for its sub-rows
    searches: int = 0  # look-ups of a name in the whole text, bounded (_SEARCHES)

    def printed(self, name: str) -> bool:
        """Whether *name* stands in the text outside this table (a bounded number of times)."""
        if self.searches >= _SEARCHES:
            return False
        self.searches += 1
        t = self.table
        return name in self.folded[: t.start] or name in self.folded[t.end :]

    expected: int | None = None  # the next row number, if the numbering runs on
    left: bool = False  # the table prints its rows' empty tails: short rows stand left
    title_at: int | None = None  # the column that titles the rows (_titling)
    # A table of projects with their owners (项目名称 | 牵头单位): rows are measures, but
    # their figures are the projects' facts (年产12万吨…), read as no sentence.
    projects: bool = False
    placed: bool = False  # the reader put the cells under their columns (TextTable.placed)
    figures: bool = False  # a task table with indicator and target columns: rows give targets
    above: list[Cell | None] = field(default_factory=list)  # the last indicator row's cells
    # The groups open in a table numbered inside its cells (layout/nested.py): their
    # column → their cell's words, so a merged cell a converter printed again on every
    # row (a web page's rowspan) opens its group once.
    groups: dict[int, str] = field(default_factory=dict)
    heads: list[Cell] = field(default_factory=list)  # the header's cells (assigned targets)

    def run_on(self, row: TRow, cells: list[Cell | None]) -> list[Cell | None]:
        """An indicator row's cells with those merged down from the row above (the columns
        a partial rule leaves open: the name 劳均增加值 and its unit 元 over the rows of 甲区
        and 乙区) taken from that row; the row's own cells remembered for the next."""
        if row.merged and len(cells) == len(self.above):
            cells = [self.above[k] if k in row.merged else c for k, c in enumerate(cells)]
        self.above = cells
        return cells
