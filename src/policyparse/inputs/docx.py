"""Word files to text, with lxml and the standard zipfile module only.

word/document.xml gives paragraphs (one line each), line breaks, tabs and
tables (one cell per line, as portals render them).  Numbering that Word
draws itself (w:numPr) is rendered from word/numbering.xml where it can be
resolved, so a heading numbered by Word reads "一、…" like a typed one.  The
numPr comes from the paragraph or from its paragraph style in word/styles.xml
(python-docx's "List Number"), styles inheriting through w:basedOn.

Word files come from anywhere, so nothing in the archive is trusted: members
are inflated in chunks through zipfile's streaming reader and counted as they
come (a member's declared size may lie), only the compression methods Word
writes (stored, deflate) are read, and the XML is parsed incrementally
(lxml's pull parser), each element dropped once read, so memory follows the
text produced rather than the XML.  The bytes inflated and the text produced
(Word's numbering labels included) are both held to the caller's limit
(--max-mb / max_bytes).  Broken archives and XML are a FormatError, limits a
TooLargeError, both one line; odd numbering values are diagnostics.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..diagnostics import Issue
from ..errors import RAISE_LIMIT, FormatError, TooLargeError, size_limit

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHUNK = 64 * 1024  # inflated and parsed this much at a time
# The only compression methods Word writes; anything else is refused unread.
_WORD_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_METHOD_NAMES = {
    1: "shrink",
    6: "implode",
    9: "deflate64",
    12: "bzip2",
    14: "lzma",
    93: "zstandard",
    95: "xz",
    98: "ppmd",
    99: "AES encryption (method 99)",
}
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
class _Styles:
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
class _Budget:
    """What reading may cost: bytes inflated (all parts together) and text produced,
    each held to *limit* (None: no limit)."""

    limit: int | None
    inflated: int = 0
    text: int = 0

    def declared(self, info: zipfile.ZipInfo) -> None:
        """Refuse a part whose declared size alone passes the limit (its bytes are counted too)."""
        if self.limit is not None and self.inflated + info.file_size > self.limit:
            raise TooLargeError(
                f"{info.filename} declares {info.file_size / 1048576:.1f} MB uncompressed: "
                f"over the {size_limit(self.limit)} limit on the Word parts read ({RAISE_LIMIT})"
            )

    def inflate(self, name: str, n: int) -> None:
        self.inflated += n
        if self.limit is not None and self.inflated > self.limit:
            raise TooLargeError(
                f"{name} inflates past the {size_limit(self.limit)} limit on the Word parts read "
                f"(its zip entry declares less; {RAISE_LIMIT})"
            )

    def produce(self, n: int) -> None:
        self.text += n
        if self.limit is not None and self.text > self.limit:
            raise TooLargeError(
                f"the text of the Word file (numbering labels included) passes the "
                f"{size_limit(self.limit)} limit ({RAISE_LIMIT})"
            )


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
class _Numbering:
    """numId → levels, and the running counters Word keeps per list."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)
    # numId → {styleId: ilvl}: the levels that name a paragraph style (w:lvl/w:pStyle)
    named: dict[str, dict[str, int]] = field(default_factory=dict)
    styles: _Styles = field(default_factory=_Styles)
    budget: _Budget = field(default_factory=lambda: _Budget(None))
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


# -- reading the archive ---------------------------------------------------------------


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


@contextmanager
def _zip_errors(name: str) -> Iterator[None]:
    """Whatever zipfile and zlib raise on a damaged member, as one FormatError naming it."""
    try:
        yield
    except zipfile.BadZipFile as exc:
        what = "bad CRC-32: its data are damaged" if "CRC" in str(exc) else _one_line(exc)
        raise FormatError(f"{name}: damaged zip member ({what})") from None
    except zlib.error as exc:
        raise FormatError(f"{name}: corrupt deflate data ({_one_line(exc)})") from None
    except EOFError:
        raise FormatError(f"{name}: the archive ends inside this member (truncated)") from None
    except RuntimeError as exc:  # zipfile says "encrypted, password required" so
        raise FormatError(f"{name}: unreadable zip member ({_one_line(exc)})") from None
    except NotImplementedError as exc:
        raise FormatError(f"{name}: unsupported zip member ({_one_line(exc)})") from None
    except (OSError, ValueError, OverflowError, IndexError, struct.error) as exc:
        raise FormatError(f"{name}: unreadable zip member ({_one_line(exc)})") from None


def _member(zf: zipfile.ZipFile, name: str, budget: _Budget) -> Iterator[bytes] | None:
    """The inflated bytes of part *name* in chunks, counted against *budget*; None if absent.

    The method and the encryption flag are checked before anything is inflated;
    the sizes the archive declares are used only to refuse early, never trusted.
    """
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.flag_bits & 0x1:
        raise FormatError(
            f"{name} is encrypted (a password-protected document): save it without one"
        )
    if info.compress_type not in _WORD_METHODS:
        method = _METHOD_NAMES.get(info.compress_type, f"method {info.compress_type}")
        raise FormatError(
            f"{name} is compressed with {method}: Word writes only stored and deflate members"
        )
    budget.declared(info)
    return _inflate(zf, info, budget)


# Word's XML deflates 5 to 20 times, rarely 50; a part that inflates more than 100 times
# its stored size past the first megabyte is made to (the ratio Apache POI refuses).
_MAX_RATIO = 100
_RATIO_FROM = 1 << 20


def _inflate(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> Iterator[bytes]:
    with _zip_errors(info.filename):
        fh = zf.open(info)
    produced = 0
    with fh:
        while True:
            with _zip_errors(info.filename):
                chunk = fh.read(_CHUNK)  # at most _CHUNK bytes inflated, whatever is declared
            if not chunk:
                return
            produced += len(chunk)
            budget.inflate(info.filename, len(chunk))
            if (
                budget.limit is not None
                and produced > _RATIO_FROM
                and produced > _MAX_RATIO * max(info.compress_size, 1)
            ):
                raise FormatError(
                    f"{info.filename} inflates more than {_MAX_RATIO} times its stored size "
                    f"({info.compress_size:,} bytes): refused as a zip bomb (Word's XML "
                    "deflates 5 to 20 times; the library reads it with max_bytes=None)"
                )
            yield chunk


def _events(chunks: Iterator[bytes], name: str) -> Iterator[tuple[str, Any]]:
    """(event, element) pairs of the XML in *chunks*, start and end, parsed as they come.

    An empty part gives no events (an empty numbering or styles part reads as
    none; an empty document.xml then has no body).
    No entity is resolved, no DTD loaded, nothing fetched; libxml2's default
    limits hold (no huge_tree): 256 levels of nesting, 10 MB in one text node.
    The caller clears each element at its end (_drop).
    """
    from lxml import etree

    parser = etree.XMLPullParser(
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
    )
    fed = False
    try:
        for chunk in chunks:
            fed = True
            parser.feed(chunk)
            yield from parser.read_events()
        if not fed:
            return
        parser.close()
        yield from parser.read_events()
    except etree.LxmlError as exc:
        what = _one_line(exc).removesuffix(" (<string>, line 1)")
        raise FormatError(f"broken Word XML in {name} ({what})") from None


def _drop(el: Any) -> None:
    """Forget an element once read, and the siblings before it: memory stays
    the depth of the tree, not its size."""
    el.clear()
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def _int(value: str | None) -> int | None:
    """The integer *value* says, None when absent or no integer (or over 4,300 digits)."""
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None


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
    draft: _LvlDraft, numbering: _Numbering, strings: dict[str, str]
) -> tuple[int, _Level] | None:
    ilvl = _int(draft.ilvl)
    if ilvl is None or not 0 <= ilvl <= _MAX_LEVEL:
        numbering.odd.add(_BAD_ILVL, draft.ilvl)
        return None
    start = 1
    if draft.start is not None:
        value = _int(draft.start)
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


def _read_numbering(events: Iterator[tuple[str, Any]] | None) -> _Numbering:
    """Lists: abstractNum levels (w:lvl) and the w:num naming them, read as they stream."""
    numbering = _Numbering()
    if events is None:
        return numbering
    abstract: dict[str, dict[int, _Level]] = {}
    abstract_named: dict[str, dict[str, int]] = {}
    nums: list[tuple[str, str]] = []
    strings: dict[str, str] = {}
    # the open elements: (tag, what it is to us)
    stack: list[tuple[str, Any]] = []
    open_abstracts: list[tuple[dict[int, _Level], dict[str, int]]] = []
    for event, el in events:
        tag = el.tag
        if event == "start":
            parent = stack[-1][1] if stack else None
            what: Any = None
            if tag == W + "abstractNum":
                aid = el.get(W + "abstractNumId", "")
                levels: dict[int, _Level] = {}
                named: dict[str, int] = {}
                abstract[aid], abstract_named[aid] = levels, named  # later ones win, as in Word
                open_abstracts.append((levels, named))
                what = "abstract"
            elif tag == W + "lvl" and open_abstracts:
                what = _LvlDraft(el.get(W + "ilvl", "0"))
            elif tag == W + "num":
                what = [el.get(W + "numId", ""), None]
            elif isinstance(parent, _LvlDraft) and tag in _LVL_CHILDREN:
                key = _LVL_CHILDREN[tag]
                if key not in parent.seen:
                    parent.seen.add(key)
                    value = el.get(W + "val", _LVL_DEFAULTS[key])
                    setattr(parent, key, value)
            elif isinstance(parent, list) and tag == W + "abstractNumId" and parent[1] is None:
                parent[1] = el.get(W + "val", "")
            stack.append((tag, what))
            continue
        _, what = stack.pop()
        if what == "abstract":
            open_abstracts.pop()
        elif isinstance(what, _LvlDraft):
            level = _finish_level(what, numbering, strings)
            if level is not None:
                for levels, named in open_abstracts:
                    levels[level[0]] = level[1]
                    if what.p_style:
                        named.setdefault(what.p_style, level[0])
        elif isinstance(what, list) and what[1] is not None:
            nums.append((what[0], what[1]))
        _drop(el)
    for num_id, abstract_id in nums:
        numbering.levels[num_id] = abstract.get(abstract_id, {})
        numbering.named[num_id] = abstract_named.get(abstract_id, {})
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


def _read_styles(events: Iterator[tuple[str, Any]] | None) -> _Styles:
    """Paragraph styles: what each is based on and the numPr it sets itself."""
    styles = _Styles()
    if events is None:
        return styles
    # the open elements: what each is to us ("style", "pPr", "numPr" of the style read, or None)
    stack: list[str | None] = []
    draft: _StyleDraft | None = None
    for event, el in events:
        tag = el.tag
        if event == "start":
            depth, parent = len(stack), (stack[-1] if stack else None)
            what: str | None = None
            if depth == 1 and tag == W + "style":
                style_id = el.get(W + "styleId")
                if style_id and el.get(W + "type", "paragraph") == "paragraph":
                    if el.get(W + "default") in ("1", "true", "on") and styles.default is None:
                        styles.default = style_id
                    draft, what = _StyleDraft(style_id), "style"
            elif draft is not None and parent is not None:
                what = _style_child(draft, parent, tag, el)
            stack.append(what)
            continue
        if stack.pop() == "style" and draft is not None:
            if draft.based_on:
                styles.based_on[draft.style_id] = draft.based_on
            if draft.num_id is not None:
                styles.num_ids[draft.style_id] = draft.num_id
            ilvl = _int(draft.ilvl)
            if ilvl is not None:
                styles.ilvls[draft.style_id] = ilvl
            draft = None
        _drop(el)
    return styles


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


# -- word/document.xml -----------------------------------------------------------------


@dataclass(slots=True)
class _Para:
    """A paragraph being read: its text so far and what its w:pPr says of numbering."""

    parts: list[str] = field(default_factory=list)
    style: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    seen: set[str] = field(default_factory=set)  # the first pPr, pStyle, numPr, numId, ilvl

    def key(self, numbering: _Numbering) -> tuple[str, int] | None:
        """(numId, ilvl) of the list the paragraph is numbered in, None if unnumbered.

        The paragraph's own numId and ilvl win over its style's; numId 0 means
        no numbering.  Without an ilvl anywhere, the level is the one of the
        list that names the paragraph's style (or a style it is based on), else 0.
        """
        styles = numbering.styles
        style = self.style if self.style is not None else styles.default
        num_id = self.num_id
        if num_id is None:
            num_id = styles.num_id(style)
        if num_id is None or num_id == "0":
            return None
        ilvl = self.ilvl
        if ilvl is None:
            ilvl = styles.ilvl(style)
        if ilvl is None:
            ilvl = styles.named_level(style, num_id, numbering.named.get(num_id, {}))
        return num_id, ilvl if ilvl is not None else 0


# What an open element is to the reader of document.xml.
_OTHER, _ROOT, _LIVE, _SDT, _TABLE, _CELL, _PARA, _PPR, _NUMPR, _TEXT = range(10)


def _tab_stop(el: Any) -> bool:
    """A w:tab in w:pPr/w:tabs defines a tab stop: no character of the text."""
    parent = el.getparent()
    return parent is not None and parent.tag == W + "tabs"


class _Body:
    """Lines of word/document.xml from its events, as the whole-tree reader gave them.

    Paragraphs directly in the body (or in the content of a content control
    there, w:sdt) are lines, split at breaks.  A table there gives one line
    per cell (w:tc at any depth), in the order cells open, each the cell's own
    paragraphs joined; a table's numbering labels are counted in that order,
    when the table ends.  A paragraph's text is every w:t, and every w:tab,
    w:br and w:cr of its runs (a w:tab in w:pPr/w:tabs is a tab stop).
    """

    def __init__(self, numbering: _Numbering) -> None:
        self.numbering = numbering
        self.budget = numbering.budget
        self.lines: list[str] = []
        self.kinds: list[int] = []  # per open element
        self.objs: list[Any] = []  # per open element: its _Para, cell, first-child flags …
        self.paras: list[_Para] = []  # the open paragraphs read, innermost last
        self.cells: list[list[tuple[tuple[str, int] | None, str]]] | None = None
        self.body_seen = False

    def start(self, tag: str, el: Any) -> None:
        kinds = self.kinds
        parent = kinds[-1] if kinds else None
        kind: int = _OTHER
        obj: Any = None
        if parent is None:
            kind = _ROOT
        elif tag == W + "t" and self.paras:
            kind, obj = _TEXT, [(p, len(p.parts)) for p in self.paras]
            for p in self.paras:
                p.parts.append("")
        elif tag in (W + "tab", W + "br", W + "cr") and self.paras and not _tab_stop(el):
            char = "\t" if tag == W + "tab" else "\n"
            for p in self.paras:
                p.parts.append(char)
        elif tag == W + "p" and parent in (_LIVE, _CELL):
            kind, obj = _PARA, _Para()
            self.paras.append(obj)
        elif parent == _LIVE:
            if tag == W + "tbl":
                kind, self.cells = _TABLE, []
            elif tag == W + "sdt":
                kind, obj = _SDT, [False]
        elif tag == W + "tc" and self.cells is not None:
            kind, obj = _CELL, []
            self.cells.append(obj)
        elif parent == _ROOT:
            if tag == W + "body" and not self.body_seen:
                kind, self.body_seen = _LIVE, True
        elif parent == _SDT:
            seen = self.objs[-1]
            if tag == W + "sdtContent" and not seen[0]:
                kind, seen[0] = _LIVE, True
        elif parent in (_PARA, _PPR, _NUMPR):
            kind = self._properties(parent, tag, el)
        kinds.append(kind)
        self.objs.append(obj)

    def _properties(self, parent: int, tag: str, el: Any) -> int:
        """A child of a paragraph read, of its first pPr, or of that pPr's first numPr."""
        para = self.paras[-1]
        seen = para.seen
        if parent == _PARA:
            if tag == W + "pPr" and "pPr" not in seen:
                seen.add("pPr")
                return _PPR
        elif parent == _PPR:
            if tag == W + "pStyle" and "pStyle" not in seen:
                seen.add("pStyle")
                para.style = el.get(W + "val") or None
            elif tag == W + "numPr" and "numPr" not in seen:
                seen.add("numPr")
                return _NUMPR
        elif tag == W + "numId" and "numId" not in seen:
            seen.add("numId")
            para.num_id = el.get(W + "val")
        elif tag == W + "ilvl" and "ilvl" not in seen:
            seen.add("ilvl")
            para.ilvl = _int(el.get(W + "val", ""))
        return _OTHER

    def end(self, el: Any) -> None:
        kind, obj = self.kinds.pop(), self.objs.pop()
        if kind == _TEXT:
            text = el.text or ""
            for para, i in obj:
                para.parts[i] = text
        elif kind == _PARA:
            self.paras.pop()
            self._paragraph(obj)
        elif kind == _TABLE:
            self._table()
        _drop(el)

    def _paragraph(self, para: _Para) -> None:
        key = para.key(self.numbering)
        text = "".join(para.parts)
        self.budget.produce(len(text.encode("utf-8")))
        if self.kinds[-1] == _CELL:  # labelled when the table ends, in the order cells open
            self.objs[-1].append((key, text))
            return
        label = self.numbering.label(*key) if key is not None else None
        if label:
            text = label + text
        self.lines.extend(line for line in (part.strip(" ") for part in text.split("\n")) if line)

    def _table(self) -> None:
        cells, self.cells = self.cells or [], None
        numbering = self.numbering
        for cell in cells:
            parts: list[str] = []
            for key, text in cell:
                label = numbering.label(*key) if key is not None else None
                if label:
                    parts.append(label)
                parts.append(text)
            line = "".join(parts).strip(" ")
            if line:
                self.lines.append(line)


def _read_body(events: Iterator[tuple[str, Any]], numbering: _Numbering) -> list[str]:
    body = _Body(numbering)
    for event, el in events:
        if event == "start":
            body.start(el.tag, el)
        else:
            body.end(el)
    if not body.body_seen:
        raise FormatError("Word document without a body")
    return body.lines


def extract(raw: bytes, max_bytes: int | None = None) -> tuple[str, list[Issue]]:
    """The text of a .docx file, one paragraph or table cell per line, and diagnostics.

    *max_bytes* bounds the bytes inflated from the parts read (all together) and
    the text produced; None reads without a limit.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, struct.error, RuntimeError,
            NotImplementedError, OverflowError, IndexError) as exc:  # fmt: skip
        raise FormatError(f"not a readable zip archive ({_one_line(exc)})") from None
    budget = _Budget(max_bytes)
    with zf:
        if "word/document.xml" not in zf.NameToInfo:
            raise FormatError("a zip archive, but not a Word document (no word/document.xml)")

        def events(name: str) -> Iterator[tuple[str, Any]] | None:
            chunks = _member(zf, name, budget)
            return None if chunks is None else _events(chunks, name)

        numbering = _read_numbering(events("word/numbering.xml"))
        numbering.budget = budget
        numbering.styles = _read_styles(events("word/styles.xml"))
        document = events("word/document.xml")
        assert document is not None
        lines = _read_body(document, numbering)
    return "\n".join(lines), numbering.odd.issues()
