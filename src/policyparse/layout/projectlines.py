"""Tables of projects printed one cell per line with no 序号 column (项目名称 / 项目内容 /
总投资（亿元）, then rows of as many lines, each ending in a figure).

Their quantities are the projects', not the plan's targets (layout/tables.py: a project
table); layout/lines.py finds where their header's short labels end and calls this.
"""

from __future__ import annotations

from ..inputs.columns import clean, column, kind
from ..text.fold import compact
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow
from .linecells import heading
from .roles import opens_attachment
from .values import value_like


def _text(folded: str, b: Block) -> str:
    return compact(folded[b.start : b.end])


_PROJECT_ROWS_MIN = 2  # rows a table of projects with no 序号 must print to be one


def project_table(
    folded: str, blocks: list[Block], i: int, head_end: int, budget: Budget
) -> tuple[TextTable | None, int]:
    """A table of projects with no 序号 column, one cell per line: 项目名称 / 项目内容 /
    总投资（亿元）, then rows of as many lines, each ending in a figure; and the line it
    ends at (None and *i* where there is none). *head_end*: where the short labels
    from block *i* end (lines._header_end).

    Read so that its quantities (建设公园绿地200公顷 under 项目内容) are the projects', not
    the plan's targets (layout/tables.py: a project table).  The rows end at the first
    group of lines whose last is no figure, or at a heading or an 附件 line."""
    if column(_text(folded, blocks[i])).kind != "project":
        return None, i
    width = _project_width(folded, blocks, i, head_end)
    if width < 2:
        return None, i
    head = blocks[i : i + width]
    rows: list[TRow] = []
    k = i + width
    while k + width <= len(blocks) and len(rows) * width < _MAX_PROJECT_LINES:
        group = blocks[k : k + width]
        if any(heading(folded, b) or opens_attachment(_text(folded, b)) for b in group):
            break
        if not value_like(clean(folded[group[-1].start : group[-1].end])):
            break
        rows.append(TRow([Cell(b.start, b.end) for b in group], group))
        k += width
    if len(rows) < _PROJECT_ROWS_MIN or not budget.take(width * (len(rows) + 1), head[0].start):
        return None, i
    table = TextTable("lines", [TRow([Cell(b.start, b.end) for b in head], list(head))], list(head))
    for row in rows:
        table.rows.append(row)
        table.blocks.extend(row.blocks)
    return table, k


_MAX_PROJECT_LINES = 20_000  # lines of one table of projects read at most


def _project_width(folded: str, blocks: list[Block], i: int, end: int) -> int:
    """How many of the short lines from block *i* are the header: the most whose last
    names a column of its own (总投资（亿元）) and after which a row of as many lines ends
    in a figure (a row's first cell, 郊野公园, is short too); 0 for none."""
    for width in range(end - i, 1, -1):
        cols = [column(_text(folded, b)) for b in blocks[i : i + width]]
        if kind(cols) != "project" or cols[-1].kind in ("", "remark"):
            continue
        last = i + 2 * width - 1
        if last < len(blocks) and value_like(clean(_text(folded, blocks[last]))):
            return width
    return 0
