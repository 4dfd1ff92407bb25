"""A change and then the level it brings the measure to: 能耗下降15%至0.5吨标准煤."""

from __future__ import annotations

import re
from functools import cache

from .... import lexicon
from ....ruler import Decision
from ....text.fold import compact
from ....vocab import Comparator
from ...durations import level_marks
from ..context import base_year, words
from ..reader import Candidate, Reader
from .edits import take

_LEVEL_AFTER = 4  # characters between 至 and the level's number (平均, 约)
_FROM_GAP = 3  # characters between 由/从 (and its year) and the starting value (平均, 约)
_TO_GAP = 6  # characters between the starting value and the level (提高到, 下降至)


def start_value(reader: Reader, c: Candidate) -> Decision | None:
    """The value a change starts from, after 由 or 从 (and the base year: 从2020年的), with
    至 or 到 and the level it is brought to right after: what is, a baseline; the level is
    the goal.

    Takes 7.8% of 比重从2020年的7.8%提高到10% and 71人 of 死亡人数由71人降至50人; leaves
    从15个部门抽调100人 (no level it is brought to) and 10% there (no 由/从 before it).
    """
    f, q = reader.folded, c.quantity
    if not _after_start(f, c.clause[0], q.start):
        return None
    k = c.suffix_end
    between = f[k : min(c.clause[1], k + _TO_GAP + 1)]
    marks = level_marks()
    for at, ch in enumerate(between):
        if ch not in marks:
            continue
        level = k + at + 1
        while level < c.clause[1] and f[level] == " ":
            level += 1  # 提高至 100%: a PDF's space before the number
        if level in reader.starts:
            found = c.draft.copy()
            found.kind = "baseline"
            return take(c, found, c.item_start)  # the level's item goes on: 比重…提高到10%
    return None


def _after_start(folded: str, start: int, pos: int) -> bool:
    """Whether a word that opens a starting value (由, 从: lexicon extract/comparison_bases,
    role start) stands right before *pos*, a base year with 的 and a few words at most
    between (从2020年的7.8%, 由平均22个工作日)."""
    m = _started().search(folded, max(start, pos - _FROM_GAP - 10), pos)
    return m is not None and m.end() == pos


@cache
def _started() -> re.Pattern[str]:
    words = lexicon.alternation(lexicon.column("extract/comparison_bases", role="start"))
    return re.compile(rf"{words}{base_year()}[^\d,;:。，；：]{{0,{_FROM_GAP}}}$")


def change_then_level(reader: Reader, c: Candidate) -> Decision | None:
    """A change of the subject (a word of increase or decrease before it), then 至 or 到
    and the level the change brings it to: both are targets of the subject.

    Takes 将企业开办时间压缩一半以上至8.5个工作日以内 (indicator 企业开办时间: a decrease
    of >= 50 %, then <= 8.5 个工作日, compared as the change goes) and 单位产值能耗下降15%至
    0.5吨标准煤; leaves 增长15%以上 (no level after it), 达到15%至20% (no change: a range)
    and 从15%提高至20% (the change follows the number).
    """
    f, pre = reader.folded, c.prefix
    level = _level_after_change(reader, c)
    if level is not None:
        return level
    if pre.kind == "level" or pre.empty or c.draft.target_kind == "level":
        return None
    at = c.suffix_end
    if at >= c.clause[1] or f[at] not in level_marks():
        return None
    if not any(at < s <= at + 1 + _LEVEL_AFTER for s in reader.starts):
        return None  # 至 names no level (下降15%至今)
    found = c.draft.copy()
    found.indicator = compact(reader.source[pre.start : pre.end])
    return take(c, found, at + 1)


_CHANGE = change_then_level.__name__
_TOWARD: dict[str, Comparator] = {"decrease": "<=", "increase": ">="}


def _level_after_change(reader: Reader, c: Candidate) -> Decision | None:
    """The level after 至: the change's subject, compared as the change goes (a decrease
    brings it down to at most the level: 压缩30%至60个工作日 → <= 60个工作日)."""
    out = reader.memory.out
    prev = out[-1] if out else None
    if prev is None or prev.rule != _CHANGE or reader.memory.item_end.get(c.clause[0]) is None:
        return None
    between = reader.folded[reader.memory.item_end[c.clause[0]] : c.quantity.start]
    if len(between) > _LEVEL_AFTER or any(ch in "，,；;。" for ch in between):
        return None
    found = c.draft.copy()
    found.indicator = prev.indicator
    found.target_kind = prev.target_kind
    if found.comparator == "=":
        found.comparator = _TOWARD.get(prev.target_kind, "=")
    return take(c, found, c.suffix_end)


def change_verb(reader: Reader, c: Candidate) -> str:
    """The word of change the prefix peeled right before the number (lexicon
    extract/comparators, kind increase or decrease), or "": before a count it names what is
    added or taken away (增加60个…中心, 减少10个收费站), so it stands for the verb."""
    if c.prefix.kind == "level":
        return ""
    peeled = reader.folded[c.prefix.end : c.quantity.start]
    return next((w for w in _change_words() if peeled.startswith(w)), "")


@cache
def _change_words() -> tuple[str, ...]:
    """The words of change of extract/comparators (kind increase or decrease), longest
    first: the first that opens the peeled words is the longest."""
    changes = [w for w, (_, kind) in words().comparators.items() if kind != "."]
    return tuple(lexicon.longest_first(tuple(changes)))
