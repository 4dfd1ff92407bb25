"""Numbers with units: 20万人, 1.6亿元, 5—10个, 百分之八十五, 三万套, 翻一番.

This stage finds every quantity that carries a unit, reads its value exactly
(Decimal, so 1.2亿 is 120000000 and not 120000000.00000001) and applies the
scale.  Whether a quantity is a target is decided later, from its context.
Quantities whose unit is a unit of time or age (年, 岁, 个月) are dropped here.
"""

from __future__ import annotations

import bisect
import re
import string
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from .. import lexicon
from ..layout.values import scale_factors, scaled_units
from ..text.numerals import CN_NUMERAL_CHARS, cn_to_int, fraction_percent, round_scale
from . import unitless
from .durations import age_goal, amount_end, duration_goal, response_time, year_levels
from .unit_words import alternates, per, unit_at, unit_pattern, units

_CN = "零〇一二两三四五六七八九十百千"
# A number in digits starts where a run of digits starts: a start inside the run
# would be the tail of a longer number (skipped anyway), and trying every one of them
# read a long run of digits once per digit (quadratic on 1234567890… with no unit).
_NUM = rf"(?<![\d.])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<![\d.])\d+(?:\.\d+)?|[{_CN}]{{1,12}}"


@cache
def _qty() -> re.Pattern[str]:
    """The quantity pattern; a number must be followed by a scale or a unit's first character.

    The lookahead lets the regex engine skip the many 一 and 二 of running
    text (一体, 二期) without a Python-level look at each.  A scale with no
    numeral (突破万亿元) is matched with the word of reaching before it, which
    no other alternative can start inside; the quantity starts at the scale.
    """
    # Durations may be goals (压缩至30天): time units count too, but not those of dates
    # and ages, which follow numbers everywhere (time_units.tsv, column scan).
    times = lexicon.column("extract/time_units", scan="yes")
    units = (*lexicon.column("extract/units"), *times)
    firsts = "".join(sorted({u[0] for u in units}))
    # A unit follows, or 、 and the next item of a list that prints the unit once (407、700万千瓦).
    unit_ahead = "(?=[" + re.escape(firsts) + "、])"
    scales = lexicon.column("extract/scales")
    scale = _scale_pattern()
    # 突破万亿元: a scale with no numeral, right after a word of reaching or passing.
    reaching_words = tuple(
        word
        for word, comparator, _, position, _ in lexicon.rows("extract/comparators")
        if position == "before" and comparator in (">", ">=")
    )
    reaching = lexicon.alternation(reaching_words)
    through = [w for w in lexicon.column("extract/deadline_words", role="through") if w.isalpha()]
    sep = "|".join(["—{1,2}", "[-~]", *through])
    inside = lexicon.alternation(lexicon.column("extract/comparators", position="inside"))
    opening = "".join(sorted({s[0] for s in scales}))
    halves = lexicon.alternation(lexicon.column("extract/half_words"))
    half_first = "".join(sorted({w[0] for w in lexicon.column("extract/half_words")}))
    reach_first = "".join(sorted({w[0] for w in reaching_words}))
    lone = lexicon.alternation(lexicon.column("extract/lone_scales"))
    lone_not_after = re.escape("".join(lexicon.column("extract/lone_scales", "not_after")))
    counts = re.escape("".join(sorted({u[0] for u in _count_units()})))
    return re.compile(
        # Every quantity opens with one of these: the engine skips the rest at once.
        rf"(?=[翻{half_first}{opening}{re.escape(reach_first)}\d{_CN}])"
        rf"(?:{reaching}(?P<bare>{scale}){unit_ahead}"
        # 实施万个微基建项目: a scale alone before a count is a round number.
        rf"|(?<![{lone_not_after}{_CN}\d])(?P<lone>{lone})(?=[{counts}])"
        # 一半, 半数 (半数以上), 过半: half (a word of passing before it is its comparator).
        rf"|翻(?P<fan>[一两二三四])?番|(?P<half>一半|{halves})|{reaching}(?P<passed>{halves}|半)"
        rf"|百分之(?P<pct>[{_CN}]{{1,6}}|\d+(?:\.\d+)?)"
        # 三分之一, 2分之1: a fraction, read as a percentage.
        rf"|(?P<den>[{_CN}]{{1,3}}|\d{{1,4}})分之(?P<num>[{_CN}]{{1,3}}|\d{{1,4}})"
        # 10%—15%, 1万至2万人次: a range whose ends both carry the % or the scale.
        rf"|(?P<a>{_NUM})(?:(?:(?P<pa>%|{scale})(?=(?:{sep})(?:{_NUM})(?P=pa)))?"
        rf"(?P<sep>{sep})(?P<b>{_NUM}))?"
        # 100 亿元: a space a PDF put between the number and its scale or unit.
        rf"(?P<gap> (?=[{opening}{re.escape(firsts)}]))?"
        # 1500多亿元, 120余万人: a word of approximation before the scale.
        rf"(?P<before>{inside}(?={scale}))?"
        # 3万4000人, 三万四千人次, 2亿5000万元: a scale inside the number.
        rf"(?:(?P<scale>{scale})"
        rf"(?:(?P<mixed>(?<=万)(?:\d{{1,4}}|[零〇]?[一二两三四五六七八九][十百千][{_CN}]{{0,3}}))|(?<=亿)(?P<yi>\d{{1,4}}|[{_CN}]{{1,5}})万)?)?"
        # 7000余个, 3万余人: a word of approximation between the number and its unit.
        rf"(?P<inner>{inside})?(?(scale)|{unit_ahead}))"
    )


_FAN_OPEN = "翻"
_FAN = {"一": 1, "两": 3, "二": 3, "三": 7, "四": 15}  # 翻n番 is ×2^n: an increase of 2^n - 1 倍


@dataclass(slots=True)
class Quantity:
    """A number with its unit, as found in the folded text."""

    start: int
    end: int  # end of the unit (a suffix such as 以上 is not included)
    value: Decimal
    value_max: Decimal | None
    unit: str | None  # as printed, scale included
    base_value: Decimal | None
    base_unit: str | None
    single_cn: bool = False  # a one-character Chinese numeral: 一个, 三条
    chinese: bool = False
    doubling: bool = False  # 翻一番: an increase by its nature
    inner: str | None = None  # a word between number and unit: 余 in 7000余个
    round: bool = False  # 百个, 千家: a round count printed as a scale alone


@cache
def _scale_pattern() -> str:
    """The scale words, each where no unit it opens follows (5千人 holds the scale 千; 5千米
    and 100千瓦 hold none: 千米, 千瓦 are units), and one that may not end a quantity alone
    only before a unit (lexicon extract/scales, alone: 10千伏线路 holds no 10 千)."""
    parts = []
    for word, _, alone in sorted(lexicon.rows("extract/scales"), key=lambda r: -len(r[0])):
        tails = [u[len(word) :] for u in scaled_units() if u.startswith(word)]
        ahead = f"(?!{lexicon.alternation(tuple(tails))})" if tails else ""
        if alone == "no":
            ahead += f"(?={unit_pattern().pattern})"
        parts.append(re.escape(word) + ahead)
    return "(?:" + "|".join(parts) + ")"


# A float holds 15 significant digits exactly: a number whose whole part is longer is
# no figure a plan states (an account number, a run of digits) and would not survive
# JSON (past 309 digits it is infinite).  It is read as text; check_text says where.
MAX_DIGITS = 15
# Single-character repeats only: a repeated group keeps a backtracking entry per
# repetition, hundreds of megabytes on a run of millions of digits.
_GLUED = frozenset(".0123456789")  # what the number pattern looks behind for

_LONG = re.compile(r"\d[\d,]{15,}(?:\.\d+)?")


def _too_long(num: str) -> bool:
    return len(num.partition(".")[0].replace(",", "")) > MAX_DIGITS


def oversized(folded: str) -> list[tuple[int, int]]:
    """Where a number with a scale or a unit has more whole digits than a figure can hold.

    Only what follows the digits is looked at: matching the quantity pattern from
    their start would backtrack through a run of millions of them.
    """
    out = []
    for m in _LONG.finditer(folded):
        if m.start() > 0 and folded[m.start() - 1] in ".,0123456789":
            continue
        if _too_long(m.group()) and _unit_follows(folded, m.end()):
            out.append(m.span())
    return out


def _unit_follows(folded: str, pos: int) -> bool:
    """Whether a scale (万, 亿) or a unit stands at *pos*, after one space at most."""
    if folded.startswith(" ", pos):
        pos += 1
    if any(folded.startswith(s, pos) for s in scale_factors()):
        return True
    return unit_at(folded, pos, min(len(folded), pos + 16)) is not None


def _read(num: str) -> Decimal | None:
    if num[0].isdigit():
        return None if _too_long(num) else Decimal(num.replace(",", ""))
    value = cn_to_int(num)
    return Decimal(value) if value is not None else None


@cache
def _later_item() -> re.Pattern[str]:
    """、700万千瓦 after a bare 407: the next item of a list, a number, its scale and unit."""
    scale = _scale_pattern()
    return re.compile(rf"、\d+(?:\.\d+)?(?P<scale>{scale})?(?P<unit>{unit_pattern().pattern})")


def _list_unit(folded: str, pos: int, end: int) -> tuple[str, int, str] | None:
    """The unit a list prints once after its last item, for a bare number before 、:
    407、700万千瓦 gives 407 the list's 万千瓦 (printed, factor, base unit); None where
    the next item prints none, or a unit of time (2025、2030年 are years)."""
    m = _later_item().match(folded, pos, end)
    if m is None or not units()[0].get(m.group("unit"), False):
        return None
    scale = m.group("scale") or ""
    return scale + m.group("unit"), scale_factors().get(scale, 1), m.group("unit")


def _scaled(value: Decimal | None, factor: int) -> Decimal | None:
    return None if value is None else value * factor


@cache
def _terms() -> re.Pattern[str]:
    """Terms that hold a numeral and name something, matched where the numeral starts:
    二次供水, 一网通办, 四好农村路 open with it; 冬季两项 (a sport) holds it after words,
    which must stand right before the number."""
    opening: list[str] = []
    inner: list[str] = []
    for term in lexicon.column("extract/numeral_terms"):
        at = next((k for k, ch in enumerate(term) if ch in _NUMERAL_OPENINGS), 0)
        if at == 0:
            opening.append(term)
        else:
            inner.append(f"(?<={re.escape(term[:at])}){re.escape(term[at:])}")
    return re.compile("|".join([lexicon.alternation(tuple(opening)), *inner]))


_NUMERAL_OPENINGS = frozenset(CN_NUMERAL_CHARS + string.digits)


@dataclass(slots=True)
class Budget:
    """How many quantities a document may still have read: ``find`` takes them off."""

    left: int


def find(
    source: str, folded: str, start: int, end: int, budget: Budget | None = None
) -> list[Quantity]:
    """Every quantity with a unit in [start, end), and every pure number a unitless measure
    is brought to (extract/unitless.py), in reading order, within *budget*.

    A number opening a term of extract/numeral_terms is none: 加强二次供水设施管理 holds no
    2 次, though 次 is a unit; nor is a scale inside the last quantity's unit (千克 of
    100千瓦时/千克, the denominator of a rate).
    """
    out: list[Quantity] = []
    if budget is not None and budget.left <= 0:
        return out
    terms = _terms()
    folded = _unglued(folded, start)
    for m in _qty().finditer(folded, start, end):
        if terms.match(folded, m.start(), end) or (out and m.start() < out[-1].end):
            continue  # 二次供水: a term; 千克 in 100千瓦时/千克: inside the last one's unit
        q = _quantity(m, source, folded, start, end)
        if q is not None:
            out.append(q)
            if budget is not None:
                budget.left -= 1
                if budget.left <= 0:
                    return out
    pure = [Quantity(a, b, v, None, None, v, None) for a, b, v in unitless.find(folded, start, end)]
    shares = [
        Quantity(a, b, v, None, "%", v, "%") for a, b, v in unitless.fractions(folded, start, end)
    ]
    years = [
        Quantity(a, b, Decimal(n), None, unit, Decimal(n), unit)
        for a, b, n, unit in year_levels(folded, start, end)
    ]
    _insert(out, sorted([*pure, *shares, *years], key=lambda q: q.start), budget)
    return out


def _unglued(folded: str, start: int) -> str:
    """The text with a marker's dot (or digit) right before *start* blanked where the text
    opens with a number (2.50个小区…): the number pattern looks behind it and would read the
    number as the tail of a decimal.  The text starts at *start*."""
    if start and folded[start - 1] in _GLUED and folded[start : start + 1].isdigit():
        return f"{folded[: start - 1]} {folded[start:]}"
    return folded


def _insert(out: list[Quantity], extra: list[Quantity], budget: Budget | None) -> None:
    """Put each quantity of *extra* in its place in *out*, unless it overlaps one there."""
    for q in extra:
        if budget is not None and budget.left <= 0:
            return
        at = bisect.bisect(out, q.start, key=lambda o: o.start)
        if (at and out[at - 1].end > q.start) or (at < len(out) and out[at].start < q.end):
            continue
        out.insert(at, q)
        if budget is not None:
            budget.left -= 1


def _quantity(m: re.Match[str], source: str, folded: str, start: int, end: int) -> Quantity | None:
    """One match read by its form (doubling, half, bare scale, percentage, number), or None.

    The forms share nothing but the match, so each is read by its own helper.
    """
    fan, bare = m["fan"], m["bare"]
    q_start = m.start("bare") if bare else m.start("passed") if m["passed"] else m.start()
    if fan or folded[m.start()] == _FAN_OPEN:
        inc = Decimal(_FAN[fan or "一"])  # 实现翻番 is 翻一番
        return Quantity(q_start, m.end(), inc, None, "倍", inc, "倍", doubling=True)
    if m["half"] or m["passed"]:
        return _half(m, folded, q_start, end)
    if m["den"]:
        return _fraction(m, q_start)
    if bare:
        return _bare_scale(m, source, folded, end)
    if m["lone"]:
        return _bare_scale(m, source, folded, end, "lone")
    if q_start > start and folded[q_start - 1] in "第.0123456789":
        return None  # an ordinal, or the tail of a longer number
    if m["pct"]:
        pct = _read(m["pct"])
        if pct is None:
            return None
        return Quantity(q_start, m.end(), pct, None, "%", pct, "%", chinese=True)
    return _number(m, source, folded, start, end)


def _half(m: re.Match[str], folded: str, q_start: int, end: int) -> Quantity | None:
    """一半, 半数, 过半 as 50 %; none before a unit of time (过半年 is half a year)."""
    after = unit_at(folded, m.end(), end)
    if after is not None and not after[1]:
        return None
    return Quantity(q_start, m.end(), Decimal(50), None, "%", Decimal(50), "%")


def _fraction(m: re.Match[str], q_start: int) -> Quantity | None:
    """三分之一 as a percentage: 100 × 1/3, rounded to two decimals (33.33 %).

    The exact share is the fraction as printed (the target's text keeps it); the value
    is exact where the fraction ends in hundredths (四分之一 is 25 %, 五分之二 is 40 %).
    """
    den, num = _read(m["den"]), _read(m["num"])
    if not den or not num or num > den:
        return None
    pct = fraction_percent(num, den)
    return Quantity(q_start, m.end(), pct, None, "%", pct, "%", chinese=not m["den"][0].isdigit())


@cache
def _count_units() -> frozenset[str]:
    """Units of dimension count (个, 门, 所 …: lexicon extract/units)."""
    return frozenset(
        u for u, d in lexicon.mapping("extract/units", "dimension").items() if d == "count"
    )


def _bare_scale(
    m: re.Match[str], source: str, folded: str, end: int, group: str = "bare"
) -> Quantity | None:
    """突破万亿元: a scale with no numeral is one of it, when a real unit follows (after a
    word of reaching; alone, *group* lone, only a unit of count: 万个, 万门)."""
    found = unit_at(folded, m.end(), end)
    if found is None or not found[1]:
        return None
    if group == "lone" and folded[m.end() : m.end() + found[0]] not in _count_units():
        return None  # 万元GDP能耗: a scale of money alone names the measure
    q_start = m.start(group)
    unit_end = m.end() + found[0]
    factor = scale_factors()[m[group]]
    return Quantity(
        q_start,
        unit_end,
        Decimal(1),
        None,
        source[q_start:unit_end],
        Decimal(factor),
        source[m.end() : unit_end],
        chinese=group == "lone",
        round=group == "lone",
    )


def _number(m: re.Match[str], source: str, folded: str, start: int, end: int) -> Quantity | None:
    """A number or a range in digits or Chinese numerals, with its scale and unit."""
    a, b, inner = m["a"], m["b"], m["inner"] or m["before"]
    chinese = not a[0].isdigit()
    value = _read(a)
    value_max = _read(b) if b else None
    if value is None or value == 0 or (b and value_max is None):
        return None
    value, factor, unit_start = _with_scale(m, value, value_max)
    listed = _listed(m, folded, end, value, value_max)
    if listed is not None:
        return listed
    rounded = _round(m, chinese, factor)
    if rounded:  # 百个: one of the scale, the scale printed in the unit
        value, factor, unit_start = Decimal(1), rounded, m.start("a")
    read = _unit(m, source, folded, start, end, factor)
    if read is None:
        return None
    unit_end, base_unit, shared = read
    if chinese and base_unit is None:
        return None  # 实施百万高校毕业生…行动: a scale in words with no unit names a programme
    unit = _unit_text(m, source, unit_start, unit_end, shared)
    return Quantity(
        m.start(),
        unit_end,
        value,
        value_max,
        unit,
        _scaled(value, factor),
        _listed_base(shared, unit, base_unit),
        single_cn=chinese and len(a) == 1 and factor == 1,
        chinese=chinese,
        round=rounded is not None,
        inner=inner,
    )


def _listed_base(
    shared: tuple[str, str] | None, unit: str | None, base_unit: str | None
) -> str | None:
    """The base unit, the list's where the item takes the unit the list prints once."""
    return shared[1] if shared and unit else base_unit


def _listed(
    m: re.Match[str], folded: str, end: int, value: Decimal, value_max: Decimal | None
) -> Quantity | None:
    """A bare number before 、 taking the unit its list prints after the last item
    (407、700万千瓦: 407 万千瓦), else None."""
    if not m["a"][0].isdigit() or m["scale"] or unit_at(folded, m.end(), end) is not None:
        return None
    listed = _list_unit(folded, m.end(), end)
    if listed is None:
        return None
    unit, factor, base = listed
    return Quantity(m.start(), m.end(), value, value_max, unit, _scaled(value, factor), base)


def _round(m: re.Match[str], chinese: bool, factor: int) -> int | None:
    """The scale of 百 or 千 printed alone as a number (百个, 千家), times the scale after
    it (百亿元: one of 百亿, base 100亿元; 千万人), else None."""
    if not chinese or m["b"] or m["mixed"] or m["yi"] or m["before"]:
        return None
    rounded = round_scale(m["a"])
    return None if rounded is None else rounded * factor


def _unit_text(
    m: re.Match[str], source: str, start: int, end: int, shared: tuple[str, str] | None
) -> str | None:
    """The unit as printed from *start* to *end*, scale included, without a word of
    approximation (3万余人: 万人), and with the list's unit where it prints it once
    (15个、7个工作日: 个工作日 for 15)."""
    unit = source[start:end] if end > start else None
    if m["inner"] and unit:
        unit = unit.replace(source[m.start("inner") : m.end("inner")], "", 1) or None
    if shared and unit:
        unit = unit[: len(unit) - len(shared[0])] + shared[1]
    return unit


def _with_scale(
    m: re.Match[str], value: Decimal, value_max: Decimal | None
) -> tuple[Decimal, int, int]:
    """The value, the factor still to apply and where the printed unit starts.

    A scale is part of the unit (1.6亿元: 亿元) unless it sits inside the number
    (3万4000人), where it is applied to the value here.
    """
    scale = m["scale"]
    factor = 1
    unit_start = m.end("gap") if m["gap"] else m.end("a") if m["b"] is None else m.end("b")
    if scale:
        factor = scale_factors()[scale]
        unit_start = m.start("scale")
    mixed, yi = m["mixed"], m["yi"]
    if mixed and (mixed_value := _read(mixed)) is not None:
        # 3万4000人, 三万四千人次: the scale sits inside the number, not in the unit.
        return value * factor + mixed_value, 1, m.end()
    if yi and scale == "亿" and value_max is None and (yi_value := _read(yi)) is not None:
        # 2亿5000万元, 二亿五千万元: counted in 万, the unit printed from the 万 on.
        return value * 10000 + yi_value, 10000, m.end("yi")
    return value, factor, unit_start


def _unit(
    m: re.Match[str], source: str, folded: str, start: int, end: int, factor: int
) -> tuple[int, str | None, tuple[str, str] | None] | None:
    """Where the unit ends, the unit word as printed (rate and alternatives included),
    and (printed, the list's) where the list prints a longer unit once (15个、7个工作日).

    None when the number is no quantity: a bare number (no unit and no scale), a
    date, a duration or an age (a duration a shortening verb aims at is kept).
    """
    found = unit_at(folded, m.end(), end)
    if found is None:
        return None if factor == 1 else (m.end(), None, None)
    length, real = found
    word = folded[m.end() : m.end() + length]
    longer = _shared_unit(folded, m.end() + length, end, word)
    if longer is not None:
        real = units()[0][longer]
    if not real and not (
        duration_goal(folded, start, m.start())
        or age_goal(folded, start, m.start(), word)
        or response_time(folded, word, m.end() + length)
        or amount_end(folded, m.start(), m.end() + length, end) is not None
    ):
        return None
    unit_end = m.end() + length
    base_start = unit_end - length
    if longer is not None:  # the unit is the list's, not printed here: no rate, no brackets
        return unit_end, longer, (source[base_start:unit_end], longer)
    unit_end += alternates(folded, unit_end, end)
    unit_end += per(folded, unit_end, end)
    return unit_end, source[base_start:unit_end], None


@cache
def _next_item() -> re.Pattern[str]:
    """、7个工作日 after 15个: the next item of a list, a number and its unit."""
    return re.compile(rf"、\d+(?:\.\d+)?(?P<unit>{unit_pattern().pattern})")


def _shared_unit(folded: str, pos: int, end: int, unit: str) -> str | None:
    """The longer unit the next item of a list prints, where this item's unit begins it.

    15个、7个工作日 → 个工作日 for 15; 3个、5个百分点 → 个百分点 for 3 (the unit is
    printed once, after the last item).  None where the next item's unit is the same
    (5所、10所) or another (5个、10家).
    """
    m = _next_item().match(folded, pos, end)
    if m is None:
        return None
    nxt = m.group("unit")
    if len(nxt) > len(unit) and nxt.startswith(unit):
        return nxt
    return None
