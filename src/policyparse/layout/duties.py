"""Tables of member units and their duties (成员单位职责分工), one cell per line: a header
单位 | 职责分工 (a column of bodies beside a duty column, lexicon layout/table_columns,
kinds duty_body and duty, 单位 counting as a body column there), then each body on a
line of its own and its duties on the lines after it, up to the next body:

    单位 / 职责分工 / 区规划资源局 / 拟定工作方案，负责组织协调。 / 区财政局 / 保障经费。

The rows print no number: their units belong to the node the table stands in (an annex,
usually: layout/tables.py, Table.loose).  A row needs its body and at least one line of
duties; the table ends at a heading, a fixed line (附件, a signature) or a line that is
neither a body nor a duty after a row has its body.
"""

from __future__ import annotations

from ..inputs.columns import column
from ..text.fold import compact
from .align import names_bodies
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow
from .roles import holds_no_row

_LABEL_MAX = 8  # 单位, 成员单位, 职责分工: short labels
_BODY_KINDS = ("duty_body", "measure_unit")
_DUTY_LINES = 12  # paragraphs of duties a body prints at most
_ROWS_MIN = 2


def _text(folded: str, b: Block) -> str:
    return compact(folded[b.start : b.end])


def _header(folded: str, blocks: list[Block], i: int) -> bool:
    """Blocks *i*, *i + 1* are 单位 / 职责分工 (a body column, then a duty column)."""
    if i + 1 >= len(blocks):
        return False
    a, b = _text(folded, blocks[i]), _text(folded, blocks[i + 1])
    if len(a) > _LABEL_MAX or len(b) > _LABEL_MAX:
        return False
    return column(a).kind in _BODY_KINDS and column(b).kind == "duty"


def duty_tables(folded: str, blocks: list[Block], budget: Budget) -> list[TextTable]:
    """Every table of this form (within *budget*)."""
    tables: list[TextTable] = []
    i = 0
    while i < len(blocks) and not budget.spent:
        if not _header(folded, blocks, i):
            i += 1
            continue
        head = blocks[i : i + 2]
        table = TextTable("lines", [TRow([Cell(b.start, b.end) for b in head], head)], head)
        j = _rows(folded, blocks, i + 2, table, budget)
        if len(table.rows) > _ROWS_MIN and budget.take(len(head), head[0].start):
            tables.append(table)
        i = max(j, i + 1)
    return tables


def _rows(folded: str, blocks: list[Block], j: int, table: TextTable, budget: Budget) -> int:
    """The rows from block *j*: a body, then its duties; where they end."""
    while j < len(blocks) and not budget.spent:
        body = blocks[j]
        if holds_no_row(folded, body) or not names_bodies(folded, body):
            break
        k = j + 1
        while k < len(blocks) and k - j <= _DUTY_LINES:
            b = blocks[k]
            if holds_no_row(folded, b) or names_bodies(folded, b):
                break
            k += 1
        if k == j + 1 or not budget.take(k - j, body.start):
            break  # a body with no duties: no row of this table
        duty = Cell(blocks[j + 1].start, blocks[k - 1].end)
        table.rows.append(TRow([Cell(body.start, body.end), duty], blocks[j:k]))
        table.blocks.extend(blocks[j:k])
        j = k
    return j
