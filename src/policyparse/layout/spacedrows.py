"""Task tables printed one row per line with one space between cells, as a PDF's text
layer read without its layout prints them.

``序号 类别 主要任务 细化措施 牵头单位 配合单位`` then rows such as ``1 水资源保 护 严守红线
实施双控行动，…。 市水利局 市发改委、市住建局``: only the header says what the cells are,
and a space stands both between cells and inside one (a name the PDF wrapped: ``水资源保 护``,
``严守用水 效率控制 红线``).  So a row is read from both ends:

- its number first, then, from the right, one piece for each column of units or of a
  deadline the header closes with (a list of bodies prints no space: ``市发改委、市住建局``);
- of what stands between, the measure column (the last text column) takes everything from
  the first piece that holds a sentence's punctuation on;
- the pieces left fill the columns left, an empty piece (two spaces) an empty cell, and a
  short piece (two characters at most, or the shortest) joined to its neighbour: the rest
  of a wrapped name.

A group's heading between rows (一、推进污染防治) is a row of one cell.

A header is a line of four or more column words, one space apart, opening with the serial
label and naming a column of units; the rows are the lines after it numbered on, from 1 or
from the number the first prints (a table printed from its 33rd row: 33, 34, 35).
Leaves a line of words that are not all column words (a sentence), and a header with no
unit column (an indicator table prints figures, which such rows cannot place).
"""

from __future__ import annotations

import re

from ..inputs.bodies import unit_like
from ..inputs.columns import Column, clean, column, holds_serial, serial_label, settle_years
from .align import deadline_like
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow
from .markers import match_marker

_HEADER_MIN = 4  # column words of a header line, at least
_CLOSING = frozenset({"unit", "deadline"})  # columns read from a row's right end
_SENTENCE = re.compile(r"[，。；：,;:]")
_NUMBER = re.compile(r"(\d{1,3}) ")
_TAIL_MAX = 2  # characters of a piece that is the rest of a wrapped name
_LIST_BREAK = re.compile(r"[,，;；]")
_GROUP_STYLES = ("cn_dun", "cn_paren")  # a group heading's label between rows


def spaced_row_tables(folded: str, blocks: list[Block], budget: Budget) -> list[TextTable]:
    """Every table of rows one space apart (see the module), within *budget*."""
    tables: list[TextTable] = []
    i = 0
    while i < len(blocks) and not budget.spent:
        cols = _header(folded, blocks[i])
        lines = 1
        if cols is None:
            wrapped = _wrapped_header(folded, blocks, i)
            if wrapped is None:
                i += 1
                continue
            cols, lines = wrapped
        table, i = _rows(folded, blocks, i, cols, budget, lines)
        if table is not None:
            tables.append(table)
    return tables


_HEADER_LINES = 4  # lines a header wraps over, at most
_YEAR_ALONE = re.compile(r"(?:19|20)\d{2}年")


def _wrapped_header(folded: str, blocks: list[Block], i: int) -> tuple[list[Column], int] | None:
    """A header printed over several lines, and how many: 序号 指标名称 2022年 / 完成情况 /
    目标任务 牵头部门 / 2023年 2024年 2025年.  A line of one word that is no column word
    alone finishes the label before it (2022年完成情况); a line of years alone splits the
    group label above it into a column per year (目标任务 → 2023年 | 2024年 | 2025年); the
    rows start at the first numbered line.  Leaves lines that never make a header."""
    first = folded.find(" ", blocks[i].start, blocks[i].end)
    if first == -1 or not serial_label(folded[blocks[i].start : first]):
        return None
    labels: list[str] = []
    for k in range(i, min(i + _HEADER_LINES + 1, len(blocks))):
        b = blocks[k]
        if _numbered(folded, b):
            if k == i + 1:
                return None  # one line: _header read it, or it is none
            cols = _columns_of(labels)
            return (cols, k - i) if cols is not None else None
        texts = [folded[c.start : c.end] for c in _pieces(folded, b)]
        if not _wrap_line(labels, texts):
            return None
    return None


def _wrap_line(labels: list[str], texts: list[str]) -> bool:
    """Take one line of a wrapped header into *labels*; False where it is no header line."""
    if not all(texts):
        return False
    if (
        labels
        and len(texts) == 1
        and (column(texts[0]).kind is None or _YEAR_ALONE.fullmatch(labels[-1]))
    ):
        labels[-1] += texts[0]  # 2022年 / 完成情况: one label wrapped
        return True
    years = [column(t) for t in texts]
    if labels and all(c.year is not None and c.kind == "target" for c in years):
        at = next((k for k, w in enumerate(labels) if column(w).kind == "task"), None)
        if at is None:
            return False
        labels[at : at + 1] = texts  # 目标任务 over 2023年 2024年 2025年
        return True
    labels.extend(texts)
    return True


def _columns_of(labels: list[str]) -> list[Column] | None:
    """A wrapped header's columns (_header_columns), their years settled."""
    cols = _header_columns(labels)
    if cols is not None:
        settle_years(cols)
    return cols


def glued_headers(folded: str, blocks: list[Block]) -> list[Block]:
    """The blocks with a header one space apart split off the line of text it closes
    (…附件：某市2018年任务分解表 序号 名称 工作任务 牵头责任单位: a page run together), as
    layout/repair splits a heading glued to the text before it; the rows under it are
    then read under their header."""
    out: list[Block] = []
    for b in blocks:
        at = _header_at(folded, b)
        if at is None:
            out.append(b)
            continue
        end = at
        while end > b.start and folded[end - 1] == " ":
            end -= 1
        out += [Block(b.start, end, b.role, b.glued), Block(at, b.end, glued=True)]
    return out


def _header_at(folded: str, b: Block) -> int | None:
    """Where a header closing the line starts (its serial label), if one does after text."""
    if folded.find(" ", b.start, b.end) == -1:
        return None
    if not holds_serial(folded, b.start, b.end):
        return None  # no serial label on the line: no header (and no splitting it)
    pieces = _pieces(folded, b)
    for k in range(1, len(pieces) - _HEADER_MIN + 1):
        p = pieces[k]
        if serial_label(folded[p.start : p.end]) and _columns(folded, pieces[k:]) is not None:
            return p.start
    return None


def _pieces(folded: str, b: Block) -> list[Cell]:
    """The line's pieces between single spaces; two spaces leave an empty piece."""
    out: list[Cell] = []
    start = b.start
    while (k := folded.find(" ", start, b.end)) != -1:
        out.append(Cell(start, k))
        start = k + 1
    out.append(Cell(start, b.end))
    return out


def _header(folded: str, b: Block) -> list[Column] | None:
    first = folded.find(" ", b.start, b.end)
    if first == -1 or not serial_label(folded[b.start : first]):
        return None  # a header opens with its serial label: most lines are no header
    return _columns(folded, _pieces(folded, b))


def _columns(folded: str, pieces: list[Cell]) -> list[Column] | None:
    """The header's columns where the pieces are one: column words, the first the serial
    label, one of them a unit column."""
    return _header_columns([folded[c.start : c.end] for c in pieces])


def _header_columns(labels: list[str]) -> list[Column] | None:
    """The columns the labels name where they make a header: column words, the first the
    serial label, one of them a unit column; else None."""
    if len(labels) < _HEADER_MIN or not serial_label(labels[0]):
        return None
    cols = [column(t) for t in labels]
    if not all(c.kind for c in cols) or not any(c.role for c in cols):
        return None
    return cols


def _rows(
    folded: str,
    blocks: list[Block],
    i: int,
    cols: list[Column],
    budget: Budget,
    lines: int = 1,
) -> tuple[TextTable | None, int]:
    """The rows under the header at block *i* (over *lines* lines), and the block after
    the table."""
    table = _head(folded, blocks[i : i + lines], cols)
    last, j = 0, i + lines
    while j < len(blocks):
        b = blocks[j]
        if _heading(folded, b) and j + 1 < len(blocks) and _numbered(folded, blocks[j + 1]):
            table.rows.append(TRow([Cell(b.start, b.end)], [b]))  # 一、推进污染防治: a group
            table.blocks.append(b)
            j += 1
            continue
        m = _NUMBER.match(folded, b.start, b.end)
        if m is None or (last and int(m.group(1)) != last + 1):
            break  # the first row may print any number: 33 in a table printed from its 33rd
        row = [b]
        while j + len(row) < len(blocks) and _continues(folded, blocks[j + len(row)]):
            row.append(blocks[j + len(row)])  # 区税务局: a unit cell over two lines
        cells = _row(folded, row, cols)
        if cells is None or not budget.take(len(cells), b.start):
            break
        table.rows.append(TRow(cells, row))
        table.blocks.extend(row)
        last, j = int(m.group(1)), j + len(row)
    return (table if last else None), j


def _head(folded: str, head: list[Block], cols: list[Column]) -> TextTable:
    """The table opened by its header's lines: one line, or a wrapped header whose columns
    the reader names (its first row the header)."""
    cells = [c for b in head for c in _pieces(folded, b)]
    table = TextTable("spaces", [TRow(cells, list(head))], list(head))
    if len(head) > 1:
        table.columns, table.header_rows = cols, 1
    return table


def _heading(folded: str, b: Block) -> bool:
    """A group's heading between rows (一、推进污染防治, （二）…): one piece of words."""
    mark = match_marker(folded, b.start, b.end)
    return mark is not None and mark.style in _GROUP_STYLES and " " not in folded[b.start : b.end]


def _numbered(folded: str, b: Block) -> bool:
    return _NUMBER.match(folded, b.start, b.end) is not None


def _continues(folded: str, b: Block) -> bool:
    """A line of bodies alone under a row: a unit cell printed over two lines (区财政局 /
    区税务局), or the next unit cell on a line of its own, the row's deadline after it at
    most (区发改委、区农投公司。 2023年12月底: the row's last line)."""
    if _numbered(folded, b) or _heading(folded, b):
        return False
    text = folded[b.start : b.end]
    if " " not in text:
        return _bodies(text)
    head, _, due = text.rpartition(" ")
    return " " not in head and _bodies(head) and deadline_like(clean(due))


def _bodies(text: str) -> bool:
    """区发改委, 区政府各部门,各乡镇人民政府、街道办事处,谯城经开区管委会。: bodies listed."""
    parts = _LIST_BREAK.split(text.rstrip("。"))
    return all(p and unit_like(clean(p)) for p in parts)


def _row(folded: str, lines: list[Block], cols: list[Column]) -> list[Cell] | None:
    """The row's cells by column, or None where its pieces cannot fill the header."""
    pieces = [p for b in lines for p in _pieces(folded, b)]
    closing = 0
    while closing < len(cols) - 1 and cols[-1 - closing].kind in _CLOSING:
        closing += 1
    width = len(cols) - 1 - closing
    if closing == 0 or width < 1 or len(pieces) < 2 + closing:
        return None
    start = len(pieces) - closing  # the closing cells, one piece each
    while (
        cols[-closing].role is not None
        and start > 2
        and _bodies(folded[pieces[start - 1].start : pieces[start - 1].end])
    ):
        start -= 1  # a unit cell's further lines of bodies: the first closing cell's
    own = len(pieces) - closing  # the first closing cell's last piece
    tail = [Cell(pieces[start].start, pieces[own].end), *pieces[own + 1 :]]
    texts = _texts(folded, pieces[1:start], width)
    if texts is None:
        return None
    return [pieces[0], *texts, *tail]


def _texts(folded: str, pieces: list[Cell], width: int) -> list[Cell] | None:
    """The text columns' cells from the pieces between the number and the closing cells:
    the last column from the first piece holding a sentence's punctuation on."""
    at = next((k for k, p in enumerate(pieces) if _SENTENCE.search(folded, p.start, p.end)), None)
    if at is None or at < width - 1:
        at = len(pieces) - 1
    measure = Cell(pieces[at].start, pieces[-1].end)
    rest = [[k] for k in range(at)]
    while len(rest) > width - 1:
        if not _join(folded, pieces, rest):
            return None
    first = pieces[0].start if pieces else measure.start
    cells = [Cell(first, first)] * (width - 1 - len(rest)) + [_span(pieces, g) for g in rest]
    return [*cells, measure]


def _join(folded: str, pieces: list[Cell], groups: list[list[int]]) -> bool:
    """Join one short piece of a wrapped name to its neighbour; False where none can be."""

    def size(g: list[int]) -> int:
        return sum(pieces[k].end - pieces[k].start for k in g)

    filled = [k for k, g in enumerate(groups) if size(g) > 0]
    if len(filled) < 2:
        return False
    k = min(filled, key=lambda n: (size(groups[n]) > _TAIL_MAX, size(groups[n])))
    left = k - 1 if k > 0 and size(groups[k - 1]) > 0 else None
    right = k + 1 if k + 1 < len(groups) and size(groups[k + 1]) > 0 else None
    other = left if left is not None else right
    if other is None:
        return False
    lo, hi = min(k, other), max(k, other)
    groups[lo : hi + 1] = [groups[lo] + groups[hi]]
    return True


def _span(pieces: list[Cell], group: list[int]) -> Cell:
    return Cell(pieces[group[0]].start, pieces[group[-1]].end)
