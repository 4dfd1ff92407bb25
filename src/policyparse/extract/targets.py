"""Numeric targets: indicator, comparator, value, unit, kind, year.

The reader walks a node's quantities in order.  For each it builds a
Candidate (target_rules) from the context (target_context) and asks the
rules in order; the first that decides wins.  Every decision is kept in the
reading's trace, so ``policyparse --explain`` and the tests can name the rule
behind each target, figure and skipped quantity.

A quantity in a clause with a parameter cue (补助, 上限, 每月 …) is a
parameter; one governed by a past year or a cue such as 截至 is a baseline;
both are kept apart as figures.  Anything else (7号线, 2人间, 等8个区域) is
not recorded.  Words live in the lexicon (extract/*.tsv).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from .. import lexicon
from .quantities import find
from .target_rules import RULES, Found, Reader

__all__ = ["RULES", "Found", "Reading", "Step", "read"]


class Step(NamedTuple):
    """One quantity of the trace: where it is, what became of it, and which rule decided."""

    start: int
    end: int
    outcome: str  # target, parameter, baseline or skipped
    rule: str
    why: str = ""


@dataclass(slots=True)
class Reading:
    """What reading one node's text gave: its targets and figures, and the trace."""

    found: list[Found] = field(default_factory=list)
    trace: list[Step] = field(default_factory=list)


def read(
    source: str,
    folded: str,
    start: int,
    end: int,
    doc_year: int | None,
    body_start: int | None = None,
    bodies: tuple[str, ...] = (),
    conditions_at: int | None = None,
) -> Reading:
    """Targets, figures and the trace of the quantities stated in [start, end).

    *doc_year* tells a past year (a baseline) from a deadline; *body_start* is
    where the body begins after a run-in title, since a year phrase there
    governs the whole paragraph; *bodies* are the names of bodies the
    tokenizer keeps whole when it splits a 分别 list; from *conditions_at* on, the
    text states eligibility conditions or award standards (conditions_from).
    """
    quantities = find(source, folded, start, end)
    if not quantities:
        return Reading()
    reader = Reader(source, folded, start, end, doc_year, body_start, bodies, quantities)
    reader.conditions_at = conditions_at
    reading = Reading(reader.memory.out)
    qs = reader.quantities
    i = 0
    while i < len(qs):
        c = reader.candidate(i)
        for rule in RULES:  # the first rule that decides wins; the last always does
            decision = rule(reader, c)
            if decision is not None:
                break
        else:  # pragma: no cover
            raise AssertionError("the last rule always decides")
        for k in range(decision.consumed):
            q = qs[i + k]
            reading.trace.append(
                Step(q.start, q.end, decision.outcome, decision.rule, decision.why)
            )
        i += decision.consumed
    year_lists(reading.found)
    return reading


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
        i = max(j, i + 1)
