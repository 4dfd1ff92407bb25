"""Durations that are goals or amounts, not dates: 压缩至30个工作日, 震后20分钟内, 20天的储备.

Quantities in a unit of time are dropped by the quantity reader (extract.quantities)
unless one of these tests keeps them: the aim of a shortening verb, a response time a
plan commits to, or an amount of time it provides.  Every word is from the lexicon.
"""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from .unit_words import unit_pattern


@cache
def _duration_cues() -> re.Pattern[str]:
    """A shortening verb, then perhaps a word that caps the figure (压缩至不超过, 控制在
    低于: the before-words of extract/comparators meaning <= or <), right before a number."""
    words = lexicon.column("extract/duration_goals")
    caps = tuple(
        word
        for word, comparator, _, position, _ in lexicon.rows("extract/comparators")
        if position == "before" and comparator in ("<=", "<")
    )
    return re.compile(f"(?:{lexicon.alternation(tuple(words))})(?:{lexicon.alternation(caps)})?$")


def duration_goal(folded: str, start: int, pos: int) -> bool:
    """Whether the duration at *pos* is what a shortening verb aims at (压缩至30个工作日,
    压缩至平均9个工作日, 压缩至不超过2个工作日), or a later item of the list such a verb
    opens (压缩至15个、7个工作日: 7 too).  不超过2个工作日 with no such verb stays out (a
    service rule as often as a goal)."""
    lo = max(start, pos - _CUE_MAX - _CAP_MAX)
    if _duration_cues().search(folded, lo, pos) is not None:
        return True
    if _changed_to(folded, start, pos):
        return True
    lo = max(start, pos - _LIST_LOOK)
    m = _earlier_items().search(folded, lo, pos)
    return m is not None and duration_goal(folded, start, m.start())


_LIST_LOOK = 24  # characters before a duration searched for the list's earlier items
_CHANGE_LOOK = 12  # characters between a shortening verb and the 至 of its goal


@cache
def level_marks() -> str:
    """至, 到: the words between a change and the level it brings a measure to (lexicon
    extract/level_marks)."""
    return "".join(lexicon.column("extract/level_marks"))


@cache
def _changes_then_to() -> re.Pattern[str]:
    """A shortening verb of extract/duration_goals without its mark of a level (压缩, 缩短;
    extract/level_marks), then the change it makes and no clause break, up to the end:
    压缩一半以上至 | 压缩30%至."""
    marks = level_marks()
    stems = {w[:-1] for w in lexicon.column("extract/duration_goals") if w[-1] in marks}
    return re.compile(
        rf"(?:{lexicon.alternation(tuple(stems))})[^，,；;。]{{1,{_CHANGE_LOOK}}}[{marks}]$"
    )


def _changed_to(folded: str, start: int, pos: int) -> bool:
    """The duration at *pos* is the level a shortening verb brings a time down to, after the
    change it makes (压缩一半以上至8.5个工作日以内, 压缩30%至60个工作日)."""
    lo = max(start, pos - _CHANGE_LOOK - _CUE_MAX)
    return _changes_then_to().search(folded, lo, pos) is not None


@cache
def response_words(role: str) -> tuple[str, ...]:
    """The words of one role of lexicon extract/response_times, longest first."""
    return tuple(lexicon.longest_first(lexicon.column("extract/response_times", role=role)))


def response_time(folded: str, unit: str, unit_end: int) -> bool:
    """Whether the duration in *unit* ending at *unit_end* is a response time the plan commits to:
    minutes or seconds with 内 right after them (震后20分钟内提供…; lexicon
    extract/response_times).  Leaves 3个月内, 5个工作日内办结 (a procedure's limit) and
    15分钟生活圈 (a name: no 内)."""
    if unit not in response_words("within"):
        return False
    return folded.startswith(response_words("after"), unit_end)


_AMOUNT_LOOK = 12  # characters after a duration searched for the noun that makes it an amount


@cache
def _amount_nouns() -> re.Pattern[str]:
    """A phrase of word characters ending in a noun of extract/duration_amounts, where the
    phrase ends (六周年等重要时间节点: 时间 does not close it)."""
    nouns = lexicon.alternation(lexicon.column("extract/duration_amounts"))
    return re.compile(rf"[\u4e00-\u9fff]{{0,{_AMOUNT_LOOK}}}?(?:{nouns})(?![\u4e00-\u9fff])")


@cache
def _elapsed_marks() -> frozenset[str]:
    return lexicon.words("extract/elapsed_marks")


def amount_end(folded: str, start: int, unit_end: int, end: int) -> int | None:
    """Where the noun of time after the duration [start, unit_end) ends, when it makes the
    duration an amount of time the plan provides (各1个小时体育活动时间, 20天的储备能力),
    else None.  Leaves 5个工作日内办结 (内: a limit) and 共监测了5个月时间 (time passed)."""
    if folded.startswith(response_words("after"), unit_end):
        return None
    if folded[start - 1 : start] in _elapsed_marks():
        return None
    m = _amount_nouns().match(folded, unit_end, min(end, unit_end + _AMOUNT_LOOK + 4))
    return m.end() if m is not None else None


@cache
def _earlier_items() -> re.Pattern[str]:
    """15个、 right before a number: the earlier items of its list."""
    return re.compile(rf"\d+(?:\.\d+)?(?:{unit_pattern().pattern})?、$")


_CUE_MAX = 6  # characters of the longest word of extract/duration_goals (max_len)
_CAP_MAX = 4  # characters of the longest capping word of extract/comparators (不得超过)


_AGE_LOOK = 16  # characters between a measure of lifespan and its age, at most


@cache
def _age_measures() -> re.Pattern[str]:
    """A measure of lifespan (lexicon extract/age_measures) with no clause break after it."""
    words = lexicon.alternation(lexicon.column("extract/age_measures"))
    return re.compile(rf"(?:{words})[^，,；;。：:\n]*$")


def age_goal(folded: str, start: int, pos: int, unit: str) -> bool:
    """Whether the age at *pos* is the level a measure of lifespan reaches (人均预期寿命达到
    78.5岁), not an age that bounds who a measure reaches (60岁以上老年人, 16—24岁)."""
    if unit not in lexicon.words("extract/time_units", dimension="age"):
        return False
    return _age_measures().search(folded, max(start, pos - _AGE_LOOK), pos) is not None


_YEARS_LOOK = 16  # characters between a measure in years and its figure, at most


@cache
def _year_levels() -> re.Pattern[str]:
    """A measure counted in years (lexicon extract/year_measures), then in its clause a
    number in its unit (at most two digits before the point: no date)."""
    rows = lexicon.rows("extract/year_measures")
    measures = "|".join(
        rf"{re.escape(word)}[^，,；;。：:\n\d]{{0,{_YEARS_LOOK}}}"
        rf"(?P<n{k}>(?<![\d.])\d{{1,2}}(?:\.\d+)?){re.escape(unit)}"
        for k, (word, unit) in enumerate(rows)
    )
    return re.compile(measures)


def year_levels(folded: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """(start, end, figure, unit) of every level a measure counted in years reaches in
    [start, end): 平均受教育年限达12.3年以上 gives 12.3年, where 年 after a number is otherwise
    a date or a span (用3年时间) and read as no quantity."""
    out = []
    for m in _year_levels().finditer(folded, start, end):
        n = next(g for g in m.groupdict() if m[g] is not None)
        out.append((m.start(n), m.end(), m[n], folded[m.end(n) : m.end()]))
    return out
