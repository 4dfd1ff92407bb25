"""Task lists printed one cell per line whose header row is lost (printed as an image, or
dropped by a page's converter): numbered rows, each with a line of the bodies responsible.

    1 / 千人社区养老服务设施面积 / 全区每千名常住人口拥有的…面积 / ㎡/千人 / 区民政局 / 请提供…清单
    2 / 千人3岁以下婴幼儿托位数 / … / 个/千人 / 区教育局 / 请提供…清单

A run of at least ``_ROWS_MIN`` rows numbered in sequence from 1 (a key mark may stand
before the number: ``*1``, lexicon layout/key_marks), most of them with a line naming
bodies after their title (align.unit_like; a mark for nobody, ``/`` or ``—``, as a
checklist prints, names none), is read as a task table whose columns are named by
what the cells hold: the number, the title (the row's first line), the detail (the lines
up to the bodies), a measure unit (a short line right before the bodies: ``㎡/人``, ``%``),
the bodies (responsible: no header names another role) and a note after them (``请提供…``,
``—``).  Where most rows carry a measure unit the list is one of indicators and its details
are definitions, whose figures are no targets (``服务半径不宜大于1000m``); else the details
are measures, read as prose.  A short line between a row's note and the next number is a
group label (``品质宜居``): text, in no row.  The table ends where the numbers stop running
on, at a heading, or at a line that opens an annex.
"""

from __future__ import annotations

from ..inputs.columns import Column, cell_words, clean
from ..text.fold import compact, is_han
from .align import names_bodies, serial_text
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow
from .roles import holds_no_row

_ROWS_MIN = 5  # rows a list needs before it is read as a table
_BODIES_SHARE = 0.8  # of its rows that name bodies
_MEASURE_MAX = 6  # characters of a measure unit's line (㎡/千人, 管段)
_GROUP_MAX = 8  # characters of a group label's line (品质宜居)
_ROW_LINES = 12  # lines of one row at most


def _text(folded: str, b: Block) -> str:
    return compact(folded[b.start : b.end])


def _number(folded: str, b: Block) -> int | None:
    return serial_text(_text(folded, b))


def _group_label(folded: str, b: Block) -> bool:
    """品质宜居: a short line of words alone, no body, no figure, no stop."""
    words = _text(folded, b)
    return (
        0 < len(words) <= _GROUP_MAX
        and all(is_han(ch) for ch in words)
        and not names_bodies(folded, b)
    )


class _Row:
    """One row's lines split by what they hold."""

    def __init__(self, folded: str, lines: list[Block]) -> None:
        self.lines = lines
        at = next((k for k in range(1, len(lines)) if names_bodies(folded, lines[k])), None)
        self.bodies: list[Block] = []
        self.measure: Block | None = None
        self.note: list[Block] = []
        if at is None:
            self.detail = lines[1:]
            return
        end = at
        while end < len(lines) and names_bodies(folded, lines[end]):
            end += 1
            if not _text(folded, lines[end - 1]).endswith("、"):
                break  # 区水务局、区房管局、 / 区交通委: a list over two lines
        self.bodies = lines[at:end]
        self.detail = lines[1:at]
        if len(self.detail) >= 2 and len(_text(folded, self.detail[-1])) <= _MEASURE_MAX:
            self.measure = self.detail.pop()
        self.note = lines[end:]

    def named(self, folded: str) -> bool:
        """The row names a body: not only a mark for nobody (/, —), as a checklist prints."""
        none = cell_words("none")
        return any(clean(_text(folded, b)) not in none for b in self.bodies)

    def cells(self, first: Block) -> list[Cell]:
        """Number, title, detail, measure, bodies, note: one cell each, empty where absent."""
        empty = Cell(first.end, first.end)
        title = self.lines[1] if len(self.lines) > 1 else None

        def span(blocks: list[Block]) -> Cell:
            return Cell(blocks[0].start, blocks[-1].end) if blocks else empty

        return [
            Cell(first.start, first.end),
            span([title] if title is not None else []),
            span(self.detail),
            span([self.measure] if self.measure is not None else []),
            span(self.bodies),
            span(self.note),
        ]


def _row_lines(folded: str, blocks: list[Block], j: int, number: int) -> int:
    """Where the row numbered *number* at block *j* ends: at the next number in sequence
    (before a group label right above it), at a stop, or after ``_ROW_LINES`` lines."""
    k = j + 1
    while k < len(blocks) and k - j <= _ROW_LINES:
        b = blocks[k]
        if _number(folded, b) == number + 1 or holds_no_row(folded, b):
            break
        k += 1
    if k < len(blocks) and _number(folded, blocks[k]) == number + 1:
        while k - 1 > j + 1 and _group_label(folded, blocks[k - 1]):
            k -= 1
    return k


def _columns(measured: bool) -> list[Column]:
    """The columns the cells tell: a list of indicators (*measured*) reads its details as
    definitions (remark: no prose), a list of measures as prose."""
    detail = "remark" if measured else ""
    return [
        Column("serial"),
        Column("task"),
        Column(detail),
        Column("measure_unit"),
        Column("unit", role="responsible"),
        Column("remark"),
    ]


def _read(folded: str, blocks: list[Block], i: int) -> list[tuple[int, int]]:
    """The rows numbered from 1 at block *i*: (first, end) block ranges."""
    spans: list[tuple[int, int]] = []
    j, number = i, 1
    while j < len(blocks) and _number(folded, blocks[j]) == number:
        end = _row_lines(folded, blocks, j, number)
        if end == j + 1:
            break  # a number alone: no row
        spans.append((j, end))
        number += 1
        k = end
        while k < len(blocks) and _group_label(folded, blocks[k]):
            k += 1  # 安全韧性 / 8: the group's label, then its first row
        if k >= len(blocks) or _number(folded, blocks[k]) != number:
            break
        j = k
    return spans


def _last_row(folded: str, rows: list[_Row]) -> None:
    """The last row's note is one line: what follows is no cell of the list (a caption)."""
    row = rows[-1]
    if len(row.note) > 1:
        row.note = row.note[:1]
        row.lines = row.lines[: row.lines.index(row.note[0]) + 1]


def headless_tables(folded: str, blocks: list[Block], budget: Budget) -> list[TextTable]:
    """Every list of this form (within *budget*)."""
    tables: list[TextTable] = []
    i = 0
    while i < len(blocks) and not budget.spent:
        if _number(folded, blocks[i]) != 1:
            i += 1
            continue
        spans = _read(folded, blocks, i)
        rows = [_Row(folded, blocks[a:b]) for a, b in spans]
        named = sum(1 for r in rows if r.named(folded))
        if len(rows) < _ROWS_MIN or named < _BODIES_SHARE * len(rows):
            i += 1
            continue
        _last_row(folded, rows)
        table = _table(folded, blocks, spans, rows, budget)
        if table is not None:
            tables.append(table)
        i = max(spans[-1][0] + len(rows[-1].lines), i + 1)
    return tables


def _table(
    folded: str, blocks: list[Block], spans: list[tuple[int, int]], rows: list[_Row], budget: Budget
) -> TextTable | None:
    """The list as a table of its rows (None past the *budget*)."""
    measured = sum(1 for r in rows if r.measure is not None) >= _BODIES_SHARE * len(rows)
    first = blocks[spans[0][0]]
    if not budget.take(sum(len(r.lines) for r in rows), first.start):
        return None
    table = TextTable("lines", columns=_columns(measured))
    last = spans[-1][0] + len(rows[-1].lines)
    table.blocks.extend(blocks[spans[0][0] : last])
    for (a, _), row in zip(spans, rows, strict=True):
        table.rows.append(TRow(row.cells(blocks[a]), row.lines))
    return table
