"""What a sentence says of the time it speaks of: the present (目前…) or a task reported
done (…，超额完成年度任务): its quantities state the situation, not goals (helpers.states_past)."""

from __future__ import annotations

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
    commits): a result, not a goal."""
    f, end = reader.folded, c.sentence_end
    for w in reader.words.report_marks:
        at = f.find(w, c.sentence_start, end)
        if at != -1 and not any(
            f.find(lead, c.sentence_start, at) != -1
            for lead in (*reader.words.commitments, *reader.words.topic_marks)
        ):
            return True
    return False
