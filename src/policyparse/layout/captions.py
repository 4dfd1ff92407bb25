"""A table's caption: the year the line above it names, which dates its target columns
where their headers name none (layout/tables.py)."""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..inputs.columns import year_of
from ..text.fold import compact
from .blocks import Block
from .values import unit_word

_CAPTION_LINES = 2  # a caption stands this many lines above the table at most


def caption(folded: str, blocks: list[Block], i: int) -> tuple[int | None, str | None]:
    """The year a table's caption names (长宁区“十五五”期间…主要指标), and the phrase; in
    a paragraph leading to the table (…2026年底前实现…，达到如下运营管理目标：) the last
    year phrase, which governs the goals it announces."""
    for b in blocks[max(0, i - _CAPTION_LINES) : i][::-1]:
        words = compact(folded[b.start : b.end])
        if len(words) > CAPTION_MAX:  # …2026年底前实现…，达到如下目标：a goals paragraph
            phrases = list(_year_phrase().finditer(words))
            if phrases:
                return int(phrases[-1].group(1)), phrases[-1].group()
            continue
        year = year_of(words) or _one_year(words)
        if year is not None:
            return year, words
    return None, None


CAPTION_MAX = 40  # a caption is a title; a longer line is a paragraph leading to the table
_YEARS = re.compile(r"(?<!\d)((?:19|20)\d{2})年")


def _one_year(words: str) -> int | None:
    """The one year a caption names inside it (某县2016年度经济社会发展目标任务分解表);
    None where it names none, a span (2021—2025年: two) or the year of the table's
    edition ((2013年修订，讨论稿): lexicon layout/edition_words)."""
    years = {int(m.group(1)) for m in _YEARS.finditer(words) if not _edition(words, m.end())}
    return years.pop() if len(years) == 1 and _span().search(words) is None else None


def _edition(words: str, at: int) -> bool:
    return words.startswith(_edition_words(), at)


@cache
def _edition_words() -> tuple[str, ...]:
    return tuple(lexicon.column("layout/edition_words"))


@cache
def _span() -> re.Pattern[str]:
    """Two years joined as a span (2021—2025年; lexicon layout/range_joins)."""
    joins = lexicon.alternation(lexicon.column("layout/range_joins"))
    return re.compile(rf"\d{{4}}\s*(?:{joins})\s*\d{{4}}")


@cache
def _year_phrase() -> re.Pattern[str]:
    """到2026年底前: a year with the words of a deadline around it (extract/deadline_words)."""

    def ws(role: str) -> str:
        return lexicon.alternation(lexicon.column("extract/deadline_words", role=role))

    return re.compile(rf"(?:{ws('by')})?((?:19|20)\d{{2}})年(?:{ws('part')})?(?:{ws('before')})?")


_BREAKS = "。；;，,：: "  # what ends the text before a caption glued to a line's end


def caption_words(folded: str, blocks: list[Block], i: int) -> str | None:
    """The words of the caption right above the table at block *i*: the line above where
    it is short, else its tail after the last break (…2018年2月24日 常熟市2018年政府工作
    任务分解表, a caption run on at the end of a page's line); None where there is none.
    Read by the frames a task table's rows stand in (extract.frames: a table captioned
    as a plan for one year)."""
    if i == 0:
        return None
    b = blocks[i - 1]
    line = folded[b.start : b.end].strip()
    if len(compact(line)) <= CAPTION_MAX:
        return compact(line) or None
    cut = max(line.rfind(ch) for ch in _BREAKS)
    tail = compact(line[cut + 1 :])
    return tail if 0 < len(tail) <= CAPTION_MAX else None


@cache
def _unit_label() -> re.Pattern[str]:
    """单位：万元 closing a line (lexicon layout/unit_labels), the label opening the line or
    standing after a space (表1 … 单位：亿元); 填报单位：… is no such label."""
    labels = lexicon.alternation(lexicon.column("layout/unit_labels"))
    return re.compile(rf"(?:^|\s)(?:{labels}) ?[:：] ?([^\s:：，,。；;]{{1,8}}) *$", re.M)


def unit_line(folded: str, blocks: list[Block], i: int) -> tuple[int, int] | None:
    """The span of the unit a line just above the table at block *i* names for its
    figures (金额单位：万美元, …分解表 单位：亿元); None where none does or the words
    are no unit (单位：市发改委)."""
    for b in blocks[max(0, i - _CAPTION_LINES) : i][::-1]:
        m = _unit_label().search(folded, b.start, b.end)
        if m is not None and unit_word(m.group(1)):
            return m.start(1), m.end(1)
    return None


def is_unit_line(folded: str, b: Block) -> bool:
    """单位：万元 (or 金额单位：万美元) alone on its line, between a table's caption and
    its first row."""
    m = _unit_label().match(folded, b.start, b.end)
    return m is not None and unit_word(m.group(1))
