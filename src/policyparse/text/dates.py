"""Dates as printed in notices: 2018年12月21日, 二〇一八年十二月二十一日, 2025-08-01.

Both the layout stage (a date line under a signature) and metadata (the
signing and publication dates) read them; one pattern serves both.
"""

from __future__ import annotations

import datetime as _dt
import re

from .fold import compact
from .numerals import cn_to_int

_CN_DATE_DIGIT = "〇零○一二三四五六七八九"
DATE = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN_DATE_DIGIT}]{{4}})\s{{0,2}}年\s{{0,2}}"
    rf"(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s{{0,2}}月\s{{0,2}}"
    rf"(?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s{{0,2}}日"
)
_DATE_LINE_MAX = 40


def is_date_line(content: str) -> bool:
    """A short line that is one date and nothing else (the line under a signature)."""
    return len(content) <= _DATE_LINE_MAX and DATE.fullmatch(compact(content)) is not None


def parse_date(text: str) -> _dt.date | None:
    """2018年12月21日 or 二〇一八年十二月二十一日 or 2025-08-01 to a date."""
    m = DATE.search(text)
    if m:
        parts = (cn_to_int(m.group("y")), cn_to_int(m.group("m")), cn_to_int(m.group("d")))
    else:
        bits = text.strip().split("-")
        if len(bits) != 3 or not all(b.isascii() and b.isdigit() for b in bits):
            return None
        parts = (int(bits[0]), int(bits[1]), int(bits[2]))
    y, mo, d = parts
    if y is None or mo is None or d is None:
        return None
    try:
        return _dt.date(y, mo, d)
    except ValueError:
        return None
