"""Percentages read as shares (of a group that acts, of a named base, of an action), and
counts of actors that act."""

from __future__ import annotations

from ....ruler import Decision
from ....text.brackets import SPANS, split_outside
from ....text.fold import compact, is_han
from ....text.tokenizer import cut
from ..breaks import object_end
from ..context import WINDOW, ends_with, read_prefix, starts_with
from ..reader import Candidate, Reader
from .edits import take
from .helpers import (
    acts,
    dimension,
    goal_tail,
    lead_dictionary_verb,
    percent,
    states_past,
    verb_before,
    verb_quantity_of,
)


def share_of(reader: Reader, c: Candidate) -> Decision | None:
    """A share of a group that does something: 50%以上的社区完成规范化建设工作任务.

    The percentage is followed by 的, a group and an action: the goal is that share of
    the group acting.  Takes 着力推动80%以上的社区完成规范化建设 (indicator 着力推动社区
    完成规范化建设) and 三分之一以上的乡镇建成…; leaves 占比30%的部分 (no action after
    it), any clause with a parameter cue (按投资额30%的比例给予补助), a share of money
    (一半以上的资金用于社区服务: extract/budget_words, how a budget is spent) and a measure
    named before its comparison (节能率不低于15%的建筑完成改造: a class of buildings).  The action
    may be a verb the lexicon lacks that jieba's dictionary has (90%的企业纳入监管平台).
    """
    w, q, f = reader.words, c.quantity, reader.folded
    if not percent(reader, c) or not c.next_char or c.next_char not in w.of:
        return None
    named = read_prefix(f, c.clause[0], q.start)  # the item may have begun before it
    if named.comparator is not None and ends_with(f, named.start, named.end, w.heads):
        return None  # 节能率不低于15%的建筑: a measure of what follows, not a share of it
    rest = (c.suffix_end + 1, c.clause[1])
    if w.parameter.search(c.window) or starts_with(f, rest[0], rest[1], w.budgets):
        return None
    if states_past(reader, c):
        return None  # 截至2024年底，全市80%的社区完成…: the past (the rule baseline)
    if w.any_verb.search(f, rest[0], rest[1]) is None and not acts(f, *rest):
        return None
    v_start, v_end, _ = verb_before(f, c.prefix.start, c.prefix.end)
    verb = compact(reader.source[v_start:v_end])
    found = c.draft.copy()
    found.start = v_start if v_end > v_start else q.start
    found.end = rest[1]
    found.indicator = verb + compact(reader.source[rest[0] : rest[1]])
    found.verb = verb
    return take(c, found, rest[1])


def share_level(reader: Reader, c: Candidate) -> Decision | None:
    """A level a comparison word keeps, then 的 and the indicator it is the level of:
    保持100%的义务教育入学率 (indicator 义务教育入学率, 100%).

    Takes 保持98%以上的高中阶段入学率 (>= 98%) and 达到95%的覆盖率: the object ends in an
    indicator's head (率, 比例: lexicon extract/indicator_heads) and holds no verb.  Leaves
    a share of a group that acts (80%以上的社区完成…: share_of), 人口超过100万的城市 (no
    head: what follows is described), a clause with a parameter cue, and the past.
    """
    w, f = reader.words, reader.folded
    if not percent(reader, c) or not c.next_char or c.next_char not in w.of:
        return None
    if not c.prefix.comparator_word:
        return None  # 保持, 达到: the comparison word right before the number
    rest = (c.suffix_end + 1, c.clause[1])
    if not ends_with(f, rest[0], rest[1], w.heads) or w.any_verb.search(f, *rest) is not None:
        return None
    if w.parameter.search(c.window) or states_past(reader, c):
        return None
    found = c.draft.copy()
    found.end = rest[1]
    found.indicator = compact(reader.source[rest[0] : rest[1]])
    return take(c, found, rest[1])


def share_done(reader: Reader, c: Candidate) -> Decision | None:
    """A share of a whole that the verb opening the item completes: 完成总目标的75%.

    Takes 2025年前完成总目标的75% (indicator 完成总目标, 75 %) and 完成年度任务的80%以上;
    leaves 资金拨付进度不低于完成任务的90% (a subject and a comparison word before the verb:
    the base is a clause, a parameter) and 占比30%的部分 (no action verb opening the item).
    """
    w, f, pre = reader.words, reader.folded, c.prefix
    if not percent(reader, c) or not c.closes or pre.empty or f[pre.end - 1] not in w.of:
        return None
    verb = starts_with(f, pre.start, pre.end, w.verbs)
    if not verb or w.parameter.search(c.window) or states_past(reader, c):
        return None
    found = c.draft.copy()
    found.indicator = compact(reader.source[pre.start : pre.end - 1])
    found.verb = compact(reader.source[pre.start : pre.start + verb])
    return take(c, found, c.suffix_end)


def share_of_base(reader: Reader, c: Candidate) -> Decision | None:
    """A percentage of a base named after its comparator: 充电车位不低于停车位总数的15%.

    Takes 新建小区充电车位不低于停车位总数的15% (indicator 新建小区充电车位, >=); leaves
    占比30%的部分 and 按投资额的30%给予补助 (no comparator before the base), and 对项目给予
    补助，原则上不超过合同总额的30% (a parameter cue in the sentence: a cap on a payment),
    容量达到自身容量80%的项目 (的 after it: a class of projects) and a share under 截至 (the
    past).
    """
    w, q, f = reader.words, c.quantity, reader.folded
    pre = c.prefix
    found_at = c.base
    if found_at is None or found_at.start() <= pre.start:
        return None
    if c.next_char and c.next_char in w.of and not goal_tail(reader, c):
        return None  # 容量达到自身容量80%的项目: describes what follows, the rule parameter's
    lo = max(c.sentence_start, q.start - WINDOW)
    hi = min(c.sentence_end, c.suffix_end + WINDOW)
    if w.parameter.search(f, lo, hi) or states_past(reader, c):
        return None  # 截至2024年底，…占…的35%: the past, for the rule baseline
    word = found_at.group()
    comp, kind = w.comparators[word]
    found = c.draft.copy()
    found.indicator = compact(reader.source[pre.start : found_at.start()])
    if comp != ".":
        found.comparator = comp
        found.comparator_by = ("share_of_base", word)
    if kind != ".":
        found.target_kind = kind
    return take(c, found, c.suffix_end)


def share_named(reader: Reader, c: Candidate) -> Decision | None:
    """A share whose whole 占 names, then 的 and the percentage: 即时结算资金占月结算资金的80%以上.

    Takes 实现即时结算资金占本地医保基金月结算资金的80%以上 (indicator 即时结算资金占本地
    医保基金月结算资金, the verb before it dropped; >= 80%); leaves 补助资金占项目总投资的
    30% with a parameter cue (给予补助: the rate of a payment), and 截至2024年底，…占…的35%
    (the past, for the rule baseline). A percentage after 的 with no 占 before it (按销售额
    的5%) is the rule parameter's.
    """
    w, f = reader.words, reader.folded
    pre = c.prefix
    if not percent(reader, c) or pre.end <= pre.start or f[pre.end - 1] not in w.of:
        return None
    if not any(ch in w.share for ch in f[pre.start : pre.end - 1]):
        return None
    if w.parameter.search(c.window) or states_past(reader, c):
        return None
    start = pre.start
    start += starts_with(f, start, pre.end, w.verbs) or lead_dictionary_verb(f, start, pre.end)
    found = c.draft.copy()
    found.start = min(start, found.start)
    found.indicator = compact(reader.source[start : pre.end - 1])
    return take(c, found, c.suffix_end)


def object_share(reader: Reader, c: Candidate) -> Decision | None:
    """A percentage a verb commits to, before 的 and its object: 预留40%的门诊号源.

    Takes 预留40%的门诊号源 (indicator 预留门诊号源, 40%) and 每年实现2%以上的节水量
    (>= 2%, period 每年); leaves 一半以上的资金用于基层 (no verb before the number: a
    parameter) and 占比30%的部分 (no verb either), and a share followed by its own
    action (50%以上的社区完成…: share_of, which runs first).
    """
    if not percent(reader, c):
        return None
    return verb_quantity_of(reader, c)


def ratio_before_verb(reader: Reader, c: Candidate) -> Decision | None:
    """A percentage right before the action it measures: 新建小区车位100%预留充电条件.

    Takes 实现进驻事项100%委托受理 (indicator 实现进驻事项委托受理) and 并100%委托中心
    受理; leaves 增长10%以上 (nothing after it), 10%的部分 (的: share_of, parameter), a
    share in words (过半数成员同意: a rule of procedure, not a goal) and 个贷率85%为预警
    临界点 (为: a definition, extract/copulas).
    """
    w, f = reader.words, reader.folded
    if c.closes or not percent(reader, c) or (c.next_char and c.next_char in w.of):
        return None
    if f[c.quantity.end - 1] != "%":
        return None  # 过半数成员同意: a share in words before a verb is a rule of procedure
    pos = c.suffix_end
    if not is_han(c.next_char) or c.next_char in w.copulas:
        return None  # a verb or its adverb follows the percentage straight away, not 为
    if c.next_char in w.list_joins or c.next_char in w.alternatives:
        return None  # 10%或15%的…, 10%、15%: an item of a list, no verb
    o_end = object_end(f, pos, c.clause[1], reader.starts)
    if o_end is None:
        return None
    subj = compact(reader.source[c.prefix.start : c.prefix.end])
    found = c.draft.copy()
    found.indicator = subj + compact(reader.source[pos:o_end])
    found.end = o_end
    return take(c, found, o_end)


_ACTORS_WITHIN = 12  # characters between a count and its actors' action, at most


def acting_count(reader: Reader, c: Candidate) -> Decision | None:
    """A count of actors that act, under a year phrase: 到2025年，100家企业完成数字化改造; or
    as the first thing a measure says (一、校门安全项目。27所中小学校门口安装防撞柱), unless
    its clause reports what is done (10家企业参与了改造, 3个区已完成: 了, 已).

    The count opens its item (no verb before it: only an area, an actor or a comparison
    word), a short noun follows (the actors, or a list of them: 2个地市、10个县区), then
    their action: the goal is that many of them acting.  Takes 到2025年，30个县建成示范区
    (indicator 县建成示范区) and 2018年底前至少2个地市、10个县区实施“互联网+登记”; leaves
    建设园区3个 (the count closes its item: subject_form), 其中2个区为试点 (no year phrase),
    到2025年，100家企业的产值 (no action after the actors), 460个活动室提供2300场活动
    (the action has a figure of its own: that is the goal), 培育A平台10个、100家B平台
    (a later item of a list after one verb: verb_form) and 2人间和3人间病房占比达到75%
    (counts inside a name).
    """
    w, f, q = reader.words, reader.folded, c.quantity
    if not _framed_goal(reader, c) or q.chinese:
        return None
    if c.closes or dimension(c.draft) != "count" or not _opens_item(reader, c):
        return None
    o_end = object_end(f, c.suffix_end, c.clause[1], set())
    if o_end is None:
        return None
    at = _action_at(reader, c.suffix_end, min(o_end, c.suffix_end + _ACTORS_WITHIN))
    if at is None or not _goal_action(reader, c, at, o_end):
        return None
    first = split_outside(f, c.suffix_end, at, "、", SPANS)[0]
    actors = f[first[0] : first[1]]
    if not actors or any(ch in w.of or ch.isdigit() for ch in actors):
        return None  # 2人间和3人间病房: no actors, a name with counts in it
    if not _unit_ends_word(f, q.start, c.suffix_end, at):
        return None  # 3人间病房: the unit is part of a word (人间), no count of 人
    found = c.draft.copy()
    found.start = q.start
    found.end = o_end
    found.indicator = compact(reader.source[c.suffix_end : c.suffix_end + len(actors)]) + compact(
        reader.source[at:o_end]
    )
    return take(c, found, o_end)


def _goal_action(reader: Reader, c: Candidate, at: int, o_end: int) -> bool:
    """The action at *at* is the goal the count of actors states: not a report (10家企业参与
    了改造: no year phrase, and the clause says it is done), nor one with a figure of its own
    (460个活动室提供2300场活动: 2300 is the goal)."""
    if c.year is None and _done(reader, c.clause[0], o_end):
        return False
    return reader.next_quantity(at, o_end) is None


def _action_at(reader: Reader, start: int, stop: int) -> int | None:
    """Where the first verb (the lexicon's, else jieba's dictionary's) starts in [start, stop)."""
    m = reader.words.any_verb.search(reader.folded, start, stop)
    if m is not None:
        return m.start()
    for i in range(start + 1, stop):
        if lead_dictionary_verb(reader.folded, i, stop + 4):
            return i
    return None


def _unit_ends_word(f: str, start: int, unit_end: int, stop: int) -> bool:
    """Whether the count's unit ends a word of the phrase (3家企业: 家 | 企业), not one that
    runs on past it (3人间病房: 人间).  A word the tokenizer guessed across the unit and a
    whole word after it is no such word (50个小区: 个小区 is 个 | 小区)."""
    pos = start
    for word in cut(f[start:stop]):
        at = f.find(word, pos, stop)
        pos = at + len(word)
        if pos >= unit_end:
            rest = f[unit_end:pos]
            return pos == unit_end or (at < unit_end and len(rest) > 1 and cut(rest) == [rest])
    return True


def _framed_goal(reader: Reader, c: Candidate) -> bool:
    """A year phrase governs the count, or it opens a measure (_opens_measure)."""
    return c.year is not None or _opens_measure(reader, c)


def _done(reader: Reader, start: int, end: int) -> bool:
    """The clause reports what is done (10家企业参与了改造, 3个区已完成): 了 or 已 in it."""
    text = reader.folded[start:end]
    return any(m in text for m in (*reader.words.elapsed, *reader.words.existing))


def _opens_measure(reader: Reader, c: Candidate) -> bool:
    """The count is the first thing a measure says (一、校门安全项目。27所中小学校门口安装
    防撞柱): the measure states its goal with no year phrase, as the items of a list of the
    year's works do.  A figure with a decimal point is none (2.50个…, 7.2　本预案…: a label
    and the words after it read as one figure)."""
    q = c.quantity
    if "." in reader.folded[q.start : q.end]:
        return False  # 7.2　本预案由…负责解释: a section's number, no count of actors
    return q.start in {reader.start, reader.body_start} and reader.start > 0


def _opens_item(reader: Reader, c: Candidate) -> bool:
    """The count opens its item: no verb before it (verb_form reads one), no 在 (the
    places acted in: verb_form), no 等 (the size of the list before it), not a later item
    of a list after one verb (培育…平台10个、100家…平台)."""
    w, f, pre, mem = reader.words, reader.folded, c.prefix, reader.memory
    v_start, v_end, _ = verb_before(f, pre.start, pre.end)
    if w.any_verb.search(f, pre.start, pre.end) or v_end > v_start:
        return False
    if ends_with(f, pre.start, pre.end, w.prepositions) or ends_with(
        f, pre.start, pre.end, w.open_list
    ):
        return False  # 在…; …等5个门诊慢特病: the size of the list before it, no actors
    return not (mem.last_verb and mem.last_verb[0] == c.sentence_start)
