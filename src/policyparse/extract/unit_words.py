"""The unit words after a number: which word is a unit, where it ends, and the rate or
bracket of alternatives it may carry (extract/quantities reads numbers with them)."""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..layout.values import after_words, scale_at
from ..text.fold import is_han
from ..text.numerals import CN_NUMERAL_CHARS

_ALTERNATES = re.compile(r"\((?P<inner>[^()]{1,12})\)")


@cache
def units() -> tuple[dict[str, bool], int]:
    """Unit words mapped to True (a unit) or False (time or age), and their max length."""
    table = {u: False for u in lexicon.column("extract/time_units")}
    table.update({u: True for u in lexicon.column("extract/units")})
    for u in lexicon.column("extract/time_units"):
        table[u] = False  # 个月 is time even though 个 is a unit
    return table, max(len(u) for u in table)


@cache
def unit_pattern() -> re.Pattern[str]:
    """Every unit word, longest first: one call finds the longest unit at a position."""
    table, _ = units()
    return re.compile(lexicon.alternation(tuple(table)))


def unit_at(folded: str, pos: int, end: int) -> tuple[int, bool] | None:
    """Length of the longest unit at *pos* and whether it is a real unit (not time).

    A unit in Latin letters (PFLOPS, Gbps, MW) is a unit only where no letter follows
    it: 10MWh is read whole (longest first), 5Gbit is no unit at all.
    """
    m = unit_pattern().match(folded, pos, end)
    if m is None or folded.startswith(_compounds(), pos):
        return None  # 五部委: 部 opens a word of its own (lexicon extract/unit_compounds)
    follows = folded[m.end() : m.end() + 1]
    if m.group()[-1].isascii() and follows.isascii() and follows.isalpha():
        return None
    if m.group() in _closing_units() and not _clause_closes(folded, m.end()):
        # 对 before a word is none; 人年 before one is 人 (1万人年均增长)
        return unit_at(folded, pos, m.end() - 1) if m.end() - 1 > pos else None
    if m.group() in _rate_units() and not folded.startswith("/", m.end()):
        return None  # 点 only as a rate's numerator: 60点/百平方公里
    return m.end() - pos, units()[0][m.group()]


@cache
def _compounds() -> tuple[str, ...]:
    return lexicon.column("extract/unit_compounds")


@cache
def _rate_units() -> frozenset[str]:
    return lexicon.words("extract/rate_units")


@cache
def _closing_units() -> frozenset[str]:
    return lexicon.words("extract/closing_units")


def _clause_closes(folded: str, pos: int) -> bool:
    """Whether a unit that is also a word ends its clause at *pos*: 开行列车38对。 (a
    unit), 3家对口帮扶 (the word 对口: 家 is the unit, 对 none)."""
    follows = folded[pos : pos + 1]
    return not is_han(follows) or folded.startswith(after_words(), pos)


def alternates(folded: str, pos: int, end: int) -> int:
    """Length of a bracket of alternative units after a unit: 台(套), 艘(台、套)."""
    m = _ALTERNATES.match(folded, pos, end)
    if not m:
        return 0
    table, _ = units()
    parts = m.group("inner").split("、")
    return m.end() - pos if all(table.get(p) for p in parts) else 0


_PER_NUMERALS = 3  # 百, 十万: the numerals a rate's denominator may open with, and the /


@cache
def _denominators() -> tuple[str, ...]:
    """时: units only as a rate's denominator (lexicon extract/rate_denominators)."""
    return tuple(lexicon.longest_first(lexicon.column("extract/rate_denominators")))


def per(folded: str, pos: int, end: int) -> int:
    """Length of a rate after a unit: /日 in 3000吨/日, /年 in 5万元/年, /万千瓦时 in
    4吨/万千瓦时, /百平方公里 in 60点/百平方公里 (a scale or a round number in the
    denominator is part of the unit, not of the value) and /时 in 15公里/时 (a word that is
    a unit only there)."""
    if pos >= end or folded[pos] != "/":
        return 0
    at = pos + 1
    at += len(scale_at(folded, at, end))
    m = unit_pattern().match(folded, at, end)
    if m is None and folded.startswith(_denominators(), at):
        word = next(w for w in _denominators() if folded.startswith(w, at))
        return at + len(word) - pos  # 15公里/时: a unit only below the line
    if m is None:  # 点/百平方公里, 张/千人: a round number of the unit below
        k = at
        while k < min(end, pos + _PER_NUMERALS) and folded[k] in CN_NUMERAL_CHARS:
            k += 1
        m = unit_pattern().match(folded, k, end) if k > at else None
    return m.end() - pos if m else 0
