"""The frame a sentence stands in: a plan for one year, a section on the past.

Two frames change what the target rules found, after them (their own rules, in the
trace as chain ``frames``):

- ``one_year_plan``: a plan whose title names one year and calls itself a plan for
  it (某市2026年工作要点, 关于2019年…重点工作的通知; lexicon extract/frames): its
  undated commitments are that year's (培育专精特新企业30家 → 2026). A sentence that
  says 年内, 全年 or 年底前 before the figure gives that word as the deadline. The year
  comes from the title, never from the document's date: a plan that names no one
  year (2024—2026年行动方案, a signed date alone) dates nothing.
- ``table_caption``: the rows of a task table whose caption (its annex's title, else the
  caption right above it, else the document's title) names one year and calls the table a
  plan for it (2024年重点工作目标任务分解表): a target of a row with no year of its own
  takes that year, its deadline the row's 完成时限 cell.
- ``subject_year``: a year placed after the subject (全省储能装机2025年达到300万千瓦,
  城市绿道2030年达到800公里) governs its own clause: a target with no year whose
  indicator ends in a year takes it, and the indicator drops it.
- ``past_section``: under a heading that reports the previous period (一、发展基础,
  （一）“十三五”时期取得的成就, 1.电力现状, or any heading naming a plan period over
  before the plan starts: 一、“十三五”期间发展成果 in a 十四五 plan), every quantity is a
  baseline: the section tells where the plan starts from, not what it commits to.
- ``before_horizon``: a target whose year phrase ends before the plan's horizon
  starts (2011至2015年…完成1595亿元, “十二五”期间… in a plan for 2016–2020) reports
  the past, whatever heading it stands under: it is a baseline.
"""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..ruler import Step
from ..text.numerals import CN_NUMERAL_CHARS
from .targets import Found
from .targets.context import plan_periods, words

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_WINDOW = 60  # characters before a figure searched for 年内, back to the sentence's start
_SENTENCE_ENDS = "。;!?\n"


@cache
def _words(kind: str) -> tuple[str, ...]:
    return lexicon.column("extract/frames", kind=kind)


_FUTURE_LOOK = 600  # characters from the top where a text announces its year
_FUTURE_GAP = 12  # characters between the year phrase and its word of the future


def announced_year(folded: str) -> int | None:
    """The year a text with no date speaks of as to come, near its top: a year phrase
    opening a clause, then a word of the future in it (2020年，济南将完成221个…, 2024年，
    全省公路系统计划实施…: lexicon extract/frames, future_mark), so a year before it states
    the past (2019年，新建…163个).  A clause opening with 今年 and a word of the future
    (this_year: 2023年我市共新建幼儿园32所…。今年，市教育局将…) speaks of a year after every
    year opening a clause before it: the year after the latest.  None where no such clause
    stands there (2025年，全市新建…: no word of the future).  A meeting convened for a year
    near the top (召开2020年全省交通运输工作会议: annual_meeting, convene) plans that year."""
    m = _meeting().search(folded, 0, _FUTURE_LOOK) or _announced().search(folded, 0, _FUTURE_LOOK)
    if m:
        return int(m.group(1))
    now = _this_year().search(folded, 0, _FUTURE_LOOK)
    if now is None:
        return None
    before = [int(y) for y in _OPENING_YEAR.findall(folded, 0, now.start())]
    return max(before) + 1 if before else None


_CLAUSE_HEAD = r"(?:^|(?<=[。；;，,：:\n ]))"  # the text's start, or right after a break
# A year opening a clause (。2023年我市…, ，2023年，…), not after 到 or 截至.
_OPENING_YEAR = re.compile(_CLAUSE_HEAD + r"((?:19|20)\d{2})年")


@cache
def _announced() -> re.Pattern[str]:
    marks = lexicon.alternation(_words("future_mark"))
    return re.compile(rf"(?<!\d)((?:19|20)\d{{2}})年[，,][^。；;，,\n]{{0,{_FUTURE_GAP}}}?{marks}")


@cache
def _meeting() -> re.Pattern[str]:
    convene = lexicon.alternation(_words("convene"))
    meeting = lexicon.alternation(_words("annual_meeting"))
    return re.compile(rf"{convene}((?:19|20)\d{{2}})年[^。；;，,\n]{{0,20}}?{meeting}")


@cache
def _this_year() -> re.Pattern[str]:
    now = lexicon.alternation(_words("this_year"))
    marks = lexicon.alternation(_words("future_mark"))
    return re.compile(rf"{_CLAUSE_HEAD}{now}[，,]?[^。；;，,\n]{{0,{_FUTURE_GAP}}}?{marks}")


def plan_year(title: str | None) -> int | None:
    """The year of a plan for one year, from its title; None for any other plan.

    Takes 某市2026年工作要点; leaves 2024—2026年行动方案 (a span) and 十四五规划.
    """
    if not title:
        return None
    years = _YEAR.findall(title)
    if len(set(years)) != 1 or not any(w in title for w in _words("one_year_plan")):
        return None
    return int(years[0])


_BOOK = re.compile(r"《([^《》\n]{4,60})》")


def subject_plan_year(folded: str) -> int | None:
    """The year of a plan for one year that a text with no such title is about: near its
    top, the first title in 《》 is the plan's, and right after it stands the short name the
    text calls it by (近日，某省印发《2025年某省青年就业创业支持计划》（以下简称《计划》）…:
    lexicon extract/frames, subject_name) or a verb of proposing (发布《关于做好2023年…重点
    工作的实施意见》提出，今年的主要目标是：…: extract/proposal_verbs).  A news item on the
    plan then quotes its commitments.  Leaves 印发《2025年工作要点》。 (neither), a later
    title (现将《甲》《2025年乙》印发…。《2025年乙》明确…: the first names no plan so) and a
    《》 naming a span."""
    names = _words("subject_name")
    m = _BOOK.search(folded, 0, _FUTURE_LOOK)  # the first document the text names
    if m is None:
        return None
    after = folded[m.end() : m.end() + 2 + max(map(len, names))]
    if any(w in after for w in names) or after.startswith(words().proposals):
        return plan_year(m.group(1))
    return None


def listed_year(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a list of one year's works opens in [start, end) (after its colon) and that
    year: the sentence before the colon names a plan for one year (2024年民生实事项目分别
    是：…), or refers back (这, 上述) to the sentence before it, in the paragraph above at
    most, that names one (票选出2018年十大民生实事项目。 / 这十大民生实事项目分别是：…).
    Leaves a list whose sentence names no year and refers to none (主要任务分别是：…)."""
    for opener in _words("list_opener"):
        at = folded.find(opener, start, end)
        colon = at + len(opener)
        if at == -1 or folded[colon : colon + 1] not in ":：":
            continue
        begin = max(start, max(folded.rfind(ch, start, at) for ch in _SENTENCE_ENDS) + 1)
        year = plan_year(folded[begin:at])
        if year is None and _refers_back(folded[begin:at]):
            year = plan_year(_sentence_before(folded, begin))
        return (colon + 1, year) if year is not None else None
    return None


def _refers_back(head: str) -> bool:
    """Whether a list's sentence refers to the one before it: by 这 or 上述, or by naming a
    plan for one year again with no year (2021年…办好“十件民生实事”。“十件民生实事”具体为：)."""
    return head.startswith(_words("refers_back")) or (
        not _YEAR.search(head) and any(w in head for w in _words("one_year_plan"))
    )


def _sentence_before(folded: str, pos: int) -> str:
    """The sentence that ends before *pos*, across a paragraph's break."""
    end = pos
    while end > 0 and folded[end - 1] in " \n\t":
        end -= 1
    lo = max(0, end - _WINDOW * 2)
    begin = max(folded.rfind(ch, lo, end - 1) for ch in _SENTENCE_ENDS) + 1
    return folded[max(lo, begin) : end]


def within_year(folded: str, start: int, pos: int) -> str | None:
    """The 年内 / 全年 / 年底前 word of the sentence before *pos*, if one stands there."""
    lo = max(start, pos - _WINDOW)
    cut = max(folded.rfind(ch, lo, pos) for ch in _SENTENCE_ENDS)
    text = folded[max(lo, cut + 1) : pos]
    for w in _words("within_year"):
        at = text.find(w)
        while at != -1:
            if at == 0 or not _COUNTED.match(text[at - 1]):
                return w
            at = text.find(w, at + 1)  # 5年内, 三年内: a span of years, not this year
    return None


_COUNTED = re.compile(rf"[\d{CN_NUMERAL_CHARS}]")


def one_year(
    folded: str, start: int, found: list[Found], year: int, trace: list[Step] | None
) -> None:
    """The undated targets of a plan for one year take its year; 年内 (or 全年, 年底前)
    before the figure is their deadline.

    Takes 培育专精特新企业30家 and 力争年内培育企业30家 in 某市2026年工作要点 (2026, the
    second with deadline 年内); leaves 5年内新增足球场地2万片 (a span of its own) and any
    target with a year of its own.
    """
    for f in found:
        if f.kind != "target" or f.year is not None or f.deadline is not None:
            continue  # a deadline of its own (5年内) is no 年内 of the plan's year
        word = within_year(folded, start, f.q_start if f.q_start >= 0 else f.start)
        f.year, f.deadline = year, word
        why = (
            f"{word} in a plan for {year}"
            if word
            else f"an undated commitment of a plan for {year}"
        )
        f.year_by = ("one_year_plan", why)
        if trace is not None:
            trace.append(Step("frames", "one_year_plan", f.start, f.end, str(year), word or why))


def captioned(found: list[Found], year: int, due: str, trace: list[Step] | None) -> None:
    """Undated targets of a row of a task table captioned as a plan for one year."""
    _dated(found, year, due, ("table_caption", f"a row of a table captioned for {year}"), trace)


def _dated(
    found: list[Found], year: int, due: str, by: tuple[str, str], trace: list[Step] | None
) -> None:
    """The targets with neither a year nor a deadline of their own take *year* and *due*,
    decided by the rule *by* names."""
    for f in found:
        if f.kind != "target" or f.year is not None or f.deadline is not None:
            continue
        f.year, f.deadline = year, due
        f.year_by = by
        if trace is not None:
            trace.append(Step("frames", by[0], f.start, f.end, str(year), due))


def row_deadline(found: list[Found], due: str, trace: list[Step] | None) -> None:
    """Undated targets of a task-table row whose 完成时限 cell names one year (2010年,
    2024年底前) take that year: the row's task is to be done by then, its figures reached.
    Leaves a cell naming no year (长期坚持, 9月底前) or a span of years (2023—2025年)."""
    years = set(_YEAR.findall(due))
    if len(years) != 1:
        return
    year = int(years.pop())
    _dated(found, year, due, ("row_deadline", f"the row's deadline cell names {year}"), trace)


_TRAILING_YEAR = re.compile(r"((?:19|20)\d{2}) ?年$")


@cache
def _placed_year() -> re.Pattern[str]:
    """A place opening the subject, then a year: 我市2004年 (lexicon extract/area_scopes)."""
    places = lexicon.alternation(lexicon.column("extract/area_scopes"))
    return re.compile(rf"(?:{places})((?:19|20)\d{{2}}) ?年")


def subject_year(found: list[Found], trace: list[Step] | None) -> None:
    """全省储能装机2025年达到300万千瓦: the year after the subject is the target's. A year
    after the place opening the subject (我市2004年合同利用外资8.5亿美元) heads its clause
    (targets.phrases): the indicator drops the place and the year."""
    for f in found:
        named = f.indicator or ""
        placed = _placed_year().match(named)
        if placed is not None and f.year == int(placed.group(1)):
            f.indicator = named[placed.end() :]
        if f.kind != "target" or f.year is not None or not f.indicator:
            continue
        m = _TRAILING_YEAR.search(f.indicator)
        if m is None or m.start() == 0:
            continue
        f.year, f.deadline = int(m.group(1)), m.group()
        f.indicator = f.indicator[: m.start()]
        f.year_by = ("subject_year", "the year printed after the subject")
        if trace is not None:
            trace.append(Step("frames", "subject_year", f.start, f.end, str(f.year), m.group()))


def past_heading(title: str | None, first: int | None = None) -> bool:
    """Whether a heading reports the previous period: 发展基础, …取得的成就, 电力现状, or
    one naming a plan period that ended before the plan's first year *first*
    (“十三五”期间发展成果 in a plan for 2021–2025; lexicon extract/plan_periods)."""
    if title is None:
        return False
    if title.endswith(_words("past_heading")):
        return True
    return first is not None and any(
        word in title and year < first for word, year in plan_periods().items()
    )


def past(found: list[Found], trace: list[Step] | None) -> None:
    """Under a heading on the past, targets are baselines."""
    for f in found:
        if f.kind == "target" and f.rule not in ("indicator_table", "task_figure"):
            f.kind = "baseline"
            if trace is not None:
                why = "a section reporting the previous period"
                trace.append(Step("frames", "past_section", f.start, f.end, "baseline", why))


def first_year(horizon: dict[str, object] | None, dated: int | None) -> int | None:
    """The first year a plan can commit to: its horizon's start, or the year it was
    signed if that comes earlier (a 2024—2026 plan signed in 2023 may set 2023年底前)."""
    start = horizon.get("start") if horizon else None
    if not isinstance(start, int):
        return None
    return min(start, dated) if dated is not None else start


def before_horizon(found: list[Found], first: int, trace: list[Step] | None) -> None:
    """A target due before the plan's first year reports the past: a baseline.

    Takes ``“十二五”期间，完成生产线改造394条`` in a plan for 2016–2020 (year 2015), and
    a table's “十四五”目标值 column in a plan for 2026–2030 (the last plan's targets);
    leaves ``到2020年，…达到95%`` there, and every target with no year.
    """
    for f in found:
        if f.kind != "target" or f.year is None or f.year >= first:
            continue
        f.kind = "baseline"
        if trace is not None:
            why = f"its year {f.year} is before the plan's first year {first}"
            trace.append(Step("frames", "before_horizon", f.start, f.end, "baseline", why))
