"""Tables in text, whatever form they were written in: rows of cells with exact spans.

Four text forms are read (docs/structure.md, "Tables"):

- pipe rows: ``| 1 | 任务 | 区发展改革委 |``, a ``| --- |`` separator row skipped; a line
  of the table needs two ``|`` or a leading one (trafilatura's broken rows drop the
  leading bar: ``基础 设施 | 高速公路里程 | 公里``);
- tab-separated rows: two lines or more in a run whose source has tabs between cells
  (web pages and Word files are rendered so: inputs.html, inputs.docx);
- cell lines with bars: a bare ``|`` line opens a row, each cell on a line of its own
  ending `` |``, runs of bars are empty cells (``||||``);
- cell lines without bars: a header of short column words one per line (序号 / 任务 /
  牵头单位), then per row its cells, one per line, in the same count (read by
  layout.tables from the blocks, since only the header tells where a row ends).

A table here is only its rows; what its columns mean is layout.tables' business.
A document's tables read at most ``MAX_CELLS`` cells in all (``Budget``): the rows
after are text, so that memory stays within docs/performance.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..inputs.columns import Column
from .blocks import Block, closed_by_pipe

TableForm = Literal["pipe", "tab", "bar_lines", "lines", "spaces", "glued"]
_BAR = "|"
_DASHES = frozenset("-:— ")
# Real plans' tables hold hundreds or a few thousand cells (the corpus: at most 1,600
# in one document); every cell costs a few objects, and a 32 MB table of narrow cells
# holds ten million of them.  Past this many the rows are text (too_many_cells).
MAX_CELLS = 100_000


@dataclass(slots=True)
class Budget:
    """The cells a document may still read as tables; where the first row past them starts."""

    left: int = MAX_CELLS
    cut: int | None = None

    @property
    def spent(self) -> bool:
        return self.cut is not None

    def take(self, n: int, at: int) -> bool:
        """Take *n* cells for the row that starts at *at*; False (and the cut) past the budget."""
        if self.cut is None and n <= self.left:
            self.left -= n
            return True
        if self.cut is None:
            self.cut = at
        return False


@dataclass(slots=True)
class Cell:
    """One cell: [start, end) in the text; start == end for an empty one."""

    start: int
    end: int

    @property
    def empty(self) -> bool:
        return self.start == self.end


@dataclass(slots=True)
class TRow:
    """One row of a table as printed: its cells and the blocks (lines) it covers."""

    cells: list[Cell]
    blocks: list[Block]
    group: bool = False  # a group row of a serial column: 一 / 推进碳达峰碳中和综合管理
    ruled: bool = False  # a rule of the table (├──┼──┤, | --- |) stands right above it
    merged: frozenset[int] = frozenset()  # columns whose cell above runs on through it

    @property
    def start(self) -> int:
        return self.blocks[0].start

    @property
    def end(self) -> int:
        return self.blocks[-1].end


@dataclass(slots=True)
class TextTable:
    """Consecutive rows of one form."""

    form: TableForm
    rows: list[TRow] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # every block of the table, in order
    # The columns, where no header row names them (layout/headless.py: read from the cells).
    columns: list[Column] | None = None
    placed: bool = False  # its reader put each row's cells under their columns (scored.py)
    header_rows: int = 0  # rows its header takes, where its reader knows (closedpipes.py)

    @property
    def start(self) -> int:
        return self.blocks[0].start

    @property
    def end(self) -> int:
        return self.blocks[-1].end


def trimmed(text: str, start: int, end: int) -> Cell:
    """The cell [start, end) without the spaces around its text."""
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return Cell(start, end)


def _split(text: str, start: int, end: int, sep: str) -> list[Cell]:
    """The cells of [start, end) between the separators *sep*."""
    cells: list[Cell] = []
    pos = start
    while True:
        at = text.find(sep, pos, end)
        if at == -1:
            cells.append(trimmed(text, pos, end))
            return cells
        cells.append(trimmed(text, pos, at))
        pos = at + 1


def _pipe_line(folded: str, b: Block) -> bool:
    if folded.startswith(_BAR, b.start, b.end) and b.end - b.start > 1:
        return True
    return folded.count(_BAR, b.start, b.end) >= 2


def _label_line(folded: str, blocks: list[Block], j: int) -> bool:
    """A row of one cell closed by its bar (``主要指标 |``, a broken pipe row's label)
    right before a pipe row: a row of the table."""
    one = closed_by_pipe(folded, blocks[j])
    return (
        one
        and j + 1 < len(blocks)
        and (_pipe_line(folded, blocks[j + 1]) or _labelled_value(folded, blocks, j + 1))
    )


def _labelled_value(folded: str, blocks: list[Block], j: int) -> bool:
    """The last row of a table printed sideways, its label closed by a colon and a bar on
    one line and its value closed by a bar on the next (``进展情况: |`` / ``已完成。… |``):
    line *j* is that value."""
    if not closed_by_pipe(folded, blocks[j]) or not closed_by_pipe(folded, blocks[j - 1]):
        return False
    label = folded[blocks[j - 1].start : blocks[j - 1].end - 1].rstrip()
    return label.endswith((":", "：")) and (
        j + 1 == len(blocks) or not _pipe_line(folded, blocks[j + 1])
    )


def _separator(folded: str, b: Block) -> bool:
    """``| --- | :---: |``: the markdown row under the header."""
    body = folded[b.start : b.end].replace(_BAR, "")
    return "-" in body and set(body) <= _DASHES


def pipe_cells(folded: str, b: Block) -> list[Cell]:
    """The cells of one pipe row; the bars that open and close it are not cell borders."""
    start, end = b.start, b.end
    if folded.startswith(_BAR, start, end):
        start += 1
    if end > start and folded[end - 1] == _BAR:
        end -= 1
    return _split(folded, start, end, _BAR)


def _pipe_table(
    folded: str, blocks: list[Block], i: int, budget: Budget
) -> tuple[TextTable | None, int]:
    """The pipe table that starts at block *i*, and the block after it."""
    table = TextTable("pipe")
    n = len(blocks)
    j = i
    rule: Block | None = None
    while j < n and (
        _pipe_line(folded, blocks[j])
        or _label_line(folded, blocks, j)
        or (j > i and _labelled_value(folded, blocks, j))
    ):
        b = blocks[j]
        if not _separator(folded, b):
            cells = pipe_cells(folded, b)
            if not budget.take(len(cells), b.start):
                break
            merged = _merged_down(folded, rule, cells) if rule is not None else frozenset()
            table.rows.append(TRow(cells, [b], ruled=rule is not None, merged=merged))
        rule = b if _separator(folded, b) else None
        table.blocks.append(b)
        j += 1
    if len(table.rows) < 2 and not any(_separator(folded, b) for b in table.blocks):
        return None, j
    return table, j


def _merged_down(folded: str, rule: Block, cells: list[Cell]) -> frozenset[int]:
    """The columns a rule above the row leaves blank (│ │ │ ├──┼──┤, a table drawn with
    box characters that rules some columns only): there the cell above runs on through
    this row (merged down), and what this row prints in it (一, a label printed mid-cell)
    is part of that cell."""
    parts = pipe_cells(folded, rule)
    if len(parts) != len(cells):
        return frozenset()
    blank = frozenset(k for k, p in enumerate(parts) if folded.count("-", p.start, p.end) == 0)
    return blank if len(blank) < len(parts) else frozenset()


def _line_end(source: str, b: Block) -> int:
    """Where the block's line ends in the source: trailing tabs are empty cells."""
    end = b.end
    n = len(source)
    while end < n and source[end] in " \t":
        end += 1
    return end


def _line_start(source: str, b: Block) -> int:
    """Where the block's line starts in the source: leading tabs are empty cells."""
    start = b.start
    while start > 0 and source[start - 1] in " \t":
        start -= 1
    return start


def _tab_line(source: str, b: Block) -> bool:
    return "\t" in source[_line_start(source, b) : _line_end(source, b)]


def _tab_table(
    source: str, blocks: list[Block], i: int, budget: Budget
) -> tuple[TextTable | None, int]:
    """Two lines or more with tabs between cells."""
    table = TextTable("tab")
    j = i
    while j < len(blocks) and _tab_line(source, blocks[j]):
        b = blocks[j]
        start, end = _line_start(source, b), _line_end(source, b)
        if not budget.take(source.count("\t", start, end) + 1, b.start):
            break
        table.blocks.append(b)
        table.rows.append(TRow(_split(source, start, end, "\t"), [b]))
        j += 1
    return (table if len(table.rows) >= 2 else None), j


def _bar_only(folded: str, b: Block) -> bool:
    return not folded[b.start : b.end].replace(_BAR, "").strip()


def _bar_cells(folded: str, b: Block) -> list[Cell]:
    """A cell line ``text |`` and the empty cells its further bars close (``text | ||||``:
    one cell and four empty ones); a line of bars alone is empty cells only.

    The empty cells count: a row printed ``1 |`` / ``任务 |`` / ``县财政局 |`` / ``||||``
    under a header of seven columns is full, its cells standing from the left.
    """
    end = b.end
    while end > b.start and folded[end - 1] in " |":
        end -= 1
    bars = [k for k in range(end, b.end) if folded[k] == _BAR]
    cells = [] if end == b.start else [trimmed(folded, b.start, end)]
    # The first bar closes the text's own cell; each further bar closes an empty one.
    empties = bars[1:] if cells else bars
    return cells + [Cell(k, k) for k in empties]


def _bar_lines(
    folded: str, blocks: list[Block], i: int, budget: Budget
) -> tuple[TextTable | None, int]:
    """Rows opened by a bare ``|`` line, one cell per line after it."""
    table = TextTable("bar_lines")
    n = len(blocks)
    j = i
    row: TRow | None = None
    widest = 0  # cells of the widest row closed so far
    while j < n:
        b = blocks[j]
        text = folded[b.start : b.end]
        if text == _BAR and not _empty_cell(folded, row, widest, blocks[j - 1]):
            if row is not None:
                widest = max(widest, len(row.cells))
            row = TRow([], [b])
            table.rows.append(row)
        elif row is not None and (text.endswith(_BAR) or _bar_only(folded, b)):
            cells = _bar_cells(folded, b)
            if cells and not budget.take(len(cells), row.start):
                return _drop_last_row(table, row), j - len(row.blocks)
            row.blocks.append(b)
            row.cells.extend(cells)
        else:
            break
        table.blocks.append(b)
        j += 1
    return (table if len(table.rows) >= 2 else None), j


def _empty_cell(folded: str, row: TRow | None, widest: int, prev: Block) -> bool:
    """A bare ``|`` inside a row is its empty cell, not the next row's opening bar: the row
    is short of the *widest* row before it by two cells or more, and the line before closed
    one cell with one bar (``56 |`` / ``|`` / ``市发改委 | ||``: the 年均增速 cell left empty),
    and it has two cells or more.
    A row's last line closes its padding with more bars (``| ||``), or is a line of bars."""
    if row is None or len(row.cells) < 2 or widest == 0:
        return False  # a row of one cell is a heading's (| 一、推进污染防治 |): it is whole
    line = folded[prev.start : prev.end]
    one_cell = line.endswith(" " + _BAR) and line.count(_BAR) == 1 and line != _BAR
    return one_cell and len(row.cells) < widest - 1


def _drop_last_row(table: TextTable, row: TRow) -> TextTable | None:
    """The table without its last row, which the budget cut in the middle (it is text)."""
    table.rows.pop()
    del table.blocks[len(table.blocks) - len(row.blocks) :]
    return table if len(table.rows) >= 2 else None


# Cells between bar lines, as some portals' pages copy a table: each cell on its lines, a
# ``|`` line after it, and a second ``|`` line ending the row (| / 工作任务 / | / 具体内容 /
# | / 责任部门 / | / | / 推进政策公开 / | / …).  A row merged down from the one above prints
# fewer cells, and a cell may run over several lines before its bar; the table ends where a
# line of words is not closed by a bar within a few lines (the text after the table).
_CELL_LINES = 4  # lines of one cell, at most, before its bar


def _bar_alone(folded: str, b: Block) -> bool:
    return folded[b.start : b.end].strip() == _BAR


def _words(folded: str, b: Block) -> bool:
    return _BAR not in folded[b.start : b.end]


def _cell_end(folded: str, blocks: list[Block], k: int) -> int | None:
    """The line of the bar closing the cell that opens at line *k*, else None."""
    for m in range(k, min(len(blocks), k + _CELL_LINES + 1)):
        if _bar_alone(folded, blocks[m]):
            return m if m > k else None
        if not _words(folded, blocks[m]):
            return None
    return None


def bars_between(
    folded: str, blocks: list[Block], i: int, budget: Budget
) -> tuple[TextTable | None, int]:
    """The table whose first bar line is block *i*, and the line after it; None where the
    lines are no such table (two rows at least, the first of two cells or more)."""
    table = TextTable("bar_lines")
    row: list[Cell] = []
    lines: list[Block] = [blocks[i]]
    k = i + 1
    while k < len(blocks):
        if _bar_alone(folded, blocks[k]):  # a second bar: the row ends
            if row:
                if not budget.take(len(row), row[0].start):
                    break
                table.rows.append(TRow(row, [*lines, blocks[k]]))
                table.blocks.extend([*lines, blocks[k]])
            row, lines = [], []
            k += 1
            continue
        end = _cell_end(folded, blocks, k)
        if end is None:
            break
        row.append(trimmed(folded, blocks[k].start, blocks[end - 1].end))
        lines.extend(blocks[k : end + 1])
        k = end + 1
    if len(table.rows) < 2 or len(table.rows[0].cells) < 2:
        return None, i + 1
    return table, k


def text_tables(
    source: str, folded: str, blocks: list[Block], budget: Budget | None = None
) -> list[TextTable]:
    """Every pipe, tab and bar-line table of the text, in order, within the cell *budget*."""
    budget = Budget() if budget is None else budget
    tables: list[TextTable] = []
    i = 0
    n = len(blocks)
    while i < n and not budget.spent:
        b = blocks[i]
        table: TextTable | None = None
        if folded[b.start : b.end] == _BAR:
            table, j = _bar_lines(folded, blocks, i, budget)
            if table is None:  # | / 工作任务 / | / 具体内容 / | / | : cells between bars
                table, j = bars_between(folded, blocks, i, budget)
        elif _pipe_line(folded, b) or _label_line(folded, blocks, i):
            table, j = _pipe_table(folded, blocks, i, budget)
        elif _tab_line(source, b):
            table, j = _tab_table(source, blocks, i, budget)
        else:
            j = i + 1
        if table is not None:
            tables.append(table)
        i = max(j, i + 1)
    return tables
