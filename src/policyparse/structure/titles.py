"""Where a node's title ends.

A heading alone on its line is all title (its inner spacing is dropped: 第一章
总　　则 → 总则).  A run-in heading, a phrase of 40 characters or fewer ended by
。 or ： outside brackets and quotes with the body after it, is the title,
commas included ("强化顶层设计，发挥政府引导作用。加强……").  An item that is one
sentence, or opens straight into a longer one, and every article of a
regulation ("第二条　本办法所称……扣除，是指……。"), is titled by its text up
to the first ，.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from .. import lexicon
from ..text.brackets import ANY, first_outside, split_outside

_CLAUSE_END = "。,:;!?"
_PHRASE_END = "。:!?"
_SENTENCE_END = "。;!?:"
# A heading printed on its own line rarely runs longer than this.
_HEADING_MAX = 60
_PHRASE_MAX = 40


_BRACKET_TITLE = "【】"


def _bracketed_title(folded: str, start: int, end: int) -> tuple[int, int, bool] | None:
    """第一条【强化文旅体项目用地保障】将…: the words in 【】 are the title.

    Takes a 【…】 of 40 characters or fewer that opens the text; leaves a 【】
    later in the sentence (推进【某某】工程建设) to the other rules.
    """
    opening, closing = _BRACKET_TITLE[0], _BRACKET_TITLE[1]
    if folded[start] != opening:
        return None
    close = folded.find(closing, start + 1, min(end, start + 2 + _PHRASE_MAX))
    if close == -1 or close == start + 1:
        return None
    rest = folded[close + 1 : end].strip(" ")
    return start + 1, close, not rest


_SEGMENTS_MAX = 3
_SEGMENT_MAX = 15


def _heading_phrase(folded: str, start: int, end: int) -> bool:
    """Whether [start, end) reads as a heading: short parallel phrases, no sentence words.

    Takes 强化顶层设计，发挥政府引导作用, 带量采购，以量换价 and 推进政务公开，强化解读回应
    (应 inside 回应 is no modal); leaves 国务院实行总理负责制，
    总理领导国务院的工作 (的) and 国务院领导同志要深入基层，考察调研，了解情况，… (要, five
    segments), which are sentences.
    """
    segments = split_outside(folded, start, end, ",", ANY)
    if len(segments) > _SEGMENTS_MAX or any(b - a > _SEGMENT_MAX for a, b in segments):
        return len(segments) == 1
    return not _has_sentence_word(folded[start:end])


_STATEMENT_BRACKETS = {"(": ")", "〔": "〕", "【": "】"}


def _has_body(folded: str, start: int, end: int) -> bool:
    """Whether text follows the first sentence, other than one closing bracket.

    在自贸试验区设立受理点，受理商标权质押登记。（负责部门：知识产权局）: the bracket
    says who answers for the measure, it is no body, so the measure is one sentence.
    """
    rest = folded[start:end].strip(" ")
    if not rest:
        return False
    closer = _STATEMENT_BRACKETS.get(rest[0])
    if closer is None or rest[-1] != closer:
        return True
    depth = 0
    for i, ch in enumerate(rest):
        if ch == rest[0]:
            depth += 1
        elif ch == closer:
            depth -= 1
            if depth == 0:
                return i != len(rest) - 1
    return True


@cache
def _lookahead(table: str) -> re.Pattern[str]:
    """Every place where a word of *table* starts, overlaps included (longest word first)."""
    return re.compile(f"(?=({lexicon.alternation(lexicon.column(table))}))")


def _has_sentence_word(text: str) -> bool:
    """Whether a sentence word (的, 要, 应 …) stands in *text* outside a compound (回应, 重要)."""
    hits = [(m.start(), m.end(1)) for m in _lookahead("structure/sentence_words").finditer(text)]
    if not hits:
        return False
    covered = [False] * len(text)
    for m in _lookahead("structure/sentence_word_compounds").finditer(text):
        for k in range(m.start(), m.end(1)):
            covered[k] = True
    return any(not all(covered[a:b]) for a, b in hits)


class TitleCut(NamedTuple):
    """Where a title runs, whether the block is only a heading, and the form that said so.

    The forms (the trace names them): bracketed (【…】), heading_line (a heading
    printed alone), heading_sentence (发展目标。 alone), run_in_phrase (a heading
    phrase before its body), first_clause (a sentence, titled to its first ，), empty.
    """

    start: int
    end: int
    heading_only: bool
    rule: str


def title_span(folded: str, start: int, end: int, run_in: bool = True) -> TitleCut:
    """Where the title of the text [start, end) runs, and the form that cut it.

    heading_only says the block is a heading with no body of its own, which
    matters for where the paragraphs that follow it belong.  *run_in* False
    reads the text as provisions (the articles of a regulation and the items
    under them), whose first sentence is no heading phrase.
    """
    while start < end and folded[start] == " ":
        start += 1
    if start >= end:
        return TitleCut(start, start, True, "empty")
    bracketed = _bracketed_title(folded, start, end)
    if bracketed is not None:
        return TitleCut(*bracketed, "bracketed")
    phrase = first_outside(folded, start, end, _PHRASE_END, ANY)
    clause = first_outside(folded, start, phrase, _CLAUSE_END, ANY)
    last = folded[end - 1]
    length = end - start
    if length <= _HEADING_MAX and last not in _SENTENCE_END and "。" not in folded[start:end]:
        return TitleCut(start, end, True, "heading_line")  # a heading printed alone, commas and all
    if clause == end - 1 and last in "。:" and length <= _PHRASE_MAX:
        return TitleCut(start, clause, True, "heading_sentence")  # "发展目标。" alone on its line
    if run_in and _run_in(folded, start, phrase, end):
        stop, rule = phrase, "run_in_phrase"  # a heading phrase before its body, commas and all
    else:
        stop, rule = clause, "first_clause"  # one sentence, or the start of a long one
    while stop > start and folded[stop - 1] == " ":
        stop -= 1
    return TitleCut(start, stop, False, rule)


def _run_in(folded: str, start: int, phrase: int, end: int) -> bool:
    """A short heading phrase ends at *phrase* and a body follows it."""
    return (
        phrase - start <= _PHRASE_MAX
        and _has_body(folded, phrase + 1, end)
        and _heading_phrase(folded, start, phrase)
    )


_ATTACHMENT_NUMBER = re.compile(r"\d{1,2}")
_LABEL_SEPARATORS = frozenset(": .、")


def attachment_label(folded: str, start: int, end: int) -> tuple[int, int]:
    """Where an attachment line's label ends (附件1, 附件1—2) and where its title starts.

    附件1：某某行动计划 → label 附件1, title 某某行动计划; 附件2 alone → no title.
    """
    words = lexicon.longest_first(lexicon.column("layout/attachment_words"))
    pos = start
    for word in words:
        if folded.startswith(word, start, end):
            pos = start + len(word)
            break
    pos = _numbers_end(folded, start, pos, end)
    label_end = pos
    while label_end > start and folded[label_end - 1] == " ":
        label_end -= 1
    while pos < end and folded[pos] in _LABEL_SEPARATORS:
        pos += 1
    return label_end, pos


def _numbers_end(folded: str, start: int, pos: int, end: int) -> int:
    """Where the label's numbers end (1, 1—2, 1.1), from *pos* after its word."""
    joins = "".join(lexicon.column("layout/range_joins"))
    while pos < end and (folded[pos].isdigit() or folded[pos] in joins or folded[pos] == " "):
        if folded[pos] == " " and _number_after_space(folded, pos, end, start):
            break  # 附件2 2026年…采集表: the title opens with a year
        pos += 1
        if pos + 1 < end and folded[pos] in ".．" and folded[pos + 1].isdigit():
            pos += 1  # 附件1.1: a sub-number belongs to the label
    return pos


def _number_after_space(folded: str, pos: int, end: int, start: int) -> bool:
    """A number after the label's number and a space (附件2 2026年): no part of the label,
    which joins two numbers by a dash only (附件1—2)."""
    after = pos
    while after < end and folded[after] == " ":
        after += 1
    before = pos
    while before > start and folded[before - 1] == " ":
        before -= 1
    return (
        after < end and folded[after].isdigit() and before > start and folded[before - 1].isdigit()
    )


def attachment_number(label: str) -> int | None:
    """The first number of an attachment's label: 附件2 → 2, 附件1—2 → 1."""
    m = _ATTACHMENT_NUMBER.search(label)
    return int(m.group()) if m else None
