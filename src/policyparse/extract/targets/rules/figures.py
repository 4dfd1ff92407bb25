"""Quantities that are figures, not targets: parameters of a policy, conditions, the past."""

from __future__ import annotations

import bisect

from ....ruler import Decision
from ..context import WINDOW, ends_with
from ..reader import Candidate, Reader
from .edits import leave, take, take_as
from .helpers import (
    before_verb,
    dated_past,
    dimension,
    goal_tail,
    list_end,
    percent,
    states_past,
    verb_before,
)


def parameter(reader: Reader, c: Candidate) -> Decision | None:
    """A threshold, a quantity before 的, or a clause with a parameter cue is a policy parameter.

    Takes 每台最高补助15万元, 对年营业收入500万元及以上的企业 (not 箱量达到90万标准箱及以上,
    a floor reached), 占比30%的部分, 每个省份推荐
    不超过3家 (a cap per area), and a condition clause ending in 的 before its consequence
    (营业收入首次达到1亿元的，给予…); leaves 新增城镇就业超20万人, 每个县至少有1家定点医疗
    机构 (a minimum per area), and a quantity before or after 的 that 截至 or a past year
    governs (截至2024年底，全市80%的社区完成…, 截至2024年底，…占…的35%: the past, for the
    rule baseline).
    """
    w = reader.words
    pre = c.prefix
    before = reader.folded[pre.end - 1] if pre.end > c.item_start else ""
    closing = reader.folded[c.clause[1] - 1] if c.clause[1] > c.clause[0] else ""
    if (
        (c.suffix is not None and c.suffix in w.thresholds and not _reached(c))
        or (closing in w.of and reader.folded[c.clause[1] : c.clause[1] + 1] == ",")
        or _described(reader, c)
        or (percent(reader, c) and before != "" and before in w.of and not dated_past(reader, c))
        or _cue(reader, c)
    ):
        if _inside_subject(reader, c):
            found = c.draft.copy()
            found.kind = "parameter"
            return take(c, found, c.item_start)
        return take_as(c, "parameter")
    return None


def per_span(reader: Reader, c: Candidate) -> Decision | None:
    """A quantity after a word opening a rate's span, with the count of the rate right after
    it, is the span, not an amount: the goal is the count.

    Takes 5公里 in 密度达到每5公里1个 and 10平方公里 in 每10平方公里建设1座 (a verb of up
    to two characters between, lexicon extract/span_marks); leaves 1个 there (the rule
    after it reads it) and 每年新增100个 (年 is a period, no number of its own).
    """
    q = c.quantity
    if not ends_with(reader.folded, reader.start, q.start, reader.words.span_marks):
        return None
    if reader.next_quantity(q.end, q.end + _SPAN_GAP + 1) is None:
        return None
    return leave("the span a rate counts over (每5公里1个): the count after it is the goal")


_SPAN_GAP = 2  # characters of a verb between a rate's span and its count (每5公里设1个)


def _inside_subject(reader: Reader, c: Candidate) -> bool:
    """A threshold before 的 and the noun it describes, a count closing the item after the
    noun (新增年收入超50万元的经济强村5个): the count still reads the words before the
    threshold.  Leaves 总投资45亿元的2批次… (the count right after 的: no noun between)."""
    f = reader.folded
    if f[c.suffix_end : c.suffix_end + 1] not in reader.words.of:
        return False
    nxt = reader.next_quantity(c.suffix_end, c.clause[1])
    return nxt is not None and nxt.start > c.suffix_end + 1


def _reached(c: Candidate) -> bool:
    """及以上 after a word of reaching, closing its item, is a goal's floor (箱量达到90万
    标准箱及以上，), not a class of what follows (500万元及以上的企业)."""
    return c.closes and c.prefix.comparator in (">=", ">") and bool(c.prefix.comparator_word)


def _cue(reader: Reader, c: Candidate) -> bool:
    """A parameter cue in the clause; 每个县 before a minimum (每个县至少有1家…) or before
    an action verb and an exact count (每个乡镇建成1个示范点: each area's quota) is none: a
    coverage spread over the areas (lexicon extract/per_areas), not a per-unit rate.  No cue
    counts for a count of those a payment reaches (发放租赁补贴4万户, 为5000人发放补贴:
    lexicon extract/recipient_units): how many receive it is a goal."""
    if (c.quantity.unit or "").endswith(reader.words.recipients):
        return False  # 发放廉租住房租赁补贴4万户: how many receive it, not what is paid
    for m in reader.words.parameter.finditer(c.window):
        spread = c.window.startswith(reader.words.per_areas, m.start())
        if not spread or not (_minimum(reader, c) or _quota(reader, c)):
            return True
    return False


def _quota(reader: Reader, c: Candidate) -> bool:
    """An action verb right before an exact count (或 about one): 每个乡镇建成1个示范点."""
    if c.draft.comparator not in ("=", "~"):
        return False
    v_start, v_end, _ = verb_before(reader.folded, c.prefix.start, c.prefix.end)
    return v_end > v_start


def _minimum(reader: Reader, c: Candidate) -> bool:
    """The quantity is a minimum: its comparator, or the one before its verb, is >= or >."""
    return c.draft.comparator in (">=", ">") or before_verb(reader, c) in (">=", ">")


def _described(reader: Reader, c: Candidate) -> bool:
    """A quantity before 的 that describes what follows (人口超过100万的城市), unless 截至 or
    a past year governs it (the past), the noun after 的 names the goal (…的目标任务), or it
    ends a list of targets (list_end); and an alternative before such a quantity
    (高出平均水平10%或全国平均水平15%的机组: 10% describes the units too)."""
    if c.next_char and c.next_char in reader.words.alternatives and _last_described(reader, c):
        return not dated_past(reader, c)
    if not c.next_char or c.next_char not in reader.words.of:
        return False
    return not dated_past(reader, c) and not goal_tail(reader, c) and not list_end(reader, c)


def _last_described(reader: Reader, c: Candidate) -> bool:
    """The next quantity of the clause, within a few characters, has 的 right after it."""
    end = min(c.clause[1], c.suffix_end + _ALTERNATIVE_LOOK)
    nxt = reader.next_quantity(c.suffix_end + 1, end)
    if nxt is None:
        return False
    _, after = reader.suffix_of(nxt, c.clause[1])
    return reader.folded[after : after + 1] in tuple(reader.words.of)


_ALTERNATIVE_LOOK = 12  # characters from a quantity to the next alternative of its list


def eligibility(reader: Reader, c: Candidate) -> Decision | None:
    """A quantity under a heading of conditions or award standards is a parameter.

    Takes every number under 二、申报条件与奖励标准 or （二）奖励标准：, and those after
    对应门槛如下： in its paragraph (targets.conditions_from); leaves the goals of a
    plan with no such heading.
    """
    if reader.conditions_at is None or c.quantity.start < reader.conditions_at:
        return None
    return take_as(c, "parameter")


def subsidy_condition(reader: Reader, c: Candidate) -> Decision | None:
    """What a subsidy sentence asks for, or caps, is a parameter: the sentence pays out.

    Takes each quantity of a condition that closes with a 的 clause before the payment:
    演出超100场，票房超过100万元的新型演艺空间，经认定，给予… and 投资额达500万元以上，…
    超100场的，经认定，给予…; takes an upper bound in a sentence that pays
    (每年评选不超过2个平台，按档次给予最高…), and each quantity of a sentence that opens
    by naming who is paid (对于…的机构，每成功引进1名…的人才，给予…).  Leaves 到2027年，
    新建充电桩5万个，对符合条件的项目给予补贴 (the 的 clause is the payment itself,
    nothing is capped, and the sentence opens with its deadline).
    """
    w, f = reader.words, reader.folded
    q_end = c.suffix_end
    stop = min(c.sentence_end, q_end + 2 * WINDOW)  # bounded: one long line stays linear
    if q_end >= stop or not w.parameter.search(f, q_end, stop):
        return None
    capped = c.draft.comparator in ("<=", "<") or before_verb(reader, c) in ("<=", "<")
    own_end = c.clause[1] if c.clause[1] < stop else -1
    if capped or (own_end != -1 and _pays_for(reader, c, own_end, stop)):
        return take_as(c, "parameter")
    return None


def _pays_for(reader: Reader, c: Candidate, own_end: int, stop: int) -> bool:
    """Whether the sentence pays for what the quantity's clause states: a condition closed
    by 的 in a later clause before the payment, or a sentence that opens by naming who is
    paid."""
    w, f, q_end = reader.words, reader.folded, c.suffix_end
    if _condition_clause(reader, q_end, own_end, stop):
        return True
    if not w.parameter.search(f, own_end, stop):
        return False
    # 对于…的机构，每成功引进1名…的人才，给予…: a sentence that opens by naming
    # who is paid, and pays in a later clause.
    head = c.sentence_start
    while head < q_end and not f[head].strip():
        head += 1
    return w.openers.match(f, head) is not None


def _condition_clause(reader: Reader, q_end: int, own_end: int, stop: int) -> bool:
    """A clause after the quantity's own closes with 的 and the payment follows it.

    The 的 closing the condition stands in a later clause than the quantity's own
    (重点扶持100个具有发展前景的项目 describes the object, it sets no condition).
    """
    w, f, clauses = reader.words, reader.folded, reader.clauses
    ks = [i for i in (f.find(ch, own_end, stop) for ch in w.of) if i != -1]
    if not ks:
        return False
    k = min(ks)
    j = bisect.bisect_left(clauses, k)
    cs = clauses[j - 1] + 1 if j > 0 else q_end
    ce = clauses[j] if j < len(clauses) and clauses[j] < stop else -1
    return (
        ce != -1
        and w.parameter.search(f, max(cs, q_end), ce) is None
        and w.parameter.search(f, ce, stop) is not None
    )


def score_condition(reader: Reader, c: Candidate) -> Decision | None:
    """A quantity whose clause is followed by one that awards or takes away points is
    what earns the score: a condition of an assessment rubric, not a goal.

    Takes 信息报道受省级媒体推广1篇，得3分 and 出现1例未处理，扣2分 (lexicon
    extract/score_marks); leaves 年内开展宣传活动至少3次（30分） (the score in brackets
    rates a requirement) and 完成整治20公里。 (no score after it).
    """
    f, end = reader.folded, c.clause[1]
    if end >= c.sentence_end or f[end : end + 1] not in ",;":
        return None
    if reader.words.score.match(f, end + 1, c.sentence_end) is None:
        return None
    return take_as(c, "parameter")


def place_extent(reader: Reader, c: Candidate) -> Decision | None:
    """An area or a length with no verb before it, in a sentence that says where a place
    lies, is the place's extent as it is: a figure of the present, not a goal.

    Takes 范围东至金汇港，西至S4高速，面积约8.6平方公里 and 与浦东新区隔江相望，总面积约
    60.61平方公里 (lexicon extract/extent_cues); leaves 到2025年，建成区面积达到80平方公里
    (no cue), 位于…，新增绿地面积20公顷 (a verb before it) and 位于…，到2035年，面积约50
    平方公里 (a year phrase).
    """
    dims = ("area", "length")
    if c.year or dimension(c.draft) not in dims or c.draft.comparator not in ("=", "~"):
        return None  # 位于…，到2035年，城区面积约50平方公里: a year phrase makes it a goal
    f, pre = reader.folded, c.prefix
    v_start, v_end, _ = verb_before(f, pre.start, pre.end)
    if v_end > v_start or reader.words.any_verb.search(f, pre.start, pre.end):
        return None
    sentence = f[c.sentence_start : c.quantity.start]
    if not any(w in sentence for w in reader.words.extent_cues):
        return None
    return take_as(c, "baseline")


def baseline(reader: Reader, c: Candidate) -> Decision | None:
    """A quantity governed by 截至 or a past year, or next to a baseline cue, states the past.

    Takes 截至2024年底，已建成5G基站3万个, 目前已有企业120家 and 今年截至8月底，新增贷款
    1万笔 (截至 earlier in the sentence, with no year: the present); leaves 到2027年建成5万个.
    """
    return take_as(c, "baseline") if states_past(reader, c) else None
