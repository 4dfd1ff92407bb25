"""Indicator tables printed one cell per line with neither 序号 nor 属性: each row its
name and then a figure for each value column.

类别 / 指标 / 2010年实绩 / 2015年目标, then 一、经济增长 (a group's heading, the 类别 cell
merged down) and rows such as 农业增加值（亿元） / 81.53 / 163: no number tells where a
row starts and no 属性 word where it ends, but the header tells how many figures follow
each name.  A row is a line of words followed by exactly that many figures; a marked
heading (一、…) between rows is a group row; the table ends at the first line that is
neither.

The header is a run of short labels: a group column (类别) at most, then an indicator
column, then value columns only (a base or target year: 2010年实绩, 2015年目标).  A header
naming anything else (序号: layout/lines.py; 属性: layout/attributed.py; a unit column) is
another reader's.
"""

from __future__ import annotations

from ..inputs.columns import Column, clean, column, settle_years
from ..text.fold import compact
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow
from .markers import match_marker
from .values import unit_after_figure, unit_word

_LABEL_MAX = 12  # a header cell is a short label
_NAME_MAX = 40  # an indicator's name is a line of words, not a paragraph
_VALUES = frozenset({"base", "target"})
_OPENING = frozenset({"category", "indicator"})  # the kinds a header's first label may have
_ROWS_MIN = 2  # rows a table must print to be one


def figured_tables(folded: str, blocks: list[Block], budget: Budget) -> list[TextTable]:
    """Every such table in the text, within *budget*."""
    tables: list[TextTable] = []
    i = 0
    while i < len(blocks) and not budget.spent:
        head = _header(folded, blocks, i)
        if head is None:
            i += 1
            continue
        table, end = _rows(folded, blocks, i, head)
        if table is not None and budget.take(sum(len(r.cells) for r in table.rows), table.start):
            tables.append(table)
        i = max(end, i + 1)
    return tables


def _text(folded: str, b: Block) -> str:
    return compact(folded[b.start : b.end])


def _figure(folded: str, b: Block) -> bool:
    """81.53, 74%, ≥95, 5以上: a value cell, a figure and at most its unit (2010年实绩 is a
    label)."""
    rest = unit_after_figure(clean(folded[b.start : b.end]), bracketed=True)
    return rest is not None and (rest == "" or unit_word(rest))


def _marked(folded: str, b: Block) -> bool:
    return match_marker(folded, b.start, b.end) is not None


def _header(folded: str, blocks: list[Block], i: int) -> tuple[int, int] | None:
    """Where the header opening at block *i* ends and how many value columns it has."""
    if column(_text(folded, blocks[i])).kind not in _OPENING:
        return None  # the header opens with its group or indicator column: not here
    j = i
    cols: list[Column] = []
    while j < len(blocks) and len(cols) < _LABEL_MAX:
        text = _text(folded, blocks[j])
        if not text or len(text) > _LABEL_MAX or _figure(folded, blocks[j]):
            break
        if _marked(folded, blocks[j]):
            break
        col = column(text)
        if not col.kind:
            break
        cols.append(col)
        j += 1
    settle_years(cols)
    kinds = [c.kind for c in cols]
    if kinds[:1] == ["category"]:
        kinds = kinds[1:]
    if len(kinds) < 2 or kinds[0] != "indicator" or not set(kinds[1:]) <= _VALUES:
        return None
    return j, len(kinds) - 1


def _rows(
    folded: str, blocks: list[Block], i: int, head: tuple[int, int]
) -> tuple[TextTable | None, int]:
    """The rows under the header (blocks [i, end of header)), and the block after them."""
    j, values = head
    header = blocks[i:j]
    table = TextTable("lines", [TRow([Cell(b.start, b.end) for b in header], header)], header)
    rows = 0
    whole: tuple[int, int, int] | None = None  # rows, lines and end after the last data row
    while j < len(blocks):
        b = blocks[j]
        if _marked(folded, b) and j + 1 < len(blocks) and not _figure(folded, blocks[j + 1]):
            table.rows.append(TRow([Cell(b.start, b.end)], [b]))  # 一、经济增长: a group
            table.blocks.append(b)
            j += 1
            continue
        row = blocks[j : j + 1 + values]
        if len(row) < 1 + values or not _name(folded, b):
            break
        if not all(_figure(folded, v) for v in row[1:]):
            break
        table.rows.append(TRow([Cell(v.start, v.end) for v in row], row))
        table.blocks.extend(row)
        rows += 1
        j += len(row)
        whole = (len(table.rows), len(table.blocks), j)
    # A group heading with no row under it (三、保障措施 / 加强组织领导。) is the text's again.
    if whole is not None:
        kept, lines, j = whole
        del table.rows[kept:], table.blocks[lines:]
    return (table if rows >= _ROWS_MIN else None), j


def _name(folded: str, b: Block) -> bool:
    text = _text(folded, b)
    return 0 < len(text) <= _NAME_MAX and not _figure(folded, b) and not _marked(folded, b)
