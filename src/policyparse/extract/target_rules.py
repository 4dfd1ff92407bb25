"""The target rules: an ordered list of small named rules over one candidate quantity.

Each quantity with a unit (extract.quantities) becomes a ``Candidate``: the
quantity with its clause, sentence, suffix, prefix and governing year phrase.
``RULES`` are tried in order; the first that returns a ``Decision`` decides:
the quantity becomes a target, a figure (parameter or baseline), or is left
out, and the decision records the rule's name.  A rule returns None to pass.

What earlier quantities of the same node leave for later ones (where the last
item of a clause ended, the verb a list carries on) is one explicit
``Memory``.  Two shapes make a target:

(A) subject … quantity, the quantity closing its clause or list item:
    新增城镇就业超20万人 → indicator 新增城镇就业, ">", 20, 万人;
(B) verb quantity object: 创建1条省级高品质步行街 → 创建省级高品质步行街, 1, 条.

To add a rule, write a function (Reader, Candidate) -> Decision | None with a
docstring naming one form it takes and one it leaves, put it in RULES where
it must run, and add both examples to tests/test_targets_table.py.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Literal, NamedTuple

from .. import lexicon
from ..text.brackets import SPANS, round_spans, split_outside
from ..text.fold import compact
from ..text.tokenizer import cut
from ..vocab import Comparator, QuantityKind, TargetKind
from .quantities import Quantity
from .target_context import (
    WINDOW,
    CompWord,
    Mask,
    Prefix,
    Words,
    YearPhrase,
    around,
    boundaries,
    comparator,
    ends_with,
    governing,
    names_and_statements,
    object_end,
    read_prefix,
    sentence_period,
    starts_with,
    suffix_pattern,
    words,
    year_phrases,
)


@dataclass(slots=True)
class Found:
    """A target or a figure, ready for the model, with the rule that decided it."""

    kind: QuantityKind
    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    unit: str | None
    base_value: Decimal | None
    base_unit: str | None
    comparator: Comparator = "="
    target_kind: TargetKind = "level"
    indicator: str | None = None
    year: int | None = None
    deadline: str | None = None
    period: str | None = None
    # Not in the output: the verb phrase a list carries to its next item, and the rule.
    verb: str = ""
    rule: str = ""


@dataclass(slots=True)
class Candidate:
    """One quantity and everything the rules read around it."""

    index: int  # position among the node's quantities
    quantity: Quantity
    clause: tuple[int, int]  # the clause holding it, between breaks
    sentence_start: int
    sentence_end: int
    item_start: int  # where its list item starts (after the previous item of the clause)
    suffix: str | None  # 以上, 左右 … right after the unit
    suffix_end: int  # end of the quantity with its suffix
    next_char: str  # the character after the suffix, in the clause ("" at its end)
    prefix: Prefix  # the words between the item's start and the number, read
    year: YearPhrase | None  # the year phrase governing it
    draft: Found  # the record a taking rule starts from
    closes: bool  # the quantity ends its item (a break, a bracket, 、 or 和 before a number)
    window: str  # the clause around it, at most WINDOW characters each side: where cues count
    # The (A) reading, computed once when a rule first asks: subject, verb, inherited.
    subject_reading: tuple[str, str, Found | None] | None = None


@dataclass(slots=True)
class Memory:
    """What reading a node's earlier quantities leaves for the later ones."""

    # Clause start → where its last item read ends: the next item starts there.
    item_end: dict[int, int] = field(default_factory=dict)
    # The last verb-form target: its sentence start, verb phrase and period.
    last_verb: tuple[int, str, str | None] | None = None
    out: list[Found] = field(default_factory=list)


Outcome = Literal["target", "parameter", "baseline", "skipped"]


class Decision(NamedTuple):
    """What a rule decided for one quantity (and how many it consumed)."""

    rule: str
    outcome: Outcome
    found: tuple[Found, ...] = ()
    consumed: int = 1
    why: str = ""


_NEWLINE = re.compile(r"\n")
_ONE = "一"


class Reader:
    """The state every rule reads: the node's text, its quantities, spans and memory."""

    def __init__(
        self,
        source: str,
        folded: str,
        start: int,
        end: int,
        doc_year: int | None,
        body_start: int | None,
        bodies: tuple[str, ...],
        quantities: list[Quantity],
    ) -> None:
        self.source, self.folded, self.start, self.end = source, folded, start, end
        self.bodies = bodies
        self.conditions_at: int | None = None  # from here on, the text states conditions
        self.words: Words = words()
        self.memory = Memory()
        self.quantities = quantities
        names, statements = names_and_statements(folded, start, end)
        self.names = Mask(start, end, names)
        self.clauses, self.sentences = boundaries(folded, start, end, statements)
        self.asides = Mask(start, end, round_spans(folded, start, end))
        node_leads = {_skip_spaces(folded, p, end) for p in (start, body_start) if p is not None}
        leads = node_leads | {
            _skip_spaces(folded, m.end(), end) for m in _NEWLINE.finditer(folded, start, end)
        }
        self.years = year_phrases(folded, start, end, self.sentences, leads, doc_year, node_leads)
        self.year_starts = [d.pos for d in self.years]
        self.starts = {q.start for q in self.quantities}

    def suffix_of(self, q: Quantity, clause_end: int) -> tuple[str | None, int]:
        """The word right after *q* (以上, 左右) and where the quantity with it ends."""
        m = suffix_pattern().match(self.folded, q.end, clause_end)
        return (m.group(), m.end()) if m else (None, q.end)

    def candidate(self, i: int) -> Candidate:
        """The i-th quantity in its context, with the draft record a rule may take."""
        f, w = self.folded, self.words
        q = self.quantities[i]
        c_start, c_end = around(self.clauses, q.start, self.start, self.end)
        sentence_start, sentence_end = around(self.sentences, q.start, self.start, self.end)
        item_start = self.memory.item_end.get(c_start, c_start)
        if item_start < q.start and f[item_start] in w.list_joins:
            item_start += 1
        item_start = max(min(item_start, q.start), q.start - WINDOW)
        suffix, suffix_end = self.suffix_of(q, c_end)
        pre = read_prefix(f, item_start, q.start)
        year = governing(self.years, self.year_starts, q.start)
        head = sentence_period(f, sentence_start, q.start) if pre.period is None else None
        if head is not None and not (year is not None and year.phrase[0] >= head[1]):
            pre.period = head[0]  # 每年 opening the sentence, no later year phrase between
        draft = _record(
            q,
            pre,
            suffix,
            start=pre.start if not pre.empty else q.start,
            end=suffix_end,
            target_kind="increase" if q.doubling else pre.kind,
            year=year.year if year else None,
            deadline=compact(self.source[year.phrase[0] : year.phrase[1]]) if year else None,
        )
        nxt = f[suffix_end] if suffix_end < c_end else ""
        closes = (
            not nxt
            or nxt in "、)("
            or (nxt in w.ands and suffix_end + 1 in self.starts)
            # 改造燃煤机组12台600万千瓦: two quantities, one item (not 1倍以上5倍以下)
            or (suffix_end in self.starts and suffix is None)
        )
        window = f[max(c_start, q.start - WINDOW) : min(c_end, suffix_end + WINDOW)]
        return Candidate(
            index=i,
            quantity=q,
            clause=(c_start, c_end),
            sentence_start=sentence_start,
            sentence_end=sentence_end,
            item_start=item_start,
            suffix=suffix,
            suffix_end=suffix_end,
            next_char=nxt,
            prefix=pre,
            year=year,
            draft=draft,
            closes=closes,
            window=window,
        )


def _skip_spaces(folded: str, pos: int, end: int) -> int:
    while pos < end and folded[pos] == " ":
        pos += 1
    return pos


Rule = Callable[[Reader, Candidate], Decision | None]


def _record(
    q: Quantity,
    pre: Prefix,
    suffix: str | None,
    *,
    start: int,
    end: int,
    target_kind: TargetKind,
    year: int | None,
    deadline: str | None,
) -> Found:
    """A target record of *q*: its value and unit, the comparator its words give."""
    return Found(
        kind="target",
        start=start,
        end=end,
        value=q.value,
        value_max=q.value_max,
        unit=q.unit,
        base_value=q.base_value,
        base_unit=q.base_unit,
        comparator=comparator(
            pre.comparator,
            words().after.get(suffix or q.inner or ""),
            q.value_max is not None,
        ),
        target_kind=target_kind,
        year=year,
        deadline=deadline,
        period=pre.period,
    )


def _leave(rule: str, why: str) -> Decision:
    return Decision(rule, "skipped", why=why)


def _take(reader: Reader, c: Candidate, rule: str, found: Found, end: int) -> Decision:
    """Record *found* as decided by *rule*; the clause's next item starts at *end*."""
    found.rule = rule
    reader.memory.out.append(found)
    reader.memory.item_end[c.clause[0]] = end
    outcome: Outcome = "target" if found.kind == "target" else found.kind
    return Decision(rule, outcome, (found,))


# -- the rules, in the order they are tried ---------------------------------------------


def in_name_or_aside(reader: Reader, c: Candidate) -> Decision | None:
    """A quantity inside quotes or 《》, or inside round brackets, is part of a name or an aside.

    Takes 推进“百个项目”建设 and 实施项目（共23项）; leaves 新建项目23个.
    """
    q = c.quantity
    if q.start in reader.names or q.start in reader.asides:
        return _leave("in_name_or_aside", "inside a quoted name or a bracketed aside")
    return None


def article_numeral(reader: Reader, c: Candidate) -> Decision | None:
    """一 with no comparator is an article, not a count.

    Takes 建设一支队伍, 一次性补贴; leaves 建成至少一个示范区 and 至少建设一所幼儿园 (a
    comparator before the number or before its verb), 建设两个示范区 (两 counts) and
    新增一百个示范区.
    """
    q, f = c.quantity, reader.folded
    if not q.single_cn or f[q.start] != _ONE or c.prefix.comparator:
        return None
    if _before_verb(reader, c) != ".":
        return None  # 至少建设一所: the comparator stands before the verb
    return _leave("article_numeral", "一 with no comparator reads as an article")


def share_of(reader: Reader, c: Candidate) -> Decision | None:
    """A share of a group that does something: 50%以上的社区完成规范化建设工作任务.

    The percentage is followed by 的, a group and an action: the goal is that share of
    the group acting.  Takes 着力推动80%以上的社区完成规范化建设 (indicator 着力推动社区
    完成规范化建设); leaves 占比30%的部分 (no action after it) and any clause with a
    parameter cue (按投资额30%的比例给予补助).
    """
    w, q, f = reader.words, c.quantity, reader.folded
    if q.unit != "%" or not c.next_char or c.next_char not in w.of:
        return None
    if w.parameter.search(c.window):
        return None
    rest = (c.suffix_end + 1, c.clause[1])
    if w.any_verb.search(f, rest[0], rest[1]) is None:
        return None
    v_start, v_end, _ = _verb_before(f, c.prefix.start, c.prefix.end)
    verb = compact(reader.source[v_start:v_end])
    found = c.draft
    found.start = v_start if v_end > v_start else q.start
    found.end = rest[1]
    found.indicator = verb + compact(reader.source[rest[0] : rest[1]])
    found.verb = verb
    return _take(reader, c, "share_of", found, rest[1])


_BASE_MAX = 15  # 停车位总数的: a base named between the comparator and 的 is short


def share_of_base(reader: Reader, c: Candidate) -> Decision | None:
    """A percentage of a base named after its comparator: 充电车位不低于停车位总数的15%.

    Takes 新建小区充电车位不低于停车位总数的15% (indicator 新建小区充电车位, >=); leaves
    占比30%的部分 and 按投资额的30%给予补助 (no comparator before the base), and 对项目给予
    补助，原则上不超过合同总额的30% (a parameter cue in the sentence: a cap on a payment).
    """
    w, q, f = reader.words, c.quantity, reader.folded
    pre = c.prefix
    found_at = _base_comparator(reader, c)
    if found_at is None or found_at.start() <= pre.start:
        return None
    lo = max(c.sentence_start, q.start - WINDOW)
    hi = min(c.sentence_end, c.suffix_end + WINDOW)
    if w.parameter.search(f, lo, hi):
        return None
    comp, kind = w.comparators[found_at.group()]
    found = c.draft
    found.indicator = compact(reader.source[pre.start : found_at.start()])
    if comp != ".":
        found.comparator = comp
    if kind != ".":
        found.target_kind = kind
    return _take(reader, c, "share_of_base", found, c.suffix_end)


def _base_comparator(reader: Reader, c: Candidate) -> re.Match[str] | None:
    """The comparator before a base a percentage is a share of (不低于 in 不低于总数的15%)."""
    w, q, f, pre = reader.words, c.quantity, reader.folded, c.prefix
    if q.unit != "%" or pre.end <= pre.start or f[pre.end - 1] not in w.of:
        return None
    found_at = None
    for m in _comparator_words().finditer(f, max(pre.start, pre.end - 1 - _BASE_MAX), pre.end - 1):
        found_at = m
    if found_at is None or w.any_verb.search(f, found_at.end(), pre.end) is not None:
        return None  # 不低于完成任务的: a clause, not a base
    return found_at


@cache
def _comparator_words() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(tuple(words().comparators)))


def parameter(reader: Reader, c: Candidate) -> Decision | None:
    """A threshold, a quantity before 的, or a clause with a parameter cue is a policy parameter.

    Takes 每台最高补助15万元, 对年营业收入500万元及以上的企业, 占比30%的部分, and a
    condition clause ending in 的 before its consequence (营业收入首次达到1亿元的，给予…);
    leaves 新增城镇就业超20万人.
    """
    w = reader.words
    q, pre = c.quantity, c.prefix
    before = reader.folded[pre.end - 1] if pre.end > c.item_start else ""
    closing = reader.folded[c.clause[1] - 1] if c.clause[1] > c.clause[0] else ""
    base = _base_comparator(reader, c)
    if base is not None and c.draft.comparator == "=":
        comp = w.comparators[base.group()][0]
        if comp != ".":
            c.draft.comparator = comp  # 原则上不超过项目投资额的5%: a cap, <=
    if (
        (c.suffix is not None and c.suffix in w.thresholds)
        or (closing in w.of and reader.folded[c.clause[1] : c.clause[1] + 1] == ",")
        or (c.next_char != "" and c.next_char in w.of)
        or (q.unit == "%" and before != "" and before in w.of)
        or w.parameter.search(c.window)
    ):
        c.draft.kind = "parameter"
        return _take(reader, c, "parameter", c.draft, c.suffix_end)
    return None


def eligibility(reader: Reader, c: Candidate) -> Decision | None:
    """A quantity under a heading of conditions or award standards is a parameter.

    Takes every number under 二、申报条件与奖励标准 or （二）奖励标准：, and those after
    对应门槛如下： in its paragraph (targets.conditions_from); leaves the goals of a
    plan with no such heading.
    """
    if reader.conditions_at is None or c.quantity.start < reader.conditions_at:
        return None
    c.draft.kind = "parameter"
    return _take(reader, c, "eligibility", c.draft, c.suffix_end)


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
    capped = c.draft.comparator in ("<=", "<") or _before_verb(reader, c) in ("<=", "<")
    # The 的 closing the condition stands in a later clause than the quantity's own
    # (重点扶持100个具有发展前景的项目 describes the object, it sets no condition).
    clauses = reader.clauses
    own_end = c.clause[1] if c.clause[1] < stop else -1
    ks = [i for i in (f.find(ch, own_end, stop) for ch in w.of) if i != -1] if own_end != -1 else []
    k = min(ks, default=-1)
    condition = False
    if k != -1:
        j = bisect.bisect_left(clauses, k)
        cs = clauses[j - 1] + 1 if j > 0 else q_end
        ce = clauses[j] if j < len(clauses) and clauses[j] < stop else -1
        condition = (
            ce != -1
            and w.parameter.search(f, max(cs, q_end), ce) is None
            and w.parameter.search(f, ce, stop) is not None
        )
    if not condition and own_end != -1 and w.parameter.search(f, own_end, stop):
        # 对于…的机构，每成功引进1名…的人才，给予…: a sentence that opens by naming
        # who is paid, and pays in a later clause.
        head = c.sentence_start
        while head < q_end and not f[head].strip():
            head += 1
        condition = w.openers.match(f, head) is not None
    if not (condition or capped):
        return None
    c.draft.kind = "parameter"
    return _take(reader, c, "subsidy_condition", c.draft, c.suffix_end)


def baseline(reader: Reader, c: Candidate) -> Decision | None:
    """A quantity governed by 截至 or a past year, or next to a baseline cue, states the past.

    Takes 截至2024年底，已建成5G基站3万个 and 目前已有企业120家; leaves 到2027年建成5万个.
    """
    if (c.year and c.year.baseline) or reader.words.baseline.search(c.window):
        c.draft.kind = "baseline"
        return _take(reader, c, "baseline", c.draft, c.suffix_end)
    return None


def respectively(reader: Reader, c: Candidate) -> Decision | None:
    """分别/均 lists: one target per item, the items sharing the indicator's tail.

    Takes 职工、城乡居民住院报销比例分别达85%、70% → 职工住院报销比例 85%,
    城乡居民住院报销比例 70%; leaves 住院报销比例达85% (no 分别).
    """
    w = reader.words
    pre = c.prefix
    if not (c.closes and not pre.empty):
        return None
    f, qs, c_end = reader.folded, reader.quantities, c.clause[1]
    items_end, tail = pre.end, ""
    if not pre.adverbs or w.distributive.isdisjoint(pre.adverbs):
        # A、B和C分别占比达30%、20%和10%: 分别 inside the subject, a short shared tail after.
        inner = _inner_distributive(reader, pre.start, pre.end)
        if inner is None:
            return None
        items_end, tail = inner
    i = c.index
    group = [qs[i]]
    _, last_end = reader.suffix_of(qs[i], c_end)
    j = i + 1
    while j < len(qs):
        nq = qs[j]
        between = f[last_end : nq.start]
        if len(between) != 1 or between not in w.list_joins:
            break
        group.append(nq)
        _, last_end = reader.suffix_of(nq, c_end)
        j += 1
    items = _split_items(f, pre.start, items_end, reader.names, "、")
    if len(items) != len(group) and len(group) > 1:
        items = _split_items(f, pre.start, items_end, reader.names, w.list_joins)
    if tail and (len(items) != len(group) or len(items) < 2):
        return None
    if len(group) == 1 and len(items) > 1:
        group = group * len(items)
    subject = compact(reader.source[pre.start : pre.end])
    if len(items) != len(group):
        names = [subject] * len(group)
    elif tail:
        names = _distribute_lead(reader.source, items, tail, reader.bodies)
    else:
        names = _distribute(reader.source, items, reader.bodies)
    found: list[Found] = []
    for gq, name in zip(group, names, strict=True):
        suffix, g_end = reader.suffix_of(gq, c_end)
        f_ = _record(
            gq,
            pre,
            suffix,
            start=pre.start,
            end=g_end,
            target_kind=pre.kind,
            year=c.draft.year,
            deadline=c.draft.deadline,
        )
        f_.indicator, f_.rule = name, "respectively"
        found.append(f_)
    reader.memory.out.extend(found)
    reader.memory.item_end[c.clause[0]] = last_end
    return Decision("respectively", "target", tuple(found), consumed=j - i)


def _subject(reader: Reader, c: Candidate) -> tuple[str, str, Found | None]:
    """The (A) subject, the verb it opens with, and the target it inherits a verb from."""
    if c.subject_reading is None:
        c.subject_reading = _read_subject(reader, c)
    return c.subject_reading


def _read_subject(reader: Reader, c: Candidate) -> tuple[str, str, Found | None]:
    subject = compact(reader.source[c.prefix.start : c.prefix.end])
    verb = _lead_verb(subject)
    out = reader.memory.out
    prev = out[-1] if out else None
    inherits = not verb and prev is not None and prev.kind == "target" and bool(prev.verb)
    if inherits and prev is not None and (c.item_start > c.clause[0] or _parallel(reader, c, prev)):
        return prev.verb + subject, prev.verb, prev
    return subject, verb, None


def _parallel(reader: Reader, c: Candidate, prev: Found) -> bool:
    """A verbless clause repeating the shape of the target just before it shares its verb.

    选拔资助青年人才不少于100名，高层次人才不少于500名: the second clause has no
    verb, follows the first right after its comma, and has the same comparator and a
    unit of the same kind, so it reads 选拔资助高层次人才.  新增就业超20万人，失业率控制在
    5.5%以内 does not (another comparator, another kind of unit), nor does a clause
    whose subject is an indicator already (…人才资源总量达到320万名左右: ends in 量).
    """
    f = reader.folded
    subject = compact(reader.source[c.prefix.start : c.prefix.end])
    if any(subject.endswith(h) for h in reader.words.heads):
        return False
    between = f[prev.end : c.clause[0]].strip(" ")
    if between not in (",", ";") or prev.comparator != c.draft.comparator:
        return False
    if reader.words.any_verb.search(f, c.prefix.start, c.prefix.end) is not None:
        return False
    same_sentence = around(reader.sentences, prev.start, reader.start, reader.end)[0]
    return same_sentence == c.sentence_start and _dimension(prev) == _dimension(c.draft)


def _dimension(found: Found) -> str | None:
    """What the unit measures (count, money, ratio …), from the lexicon."""
    unit = found.base_unit or found.unit or ""
    dims = words().dimensions
    return dims.get(unit) or dims.get(unit[:1])


def _explicit(c: Candidate) -> bool:
    """Whether the words around the number state a comparison (超, 以上, 保持, 余, a range)."""
    q = c.quantity
    return (
        c.prefix.comparator is not None
        or c.suffix is not None
        or q.inner is not None
        or q.value_max is not None
    )


def bare_count(reader: Reader, c: Candidate) -> Decision | None:
    """A count with no verb, no comparator and no change is a name, not a commitment.

    Takes 其中重点区域2个; leaves 新增城镇就业超20万人 (a verb and a comparator).
    """
    pre = c.prefix
    if not c.closes or pre.empty:
        return None
    _, verb, _ = _subject(reader, c)
    if (
        not verb
        and not _explicit(c)
        and c.draft.target_kind == "level"
        and reader.words.any_verb.search(reader.folded, pre.start, pre.end) is None
    ):
        return _leave("bare_count", "a count with no verb, comparator or change")
    return None


def listing_count(reader: Reader, c: Candidate) -> Decision | None:
    """A bare count after 方面, 类别 … counts the items the text lists next.

    Takes 科技金融创新支持方面5项： (a verb inside, none leading: bare_count passes it);
    leaves 培育重点企业5家.
    """
    if not c.closes or c.prefix.empty:
        return None
    subject, verb, _ = _subject(reader, c)
    if not verb and not _explicit(c) and any(subject.endswith(x) for x in reader.words.listing):
        return _leave("listing_count", "counts the items the text lists")
    return None


def subject_form(reader: Reader, c: Candidate) -> Decision | None:
    """(A) subject … quantity: the quantity closes its item, the words before it name it.

    Takes 新增城镇就业超20万人 → 新增城镇就业 > 20万人, and in 培育A企业5家、B企业3家
    the second item inherits the verb 培育; leaves 创建1条省级高品质步行街 (the
    object follows the number: verb_form).
    """
    if not c.closes or c.prefix.empty:
        return None
    subject, verb, inherited = _subject(reader, c)
    found = c.draft
    if inherited is not None:
        found.period = found.period or inherited.period
    found.indicator = subject
    found.verb = verb
    return _take(reader, c, "subject_form", found, c.suffix_end)


def ratio_before_verb(reader: Reader, c: Candidate) -> Decision | None:
    """A percentage right before the action it measures: 新建小区车位100%预留充电条件.

    Takes 实现进驻事项100%委托受理 (indicator 实现进驻事项委托受理) and 并100%委托中心
    受理; leaves 增长10%以上 (nothing after it) and 10%的部分 (的: share_of, parameter).
    """
    w, q, f = reader.words, c.quantity, reader.folded
    if c.closes or q.unit != "%" or (c.next_char and c.next_char in w.of):
        return None
    pos = c.suffix_end
    if not ("\u4e00" <= c.next_char <= "\u9fff"):
        return None  # a verb or its adverb follows the percentage straight away
    o_end = object_end(f, pos, c.clause[1], reader.starts)
    if o_end is None:
        return None
    found = c.draft
    subject = compact(reader.source[c.prefix.start : c.prefix.end])
    found.indicator = subject + compact(reader.source[pos:o_end])
    found.end = o_end
    return _take(reader, c, "ratio_before_verb", found, o_end)


def verb_form(reader: Reader, c: Candidate) -> Decision | None:
    """(B) verb quantity object: 创建1条省级高品质步行街 → 创建省级高品质步行街, 1条.

    A list carries its verb on: 培育1个…、2个… gives the second item 培育.  Takes
    至少建成3个示范区 (comparator before the verb); leaves 宿舍为2人间 and 包括北京等8个区域
    (no verb right before the number).
    """
    if c.closes:
        return None
    f, pre, found = reader.folded, c.prefix, c.draft
    v_start, v_end, period = _verb_before(f, pre.start, pre.end)
    mem = reader.memory
    if v_end > v_start:
        verb = compact(reader.source[v_start:v_end])
        if not _explicit(c) and any(verb.endswith(x) for x in reader.words.weak_verbs):
            return _leave("verb_form", "选择1所…: a weak verb with a bare number")
        found.start = v_start
        found.period = found.period or period
        comp = _comparator_ending(reader, pre.start, v_start)  # the verb is found already
        if comp != "." and found.comparator == "=":
            found.comparator = comp  # 至少建成3个…
    elif pre.empty and mem.last_verb and mem.last_verb[0] == c.sentence_start:
        verb = mem.last_verb[1]
        found.period = found.period or mem.last_verb[2]
        found.start = c.quantity.start
    else:
        return _leave("verb_form", "no verb before the number (a noun phrase: 2人间)")
    o_end = object_end(f, c.suffix_end, c.clause[1], reader.starts)
    if o_end is None:
        return _leave("verb_form", "no end of the object within the window")
    obj = compact(reader.source[c.suffix_end : o_end])
    if not obj:
        return _leave("verb_form", "no object after the number")
    mem.last_verb = (c.sentence_start, verb, found.period)
    found.indicator = verb + obj
    found.end = o_end
    found.verb = verb
    return _take(reader, c, "verb_form", found, o_end)


def carried_subject(reader: Reader, c: Candidate) -> Decision | None:
    """A bare quantity after a target of the same sentence shares its indicator.

    Takes 增加值达到1200亿元，年均增长10%以上 → 增加值, +10%, and GDP年均增长6%左右，
    到2025年突破3万亿元 → GDP, >3万亿元; leaves 1200亿元 alone at the start of a sentence.
    """
    pre, out = c.prefix, reader.memory.out
    if not c.closes or not pre.empty or not out or out[-1].kind != "target":
        return None
    prev = out[-1]
    same_sentence = around(reader.sentences, prev.start, reader.start, reader.end)[0]
    if same_sentence != c.sentence_start:
        return None
    # 到2025年突破3万亿元 after GDP年均增长6%: a word of reaching, and the same measure
    # (a level after a change of it, or another value of the same kind).
    reaching = pre.comparator is not None and (
        prev.target_kind != "level" or _dimension(prev) == _dimension(c.draft)
    )
    if reader.memory.item_end.get(c.clause[0]) or pre.kind != "level" or pre.period or reaching:
        c.draft.indicator = prev.indicator
        return _take(reader, c, "carried_subject", c.draft, c.suffix_end)
    return None


def unclaimed(reader: Reader, c: Candidate) -> Decision | None:
    """No rule took the quantity: it is left out.

    Takes 20万人 standing alone after a full stop; leaves nothing (it always decides).
    """
    return _leave("unclaimed", "no rule reads it as a target or a figure")


RULES: tuple[Rule, ...] = (
    in_name_or_aside,
    article_numeral,
    share_of,
    share_of_base,
    parameter,
    eligibility,
    subsidy_condition,
    baseline,
    respectively,
    bare_count,
    listing_count,
    subject_form,
    ratio_before_verb,
    verb_form,
    carried_subject,
    unclaimed,
)


def decide(reader: Reader, c: Candidate) -> Decision:
    """The decision of the first rule that decides (the last one always does)."""
    for rule in RULES:
        decision = rule(reader, c)
        if decision is not None:
            return decision
    raise AssertionError("the last rule always decides")  # pragma: no cover


# -- helpers of the rules ----------------------------------------------------------------


def _split_items(
    folded: str, start: int, end: int, quoted: Mask, seps: str
) -> list[tuple[int, int]]:
    items = split_outside(folded, start, end, seps, SPANS, quoted)
    return [(a, b) for a, b in items if b > a]


_INNER_TAIL = 4  # 分别占比: the words 分别 shares out are few


def _inner_distributive(reader: Reader, start: int, end: int) -> tuple[int, str] | None:
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


def _distribute_lead(
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


def _distribute(source: str, items: list[tuple[int, int]], bodies: tuple[str, ...]) -> list[str]:
    """One indicator per item of a 分别 list: share the tail and the leading word."""
    texts = [compact(source[a:b]) for a, b in items]
    if any(texts[0].endswith(h) for h in words().heads):
        return texts  # every item is complete already
    last = cut(texts[-1], bodies)
    if len(last) < 2:
        return texts
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


def _before_verb(reader: Reader, c: Candidate) -> CompWord:
    """The comparator printed before the verb of the quantity (至少建成3个 → >=), or "."."""
    v_start, v_end, _ = _verb_before(reader.folded, c.prefix.start, c.prefix.end)
    return _comparator_ending(reader, c.prefix.start, v_start) if v_end > v_start else "."


def _comparator_ending(reader: Reader, start: int, end: int) -> CompWord:
    """The comparator word ending at *end*, or "."."""
    n = ends_with(reader.folded, start, end, reader.words.comparators)
    return reader.words.comparators[reader.folded[end - n : end]][0] if n else "."


def _verb_before(f: str, start: int, end: int) -> tuple[int, int, str | None]:
    """The verb phrase ending at *end* (重点引进和培养): (start, end, period)."""
    w = words()
    pos = end
    if pos - 1 >= start and f[pos - 1] in w.partners and ends_with(f, start, pos - 1, w.verbs):
        pos -= 1  # 加强与1000家企业…
    n = ends_with(f, start, pos, w.areas)
    if n and ends_with(f, start, pos - n, w.verbs):
        pos -= n  # 推动全省100家企业…
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


def _lead_verb(text: str) -> str:
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
