"""Targets of indicator tables, and what a task table's columns say of the targets in its cells.

An indicator row's value cell is read whole, not as prose: ``≥95`` and ``95以上``
are at least 95, ``<1`` below 1, ``5—8`` a range, ``下降15%`` (or an indicator
named …下降) a decrease, ``[13.5]`` a total over the plan's period (period
``累计``: the brackets the plans explain as 五年累计数).  The unit is the unit
column's, else the bracket that ends the indicator (…比重（%）), else the unit
printed after the figure, else the one a line above the table names (单位：万元).
The year is the column's (2025年, 2026年计划值, “十四五”末 → 2025), else the
caption's; the base-year column gives the baseline, the 属性 column whether the
target binds (约束性) or is expected (预期性).
A cell of words (持续下降, 完成市下达指标) gives no target.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import cast

from .. import lexicon
from ..inputs.columns import cell_words
from ..layout.markers import match_marker
from ..layout.tablemodel import Table, TableTarget
from ..layout.values import FIGURE, based, change_words, scale_at, scale_factors, scale_words
from ..text.fold import compact, is_han
from ..vocab import Comparator, Role, TargetKind
from .targets import Found
from .targets.context import words as prose_words

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


@cache
def _range() -> re.Pattern[str]:
    joins = lexicon.alternation(lexicon.column("layout/range_joins"))
    return re.compile(rf"(\d+(?:\.\d+)?) ?(?:{joins}) ?(\d+(?:\.\d+)?)")


_SYMBOLS: dict[str, Comparator] = {
    "≥": ">=",
    ">=": ">=",
    "≤": "<=",
    "<=": "<=",
    ">": ">",
    "<": "<",
}


@cache
def _comparator_words(position: str) -> dict[str, Comparator]:
    """Comparator words printed *position* a number, from the lexicon: after it (以上,
    以下, 以内) or before it (超, 不低于, 不超过)."""
    out: dict[str, Comparator] = {}
    for word, comparator, _kind, at, _marks in lexicon.rows("extract/comparators"):
        if at == position and comparator in (">", ">=", "<", "<=", "~"):
            out[word] = comparator  # type: ignore[assignment]
    return out


@cache
def _word_order(position: str) -> tuple[str, ...]:
    return tuple(lexicon.longest_first(tuple(_comparator_words(position))))


@cache
def _units() -> frozenset[str]:
    return frozenset(lexicon.column("extract/units"))


_SYMBOL_ORDER = sorted(_SYMBOLS, key=len, reverse=True)


def _comparator(text: str) -> Comparator:
    if _range().search(text):
        return "range"
    for symbol in _SYMBOL_ORDER:
        if text.startswith(symbol):
            return _SYMBOLS[symbol]
    for word in _word_order("after"):
        if word in text:
            return _comparator_words("after")[word]
    n = _NUMBER.search(text)
    head = text[: n.start()] if n is not None else ""
    for word in _word_order("before"):  # 超3000亿元, …比例不低于75
        if head.endswith(word):
            return _comparator_words("before")[word]
    return "="


def _base(value: Decimal, unit: str | None) -> tuple[Decimal, str | None]:
    """The value with the unit's scale applied: 100 万平方米 → 1000000 平方米."""
    if unit is None or unit in _units():
        return value, unit
    for scale in scale_words():
        rest = unit[len(scale) :]
        if unit.startswith(scale) and rest:
            return value * scale_factors()[scale], rest
    return value, unit


def _closing_bracket(text: str) -> tuple[str, str] | None:
    """What stands before a closing bracket that ends *text*, and what it holds:
    研发投入强度（%） → (研发投入强度, %); a bracket inside it kept (数量（万套（间）） →
    万套（间）); None without one."""
    if not text.endswith((")", "）")):
        return None
    depth = 0
    for at in range(len(text) - 1, -1, -1):
        ch = text[at]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            depth -= 1
            if depth == 0:
                return (text[:at], text[at + 1 : -1]) if at > 0 else None
    return None


def _plain_unit(inner: str) -> bool:
    """A unit, with its scale or not: %, 万吨."""
    return inner in _unit_order() or inner[len(scale_at(inner)) :] in _units()


@lru_cache(maxsize=1024)
def _name_parts(name: str) -> tuple[str, str | None]:
    """An indicator's name without its closing bracket, and the unit that bracket holds."""
    parts = _closing_bracket(name)
    return (parts[0], _bracket_unit(parts[1])) if parts is not None else (name, None)


def _bracket_unit(inner: str) -> str | None:
    """The unit a bracket after an indicator names: （%）, （万吨）, （5A级比率%） → %."""
    if _plain_unit(inner):
        return inner
    known = [u for u in _unit_order() if inner.endswith(u)]
    if known and len(inner) > len(known[0]) and known[0] in ("%", "％"):
        return known[0]  # （5A级比率%）: what is measured, then the unit
    return inner if 0 < len(inner) <= 6 else None


@cache
def _unit_order() -> tuple[str, ...]:
    return tuple(lexicon.longest_first(tuple(_units() | {"%", "％"})))


def _without_words(folded: str, printed: str) -> str:
    """What follows a cell's figure, as printed, without the comparator words after it
    (以上, (含)以下: found in the folded text, longest first): ％ in ≥73％ stays ％, as
    the prose rules give it."""
    if len(printed) != len(folded):
        printed = folded
    keep = [True] * len(folded)
    for word in _word_order("after"):  # longest first: (含)以下 before 以下
        start = folded.find(word)
        while start != -1:
            if all(keep[start : start + len(word)]):
                keep[start : start + len(word)] = [False] * len(word)
            start = folded.find(word, start + len(word))
    return "".join(ch for ch, ok in zip(printed, keep, strict=True) if ok)


def _unit(source: str, t: TableTarget, after: str) -> str | None:
    """The unit column's text (with the scale the cell prints after its figure: 800万
    under 平方米 is 万平方米), else the indicator's closing bracket, else what follows."""
    if t.own_unit:  # 创建达标分类小区（累计数） | 2018年 | 345个: the cell says its unit
        return _leading_unit(after.strip("[] "))
    if t.unit is not None:
        words = compact(source[t.unit[0] : t.unit[1]])
        if words in cell_words("none"):
            return None  # / under 单位: the indicator has none (指数（鸟类）names no unit)
        if words:
            scale = scale_at(after)
            return scale + words if scale and not words.startswith(scale) else words
    inner = _name_parts(compact(source[t.indicator[0] : t.indicator[1]]))[1]
    if inner is not None and (_plain_unit(inner) or _leading_unit(after.strip("[] ")) is None):
        return inner  # …率（MQI） | 98%: a bracket no unit names yields to the cell's own
    header = _header_unit(t.header)
    if header is not None:
        return header
    after = after.strip("[] ")
    own = _leading_unit(after)
    if own is not None:
        return own  # 95%（含）以上（…为合格）: the unit, not the words after it
    if t.table_unit is not None:  # 金额单位：万美元 above the table, a bare figure under it
        return compact(source[t.table_unit[0] : t.table_unit[1]])
    return after if 0 < len(after) <= _UNIT_WORDS else None


_UNIT_WORDS = 6  # a unit printed after the figure that the lexicon lacks (km/km2) is short


def _leading_unit(after: str) -> str | None:
    """The unit the words after a figure open with (its scale too, and a rate's
    denominator): % in %（含）以上, 万辆, 吨/日."""
    scale = scale_at(after)
    rest = after[len(scale) :]
    unit = next((u for u in _unit_order() if rest.startswith(u)), None)
    if unit is None:
        return None
    per = _PER.match(rest, len(unit))  # 634吨/日: a rate
    return scale + unit + (per.group() if per else "")


_PER = re.compile(r"/[^\s/，,；;（(]{1,3}")


def _header_unit(header: str) -> str | None:
    """The unit a target column's header names in its closing bracket: 目标值（%）, 2025年
    （万吨）; not a year or a word there (目标值（2025年））."""
    parts = _closing_bracket(header)
    return parts[1] if parts is not None and _plain_unit(parts[1]) else None


def _other_unit(after: str, unit: str | None) -> bool:
    """Whether the cell prints a unit of its own after the figure that is not the
    column's (…，“十五五”突破2000亿元 in a column of %)."""
    if unit is None:
        return False
    own = next((u for u in _unit_order() if after.startswith(u)), None)
    if own is None:
        scale = scale_at(after)
        rest = after[len(scale) :]
        own = next((u for u in _unit_order() if scale and rest.startswith(u)), None)
        own = scale + own if own is not None else None
    if own is None:
        return False
    return not unit.replace("％", "%").startswith(own.replace("％", "%"))  # 吨 of 吨/日


_FOOTNOTE = re.compile(r"(?:\*+|\[\d+\])$")  # 森林覆盖率*, 单位GDP能耗[1]: a note's mark


_PART_COLON = ":："  # 其中：小学


def _indicator(source: str, folded: str, t: TableTarget) -> str:
    """The indicator cell's name: without its item number (1.学前教育毛入园率), the word that
    opens a part (其中:小学 → 小学, lexicon extract/part_leads), a footnote's mark or the
    bracket of its unit."""
    start, end = t.indicator
    mark = match_marker(folded, start, end)
    if mark is not None and not mark.digit_follows and mark.end < end:
        start = mark.end
    name = compact(source[start:end])
    lead = next((w for w in lexicon.column("extract/part_leads") if name.startswith(w)), "")
    if lead and len(name) > len(lead) + 1:
        name = name[len(lead) :].lstrip(_PART_COLON)
    return _FOOTNOTE.sub("", _name_parts(name)[0])


# A cell that opens with its own date: 2027年60% (the figure due then), or words (至2026年
# 底，全面启动…: no figure right after the date).
@cache
def _dated_pattern() -> re.Pattern[str]:
    """2027年, 至2026年底: a date opening a cell (lexicon deadline_words, the year's parts)."""
    parts = lexicon.alternation(lexicon.column("extract/deadline_words", role="part"))
    return re.compile(rf"\D{{0,3}}(?P<year>(?:19|20)\d{{2}})年(?:{parts})?")


def _dated(text: str) -> tuple[str, int | None] | None:
    """The cell's text from its figure on and the year it prints first, or None (words).

    2027年60%，2028年进一步优化布局 → (60%，…, 2027); 至2026年底，全面启动… → None; a
    cell that opens with no date → (the cell, None).
    """
    base = based(text)
    if base is not None:
        return base, None  # 较2022年下降3%: the year is the base of the change, not the cell's
    m = _dated_pattern().match(text)
    if m is None:
        return text, None
    rest = text[m.end() :]
    if FIGURE.match(rest) is None:
        return None
    return rest, int(m.group("year"))


def _value(text: str) -> tuple[Decimal, Decimal | None, int] | None:
    """The value (and upper end of a range) of a cell, and where the figure ends."""
    m = _range().search(text)
    try:
        if m is not None:
            return Decimal(m.group(1)), Decimal(m.group(2)), m.end()
        n = _NUMBER.search(text)
        return (Decimal(n.group()), None, n.end()) if n is not None else None
    except InvalidOperation:
        return None


def _baseline(source: str, t: TableTarget) -> Decimal | None:
    if t.base is None:
        return None
    read = _value(compact(source[t.base[0] : t.base[1]]))
    return read[0] if read is not None else None


def _period(text: str) -> str | None:
    """累计 for a bracketed total over the plan's period ([13.5])."""
    if any(w in text for w in cell_words("cumulative")):
        return cell_words("period_total")[0]
    return None


def _growth(header: str) -> str | None:
    """The period of a column of yearly growth rates (年均增速（%）: 年均), else None."""
    period = next((w for w in lexicon.column("extract/period_words") if header.startswith(w)), None)
    if period is None or not any(w in header for w in cell_words("growth")):
        return None
    return period


def found(source: str, folded: str, t: TableTarget) -> Found | None:
    """The target one indicator row states in one column, or None (no figure)."""
    cell = _cell(folded, t)
    if cell is None:
        return None
    text, own_year, (value, value_max, stop) = cell
    printed = compact(source[t.value[0] : t.value[1]])  # as printed: ％ stays ％
    at = len(printed) - len(text) + stop
    after = _without_words(text[stop:], printed[at:] if at >= 0 else text[stop:])
    growth = _growth(t.header)
    change = _change(text)  # 年递增9.3%: a change in words, its own unit (not the column's)
    rate = growth is not None or change is not None
    unit = (_header_unit(t.header) or _leading_unit(after)) if rate else _unit(source, t, after)
    if _other_unit(after, unit):
        return None  # 突破2000亿元 under %: a figure of something else, in words
    base_value, base_unit = _base(value, unit)
    name = _indicator(source, folded, t)
    f = Found(
        "target",
        t.value[0],
        t.value[1],
        value,
        value_max,
        unit,
        base_value,
        base_unit,
        _comparator(text),
        change[0] if change else _kind(text, name, growth),
        name,
        own_year or t.year,
        t.deadline if own_year is None else f"{own_year}年",
        _period(text) or growth or _change_period(change),
    )
    _traced(f, t, own_year is not None)
    if not rate:  # a rate of growth has no base figure
        f.baseline_value = _baseline(folded, t)
        f.baseline_year = t.base_year if f.baseline_value is not None else None
    f.binding = t.binding
    f.owner_cell = t.owners
    return f


def _cell(
    folded: str, t: TableTarget
) -> tuple[str, int | None, tuple[Decimal, Decimal | None, int]] | None:
    """The value cell's text from its figure on, the year it prints first, and its value
    (and upper end, and where the figure ends); None for words, a map's scale or a ratio
    (1：25万图)."""
    dated = _dated(compact(folded[t.value[0] : t.value[1]]))
    if dated is None:
        return None
    text, own_year = dated
    read = _value(text)
    if read is None or text[read[2] : read[2] + 1] in (":", "："):
        return None
    return text, own_year, read


def _change_period(change: tuple[TargetKind, str | None] | None) -> str | None:
    return change[1] if change is not None else None


def _change(text: str) -> tuple[TargetKind, str | None] | None:
    """A change stated in words before the cell's figure (年递增9.3%, 年提高2.9个百分点,
    年均增长8%): its kind and period (年 alone: each year), or None."""
    m = _NUMBER.search(text)
    lead = text[: m.start()] if m is not None else ""
    word = next(((w, k) for w, k in _change_words() if lead.endswith(w)), None)
    if word is None:
        return None
    head = lead[: -len(word[0])]
    period = head if head in prose_words().periods else None
    if period is None and head in cell_words("each_year"):
        period = cell_words("period_each")[0]
    return word[1], period


@cache
def _change_words() -> tuple[tuple[str, TargetKind], ...]:
    """Words of a change before a figure that set a kind only (增长, 递增, 提高, 下降:
    layout.values.change_words with no comparator of their own), longest first."""
    return tuple((w, cast(TargetKind, kind)) for w, kind, comp in change_words() if comp == ".")


def _kind(text: str, name: str, growth: str | None) -> TargetKind:
    """decrease where the cell or the name states a fall (万元GDP能耗下降, 碳排放下降率: the
    name ends in a fall, or in its rate); increase under a column of growth rates."""
    decrease = cell_words("decrease")
    if any(w in text for w in decrease) or any(
        name.endswith(w) or name[:-1].endswith(w) for w in decrease
    ):
        return "decrease"
    return "increase" if growth else "level"


def _traced(f: Found, t: TableTarget, own_year: bool) -> None:
    """The rules the trace names: a task row's figure (task_figure) or an indicator row's."""
    f.rule = "task_figure" if t.own_unit else "indicator_table"
    f.q_start = t.value[0]
    f.comparator_by = ("table_cell", "the value cell's sign or word")
    f.year_by = ("table_column", "the target column's header, or the table's caption")
    if own_year:
        f.year_by = ("table_cell", "the year the value cell prints before its figure")


def _targets(source: str, folded: str, tables: list[Table]) -> list[Found]:
    """Every table's targets, in text order."""
    out = [f for table in tables for t in table.targets for f in _found_all(source, folded, t)]
    return sorted(out, key=lambda f: f.start)


def _found_all(source: str, folded: str, t: TableTarget) -> list[Found]:
    """The cell's target, or one per labelled figure where the cell holds several
    (新一代信息技术：1300亿元 / 高端装备制造：1200亿元 → 千亿产业集群规模（新一代信息技术）…)."""
    parts = None if t.own_unit else labelled_parts(folded, *t.value)
    if parts is None:
        f = found(source, folded, t)
        return [f] if f is not None else []
    out = []
    for a, b, label in parts:
        f = found(source, folded, replace(t, value=(a, b)))
        if f is not None:
            f.indicator = f"{f.indicator}（{label}）"
            out.append(f)
    return out


_PART_ENDS = re.compile(r"<br\s*/?>|[\n，,；;]")
_LABEL_BRACKET = re.compile(r"[（(]([^（）()\d]+)[）)]\s*$")


def labelled_parts(folded: str, start: int, end: int) -> list[tuple[int, int, str]] | None:
    """The parts of a value cell that holds several figures, each with its label, or None.

    Takes 新一代信息技术：1300亿元 / 高端装备制造：1200亿元 (a label and a colon before each
    figure), ≥30（初中） / ≥55（高中） (the label bracketed after it) and 城市100%，农村70%
    (words before it); leaves 95, [13.5] / （五年累计）, 2027年60%，2028年进一步优化 and
    100 / （其中市级50） (a part with no figure, or a figure with no label)."""
    spans: list[tuple[int, int]] = []
    at = start
    for m in _PART_ENDS.finditer(folded, start, end):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, end))
    spans = [(a + len(x) - len(x.lstrip()), b - len(x) + len(x.rstrip()))
             for a, b in spans if (x := folded[a:b]).strip()]  # fmt: skip
    if len(spans) < 2:
        return None
    out = []
    for a, b in spans:
        label = _part_label(folded[a:b])
        if label is None:
            return None
        out.append((a, b, label))
    return out


def _part_label(text: str) -> str | None:
    """A part's label: before its colon, in the bracket closing it, or the words before
    its figure (without a comparison word); None where it has no figure or no label."""
    n = _NUMBER.search(text)
    if n is None or _dated_pattern().match(text):
        return None
    head = text[: n.start()]
    for colon in (":", "："):
        if colon in head:
            return compact(head[: head.index(colon)]) or None
    bracket = _LABEL_BRACKET.search(text, n.end())
    if bracket is not None:
        return compact(bracket.group(1))
    for word in _word_order("before"):
        if head.endswith(word):
            head = head[: -len(word)]
            break
    words = compact(head).strip("".join(_SYMBOLS))
    return words if words and all(is_han(ch) for ch in words) else None


def _captions(tables: list[Table]) -> dict[int, str | None]:
    """Each table's caption words (layout.captions), by where the table starts."""
    return {t.start: t.caption for t in tables}


class TableIndex:
    """The tables of a document as its nodes ask about them: by position, by bisection."""

    def __init__(self, source: str, folded: str, tables: list[Table]) -> None:
        self.found = _targets(source, folded, tables)
        self.starts = [f.start for f in self.found]
        self.tables = sorted((t.start, t.end, t.kind == "other") for t in tables)
        self.captions = _captions(tables)
        # Sentence cells of indicator tables, with their column's year (column_years).
        self.years = sorted(y for t in tables for y in t.years)
        self.worded = sorted(span for t in tables for span in t.worded)
        self.loose = sorted(u for t in tables for u in t.loose)
        self.loose_starts = [u[0] for u in self.loose]
        self.table_starts = [t[0] for t in self.tables]
        cells = sorted(span for t in tables for span in t.prose)
        self.prose_starts = [a for a, _ in cells]
        self.prose_ends = [b for _, b in cells]

    def loose_in(self, start: int, end: int) -> list[tuple[int, int, Role, str]]:
        """Unit cells of unnumbered table rows in [start, end): the node's own."""
        return self.loose[
            bisect_left(self.loose_starts, start) : bisect_left(self.loose_starts, end)
        ]

    def in_range(self, start: int, end: int) -> list[Found]:
        """The indicator tables' targets whose value cell lies in [start, end)."""
        return self.found[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def caption_at(self, pos: int) -> str | None:
        """The caption's words above the table that holds *pos* (layout.captions)."""
        k = bisect_right(self.table_starts, pos) - 1
        if k < 0 or pos >= self.tables[k][1]:
            return None
        return self.captions.get(self.tables[k][0])

    def holds(self, pos: int) -> bool:
        """Whether *pos* stands in a table read (of any kind)."""
        k = bisect_right(self.table_starts, pos) - 1
        return k >= 0 and pos < self.tables[k][1]

    def outside_prose(self, pos: int) -> bool:
        """Whether a quantity at *pos* stands in a table read, but not in a prose cell."""
        k = bisect_right(self.table_starts, pos) - 1
        if k < 0 or pos >= self.tables[k][1] or self.tables[k][2]:
            return False
        c = bisect_right(self.prose_starts, pos) - 1
        return not (c >= 0 and pos < self.prose_ends[c])


def column_years(found: list[Found], years: list[tuple[int, int, int, str]]) -> None:
    """A target in a task row's cell under 2025年目标 takes that year, unless it prints one."""
    for f in found:
        if f.kind != "target" or f.deadline:
            continue
        for a, b, year, header in years:
            if a <= f.start < b:
                f.year, f.deadline = year, header
                f.year_by = ("table_column", "the cell's column header names the year")
                break
