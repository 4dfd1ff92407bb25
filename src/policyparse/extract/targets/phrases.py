"""Year phrases (到2025年底, “十四五”期间) and the stretch of text each governs: a target's
year comes from the latest that still governs its quantity (extract/targets/reader.py)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from ... import lexicon
from ...text.fold import is_han
from .context import (
    CLAUSE_BREAK,
    LOOKBACK,
    SENTENCE_BREAK,
    _year,
    deadline_pattern,
    plan_periods,
    words,
)


@dataclass(slots=True)
class YearPhrase:
    """A year phrase (到2025年底) and the stretch of text it governs."""

    pos: int  # where it starts governing
    until: int  # where it stops
    phrase: tuple[int, int]
    year: int | None
    baseline: bool  # 截至2024年, or a past year with no 到: what it governs is a baseline
    plan: bool = False  # a five-year period (“十四五”末): the year is the period's last


def year_phrases(
    folded: str,
    start: int,
    end: int,
    sentences: list[int],
    leads: set[int],
    doc_year: int | None,
) -> list[YearPhrase]:
    """Year phrases at the head of a clause, and how far each governs.

    A phrase after a comma governs the rest of its sentence; one that opens a
    sentence or a paragraph governs to the end of the node's text, across sentence
    and line breaks of the one measure (到2027年，…。\n培训…2000名… is due in 2027),
    as one that opens the node's text does: the goals block "到2023年，…。\n——…\n——…"
    gives every line its year.  A later phrase takes over from an earlier one.
    Takes 到2025年，…; leaves 办好2025年…, where the year sits inside a clause.
    """
    found: list[YearPhrase] = []
    for m in deadline_pattern().finditer(folded, start, end):
        p = m.start()
        before = folded[p - 1] if p > start else "\n"
        if not _heads_clause(folded, m, end, before, p in leads):
            continue
        if _starts_only(m):  # 2024年起…，: from that year on, in its own clause alone
            until = _clause_end(folded, m.end(), end)
        elif (
            p in leads or before in SENTENCE_BREAK or _frames_sentence(folded, sentences, start, p)
        ):
            until = end
        else:
            until = next((s for s in sentences if s >= m.end()), end)
            if _dash_lines_follow(folded, until, end):
                until = end  # …，到2030年，…。\n——…\n——…: the goals the paragraph leads to
        year, baseline = phrase_year(m, doc_year)
        found.append(
            YearPhrase(m.end(), until, (p, m.end()), year, baseline, bool(m.group("plan")))
        )
    return found


def _frames_sentence(folded: str, sentences: list[int], start: int, pos: int) -> bool:
    """Whether only framing clauses, with no figure, stand before the phrase in its
    sentence: it then opens the sentence's statements as a phrase at its head does.

    Takes 围绕专项行动，到2027年，…, 总体发展目标，到2025年，… and 报告提出，2023年… (a
    purpose, a label or who proposes first, lexicon extract/frame_openers, extract/goal_nouns
    and extract/proposal_verbs: the later sentences
    城乡供水一体化率达到83.5% and 其中，…5000座 are due then too); leaves 开展放心消费行动，
    到2025年底，… (a measure first) and 新增就业2万人，到2025年，… (a figure first): the
    phrase governs to the sentence's end.
    """
    k = bisect.bisect_left(sentences, pos)
    head = sentences[k - 1] if k > 0 and sentences[k - 1] >= start else start
    before = folded[head:pos].strip(_EDGE)
    if not before or any(ch.isdigit() for ch in before):
        return False
    return before.startswith(_frame_openers()) or before.endswith(
        (*words().goal_nouns, *words().proposals)
    )


_EDGE = "。；;，,：:\n \t\u3000"  # breaks and spaces around the clauses before a phrase


@cache
def _frame_openers() -> tuple[str, ...]:
    return tuple(lexicon.longest_first(lexicon.column("extract/frame_openers")))


def _starts_only(m: re.Match[str]) -> bool:
    """A year and 起 alone (2022年起新建建筑…比例不低于50%): a rule from that year on, whose
    year is the year of what its own clause states (not of 2012年起5年内, a span)."""
    since = m.group("since")
    return bool(since) and since in words().since


def _clause_end(folded: str, pos: int, end: int) -> int:
    """Where the clause holding *pos* ends: the next clause or sentence break, else *end*."""
    breaks = (folded.find(ch, pos, end) for ch in CLAUSE_BREAK + SENTENCE_BREAK)
    return min((k for k in breaks if k >= 0), default=end)


def _dash_lines_follow(folded: str, pos: int, end: int) -> bool:
    """Whether the sentence ending at *pos* closes its paragraph and dash lines follow it
    (——区域经济发展取得新突破。…): a goals paragraph and the goals it leads to."""
    k = pos
    while k < end and folded[k] in "。；;.!！? ":
        k += 1
    if k >= end or folded[k] != "\n":
        return False
    while k < end and folded[k] in "\n ":
        k += 1
    return folded.startswith(DASH_LEAD, k)


DASH_LEAD = "——"  # the lead of a goal line under a goals paragraph


def _heads_clause(folded: str, m: re.Match[str], end: int, before: str, lead: bool) -> bool:
    """Whether a year phrase stands at the head of a clause, followed by its words.

    Takes a year after the place opening the clause (…，我市2004年合同利用外资8.5亿美元:
    lexicon extract/area_scopes), right after a verb of proposing (《规划》提出到2025年，…:
    lexicon extract/proposal_verbs) or after a word of commitment its own (重庆将力争到
    2025年，…: the phrase's lead); leaves 办好2025年… (a year inside a clause is not a
    deadline).
    """
    if not lead and before not in CLAUSE_BREAK + SENTENCE_BREAK + " ":
        if m.group("lead") or folded.endswith(words().proposals, 0, m.start()):
            return True  # 《规划》提出到2025年，…, 重庆将力争到2025年，…: they open the clause
        place = next((w for w in words().areas if folded.endswith(w, 0, m.start())), "")
        at = m.start() - len(place)
        if not place or (at > 0 and folded[at - 1] not in CLAUSE_BREAK + SENTENCE_BREAK + " \n"):
            return False
    after = folded[m.end()] if m.end() < end else ""
    return not after or after in ", " or is_han(after)


def phrase_year(m: re.Match[str], doc_year: int | None) -> tuple[int | None, bool]:
    """The year a phrase gives, and whether what it governs is a baseline (the past)."""
    if m.group("plan"):
        year = plan_periods()[m.group("plan")]
        return year, doc_year is not None and year < doc_year and not m.group("pre")
    if not m.group("year") or (m.group("since") and not _starts_only(m)):
        return None, False  # 2012年起5年内 names a start, not the year the target is due
    year = _year(m.group("year2") or m.group("year"))
    pre = m.group("pre")
    as_of = pre in words().as_of
    # 2004年…, and 到2004年底… in a notice of 2005: a year already gone states the past
    # (在2019年…基础上 frames a base, a word of framing opens no phrase of the past)
    past = not m.group("lead") and pre not in _frames() and doc_year is not None and year < doc_year
    return year, as_of or past


@cache
def _frames() -> frozenset[str]:
    """在: a word that opens a year phrase or a base framed by 在…基础上."""
    return lexicon.words("extract/comparison_bases", role="frame")


def governing(phrases: list[YearPhrase], starts: list[int], pos: int) -> YearPhrase | None:
    """The latest phrase before *pos* that still governs it."""
    k = bisect.bisect_right(starts, pos)
    for d in reversed(phrases[max(0, k - LOOKBACK) : k]):
        if pos < d.until:
            return d
    return None
