"""Numeric targets: indicator, comparator, value, unit, kind, year.

The reader walks a node's quantities in order.  For each it builds a
Candidate (reader) from the context (context) and asks the rules of
``rules.CHAIN`` in order; the first that decides wins.  Every decision is kept in the
reading's trace, so ``policyparse --explain`` and the tests can name the rule
behind each target, figure and skipped quantity.

A quantity in a clause with a parameter cue (补助, 上限, 每月 …) is a
parameter; one governed by a past year or a cue such as 截至 is a baseline;
both are kept apart as figures.  Anything else (7号线, 2人间, 等8个区域) is
not recorded.  Words live in the lexicon (extract/*.tsv).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from ... import lexicon
from ...ruler import Step
from ..quantities import Budget, find
from .phrases import YearPhrase
from .reader import Found, Reader, closing_year, ending_year
from .rules import CHAIN, RULES

__all__ = ["CHAIN", "RULES", "Found", "YearPhrase", "closing_year", "ending_year", "read"]


def read(
    source: str,
    folded: str,
    start: int,
    end: int,
    doc_year: int | None,
    body_start: int | None = None,
    bodies: tuple[str, ...] = (),
    conditions_at: int | None = None,
    trace: list[Step] | None = None,
    inherited: YearPhrase | None = None,
    budget: Budget | None = None,
    worded: list[tuple[int, int]] | None = None,
) -> list[Found]:
    """Targets and figures of the quantities stated in [start, end), in text order.

    *doc_year* tells a past year (a baseline) from a deadline; *body_start* is
    where the body begins after a run-in title, since a year phrase there
    governs the whole paragraph; *bodies* are the names of bodies the
    tokenizer keeps whole when it splits a 分别 list; from *conditions_at* on, the
    text states eligibility conditions or award standards (conditions_from);
    *inherited* is the year phrase of the goals paragraph the node stands under
    (closing_year of a node above), governing until the node's own phrases.
    *trace* gets one step per quantity (the rule that decided it) and, for each
    record, the rules that gave its comparator and its year.  Quantities are read
    within *budget* (extract.stages keeps one per document).  *worded* are the cells
    of indicator tables that state their goal in words (a response time there is the
    indicator's value, elsewhere a rule of procedure).
    """
    quantities = find(source, folded, start, end, budget)
    if not quantities:
        return []
    reader = Reader(source, folded, start, end, doc_year, body_start, bodies, quantities, inherited)
    reader.conditions_at = conditions_at
    reader.worded = worded or []
    out = reader.memory.out
    steps: list[Step] | None = [] if trace is not None else None
    i = 0
    while i < len(quantities):
        before = len(out)
        decision = CHAIN.decide(reader, reader.candidate(i), steps)
        assert decision is not None  # unclaimed always decides
        for f in out[before:]:
            f.rule = decision.rule
        i += len(decision.spans) or 1
    year_lists(out)
    if trace is not None and steps is not None:
        _trace_fields(steps, out)
        trace.extend(steps)
    return out


def _trace_fields(steps: list[Step], found: list[Found]) -> None:
    """After each quantity's step, the steps of its records' comparator and year."""
    by_start: dict[int, list[Found]] = {}
    for f in found:
        by_start.setdefault(f.q_start, []).append(f)
    out: list[Step] = []
    for step in steps:
        out.append(step)
        for f in by_start.pop(step.start, ()):
            rule, why = f.comparator_by
            out.append(Step("comparator", rule, step.start, step.end, f.comparator, why))
            year = str(f.year) if f.year is not None else "none"
            out.append(Step("year", f.year_by[0], step.start, step.end, year, f.year_by[1]))
    steps[:] = out


@cache
def _condition_words() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.column("extract/condition_headings")))


def conditions_from(folded: str, start: int, end: int, inherited: bool) -> int | None:
    """Where a node's text starts stating conditions or award standards, if it does.

    The whole node, when it or a node above it is headed so (二、申报条件与奖励标准,
    （二）奖励标准：); else the text after a lead-in with such a word and its colon
    (对应门槛如下：住宿和餐饮业年度营业额200万元以上，…).  Leaves 到2025年，新增就业
    20万人 (no such word).
    """
    if inherited:
        return start
    m = _condition_words().search(folded, start, end)
    if m is None:
        return None
    colon = folded.find(":", m.end(), end)
    if colon == -1 or "。" in folded[m.end() : colon]:
        return None
    return colon + 1


def heads_conditions(folded: str, title: tuple[int, int] | None, start: int, end: int) -> bool:
    """Whether a node's title, or its text up to a closing colon, names conditions."""
    if title is not None and _condition_words().search(folded, title[0], title[1]):
        return True
    text = folded[start:end].rstrip()
    return text.endswith(":") and _condition_words().search(text) is not None


_YEAR = re.compile(r"(?:19|20)\d{2}")
_LIST_GAP = frozenset({"、", ",", "，", "年、", "年,", "年，"})


def year_lists(found: list[Found]) -> None:
    """A list of years before a list of as many targets gives one year to each, in order.

    2025年、2026年、2027年分别建成换电站10座、20座、30座 → 10 by 2025, 20 by 2026,
    30 by 2027.  Leaves 2024、2025年计划完成130万千瓦 (one target: the last year holds)
    and 2025年至2027年 (a span, not a list).
    """
    i = 0
    while i < len(found):
        j = i
        deadline = found[i].deadline
        while j < len(found) and found[j].kind == "target" and found[j].deadline == deadline:
            j += 1
        if deadline and j - i > 1:
            years = list(_YEAR.finditer(deadline))
            gaps = {deadline[a.end() : b.start()] for a, b in pairwise(years)}
            if len(years) == j - i and gaps <= _LIST_GAP:
                for f, y in zip(found[i:j], years, strict=True):
                    f.year = int(y.group())
                    f.year_by = ("year_list", "a list of years, one to each target in order")
        i = max(j, i + 1)
