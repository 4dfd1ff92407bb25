"""Word's own numbering: word/numbering.xml and the paragraph styles of word/styles.xml.

Numbering that Word draws itself (w:numPr) is rendered from word/numbering.xml
where it can be resolved, so a heading numbered by Word reads "一、…" like a
typed one.  The numPr comes from the paragraph or from its paragraph style in
word/styles.xml (python-docx's "List Number"), styles inheriting through
w:basedOn.  Both parts are read as they stream (docx_parts.xml_events); odd
numbering values are diagnostics, and the labels produced are charged to the
text budget.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..diagnostics import Issue
from .docx_parts import Budget, W, drop, xml_int

_MAX_LEVEL = 8  # list levels are w:ilvl 0 to 8
_MAX_START = 32767  # the largest w:start Word accepts
_CN_DIGITS = "〇一二三四五六七八九"


def _chinese(n: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一 (up to 99; beyond, Arabic digits)."""
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    return str(n)


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _format(n: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "chineseLegalSimplified",
        "ideographTraditional",
        "taiwaneseCounting",
    ):
        return _chinese(n)
    if fmt == "decimalEnclosedCircle" and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "none":
        return ""
    return str(n)


@dataclass(slots=True)
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


_T = TypeVar("_T")


def _first_along(
    style: str | None, own: dict[str, _T], based_on: dict[str, str], cache: dict[str, _T | None]
) -> _T | None:
    """The first value *own* gives along the basedOn chain from *style*, or None.

    Every style walked is cached with the answer, so each style of a document is
    walked at most once per *cache*; a chain that comes back on itself stops.
    """
    walked: list[str] = []
    seen: set[str] = set()
    found: _T | None = None
    while style is not None and style not in seen:
        if style in cache:
            found = cache[style]
            break
        walked.append(style)
        seen.add(style)
        if style in own:
            found = own[style]
            break
        style = based_on.get(style)
    for name in walked:
        cache[name] = found
    return found


@dataclass(slots=True)
class Styles:
    """The numbering paragraph styles give (word/styles.xml), read once.

    A style's numId and ilvl are inherited one by one through w:basedOn, as
    Word inherits paragraph properties; answers are cached per style.
    """

    based_on: dict[str, str] = field(default_factory=dict)
    num_ids: dict[str, str] = field(default_factory=dict)
    ilvls: dict[str, int] = field(default_factory=dict)
    default: str | None = None
    _num_id_cache: dict[str, str | None] = field(default_factory=dict)
    _ilvl_cache: dict[str, int | None] = field(default_factory=dict)
    _named_cache: dict[str, dict[str, int | None]] = field(default_factory=dict)

    def num_id(self, style: str | None) -> str | None:
        return _first_along(style, self.num_ids, self.based_on, self._num_id_cache)

    def ilvl(self, style: str | None) -> int | None:
        return _first_along(style, self.ilvls, self.based_on, self._ilvl_cache)

    def named_level(self, style: str | None, num_id: str, named: dict[str, int]) -> int | None:
        """The level of list *num_id* whose w:pStyle names *style* or a style it is based on."""
        if not named:
            return None
        cache = self._named_cache.setdefault(num_id, {})
        return _first_along(style, named, self.based_on, cache)


@dataclass(slots=True)
class _Oddities:
    """Odd values met while reading, counted, with the first example: one diagnostic each."""

    seen: dict[str, tuple[int, str]] = field(default_factory=dict)

    def add(self, what: str, example: str) -> None:
        count, first = self.seen.get(what, (0, example[:40]))
        self.seen[what] = (count + 1, first)

    def issues(self) -> list[Issue]:
        return [
            Issue("bad_word_numbering", f"{what.format(n=count)} (first: {first!r})", None)
            for what, (count, first) in self.seen.items()
        ]


_BAD_ILVL = (
    "word/numbering.xml: {n} list level(s) with a w:ilvl that is not a number from 0 to 8 ignored"
)
_BAD_START = (
    "word/numbering.xml: {n} list level(s) with a w:start that is not a number from 0 to "
    f"{_MAX_START} start at 1"
)
_BAD_PARA_ILVL = "{n} numbered paragraph(s) with a w:ilvl outside 0 to 8 left unnumbered"


@dataclass(slots=True)
class Numbering:
    """numId → levels, and the running counters Word keeps per list."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)
    # numId → {styleId: ilvl}: the levels that name a paragraph style (w:lvl/w:pStyle)
    named: dict[str, dict[str, int]] = field(default_factory=dict)
    styles: Styles = field(default_factory=Styles)
    budget: Budget = field(default_factory=lambda: Budget(None))
    odd: _Oddities = field(default_factory=_Oddities)

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The label of the next paragraph of list *num_id* at level *ilvl*, counting it.

        Levels are 0 to 8, so a label is its level's text with at most nine
        numbers put in: its cost, charged to the text budget, is the larger of
        the text and the label.
        """
        levels = self.levels.get(num_id)
        if not 0 <= ilvl <= _MAX_LEVEL:
            if levels:
                self.odd.add(_BAD_PARA_ILVL, str(ilvl))
            return None
        if not levels or ilvl not in levels:
            return None
        counts = self.counters.setdefault(num_id, [0] * (_MAX_LEVEL + 1))
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0
        template = text = levels[ilvl].text
        for k in range(ilvl + 1):
            if f"%{k + 1}" not in text:
                continue
            lvl = levels.get(k, _Level())
            value = counts[k] + lvl.start - 1 if counts[k] else lvl.start
            text = text.replace(f"%{k + 1}", _format(value, lvl.fmt))
        self.budget.produce(max(len(template), len(text.encode("utf-8"))))
        return text


# -- word/numbering.xml ------------------------------------------------------------------


@dataclass(slots=True)
class _LvlDraft:
    ilvl: str
    fmt: str | None = None
    text: str | None = None
    start: str | None = None
    p_style: str | None = None
    seen: set[str] = field(default_factory=set)  # the direct children met (the first counts)


def _finish_level(
    draft: _LvlDraft, numbering: Numbering, strings: dict[str, str]
) -> tuple[int, _Level] | None:
    ilvl = xml_int(draft.ilvl)
    if ilvl is None or not 0 <= ilvl <= _MAX_LEVEL:
        numbering.odd.add(_BAD_ILVL, draft.ilvl)
        return None
    start = 1
    if draft.start is not None:
        value = xml_int(draft.start)
        if value is None or not 0 <= value <= _MAX_START:
            numbering.odd.add(_BAD_START, draft.start)
        else:
            start = value
    fmt = strings.setdefault(draft.fmt, draft.fmt) if draft.fmt is not None else "decimal"
    text = strings.setdefault(draft.text, draft.text) if draft.text is not None else ""
    return ilvl, _Level(fmt, text, start)


_LVL_CHILDREN = {
    W + "numFmt": "fmt",
    W + "lvlText": "text",
    W + "start": "start",
    W + "pStyle": "p_style",
}
_LVL_DEFAULTS = {"fmt": "decimal", "text": "", "start": "1", "p_style": None}


def read_numbering(events: Iterator[tuple[str, Any]] | None) -> Numbering:
    """Lists: abstractNum levels (w:lvl) and the w:num naming them, read as they stream."""
    if events is None:
        return Numbering()
    reader = _NumberingReader()
    for event, el in events:
        if event == "start":
            reader.start(el.tag, el)
        else:
            reader.end(el)
    return reader.finish()


class _NumberingReader:
    """The state of word/numbering.xml read as it streams, element by element.

    A class rather than one loop: what an element opens (a list, a level, a
    w:num) and what its end completes are read by separate methods.
    """

    def __init__(self) -> None:
        self.numbering = Numbering()
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.abstract_named: dict[str, dict[str, int]] = {}
        self.nums: list[tuple[str, str]] = []
        self.strings: dict[str, str] = {}
        # per open element, what it is to us: "abstract", a _LvlDraft, a [numId, abstractNumId]
        self.stack: list[Any] = []
        self.open_abstracts: list[tuple[dict[int, _Level], dict[str, int]]] = []

    def start(self, tag: str, el: Any) -> None:
        parent = self.stack[-1] if self.stack else None
        self.stack.append(self._opened(tag, el, parent))

    def _opened(self, tag: str, el: Any, parent: Any) -> Any:
        """What an opening element is to us; a level's or a w:num's child is noted on it."""
        if tag == W + "abstractNum":
            aid = el.get(W + "abstractNumId", "")
            levels: dict[int, _Level] = {}
            named: dict[str, int] = {}
            # later ones win, as in Word
            self.abstract[aid], self.abstract_named[aid] = levels, named
            self.open_abstracts.append((levels, named))
            return "abstract"
        if tag == W + "lvl" and self.open_abstracts:
            return _LvlDraft(el.get(W + "ilvl", "0"))
        if tag == W + "num":
            return [el.get(W + "numId", ""), None]
        if isinstance(parent, _LvlDraft) and tag in _LVL_CHILDREN:
            key = _LVL_CHILDREN[tag]
            if key not in parent.seen:
                parent.seen.add(key)
                setattr(parent, key, el.get(W + "val", _LVL_DEFAULTS[key]))
        elif isinstance(parent, list) and tag == W + "abstractNumId" and parent[1] is None:
            parent[1] = el.get(W + "val", "")
        return None

    def end(self, el: Any) -> None:
        what = self.stack.pop()
        if what == "abstract":
            self.open_abstracts.pop()
        elif isinstance(what, _LvlDraft):
            self._level(what)
        elif isinstance(what, list) and what[1] is not None:
            self.nums.append((what[0], what[1]))
        drop(el)

    def _level(self, draft: _LvlDraft) -> None:
        """A level read to its end joins every list open around it."""
        level = _finish_level(draft, self.numbering, self.strings)
        if level is None:
            return
        for levels, named in self.open_abstracts:
            levels[level[0]] = level[1]
            if draft.p_style:
                named.setdefault(draft.p_style, level[0])

    def finish(self) -> Numbering:
        """Each w:num gets its abstractNum's levels (none when it names no known one)."""
        numbering = self.numbering
        for num_id, abstract_id in self.nums:
            numbering.levels[num_id] = self.abstract.get(abstract_id, {})
            numbering.named[num_id] = self.abstract_named.get(abstract_id, {})
        return numbering


# -- word/styles.xml -------------------------------------------------------------------


@dataclass(slots=True)
class _StyleDraft:
    style_id: str
    based_on: str | None = None
    num_id: str | None = None
    ilvl: str | None = None
    # which first children were met: basedOn, the numPr (under any pPr), its numId, its ilvl
    seen: set[str] = field(default_factory=set)


def read_styles(events: Iterator[tuple[str, Any]] | None) -> Styles:
    """Paragraph styles: what each is based on and the numPr it sets itself."""
    styles = Styles()
    if events is None:
        return styles
    # the open elements: what each is to us ("style", "pPr", "numPr" of the style read, or None)
    stack: list[str | None] = []
    draft: _StyleDraft | None = None
    for event, el in events:
        if event == "start":
            parent = stack[-1] if stack else None
            what: str | None = None
            if len(stack) == 1 and el.tag == W + "style":
                draft = _paragraph_style(el, styles)
                what = "style" if draft is not None else None
            elif draft is not None and parent is not None:
                what = _style_child(draft, parent, el.tag, el)
            stack.append(what)
            continue
        if stack.pop() == "style" and draft is not None:
            _keep_style(draft, styles)
            draft = None
        drop(el)
    return styles


def _paragraph_style(el: Any, styles: Styles) -> _StyleDraft | None:
    """A draft for a paragraph style that opens (noting the default one), None for others."""
    style_id = el.get(W + "styleId")
    if not style_id or el.get(W + "type", "paragraph") != "paragraph":
        return None
    if el.get(W + "default") in ("1", "true", "on") and styles.default is None:
        styles.default = style_id
    return _StyleDraft(style_id)


def _keep_style(draft: _StyleDraft, styles: Styles) -> None:
    """What a style read to its end sets itself: its base, its numId and its ilvl."""
    if draft.based_on:
        styles.based_on[draft.style_id] = draft.based_on
    if draft.num_id is not None:
        styles.num_ids[draft.style_id] = draft.num_id
    ilvl = xml_int(draft.ilvl)
    if ilvl is not None:
        styles.ilvls[draft.style_id] = ilvl


def _style_child(draft: _StyleDraft, parent: str, tag: str, el: Any) -> str | None:
    """Note what a child of a style, its pPr or its numPr says; what the child is to us."""
    seen = draft.seen
    if parent == "style":
        if tag == W + "basedOn" and "basedOn" not in seen:
            seen.add("basedOn")
            draft.based_on = el.get(W + "val")
        return "pPr" if tag == W + "pPr" else None
    if parent == "pPr" and tag == W + "numPr" and "numPr" not in seen:
        seen.add("numPr")
        return "numPr"
    if parent == "numPr":
        if tag == W + "numId" and "numId" not in seen:
            seen.add("numId")
            draft.num_id = el.get(W + "val")
        elif tag == W + "ilvl" and "ilvl" not in seen:
            seen.add("ilvl")
            draft.ilvl = el.get(W + "val", "")
    return None
