"""Numeric targets: indicator, comparator, value, unit, kind, year.

Each quantity with a unit (see quantities) is read in its clause.  It is a
target in one of two shapes:

(A) subject … quantity, the quantity closing its clause or list item:
    新增城镇就业超20万人 → indicator 新增城镇就业, ">", 20, 万人;
(B) verb quantity object: 创建1条省级高品质步行街 → 创建省级高品质步行街, 1, 条.

A quantity in a clause with a parameter cue (补助, 上限, 每月 …) is a
parameter; one governed by a past year or a cue such as 截至 is a baseline;
both are kept apart as figures.  Anything else (7号线, 2人间, 等8个区域) is
not recorded.  Word lists live in data/*.txt.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Container
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from .. import lexicon
from ..text.brackets import split_outside
from ..text.fold import compact
from ..text.tokenizer import cut
from .quantities import Quantity, find

_CLAUSE_BREAK = ",;:"
_SENTENCE_BREAK = "。!?\n"
_OPEN = "(《“〔【[「『‘"
_CLOSE = ")》”〕】]」』’"
_BRACKET_OPEN = "(〔【[「『"
_BRACKET_CLOSE = ")〕】]」』"
_BREAK_CHARS = re.compile(r"[(〔【\[「『)〕】\]」』。!?\n,;:]")
_NEWLINE = re.compile(r"\n")
_ROUND = re.compile(r"[()。!?\n]")
_QUOTES = {"“": "”", "《": "》", "「": "」", "『": "』"}
_SUFFIX = re.compile(r"及以上|及以下|以上|以下|以内|左右|上下")
_DEADLINE = re.compile(
    # The lookahead lets the engine pass over most characters at once: every
    # phrase opens with one of these, but all of its first parts are optional.
    r"(?=[力到至截在\d一二三四五六七八九十])"
    r"(?:(?P<lead>力争)?(?P<pre>到|至|截至|截止到|截止|在)?"
    r"(?:(?:19|20)\d{2}[、,])?(?P<year>(?:19|20)\d{2})年(?:(?:至|到|—|-)(?P<year2>(?:19|20)\d{2})年)?"
    r"(?P<post>底|末|前|内|上半年|下半年|年底)?"
    r"(?P<since>起(?:\d{1,2}|[一二三四五六七八九十]{1,2})年内)?(?:以前|之前)?"
    r"|(?P<within>(?:\d{1,2}|[一二三四五六七八九十]{1,2})年内))"
)
_BASE = re.compile(r"(?:较|比)(?:(?:19|20)\d{2}年(?:底|末)?|上年|去年|同期|基期)$")
_SCOPE = re.compile(r"[^,;:。]{1,15}范围内")
_MAX_WORD = 8
_WINDOW = 120  # no indicator, object or cue lies further from its number than this
_LOOKBACK = 64  # year phrases looked back over for the one that governs
_CONNECTORS = "和、及并"


@dataclass(slots=True)
class Found:
    """A target or a figure, ready for the model."""

    kind: str  # "target", "parameter" or "baseline"
    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    unit: str | None
    base_value: Decimal | None
    base_unit: str | None
    comparator: str = "="
    target_kind: str = "level"
    indicator: str | None = None
    year: int | None = None
    deadline: str | None = None
    period: str | None = None


@dataclass(slots=True)
class _Words:
    comparators: dict[str, tuple[str, str]]  # word -> (comparator, kind), before the number
    after: dict[str, str]
    adverbs: frozenset[str]
    leads: frozenset[str]
    periods: frozenset[str]
    parameter: re.Pattern[str]
    baseline: re.Pattern[str]
    verbs: frozenset[str]
    any_verb: re.Pattern[str]
    verb_adverbs: frozenset[str]
    heads: tuple[str, ...]
    listing: tuple[str, ...]


def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@cache
def _words() -> _Words:
    before: dict[str, tuple[str, str]] = {}
    after: dict[str, str] = {}
    for word, comp, kind, where in lexicon.table("comparators"):
        if where == "before":
            before[word] = (comp, kind)
        else:
            after[word] = comp
    return _Words(
        before,
        after,
        lexicon.words("indicator_adverbs"),
        lexicon.words("indicator_leads"),
        lexicon.words("period_words"),
        _alternation(lexicon.lines("parameter_cues")),
        _alternation(lexicon.lines("baseline_cues")),
        frozenset(lexicon.tokens("action_verbs")),
        _alternation(lexicon.tokens("action_verbs")),
        frozenset(lexicon.tokens("verb_adverbs")),
        lexicon.tokens("indicator_heads"),
        lexicon.lines("listing_words"),
    )


def _ends_with(folded: str, start: int, end: int, words: Collection[str]) -> int:
    """Length of the longest word of *words* ending at *end*, or 0."""
    for length in range(min(_MAX_WORD, end - start), 0, -1):
        if folded[end - length : end] in words:
            return length
    return 0


@cache
def _opening(words: frozenset[str]) -> re.Pattern[str]:
    """Longest-first alternation of *words*, for matching at a position in one call."""
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _starts_with(folded: str, start: int, end: int, words: frozenset[str]) -> int:
    """Length of the longest word of *words* starting at *start*, or 0."""
    m = _opening(words).match(folded, start, end)
    return m.end() - start if m else 0


_QUOTE_CHARS = re.compile("[" + "".join(_QUOTES) + "".join(_QUOTES.values()) + "]")


def _quoted(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside quotes and 《》: what is inside is a name."""
    spans: list[tuple[int, int]] = []
    closer: str | None = None
    opened = 0
    for m in _QUOTE_CHARS.finditer(folded, start, end):
        ch = m.group()
        if closer is None:
            if ch in _QUOTES:
                closer, opened = _QUOTES[ch], m.start()
        elif ch == closer:
            spans.append((opened, m.start() + 1))
            closer = None
    return spans


class _Mask:
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


def _boundaries(
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
        elif ch in _BRACKET_OPEN:
            depth += 1
        elif ch in _BRACKET_CLOSE:
            depth = max(0, depth - 1)
        elif ch in _SENTENCE_BREAK:
            sentences.append(i)
            clauses.append(i)
            depth = 0 if ch == "\n" else depth
        elif depth == 0 and ch in _CLAUSE_BREAK:
            if ch == "," and _thousands(folded, i, end):
                continue  # 1,000 and 1，000 are one number
            clauses.append(i)
    for edge in edges:
        # A quote mark is not among the break characters; add its edge once.
        if start <= edge < end and edge not in clauses:
            bisect.insort(clauses, edge)
    return clauses, sentences


def _thousands(folded: str, i: int, end: int) -> bool:
    """Whether the comma at *i* separates thousands inside a number."""
    if i == 0 or not folded[i - 1].isdigit() or i + 4 > end:
        return False
    group = folded[i + 1 : i + 4]
    after = folded[i + 4] if i + 4 < end else ""
    return len(group) == 3 and group.isdigit() and not after.isdigit()


def _around(breaks: list[int], pos: int, start: int, end: int) -> tuple[int, int]:
    """The [after previous break, next break) interval holding *pos*."""
    k = bisect.bisect_left(breaks, pos)
    lo = breaks[k - 1] + 1 if k > 0 else start
    hi = breaks[k] if k < len(breaks) else end
    return lo, hi


@dataclass(slots=True)
class _Prefix:
    """What stands between the start of an item and its quantity."""

    start: int
    end: int
    comparator: str | None = None
    kind: str = "level"
    period: str | None = None
    adverbs: list[str] = field(default_factory=list)


@cache
def _trailing() -> dict[str, tuple[str, str, str]]:
    """Every word that may stand right before a number: what it is, its comparator and kind."""
    w = _words()
    table: dict[str, tuple[str, str, str]] = {a: ("adverb", ".", ".") for a in w.adverbs}
    table.update({p: ("period", ".", ".") for p in w.periods})
    table.update({c: ("comparator", comp, kind) for c, (comp, kind) in w.comparators.items()})
    return table


def _read_prefix(folded: str, start: int, end: int) -> _Prefix:
    """Peel comparator, kind, adverb, period and comparison-base words off the end."""
    w = _words()
    pre = _Prefix(start, end)
    # Leading words: deadline phrases without a comma, 其中, 力争, a scope.
    moved = True
    while moved and pre.start < pre.end:
        moved = False
        while pre.start < pre.end and folded[pre.start] == " ":
            pre.start += 1
        m = _DEADLINE.match(folded, pre.start, pre.end)
        if m and m.end() > pre.start:
            pre.start = m.end()
            moved = True
            continue
        n = _starts_with(folded, pre.start, pre.end, w.leads)
        if n:
            pre.start += n
            moved = True
            continue
        n = _starts_with(folded, pre.start, pre.end, w.periods)
        if n:
            pre.period = folded[pre.start : pre.start + n]
            pre.start += n
            moved = True
            continue
        m = _SCOPE.match(folded, pre.start, pre.end)
        if m:
            pre.start = m.end()
            moved = True
    # Trailing words, right before the number: the longest of any kind first.
    trailing = _trailing()
    moved = True
    while moved and pre.end > pre.start:
        moved = False
        while pre.end > pre.start and folded[pre.end - 1] == " ":
            pre.end -= 1
        n = _ends_with(folded, pre.start, pre.end, trailing)
        if n:
            word = folded[pre.end - n : pre.end]
            what, comp, kind = trailing[word]
            if what == "comparator":
                if comp != "." and pre.comparator is None:
                    pre.comparator = comp
                if kind != ".":
                    pre.kind = kind
            elif what == "period":
                pre.period = word
            else:
                pre.adverbs.append(word)
            pre.end -= n
            moved = True
            continue
        m = _BASE.search(folded, pre.start, pre.end)
        if m:
            pre.end = m.start()
            moved = True
    return pre


def _comparator(prefix: str | None, suffix: str | None, is_range: bool) -> str:
    if is_range:
        return "range"
    if prefix == "~" or suffix == "~":
        return "~"
    if suffix:
        return suffix
    return prefix or "="


def _split_items(
    folded: str, start: int, end: int, quoted: Container[int], seps: str
) -> list[tuple[int, int]]:
    items = split_outside(folded, start, end, seps, _OPEN, _CLOSE, quoted)
    return [(a, b) for a, b in items if b > a]


def _distribute(source: str, items: list[tuple[int, int]], bodies: tuple[str, ...]) -> list[str]:
    """One indicator per item of a 分别 list: share the tail and the leading word."""
    texts = [compact(source[a:b]) for a, b in items]
    heads = _words().heads
    if any(texts[0].endswith(h) for h in heads):
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


@dataclass(slots=True)
class _Deadline:
    pos: int  # where it starts governing
    until: int  # where it stops
    phrase: tuple[int, int]
    year: int | None
    baseline: bool


def _deadlines(
    folded: str, start: int, end: int, sentences: list[int], leads: set[int], doc_year: int | None
) -> list[_Deadline]:
    """Year phrases at the head of a clause, and how far each governs.

    A phrase governs the rest of its sentence; one that opens a paragraph (or
    the body right after a run-in title) governs the whole paragraph.
    """
    found: list[_Deadline] = []
    for m in _DEADLINE.finditer(folded, start, end):
        p = m.start()
        before = folded[p - 1] if p > start else "\n"
        if p not in leads and before not in _CLAUSE_BREAK + _SENTENCE_BREAK + " ":
            continue  # 办好2025年…: a year inside a clause is not a deadline
        after = folded[m.end()] if m.end() < end else ""
        if after and after not in ", " and not ("\u4e00" <= after <= "\u9fff"):
            continue
        if p in leads:
            nl = folded.find("\n", m.end(), end)
            until = nl if nl != -1 else end
        else:
            until = next((s for s in sentences if s >= m.end()), end)
        year = None
        baseline = False
        if m.group("year") and not m.group("since"):
            # 2012年起5年内 names a start, not the year the target is due.
            year = int(m.group("year2") or m.group("year"))
            pre = m.group("pre")
            as_of = pre in ("截至", "截止", "截止到")
            past = not pre and not m.group("lead") and doc_year is not None and year < doc_year
            baseline = as_of or past
        found.append(_Deadline(m.end(), until, (p, m.end()), year, baseline))
    return found


def _governing(deadlines: list[_Deadline], starts: list[int], pos: int) -> _Deadline | None:
    """The latest phrase before *pos* that still governs it."""
    k = bisect.bisect_right(starts, pos)
    for d in reversed(deadlines[max(0, k - _LOOKBACK) : k]):
        if pos < d.until:
            return d
    return None


def _object_end(folded: str, pos: int, end: int, starts: set[int]) -> int | None:
    """Where the object after a (B) quantity ends: a break, or 、/和 before another quantity.

    None if no break comes within the window: a run that long is no object.
    """
    depth = 0
    stop = min(end, pos + _WINDOW)
    for i in range(pos, stop):
        ch = folded[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and (
            ch in _CLAUSE_BREAK + _SENTENCE_BREAK or (ch in "、和及" and i + 1 in starts)
        ):
            return i
    return end if stop == end else None


def _brackets(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside round brackets: a quantity there is an aside (（共23项）)."""
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    for m in _ROUND.finditer(folded, start, end):
        i, ch = m.start(), m.group()
        if ch == "(":
            stack.append(i)
        elif ch == ")":
            if stack:
                spans.append((stack.pop(), i + 1))
        else:
            stack.clear()
    return spans


def _names(
    folded: str, start: int, end: int
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Quoted spans split into names and statements (a quote holding a clause break)."""
    names: list[tuple[int, int]] = []
    statements: list[tuple[int, int]] = []
    for a, b in _quoted(folded, start, end):
        is_statement = any(ch in ",;。!?" for ch in folded[a:b])
        (statements if is_statement else names).append((a, b))
    return names, statements


class _Reader:
    """Reads the quantities of one node's text in order, with the state lists need."""

    def __init__(
        self,
        source: str,
        folded: str,
        start: int,
        end: int,
        doc_year: int | None,
        body_start: int | None,
        bodies: tuple[str, ...],
    ) -> None:
        self.source, self.folded, self.start, self.end = source, folded, start, end
        self.bodies = bodies
        self.w = _words()
        self.out: list[Found] = []
        self.qs = find(source, folded, start, end)
        if not self.qs:
            return  # run() has nothing to read
        names, statements = _names(folded, start, end)
        self.names = _Mask(start, end, names)
        self.clauses, self.sentences = _boundaries(folded, start, end, statements)
        self.asides = _Mask(start, end, _brackets(folded, start, end))
        leads = {start} | {m.end() for m in _NEWLINE.finditer(folded, start, end)}
        if body_start is not None:
            leads.add(body_start)
        self.deadlines = _deadlines(folded, start, end, self.sentences, leads, doc_year)
        self.deadline_starts = [d.pos for d in self.deadlines]
        self.starts = {q.start for q in self.qs}
        self.item_end: dict[int, int] = {}  # clause start -> end of its last item read
        self.last_b: tuple[int, str, str | None] | None = None  # sentence, verb, period
        self.verbs: dict[int, str] = {}  # id(Found) -> leading verb phrase

    # -- word helpers ---------------------------------------------------------
    def _verb_before(self, start: int, end: int) -> tuple[int, int, str | None]:
        """The verb phrase ending at *end* (重点引进和培养): (start, end, period)."""
        f, w = self.folded, self.w
        pos = end
        if pos - 1 >= start and f[pos - 1] in "与同向" and _ends_with(f, start, pos - 1, w.verbs):
            pos -= 1  # 加强与1000家企业…
        got = False
        v_start = pos
        period = None
        while pos > start:
            n = _ends_with(f, start, pos, w.verbs)
            if n:
                pos -= n
                got = True
                v_start = pos
                continue
            if got and f[pos - 1] in _CONNECTORS and _ends_with(f, start, pos - 1, w.verbs):
                pos -= 1
                continue
            n = _ends_with(f, start, pos, w.verb_adverbs) if got else 0
            if n:
                pos -= n
                v_start = pos
                continue
            n = _ends_with(f, start, pos, w.periods) if got else 0
            if n:
                period = f[pos - n : pos]
                pos -= n
                continue
            break
        return (v_start, end, period) if got else (end, end, None)

    def _lead_verb(self, text: str) -> str:
        """The verb phrase a subject opens with (选拔认定教育专家 → 选拔认定)."""
        w = self.w
        pos = 0
        got = False
        while pos < len(text):
            n = _starts_with(text, pos, len(text), w.verbs)
            if n:
                pos += n
                got = True
                continue
            if got and text[pos] in _CONNECTORS and _starts_with(text, pos + 1, len(text), w.verbs):
                pos += 1
                continue
            n = _starts_with(text, pos, len(text), w.verb_adverbs)
            if n and _starts_with(text, pos + n, len(text), w.verbs):
                pos += n
                continue
            break
        return text[:pos] if got else ""

    def _has_verb(self, start: int, end: int) -> bool:
        return self.w.any_verb.search(self.folded, start, end) is not None

    # -- reading ----------------------------------------------------------------
    def run(self) -> list[Found]:
        i = 0
        while i < len(self.qs):
            i = self._read(i)
        return self.out

    def _suffix_end(self, q: Quantity, c_end: int) -> tuple[str | None, int]:
        m = _SUFFIX.match(self.folded, q.end, c_end)
        return (m.group(), m.end()) if m else (None, q.end)

    def _read(self, i: int) -> int:
        f, src, w = self.folded, self.source, self.w
        q = self.qs[i]
        if q.start in self.names or q.start in self.asides:
            return i + 1
        c_start, c_end = _around(self.clauses, q.start, self.start, self.end)
        s_start, _ = _around(self.sentences, q.start, self.start, self.end)
        item_start = self.item_end.get(c_start, c_start)
        if item_start < q.start and f[item_start] in "、和及":
            item_start += 1
        item_start = max(min(item_start, q.start), q.start - _WINDOW)
        suffix, s_end = self._suffix_end(q, c_end)
        nxt = f[s_end] if s_end < c_end else ""
        pre = _read_prefix(f, item_start, q.start)
        gov = _governing(self.deadlines, self.deadline_starts, q.start)
        found = Found(
            "target",
            pre.start if pre.end > pre.start else q.start,
            s_end,
            q.value,
            q.value_max,
            q.unit,
            q.base_value,
            q.base_unit,
            _comparator(pre.comparator, w.after.get(suffix or ""), q.value_max is not None),
            "increase" if q.doubling else pre.kind,
            year=gov.year if gov else None,
            deadline=compact(src[gov.phrase[0] : gov.phrase[1]]) if gov else None,
            period=pre.period,
        )
        if q.single_cn and not pre.comparator:
            return i + 1  # 一支队伍, 一次性: an article, not a count
        clause = f[max(c_start, q.start - _WINDOW) : min(c_end, s_end + _WINDOW)]
        before = f[pre.end - 1] if pre.end > item_start else ""
        if (
            suffix in ("及以上", "及以下")
            or nxt == "的"
            or (q.unit == "%" and before == "的")
            or w.parameter.search(clause)
        ):
            found.kind = "parameter"
            self.out.append(found)
            self.item_end[c_start] = s_end
            return i + 1
        if (gov and gov.baseline) or w.baseline.search(clause):
            found.kind = "baseline"
            self.out.append(found)
            self.item_end[c_start] = s_end
            return i + 1
        closes = not nxt or nxt in "、)(" or (nxt in "和及" and s_end + 1 in self.starts)
        if closes and pre.end > pre.start:
            if "分别" in pre.adverbs or "均" in pre.adverbs:
                return self._respectively(i, pre, found, c_start, c_end)
            return self._subject_form(i, pre, found, c_start, item_start, s_end)
        if not closes:
            return self._verb_form(i, q, pre, found, c_start, c_end, s_start, s_end)
        prev = self.out[-1] if self.out else None
        if pre.end == pre.start and prev is not None and prev.kind == "target":
            same_sentence = _around(self.sentences, prev.start, self.start, self.end)[0] == s_start
            if same_sentence and (self.item_end.get(c_start) or pre.kind != "level" or pre.period):
                # the subject carries on: 增加值达到1200亿元，年均增长10%以上
                found.indicator = prev.indicator
                self.out.append(found)
                self.item_end[c_start] = s_end
        return i + 1

    def _subject_form(
        self, i: int, pre: _Prefix, found: Found, c_start: int, item_start: int, s_end: int
    ) -> int:
        """(A) subject … quantity."""
        subject = compact(self.source[pre.start : pre.end])
        verb = self._lead_verb(subject)
        prev = self.out[-1] if self.out and item_start > c_start else None
        if not verb and prev is not None and prev.kind == "target":
            inherited = self.verbs.get(id(prev), "")
            if inherited:
                subject, verb = inherited + subject, inherited
                found.period = found.period or prev.period
        if (
            not verb
            and found.comparator == "="
            and found.target_kind == "level"
            and not self._has_verb(pre.start, pre.end)
        ):
            return i + 1  # a bare count with no action: 轨道交通7号线
        if (
            not verb
            and found.comparator == "="
            and any(subject.endswith(x) for x in self.w.listing)
        ):
            return i + 1  # a count of what the text lists: 知识产权保护方面5项
        found.indicator = subject
        self.verbs[id(found)] = verb
        self.out.append(found)
        self.item_end[c_start] = s_end
        return i + 1

    def _verb_form(
        self,
        i: int,
        q: Quantity,
        pre: _Prefix,
        found: Found,
        c_start: int,
        c_end: int,
        s_start: int,
        s_end: int,
    ) -> int:
        """(B) verb quantity object."""
        v_start, v_end, period = self._verb_before(pre.start, pre.end)
        if v_end > v_start:
            verb = compact(self.source[v_start:v_end])
            found.start = v_start
            found.period = found.period or period
            n = _ends_with(self.folded, pre.start, v_start, self.w.comparators)
            comp = self.w.comparators[self.folded[v_start - n : v_start]][0] if n else "."
            if comp != "." and found.comparator == "=":
                found.comparator = comp  # 至少建成3个…
        elif pre.end == pre.start and self.last_b and self.last_b[0] == s_start:
            verb = self.last_b[1]
            found.period = found.period or self.last_b[2]
            found.start = q.start
        else:
            return i + 1  # a number inside a noun phrase: 2人间, 等8个区域
        o_end = _object_end(self.folded, s_end, c_end, self.starts)
        if o_end is None:
            return i + 1
        obj = compact(self.source[s_end:o_end])
        if not obj:
            return i + 1
        self.last_b = (s_start, verb, found.period)
        found.indicator = verb + obj
        found.end = o_end
        self.verbs[id(found)] = verb
        self.out.append(found)
        self.item_end[c_start] = o_end
        return i + 1

    def _respectively(self, i: int, pre: _Prefix, found: Found, c_start: int, c_end: int) -> int:
        """分别/均 lists: one target per item."""
        f, w = self.folded, self.w
        group = [self.qs[i]]
        _, last_end = self._suffix_end(self.qs[i], c_end)
        j = i + 1
        while j < len(self.qs):
            nq = self.qs[j]
            if f[last_end : nq.start] not in ("、", "和", "及"):
                break
            group.append(nq)
            _, last_end = self._suffix_end(nq, c_end)
            j += 1
        items = _split_items(f, pre.start, pre.end, self.names, "、")
        if len(items) != len(group) and len(group) > 1:
            items = _split_items(f, pre.start, pre.end, self.names, "、和及")
        if len(group) == 1 and len(items) > 1:
            group = group * len(items)
        subject = compact(self.source[pre.start : pre.end])
        names = (
            _distribute(self.source, items, self.bodies)
            if len(items) == len(group)
            else [subject] * len(group)
        )
        for gq, name in zip(group, names, strict=True):
            suffix, g_end = self._suffix_end(gq, c_end)
            self.out.append(
                Found(
                    "target",
                    pre.start,
                    g_end,
                    gq.value,
                    gq.value_max,
                    gq.unit,
                    gq.base_value,
                    gq.base_unit,
                    _comparator(
                        pre.comparator, w.after.get(suffix or ""), gq.value_max is not None
                    ),
                    pre.kind,
                    name,
                    found.year,
                    found.deadline,
                    pre.period,
                )
            )
        self.item_end[c_start] = last_end
        return j


def extract(
    source: str,
    folded: str,
    start: int,
    end: int,
    doc_year: int | None,
    body_start: int | None = None,
    bodies: tuple[str, ...] = (),
) -> list[Found]:
    """Targets and figures stated in [start, end).

    *doc_year* tells a past year (a baseline) from a deadline; *body_start* is
    where the body begins after a run-in title, since a year phrase there
    governs the whole paragraph; *bodies* are the names of bodies the
    tokenizer keeps whole when it splits a 分别 list.
    """
    return _Reader(source, folded, start, end, doc_year, body_start, bodies).run()
