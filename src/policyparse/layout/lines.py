"""Tables rendered one cell per line with no bars, as in the 附件 of many notices.

序号 / 改革举措 / 主要内容 / 指导部门 / 推广范围, then per row a bare number and its
cells.  Only the header tells where a row ends: a header line of the serial column
(lexicon layout/table_headers) opens it, short column labels follow, and each row
is its number and as many cells as the header has columns after 序号.  A group
heading between rows (一、知识产权保护方面) is a row of one cell.  A row short of
its cells is left as text, with a diagnostic.
"""

from __future__ import annotations

from .. import lexicon
from ..text.fold import compact
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow
from .markers import match_marker

_HEADER_MAX = 12  # a header cell is a short label


def _serial(folded: str, b: Block) -> int | None:
    text = compact(folded[b.start : b.end])
    # isascii: ① and ² are str.isdigit() too, but no int() reads them.
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 4 else None


def _header_end(folded: str, blocks: list[Block], i: int) -> int:
    """The end of the header that opens at block *i*: short labels, no number, no marker."""
    j = i + 1
    while j < len(blocks):
        text = compact(folded[blocks[j].start : blocks[j].end])
        if not text or len(text) > _HEADER_MAX or _serial(folded, blocks[j]) is not None:
            break
        if "|" in text or match_marker(folded, blocks[j].start, blocks[j].end) is not None:
            break
        j += 1
    return j


def _cell(b: Block) -> Cell:
    return Cell(b.start, b.end)


def _broken(folded: str, number: int, cells: list[Block], width: int) -> bool:
    """A row short of cells, or whose cells run into a heading or the next row's number.

    A figure in a cell (10, 2025) is a value, not a row number, unless it is the next
    number and its row would start with it (a row short of a cell).
    """
    if len(cells) < width - 1:
        return True
    for k, c in enumerate(cells):
        mk = match_marker(folded, c.start, c.end)
        if mk is not None and not mk.digit_follows:  # 7.8 is a figure, 7.加强… a heading
            return True
        if k == 0 and _serial(folded, c) == number + 1:
            return True
    return False


def _rows(
    folded: str, blocks: list[Block], j: int, table: TextTable, width: int, budget: Budget
) -> int:
    """The rows of a table of *width* columns from block *j*; where they end."""
    while j < len(blocks):
        b = blocks[j]
        if _serial(folded, b) is None:
            if match_marker(folded, b.start, b.end) is None or not budget.take(1, b.start):
                break
            table.rows.append(TRow([_cell(b)], [b]))  # 一、知识产权保护方面
            table.blocks.append(b)
            j += 1
            continue
        cells = blocks[j + 1 : j + width]
        if _broken(folded, _serial(folded, b) or 0, cells, width):
            break
        if not budget.take(width, b.start):
            break
        row = [b, *cells]
        table.rows.append(TRow([_cell(c) for c in row], row))
        table.blocks.extend(row)
        j += width
    return j


def line_tables(folded: str, blocks: list[Block], budget: Budget | None = None) -> list[TextTable]:
    """Every table rendered one cell per line under a header of column labels (within *budget*)."""
    budget = Budget() if budget is None else budget
    serial = lexicon.words("layout/table_headers")
    tables: list[TextTable] = []
    i = 0
    n = len(blocks)
    while i < n and not budget.spent:
        if compact(folded[blocks[i].start : blocks[i].end]) not in serial:
            i += 1
            continue
        j = _header_end(folded, blocks, i)
        if j - i < 3:
            i = j
            continue
        head = blocks[i:j]
        if not budget.take(len(head), head[0].start):
            break
        table = TextTable("lines", [TRow([_cell(b) for b in head], list(head))], list(head))
        end = _rows(folded, blocks, j, table, j - i, budget)
        if len(table.rows) > 1:
            tables.append(table)
        i = max(end, i + 1)
    return tables
