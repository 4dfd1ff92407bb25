"""What several target rules read: the (A) subject, list items, the verb before a number."""

from __future__ import annotations

import re

from ....ruler import Decision
from ....text.brackets import SPANS, split_outside, without_closing_aside
from ....text.fold import compact, is_han
from ....text.tokenizer import cut, dictionary_words
from ..breaks import Mask, around, object_end
from ..context import CompWord, ends_with, framed_base, starts_with, words
from ..reader import Candidate, Found, Reader
from .edits import take
from .reports import base_frame, opens_done, present_sentence, reported_done, review_run


def subject(reader: Reader, c: Candidate) -> tuple[str, str, Found | None]:
    """The (A) subject, the verb it opens with, and the target it inherits a verb from."""
    if c.subject_reading is None:
        c.subject_reading = _read_subject(reader, c)
    return c.subject_reading


def _read_subject(reader: Reader, c: Candidate) -> tuple[str, str, Found | None]:
    subject = compact(reader.source[c.prefix.start : c.prefix.end])
    if subject[-1:] in reader.words.copulas and c.prefix.end == c.quantity.start:
        subject = subject[:-1]  # 研发机构数为900家: the word of being names no indicator
    verb = verb_after_actor(subject)[1]
    out = reader.memory.out
    last = out[-1] if out else None
    prev = _clause_head(out)
    inherits = not verb and prev is not None and prev.kind == "target" and bool(prev.verb)
    if (
        inherits
        and prev is not None
        and last is not None
        and (c.item_start > c.clause[0] or parallel(reader, c, prev, last.end))
    ):
        if measure_of(prev, c, subject):
            return (prev.indicator or "") + subject, prev.verb, prev
        return prev.verb + subject, prev.verb, prev
    return subject, verb, None


def _clause_head(out: list[Found]) -> Found | None:
    """The target a verbless clause may share its verb with: the last one, or where the
    last only carried on its subject (…30个，总计达60个), the one that subject came from.

    In 新增点位30个，总计达60个；特色道路10条 the clause 特色道路10条 repeats the shape of
    新增点位30个, not of 总计达60个.
    """
    if not out:
        return None
    last = out[-1]
    if last.rule != "carried_subject":
        return last
    for found in reversed(out[-_HEAD_BACK:-1]):  # a few records back: linear time
        if found.kind == "target" and found.rule != "carried_subject":
            return found if found.indicator == last.indicator else last
    return last


_HEAD_BACK = 8  # records a carried total may stand after its clause's head, at most


_MEASURE = 4  # 容量, 总投资: a measure of the item before is a word or two


def measure_of(prev: Found, c: Candidate, subject: str) -> bool:
    """A second quantity of one commitment: a measure of what the count before it counts.

    关停落后燃煤锅炉12台、容量30万千瓦 → 关停落后燃煤锅炉容量 30万千瓦 (a count, then a
    measure word naming another dimension).  Leaves 创建绿色工厂10家、绿色园区2个 (a
    second count: the verb alone carries on).
    """
    if len(subject) > _MEASURE or not any(subject.endswith(h) for h in words().heads):
        return False
    return dimension(prev) == "count" and dimension(c.draft) not in (None, "count")


def parallel(reader: Reader, c: Candidate, prev: Found, last_end: int) -> bool:
    """A verbless clause repeating the shape of the target just before it shares its verb.

    选拔资助青年人才不少于100名，高层次人才不少于500名: the second clause has no
    verb, follows the first right after its comma, and has the same comparator (or none,
    after 余 or 左右 in the same unit) and a unit of the same kind, so it reads
    选拔资助高层次人才.  新增就业超20万人，失业率控制在
    5.5%以内 does not (another comparator, another kind of unit), nor does a clause
    whose subject is an indicator already (…人才资源总量达到320万名左右: ends in 量),
    unless the target before ends in the same head (完成白蛾防治面积0.6万亩，松材线虫病防治
    面积5.8万亩: 完成 carries on; so it does to 退化林修复面积2000亩, whose 修复 names the
    area and is no verb of the clause).
    *last_end* is where the last target ends: *prev* itself, or a total carried on after it.
    """
    f = reader.folded
    subject = compact(reader.source[c.prefix.start : c.prefix.end])
    head = next((h for h in reader.words.heads if subject.endswith(h)), None)
    if head is not None and not (prev.indicator or "").endswith(head):
        return False  # an indicator of its own, unless the target before names one alike
    between = f[last_end : c.clause[0]].strip(" ")
    if between not in (",", ";") or not _same_comparison(prev, c.draft):
        return False
    if head is None and reader.words.any_verb.search(f, c.prefix.start, c.prefix.end) is not None:
        return False  # 失业率控制在: a verb of its own (退化林修复面积, named alike, has none)
    same_sentence = around(reader.sentences, prev.start, reader.start, reader.end)[0]
    return same_sentence == c.sentence_start and dimension(prev) == dimension(c.draft)


def _same_comparison(prev: Found, draft: Found) -> bool:
    """The same comparator, or none printed after an approximate one in the same unit
    (配置900余辆，有害垃圾专用收运车17辆: a list of one verb's items)."""
    if prev.comparator == draft.comparator:
        return True
    return draft.comparator == "=" and bool(prev.unit) and prev.unit == draft.unit


def dimension(found: Found) -> str | None:
    """What the unit measures (count, money, ratio …), from the lexicon."""
    unit = found.base_unit or found.unit or ""
    dims = words().dimensions
    return dims.get(unit) or dims.get(unit[:1])


_PERCENT = frozenset({"%", "\uff05"})


def percent(reader: Reader, c: Candidate) -> bool:
    """Whether the quantity is a percentage: 15%, 15％ (full-width), 三分之一, 一半."""
    return c.quantity.unit in _PERCENT


def verb_quantity_of(reader: Reader, c: Candidate) -> Decision | None:
    """Verb, quantity, 的, object: the target of object_share and object_count, or None.

    The verb stands right before the number (预留40%的门诊号源, 培育30个左右的特色基地);
    the indicator is the verb and the object.  None with no verb there, no 的 after the
    quantity, no object, a parameter cue in the clause, or a clause that opens with 对
    (对年度服务达1000辆的机构，…: the 的 phrase names whom the sentence addresses).
    """
    w, f = reader.words, reader.folded
    if not c.next_char or c.next_char not in w.of or w.parameter.search(c.window):
        return None
    if states_past(reader, c):
        return None
    head = c.clause[0]
    while head < c.prefix.start and f[head].isspace():
        head += 1
    if w.openers.match(f, head):
        return None  # 对年度服务达1000辆的机构: whom 对 addresses, a condition
    v_start, v_end, period = verb_before(f, c.prefix.start, c.prefix.end)
    if v_end == v_start:
        return None
    o_start = c.suffix_end + 1
    o_end = object_end(f, o_start, c.clause[1], reader.starts)
    if o_end is None or o_end == o_start:
        return None
    found = c.draft.copy()
    found.start, found.end = v_start, o_end
    found.period = found.period or period
    found.verb = compact(reader.source[v_start:v_end])
    found.indicator = found.verb + compact(reader.source[o_start:o_end])
    return take(c, found, o_end)


def states_past(reader: Reader, c: Candidate) -> bool:
    """Whether the quantity states the past or what is: a past year or 截至 governs it, a
    baseline cue stands next to it (截至2024年底，…3万个; 目前已有120家), a word that describes
    what is stands right before it (多达: extract/state_words), or a report or a base frames
    it (reports.py).  Read by the rule baseline and the share and count rules before it."""
    if c.prefix.comparator_word in reader.words.states:
        return True  # 企业多达1.12万个: the situation, as it is
    window = framed_base().sub("", c.window)  # 在现有基础上提高6个百分点: a change's base
    return (
        any(not _acted_on(window, m) for m in reader.words.baseline.finditer(window))
        or dated_past(reader, c)
        or present_sentence(reader, c)
        or reported_done(reader, c)
        or opens_done(reader, c)
        or base_frame(reader, c)
        or review_run(reader, c)
    )


def _acted_on(window: str, m: re.Match[str]) -> bool:
    """现有 right after a verb names what the verb acts on (完成现有31条道路治理, 改造现有
    100座泵站: the existing ones are the goal's scope), not the present state."""
    if m.group() not in words().existing:
        return False
    v_start, v_end, _ = verb_before(window, 0, m.start())
    return v_start < v_end


def dated_past(reader: Reader, c: Candidate) -> bool:
    """A past year or 截至 governs the quantity (截至2024年底，全市80%的社区…)."""
    if c.year and c.year.baseline:
        return True
    f, stop = reader.folded, c.quantity.start
    return any(f.find(w, c.sentence_start, stop) != -1 for w in reader.words.as_of)


def goal_tail(reader: Reader, c: Candidate) -> bool:
    """的 and a noun naming the goal, or the noun alone, close the quantity's clause (完成
    清理收费1500多亿元的目标任务, 达到80%的基本普及目标: a short name ending in one; 接待
    公众200万人次以上目标): the goal's size, its item ends there (lexicon goal_nouns)."""
    f, start, nouns = reader.folded, c.suffix_end, reader.words.goal_nouns
    if not c.next_char:
        return False
    glued = c.next_char not in reader.words.of  # 200万人次以上目标: the noun right after it
    rest = f[start + (not glued) : c.clause[1]].rstrip("。；;，, ")
    if rest in nouns:
        return True
    return not glued and len(rest) <= _GOAL_NAME_MAX and rest.endswith(tuple(nouns))


_GOAL_NAME_MAX = 8  # 基本普及目标: a goal's short name


def list_end(reader: Reader, c: Candidate) -> bool:
    """The last item of a list whose items before were targets, before the 的 and the
    object they share: 实施粮田52.2万亩、菜田1.75万亩、经济作物1.2万亩的水利设施配套.  Not
    a threshold before a noun its item then counts (…80家以上、年交易额超1亿元的卖家1000家)."""
    out = reader.memory.out
    if not out or c.item_start <= c.clause[0] or c.next_char not in reader.words.of:
        return False
    prev = out[-1]
    if not (prev.kind == "target" and c.clause[0] <= prev.start and prev.end <= c.item_start):
        return False
    stop = reader.folded.find("、", c.suffix_end, c.clause[1])
    return reader.next_quantity(c.suffix_end, c.clause[1] if stop == -1 else stop) is None


def standard_tail(reader: Reader, c: Candidate) -> bool:
    """A verb of meeting right after the quantity and a standard ending its clause
    (新增城市建成区50平方公里达到海绵城市建设要求): the quantity is the size of what must
    meet it, its item ends there (lexicon extract/standard_tails).  Leaves 50平方公里的
    区域 (no verb of meeting) and …达到要求后给予补助 (the clause goes on)."""
    f, w, start, end = reader.folded, reader.words, c.suffix_end, c.clause[1]
    if not f.startswith(w.meets, start):
        return False
    return f[start:end].rstrip("。；;，,:： ").endswith(w.standards)


def explicit(c: Candidate) -> bool:
    """Whether the words around the number state a comparison (超, 以上, 保持, 余, a range)."""
    q = c.quantity
    return (
        c.prefix.comparator is not None
        or c.suffix is not None
        or q.inner is not None
        or q.value_max is not None
    )


def split_items(
    folded: str, start: int, end: int, quoted: Mask, seps: str
) -> list[tuple[int, int]]:
    items = split_outside(folded, start, end, seps, SPANS, quoted)
    return [(a, b) for a, b in items if b > a]


_INNER_TAIL = 4  # 分别占比: the words 分别 shares out are few


def inner_distributive(reader: Reader, start: int, end: int) -> tuple[int, str] | None:
    """Where the items end and the tail they share, for 分别 inside a subject (…分别占比)."""
    f, w = reader.folded, reader.words
    # Rightmost first, so the choice does not hang on the order of a set.
    for at, word in sorted(((f.rfind(w_, start, end), w_) for w_ in w.distributive), reverse=True):
        tail_start = at + len(word)
        if at > start and 0 < end - tail_start <= _INNER_TAIL:
            tail = f[tail_start:end]
            if not any(ch in w.list_joins or ch in ",;" for ch in tail):
                return at, compact(reader.source[tail_start:end])
    return None


def distribute_lead(
    source: str, items: list[tuple[int, int]], tail: str, bodies: tuple[str, ...]
) -> list[str]:
    """Items of a 分别 list with the tail after 分别, sharing the first item's lead.

    全省与其他国家货物贸易、对外投资和实际利用外资分别占比 → 全省与其他国家货物贸易占比,
    全省与其他国家对外投资占比 …: the first item's own part is as long (in words) as
    the second item, and what stands before it is shared.
    """
    texts = [compact(source[a:b]) for a, b in items]
    k = len(cut(texts[1], bodies))
    first = cut(texts[0], bodies)
    lead = "".join(first[:-k]) if len(first) > k else ""
    out = [texts[0] + tail]
    for t in texts[1:]:
        out.append((t if not lead or t.startswith(lead) else lead + t) + tail)
    return out


def distribute(source: str, items: list[tuple[int, int]], bodies: tuple[str, ...]) -> list[str]:
    """One indicator per item of a 分别 list: share the tail and the leading word.

    职工、城乡居民住院报销比例 → 职工住院报销比例, 城乡居民住院报销比例; 审批时限、验收时限
    (the first item ends in the last one's head word) stay as printed.
    """
    texts = [compact(source[a:b]) for a, b in items]
    if without_closing_aside(texts[0]).endswith(words().heads):
        return texts  # every item is complete already (乡镇通三级路率（三州通四级）, too)
    last = cut(texts[-1], bodies)
    if len(last) < 2 or texts[0].endswith(last[-1]):
        return texts  # 审批时限、验收时限: each item names its own head
    tail = "".join(last[1:])
    first = cut(texts[0], bodies)
    lead = "".join(first[:-1]) if len(first) > 1 else ""
    out = []
    for i, t in enumerate(texts):
        subject = last[0] if i == len(texts) - 1 else t
        if i > 0 and lead and not subject.startswith(lead):
            subject = lead + subject
        out.append(subject + tail)
    return out


def before_verb(reader: Reader, c: Candidate) -> CompWord:
    """The comparator printed before the verb of the quantity (至少建成3个 → >=), or "."."""
    v_start, v_end, _ = verb_before(reader.folded, c.prefix.start, c.prefix.end)
    return comparator_ending(reader, c.prefix.start, v_start) if v_end > v_start else "."


def comparator_ending(reader: Reader, start: int, end: int) -> CompWord:
    """The comparator word ending at *end*, or "."."""
    return comparator_word(reader, start, end)[0]


def comparator_word(reader: Reader, start: int, end: int) -> tuple[CompWord, int]:
    """The comparator of the word ending at *end* and the word's length; (".", 0) for none."""
    n = ends_with(reader.folded, start, end, reader.words.comparators)
    return (reader.words.comparators[reader.folded[end - n : end]][0], n) if n else (".", 0)


def _verb_end(f: str, start: int, end: int) -> int:
    """Where the verb before a number ends: before a partner (加强与), a whole area (全省) or
    the plan's whole year (全年: the year's deadline, frames.within_year reads it)."""
    w = words()
    pos = end
    if pos - 1 >= start and f[pos - 1] in w.partners and ends_with(f, start, pos - 1, w.verbs):
        pos -= 1  # 加强与1000家企业…
    n = ends_with(f, start, pos, w.areas) or ends_with(f, start, pos, w.within_year)
    if n and ends_with(f, start, pos - n, w.verbs):
        pos -= n  # 推动全省100家企业…, 实现全年17家企业入库
    return pos


_MODIFIER = 2  # 具有区域影响力的: a modifier of the object is a word at least


def modified_object(reader: Reader, c: Candidate) -> tuple[int, int, int]:
    """A verb opening the item and a modifier ending in 的 (or in a field word: 领域,
    行业) between it and the number.

    (verb start, verb end, head end): 打造具有区域影响力、体现地方特色的50个示范场景 →
    the verb 打造 and the head 打造具有区域影响力、体现地方特色的, which the indicator
    keeps before the object; 培育形成新材料领域80家企业 → 培育形成, head
    培育形成新材料领域 (lexicon extract/field_words, which has the ends of places' names
    too: 推进沿岸177个体验点提质升级 → 推进); 新建、改建新宛平、松潘等28个排水系统
    → 新建 (examples of the object, left open by 等); 开通至周边机场2—3条航线 → 开通 (a
    destination after the verb); 新增黄石、十堰、荆门、孝感4个…城市 → 新增 (the names the
    count counts, as many as it says).  Leaves 包括北京等8个区域 and
    其中具备条件的2个区 (no verb opens the item) and 建设中的3个项目 (中 marks the
    verb's aspect, it modifies nothing): an empty span at the number.
    """
    f, pre = reader.folded, c.prefix
    none = (pre.end, pre.end, pre.end)
    named = _names_counted(reader, c)
    if named is not None:
        return named  # the list's items are the names; the indicator is verb and object
    if pre.end - pre.start < 3:
        return none
    if f[pre.end - 1] in reader.words.of:
        body_end = modifier_end = pre.end - 1
    else:  # 培育人工智能领域50家企业: a field the count is taken in
        body_end = pre.end - ends_with(f, pre.start, pre.end, reader.words.fields)
        modifier_end = pre.end  # the field's word modifies too: 推进沿岸177个…
        if body_end == pre.end:
            body_end = modifier_end = _examples_end(reader, pre.start, pre.end)
        if body_end == pre.end:
            body_end = _destination(reader, pre.start, pre.end)
            modifier_end = pre.end
        if body_end == pre.end and not _list_field(reader, c):
            return none
    lead, verb = verb_after_actor(f[pre.start : body_end])
    v_start = pre.start + lead
    v_end = v_start + len(verb)
    if not verb or v_end + _MODIFIER > modifier_end:
        return none  # 建设中的3个项目: a one-character aspect (中), no modifier of the object
    return v_start, v_end, pre.end


_FIELD_MAX = 6  # characters of a field named between a verb and its list's first count


def _list_field(reader: Reader, c: Candidate) -> bool:
    """Words between the verb and a list's first count name the items' field: 打造乡村旅游
    100个精品村、100家精品民宿 (乡村旅游, no field word after it).  Leaves 打造乡村旅游100个
    精品村。 (no list after it) and a verb or a figure between (推动某某30条…投产)."""
    f, pre, w = reader.folded, c.prefix, reader.words
    verb = lead_verb(f[pre.start : pre.end])
    field = f[pre.start + len(verb) : pre.end]
    if not verb or not 2 <= len(field) <= _FIELD_MAX or not all(is_han(ch) for ch in field):
        return False
    if w.any_verb.search(field):
        return False
    o_end = object_end(f, c.suffix_end, c.clause[1], reader.starts)
    return o_end is not None and f[o_end : o_end + 1] == "、" and f[o_end + 1 : o_end + 2].isdigit()


_DESTINATION_MAX = 10  # characters of the place a verb reaches before its count


def _destination(reader: Reader, start: int, end: int) -> int:
    """Where a verb's destination opens (至: lexicon extract/connectors, role to) when the
    place runs to the number: 开通至周边机场2—3条航线 → the verb stands before 至; *end*
    where there is none."""
    f = reader.folded
    lo = max(start, end - _DESTINATION_MAX)
    at = max(f.rfind(ch, lo, end) for ch in reader.words.destinations)
    if at <= start or not all(is_han(ch) for ch in f[at + 1 : end]):
        return end
    return at if ends_with(f, start, at, reader.words.verbs) else end


_NAME_CHARS = 8  # characters of a place's or a body's name in a list before its count


def _names_counted(reader: Reader, c: Candidate) -> tuple[int, int, int] | None:
    """The verb before a list of names that the count right after it counts (as many names
    as the count says), as (verb start, verb end, verb end): 新增黄石、十堰、荆门、孝感4个…
    城市 → 新增; None where the clause is no such list (建成投用甲区、乙区3家医院: two
    names, not three; 培育龙头企业、专精特新企业20家: no verb before the names)."""
    f, pre = reader.folded, c.prefix
    start = c.clause[0]
    while start < pre.end and f[start] in LEAD_EDGE:
        start += 1
    parts = f[start : pre.end].split("、")
    count = c.quantity.value
    if len(parts) < 2 or count != len(parts) or c.quantity.value_max is not None:
        return None
    lead, verb = verb_after_actor(parts[0])
    first = parts[0][lead + len(verb) :]
    names = [first, *parts[1:]]
    if not verb or not all(0 < len(n) <= _NAME_CHARS and all(map(is_han, n)) for n in names):
        return None
    return start + lead, start + lead + len(verb), start + lead + len(verb)


def _examples_end(reader: Reader, start: int, end: int) -> int:
    """Where the examples of what is counted start to be named, before 等 (and a whole
    area: 全市, or their level: 等区): 新建、改建新宛平、松潘等28个排水系统 → the verb stands
    before 新宛平;
    *end* where no such list ends the prefix."""
    f, w = reader.folded, reader.words
    at = end - ends_with(f, start, end, tuple(w.areas))
    if at == end:  # 浦东、宝山、闵行等区16个…: the examples' level of place after 等
        at = end - ends_with(f, start, end, w.place_levels)
    n = ends_with(f, start, at, w.open_list)
    return at - n if n else end


def dictionary_verb(f: str, start: int, end: int) -> int:
    """The length of a verb of jieba's dictionary ending at *end*, else 0: the fallback
    for a verb the lexicon lacks, right before a number (争创5个…实验室, 动态筛选300个).

    Verbs that state what is rather than what is to be done (包括, 具有, 位居:
    lexicon/extract/stative_verbs.tsv) are no such verb.
    """
    n = ends_with(f, start, end, dictionary_words("v"))
    return 0 if f[end - n : end] in words().stative else n


_ACTS_WITHIN = 24  # characters after a share's 的 searched for the group's action
_GROUP = 2  # a group is named before its action: a word at least


def acts(f: str, start: int, end: int) -> bool:
    """Whether a group, then a verb of jieba's dictionary (not a stative one) with an
    object after it, stand in f[start:end]: the action of a group after a share, where
    the lexicon's verbs found none.

    Takes 企业纳入监管平台 (90%的企业纳入…); leaves 节能量 (节能 opens it: no group
    before) and 历史性负增长 (增长 closes the clause: a noun's head, no object).
    """
    stop = min(end, start + _ACTS_WITHIN)
    return any(lead_dictionary_verb(f, i, end) for i in range(start + _GROUP, stop))


def lead_dictionary_verb(f: str, start: int, end: int) -> int:
    """The length of a verb of jieba's dictionary (not a stative one) opening f[start:end],
    else 0: 招引 in 招引人工智能亿元以上项目."""
    verbs = dictionary_words("v")
    stative = words().stative
    for n in (4, 3, 2):
        word = f[start : start + n]
        if start + n < end and word in verbs and word not in stative:
            return n
    return 0


def verb_before(f: str, start: int, end: int) -> tuple[int, int, str | None]:
    """The verb phrase ending at *end* (重点引进和培养): (start, end, period)."""
    w = words()
    pos = _verb_end(f, start, end)
    got = False
    v_start = pos
    period = None
    while pos > start:
        n = ends_with(f, start, pos, w.verbs)
        if n:
            pos -= n
            got = True
            v_start = pos
            continue
        if got and f[pos - 1] in w.verb_joins and ends_with(f, start, pos - 1, w.verbs):
            pos -= 1
            continue
        n = ends_with(f, start, pos, w.verb_adverbs) if got else 0
        if n:
            pos -= n
            v_start = pos
            continue
        n = ends_with(f, start, pos, w.periods) if got else 0
        if n:
            period = f[pos - n : pos]
            pos -= n
            continue
        break
    return (v_start, end, period) if got else (end, end, None)


def verb_after_actor(text: str) -> tuple[int, str]:
    """The verb phrase a text opens with, after a word of an actor or a time, and where it starts.

    全市创建省级绿色工厂 → (2, 创建): a list's later items (、绿色供应链4家) carry 创建 on.
    Leaves 助餐服务站点 (助餐 is no such word, so 服务 opens nothing): (0, "").
    """
    verb = lead_verb(text)
    if verb:
        return 0, verb
    lead = starts_with(text, 0, len(text), words().actors)
    verb = lead_verb(text[lead:]) if lead else ""
    if verb:
        return lead, verb
    return _verb_after_place(text)


_PLACE_MAX = 12  # characters of the place or object a preposition opens before its verb


def _verb_after_place(text: str) -> tuple[int, str]:
    """The verb after the place or object a preposition opens the text with: 在39个村改造升级
    10千伏线路 → (5, 改造升级), so the list's later items (、0.4千伏线路200公里) carry it on.
    (0, "") where none comes soon or a break stands before it."""
    lead = starts_with(text, 0, len(text), words().place_prepositions)
    if not lead:
        return 0, ""
    for k in range(lead + 1, min(len(text), lead + _PLACE_MAX)):
        if text[k] in "，,；;。：:、":
            break
        verb = lead_verb(text[k:])
        if verb:
            return k, verb
    return 0, ""


def lead_verb(text: str) -> str:
    """The verb phrase a subject opens with (选拔认定教育专家 → 选拔认定)."""
    w = words()
    pos = 0
    got = False
    while pos < len(text):
        n = starts_with(text, pos, len(text), w.verbs)
        if n:
            pos += n
            got = True
            continue
        if got and text[pos] in w.verb_joins and starts_with(text, pos + 1, len(text), w.verbs):
            pos += 1
            continue
        n = starts_with(text, pos, len(text), w.verb_adverbs)
        if n and starts_with(text, pos + n, len(text), w.verbs):
            pos += n
            continue
        break
    return text[:pos] if got else ""


LEAD_EDGE = "，,；;：:( \n"  # breaks, spaces and a bracket between a clause's start and its words
