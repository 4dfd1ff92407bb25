"""Recognise a numbering marker at the start of a block.

This stage only says what a marker *looks like* (style, printed label, value);
whether it really opens a node is decided by the structure stage, which knows
the sequences in force.  Patterns run on folded text (see normalize), so
（一） and (一), １． and 1. are one style each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import lexicon
from ..text.numerals import cn_to_int
from ..vocab import NodeStyle

_CN = "〇零一二两三四五六七八九十百"


@cache
def _marker() -> re.Pattern[str]:
    """Every style in one pattern; the words of 第X章 / 第X条 come from the lexicon.

    Every alternative is anchored and bounded: no nested quantifiers, so a
    match attempt costs O(length of the marker) whatever follows.  One space may
    stand inside a label, as text taken from a PDF prints it (三 、, 第 1 2 条);
    the label keeps it, the value does not.
    """
    units = lexicon.alternation(lexicon.column("layout/marker_units"))
    sp = "[ \u3000]?"  # a space a PDF put inside the label: 三 、, 第 1 2 条, ( 一 )
    return re.compile(
        rf"""
    (?P<zh>第{sp}(?P<zv>[{_CN}]{{1,6}}|\d(?:{sp}\d){{0,2}}){sp}(?P<zu>{units}))
  | (?P<cn_dun>(?P<dv>[{_CN}]{{1,4}}){sp}、)
  | (?P<cn_paren>\({sp}(?P<pv>[{_CN}]{{1,4}}){sp}\))
  | (?P<cn_enclosed>[\u3220-\u3229])
  | (?P<arabic_paren>\({sp}(?P<av>\d{{1,3}}){sp}\))
  | (?P<arabic_paren_char>[\u2474-\u2487])
  | (?P<arabic>(?P<nv>\d{{1,3}})(?:[.]|{sp}、))
  | (?P<arabic_char>[\u2488-\u249b])
  | (?P<circled>[\u2460-\u2473])
    """,
        re.VERBOSE,
    )


@dataclass(slots=True)
class Marker:
    """A numbering marker as printed: its style, where it is, its value."""

    style: NodeStyle
    start: int
    end: int
    value: int
    # True where digits follow straight on ("1.6亿"): such a marker may only
    # continue a running sequence, never start one.
    digit_follows: bool = False


@dataclass(slots=True)
class BoxMarker:
    """专栏3 at the start of a block: where the label ends and its number."""

    start: int
    end: int
    value: int


@cache
def _box() -> re.Pattern[str]:
    words = lexicon.alternation(lexicon.column("layout/box_words"))
    return re.compile(rf"{words}\s{{0,2}}(?P<n>\d{{1,3}}|[{_CN}]{{1,4}})(?![\d.、])")


def match_box(folded: str, pos: int, end: int) -> BoxMarker | None:
    """专栏2  工业互联网标识解析体系增强工程: the box label at *pos*, if any; 专栏 glued to
    a title with no number (专栏“十五五”时期主要指标) is a box numbered 0 (the structure
    rule opens it only where a table follows)."""
    m = _box().match(folded, pos, end)
    if m is None:
        bare = _bare_box().match(folded, pos, end)
        return BoxMarker(pos, bare.end(), 0) if bare is not None else None
    value = cn_to_int(m.group("n"))
    return BoxMarker(pos, m.end(), value) if value else None


_BARE_TITLE_MIN = 4  # 专栏目录 is a list of boxes; a box's own title is longer


@cache
def _bare_box() -> re.Pattern[str]:
    words = lexicon.alternation(lexicon.column("layout/box_words"))
    return re.compile(rf"{words}(?=[^\d{_CN}\s:：][^\n]{{{_BARE_TITLE_MIN - 1},}})")


def match_marker(folded: str, pos: int, end: int) -> Marker | None:
    """Return the marker that starts exactly at *pos*, if any."""
    m = _marker().match(folded, pos, end)
    if m is None:
        return None
    kind = m.lastgroup
    value: int | None
    if m.group("zh"):
        value = cn_to_int(re.sub(r"\s", "", m.group("zv")))
        style = lexicon.styles("layout/marker_units")[m.group("zu")]
    elif m.group("cn_dun"):
        value, style = cn_to_int(m.group("dv")), "cn_dun"
    elif m.group("cn_paren"):
        value, style = cn_to_int(m.group("pv")), "cn_paren"
    elif m.group("cn_enclosed"):
        value, style = ord(m.group("cn_enclosed")) - 0x3220 + 1, "cn_paren"
    elif m.group("arabic_paren"):
        value, style = int(m.group("av")), "arabic_paren"
    elif m.group("arabic_paren_char"):
        value, style = ord(m.group("arabic_paren_char")) - 0x2474 + 1, "arabic_paren"
    elif m.group("arabic"):
        value, style = int(m.group("nv")), "arabic"
    elif m.group("arabic_char"):
        value, style = ord(m.group("arabic_char")) - 0x2488 + 1, "arabic"
    else:
        assert kind == "circled"
        value, style = ord(m.group("circled")) - 0x2460 + 1, "circled"
    if value is None or value == 0:
        return None
    mend = m.end()
    return Marker(style, pos, mend, value, _digit_follows(folded, style, mend, end))


def _digit_follows(folded: str, style: str, mend: int, end: int) -> bool:
    """A figure right after an arabic label (7.8 is a figure, 7.加强… a heading); not a
    year phrase (1.2025年6月底前，…: the label, then the year)."""
    if style != "arabic" or mend >= end or not folded[mend].isdigit():
        return False
    return _YEAR_AFTER.match(folded, mend, end) is None


_YEAR_AFTER = re.compile(r"(?:19|20)\d{2}年")
