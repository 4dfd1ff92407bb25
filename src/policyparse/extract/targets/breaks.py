"""Where a node's text breaks: its clauses and sentences, the spans inside names and
quoted statements, and where the object after a quantity ends.

The target reader (targets.reader) cuts a node's text once with these and then reads
each quantity in its clause and sentence; breaks inside a bracket or a quote are none.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from ... import lexicon
from ...text.brackets import BREAKING, SPANS, quoted_spans
from ...text.fold import is_han
from .context import CLAUSE_BREAK, SENTENCE_BREAK, WINDOW, words

_STOP = "."  # ． folded: a full stop where it closes words (增长10%. 科技局), not in 1.5 or 1.
_BREAK_CHARS = re.compile(
    "[" + re.escape(BREAKING.opens + BREAKING.closes + SENTENCE_BREAK + CLAUSE_BREAK + _STOP) + "]"
)


class Mask:
    """Which offsets of [start, end) lie inside any of some spans, in O(1) per query."""

    def __init__(self, start: int, end: int, spans: list[tuple[int, int]]) -> None:
        self.start = start
        self.flags = bytearray(end - start)
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        for a, b in merged:
            self.flags[a - start : b - start] = b"\x01" * (b - a)

    def __contains__(self, pos: object) -> bool:
        if not isinstance(pos, int) or not self.start <= pos < self.start + len(self.flags):
            return False
        return bool(self.flags[pos - self.start])


def names_and_statements(
    folded: str, start: int, end: int
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Quoted spans split into names and statements: a quote holding a clause break, or a
    word of comparison right before a number (提出“每万人口发明专利拥有量达到100件”“…新增
    不少于1万件”: goals quoted one by one).  “两个100%”, “十百千”工程 stay names."""
    names: list[tuple[int, int]] = []
    statements: list[tuple[int, int]] = []
    for a, b in quoted_spans(folded, start, end):
        is_statement = any(ch in ",;。!?" for ch in folded[a:b]) or _compares(folded, a, b)
        (statements if is_statement else names).append((a, b))
    return names, statements


def _compares(folded: str, start: int, end: int) -> bool:
    """Whether a word of comparison of two characters or more stands right before a digit
    in [start, end) (达到100件, 不少于1万件; not 超5 alone, which may name a class)."""
    return any(
        m.end() < end and folded[m.end()].isdigit()
        for m in _comparison().finditer(folded, start, end)
    )


@cache
def _comparison() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(tuple(w for w in words().comparators if len(w) >= 2)))


def boundaries(
    folded: str, start: int, end: int, statements: list[tuple[int, int]]
) -> tuple[list[int], list[int]]:
    """Offsets of clause and sentence breaks outside brackets.

    Quotes are not brackets here: a quoted name holds no break, and a quoted
    statement (实现“…达到2000名左右，…”的目标) is read clause by clause, its
    quote marks breaking clauses too.
    """
    clauses: list[int] = []
    sentences: list[int] = []
    edges = {a for a, _ in statements} | {b - 1 for _, b in statements}
    depth = 0
    for m in _BREAK_CHARS.finditer(folded, start, end):
        i, ch = m.start(), m.group()
        if i in edges:
            clauses.append(i)
        elif ch in BREAKING.opens:
            depth += 1
        elif ch in BREAKING.closes:
            depth = max(0, depth - 1)
        elif ch in SENTENCE_BREAK or (ch == _STOP and _full_stop(folded, i, start, end)):
            sentences.append(i)
            clauses.append(i)
            depth = 0 if ch == "\n" else depth
        elif depth == 0 and ch in CLAUSE_BREAK:
            if ch == "," and _thousands(folded, i, end):
                continue  # 1,000 and 1，000 are one number
            clauses.append(i)
    _add_edges(clauses, edges, start, end)
    return clauses, sentences


def _full_stop(folded: str, i: int, start: int, end: int) -> bool:
    """A ``.`` that ends a sentence as 。 does (a text that printed ．): after a character
    that is neither a digit nor a Latin letter, before a space, a line break, a break
    (a table's cell border), a Han character or the end.  Leaves 1.5, the label 1., 3.2.1
    and abbreviations (e.g.)."""
    before = folded[i - 1] if i > start else ""
    after = folded[i + 1] if i + 1 < end else ""
    if not before or (before.isascii() and before.isalnum()):
        return False
    return not after or after in " \n" + CLAUSE_BREAK or is_han(after)


def _add_edges(clauses: list[int], edges: set[int], start: int, end: int) -> None:
    """A quote mark is not among the break characters: add each edge of a quoted
    statement as a clause break, once."""
    for edge in edges:
        if start <= edge < end and edge not in clauses:
            bisect.insort(clauses, edge)


def _thousands(folded: str, i: int, end: int) -> bool:
    """Whether the comma at *i* separates thousands inside a number."""
    if i == 0 or not folded[i - 1].isdigit() or i + 4 > end:
        return False
    group = folded[i + 1 : i + 4]
    after = folded[i + 4] if i + 4 < end else ""
    return len(group) == 3 and group.isdigit() and not after.isdigit()


def around(breaks: list[int], pos: int, start: int, end: int) -> tuple[int, int]:
    """The [after previous break, next break) interval holding *pos*."""
    k = bisect.bisect_left(breaks, pos)
    lo = breaks[k - 1] + 1 if k > 0 else start
    hi = breaks[k] if k < len(breaks) else end
    return lo, hi


def object_end(folded: str, pos: int, end: int, starts: set[int]) -> int | None:
    """Where the object after a verb-form quantity ends: a break, or 、/和 before another quantity.

    None if no break comes within the window: a run that long is no object.
    """
    depth = 0
    stop = min(end, pos + WINDOW)
    joins = words().list_joins
    for i in range(pos, stop):
        ch = folded[i]
        if ch in SPANS.opens:
            depth += 1
        elif ch in SPANS.closes:
            depth = max(0, depth - 1)
        elif depth == 0 and (
            ch in CLAUSE_BREAK + SENTENCE_BREAK or (ch in joins and i + 1 in starts)
        ):
            return i
    return end if stop == end else None
