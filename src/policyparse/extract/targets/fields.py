"""The field chains: which comparator and which year a quantity's record gets, and why.

Both are decided before the target rules run, by small named rules, so the
trace names them beside the rule that took the quantity
(``comparator >= ← word_before (不低于)``, ``year 2025 ← year_phrase (到2025年)``).
A target rule that reads a better cue later (至少 before the verb) overrides a
field and names itself as its decider.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple, cast

from ... import lexicon
from ...ruler import Chain, Decision
from ...vocab import Comparator
from .context import Prefix, words
from .phrases import YearPhrase

Field = tuple[str, str]


class Cues(NamedTuple):
    """The words around a number that may state a comparison."""

    before: Comparator | None  # the comparator the word before the number gives
    before_word: str
    after: Comparator | None  # the comparator the word after it gives (以上, 左右)
    after_word: str
    is_range: bool  # 5—8: two values
    base_word: str = ""  # 不超过 in 不超过投资额的5%


# -- the comparator chain ------------------------------------------------------------

_STRONGER: dict[tuple[Comparator, Comparator], Comparator] = {(">", ">="): ">", ("<", "<="): "<"}


def range_given(_: None, c: Cues) -> Decision | None:
    """Two values make a range: takes 5—8万人 (range); leaves 8万人."""
    return Decision("range", why="two values") if c.is_range else None


def about(_: None, c: Cues) -> Decision | None:
    """左右, 约 on either side make it approximate: takes 约5万人, 5万人左右; leaves 5万人以上."""
    if c.before == "~":
        return Decision("~", why=c.before_word)
    if c.after == "~":
        return Decision("~", why=c.after_word)
    return None


def stronger_cue(_: None, c: Cues) -> Decision | None:
    """Two cues of one direction, the stronger holds: takes 超5个以上 (>); leaves 达到5个以上."""
    if c.before is not None and c.after is not None and (c.before, c.after) in _STRONGER:
        return Decision(_STRONGER[c.before, c.after], why=f"{c.before_word} … {c.after_word}")
    return None


def word_after(_: None, c: Cues) -> Decision | None:
    """The word right after the number: takes 5万人以上 (>=); leaves 超5万人 (before it)."""
    return Decision(c.after, why=c.after_word) if c.after else None


def word_before(_: None, c: Cues) -> Decision | None:
    """The word right before the number: takes 不低于95% (>=); leaves 95% alone."""
    return Decision(c.before, why=c.before_word) if c.before else None


def base_cap(_: None, c: Cues) -> Decision | None:
    """A comparator before the base of a share: takes 不超过投资额的5% (<=); leaves 投资额的5%."""
    if not c.base_word:
        return None
    comp = words().comparators[c.base_word][0]
    return None if comp == "." else Decision(comp, why=c.base_word)


def plain(_: None, c: Cues) -> Decision | None:
    """No word states a comparison, the value is the target itself: takes 95% (=); leaves
    nothing (it always decides)."""
    return Decision("=", why="no comparison word")


COMPARATOR: Chain[None, Cues] = Chain(
    "comparator",
    (range_given, about, stronger_cue, word_after, word_before, base_cap, plain),
    span=lambda c: (0, 0),
)


# The field chains make no edits and read only their item: what they decided for one
# item holds for an equal one, while no rule is switched (the chain's version).
_COMPARATORS: dict[tuple[int, Cues], tuple[Comparator, Field]] = {}
_YEARS: dict[tuple[int, bool, bool, int | None], tuple[int | None, Field]] = {}
_MEMO_MAX = 4096


def decide_comparator(cues: Cues) -> tuple[Comparator, Field]:
    """The comparator, the rule that gave it and why."""
    key = (COMPARATOR.version, cues)
    found = _COMPARATORS.get(key)
    if found is None:
        d = COMPARATOR.decide(None, cues)
        assert d is not None  # plain always decides
        found = cast(Comparator, d.outcome), (d.rule, d.why)
        if len(_COMPARATORS) >= _MEMO_MAX:
            _COMPARATORS.clear()
        _COMPARATORS[key] = found
    return found


# -- the year chain ------------------------------------------------------------------


def plan_period(_: None, y: YearPhrase | None) -> Decision | None:
    """A five-year period governs: takes “十四五”末 (2025); leaves 到2025年 (a year)."""
    if y is None or not y.plan or y.year is None:
        return None
    return Decision(str(y.year), why="a five-year period")


def year_phrase(_: None, y: YearPhrase | None) -> Decision | None:
    """A year phrase at the head of the clause or paragraph governs: takes 到2025年，…;
    leaves 2012年起 (a start, no due year) and a number no phrase governs."""
    if y is None or y.year is None:
        return None
    return Decision(str(y.year), why="the year phrase that governs it")


def no_year(_: None, y: YearPhrase | None) -> Decision | None:
    """No year phrase governs the number, or the one that does names no due year.

    Takes 新增就业20万人 with no year phrase; leaves nothing (it always decides).
    """
    return Decision("none", why="no year phrase governs it" if y is None else "names a start")


# The year rules read only whether there is a phrase, whether it is a five-year period,
# and its year: decide_year remembers their decisions by these three.
YEAR: Chain[None, YearPhrase | None] = Chain(
    "year",
    (plan_period, year_phrase, no_year),
    span=lambda y: y.phrase if y is not None else (0, 0),
)


def decide_year(y: YearPhrase | None) -> tuple[int | None, Field]:
    """The year a record gets from its governing phrase, the rule that gave it and why."""
    key = (YEAR.version, y is None, y is not None and y.plan, y.year if y is not None else None)
    found = _YEARS.get(key)
    if found is None:
        d = YEAR.decide(None, y)
        assert d is not None  # no_year always decides
        found = (None if d.outcome == "none" else int(d.outcome)), (d.rule, d.why)
        if len(_YEARS) >= _MEMO_MAX:
            _YEARS.clear()
        _YEARS[key] = found
    return found


# -- the base of a share ---------------------------------------------------------------

_BASE_MAX = 15  # 停车位总数的: a base named between the comparator and 的 is short


@cache
def _comparator_words() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(tuple(words().comparators)))


def base_comparator(folded: str, pre: Prefix, unit: str | None) -> re.Match[str] | None:
    """The comparator before a base a percentage is a share of (不低于 in 不低于总数的15%).

    A verb inside the base is part of its name where the base ends in a measure
    (达到辖区建成区面积的80%, 达到编制数量的95%: lexicon extract/indicator_heads); leaves
    不低于完成任务的90% (a clause, not a base).
    """
    w = words()
    if unit != "%" or pre.end <= pre.start:
        return None
    end = pre.end - 1  # where the base ends: before its 的
    if folded[end] not in w.of:
        # 不超过教学总时长30%, 不低于销售收入3%: no 的, the base ends in a measure
        if not folded[pre.start : pre.end].endswith(_base_ends()):
            return None
        end = pre.end
    found_at = None
    nouns = tuple(h for h in w.heads if len(h) == 1)
    for m in _comparator_words().finditer(folded, max(pre.start, end - _BASE_MAX), end):
        if not folded.startswith(nouns, m.end()):  # 增加值, 增长率: a noun, no comparator
            found_at = m
    if found_at is None:
        return None
    if w.any_verb.search(folded, found_at.end(), pre.end) is not None and not folded[
        found_at.end() : end
    ].endswith(w.heads):
        return None  # 不低于完成任务的: a clause, not a base
    if found_at.end() >= end:
        return None  # the comparator right before the number: no base between
    if end == pre.end and len(found_at.group()) < _BARE_COMPARATOR_MIN:
        return None  # 门诊预约诊疗人数: 约 inside a word is no comparator of a base
    return found_at


_BARE_COMPARATOR_MIN = 2  # 不超过, 低于: the comparator before a base printed with no 的


@cache
def _base_ends() -> tuple[str, ...]:
    """How a base printed with no 的 ends: a measure of two characters or more (总额,
    收入, 时长), the heads of lexicon extract/indicator_heads and extract/base_heads."""
    return tuple(h for h in words().heads if len(h) > 1) + tuple(
        lexicon.column("extract/base_heads")
    )
