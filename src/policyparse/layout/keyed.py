"""Task tables printed one cell per line with no 序号 column, each row numbered inside
its first cell: 类别 / 项目 / 主要任务 / 牵头单位 / 配合单位, then the group 一、做好政策保障
and rows such as 1.做好规划配套 / 将…同步规划、同步实施。 / 区消防救援支队 / 区应急局、各街道.

Only a header with a task column and a unit column, and no 序号 (that table is
layout/lines.py's), opens such a table, and only where a numbered row follows it (past
its groups).  A row is its numbered line and the lines up to the next row or group; its
number becomes a cell of its own (the table reader reads it as the row's number).  Inside
a row the lines are read by what they hold: a short line right after the numbered one and
before a line of words is the numbered cell wrapped (5.实化运行消防 / 安全委员会); a line of
words opens a task, the bodies after it are that task's units (the first cell the lead
column's, the next the following column's; a body ending in 、 goes on over the next
line); a second task under the same number is a row that continues it.  A group (一、…,
（一）…, or 1、… above rows （1）…) is a group row of the table.
"""

from __future__ import annotations

import re

from ..inputs.bodies import unit_like
from ..inputs.columns import clean, column, column_words
from ..text.fold import compact
from .align import names_bodies
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow
from .markers import Marker, match_marker
from .roles import opens_attachment
from .values import bare_figure

_LABEL_MAX = 12  # a header label is short
_HEADER_MAX = 12  # labels of a header at most
_GROUP_TITLE_MAX = 40  # a group's title (一、做好政策保障) is a short line
_ROW_LINES = 4  # a row prints at most this many lines per column (merged and split cells)
_WRAP_MAX = 12  # a numbered cell wrapped onto a second line leaves a short piece there
_ROW_STYLES = ("arabic", "arabic_paren")
_GROUP_STYLES = ("cn_dun", "cn_paren", "arabic")
_DIGITS = re.compile(r"\d{1,3}")
_NUMERAL = re.compile(r"[一二三四五六七八九十]{1,3}")
_SENTENCE = re.compile(r"[，。；：,;:]")


def _text(folded: str, b: Block) -> str:
    return compact(folded[b.start : b.end])


def _label(folded: str, b: Block) -> bool:
    """A header label: short (longer where it names a column), no marker, no figure."""
    text = _text(folded, b)
    if not text or match_marker(folded, b.start, b.end) is not None:
        return False
    named = bool(column(text).kind)
    if len(text) > (2 * _LABEL_MAX if named else _LABEL_MAX):
        return False
    return not any(ch.isdigit() for ch in text) or named


def _header(
    folded: str, blocks: list[Block], i: int
) -> tuple[list[Cell], list[str], int] | int | None:
    """The header's cells and column kinds from block *i* (a label wrapped over two lines,
    牵头 / 部门, is one) and the block after it; None where this is no such header, or the
    block where the run of labels ended when it names no task or no unit column (no header
    starts inside it either: the run is skipped whole, in linear time)."""
    first = _text(folded, blocks[i])
    nxt = _text(folded, blocks[i + 1]) if i + 1 < len(blocks) else ""
    if not column(first).kind and first + nxt not in column_words():
        return None  # a header opens with a column word (类别, 任务 / 分类): linear time
    cells: list[Cell] = []
    kinds: list[str] = []
    j = i
    stop = min(len(blocks), i + 2 * _HEADER_MAX)
    while j < stop and _label(folded, blocks[j]):
        a = _text(folded, blocks[j])
        b = _text(folded, blocks[j + 1]) if j + 1 < stop and _label(folded, blocks[j + 1]) else ""
        if b and a + b in column_words():  # 牵头 / 部门, 任务 / 分类
            cells.append(Cell(blocks[j].start, blocks[j + 1].end))
            kinds.append(column(a + b).kind)
            j += 2
            continue
        cells.append(Cell(blocks[j].start, blocks[j].end))
        kinds.append(column(a).kind)
        j += 1
    if "serial" in kinds:
        return None
    if "task" not in kinds or "unit" not in kinds:
        return j if j < stop else None
    return cells, kinds, j


def _marker(folded: str, b: Block, styles: tuple[str, ...]) -> Marker | None:
    """The marker opening block *b*, of one of *styles*, with words after it."""
    mk = match_marker(folded, b.start, b.end)
    if mk is None or mk.style not in styles or mk.end >= b.end or mk.digit_follows:
        return None
    return mk


class _Keyed:
    """One table's rows as they are read: the row style, the last number, the budget."""

    def __init__(
        self, folded: str, blocks: list[Block], kinds: list[str], table: TextTable, budget: Budget
    ) -> None:
        self.folded, self.blocks, self.kinds = folded, blocks, kinds
        self.table, self.budget = table, budget
        self.style: str | None = None
        self.last = 0

    def row_at(self, k: int) -> Marker | None:
        """A row's numbered line at block *k*: its style the table's, its number the next."""
        if k >= len(self.blocks):
            return None
        mk = _marker(self.folded, self.blocks[k], (self.style,) if self.style else _ROW_STYLES)
        if mk is None or mk.value not in (self.last + 1, 1):
            return None
        nxt = self.blocks[k + 1] if k + 1 < len(self.blocks) else None
        if nxt is None or _marker(self.folded, nxt, _ROW_STYLES) is not None:
            return None  # a row prints cells after its number; a group line is followed by rows
        return mk

    def group_at(self, k: int) -> int:
        """The lines of a group at block *k* (一、做好政策保障; （一） / 提升设施品质) that rows
        follow: 1, 2, or 0 for none."""
        b = self.blocks[k]
        mk = match_marker(self.folded, b.start, b.end)
        if mk is None or mk.style not in _GROUP_STYLES or mk.style == self.style:
            return 0
        taken = 1
        if mk.end >= b.end:  # （一） alone, its title on the next line
            taken = 2
        title = self.blocks[k + taken - 1] if k + taken - 1 < len(self.blocks) else None
        if title is None or len(_text(self.folded, title)) > _GROUP_TITLE_MAX:
            return 0
        if _SENTENCE.search(_text(self.folded, title)[-1:]):
            return 0
        return taken if self._rows_follow(k + taken, mk.style) else 0

    def _rows_follow(self, k: int, group_style: str) -> bool:
        if k >= len(self.blocks):
            return False
        nxt = _marker(self.folded, self.blocks[k], _ROW_STYLES)
        return nxt is not None and nxt.style != group_style and nxt.value in (self.last + 1, 1)

    def add_group(self, k: int, taken: int) -> None:
        """A group on one line (一、做好政策保障) is a heading row, nested by its marker as
        headings are; one whose title stands on the next line (（一） / 提升设施品质) a group
        row of its numeral and title."""
        b = self.blocks[k]
        if taken == 1:
            row = TRow([Cell(b.start, b.end)], [b])
        else:
            m = _NUMERAL.search(self.folded, b.start, b.end) or _DIGITS.search(
                self.folded, b.start, b.end
            )
            assert m is not None
            title = self.blocks[k + 1]
            row = TRow([Cell(m.start(), m.end()), Cell(title.start, title.end)], [b, title])
            row.group = True
        self.table.rows.append(row)
        self.table.blocks.extend(row.blocks)

    def row_end(self, j: int) -> int:
        """The block after the row opened at *j*: the next row or group, a fixed line, or
        the most lines a row prints."""
        k = j + 1
        cap = j + _ROW_LINES * len(self.kinds)
        while k < min(len(self.blocks), cap):
            b = self.blocks[k]
            if b.role is not None or opens_attachment(_text(self.folded, b)):
                break
            if self.row_at(k) is not None or self.group_at(k):
                break
            k += 1
        return k

    def add_row(self, j: int, k: int, mk: Marker) -> None:
        """The row of blocks [j, k): its number cell, then its tasks with their units."""
        row = self.blocks[j:k]
        first = row[0]
        m = _DIGITS.search(self.folded, first.start, mk.end)
        assert m is not None
        number, opened = Cell(m.start(), m.end()), Cell(mk.end, first.end)
        rest = row[1:]
        if len(rest) > 1 and self._wrapped(rest[0], rest[1]):
            opened = Cell(mk.end, rest[0].end)
            rest = rest[1:]
        segments = self._segments(opened, rest)
        for n, (texts, bodies) in enumerate(segments):
            cells = self._place(number if n == 0 else None, texts, bodies)
            lines = [b for b in row if any(b.start <= c.start < b.end + 1 for c in cells)]
            self.table.rows.append(TRow(cells, lines or [first]))
        self.table.blocks.extend(row)

    def _wrapped(self, b: Block, after: Block) -> bool:
        """Block *b* is the numbered cell's second line: short, no stop, no body, no lone
        figure, and a line of words (the task) after it."""
        text = _text(self.folded, b)
        if len(text) > _WRAP_MAX or _SENTENCE.search(text) or bare_figure(clean(text)):
            return False  # 200辆: a year column's figure, not the task's second line
        return not names_bodies(self.folded, after)

    def _segments(self, opened: Cell, rest: list[Block]) -> list[tuple[list[Cell], list[Cell]]]:
        """The row's tasks: text cells, then the unit cells after them (a body ending in 、
        goes on over the next line)."""
        segments: list[tuple[list[Cell], list[Cell]]] = [([opened], [])]
        for b in rest:
            words = clean(_text(self.folded, b))
            texts, bodies = segments[-1]
            if unit_like(words):
                held = compact(self.folded[bodies[-1].start : bodies[-1].end]) if bodies else ""
                if held.endswith("、"):
                    bodies[-1] = Cell(bodies[-1].start, b.end)
                else:
                    bodies.append(Cell(b.start, b.end))
            elif bodies:
                segments.append(([Cell(b.start, b.end)], []))
            else:
                texts.append(Cell(b.start, b.end))
        return segments

    def _place(self, number: Cell | None, texts: list[Cell], bodies: list[Cell]) -> list[Cell]:
        """One printed row's cells under the header's columns: the number first, the texts
        right-aligned before the first unit column, the bodies under the unit columns in
        order (more bodies than columns: the rest join the last)."""
        width = len(self.kinds)
        units = [k for k, kind in enumerate(self.kinds) if kind == "unit"]
        at = number.start if number is not None else (texts or bodies)[0].start
        out = [Cell(at, at) for _ in range(width)]
        if number is not None:
            out[0] = number
        slots = list(range(1 if number is not None else 0, units[0]))
        for col, c in zip(slots[len(slots) - len(texts) :], texts[-len(slots) :], strict=False):
            out[col] = c
        if len(texts) > len(slots) and slots:
            out[slots[0]] = Cell(texts[0].start, texts[len(texts) - len(slots)].end)
        for n, c in enumerate(bodies):
            col = units[min(n, len(units) - 1)]
            out[col] = c if n < len(units) else Cell(out[col].start, c.end)
        return out


def keyed_tables(folded: str, blocks: list[Block], budget: Budget) -> list[TextTable]:
    """Every table of this form (within *budget*)."""
    tables: list[TextTable] = []
    i = 0
    while i < len(blocks) and not budget.spent:
        found = _header(folded, blocks, i) if _label(folded, blocks[i]) else None
        if found is None or isinstance(found, int):
            i = max(found or 0, i + 1)
            continue
        cells, kinds, j = found
        head = blocks[i:j]
        table = TextTable("lines", [TRow(cells, list(head))], list(head))
        end = _rows(_Keyed(folded, blocks, kinds, table, budget), j)
        if len(table.rows) > 1 and budget.take(len(head), head[0].start):
            tables.append(table)
        i = max(end, i + 1)
    return tables


def _rows(r: _Keyed, j: int) -> int:
    """The rows from block *j*; where they end."""
    while j < len(r.blocks) and not r.budget.spent:
        taken = r.group_at(j)
        if taken:
            r.add_group(j, taken)
            j += taken
            continue
        mk = r.row_at(j)
        if mk is None:
            break
        r.style, r.last = mk.style, mk.value
        k = r.row_end(j)
        if not r.budget.take(k - j, r.blocks[j].start):
            break
        r.add_row(j, k, mk)
        j = k
    return j
