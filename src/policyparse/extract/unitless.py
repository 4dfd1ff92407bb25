"""Numbers printed with no unit word: the values of measures such as 系数, 指数, PUE, and
fractions in digits (2/3).

Everywhere else a number needs a unit to be a quantity (a bare number is an
ordinal, a code or a page number as often as a value).  A measure whose value
is a pure number (lexicon extract/unitless_measures) names what the number
measures, so a number a word of reaching or a comparator puts after it is read
too: 农田灌溉水有效利用系数提高到0.58以上 is 0.58 with no unit.  A small fraction in
digits is a share, as 三分之二 is: 不超过原规模2/3 is 66.67 %.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from .. import lexicon
from ..text.numerals import fraction_percent
from .unit_words import unit_at

_GAP = 8  # word characters between the measure's name and its word of reaching


@cache
def _pattern() -> re.Pattern[str]:
    """A measure's name, a few word characters (a bracket among them), a word of reaching
    or a comparator, then a number with no unit or % after it."""
    nouns = lexicon.alternation(lexicon.column("extract/unitless_measures"))
    words = (
        *lexicon.column("extract/comparators", position="before"),
        *lexicon.column("extract/copulas"),
        *lexicon.column("extract/level_marks"),
    )
    return re.compile(
        rf"(?i:{nouns})(?:[^\s\d，,；;。、:：()（）]|[(（][^)）]{{1,{_GAP}}}[)）]){{0,{_GAP}}}?"
        rf"(?:{lexicon.alternation(tuple(words))})"
        rf"(?P<n>\d+(?:\.\d+)?)(?![\d.%])"
    )


def find(folded: str, start: int, end: int) -> list[tuple[int, int, Decimal]]:
    """(start, end, value) of each pure number a unitless measure is brought to.

    Takes 0.58 in 有效利用系数提高到0.58以上 and 0.6 in 生物多样性指数（鸟类）达到0.6;
    leaves a number a unit follows (指数涨幅控制在3%: read with its unit), 能效比3.2以上的
    空调 (no word of reaching: a class of appliance) and 排名提升至第3位 (an ordinal).
    """
    out = []
    for m in _pattern().finditer(folded, start, end):
        value = Decimal(m["n"])
        if value and unit_at(folded, m.end(), end) is None:
            out.append((m.start("n"), m.end("n"), value))
    return out


_SLASH = re.compile(r"(?<![\d./A-Za-z])(?P<num>[1-9])/(?P<den>[2-9]|10)(?![\d./%A-Za-z])")


def fractions(folded: str, start: int, end: int) -> list[tuple[int, int, Decimal]]:
    """(start, end, percentage) of each small fraction in digits: 2/3 is 66.67, 1/4 is 25.

    A one-digit numerator below a denominator of 2 to 10, with no unit after it (15/30天
    is two durations; 1/2/3 a list; 3/4G a code).  Rounded to hundredths as 三分之二 is.
    """
    out = []
    for m in _SLASH.finditer(folded, start, end):
        num, den = int(m["num"]), int(m["den"])
        if num >= den or unit_at(folded, m.end(), end) is not None:
            continue
        out.append((m.start(), m.end(), fraction_percent(num, den)))
    return out
