"""Tables of assessed targets printed one cell per line with a score column and no 序号:
项目 | 分值 | 目标任务 | 监考单位, then per row an indicator, its score, its target and the
units that assess it, as a county's 目标任务分解表 prints them::

    宏观调控 / 地区生产总值增长率 / 3 / 年终根据全省平均水平综合考核 / 区发改局区统计局 /
    全社会固定资产投资额 / 3 / 186 / 区发改委区统计局 / 外贸进出口额 / 1 / 10000 / …

A cell merged over several rows is printed on its first row only, so a row may lack its
target or its units: only what each line holds tells them apart.  After a row's score (a
small figure) comes its target, a figure (186, 低于 4.1) or words (年终…考核) — unless the
words are the next row's indicator, which a score follows — then a cell of bodies, if
any.  A line of words with another line of words after it, where an indicator is
expected, is a group's label (宏观调控).  The header is three or more short labels on
lines of their own: a score column (lexicon layout/score_labels) right after the first,
and a column of units (a role label) among them.

The table carries its columns (the indicator, its score, its target, its assessing units:
an indicator table whose units are the node's, as for 考核责任单位), its header printed as
its first row; each row is given as four cells, the cells it lacks empty; a group's label
is a row of one cell.
"""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..inputs.bodies import unit_like
from ..inputs.columns import Column, clean, column
from ..text.fold import compact
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow
from .values import FIGURE

_LABEL_MAX = 8  # a header label is short
_LABELS_MAX = 6  # labels a header prints at most
# What the four columns hold: the indicator, its score, its target, who assesses it.
_KINDS = ("indicator", "remark", "target", "unit")
_NAME_MAX = 40  # an indicator's name is shorter than a paragraph
_SCORE = re.compile(r"\d{1,3}(?:\.\d{1,2})?")
_ROWS_MIN = 2


def _text(folded: str, b: Block) -> str:
    return clean(compact(folded[b.start : b.end]))


@cache
def _score_labels() -> frozenset[str]:
    return lexicon.words("layout/score_labels")


def _header(folded: str, blocks: list[Block], i: int) -> list[Column] | None:
    """The columns of a header opening at block *i* (see the module): its first label, the
    score column right after it, then labels up to the column of units that closes it."""
    if i + 3 >= len(blocks) or _text(folded, blocks[i + 1]) not in _score_labels():
        return None
    first = _text(folded, blocks[i])
    if not 0 < len(first) <= _LABEL_MAX:
        return None
    for n in range(3, min(_LABELS_MAX, len(blocks) - i) + 1):
        label = _text(folded, blocks[i + n - 1])
        if not 0 < len(label) <= _LABEL_MAX:
            return None
        if column(label).role is not None:
            if n != len(_KINDS):
                return None
            return [
                Column(kind, _text(folded, b), column(_text(folded, b)).role)
                for kind, b in zip(_KINDS, blocks[i : i + n], strict=True)
            ]
    return None


def _score(words: str) -> bool:
    return _SCORE.fullmatch(words) is not None


def _figure(words: str) -> bool:
    """A target in figures: 186, ≥20, 低于4.1 (a word of comparison before it)."""
    return (
        FIGURE.match(words) is not None or FIGURE.match(words.lstrip(_before_chars())) is not None
    )


@cache
def _before_chars() -> str:
    words = lexicon.column("extract/comparators", position="before")
    return "".join(sorted({ch for w in words for ch in w}))


def _name(words: str) -> bool:
    return 0 < len(words) <= _NAME_MAX and not _figure(words) and not unit_like(words)


def scored_tables(folded: str, blocks: list[Block], budget: Budget) -> list[TextTable]:
    """Every table of assessed targets with a score column (see the module)."""
    tables: list[TextTable] = []
    i = 0
    while i < len(blocks) and not budget.spent:
        cols = _header(folded, blocks, i)
        if cols is None:
            i += 1
            continue
        head = blocks[i : i + len(cols)]
        table = TextTable("lines", [TRow([Cell(b.start, b.end) for b in head], head)], head)
        table.columns = cols  # the header says what 项目 | 目标任务 hold here: names, targets
        table.placed = True
        i = _rows(folded, blocks, i + len(cols), table, budget)
        if sum(len(r.cells) > 1 for r in table.rows) > _ROWS_MIN:
            tables.append(table)
    return tables


def _rows(folded: str, blocks: list[Block], j: int, table: TextTable, budget: Budget) -> int:
    """Read the rows from block *j* into *table*; the block they end at."""
    texts = [_text(folded, b) for b in blocks] + ["", "", ""]
    while j < len(blocks) and budget.take(1, blocks[j].start):
        if _name(texts[j]) and _name(texts[j + 1]) and _score(texts[j + 2]):
            table.rows.append(TRow([Cell(blocks[j].start, blocks[j].end)], [blocks[j]]))
            table.blocks.append(blocks[j])
            j += 1  # 宏观调控: a group's label
            continue
        if not (_name(texts[j]) and _score(texts[j + 1])):
            break
        j = _row(blocks, texts, j, table)
    return j


def _row(blocks: list[Block], texts: list[str], j: int, table: TextTable) -> int:
    """The row whose indicator is block *j* (its score the next), its target and its units
    where it prints them; where it ends."""
    row: list[Block | None] = [blocks[j], blocks[j + 1]]
    k = j + 2
    target = texts[k]
    taken = _figure(target) or (_name(target) and not _score(texts[k + 1]))
    row.append(blocks[k] if taken else None)
    k += taken
    units = k < len(blocks) and bool(texts[k]) and unit_like(texts[k])
    row.append(blocks[k] if units else None)
    k += units
    end = max(b.end for b in row if b is not None)
    cells = [Cell(b.start, b.end) if b is not None else Cell(end, end) for b in row]
    lines = [b for b in row if b is not None]
    table.rows.append(TRow(cells, lines))
    table.blocks.extend(lines)
    return k
