"""The two forms that make a target, and the lists and carried subjects built on them.

(A) subject … quantity, the quantity closing its clause or list item:
    新增城镇就业超20万人 → indicator 新增城镇就业, ">", 20, 万人;
(B) verb quantity object: 创建1条省级高品质步行街 → 创建省级高品质步行街, 1, 条.
"""

from __future__ import annotations

from ....layout.markers import match_marker
from ....ruler import Decision
from ....text.brackets import without_closing_aside
from ....text.fold import compact, is_han
from ..breaks import around, object_end
from ..context import ends_with, first_of, starts_with
from ..reader import Candidate, Found, Reader, record
from .changes import change_verb
from .edits import leave, take, take_list
from .helpers import (
    comparator_ending,
    comparator_word,
    dictionary_verb,
    dimension,
    distribute,
    distribute_lead,
    explicit,
    goal_tail,
    inner_distributive,
    list_end,
    modified_object,
    percent,
    split_items,
    standard_tail,
    subject,
    verb_before,
)
from .parts import opens_part
from .served import is_preposition, joined_at, served_list, shared_object


def _group(reader: Reader, c: Candidate) -> tuple[list[int], int]:
    """The quantities of a 分别 list (indexes), joined by 、 or 和, and where the last ends."""
    f, qs, c_end, w = reader.folded, reader.quantities, c.clause[1], reader.words
    group = [c.index]
    _, last_end = reader.suffix_of(qs[c.index], c_end)
    j = c.index + 1
    while j < len(qs):
        nq = qs[j]
        between = f[last_end : nq.start]
        if len(between) != 1 or between not in w.list_joins:
            break
        group.append(j)
        _, last_end = reader.suffix_of(nq, c_end)
        j += 1
    return group, last_end


def items_end(reader: Reader, c: Candidate) -> tuple[int, str] | None:
    """Where the items of a 分别 list end and the tail they share; None if there is no 分别."""
    pre = c.prefix
    if pre.adverbs and not reader.words.distributive.isdisjoint(pre.adverbs):
        return pre.end, ""
    # A、B和C分别占比达30%、20%和10%: 分别 inside the subject, a short shared tail after.
    return inner_distributive(reader, pre.start, pre.end)


def item_names(reader: Reader, c: Candidate, n: int, items_end: int, tail: str) -> list[str] | None:
    """One indicator per item of a 分别 list of *n* quantities (one quantity with a tail after
    各 is each item's: 宫颈癌、乳腺癌各完成筛查8.1万人); None if the list does not hold."""
    w, pre, f = reader.words, c.prefix, reader.folded
    items = split_items(f, pre.start, items_end, reader.names, "、")
    if len(items) != n and n > 1:
        items = split_items(f, pre.start, items_end, reader.names, w.list_joins)
    elif n == 1 and len(items) == 1 and not tail:
        items = _whole_items(reader, pre.start, items_end) or items
    per = _per_item(len(items), n, tail)
    if per is None:
        return None
    n = per
    if len(items) != n:
        return [compact(reader.source[pre.start : pre.end])] * n
    if tail:
        return distribute_lead(reader.source, items, tail, reader.bodies)
    return distribute(reader.source, items, reader.bodies)


def _per_item(items: int, n: int, tail: str) -> int | None:
    """How many indicators a list of *items* gives *n* quantities: one per item where one
    figure is each item's (均达90%; 宫颈癌、乳腺癌各完成筛查8.1万人), else *n*; None where
    a shared tail's list does not hold (two items, three figures)."""
    if n == 1 and items > 1:
        return items
    return None if tail and (items != n or items < 2) else n


def _whole_items(reader: Reader, start: int, end: int) -> list[tuple[int, int]] | None:
    """Items joined by 和 (lexicon extract/list_joins) that each name a whole indicator:
    乡镇通三级路率和自然村通硬化路率均达90% is two rates; 城市和县城污水处理率 stays one
    (城市 is no indicator)."""
    items = split_items(reader.folded, start, end, reader.names, reader.words.list_joins)
    if len(items) < 2:
        return None
    texts = [without_closing_aside(compact(reader.source[a:b])) for a, b in items]
    if all(t.endswith(reader.words.heads) for t in texts):
        return items
    return None


def _listed_names(reader: Reader, c: Candidate, count: int) -> list[str] | None:
    """The indicators of a 分别/均 list (items sharing a tail), else of a list whose every
    item names a whole indicator (编制率、收缴率、治理率达100%: each rate, no 均 printed;
    游客接待量和旅游收入年均增长率: a whole item, though its tail looks shared); None."""
    pre = c.prefix
    distributive = items_end(reader, c)
    names = None if distributive is None else item_names(reader, c, count, *distributive)
    if names is None and _whole_items(reader, pre.start, pre.end):
        names = item_names(reader, c, count, pre.end, "")
    return names


def respectively(reader: Reader, c: Candidate) -> Decision | None:
    """分别/均 lists: one target per item, the items sharing the indicator's tail.

    Takes 职工、城乡居民住院报销比例分别达85%、70% → 职工住院报销比例 85%,
    城乡居民住院报销比例 70%, and a list whose every item names a whole indicator, with no
    分别 or 均 printed (方案编制率、费用收缴率、治理率达100% → three targets); leaves
    住院报销比例达85% (no list) and 城镇、农村居民人均可支配收入增长7% (城镇 is no indicator).
    """
    pre = c.prefix
    if not (c.closes and not pre.empty):
        return None
    group, last_end = _group(reader, c)
    names = _listed_names(reader, c, len(group))
    if names is None:
        return None
    qs = [reader.quantities[k] for k in group]
    if len(qs) == 1 and len(names) > 1:
        qs = qs * len(names)
    found: list[Found] = []
    for gq, name in zip(qs, names, strict=True):
        suffix, g_end = reader.suffix_of(gq, c.clause[1])
        f_ = record(
            gq,
            pre,
            suffix,
            start=pre.start,
            end=g_end,
            target_kind=pre.kind,
            year=c.year,
            deadline=c.draft.deadline,
        )
        f_.indicator = name
        found.append(f_)
    spans = tuple((reader.quantities[k].start, reader.quantities[k].end) for k in group)
    return take_list(c, tuple(found), last_end, spans)


def quoted_share(reader: Reader, c: Candidate) -> Decision | None:
    """A quote of a count and a share right after a list of rates gives each rate the share.

    Takes 力争实现甲排查率、乙建设率和丙履行率“三个100%” → 甲排查率, 乙建设率, 丙履行率,
    each 100 %: the slogan counts the rates the list names (the list, not the count,
    decides how many).  Leaves 实现“三个100%” (no list before the quote: a name) and a
    list whose items do not end alike (甲排查率、乙工作“两个100%”).
    """
    q = c.quantity
    if q.start not in reader.names or not percent(reader, c) or c.index == 0:
        return None
    open_, close = reader.name_at(q.start)
    count = reader.quantities[c.index - 1]
    _, q_end = reader.suffix_of(q, close)
    if count.start != open_ + 1 or count.end != q.start or q_end != close - 1:
        return None  # the quote holds the count and the share and nothing else
    items = _rates(reader, c.clause[0], open_)
    if items is None:
        return None
    pre = c.prefix
    found: list[Found] = []
    for a, b in items:
        one = record(
            q,
            pre,
            None,
            start=a,
            end=q_end,
            target_kind="level",
            year=c.year,
            deadline=c.draft.deadline,
        )
        one.indicator = compact(reader.source[a:b])
        found.append(one)
    return take_list(c, tuple(found), close, ((q.start, q.end),))


def _rates(reader: Reader, start: int, end: int) -> list[tuple[int, int]] | None:
    """The items of the list of rates in [start, end): split at 、, the last at its 和 (or
    及) where the part before ends as the items do; the first without the words that lead
    it (力争实现).  None unless there are two items or more and all end alike (率)."""
    f, w = reader.folded, reader.words
    items = split_items(f, start, end, reader.names, "、")
    if len(items) < 2:
        return None
    a, b = items[-1]
    joins = [i for i in range(a, b) if f[i] in w.ands and i not in reader.names]
    head = f[items[0][1] - 1]
    if joins and f[joins[-1] - 1] == head:
        items[-1:] = [(a, joins[-1]), (joins[-1] + 1, b)]
    a, b = items[0]
    while True:
        n = starts_with(f, a, b, w.leads) or starts_with(f, a, b, w.verbs)
        if not n:
            break
        a += n
    items[0] = (a, b)
    if any(f[y - 1] != head or y - x < 2 for x, y in items):
        return None
    return items


def subject_form(reader: Reader, c: Candidate) -> Decision | None:
    """(A) subject … quantity: the quantity closes its item, the words before it name it.

    Takes 新增城镇就业超20万人 → 新增城镇就业 > 20万人, and in 培育A企业5家、B企业3家
    the second item inherits the verb 培育, and 完成清理收费1500多亿元的目标任务 (的 and a
    noun naming the goal close it), and 新增城市建成区50平方公里达到海绵城市建设要求 (a
    verb of meeting and a standard close it: standard_tail), and 菜田1.75万亩、经济作物
    1.2万亩的水利设施配套 (a list's last item before the object its items share: list_end);
    leaves 创建1条省级高品质步行街 (the object follows the number: verb_form).
    """
    closed = c.closes or goal_tail(reader, c) or standard_tail(reader, c) or list_end(reader, c)
    if not closed or c.prefix.empty:
        return None
    subj, verb, inherited = subject(reader, c)
    found = c.draft.copy()
    if subj == verb:  # 新建5所、改扩建10所中小学: the verb alone, the object after the list
        subj += shared_object(reader, c)
    found.indicator, found.verb = subj, verb
    if inherited is not None:
        found.period = found.period or inherited.period
    elif found.comparator == "=":
        _comparator_before_verb(reader, c, found)
    return take(c, found, c.suffix_end)


def _comparator_before_verb(reader: Reader, c: Candidate, found: Found) -> None:
    """A subject that ends in its verb, a comparison word before the verb, the object
    left unsaid (每校至少配备2名, 全市至少建成3个): the word is the comparator, and it
    leaves the indicator (每校配备)."""
    f, pre = reader.folded, c.prefix
    v_start, v_end, _ = verb_before(f, pre.start, pre.end)
    if v_end == v_start:
        return
    comp, n = comparator_word(reader, pre.start, v_start)
    if comp == ".":
        return
    found.comparator = comp
    found.comparator_by = ("subject_form", "a comparison word before the verb")
    found.indicator = compact(
        reader.source[pre.start : v_start - n] + reader.source[v_start : pre.end]
    )


def _goal(c: Candidate) -> bool:
    """A count in figures under a year phrase (到2026年底，争创5个…), or stating a range or
    a bound (确定1-2个主体专业, 争创3个以上): a goal's form, where a verb the lexicon lacks
    may be taken from jieba's dictionary (dictionary_verb).

    A round count printed as a scale (到2027年，开放百个应用场景) is a goal's form too.
    Leaves 统筹两个市场 (a count in words: a name) and 赋予1个随机号码 (no year and no
    bound: a procedure, whatever its verb).
    """
    q = c.quantity
    return (c.year is not None or explicit(c)) and (not q.chinese or q.round)


def _fallback_verb(reader: Reader, c: Candidate) -> int:
    """The length of a verb the lexicon's verbs did not find right before the number: a
    verb of jieba's dictionary in a goal's form (_goal), or 在 before a count of places
    under a year phrase or an approximate one (到2025年，在100个县开展试点; 在120个左右
    社区开展试点: a rule of conduct states no "about", lexicon extract/prepositions) or
    before places where a pilot is launched (_pilot_places); else 0.

    The places are only where the goal is met when a later count of the clause states
    the goal (在10个街道组建20个微型消防站: 20, not 10; _places_scope)."""
    f, pre = reader.folded, c.prefix
    place = _preposition(reader, c)
    if place and _places_scope(reader, c):
        return 0
    if not _goal(c):
        if place and _pilot_places(reader, c):
            return place
        return place if place and served_list(reader, c, c.clause[1]) is not None else 0
    n = dictionary_verb(f, pre.start, pre.end)
    if n or (c.year is None and c.draft.comparator != "~"):
        return n
    return place


def _preposition(reader: Reader, c: Candidate) -> int:
    """The length of a preposition of extract/prepositions closing the prefix, with an area
    after it (为全州7万名妇女…: 为全州), or 0.  为 counts only where it opens its item, an
    adverb of the verb before it at most (免费为1000人筛查…); after a verb it is a copula
    (分为3个阶段实施).  An item's label glued before it in running text (…。8 .为1.6万人…,
    a list whose line breaks were lost) is no word before it."""
    f, pre, w = reader.folded, c.prefix, reader.words
    area = ends_with(f, pre.start, pre.end, w.areas)
    word = ends_with(f, pre.start, pre.end - area, w.prepositions)
    if not word:
        return 0
    at = pre.end - area - word
    lead = f[pre.start : at]
    bare = lead.replace(" ", "")  # 8 . as a PDF prints the label
    label = match_marker(bare, 0, len(bare))
    if label is not None and label.end == len(bare):
        lead = ""
    if lead and lead not in w.verb_adverbs and f[at : at + word] in w.opening_prepositions:
        return 0
    return word + area


def _object_span(reader: Reader, c: Candidate) -> tuple[int, int]:
    """What follows the quantity up to the end of its object (the clause if none is found),
    or to the next item of a list that opens with a preposition again (为7万名妇女…筛查、
    为6.1万名妇女…筛查: two items, the second no part of the first's object)."""
    end = object_end(reader.folded, c.suffix_end, c.clause[1], reader.starts)
    end = c.clause[1] if end is None else end
    return c.suffix_end, _item_end(reader, c.suffix_end, end)


def _item_end(reader: Reader, start: int, end: int) -> int:
    """Where the next item of a list opening with a preposition starts (、为…), or *end*."""
    f, words = reader.folded, reader.words.prepositions
    k = f.find("、", start, end)
    while k != -1:
        if starts_with(f, k + 1, end, words):
            return k
        k = f.find("、", k + 1, end)
    return end


def _places_scope(reader: Reader, c: Candidate) -> bool:
    """Another quantity follows in the object of 在 + an exact count of places: 在10个街道
    组建20个… .  An approximate count is planned itself (在90个左右学科领域支持200个…)."""
    if c.draft.comparator == "~":
        return False
    start, end = _object_span(reader, c)
    later = reader.next_quantity(start, end)
    while later is not None and joined_at(reader, start, later.start) is not None:
        start = later.end  # 为8000户…和1000个…: served too, look past it
        later = reader.next_quantity(start, end)
    return later is not None


def _pilot_places(reader: Reader, c: Candidate) -> bool:
    """在 + an exact count in figures + an action verb later in the clause, with no 的
    after the verb: the places where a plan launches a pilot (在6座市属公园先行启动试点工作
    → 6座).  Leaves 在3个以上地区开展业务的企业 (a bound with no year: a rule of conduct),
    在两个机构任职 (a count in words) and 在5个区开展了试点 (了: what was done)."""
    q = c.quantity
    if q.chinese or c.draft.comparator != "=" or dimension(c.draft) != "count":
        return False
    f, w, (start, end) = reader.folded, reader.words, _object_span(reader, c)
    verb = first_of(f, start, end, w.verbs)
    if verb is None:
        return False
    done = f[verb.end() : verb.end() + 1] in w.elapsed  # 在5个区开展了试点: a report
    return not done and f.find(w.of, verb.start(), end) == -1


def _verb_reading(reader: Reader, c: Candidate, found: Found) -> tuple[str, str] | Decision:
    """The verb of a (B) target and what of the indicator stands before the number.

    Sets *found*'s start, period and comparator.  The two differ where a modifier and 的
    stand between the verb and the number (打造具有区域影响力的50个示范场景: verb 打造,
    head 打造具有区域影响力的).  A decision instead when the quantity is left: a weak
    verb, or no verb at all.
    """
    f, pre = reader.folded, c.prefix
    v_start, v_end, period = verb_before(f, pre.start, pre.end)
    head_end = v_end
    if v_end == v_start:
        v_start, v_end, head_end = modified_object(reader, c)
    if v_end == v_start:
        n = _fallback_verb(reader, c)
        v_start, v_end, head_end = pre.end - n, pre.end, pre.end
    if v_end > v_start:
        verb = compact(reader.source[v_start:v_end])
        if not explicit(c) and any(verb.endswith(x) for x in reader.words.weak_verbs):
            return leave("选择1所…: a weak verb with a bare number")
        found.start = v_start
        found.period = found.period or period
        comp = comparator_ending(reader, pre.start, v_start)  # the verb is found already
        if comp != "." and found.comparator == "=":
            found.comparator = comp  # 至少建成3个…
            found.comparator_by = ("verb_form", "a comparison word before the verb")
        return verb, compact(reader.source[v_start:head_end])
    return _verb_elsewhere(reader, c, found)


def _verb_elsewhere(reader: Reader, c: Candidate, found: Found) -> tuple[str, str] | Decision:
    """No verb right before the number: the sentence's last verb, the list's, a minimum
    (每个县至少有1家…; not 资金不少于210万元人民币, a condition on a sum) or a word of change
    (增加60个…中心: changes.change_verb) before a count; else the quantity is left."""
    pre, mem = c.prefix, reader.memory
    if pre.empty and mem.last_verb and mem.last_verb[0] == c.sentence_start:
        found.period = found.period or mem.last_verb[2]
        found.start = c.quantity.start
        return mem.last_verb[1], mem.last_verb[1]
    verb = _list_verb(reader, c)
    if verb:
        found.start = c.quantity.start
        return verb, verb
    if pre.comparator_word in reader.words.minimums and dimension(found) == "count":
        found.start = pre.end
        return "", ""  # 每个县至少有1家定点医疗机构…: a minimum of what there is
    change = change_verb(reader, c)
    if change and dimension(found) == "count":
        found.start = pre.end  # 增加60个左右…养老服务中心: the word of change is the verb
        return change, change
    return leave("no verb before the number (a noun phrase: 2人间)")


def _list_item(reader: Reader, c: Candidate) -> bool:
    """The number opens an item of a 、 list, with words before the list (…企业、20所…)."""
    pre = c.prefix
    return not pre.empty and reader.folded[pre.end - 1] == "、"


def _list_verb(reader: Reader, c: Candidate) -> str:
    """The verb opening a list whose item opens with the number, though the items before
    it print none: 广泛发展国内外重点企业、20所左右高水平大学 → 发展.  Only an action verb
    (after an adverb at most) right at the start of what stands before the number; else
    ""."""
    f, w, pre = reader.folded, reader.words, c.prefix
    if not _list_item(reader, c):
        return ""
    s = pre.start + starts_with(f, pre.start, pre.end, w.verb_adverbs)
    n = starts_with(f, s, pre.end, w.verbs)
    verb = compact(reader.source[s : s + n]) if n else ""
    return "" if verb in w.weak_verbs else verb


def verb_form(reader: Reader, c: Candidate) -> Decision | None:
    """(B) verb quantity object: 创建1条省级高品质步行街 → 创建省级高品质步行街, 1条.

    A list carries its verb on: 培育1个…、2个… gives the second item 培育, and
    广泛发展国内外重点企业、20所左右高水平大学 gives 20所 发展 (the verb opening the list,
    the items before printing no number).  Takes 至少建成3个示范区 (comparator before the
    verb) and 每个县至少有1家定点医疗机构 (a minimum with no verb: the object names it);
    leaves 宿舍为2人间 and 包括北京等8个区域 (no verb right before the number).
    """
    if (c.closes and not shared_object(reader, c)) or (c.prefix.empty and goal_tail(reader, c)):
        return None  # …，达到80%的基本普及目标: no object, the goal's name (carried_subject)
    read = verb_target(reader, c)
    if isinstance(read, Decision):
        return read
    found, o_end, carries = read
    taken = take(c, found, o_end)
    sentence, period, verb = c.sentence_start, found.period, found.verb

    def carry(r: Reader) -> None:
        r.memory.carry_verb(sentence, verb, period)

    if carries:  # 在90个…领域支持200个…: a verb of its own
        taken.edits = (carry, *taken.edits)
    return taken


def verb_target(reader: Reader, c: Candidate) -> tuple[Found, int, bool] | Decision:
    """verb_form's reading of *c*: the target, where its object ends, and whether its verb
    carries on to the list's next item; a decision where the quantity is left."""
    found = c.draft.copy()
    reading = _verb_reading(reader, c, found)
    if isinstance(reading, Decision):
        return reading
    verb, head = reading
    shared = shared_object(reader, c) if c.closes else ""
    if shared:  # 增加400个左右、撤并30个左右…设施: the next item's object, its own verb
        found.indicator, found.end, found.verb = head + shared, c.suffix_end, verb
        return found, c.suffix_end, False
    o_end = object_end(reader.folded, c.suffix_end, c.clause[1], reader.starts)
    if o_end is None:
        return leave("no end of the object within the window")
    if _list_item(reader, c):  # _list_verb's item: its object ends at the next 、
        cut = reader.folded.find("、", c.suffix_end, o_end)
        o_end = o_end if cut == -1 else cut
    preposition = is_preposition(reader, verb)
    if preposition:
        o_end = _places_end(reader, c, o_end)
    joined = served_list(reader, c, c.clause[1]) if preposition else None
    # 为8000户困难家庭和1000个…实施改造: its own object and the action
    obj = joined if joined is not None else compact(reader.source[c.suffix_end : o_end])
    if not obj:
        return leave("no object after the number")
    found.indicator = head + obj
    found.end = o_end
    found.verb = verb
    _area_spread(reader, c, found)
    return found, o_end, not preposition or joined is not None


def _area_spread(reader: Reader, c: Candidate, found: Found) -> None:
    """每个县 opening the item before the verb spreads the count over the areas: the
    indicator keeps it (每个乡镇建成1个示范点 → 每个乡镇建成示范点, 1 个 in each)."""
    f, w = reader.folded, reader.words
    start = c.prefix.start
    area = next((a for a in w.per_areas if f.startswith(a, start, found.start)), None)
    if area is not None:
        spread = compact(reader.source[start : start + len(area)])
        found.indicator = spread + (found.indicator or "")
        found.start = start


def _places_end(reader: Reader, c: Candidate, o_end: int) -> int:
    """The object of 在 + places ends before the verb of a later count of its clause
    (在90个左右学科领域重点支持200个…: 学科领域; the later count is a goal of its own),
    and before the next item of a list that opens with a preposition again (、为…)."""
    o_end = _item_end(reader, c.suffix_end, o_end)
    later = reader.next_quantity(c.suffix_end, o_end)
    if later is None:
        return o_end
    v_start, v_end, _ = verb_before(reader.folded, c.suffix_end, later.start)
    return v_start if v_end > v_start else o_end


def carried_subject(reader: Reader, c: Candidate) -> Decision | None:
    """A bare quantity after a target of the same sentence shares its indicator.

    Takes 增加值达到1200亿元，年均增长10%以上 → 增加值, +10%, GDP年均增长6%左右，
    到2025年突破3万亿元 → GDP, >3万亿元, and 普及率提高6个百分点，达到80%的基本普及目标
    (a goal's name after 的 closes the clause); leaves 1200亿元 alone at the start of a
    sentence.
    """
    pre, out = c.prefix, reader.memory.out
    closed = c.closes or goal_tail(reader, c)  # …，达到80%的基本普及目标
    if not closed or not pre.empty or not out or out[-1].kind != "target":
        return None
    prev = _whole(reader, out)
    same_sentence = around(reader.sentences, prev.start, reader.start, reader.end)[0]
    if same_sentence != c.sentence_start:
        return None
    # 到2025年突破3万亿元 after GDP年均增长6%: a word of reaching, and the same measure
    # (a level after a change of it, or another value of the same kind).
    reaching = pre.comparator is not None and (
        prev.target_kind != "level" or dimension(prev) == dimension(c.draft)
    )
    if reader.memory.item_end.get(c.clause[0]) or pre.kind != "level" or pre.period or reaching:
        found = c.draft.copy()
        found.indicator = prev.indicator
        return take(c, found, c.suffix_end)
    return None


_PART_BACK = 4  # records a part of a total may stand after the total, at most


def _whole(reader: Reader, out: list[Found]) -> Found:
    """The target a bare quantity carries on from: the last, passing over parts opened by
    其中 (lexicon extract/part_leads): in 市场主体发展到20271户，其中企业3518户；力争突破
    30455户 the 30455 户 are 市场主体, not 企业."""
    for found in reversed(out[-_PART_BACK:]):
        if found.kind != "target":
            break
        c0 = around(reader.clauses, found.start, reader.start, reader.end)[0]
        if not opens_part(reader, c0, found.start):
            return found
    return out[-1]


_TOPIC_MAX = 10  # characters of a sentence's topic before its word of duty


def topic_subject(reader: Reader, c: Candidate) -> Decision | None:
    """A bare change closing a sentence is the change of the topic the sentence opens
    with, before a word of duty (lexicon extract/topic_marks).

    Takes 汽车工业要推动整车项目早日量产，增长10%以上 → 汽车工业, ≥10%, increase; leaves
    推动整车项目早日量产，增长10%以上 (no topic) and 要把握机遇，增长10%以上 (none before 要).
    """
    pre = c.prefix
    if not pre.empty or pre.kind == "level" or not c.closes:
        return None
    opening = reader.folded[c.sentence_start : min(c.clause[0], c.sentence_start + _TOPIC_MAX + 2)]
    at = min((opening.find(m) for m in reader.words.topic_marks if m in opening), default=-1)
    topic = opening[:at].strip()
    if at <= 0 or not topic or not all(is_han(ch) for ch in topic):
        return None
    found = c.draft.copy()
    found.indicator = topic
    return take(c, found, c.suffix_end)


def unclaimed(reader: Reader, c: Candidate) -> Decision | None:
    """No rule took the quantity: it is left out.

    Takes 20万人 standing alone after a full stop; leaves nothing (it always decides).
    """
    return leave("no rule reads it as a target or a figure")
