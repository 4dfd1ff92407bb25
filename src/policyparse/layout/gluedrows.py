"""Task tables whose cells a page printed with nothing between them, the rows run
together on a line, as a newspaper's or a PDF's text may give them::

    序号工作任务责任单位21树立婚育新风。…构建新型婚育文化。省委宣传部、省民政厅牵头;省总工会
    配合;各州(市)党委和政府落实22根据经济社会发展水平…

The header is the column words one after another (序号 | 工作任务 | 责任单位: lexicon
layout/table_columns and the role labels), right before the first row's number.  A row
opens at the next number in sequence where the text before it ends a cell of bodies (the
words after the last 。 of the row name bodies, with their role verbs at most: 省财政厅牵头;
各州(市)党委和政府落实) and words follow it (not 22个, not 2022年).  The row's task runs to its
last 。 and its unit cell is the rest.  Only a header of the serial column, one column of
words and one of units is read so: where more columns stand between, nothing tells where
one ends.

glued_table_blocks cuts such a line into the header and one block per row (layout/stages,
before tables are read); glued_row_tables reads them.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..inputs.bodies import unit_like
from ..inputs.columns import clean, column, column_words, holds_serial, serial_words
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow

_WORD_MAX = 8  # characters of the longest column word matched in a glued header
_ROWS_MIN = 2  # rows a glued table must print to be read as one
_NUMBER = re.compile(r"\d{1,3}(?!\d)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_STOPS = "。"


def _words_at(folded: str, pos: int, end: int) -> list[tuple[int, int]]:
    """The column words glued one after another from *pos*, longest first at each step."""
    words = column_words()
    out: list[tuple[int, int]] = []
    while pos < end:
        n = next(
            (n for n in range(min(_WORD_MAX, end - pos), 1, -1) if folded[pos : pos + n] in words),
            0,
        )
        if not n:
            break
        out.append((pos, pos + n))
        pos += n
    return out


def _header(folded: str, b: Block) -> list[tuple[int, int]] | None:
    """The glued header in block *b*: serial, words, units, right before a digit."""
    for serial in serial_words():
        at = folded.find(serial, b.start, b.end)
        if at == -1:
            continue
        words = _words_at(folded, at, b.end)
        if len(words) != 3 or not folded[words[-1][1] : words[-1][1] + 1].isdigit():
            continue
        kinds = [column(folded[s:e]) for s, e in words]
        if kinds[0].kind == "serial" and kinds[-1].role is not None and kinds[1].role is None:
            return words
    return None


def _units_at(folded: str, start: int, end: int) -> int:
    """Where the row's text [start, end) ends its task: its last 。, where what follows names
    bodies (the unit cell); -1 where it does not end so."""
    stop = max(folded.rfind(ch, start, end) for ch in _STOPS)
    return stop if stop != -1 and unit_like(clean(folded[stop + 1 : end])) else -1


def _row_starts(folded: str, pos: int, end: int) -> list[int]:
    """Where each row starts from *pos* (the first row's number) to *end*."""
    first = _NUMBER.match(folded, pos, end)
    if first is None:
        return []
    starts, n, at = [pos], int(first.group()), first.end()
    while True:
        nxt = str(n + 1)
        k = folded.find(nxt, at, end)
        while k != -1:
            after = folded[k + len(nxt) : k + len(nxt) + 1]
            clear = not folded[k - 1].isdigit() and bool(_CJK.match(after))
            if clear and _units_at(folded, starts[-1], k) != -1:
                break
            k = folded.find(nxt, k + 1, end)
        if k == -1:
            return starts
        starts.append(k)
        n, at = n + 1, k + len(nxt)


def glued_table_blocks(folded: str, blocks: list[Block]) -> list[Block]:
    """The blocks with every line holding a glued table cut into its header and its rows
    (the text before the header a block of its own)."""
    out: list[Block] = []
    for b in blocks:
        head = _header(folded, b) if holds_serial(folded, b.start, b.end) else None
        starts = _row_starts(folded, head[-1][1], b.end) if head else []
        if head is None or len(starts) < _ROWS_MIN:
            out.append(b)
            continue
        end = head[0][0]
        while end > b.start and folded[end - 1] == " ":
            end -= 1
        if end > b.start:
            out.append(Block(b.start, end, b.role, b.glued))
        out.append(Block(head[0][0], head[-1][1], glued=True))
        bounds = [*starts, b.end]
        out += [Block(s, e, glued=True) for s, e in pairwise(bounds)]
    return out


def glued_row_tables(folded: str, blocks: list[Block], budget: Budget) -> list[TextTable]:
    """Every glued table (see the module) in the blocks glued_table_blocks cut."""
    tables: list[TextTable] = []
    i = 0
    while i < len(blocks) and not budget.spent:
        b = blocks[i]
        head = _header(folded, b) if b.glued and holds_serial(folded, b.start, b.end) else None
        if head is None or head[0][0] != b.start or head[-1][1] != b.end:
            i += 1
            continue
        table = TextTable("glued", [TRow([Cell(s, e) for s, e in head], [b])], [b])
        i += 1
        while i < len(blocks) and blocks[i].glued and (row := _row(folded, blocks[i])):
            if not budget.take(1, blocks[i].start):
                break
            table.rows.append(TRow(row, [blocks[i]]))
            table.blocks.append(blocks[i])
            i += 1
        if len(table.rows) > _ROWS_MIN:
            tables.append(table)
    return tables


def _row(folded: str, b: Block) -> list[Cell] | None:
    """A row's cells: its number, its task up to its last 。, its unit cell."""
    m = _NUMBER.match(folded, b.start, b.end)
    if m is None:
        return None
    stop = _units_at(folded, m.end(), b.end)
    if stop == -1:
        return None
    return [Cell(m.start(), m.end()), Cell(m.end(), stop + 1), Cell(stop + 1, b.end)]
