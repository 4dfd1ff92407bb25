"""What surrounds a quantity: the words before it, its clause, its year phrase.

The target rules (targets.rules) decide from these readings; this module only
reads.  Every word comes from the lexicon (extract/comparators,
deadline_words, indicator_adverbs …); the patterns are built from it once.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from typing import Literal, cast

from ... import lexicon
from ...text.numerals import CN_NUMERAL_CHARS, cn_to_int
from ...vocab import Comparator, TargetKind

CLAUSE_BREAK = ",;:"
SENTENCE_BREAK = "。!?\n"
WINDOW = 120  # no indicator, object or cue lies further from its number than this
LOOKBACK = 64  # year phrases looked back over for the one that governs
_SMALL_CN = "一二三四五六七八九十"

# A comparator word's reading: "." where the word says nothing of that part.
CompWord = Comparator | Literal["."]
KindWord = TargetKind | Literal["."]


@dataclass(slots=True)
class Words:
    """The lexicon as the target rules use it, built once."""

    comparators: dict[str, tuple[CompWord, KindWord]]  # before the number
    after: dict[str, Comparator]  # right after it: 以上, 左右
    adverbs: frozenset[str]
    leads: frozenset[str]
    periods: frozenset[str]
    parameter: re.Pattern[str]
    per_areas: tuple[str, ...]  # 每个县: a minimum spread over areas is no parameter
    span_marks: tuple[str, ...]  # 每 before 5公里 in 每5公里1个: the span a rate counts over
    minimums: frozenset[str]  # 至少有: a minimum standing for the verb before a count
    baseline: re.Pattern[str]
    openers: re.Pattern[str]  # 对于, 凡: a sentence that says who a subsidy is for
    areas: frozenset[str]  # 全省, 全市: between a verb and its number
    actors: frozenset[str]  # 全市, 年内, 各区: before the verb of a list's first item
    sizes: frozenset[str]  # 总规模: the size of a fund, before its amount
    budgets: frozenset[str]  # 资金, 经费: a share of them is spent, no group acting
    copulas: frozenset[str]  # 为, 是: after a percentage, a definition follows
    verbs: frozenset[str]
    weak_verbs: frozenset[str]  # 选择: a commitment only with 左右, 以上 … by the number
    any_verb: re.Pattern[str]
    verb_adverbs: frozenset[str]
    commitments: tuple[str, ...]  # 确保, 力争: an item opening so states a goal
    topic_marks: tuple[str, ...]  # 要, 应: after a sentence's topic (汽车工业要…)
    report_marks: tuple[str, ...]  # 超额完成: a sentence reporting its task done
    done_openers: tuple[str, ...]  # 已: a sentence opening so reports what is done
    brings: tuple[str, ...]  # 推动, 完成: before a count whose objects reach a state
    onsets: tuple[str, ...]  # 投产, 落地: the state, closing the clause
    within_year: tuple[str, ...]  # 全年, 年内: the plan's year, between a verb and its number
    heads: tuple[str, ...]
    listing: tuple[str, ...]
    open_list: tuple[str, ...]  # 等: the list before a count goes on
    own_items: tuple[str, ...]  # 推进举措: a count of them counts the plan's own measures
    fields: tuple[str, ...]  # 领域: 培育新材料领域80家 (the field a count is taken in)
    classes: tuple[str, ...]  # 级: 10万吨级泊位 (the quantity names a size class)
    currencies: tuple[str, ...]  # 人民币: 20亿元人民币 (the currency after a sum's unit)
    frame_opens: tuple[str, ...]  # 在: opens 在…基础上, the base a goal builds on
    efforts: tuple[str, ...]  # 努力下: a word of commitment that thanks the effort made
    proposals: tuple[str, ...]  # 提出: 《规划》提出到2025年 (a year phrase right after it)
    frame_ends: tuple[str, ...]  # 基础上: closes it
    goal_nouns: tuple[str, ...]  # 目标任务: a subject that names the goal (…目标任务131吨)
    meets: tuple[str, ...]  # 达到: …50平方公里达到…要求 (the size of what meets a standard)
    standards: tuple[str, ...]  # 要求, 标准: the end of that clause
    place_levels: tuple[str, ...]  # 区, 县: 浦东、宝山等区16个… (the examples' level)
    prepositions: frozenset[str]  # 在, 对: 在100个县开展试点 (the verb follows the counted noun)
    part_leads: tuple[str, ...]  # 其中: a part of the total before it (…，其中企业3518户)
    other_items: tuple[str, ...]  # 其他, 配套: after 及, the rest a commitment covers
    opening_prepositions: frozenset[str]  # 为: a preposition only where it opens its item
    place_prepositions: frozenset[str]  # 在: the place the verb after it acts in
    stative: frozenset[str]  # 包括, 具有: a dictionary verb that commits to nothing
    distributive: frozenset[str]  # 分别, 均: one quantity to each item of a list
    thresholds: frozenset[str]  # 及以上: the quantity is an eligibility threshold
    ands: str  # 和, 及
    list_joins: str  # 、 and the ands: what joins the items of a list
    verb_joins: str  # the list joins and 并: what joins the verbs of a verb phrase
    clause_joins: str  # 并: joins verbs only, so a quantity before it ends its item
    partners: str  # 与, 同, 向: between a verb and its partner
    destinations: str  # 至: between a verb and where it reaches (开通至周边机场2条航线)
    of: str  # 的: ties a quantity to the noun it describes
    alternatives: str  # 或: what joins alternatives (a list of targets joins with 、 and 和)
    share: str  # 占: names the whole a share is of (X占Y的80%)
    as_of: frozenset[str]  # 截至: a year phrase that states the present
    since: frozenset[str]  # 起: a year phrase that states a start (2024年起)
    existing: frozenset[str]  # 现有: after a verb, what it acts on, not the present state
    elapsed: frozenset[str]  # 了: after a verb, what was done (开展了试点)
    extent_cues: tuple[str, ...]  # 东至, 位于: a sentence that says where a place lies
    score: re.Pattern[str]  # 得3分: a clause that awards points for what came before
    present_openers: tuple[str, ...]  # 目前: a sentence opening so reports the present
    review_openers: tuple[str, ...]  # 去年: a clause opening so turns the text to the past
    review_ends: tuple[str, ...]  # 今年, 将: a word that turns it to what is to come
    dimensions: dict[str, str]  # unit → what it measures (count, money, ratio …)
    person_units: tuple[str, ...]  # 名, 人: units that count people
    recipients: tuple[str, ...]  # 户, 人: units that count those a payment reaches
    states: frozenset[str]  # 多达: a comparison word that states the situation
    objects: frozenset[str]  # 座, 辆: measure words of things one counts even when one
    programme_heads: tuple[str, ...]  # 行动, 项目: the head of a programme's name


def _score_pattern() -> re.Pattern[str]:
    """A verb of scoring, a number and the word for points (得3分, 扣两分)."""
    verbs = lexicon.alternation(lexicon.column("extract/score_marks", role="verb"))
    units = lexicon.alternation(lexicon.column("extract/score_marks", role="unit"))
    return re.compile(f"\\s*(?:{verbs})[0-9.{CN_NUMERAL_CHARS}]+(?:{units})")


def _alternation(words: Collection[str]) -> re.Pattern[str]:
    return re.compile(lexicon.alternation(tuple(words)))


def _cues(words: Collection[str], terms: str) -> re.Pattern[str]:
    """Cue words, except where a term of the lexicon table *terms* starts with one
    (限额 is a cap, 限额以上 a class of trade)."""
    exempt = lexicon.alternation(lexicon.column(terms))
    return re.compile(f"(?!{exempt})(?:{lexicon.alternation(tuple(words))})")


def _connectors(role: str) -> str:
    """Connector characters of a role (each one character long: test_lexicon checks)."""
    return "".join(lexicon.column("extract/connectors", role=role))


@cache
def words() -> Words:
    before: dict[str, tuple[CompWord, KindWord]] = {}
    after: dict[str, Comparator] = {}
    for word, comp, kind, where, _ in lexicon.rows("extract/comparators"):
        if where == "before":
            before[word] = (cast(CompWord, comp), cast(KindWord, kind))
        else:  # after the number, or inside it (7000余个): read alike
            after[word] = cast(Comparator, comp)
    ands = _connectors("and")
    return Words(
        comparators=before,
        after=after,
        adverbs=lexicon.words("extract/indicator_adverbs"),
        leads=lexicon.words("extract/indicator_leads"),
        periods=lexicon.words("extract/period_words"),
        parameter=_cues(lexicon.column("extract/parameter_cues"), "extract/parameter_terms"),
        per_areas=lexicon.column("extract/per_areas"),
        span_marks=lexicon.column("extract/span_marks"),
        minimums=lexicon.words("extract/minimum_words"),
        baseline=_alternation(lexicon.column("extract/baseline_cues")),
        openers=_alternation(lexicon.column("extract/condition_openers")),
        areas=lexicon.words("extract/area_scopes"),
        actors=lexicon.words("extract/area_scopes") | lexicon.words("extract/actor_leads"),
        sizes=lexicon.words("extract/size_words"),
        budgets=lexicon.words("extract/budget_words"),
        copulas=lexicon.words("extract/copulas"),
        verbs=lexicon.words("extract/action_verbs")
        | lexicon.words("extract/weak_verbs")
        | lexicon.words("extract/verb_prepositions"),
        weak_verbs=lexicon.words("extract/weak_verbs"),
        any_verb=_alternation(
            lexicon.column("extract/action_verbs") + lexicon.column("extract/weak_verbs")
        ),
        verb_adverbs=lexicon.words("extract/verb_adverbs"),
        commitments=tuple(lexicon.column("extract/commitment_leads")),
        topic_marks=tuple(lexicon.longest_first(lexicon.column("extract/topic_marks"))),
        report_marks=tuple(lexicon.column("extract/report_marks")),
        done_openers=tuple(lexicon.longest_first(lexicon.column("extract/done_openers"))),
        brings=tuple(lexicon.column("extract/onset_verbs", role="bring")),
        onsets=tuple(lexicon.longest_first(lexicon.column("extract/onset_verbs", role="onset"))),
        within_year=tuple(lexicon.column("extract/frames", kind="within_year")),
        heads=lexicon.column("extract/indicator_heads"),
        person_units=lexicon.column("extract/person_units"),
        recipients=lexicon.column("extract/recipient_units"),
        states=lexicon.words("extract/state_words"),
        objects=lexicon.words("extract/object_units"),
        programme_heads=lexicon.column("extract/programme_heads"),
        listing=lexicon.column("extract/listing_words"),
        open_list=lexicon.column("extract/open_list_words"),
        own_items=lexicon.column("extract/own_items"),
        fields=lexicon.column("extract/field_words"),
        goal_nouns=lexicon.column("extract/goal_nouns"),
        classes=lexicon.column("extract/class_words"),
        currencies=tuple(lexicon.longest_first(lexicon.column("extract/currency_names"))),
        frame_opens=lexicon.column("extract/comparison_bases", role="frame"),
        efforts=lexicon.column("extract/effort_phrases"),
        proposals=lexicon.column("extract/proposal_verbs"),
        frame_ends=lexicon.column("extract/comparison_bases", role="frame_end"),
        meets=lexicon.column("extract/standard_tails", role="verb"),
        standards=lexicon.column("extract/standard_tails", role="end"),
        place_levels=tuple(
            w for w in lexicon.column("extract/place_levels", kind="level") if len(w) == 1
        ),
        prepositions=lexicon.words("extract/prepositions"),
        part_leads=lexicon.column("extract/part_leads"),
        other_items=lexicon.column("extract/other_items"),
        opening_prepositions=lexicon.words("extract/prepositions", where="opening"),
        place_prepositions=lexicon.words("extract/prepositions", opens="place"),
        stative=lexicon.words("extract/stative_verbs"),
        distributive=lexicon.words("extract/indicator_adverbs", distributes="yes"),
        thresholds=lexicon.words("extract/comparators", marks="parameter"),
        ands=ands,
        list_joins="、" + ands,
        verb_joins="、" + ands + _connectors("verbs"),
        clause_joins=_connectors("verbs"),
        partners=_connectors("with"),
        destinations=_connectors("to"),
        of=_connectors("of"),
        alternatives=_connectors("or"),
        share=_connectors("share"),
        as_of=lexicon.words("extract/deadline_words", role="as_of"),
        since=lexicon.words("extract/deadline_words", role="since"),
        existing=lexicon.words("extract/existing_marks"),
        elapsed=lexicon.words("extract/elapsed_marks"),
        extent_cues=lexicon.column("extract/extent_cues"),
        score=_score_pattern(),
        present_openers=lexicon.column("extract/present_openers"),
        review_openers=lexicon.column("extract/review_words", role="opener"),
        review_ends=lexicon.column("extract/review_words", role="end"),
        dimensions=lexicon.mapping("extract/units", "dimension"),
    )


# -- patterns built from the lexicon --------------------------------------------------


def _deadline_words(role: str) -> str:
    return lexicon.alternation(lexicon.column("extract/deadline_words", role=role))


@cache
def suffix_pattern() -> re.Pattern[str]:
    """Words right after a number: 以上, 左右, 及以上 … (lexicon extract/comparators)."""
    return re.compile(lexicon.alternation(lexicon.column("extract/comparators", position="after")))


@cache
def deadline_pattern() -> re.Pattern[str]:
    """Year phrases: 到2025年底, 力争2027年前, 截至2024年, 2024年至2026年, 2022年7月底前, 3年内.

    The lookahead lets the engine pass over most characters at once: every
    phrase opens with one of these, but all of its first parts are optional.
    """
    d = _deadline_words
    openers = {
        w[0]
        for role in ("lead", "by", "as_of")
        for w in lexicon.column("extract/deadline_words", role=role)
    }
    first = "".join(sorted(openers)) + r"\d" + _SMALL_CN + '“"'
    n = rf"(?:\d{{1,2}}|[{_SMALL_CN}]{{1,2}})"
    plan = lexicon.alternation(tuple(plan_periods()))
    # 2025 or 二〇二五: a year in digits or in Chinese digits read one by one.
    y = r"(?:(?:19|20)\d{2}|[一二][〇零○九][〇零○一二三四五六七八九]{2})"
    ands = lexicon.alternation(lexicon.column("extract/connectors", role="and"))
    return re.compile(
        rf"(?=[{first}])"
        rf"(?:(?P<lead>{d('lead')})?(?P<pre>{d('by')}|{d('as_of')})? ?"
        # 2024年至2026年, and 2023-2025年 (年 printed once, after the span's end)
        rf"(?:{y}年?[、,])*(?P<year>{y}) ?(?:年|(?={d('through')}{y}年))"
        rf"(?:{d('through')}(?P<year2>{y})年)?"
        rf"(?:(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?)?"
        rf"(?P<post>{d('part')}){{0,2}}"
        # 2012年起5年内, and 2024年起 alone: a start, not the year a target is due
        rf"(?P<since>{d('since')}(?:{n}{d('within')})?)?{d('before')}?"
        rf"|(?:{d('lead')})?(?P<within>{n}{d('within')})"
        # “十四五”期间, 到“十四五”末, “十四五”和“十五五”期间 (the last holds): a named
        # period, with a word of span or a comma after it.
        rf"|(?:{d('lead')})?(?:{d('by')})?(?:[“\"]?{plan}[”\"]?(?:{ands}|、))*[“\"]?(?P<plan>{plan})[”\"]?"
        rf"(?:{d('period_span')}|(?=,)))"
    )


def _year(text: str) -> int:
    """2025 or 二〇二五 as a number."""
    return int(text) if text.isascii() and text.isdigit() else cn_to_int(text) or 0


@cache
def plan_periods() -> dict[str, int]:
    """Five-year-plan periods and the year each ends (十四五 → 2025)."""
    return {word: int(year) for word, year in lexicon.rows("extract/plan_periods")}


def base_year() -> str:
    """The base year a starting value may print first, optional: 从2020年的7.8%, 由2020年底的
    (lexicon extract/comparison_bases, year_part; extract/connectors, of)."""
    of = lexicon.alternation(lexicon.column("extract/connectors", role="of"))
    return rf"(?:(?:19|20)\d{{2}}年{_bases('year_part')}?{of}?)?"


@cache
def _base_pattern() -> re.Pattern[str]:
    """A comparison base right before the number: 较2023年, 比上年, 较同期; the value a
    change starts from: 由71人, 从平均22个工作日, 从2020年的7.8% (a number within a few
    characters of 由/从 and its base year, then its unit); or the span a rate counts
    over: 每5公里 (每5公里1个)."""
    ws = _bases
    compared = rf"{ws('compare')}(?:(?:19|20)\d{{2}}年{ws('year_part')}?|{ws('base')})"
    started = rf"{ws('start')}{base_year()}[^\d,;:。]{{0,3}}\d+(?:\.\d+)?[^\d,;:。]{{0,6}}"
    # 每5公里 in 密度达到每5公里1个: the span a rate counts over (lexicon extract/span_marks).
    spans = _alternation(lexicon.column("extract/span_marks")).pattern
    span = rf"(?:{spans})\d+(?:\.\d+)?[^\d,;:。]{{1,4}}"
    return re.compile(rf"(?:{compared}|{started}|{span}|{framed_base().pattern})$")


@cache
def framed_base() -> re.Pattern[str]:
    """A base framed by 在…基础上 (在2020年基础上, 在现有基础上) or named after a word of
    comparison (较上年度再降0.5个百分点, 比上年增长10%): what a change is measured from; its
    现有 or 上年 states no present fact of the quantity."""
    base = rf"(?:(?:19|20)\d{{2}}年{_bases('year_part')}?|{_bases('base')})"
    framed = rf"{_bases('frame')}{base}{_bases('frame_end')}"
    return re.compile(rf"{framed}|{_bases('compare')}{_bases('base')}")


def _bases(role: str) -> str:
    """The words of lexicon extract/comparison_bases of one role, as an alternation."""
    return lexicon.alternation(lexicon.column("extract/comparison_bases", role=role))


@cache
def _scope_pattern() -> re.Pattern[str]:
    """A scope phrase opening an item: 全省范围内."""
    scope = lexicon.alternation(lexicon.column("extract/scope_words"))
    return re.compile(rf"[^,;:。]{{1,15}}{scope}")


# -- words at a position -------------------------------------------------------------


def ends_with(folded: str, start: int, end: int, words: Collection[str]) -> int:
    """Length of the longest word of *words* ending at *end*, or 0."""
    for length in range(min(lexicon.MAX_WORD, end - start), 0, -1):
        if folded[end - length : end] in words:
            return length
    return 0


@cache
def _opening(words: frozenset[str]) -> re.Pattern[str]:
    """Longest-first alternation of *words*, for matching at a position in one call."""
    return _alternation(words)


def first_of(folded: str, start: int, end: int, words: frozenset[str]) -> re.Match[str] | None:
    """The first word of *words* in [start, end), the longest one there, or None."""
    return _opening(words).search(folded, start, end)


def starts_with(folded: str, start: int, end: int, words: frozenset[str]) -> int:
    """Length of the longest word of *words* starting at *start*, or 0."""
    m = _opening(words).match(folded, start, end)
    return m.end() - start if m else 0


# -- the words before a quantity -----------------------------------------------------


@dataclass(slots=True)
class Prefix:
    """What stands between the start of an item and its quantity, once words are peeled off.

    [start, end) is what is left: the subject of 新增城镇就业超20万人 is
    新增城镇就业 once 超 (comparator >) is peeled off its end.
    """

    start: int
    end: int
    comparator: Comparator | None = None
    kind: TargetKind = "level"
    period: str | None = None
    adverbs: list[str] = field(default_factory=list)
    comparator_word: str = ""  # the word that gave the comparator (不低于), for the trace
    year: re.Match[str] | None = None  # 完成2025年度13台…: a year phrase right before the number

    @property
    def empty(self) -> bool:
        return self.end <= self.start


Trailing = tuple[Literal["adverb", "period", "comparator"], CompWord, KindWord]


@cache
def _trailing() -> dict[str, Trailing]:
    """Every word that may stand right before a number: what it is, its comparator and kind."""
    w = words()
    table: dict[str, Trailing] = {a: ("adverb", ".", ".") for a in w.adverbs}
    table.update({p: ("period", ".", ".") for p in w.periods})
    table.update({c: ("comparator", comp, kind) for c, (comp, kind) in w.comparators.items()})
    return table


def read_prefix(folded: str, start: int, end: int) -> Prefix:
    """Peel words off both ends of [start, end), the text before a quantity.

    From the start: year phrases without a comma, lead words (其中, 力争), period
    words (年均), a scope (全省范围内).  From the end, the longest first:
    comparators (超, 不低于), adverbs (累计, 分别), periods, a comparison base
    (较2023年).  其中2025年全市累计新增超 → subject 全市, comparator >, adverb 累计.
    """
    pre = Prefix(start, end)
    while pre.start < pre.end and _peel_head(folded, pre):
        pass
    while pre.end > pre.start and _peel_tail(folded, pre):
        pass
    return pre


def _peel_head(folded: str, pre: Prefix) -> bool:
    """Peel one word off the start of the prefix (spaces first); whether one was peeled."""
    while pre.start < pre.end and folded[pre.start] == " ":
        pre.start += 1
    m = deadline_pattern().match(folded, pre.start, pre.end)
    if m and m.end() > pre.start:
        pre.start = m.end()
        return True
    w = words()
    m = _opening(w.leads).match(folded, pre.start, pre.end)
    if m and not (m.end() == pre.end and m.group() in w.prepositions):
        pre.start = m.end()  # 将 right before the number governs it (将100个村纳入…): kept
        return True
    m = _opening(w.periods).match(folded, pre.start, pre.end)
    if m:
        pre.period = m.group()
        pre.start = m.end()
        return True
    m = _scope_pattern().match(folded, pre.start, pre.end)
    if m:
        pre.start = m.end()
        return True
    return False


def _peel_tail(folded: str, pre: Prefix) -> bool:
    """Peel one word off the end of the prefix (spaces first); whether one was peeled."""
    while pre.end > pre.start and folded[pre.end - 1] == " ":
        pre.end -= 1
    trailing = _trailing()
    n = ends_with(folded, pre.start, pre.end, trailing)
    if n:
        word = folded[pre.end - n : pre.end]
        what, comp, kind = trailing[word]
        if what == "comparator":
            if comp != "." and pre.comparator is None:
                pre.comparator = comp
                pre.comparator_word = word
            if kind != ".":
                pre.kind = kind
        elif what == "period":
            pre.period = word
        else:
            pre.adverbs.append(word)
        pre.end -= n
        return True
    m = _base_pattern().search(folded, pre.start, pre.end)
    if m:
        pre.end = m.start()
        return True
    return _peel_year(folded, pre)


def _peel_year(folded: str, pre: Prefix) -> bool:
    """A year phrase between the verb and the number (完成2025年度13台…改造): the year the
    figure is for, no part of the verb phrase; peeled where a verb stands right before it
    (not 省政府2025年10件惠民实事, a year naming the plan whose items are counted)."""
    for m in deadline_pattern().finditer(folded, pre.start, pre.end):
        # 2025年度: the phrase's 年 and what follows it, a unit of time (lexicon time_units)
        if m.end() != pre.end and folded[m.end() - 1 : pre.end] not in _year_units():
            continue
        if not m.group().strip() or not ends_with(folded, pre.start, m.start(), words().verbs):
            continue  # 省政府2025年10件惠民实事: a year naming a plan, no verb before it
        pre.end = m.start()
        pre.year = m
        return True
    return False


@cache
def _year_units() -> frozenset[str]:
    return frozenset(lexicon.column("extract/time_units"))


_ACTOR_MAX = 8  # 0—6岁儿童, 中小学生: who the period's activity is of


def inner_period(folded: str, start: int, end: int) -> str | None:
    """A period word right after the actor that opens the subject (学生每周参加中等强度
    体育活动3次以上 → 每周; 0—6岁儿童每年眼保健和视力检查覆盖率达到90% → 每年): the rate
    is per that period.  Only after a short actor with no verb of its own; else None."""
    m = _inner_periods().search(folded, start, min(end, start + _ACTOR_MAX + 3))
    if m is None or m.start() == start:
        return None
    actor = folded[start : m.start()]
    if words().any_verb.search(actor) or any(ch in actor for ch in ",;:。"):
        return None
    return m.group()


@cache
def _inner_periods() -> re.Pattern[str]:
    return _alternation(words().periods)


def sentence_period(folded: str, start: int, end: int) -> tuple[str, int] | None:
    """A period word opening the sentence (每年遴选20个…，培育100个…), and where it ends.

    It holds for the sentence until a year phrase starts another scope.  Takes 每年 in
    每年滚动实施1000项…，引导推动2000家…; leaves 每年 in the middle of a sentence
    (…，每年发布100个…), which the words right before a number read.
    """
    pos = start
    while pos < end and folded[pos] == " ":
        pos += 1
    m = deadline_pattern().match(folded, pos, end)
    if m and m.end() > pos:
        pos = m.end()
        while pos < end and folded[pos] in ", ":
            pos += 1
    m = _opening(words().periods).match(folded, pos, end)
    return (m.group(), m.end()) if m else None


_STRONGER: dict[tuple[Comparator, Comparator], Comparator] = {(">", ">="): ">", ("<", "<="): "<"}


def comparator(prefix: Comparator | None, suffix: Comparator | None, is_range: bool) -> Comparator:
    """One comparator from the words before and after.

    A range wins, then ~, then the word after the number, but the stronger of two cues
    of one direction holds: 超5个以上 is >, 达到5个以上 is >=.
    """
    if is_range:
        return "range"
    if prefix == "~" or suffix == "~":
        return "~"
    if prefix is not None and suffix is not None and (prefix, suffix) in _STRONGER:
        return _STRONGER[prefix, suffix]
    if suffix:
        return suffix
    return prefix or "="
