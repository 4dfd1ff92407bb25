"""What a table's columns hold, read from its header row (or two).

A header cell's words (lexicon layout/table_columns, extract/role_labels) give
its kind: 序号 → serial, 重点任务 → task, 牵头单位 → a unit column whose units
lead, 完成时限 → deadline, 指标名称 → indicator, 单位 → the unit of measure,
属性 → binding or expected, 2020年 / 基期值 → base-year figures, 2025年 /
“十四五”末 / 目标值 → target values.  A header with none of these words is a
column of no kind (备注, 联系人).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import lexicon
from ..text.fold import compact
from ..vocab import Role

_YEAR = re.compile(r"((?:19|20)\d{2}) ?年?")


@dataclass(slots=True)
class Column:
    """One column: its kind, the role of its units, the year of its values, its header."""

    kind: str  # a kind of lexicon layout/table_columns, "unit" (responsible units) or ""
    header: str = ""  # the header's words, compact (the cue of a unit column)
    role: Role | None = None
    year: int | None = None


@cache
def _kinds() -> dict[str, str]:
    return lexicon.mapping("layout/table_columns", "kind")


@cache
def _cell_words(kind: str) -> tuple[str, ...]:
    return lexicon.column("layout/table_cells", kind=kind)


def cell_words(kind: str) -> tuple[str, ...]:
    """The words of one kind in lexicon layout/table_cells (binding, none, decrease …)."""
    return _cell_words(kind)


@cache
def _periods() -> dict[str, int]:
    return {w: int(y) for w, y in lexicon.rows("extract/plan_periods")}


def clean(text: str) -> str:
    """A header or cell's words: markdown marks and <br> dropped, spaces removed."""
    return compact(text.replace("<br>", "").replace("*", ""))


def _word_kind(words: str) -> str:
    """The kind of the longest lexicon word the header equals or starts with."""
    kinds = _kinds()
    for word in lexicon.longest_first(tuple(kinds)):
        if words.startswith(word):
            return kinds[word]
    return ""


def _role(words: str) -> Role | None:
    roles = lexicon.roles("extract/role_labels")
    for label in lexicon.longest_first(tuple(roles)):
        if words.startswith(label):
            return roles[label]
    return None


def year_of(words: str) -> int | None:
    """The year a header (or caption) names: 2025年 → 2025, “十四五”末 → 2025."""
    m = _YEAR.match(words)
    if m is not None:
        return int(m.group(1))
    for word, year in _periods().items():
        if word in words:
            return year
    return None


def column(text: str) -> Column:
    """The column a header cell's text opens."""
    words = clean(text)
    role = _role(words)
    if role is not None:
        return Column("unit", words, role)
    kind = _word_kind(words)
    year = year_of(words)
    if year is not None and kind in ("", "target", "base"):
        base = any(w in words for w in _cell_words("base_words"))
        return Column("base" if base or kind == "base" else "target", words, None, year)
    return Column(kind, words)


_HEADER_MAX = 24  # a header cell is a short label


def is_header(texts: list[str]) -> bool:
    """A row of short cells, two or more of them column words (序号 | 指标 | 2025年 …)."""
    words = [clean(t) for t in texts]
    if any(len(w) > _HEADER_MAX for w in words):
        return False
    return sum(1 for w in words if w and column(w).kind) >= 2


def settle_years(cols: list[Column]) -> None:
    """Two or more bare year columns (2020 | 2025): the first holds the base year.

    A column that says what it holds (2020年实际值, 2025年目标值) keeps its kind.
    """
    bare = [c for c in cols if c.kind == "target" and _YEAR.fullmatch(c.header)]
    if len(bare) >= 2 and not any(c.kind == "base" for c in cols):
        first = min(bare, key=lambda c: c.year or 0)
        first.kind = "base"
