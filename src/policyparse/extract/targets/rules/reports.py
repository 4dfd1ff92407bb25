"""What a sentence says of the time it speaks of: the present (目前…) or a task reported
done (…，超额完成年度任务): its quantities state the situation, not goals (helpers.states_past)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ....layout.markers import match_marker
from ..reader import Candidate, Reader


def present_sentence(reader: Reader, c: Candidate) -> bool:
    """A clause that opens with a word of the present (…显著提升，目前注册用户数已突破715万，
    日活峰值近100万) reports the present in it and in the clauses after it in its sentence,
    where no year phrase after the word governs them (…，目前共有85家，到2025年新增20家: 20
    is a goal; 2024年持续推进…，目前…已突破715万，日活峰值近100万: both the present)."""
    f = reader.folded
    for w in reader.words.present_openers:
        at = f.find(w, c.sentence_start, c.quantity.start)
        while at != -1:
            before = f[c.sentence_start : at].rstrip()
            if not before or before[-1] in ",;:":
                return c.year is None or c.year.phrase[0] < at
            at = f.find(w, at + 1, c.quantity.start)
    return False


def reported_done(reader: Reader, c: Candidate) -> bool:
    """The quantity's sentence reports its task done (新增378张养老床位，超额完成年度任务:
    lexicon extract/report_marks), no word of commitment before the mark (确保圆满完成…
    commits): a result, not a goal.  So does a sentence with no year phrase and no word of
    commitment after such a report in its paragraph (…全面完成了年度任务。全年共完成造林
    1204亩, and …超额完成目标任务。就业局势保持稳定。全年新增市场主体30.9万个: the tally of
    what was done; 2024年，计划完成造林850亩 names its year)."""
    if _reports(reader, c.sentence_start, c.sentence_end):
        return True
    f, start = reader.folded, c.sentence_start
    if c.year is not None or start < 1 or f[start - 1] != "。" or _commits(reader, start, c):
        return False
    para = f.rfind("\n", 0, start - 1) + 1
    return any(_reports(reader, begin, end) for begin, end in _sentences_back(f, para, start))


def _sentences_back(f: str, para: int, end: int) -> Iterator[tuple[int, int]]:
    """[begin, end) of each sentence of the paragraph opening at *para* before *end* (the
    part of *end*'s own sentence before it first), the nearest first."""
    while end > para:
        begin = max(para, f.rfind("。", para, end - 1) + 1)
        yield begin, end
        end = begin


def _reports(reader: Reader, start: int, end: int) -> bool:
    """Whether [start, end) holds a report mark with no word of commitment before it (在各
    单位共同努力下…已全部完成 reports: 努力下 thanks the effort, lexicon extract/effort_phrases)."""
    f = reader.folded
    for w in reader.words.report_marks:
        at = f.find(w, start, end)
        if at != -1 and not any(
            _committing(reader, lead, start, at)
            for lead in (*reader.words.commitments, *reader.words.topic_marks)
        ):
            return True
    return False


def _committing(reader: Reader, lead: str, start: int, end: int) -> bool:
    """Whether *lead* stands in [start, end) other than inside a phrase of effort (努力下)."""
    f = reader.folded
    at = f.find(lead, start, end)
    while at != -1:
        if not any(f.startswith(p, at - p.index(lead)) for p in reader.words.efforts if lead in p):
            return True
        at = f.find(lead, at + 1, end)
    return False


def _commits(reader: Reader, start: int, c: Candidate) -> bool:
    """Whether a word of commitment stands in the sentence before the quantity."""
    f = reader.folded
    return any(f.find(lead, start, c.quantity.start) != -1 for lead in reader.words.commitments)


def opens_done(reader: Reader, c: Candidate) -> bool:
    """The sentence opens with a word that reports what is done (已确定点位，培训188人，完成
    进度80%: lexicon extract/done_openers), its label at most before it, and no year phrase
    governs the quantity: a result.  Leaves 到2025年，已建成的示范点要提升，新增5个 (已 opens
    no sentence) and 已有基础上，到2025年新增5个 (a year phrase)."""
    if c.year is not None:
        return False
    f = reader.folded
    start = c.sentence_start
    while start < c.quantity.start and f[start] in " \n\t":
        start += 1
    mark = match_marker(f, start, c.quantity.start)
    if mark is not None:
        start = mark.end
    return any(f.startswith(w, start, c.quantity.start) for w in reader.words.done_openers)


def base_frame(reader: Reader, c: Candidate) -> bool:
    """The quantity stands inside 在…基础上 in its clause (在5个省级试点的基础上建设一批…,
    在已完成182个村的基础上: lexicon extract/comparison_bases, frame and frame_end): what the
    goal builds on, so what is, not a goal.  Leaves 在100个县开展试点 (no 基础上 after it)."""
    f, q = reader.folded, c.quantity
    opener = max(f.rfind(w, c.clause[0], q.start) for w in reader.words.frame_opens)
    if opener == -1 or q.start - opener > _FRAME_SPAN:
        return False
    stop = min(c.clause[1], q.end + _FRAME_SPAN)
    return any(f.find(w, q.end, stop) != -1 for w in reader.words.frame_ends)


_FRAME_SPAN = 24  # characters between 在 and the quantity, and between it and 基础上


_REVIEW_LOOK = 1500  # characters back from the sentence where a review's opener is sought
_CLAUSE_OPEN = ",;:。\n "
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2} ?年")


def review_run(reader: Reader, c: Candidate) -> bool:
    """The sentence stands in a review of the past period that an earlier clause opened (据
    了解，去年本市共发生火灾4464起…, then 本市各区…全年整治22处…, 此外，还为100个小区实施
    …: lexicon extract/review_words, opener) and nothing since turned the text to what is to
    come: no word of commitment, no year, no heading, no 今年 or 将 (review_words, end).  In
    the paragraph of the quantity its own sentence up to it (这五年间，…年均增长5.3%) and the
    sentences before are read nearest first; an earlier paragraph that holds an opener
    anywhere ends the search (its own 今年还实现了… is part of the review).  Leaves
    去年完成30个。今年要新增50个 and 去年…。（一）新增50个 (a heading)."""
    if c.year is not None:
        return False
    f, start = reader.folded, c.sentence_start
    if _turns_ahead(reader, start, c.quantity.start):
        return False
    para = f.rfind("\n", 0, start) + 1
    for begin, end in _sentences_back(f, para, c.quantity.start):  # its own sentence first
        if _turns_ahead(reader, begin, end):
            return False
        if _opens_review(reader, begin, end):
            return True
    if _heading(f, para, start):
        return False  # 去年…。（一）新建50个: a numbered item starts afresh
    floor = max(0, start - _REVIEW_LOOK)
    while para > floor:  # the paragraphs before it, nearest first
        end = para - 1
        para = f.rfind("\n", 0, end) + 1
        if _opens_review(reader, para, end):
            return True
        if _turns_ahead(reader, para, end) or _heading(f, para, end):
            return False
    return False


def _opens_review(reader: Reader, start: int, end: int) -> bool:
    """Whether a clause in [start, end) opens with a word of the past period (，去年本市…)."""
    f = reader.folded
    for w in reader.words.review_openers:
        at = f.find(w, start, end)
        while at != -1:
            if at == start or f[at - 1] in _CLAUSE_OPEN:
                return True
            at = f.find(w, at + 1, end)
    return False


def _turns_ahead(reader: Reader, start: int, end: int) -> bool:
    """Whether [start, end) speaks of what is to come: a word of commitment (not inside a
    phrase of effort: 在…共同努力下，去年…), of the future, or a year."""
    f, words = reader.folded, reader.words
    return (
        any(_committing(reader, w, start, end) for w in words.commitments)
        or any(f.find(w, start, end) != -1 for w in words.review_ends)
        or bool(_A_YEAR.search(f, start, end))
    )


def _heading(f: str, start: int, end: int) -> bool:
    """Whether the paragraph opens with a numbering marker (a heading or a numbered item)."""
    while start < end and f[start] in " \t":
        start += 1
    return match_marker(f, start, end) is not None
