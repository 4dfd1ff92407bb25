"""The state the target rules read: a node's quantities in context, one candidate at a time.

Each quantity with a unit (extract.quantities) becomes a ``Candidate``: the
quantity with its clause, sentence, suffix, prefix and governing year phrase,
and the draft record a taking rule starts from, its comparator and year
already decided by the field chains (fields).  What earlier quantities of the
same node leave for later ones (where the last item of a clause ended, the
verb a list carries on) is one explicit ``Memory``, changed only by the edits
of the rules' decisions.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ...layout.markers import match_marker
from ...text.brackets import round_spans
from ...text.fold import compact, is_han
from ...vocab import Comparator, QuantityKind, TargetKind
from ..quantities import Quantity
from .breaks import Mask, around, boundaries, names_and_statements
from .context import (
    WINDOW,
    Prefix,
    Words,
    inner_period,
    read_prefix,
    sentence_period,
    suffix_pattern,
    words,
)
from .fields import Cues, base_comparator, decide_comparator, decide_year
from .phrases import YearPhrase, governing, phrase_year, year_phrases

Field = tuple[str, str]  # the rule that decided a field, and why


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
    # Not in the output: the verb phrase a list carries to its next item, the rule,
    # and the rules that decided the comparator and the year (for the trace).
    verb: str = ""
    rule: str = ""
    comparator_by: Field = ("", "")
    year_by: Field = ("", "")
    q_start: int = -1  # where its number starts (a trace step's place)
    # An indicator table's row: the base-year figure and year, and 约束性 (True) / 预期性.
    baseline_value: Decimal | None = None
    baseline_year: int | None = None
    binding: bool | None = None
    # An indicator table's row that names who answers for it (考核责任单位, or the body
    # a row of assigned targets is): that cell, whose units own the target, not the node's.
    owner_cell: tuple[int, int] | None = None
    row_owners: list[tuple[str, str]] = field(default_factory=list)  # that cell's (role, name)

    def copy(self) -> Found:
        """A copy a taking rule completes: the candidate's draft stays as the rules found it.

        (By hand: ``dataclasses.replace`` costs twice as much, and every target is one.)
        """
        return Found(
            self.kind,
            self.start,
            self.end,
            self.value,
            self.value_max,
            self.unit,
            self.base_value,
            self.base_unit,
            self.comparator,
            self.target_kind,
            self.indicator,
            self.year,
            self.deadline,
            self.period,
            self.verb,
            self.rule,
            self.comparator_by,
            self.year_by,
            self.q_start,
        )


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
    # The comparator before a base the percentage is a share of (不低于 in 不低于总数的15%).
    base: re.Match[str] | None = None
    # The (A) reading, computed once when a rule first asks: subject, verb, inherited.
    subject_reading: tuple[str, str, Found | None] | None = None


@dataclass(slots=True)
class Memory:
    """What reading a node's earlier quantities leaves for the later ones.

    Only the edits of a decision change it (``record``, ``carry_verb``).
    """

    # Clause start → where its last item read ends: the next item starts there.
    item_end: dict[int, int] = field(default_factory=dict)
    # The last verb-form target: its sentence start, verb phrase and period.
    last_verb: tuple[int, str, str | None] | None = None
    out: list[Found] = field(default_factory=list)

    def record(self, found: tuple[Found, ...], clause: int, end: int) -> None:
        """Edit: the records a rule took; the clause's next item starts at *end*."""
        self.out.extend(found)
        self.item_end[clause] = end

    def carry_verb(self, sentence: int, verb: str, period: str | None) -> None:
        """Edit: a verb-form target's verb carries to the bare items after it."""
        self.last_verb = (sentence, verb, period)


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
        inherited: YearPhrase | None = None,
    ) -> None:
        self.source, self.folded, self.start, self.end = source, folded, start, end
        self.doc_year = doc_year
        self.body_start = body_start  # after a run-in title (促进就业。…): the body opens
        self.bodies = bodies
        self.conditions_at: int | None = None  # from here on, the text states conditions
        self.worded: list[tuple[int, int]] = []  # indicator table cells in words
        self.words: Words = words()
        self.memory = Memory()
        self.quantities = quantities
        names, statements = names_and_statements(folded, start, end)
        self.names = Mask(start, end, names)
        self._names = names  # in order: 实现甲率、乙率“两个100%” (rule quoted_share)
        self._name_starts = [a for a, _ in names]
        self.clauses, self.sentences = boundaries(folded, start, end, statements)
        self.asides = Mask(start, end, round_spans(folded, start, end))
        self.years = node_years(folded, start, end, self.sentences, doc_year, body_start)
        if inherited is not None:
            # The year of the goals paragraph above governs until the node's own phrases.
            self.years.insert(0, YearPhrase(start, end, *_phrase_fields(inherited)))
        self.year_starts = [d.pos for d in self.years]
        self.starts = {q.start for q in self.quantities}
        self._ordered = [q.start for q in self.quantities]  # find() gives them in order
        # 10万吨级泊位, 百万千瓦级风电: a quantity naming a size class before a noun (lexicon
        # extract/class_words); 能力达到百万吨级。 closes on it: a level reached, no class.
        self.classes = {q.start for q in self.quantities if self._names_class(q)}

    def name_at(self, pos: int) -> tuple[int, int]:
        """The quoted name holding *pos* (marks included); *pos* lies in self.names."""
        return self._names[bisect.bisect_right(self._name_starts, pos) - 1]

    def next_quantity(self, start: int, end: int) -> Quantity | None:
        """The first quantity starting in [start, end), if any."""
        k = bisect.bisect_left(self._ordered, start)
        if k < len(self._ordered) and self._ordered[k] < end:
            return self.quantities[k]
        return None

    def suffix_of(self, q: Quantity, clause_end: int) -> tuple[str | None, int]:
        """The word right after *q* (以上, 左右) and where the quantity with it ends; the
        currency a sum of money names after its unit is part of it (突破20亿元人民币。:
        lexicon extract/currency_names)."""
        end = q.end
        if self.words.dimensions.get(q.base_unit or "") == "money":
            end += next(
                (len(w) for w in self.words.currencies if self.folded.startswith(w, end)), 0
            )
        m = suffix_pattern().match(self.folded, end, clause_end)
        return (m.group(), m.end()) if m else (None, end)

    def _class_at(self, pos: int) -> int:
        """Length of the class word at *pos* (级 of 10万吨级), or 0."""
        return next((len(w) for w in self.words.classes if self.folded.startswith(w, pos)), 0)

    def _names_class(self, q: Quantity) -> bool:
        """A class word right after the quantity, and a word after the class word."""
        n = self._class_at(q.end)
        return n > 0 and is_han(self.folded[q.end + n : q.end + n + 1])

    def _next_char(self, suffix: str | None, suffix_end: int, clause_end: int) -> str:
        """The character after the quantity and its suffix ("" at the clause's end); a class
        word ending the clause counts as its end (加注能力达到百万吨级。: the order of a level
        reached, not the class of a noun, as in 10万吨级泊位)."""
        if suffix_end >= clause_end:
            return ""
        n = self._class_at(suffix_end) if suffix is None else 0
        if n and suffix_end + n == clause_end:
            return ""
        return self.folded[suffix_end]

    def _closes(self, nxt: str, suffix: str | None, suffix_end: int) -> bool:
        """Whether the quantity ends its item: a break, a bracket, 、 or 和 before a number,
        及 before the rest it covers (348米及其他附属设施: lexicon extract/other_items), 并
        before the next verb (硬化道路10万平方米并安装路灯1000盏)."""
        ands = nxt in self.words.ands
        return (
            not nxt
            or nxt in "、)("
            or nxt in self.words.clause_joins
            or (ands and suffix_end + 1 in self.starts)
            or (ands and self.folded.startswith(self.words.other_items, suffix_end + 1))
            # 改造燃煤机组12台600万千瓦: two quantities, one item (not 1倍以上5倍以下), but
            # not 建设2个10万吨级泊位 (the second names the class of the object)
            or (suffix_end in self.starts and suffix is None and suffix_end not in self.classes)
        )

    def _item_start(self, q: Quantity, c_start: int) -> int:
        """Where the list item holding *q* starts: after the clause's earlier items, a join,
        a run-in list's marker, or the bracket of an aside."""
        f = self.folded
        item_start = self.memory.item_end.get(c_start, c_start)
        if item_start < q.start and f[item_start] in self.words.list_joins:
            item_start += 1
        item_start = max(min(item_start, q.start), q.start - WINDOW)
        if item_start in (c_start, c_start + 1):
            item_start = after_inline_marker(f, item_start, q.start)
        if q.start in self.asides:  # （设施能力达到90万标准箱）: the bracket opens the item
            item_start = max(item_start, f.rfind("(", item_start, q.start) + 1)
        return item_start

    def candidate(self, i: int) -> Candidate:
        """The i-th quantity in its context, with the draft record a rule may take."""
        f = self.folded
        q = self.quantities[i]
        c_start, c_end = around(self.clauses, q.start, self.start, self.end)
        sentence_start, sentence_end = around(self.sentences, q.start, self.start, self.end)
        item_start = self._item_start(q, c_start)
        suffix, suffix_end = self.suffix_of(q, c_end)
        pre = read_prefix(f, item_start, q.start)
        year = governing(self.years, self.year_starts, q.start)
        if year is None and pre.year is not None:  # 完成2025年度13台…: the figure's own year
            y = pre.year
            year = YearPhrase(y.end(), q.end, (y.start(), y.end()), *phrase_year(y, self.doc_year))
        head = None
        if pre.period is None:
            # 每年 opening the sentence, or the clause of a list (，每年举办…、新打造…).
            head = sentence_period(f, sentence_start, q.start) or sentence_period(
                f, c_start, q.start
            )
        if head is not None and not (year is not None and year.phrase[0] >= head[1]):
            pre.period = head[0]  # 每年 opening the sentence, no later year phrase between
        if pre.period is None:
            pre.period = inner_period(f, pre.start, pre.end)  # 学生每周参加…3次以上
        base = base_comparator(f, pre, q.unit)
        draft = record(
            q,
            pre,
            suffix,
            start=pre.start if not pre.empty else q.start,
            end=suffix_end,
            target_kind="increase" if q.doubling else pre.kind,
            year=year,
            deadline=compact(self.source[year.phrase[0] : year.phrase[1]]) if year else None,
            base=base.group() if base else "",
        )
        nxt = self._next_char(suffix, suffix_end, c_end)
        closes = self._closes(nxt, suffix, suffix_end)
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
            base=base,
        )


_OPENING = frozenset("。；;：:，,\n \t\u3000")  # what may stand between a break and its item


def after_inline_marker(folded: str, pos: int, end: int) -> int:
    """Where an item opening with a numbering marker inside a paragraph starts its words.

    A run-in list (今年办好以下实事：（1）新建幼儿园2所。（2）新建公共厕所120座、旅游厕所
    8座) numbers its items inside one paragraph, where the structure stage opens no node;
    the marker is no part of the item's subject, and with it in front the subject's verb
    (新建) is not where a verb is sought, so the later items of its list lost it.  Takes
    （2）, (2), ②, 2., 2、, (二) at the item's start; leaves 2.5万人 (a figure).
    """
    at = pos
    while at < end and folded[at] in _OPENING:
        at += 1
    mk = match_marker(folded, at, end)
    if mk is None or mk.digit_follows or mk.end >= end or not is_han(folded[mk.end]):
        return pos
    return mk.end


def node_years(
    folded: str,
    start: int,
    end: int,
    sentences: list[int],
    doc_year: int | None,
    body_start: int | None,
) -> list[YearPhrase]:
    """The year phrases of a node's text and how far each governs (context.year_phrases)."""
    leads = {_skip_spaces(folded, p, end) for p in (start, body_start) if p is not None}
    leads |= {_skip_spaces(folded, m.end(), end) for m in _NEWLINE.finditer(folded, start, end)}
    return year_phrases(folded, start, end, sentences, leads, doc_year)


def closing_year(
    folded: str,
    start: int,
    end: int,
    doc_year: int | None,
    body_start: int | None,
    past: bool = False,
) -> YearPhrase | None:
    """The year phrase still governing where a node's text ends: the nodes under it inherit it.

    （一）主要目标。到2027年，全市…： gives its items 1. 2. … the year 2027.  Leaves a
    phrase that governs less (…，2025年建成…。 ends with its sentence) and a baseline
    (截至2024年底, a past year): the past is not inherited, but where *past* asks for it
    (a review's heading, 2019年，全省：).
    """
    statements = names_and_statements(folded, start, end)[1]
    sentences = boundaries(folded, start, end, statements)[1]
    years = node_years(folded, start, end, sentences, doc_year, body_start)
    last = governing(years, [d.pos for d in years], end - 1) if end > start else None
    if last is None or last.until < end or (last.baseline and not past):
        return None
    return last


def ending_year(folded: str, start: int, end: int, doc_year: int | None) -> YearPhrase | None:
    """The year phrase governing the last sentence of a paragraph, its full stop aside:
    …，其中提到，到2025年，…功能地位显著增强。 gives 2025 (the phrase governs to the stop);
    None where the last sentence stands under none, or under the past."""
    while end > start and folded[end - 1] in _CLOSING_MARKS:
        end -= 1
    return closing_year(folded, start, end, doc_year, None)


_CLOSING_MARKS = "。.；;!！ \n"  # what may close a paragraph after its last sentence


def _phrase_fields(d: YearPhrase) -> tuple[tuple[int, int], int | None, bool, bool]:
    """What an inherited phrase keeps: where it is printed, its year, baseline and plan."""
    return d.phrase, d.year, d.baseline, d.plan


def _skip_spaces(folded: str, pos: int, end: int) -> int:
    while pos < end and folded[pos] == " ":
        pos += 1
    return pos


def record(
    q: Quantity,
    pre: Prefix,
    suffix: str | None,
    *,
    start: int,
    end: int,
    target_kind: TargetKind,
    year: YearPhrase | None,
    deadline: str | None,
    base: str = "",
) -> Found:
    """A target record of *q*: its value and unit, the comparator and year the field chains give.

    *base* is the comparator word before the base of a share (不超过 in 不超过投资额的5%):
    it caps the value where no other word gives a comparator.
    """
    after = suffix or q.inner or ""
    comp, comparator_by = decide_comparator(
        Cues(
            pre.comparator,
            pre.comparator_word,
            words().after.get(after),
            after,
            q.value_max is not None,
            base,
        )
    )
    year_value, year_by = decide_year(year)
    if deadline and year_by[0] != "no_year":
        year_by = (year_by[0], deadline)  # the phrase itself says why
    return Found(
        kind="target",
        start=start,
        end=end,
        value=q.value,
        value_max=q.value_max,
        unit=q.unit,
        base_value=q.base_value,
        base_unit=q.base_unit,
        comparator=comp,
        target_kind=target_kind,
        year=year_value,
        deadline=deadline,
        period=pre.period,
        comparator_by=comparator_by,
        year_by=year_by,
        q_start=q.start,
    )
