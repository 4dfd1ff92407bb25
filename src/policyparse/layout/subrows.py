"""An indicator row printed one cell per line that lists sub-indicators under its name.

A header ending in 属性 (序号 | 指标名称 | 单位 | 指标值 | 属性) closes every row with its 属性
word; a row that prints more lines than the header has columns before that word names
parts of its indicator, each with its own value::

    12 / 森林覆盖率 / 山区 / 丘陵区 / % / ≥60 / ≥40 / 参考性

is the row 12 森林覆盖率 and the two rows 山区 | % | ≥60 | 参考性 and 丘陵区 | % | ≥40 | 参考性
(the unit and 属性 cells merged over them, as a web page's rowspan prints them).
"""

from __future__ import annotations

from collections.abc import Callable

from ..inputs.columns import clean
from ..text.fold import compact
from .blocks import Block
from .cells import Cell
from .linecells import attribute_word
from .values import unit_word, value_like

SUB_MAX = 16  # lines a row may print before its 属性 word past the header's width
_DASHES = frozenset("-—－/")


def _words(folded: str, b: Block) -> str:
    return clean(compact(folded[b.start : b.end]))


def attribute_end(
    folded: str, blocks: list[Block], row: list[Block], k: int, ends: Callable[[int], bool]
) -> int:
    """Where the row read up to block *k* ends at its 属性 word: the line after that word,
    or *k* where the row already ends with one, the row ends first (*ends*: the next
    number, a heading) or no 属性 word comes within SUB_MAX lines."""
    if not row or attribute_word(_words(folded, row[-1])):
        return k
    for m in range(k, min(len(blocks), k + SUB_MAX)):
        if ends(m):
            return k
        if attribute_word(_words(folded, blocks[m])):
            return m + 1
    return k


def sub_rows(folded: str, row: list[Block], at: int) -> list[tuple[list[Cell], list[Block]]] | None:
    """The row (its number at *at*) as its own row and one row per sub-indicator (the
    unit and 属性 cells shared, as merged cells are; the part and value its lines), where
    it prints name, k parts, a unit, k values and its 属性 word (k ≥ 2); else None.

    Takes 森林覆盖率 / 山区 / 丘陵区 / % / ≥60 / ≥40 / 参考性; leaves 生物物种资源保护 /
    受到严格保护 / 外来物种入侵 / - / - / 执行 / 不明显 / 参考性 (two units: no such list)."""
    items = row[at + 2 : -1]
    k, odd = divmod(len(items) - 1, 2)
    if odd or k < 2:
        return None
    parts, unit, values = items[:k], items[k], items[k + 1 :]
    words = _words(folded, unit)
    if not (unit_word(words) or words in _DASHES) or any(
        value_like(_words(folded, b)) for b in parts
    ):
        return None
    if not any(value_like(_words(folded, b)) for b in values):
        return None
    attr = row[-1]
    subs = [
        ([Cell(b.start, b.end) for b in (p, unit, v, attr)], [p, v])
        for p, v in zip(parts, values, strict=True)
    ]
    return [([Cell(b.start, b.end) for b in row[: at + 2]], row), *subs]
