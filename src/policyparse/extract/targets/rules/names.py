"""Numbers that are part of a name, an aside or an article, or that count nothing committed."""

from __future__ import annotations

import re

from ....ruler import Decision
from ....text.brackets import without_asides
from ....text.fold import is_han
from ..breaks import around, object_end
from ..context import ends_with
from ..reader import Candidate, Reader
from .edits import leave, take
from .helpers import (
    before_verb,
    dimension,
    explicit,
    lead_dictionary_verb,
    percent,
    subject,
    verb_before,
)
from .parts import opens_part

_ONE = "一"
_LIST_SIZE = range(2, 21)


def in_name_or_aside(reader: Reader, c: Candidate) -> Decision | None:
    """A quantity inside quotes or 《》, or inside round brackets, is part of a name or an aside.

    Takes 推进“百个项目”建设 and 实施项目（共23项）; leaves 新建项目23个 and a bracket that
    states a goal of its own, a subject and a comparison word before the number
    (…比重达到3%（通道及场站设施能力达到90万标准箱及以上）) or a part of the target right
    before it (种植面积稳定在24万亩（其中商品蔬菜基地10万亩）: lexicon extract/part_leads).
    """
    q = c.quantity
    if q.start in reader.names:
        return leave("inside a quoted name or a bracketed aside")
    if q.start in reader.asides and not (_bracketed_goal(reader, c) or _bracketed_part(reader, c)):
        return leave("inside a quoted name or a bracketed aside")
    return None


_SUBJECT_MIN = 2  # characters of a bracketed goal's subject (设施能力)


def _bracketed_part(reader: Reader, c: Candidate) -> bool:
    """The bracket opens with a word opening a part (其中) right after a target in the
    same unit: 24万亩（其中商品蔬菜基地10万亩）."""
    out = reader.memory.out
    if not out or out[-1].kind != "target" or out[-1].unit != c.draft.unit:
        return False
    opening = reader.folded.rfind("(", out[-1].end, c.quantity.start)  # folded: （ is (
    if opening < 0 or reader.folded[out[-1].end : opening].strip():
        return False
    return reader.folded.startswith(reader.words.part_leads, opening + 1)


def _bracketed_goal(reader: Reader, c: Candidate) -> bool:
    """The bracket holds a clause of its own: a subject (no verb in it), then a word of
    comparison."""
    pre = c.prefix
    if pre.comparator not in (">=", ">", "<=", "<") or not pre.comparator_word:
        return False
    subject = reader.folded[pre.start : pre.end]
    subject = subject[subject.rfind("(") + 1 :]  # folded: （ is (
    if reader.words.any_verb.search(subject) is not None:
        return False  # （提供至少1次政策宣介、…）: what a named service holds, an aside
    return sum(is_han(ch) for ch in subject) >= _SUBJECT_MIN


def size_class(reader: Reader, c: Candidate) -> Decision | None:
    """A quantity right before a class word names the class of what is counted, not an amount.

    Takes 10万吨 in 建设2个10万吨级泊位 and 百万千瓦 in 实施百万千瓦级海上风电示范 (lexicon
    extract/class_words); leaves 2个 there (the count of berths), 装机容量达到100万千瓦 and
    加注能力达到百万吨级。 (the class word closes the item: the order of a level reached).
    """
    if c.quantity.start in reader.classes:
        return leave("a size class (10万吨级): part of the object's name")
    return None


def in_object(reader: Reader, c: Candidate) -> Decision | None:
    """A quantity inside the object of the count read just before it qualifies what is
    counted: it names the object's class, not an amount of its own.

    Takes 千亿元 in 新增4个社零额过千亿元城市, 10亿元 in 引进3个投资超10亿元项目 and 30万元
    in 实现20%的村集体年收入超30万元 (the count's object, or the share's group and its
    action, runs over it); leaves 20所 in 新建学校5所、幼儿园20所 (the object of 5所
    ends at 、), 3家 in 新增1家食堂、3家照护之家 (an object read over the list's next
    item), 5倍 in 处1倍以上5倍以下的罚款 (a second bound in the count's own unit) and
    3000户 in 改造小区10个，惠及3000户 (a clause of its own).
    """
    out = reader.memory.out
    if not out or out[-1].kind != "target" or out[-1].rule not in _COUNTS:
        return None
    last, q = out[-1], c.quantity
    if not last.q_start < q.start < last.end or q.end > last.end or c.draft.unit == last.unit:
        return None  # 1倍以上5倍以下: the second bound of one range, in the same unit
    if any(j in reader.folded[last.q_start : q.start] for j in _LIST_JOINS):
        return None  # 新增1家食堂、3家照护之家: the next item of a list, not the object
    return leave("inside the object of the count before it: names its class")


_LIST_JOINS = "、，,；;"  # what stands between a list's items
_COUNTS = frozenset({"verb_form", "share_of"})  # the rules of a count or a share of a group


def size_before_count(reader: Reader, c: Candidate) -> Decision | None:
    """A size bounded by 以上 or 以下, then a noun that a count closes, names the class of
    what is counted: the count is the goal.

    Takes 1000亩 in 建成1000亩以上开放休闲林地5个 and 500千瓦 in 建设500千瓦以上分布式光伏
    项目10个 (the rules after read 5个, 10个); leaves 建成开放休闲林地1000亩以上 (no count
    after it), 新增绿地100公顷以上，建设公园5个 (a clause break: two goals) and 培育营收
    10亿元以上企业5家 (money: a threshold, the rule parameter's).
    """
    if c.suffix is None or reader.words.after.get(c.suffix) not in (">=", "<="):
        return None
    if dimension(c.draft) not in _SIZES:
        return None
    nxt = reader.next_quantity(c.suffix_end, c.clause[1])
    if nxt is None:
        return None
    between = reader.folded[c.suffix_end : nxt.start]
    if not 0 < len(between) <= _CLASS_NOUN or not all(is_han(ch) for ch in between):
        return None
    tail = reader.folded[nxt.end : c.clause[1]].split(_ITEM_BREAK, 1)[0]  # …5个、300亩…
    if reader.words.dimensions.get(nxt.base_unit or "") != "count" or len(tail) > _COUNT_TAIL:
        return None
    return leave("a size class (1000亩以上…林地5个): the count after it is the goal")


_SIZES = frozenset({"area", "length", "power", "energy", "volume", "mass"})
_CLASS_NOUN = 12  # characters of the noun between a size class and its count
_COUNT_TAIL = 2  # characters after the count before its item ends (以上, 左右)
_ITEM_BREAK = "、"  # between the items of a list


def programme_name(reader: Reader, c: Candidate) -> Decision | None:
    """A round count of people printed as a scale alone, before a programme's name, is the
    name's (万名大学生基层就业项目 names a programme; it counts no students).

    Takes 百名 in 实施百名专家进企业行动 and 万名 in 推进实施万名大学生基层就业项目 (a unit of
    people, lexicon extract/person_units, then a programme's head within the clause,
    extract/programme_heads); leaves 实施万个微基建项目 (个 counts the projects) and
    培育千名技能人才 (no programme).
    """
    q, w = c.quantity, reader.words
    if not q.round or not q.unit or not q.unit.endswith(w.person_units):
        return None
    tail = reader.folded[q.end : min(c.clause[1], q.end + _PROGRAMME_LOOK)]
    if not any(h in tail for h in w.programme_heads):
        return None
    return leave("a round count of people in a programme's name")


_PROGRAMME_LOOK = 16  # characters after the unit searched for the programme's head


def article_numeral(reader: Reader, c: Candidate) -> Decision | None:
    """一 with no comparator is an article, not a count.

    Takes 建设一支队伍, 一次性补贴; leaves 建成至少一个示范区 and 至少建设一所幼儿园 (a
    comparator before the number or before its verb), 每周开展一次足球训练 (a period
    before it: once a week is a frequency), 建设两个示范区 (两 counts), 新增一百个示范区,
    五个新城各开展一项 (各 hands one to each), 建设一座小型消防站 (a thing counted right
    after its verb: lexicon extract/object_units) and 企业数量增加一倍 (a change's size).
    """
    q, f = c.quantity, reader.folded
    if not q.single_cn or f[q.start] != _ONE or c.prefix.comparator or c.prefix.period:
        return None
    if c.prefix.kind != "level":
        return None  # 比重增加一倍: the size of a change, not an article
    if before_verb(reader, c) != ".":
        return None  # 至少建设一所: the comparator stands before the verb
    if _handed_out(reader, c):
        return None  # 五个新城各开展一项: one to each, a count
    if q.unit in reader.words.objects and _after_verb(reader, c):
        return None  # 建设一座小型消防站: a thing counted, one of it
    return leave("一 with no comparator reads as an article")


def _after_verb(reader: Reader, c: Candidate) -> bool:
    """A verb stands right before the number (建设一座, 配置一辆), or the number opens the
    next item of a list whose last one was such a count (配置一辆A和一辆B)."""
    v_start, v_end, _ = verb_before(reader.folded, c.prefix.start, c.prefix.end)
    if v_end > v_start:
        return True
    out, f, at = reader.memory.out, reader.folded, c.prefix.start
    joined = c.prefix.empty and at > 0 and f[at - 1] in reader.words.list_joins
    return joined and bool(out) and out[-1].kind == "target" and out[-1].unit == c.draft.unit


def _handed_out(reader: Reader, c: Candidate) -> bool:
    """Whether a distributing word (各, 均, 分别) stands right before the verb of the number."""
    v_start, v_end, _ = verb_before(reader.folded, c.prefix.start, c.prefix.end)
    if v_end <= v_start:
        return False
    f = reader.folded
    return any(f.endswith(w, c.prefix.start, v_start) for w in reader.words.distributive)


def bare_count(reader: Reader, c: Candidate) -> Decision | None:
    """A count with no verb, no comparator and no change is a name, not a commitment.

    Takes 其中重点区域2个; leaves 新增城镇就业超20万人 (a verb and a comparator),
    餐厨垃圾目标任务日均131吨 (a subject that names the goal: lexicon extract/goal_nouns),
    圩区除涝设施达标率90% and 旅游综合收入6.8亿元 (a subject ending in an indicator's head:
    率, 收入; lexicon extract/indicator_heads; a figure other than a share only under a
    year phrase or after a target of its sentence: 某村面积10.92平方公里 alone describes),
    and 每千人拥有社会体育指导员2.4名 after a target of its sentence (a rate per head).
    """
    pre = c.prefix
    if not c.closes or pre.empty:
        return None
    if reader.folded[pre.start : pre.end].endswith(reader.words.goal_nouns):
        return None  # 餐厨垃圾目标任务日均131吨: the subject names the goal
    if _names_indicator(reader, c):
        return None  # 圩区除涝设施达标率90%, 旅游综合收入6.8亿元: the subject names an indicator
    if _part_of_last(reader, c):
        return None  # 市场主体发展到20271户，其中企业3518户: a part of the goal before it
    _, verb, _ = subject(reader, c)
    if (
        not verb
        and not explicit(c)
        and c.draft.target_kind == "level"
        and reader.words.any_verb.search(reader.folded, pre.start, pre.end) is None
        and not _dictionary_lead(reader, c)
        and not _committed(reader, c)
        and not _copula_goal(reader, c)
    ):
        return leave("a count with no verb, comparator or change")
    return None


def _copula_goal(reader: Reader, c: Candidate) -> bool:
    """A figure right after a word of being (为, 是: lexicon extract/copulas) under a year
    phrase that sets a deadline: the level a goal names (到2025年，…研发机构数为900家).  A
    bare year (2004年…能力为40根: it may state the present), a past one or none leaves it
    a description."""
    pre, year = c.prefix, c.year
    if year is None or year.baseline or pre.end <= pre.start:
        return False
    phrase = reader.folded[year.phrase[0] : year.phrase[1]]
    return not _BARE_YEAR.fullmatch(phrase) and reader.folded[pre.end - 1] in reader.words.copulas


_BARE_YEAR = re.compile(r"(?:19|20)\d{2}年")


def _names_indicator(reader: Reader, c: Candidate) -> bool:
    """The subject ends in an indicator's head word or counts per head, and the figure is a
    share, under a year phrase or after a target of its sentence."""
    pre = c.prefix
    named = reader.folded[pre.start : pre.end].endswith(reader.words.heads) or _per_head(reader, c)
    return named and (percent(reader, c) or c.year is not None or _after_target(reader, c))


def _per_head(reader: Reader, c: Candidate) -> bool:
    """The subject counts per so many of a population (每千人拥有社会体育指导员2.4名: a
    span mark, lexicon extract/span_marks, before a quantity inside it): a rate, which
    names an indicator as its head word would."""
    f, pre = reader.folded, c.prefix
    q = reader.next_quantity(pre.start, pre.end)
    return q is not None and ends_with(f, pre.start, q.start, reader.words.span_marks) > 0


def _committed(reader: Reader, c: Candidate) -> bool:
    """The item opens with a word of commitment (lexicon extract/commitment_leads: 确保,
    力争): 确保能繁母猪常年存栏0.95万头, 力争地方政府专项债券资金10亿元 state a goal, no
    name (其中重点区域2个 opens with none)."""
    f, start = reader.folded, c.item_start
    while start < c.prefix.end and f[start] in _EDGE:
        start += 1
    return f.startswith(reader.words.commitments, start, c.prefix.end)


_EDGE = "，,；;：: "


def _after_target(reader: Reader, c: Candidate) -> bool:
    """The record before is a target of the same sentence."""
    out = reader.memory.out
    return bool(out) and out[-1].kind == "target" and out[-1].end >= c.sentence_start


def part_count(reader: Reader, c: Candidate) -> Decision | None:
    """A count in a part of the goal before it (其中: lexicon extract/part_leads), followed
    by what it counts, is a goal too, and so is the next part in the same unit.

    Takes 4个 and 6个 in 完成10个村庄污水治理任务，其中重点区域目标任务4个村庄，非重点区域
    目标任务6个村庄; leaves 其中2个区为试点 (no goal before it in its sentence) and a count
    closing its item (其中企业3518户: rule bare_count passes it to subject_form).
    """
    if c.closes or c.prefix.empty or dimension(c.draft) != "count":
        return None
    if not _part_of_last(reader, c):
        return None
    found = c.draft.copy()
    found.indicator = subject(reader, c)[0]
    for lead in reader.words.part_leads:  # 其中：… the lead and its colon
        found.indicator = found.indicator.removeprefix(lead).lstrip("：:，,")
    end = object_end(reader.folded, c.suffix_end, c.clause[1], set()) or c.clause[1]
    found.end = end
    return take(c, found, end)


def _part_of_last(reader: Reader, c: Candidate) -> bool:
    """A word opening a part (其中: lexicon extract/part_leads) stands before the subject,
    and the record before is a target of the same sentence in the same unit: the count
    is a part of that goal (…发展到20271户，其中企业3518户); so is the next clause of the
    same unit after such a part (其中外销10万吨，深加工2万吨: 深加工 too)."""
    out = reader.memory.out
    if not out or out[-1].kind != "target" or out[-1].unit != c.draft.unit:
        return False
    if out[-1].end < c.sentence_start:
        return False
    if opens_part(reader, c.clause[0], c.prefix.start) or _bracketed_part(reader, c):
        return True
    return _later_part(reader, c)


def _later_part(reader: Reader, c: Candidate) -> bool:
    """A later item of a list of parts: the targets before it, item by item back to the one
    after 其中, are all of its unit (其中外销10万吨，深加工2万吨，出口1万吨: 深加工 and 出口)."""
    out, item_start = reader.memory.out, c.clause[0]
    for last in reversed(out[-_PARTS_MAX:]):
        if last.kind != "target" or last.unit != c.draft.unit or last.end < c.sentence_start:
            return False
        if reader.folded[last.end : item_start].strip(" ") not in _ITEM_BREAKS:
            return False
        item_start = around(reader.clauses, last.start, reader.start, reader.end)[0]
        if opens_part(reader, item_start, last.start):
            return True
    return False


_ITEM_BREAKS = frozenset({"", ",", "，", "、", ";", "；"})
_PARTS_MAX = 12  # items of a list of parts looked back over


def _dictionary_lead(reader: Reader, c: Candidate) -> bool:
    """Under a year phrase, a count in figures whose item opens with a verb of jieba's
    dictionary (2025年，招引…项目30个; 2019年底前消减…积压10万件): a goal's subject."""
    if c.year is None or c.quantity.chinese:
        return False
    pre = c.prefix
    return lead_dictionary_verb(reader.folded, pre.start, pre.end) > 0


_OWN_OBJECT = 12  # characters after the count its object may take, at most


def own_items(reader: Reader, c: Candidate) -> Decision | None:
    """A count of the plan's own measures is bookkeeping, not a commitment.

    Takes 年内重点完成12条推进举措, 对8条改革举措和3项重点任务建立台账 and 明确四个方面
    十六个具体量化指标其中，… (lexicon extract/own_items: 推进举措, 改革任务, 重点任务, 量化指标;
    a part lead glued after the object ends it); leaves 建成示范园区5个 and
    培育3户小升规企业 (what the count counts is an outcome).
    """
    q, f = c.quantity, reader.folded
    end = min(c.clause[1], q.end + _OWN_OBJECT + 1)
    rest = f[q.end : end]
    cut = next((i for i, ch in enumerate(rest) if ch in _OBJECT_STOPS), len(rest))
    obj = rest[:cut]
    for lead in reader.words.part_leads:  # 十六个具体量化指标其中，…: 其中 opens the parts
        obj = obj.split(lead, 1)[0]
    if not obj or len(obj) > _OWN_OBJECT or not obj.endswith(reader.words.own_items):
        return None
    return leave("counts the plan's own measures")


_OBJECT_STOPS = ",，。；;:：、()（）"


def listing_count(reader: Reader, c: Candidate) -> Decision | None:
    """A bare count after 方面, 类别 … counts the items the text lists next.

    Takes 科技金融创新支持方面5项： (a verb inside, none leading: bare_count passes it),
    实现八个方面转变： (the count of 方面 before the colon that opens the list) and both
    figures of 实现4个100%目标： (the count, and the name of the goals it counts); leaves
    培育重点企业5家.
    """
    if _announces_list(reader, c):
        return leave("counts the items the text lists after the colon")
    if not c.closes or c.prefix.empty:
        return None
    subj, verb, _ = subject(reader, c)
    if not verb and not explicit(c) and any(subj.endswith(x) for x in reader.words.listing):
        return leave("counts the items the text lists")
    return None


def _announces_list(reader: Reader, c: Candidate) -> bool:
    """The count's object names 方面, 类别 … and runs up to the colon that ends the clause."""
    f, end = reader.folded, c.clause[1]
    if f[end : end + 1] not in (":", "："):
        return False
    if c.closes and c.suffix_end not in reader.starts:
        return False  # 4个100%目标：the count closes only before the figure in the name
    obj = f[c.suffix_end : end]
    return any(word in obj for word in reader.words.listing)


def list_size(reader: Reader, c: Candidate) -> Decision | None:
    """A count in words right after a list of as many items sums the list up.

    Takes 抓好产业发展、人才培养、社会保障三项重点工作 (三项 after three items),
    推进甲、乙和丙三类改革 and 实施甲(一期)、乙、丙、丁等4个项目 (等 after as many items as the
    count, in figures too); leaves 建成甲、乙等三个中心 (等 after fewer items: the list is
    open), 建设产业园、孵化器10个 (a count in figures) and 培育甲、乙企业三家 (two items,
    three).  So does a
    count whose object is followed by a bracket naming as many items (增建3个街镇（甲街道、
    乙街道、丙镇）取水设施24处: the places, not the goal), in figures too.
    """
    q, f = c.quantity, reader.folded
    if q.value_max is None and q.value in _LIST_SIZE and _bracket_names(reader, c):
        return leave("a count of the items a bracket after it names")
    if q.value_max is not None or q.value not in _LIST_SIZE:
        return None
    before = f[c.clause[0] : q.start]
    opened = next((w for w in reader.words.open_list if before.endswith(w)), "")
    if not (q.chinese or opened) or "、" not in before:
        return None
    before = without_asides(before[: len(before) - len(opened)])
    last = before.rfind("、")
    joins = before.count("、") + any(ch in reader.words.list_joins for ch in before[last + 1 :])
    if joins + 1 != q.value:
        return None
    return leave("a count that sums up the list before it")


_OBJECT_MAX = 12  # characters between a count's unit and the bracket that names its items


def _bracket_names(reader: Reader, c: Candidate) -> bool:
    """Whether a bracket right after the count's object names as many items (、 between)."""
    f, q = reader.folded, c.quantity
    end = min(c.clause[1], q.end + _OBJECT_MAX + 1)
    at = f.find("(", q.end, end)  # folded: （ is (
    if at < 0:
        return False
    close = f.find(")", at + 1, c.clause[1] + 1)
    inside = f[at + 1 : close] if close > at else ""
    return bool(inside) and "(" not in inside and inside.count("、") + 1 == q.value
