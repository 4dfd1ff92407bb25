"""Where a node's title ends.

A heading alone on its line is all title (its inner spacing is dropped: 第一章
总　　则 → 总则).  A run-in heading ("促进充分就业。加强……") or an item that
opens straight into a sentence ("第一条　为了……，……。") is titled by its
text up to the first 。 ， ： or ； outside brackets and quotes.
"""

from __future__ import annotations

from ..text.brackets import ANY, first_outside

_TERMINATORS = "。,:;!?"
_SENTENCE_END = "。;!?:"
# A heading printed on its own line rarely runs longer than this.
_HEADING_MAX = 60
_PHRASE_MAX = 40


def title_span(folded: str, start: int, end: int) -> tuple[int, int, bool]:
    """Return (title_start, title_end, heading_only) for the text [start, end).

    heading_only says the block is a heading with no body of its own, which
    matters for where the paragraphs that follow it belong.
    """
    while start < end and folded[start] == " ":
        start += 1
    if start >= end:
        return start, start, True
    cut = first_outside(folded, start, end, _TERMINATORS, ANY)
    last = folded[end - 1]
    length = end - start
    if length <= _HEADING_MAX and last not in _SENTENCE_END and "。" not in folded[start:end]:
        return start, end, True  # a heading printed alone, commas and all
    if cut == end - 1 and last in "。:" and length <= _PHRASE_MAX:
        return start, cut, True  # "发展目标。" alone on its line
    stop = cut
    while stop > start and folded[stop - 1] == " ":
        stop -= 1
    return start, stop, False
