"""What a table cell holds when it is no name: a figure, a unit, a 属性 word, a mark for
nothing.  The one-cell-per-line reader (layout/lines.py) and the table reader
(layout/tables.py) both tell a row's name from its values by it."""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..inputs.columns import cell_words
from ..text.brackets import without_asides
from ..text.fold import is_han

FIGURE = re.compile(r"[\[<>≥≤~＞＜]?\d")


@cache
def _value_words() -> frozenset[str]:
    """Cells that stand after an indicator's name other than units: 属性 words, 'none'
    marks (units: unit_word)."""
    kinds = ("none", "binding", "expected")
    return frozenset(w for k in kinds for w in cell_words(k))


@cache
def scale_factors() -> dict[str, int]:
    """Each scale word of lexicon extract/scales and its factor (万 → 10000)."""
    return {word: int(factor) for word, factor, _ in lexicon.rows("extract/scales")}


@cache
def scale_words() -> tuple[str, ...]:
    """The scale words (万, 亿, 万亿 …) of lexicon extract/scales, longest first."""
    return tuple(lexicon.longest_first(lexicon.column("extract/scales")))


def scale_at(words: str, pos: int = 0, end: int | None = None) -> str:
    """The scale word *words* prints at *pos* (before *end*): 万 in 万平方米, else "" (and
    "" in 千米, 千瓦时: a unit of lexicon extract/units that opens with a scale word)."""
    if words.startswith(scaled_units(), pos, end):
        return ""
    return next((s for s in scale_words() if words.startswith(s, pos, end)), "")


@cache
def scaled_units() -> tuple[str, ...]:
    """Units that open with a scale word: 千米, 千瓦, 千克 (lexicon extract/units)."""
    scales = scale_words()
    units = lexicon.column("extract/units")
    return tuple(u for u in units if u.startswith(scales) and u not in scales)


def _unscaled(words: str) -> str:
    """万平方米 → 平方米: the unit without its scale word (the words as they are else)."""
    return words[len(scale_at(words)) :]


def value_like(words: str) -> bool:
    """A figure (67, >90, [13.5]), a unit (万平方米: scale and unit; 平方米/人: a rate;
    分钟), a 属性 word or a mark for nothing (/, ——); *words* as layout/tables.clean
    leaves a cell."""
    return FIGURE.match(words) is not None or words in _value_words() or unit_word(words)


def unit_word(words: str) -> bool:
    """万平方米, 个, %, 分钟: a unit, with its scale; a rate of two (平方米/人, 千米/平方千米)."""
    if "/" in words:
        return all(part and _one_unit(part) for part in words.split("/", 1))
    return _one_unit(words)


def _one_unit(words: str) -> bool:
    return words in _unit_words() or _unscaled(words) in _unit_words()


@cache
def _unit_words() -> frozenset[str]:
    """The units of quantities and of time (a column of 分钟 is a unit column's cell)."""
    units = lexicon.column("extract/units") + lexicon.column("extract/time_units")
    return frozenset(units) | {"%", "％"}


_SENTENCE_WORDS = 6  # characters of words after a cell's figure that make it a sentence
_FIGURE_RUN = re.compile(r"\d+(?:\.\d+)?")


def sentence(words: str) -> bool:
    """A target cell that says its goal in a sentence (30分钟提供震后趋势快速判定意见;
    上海行政区达到0.8级，邻近地区达到1.5级): words after its first figure, bracketed asides
    aside.  Leaves ≥95%, 95以上, 下降15%, [13.5], 95%（含）以上（…为合格）."""
    m = _FIGURE_RUN.search(words)
    if m is None:
        return False
    rest = without_asides(words[m.end() :])
    return sum(is_han(ch) for ch in rest) >= _SENTENCE_WORDS


_BARE = re.compile(r"[<>≥≤~＞＜]?\d+(?:\.\d+)?")
_BRACKETED = re.compile(r"[\[【<>≥≤~＞＜]?\d+(?:\.\d+)?[\]】]?")


def unit_after_figure(words: str, bracketed: bool = False) -> str | None:
    """What follows the figure *words* open with, a comparison word after it dropped (5以上,
    30左右): its unit, "" for none; None where no figure opens them.  *bracketed*: the figure
    may stand in brackets ([13.5], a total over the plan's years)."""
    m = (_BRACKETED if bracketed else _BARE).match(words)
    if m is None:
        return None
    rest = words[m.end() :]
    return next((rest[: -len(t)] for t in after_words() if rest.endswith(t)), rest)


def bare_figure(words: str) -> bool:
    """A cell that is one figure and its unit, nothing else (200辆, ≥95%, 30.5对。): under a
    year column of a task table, that year's target of the row's task.  Leaves 建设精品道路
    100条 (a sentence, read as prose) and 95 (no unit: the task table has no unit column)."""
    rest = unit_after_figure(words.rstrip("。；;，,"))
    return rest is not None and rest != "" and unit_word(rest)


def value_cell(words: str) -> bool:
    """A cell that is a figure alone, with its unit or comparison word at most (≥2%, 0.07,
    95以上, [13.5], 200辆); not 完成改造20个 (a sentence)."""
    rest = unit_after_figure(words.rstrip("。；;，,"), bracketed=True)
    return rest is not None and (rest == "" or unit_word(rest))


def change_cell(words: str) -> bool:
    """A cell that states a change and its size: a base it is measured from and a period
    at most, a word of change, then a figure alone (较2022年下降3%, 每年提升2%左右), an
    alternative after 或 at most (…或不低于全省平均水平).  Leaves 持续下降 (no figure) and
    完成改造20个 (no word of change: a sentence)."""
    rest = change_rest(words)
    if rest is None:
        return False
    for word in lexicon.column("extract/connectors", role="or"):
        rest = rest.split(word, 1)[0]
    return value_cell(rest)


_BASE_YEAR = re.compile(r"(?:19|20)\d{2}年")


def based(words: str) -> str | None:
    """The cell's words after the base year of the change it opens with (较2022年 下降3% →
    下降3%), or None where it opens with no such base."""
    text = _past_base(words)
    return text if text != words and change_rest(text) is not None else None


def _past_base(words: str) -> str:
    """The words after a base year opening them (较2022年, 比2020年), or the words."""
    for word in lexicon.column("extract/comparison_bases", role="compare"):
        if words.startswith(word):
            m = _BASE_YEAR.match(words, len(word))
            if m is not None:
                return words[m.end() :].lstrip()
    return words


def change_rest(words: str) -> str | None:
    """What follows the word of change a cell opens with, past a base (较2022年) and a
    period (每年, 年均); None where it opens with no word of change."""
    text = _past_base(words)
    for period in lexicon.longest_first(lexicon.column("extract/period_words")):
        if text.startswith(period):
            text = text[len(period) :]
            break
    change = next((w for w, _, _ in change_words() if text.startswith(w)), None)
    return text[len(change) :] if change is not None else None


@cache
def change_words() -> tuple[tuple[str, str, str], ...]:
    """Words of a change set before a figure (增长, 提升, 下降, 增至: lexicon
    extract/comparators, kind increase or decrease), each with its kind and comparator
    ("." where the word sets the kind only), longest first."""
    table = "extract/comparators"
    rows = [
        (w, kind, comp)
        for kind in ("increase", "decrease")
        for w, comp in zip(
            lexicon.column(table, kind=kind, position="before"),
            lexicon.column(table, "comparator", kind=kind, position="before"),
            strict=True,
        )
    ]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def row_figure(words: str) -> bool:
    """A cell a row of a table of indicators and their owners takes as its target: a figure
    alone (value_cell) or a change and its size (change_cell)."""
    return value_cell(words) or change_cell(words)


@cache
def after_words() -> tuple[str, ...]:
    """Comparison words printed after a figure (以上, 左右), longest first."""
    after = lexicon.column("extract/comparators", position="after")
    return tuple(lexicon.longest_first(after))


@cache
def part_leads() -> tuple[str, ...]:
    """Words opening a part of what the row or the column before names (其中:外省 under
    市外境内资金, 其中:经济技术开发区 under 甲县: lexicon extract/part_leads)."""
    return tuple(lexicon.column("extract/part_leads"))


def after_part_lead(words: str) -> int:
    """Where the words after a part's lead and its colon start (其中:外省 → 3), 0 where
    *words* open with no such lead."""
    lead = next((p for p in part_leads() if words.startswith(p)), "")
    at = len(lead)
    while lead and at < len(words) and words[at] in ":：":
        at += 1
    return at
