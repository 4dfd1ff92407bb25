"""Tables printed one cell per line, each cell opened by a pipe, as some converters print
a Word table: the cells are one stream, the rows are told apart by where they open.

    指 标
    | 权重
    | 单位
    | 2015年
    目 标
    | 牵头部门
    | 一、核心指标
    | 50
    |
    | | 1
    | 城镇居民人均可支配收入
    …

A pipe opens each cell (the header's first cell may print none); a line without one
goes on with the cell above (``2015年`` / ``目 标`` is one label); a bare ``|`` is an empty
cell, and ``| | 1`` an empty cell closing one row and the first cell of the next.  The
header is the cells before the first row; a row opens at a numbered heading (``一、…``)
or at the next number in sequence once the row before it holds as many cells as the
header, less one (a figure equal to that number inside a row is no row's number).  The
rows may print a number the header names no column for (``指标`` printed over the number
and the name): layout/headers.py reads that column.  Markdown rows (closed by a pipe)
are no such table.
"""

from __future__ import annotations

from ..inputs.columns import clean, column
from .align import serial_text
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow, trimmed
from .linecells import heading

_BAR = "|"
_RUN = 8  # lines of a run of cells opened by pipes, at least
_HEADER_MAX = 16  # cells of a header, at most


def _opened(folded: str, b: Block) -> bool:
    """A line opened by a pipe and not closed by one (``| 权重``, ``| | 1``, a bare ``|``)."""
    text = folded[b.start : b.end]
    return text.startswith(_BAR) and (text == _BAR or not text.endswith(_BAR))


def _cells(folded: str, blocks: list[Block]) -> list[tuple[Cell, Block]]:
    """The run's cells in order, each with the line it opens on."""
    out: list[tuple[Cell, Block]] = []
    for b in blocks:
        pos = b.start
        bar = folded.find(_BAR, pos, b.end)
        if bar != pos:  # words before the first pipe go on with the cell above
            end = b.end if bar < 0 else bar
            words = folded[pos:end].strip()
            if words and out:
                last, line = out[-1]
                out[-1] = (Cell(last.start if not last.empty else pos, end), line)
            elif words:
                out.append((trimmed(folded, pos, end), b))
            if bar < 0:
                continue
        while bar >= 0:
            nxt = folded.find(_BAR, bar + 1, b.end)
            end = b.end if nxt < 0 else nxt
            out.append((trimmed(folded, bar + 1, end), b))
            bar = nxt
    return out


def _opens(folded: str, c: Cell, expected: int) -> bool:
    """Cell *c* opens a row: a numbered heading, or the number *expected* next."""
    if c.empty:
        return False
    if serial_text(folded[c.start : c.end]) == expected:
        return True
    return heading(folded, Block(c.start, c.end))


def _rows(folded: str, cells: list[tuple[Cell, Block]]) -> list[TRow]:
    """The header and the rows of the stream of cells; [] where no row opens."""
    first = next((k for k, (c, _) in enumerate(cells) if _opens(folded, c, 1)), None)
    if first is None or not 2 <= first <= _HEADER_MAX:
        return []
    width = first
    rows = [cells[:first]]
    expected = 1
    for c, line in cells[first:]:
        row = rows[-1]
        if len(rows) == 1 or (len(row) >= width - 1 and _opens(folded, c, expected)):
            if serial_text(folded[c.start : c.end]) == expected:
                expected += 1
            rows.append([(c, line)])
            continue
        row.append((c, line))
    return [TRow([c for c, _ in row], _lines(row)) for row in rows]


def _lines(row: list[tuple[Cell, Block]]) -> list[Block]:
    """The lines a row's cells open on; not the next row's line where an empty cell
    closes the row (``| | 1``)."""
    lines: list[Block] = []
    for c, line in row:
        if (not c.empty or not lines) and (not lines or lines[-1] is not line):
            lines.append(line)
    return lines


def opened_pipe_tables(
    folded: str, blocks: list[Block], budget: Budget | None = None
) -> list[TextTable]:
    """Every table printed one cell per line, each cell opened by a pipe (within *budget*)."""
    budget = Budget() if budget is None else budget
    tables: list[TextTable] = []
    i, n = 0, len(blocks)
    while i < n and not budget.spent:
        j = i
        while j < n and (_opened(folded, blocks[j]) or _goes_on(folded, blocks, i, j)):
            j += 1
        if j - i < _RUN:
            i = max(j, i + 1)
            continue
        start = i - 1 if i > 0 and _bare(folded, blocks[i - 1]) else i
        run = blocks[start:j]
        rows = _rows(folded, _cells(folded, run))
        if rows and budget.take(sum(len(r.cells) for r in rows), run[0].start):
            tables.append(TextTable("pipe", rows, run))
        i = j
    return tables


def _goes_on(folded: str, blocks: list[Block], i: int, j: int) -> bool:
    """Line *j* of a run from line *i*: a line without a pipe between two opened by one
    (``2015年`` / ``目 标`` / ``| 牵头部门``), a cell's second line."""
    return (
        i < j < len(blocks) - 1
        and _opened(folded, blocks[j - 1])
        and _bar_free(folded, blocks[j])
        and _opened(folded, blocks[j + 1])
    )


def _bar_free(folded: str, b: Block) -> bool:
    return folded.find(_BAR, b.start, b.end) < 0


def _bare(folded: str, b: Block) -> bool:
    """The header's first cell, printed without a pipe: a column word (``指 标``)."""
    return _bar_free(folded, b) and bool(column(clean(folded[b.start : b.end])).kind)
