"""Dates as printed in notices: 2018年12月21日, 二〇一八年十二月二十一日, 2025-08-01, 2019.01.27.

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
# 2019.01.27, 2019/1/27, 2019-01-27: the numeric forms pages and scans print.
NUMERIC_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})([./-])(?P<m>0?[1-9]|1[0-2])\2(?P<d>0?[1-9]|[12]\d|3[01])(?!\d)"
)
_DATE_LINE_MAX = 40


def is_date_line(content: str) -> bool:
    """A short line that is one date and nothing else (the line under a signature)."""
    text = compact(content)
    return len(content) <= _DATE_LINE_MAX and (
        DATE.fullmatch(text) is not None or NUMERIC_DATE.fullmatch(text) is not None
    )


def parse_date(text: str) -> _dt.date | None:
    """2018年12月21日, 二〇一八年十二月二十一日, 2025-08-01, 2019.01.27 or 2019/1/27 to a date."""
    m = DATE.search(text) or NUMERIC_DATE.search(text)
    if m is None:
        return None
    parts = (cn_to_int(m.group("y")), cn_to_int(m.group("m")), cn_to_int(m.group("d")))
    y, mo, d = parts
    if y is None or mo is None or d is None:
        return None
    try:
        return _dt.date(y, mo, d)
    except ValueError:
        return None
