"""A table's caption: the year the line above it names, which dates its target columns
where their headers name none (layout/tables.py)."""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..inputs.columns import year_of
from ..text.fold import compact
from .blocks import Block

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
        year = year_of(words)
        if year is not None:
            return year, words
    return None, None


CAPTION_MAX = 40  # a caption is a title; a longer line is a paragraph leading to the table


@cache
def _year_phrase() -> re.Pattern[str]:
    """到2026年底前: a year with the words of a deadline around it (extract/deadline_words)."""

    def ws(role: str) -> str:
        return lexicon.alternation(lexicon.column("extract/deadline_words", role=role))

    return re.compile(rf"(?:{ws('by')})?((?:19|20)\d{{2}})年(?:{ws('part')})?(?:{ws('before')})?")
