"""Tables of targets assigned to bodies printed as text: one row per line, cells a space
apart, or one cell per line.

A notice that hands out a year's quotas prints each row as the body that answers and
its figures, the header naming the column of bodies and each indicator
(inputs.columns.assigned_at)::

    责任单位 外贸出口目标 实到外资目标
    万州区 1900 300
    渝北区 2000 1000

The header's first word is a role label or a column of bodies (考核单位, 地区); each row
under it a name and figures only, no more pieces than the header, one space or more
apart.  The table ends at the first line that is not such a row.  Printed one cell per
line (考核单位 / 合同外资（万美元） / 到位外资（万美元） / 甲县 / 2180 / 1100 / …), the
header runs to the first name with a figure under it, and each row is as many lines as
the header; the rows end at the first that is no name and figures (a remark column left
empty shifts the cells: the rows end there).  Leaves a line of words
(一、总体要求), a header whose rows are sentences, and a task header (序号 工作任务 牵头单位:
layout/spacedrows.py reads those).  Other forms of the same table (pipe, tab, a web
page's or Word file's grid) reach layout/headers.py as rows of cells already.
"""

from __future__ import annotations

import re

from ..inputs.columns import Column, assigned_at, assigned_row, column, is_figure
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow

_GAP = re.compile(r"\S+")
_LINE_MAX = 120  # characters of a header or row line; a paragraph is longer
_OPENING = frozenset({"unit", "body"})  # the kinds the header's first word may have


def assigned_tables(folded: str, blocks: list[Block], budget: Budget) -> list[TextTable]:
    """Every table of assigned targets one row per line or one cell per line (see the
    module), within *budget*."""
    tables: list[TextTable] = []
    i = 0
    while i < len(blocks) and not budget.spent:
        cols = _header(folded, blocks, i)
        if cols is None:
            lined = _line_header(folded, blocks, i)
            if lined is None:
                i += 1
                continue
            table, i = _cell_lines(folded, blocks, i, lined, budget)
            tables.append(table)
            continue
        table = TextTable("spaces", [TRow(_pieces(folded, blocks[i]), [blocks[i]])], [blocks[i]])
        i += 1
        while i < len(blocks):
            b = blocks[i]
            cells = _pieces(folded, b)
            texts = [folded[c.start : c.end] for c in cells]
            if b.end - b.start > _LINE_MAX or not assigned_row(texts, cols):
                break
            if not budget.take(len(cells), b.start):
                break
            table.rows.append(TRow(cells, [b]))
            table.blocks.append(b)
            i += 1
        tables.append(table)
    return tables


def _pieces(folded: str, b: Block) -> list[Cell]:
    return [Cell(m.start(), m.end()) for m in _GAP.finditer(folded, b.start, b.end)]


def _header(folded: str, blocks: list[Block], i: int) -> list[Column] | None:
    """The header's columns where the line at *i* opens such a table; most lines end the
    look at their first word."""
    b = blocks[i]
    space = folded.find(" ", b.start, b.end)
    if space == -1 or b.end - b.start > _LINE_MAX:
        return None
    if column(folded[b.start : space]).kind not in _OPENING:
        return None
    rows = [[folded[c.start : c.end] for c in _pieces(folded, x)] for x in blocks[i : i + 5]]
    found = assigned_at(rows, 1)
    return found[1] if found is not None else None


_LABELS_MAX = 12  # header labels of a table one cell per line, at most


def _text(folded: str, b: Block) -> str:
    return folded[b.start : b.end]


def _line_header(folded: str, blocks: list[Block], i: int) -> list[Column] | None:
    """The header's columns where the line at *i* opens such a table one cell per line:
    the column of bodies alone on its line, labels, then a name and a figure."""
    b = blocks[i]
    if b.end - b.start > _LINE_MAX or column(_text(folded, b)).kind not in _OPENING:
        return None
    for end in range(i + 2, min(i + 1 + _LABELS_MAX, len(blocks) - 1)):
        if is_figure(_text(folded, blocks[end + 1])):
            width = end - i
            rows = [[_text(folded, x) for x in blocks[k : k + width]]
                    for k in range(i, min(i + 3 * width, len(blocks)), width)]  # fmt: skip
            found = assigned_at(rows, 1)
            return found[1] if found is not None else None
    return None


def _cell_lines(
    folded: str, blocks: list[Block], i: int, cols: list[Column], budget: Budget
) -> tuple[TextTable, int]:
    """The table one cell per line from its header at *i*, and the block after it."""
    width = len(cols)
    head = blocks[i : i + width]
    table = TextTable("lines", [TRow([Cell(x.start, x.end) for x in head], head)], list(head))
    k = i + width
    while k + width <= len(blocks):
        lines = blocks[k : k + width]
        if not assigned_row([_text(folded, x) for x in lines], cols):
            break
        if not budget.take(width, lines[0].start):
            break
        table.rows.append(TRow([Cell(x.start, x.end) for x in lines], lines))
        table.blocks.extend(lines)
        k += width
    return table, k
