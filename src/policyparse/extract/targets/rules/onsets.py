"""Counts of things a plan brings into service: 推动30条生产线投产 (rule count_to_onset)."""

from __future__ import annotations

from ....ruler import Decision
from ....text.fold import compact
from ..context import ends_with
from ..reader import Candidate, Reader
from .edits import take
from .helpers import dimension, verb_before

_OBJECT_WITHIN = 20  # characters between the count and the verb of onset


def count_to_onset(reader: Reader, c: Candidate) -> Decision | None:
    """A count after a verb that brings about (推动, 推进, 完成: lexicon extract/onset_verbs,
    role bring) and before its object and a verb of coming into service closing the clause
    (投产, 落地, 开工建设: role onset): the goal is that many objects reaching the state.

    Takes 推动某公司30条生产线投产 (indicator 推动某公司生产线投产, 30 条), 推进新增的100个
    事项落地 and 22个 in 完成总投资9亿元的3批次22个重点项目开工建设 (indicator 重点项目
    开工建设: the words before hold figures of their own); leaves 3批次 there (another count
    in its object), 推动30条生产线改造 (no verb of onset closes the clause), 新建10个项目
    投产 (a verb right before the number: verb_form), 完成乙证件办理、误收多缴退还税费
    申请2个事项在本市落地 (the count sums up the list before it) and 推进全市30个项目
    已落地 (已, 了: the clause reports it done).
    """
    f, q, pre = reader.folded, c.quantity, c.prefix
    if c.closes or q.chinese or dimension(c.draft) != "count":
        return None
    v_start, v_end, _ = verb_before(f, pre.start, pre.end)
    if v_end > v_start or not _onset_closes(reader, c):
        return None  # 新建10个项目投产: verb_form reads it
    at, bring = max((f.rfind(b, c.clause[0], q.start), b) for b in reader.words.brings)
    if at == -1:
        return None
    head = reader.source[at : q.start]
    if head.count("、") + 1 == q.value:
        return None  # 完成甲、乙2个事项落地: the count sums up the list before it
    end = c.clause[1]
    found = c.draft.copy()
    found.start = at if not any(ch.isdigit() for ch in head) else q.start
    found.end = end
    lead = compact(head) if found.start < q.start else ""
    found.indicator = lead + compact(reader.source[c.suffix_end : end])
    found.verb = bring
    return take(c, found, end)


def _onset_closes(reader: Reader, c: Candidate) -> bool:
    """A verb of onset closes the clause after a short object holding no figure and the
    clause does not report it done (3批次22个项目开工: the later count; 已落地: done)."""
    f, w, end = reader.folded, reader.words, c.clause[1]
    obj_end = end - ends_with(f, c.suffix_end, end, w.onsets)
    if not c.suffix_end < obj_end < end or obj_end - c.suffix_end > _OBJECT_WITHIN:
        return False
    if any(ch.isdigit() for ch in f[c.suffix_end : obj_end]):
        return False
    clause = f[c.clause[0] : end]
    return not any(m in clause for m in (*w.elapsed, *w.existing))
