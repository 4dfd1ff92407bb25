"""Chinese and Arabic numerals to integers.

Headings, dates and (later) targets all print numbers in Chinese; one
small, total function keeps their reading consistent.
"""

from __future__ import annotations

from decimal import Decimal

_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "两": 2,
    "贰": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}


def round_scale(s: str) -> int | None:
    """百 or 千 alone (百个示范应用, 千家企业): one hundred or one thousand as a round
    count, printed as a scale; else None (十个 is ten, a plain count)."""
    factor = _SMALL_UNITS.get(s)
    return factor if factor is not None and factor >= 100 else None


CN_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)


def cn_to_int(s: str) -> int | None:
    """Read a Chinese numeral (一百二十六, 二十, 两千, 三万) or a digit string.

    Returns None for anything that is not a well-formed numeral, so callers can
    treat a failed reading as "not a number" instead of guessing.
    """
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    if all(ch in _DIGITS for ch in s) and len(s) > 1:
        # Positional form used in years and some ordinals: 二〇一八.
        return int("".join(str(_DIGITS[ch]) for ch in s))
    return _grouped(s)


def _grouped(s: str) -> int | None:
    """一百二十六, 三万, 一亿二千万: digits times units, summed in groups of 万 and 亿."""
    total = 0  # completed 亿 groups
    wan = 0  # completed 万 groups below the current 亿
    section = 0  # current group below 万
    digit: int | None = None
    for ch in s:
        if ch in _DIGITS:
            if digit:
                return None  # two digits in a row outside the positional form
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            section += (1 if digit is None else digit) * unit
            digit = None
        elif ch in _BIG_UNITS:
            total, wan = _big_group(ch, total, wan, section + (digit or 0))
            section, digit = 0, None
        else:
            return None
    return total + wan + section + (digit or 0)


def _big_group(ch: str, total: int, wan: int, group: int) -> tuple[int, int]:
    """(total, wan) once a 万 or 亿 closes the group before it."""
    if group == 0 and total == 0 and wan == 0:
        group = 1  # 万人 alone: one 万
    # 一亿二千万: the 万 group sits below the 亿 before it, not on top of it.
    if _BIG_UNITS[ch] == 10_000:
        return total, wan + group * 10_000
    return total + (wan + group) * 100_000_000, 0


_CENTI = Decimal("0.01")


def fraction_percent(num: int | Decimal, den: int | Decimal) -> Decimal:
    """num/den as a percentage rounded to hundredths, a whole number where it is one:
    三分之二 and 2/3 are 66.67, 四分之一 is 25."""
    pct = (Decimal(100) * num / den).quantize(_CENTI)
    return pct.to_integral_value() if pct == pct.to_integral_value() else pct
