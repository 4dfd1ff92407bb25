"""A node's own deadline: 完成时限：2024年10月, （2024年底前完成）, （持续推进）.

A target's year comes from the year phrase governing its sentence (targets);
this is the date the whole task is due, printed as a field of the
responsibility statement, as a bracket of its own, or as the last clause of a
bracketed statement.  The text is kept as printed; the date is the last day
the text allows (2024年10月 → 2024-10-31, 2024年上半年 → 2024-06-30), or
null for a task with no end (持续推进).  Words live in
lexicon/extract/node_deadlines.tsv.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from functools import cache

from .. import lexicon
from ..text.numerals import cn_to_int

_VALUE_MAX = 30  # a deadline field longer than this is prose, not a date


@dataclass(slots=True)
class Due:
    """Where a node's deadline is printed and what it means."""

    start: int
    end: int
    date: _dt.date | None
    ongoing: bool
    rule: str = ""  # labelled_deadline or bracketed_deadline: the form, for the trace


def _words(role: str) -> str:
    return lexicon.alternation(lexicon.column("extract/node_deadlines", role=role))


@cache
def _parts() -> dict[str, str]:
    return dict(
        (w, month) for w, role, month in lexicon.rows("extract/node_deadlines") if role == "part"
    )


@cache
def _when() -> re.Pattern[str]:
    """One deadline value, whole: 2024年10月, 2024年底前完成, 2025年6月30日前, 持续推进."""
    month = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
    day = r"[12]\d|3[01]|0?[1-9]"
    return re.compile(
        rf" ?(?:(?P<y>(?:19|20)\d{{2}}) ?年(?:(?P<m>{month})月(?:(?P<d>{day})日)?)?"
        # 完成首批: what is done may follow, a word or two.
        rf"(?P<part>{_words('part')})?{_words('before')}?(?:{_words('done')}[\u4e00-\u9fff]{{0,4}}?)?"
        # 2023年10月底前完成并持续推进: a date, then the work goes on.
        rf"(?:{_words('joins')}?{_words('ongoing')})?"
        rf"|(?P<ongoing>{_words('ongoing')})) ?"
    )


@cache
def _labelled() -> re.Pattern[str]:
    return re.compile(rf"{_words('label')}: ?")


_CLOSERS = ",;。)〕】\n"


@cache
def _finals() -> frozenset[str]:
    """Characters a deadline value can end with: a bracket ending otherwise holds none."""
    ends = {w[-1] for w in lexicon.column("extract/node_deadlines") if w}
    return frozenset(ends | set("年月日 "))


def _read(folded: str, start: int, end: int) -> Due | None:
    """The deadline if [start, end) is one deadline value and nothing else."""
    m = _when().fullmatch(folded, start, end)
    if m is None:
        return None
    s, e = start, end
    while s < e and folded[s] == " ":
        s += 1
    while e > s and folded[e - 1] == " ":
        e -= 1
    if m.group("ongoing"):
        return Due(s, e, None, True)
    year = int(m.group("y"))
    month = cn_to_int(m.group("m")) if m.group("m") else None
    part = _parts().get(m.group("part") or "", "")
    if month is None:
        month = 12 if part in ("", "end") else int(part)
    last = calendar.monthrange(year, month)[1]
    day = int(m.group("d")) if m.group("d") else last
    try:
        return Due(s, e, _dt.date(year, month, day), False)
    except ValueError:
        return None


def is_due(folded: str, start: int, end: int) -> bool:
    """Whether [start, end) is one deadline value and nothing else (a clause of a statement)."""
    return _when().fullmatch(folded, start, end) is not None


def find_due(folded: str, start: int, end: int) -> Due | None:
    """The deadline of the node whose own text is [start, end), if it prints one.

    Takes 完成时限：2024年10月 (a labelled field, first wins), （2024年底前完成） and
    （持续推进） (a bracket holding only the deadline), and （市商务局负责，2024年底前完成）
    (the last clause of a bracket); leaves 到2025年，新增就业20万人 (a target's year,
    not the task's) and 完成时限：另行通知 (no date and no ongoing word).
    """
    for m in _labelled().finditer(folded, start, end):
        stop = m.end()
        limit = min(end, m.end() + _VALUE_MAX)
        while stop < limit and folded[stop] not in _CLOSERS:
            stop += 1
        due = _read(folded, m.end(), stop)
        if due is not None:
            due.rule = "labelled_deadline"
            return due
    found: Due | None = None
    finals = _finals()
    pos = folded.find(")", start, end)
    while pos != -1:
        if pos == start or folded[pos - 1] not in finals:
            pos = folded.find(")", pos + 1, end)
            continue
        open_at = max(folded.rfind(ch, max(start, pos - _VALUE_MAX - 1), pos) for ch in "(,")
        if open_at != -1:
            due = _read(folded, open_at + 1, pos)
            if due is not None:
                due.rule = "bracketed_deadline"
                found = due
        pos = folded.find(")", pos + 1, end)
    return found


def cell_due(folded: str, start: int, end: int) -> Due | None:
    """The deadline a table's 完成时限 cell holds, if it is one value (2024年底前, 持续推进)."""
    due = _read(folded, start, end)
    if due is not None:
        due.rule = "table_deadline"
    return due
