"""Word files to text, with lxml and the standard zipfile module only.

word/document.xml gives paragraphs (one line each), line breaks, tabs and
tables (one cell per line, as portals render them).  Numbering that Word
draws itself (w:numPr) is rendered from word/numbering.xml where it can be
resolved, so a heading numbered by Word reads "一、…" like a typed one.  The
numPr comes from the paragraph or from its paragraph style in word/styles.xml
(python-docx's "List Number"), styles inheriting through w:basedOn.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..errors import FormatError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAX_XML = 200 * 1024 * 1024  # refuse zip bombs: no part may inflate beyond this
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
class _Numbering:
    """numId → levels, and the running counters Word keeps per list."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)
    # numId → {styleId: ilvl}: the levels that name a paragraph style (w:lvl/w:pStyle)
    named: dict[str, dict[str, int]] = field(default_factory=dict)
    styles: _Styles = field(default_factory=_Styles)

    def label(self, num_id: str, ilvl: int) -> str | None:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        counts = self.counters.setdefault(num_id, [0] * 10)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0
        text = levels[ilvl].text
        for k in range(ilvl + 1):
            lvl = levels.get(k, _Level())
            value = counts[k] + lvl.start - 1 if counts[k] else lvl.start
            text = text.replace(f"%{k + 1}", _format(value, lvl.fmt))
        return text


def _read_numbering(xml: bytes | None) -> _Numbering:
    from lxml import etree

    numbering = _Numbering()
    if not xml:
        return numbering
    root = etree.fromstring(xml, parser=_xml_parser())
    abstract: dict[str, dict[int, _Level]] = {}
    abstract_named: dict[str, dict[str, int]] = {}
    for an in root.iter(W + "abstractNum"):
        levels: dict[int, _Level] = {}
        named: dict[str, int] = {}
        for lvl in an.iter(W + "lvl"):
            ilvl = int(lvl.get(W + "ilvl", "0"))
            p_style = lvl.find(W + "pStyle")
            if p_style is not None and p_style.get(W + "val"):
                named.setdefault(p_style.get(W + "val"), ilvl)
            fmt = lvl.find(W + "numFmt")
            text = lvl.find(W + "lvlText")
            start = lvl.find(W + "start")
            levels[ilvl] = _Level(
                fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                text.get(W + "val", "") if text is not None else "",
                int(start.get(W + "val", "1")) if start is not None else 1,
            )
        abstract[an.get(W + "abstractNumId", "")] = levels
        abstract_named[an.get(W + "abstractNumId", "")] = named
    for num in root.iter(W + "num"):
        ref = num.find(W + "abstractNumId")
        if ref is not None:
            num_id, abstract_id = num.get(W + "numId", ""), ref.get(W + "val", "")
            numbering.levels[num_id] = abstract.get(abstract_id, {})
            numbering.named[num_id] = abstract_named.get(abstract_id, {})
    return numbering


def _int(el: Any) -> int | None:
    """The integer w:val of *el*, None when *el* is absent or says no integer."""
    if el is None:
        return None
    try:
        return int(el.get(W + "val", ""))
    except ValueError:
        return None


def _read_styles(xml: bytes | None) -> _Styles:
    """Paragraph styles: what each is based on and the numPr it sets itself."""
    from lxml import etree

    styles = _Styles()
    if not xml:
        return styles
    root = etree.fromstring(xml, parser=_xml_parser())
    for style in root.iterchildren(W + "style"):
        style_id = style.get(W + "styleId")
        if not style_id or style.get(W + "type", "paragraph") != "paragraph":
            continue
        if style.get(W + "default") in ("1", "true", "on") and styles.default is None:
            styles.default = style_id
        based_on = style.find(W + "basedOn")
        if based_on is not None and based_on.get(W + "val"):
            styles.based_on[style_id] = based_on.get(W + "val")
        num_pr = style.find(f"{W}pPr/{W}numPr")
        if num_pr is None:
            continue
        num_id = num_pr.find(W + "numId")
        if num_id is not None and num_id.get(W + "val") is not None:
            styles.num_ids[style_id] = num_id.get(W + "val")
        ilvl = _int(num_pr.find(W + "ilvl"))
        if ilvl is not None:
            styles.ilvls[style_id] = ilvl
    return styles


def _xml_parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _label(p: Any, numbering: _Numbering) -> str | None:
    """The list label Word draws before paragraph *p*, counting it; None if unnumbered.

    The paragraph's own numId and ilvl win over its style's; numId 0 means no
    numbering.  Without an ilvl anywhere, the level is the one of the list
    that names the paragraph's style (or a style it is based on), else 0.
    """
    styles = numbering.styles
    style = styles.default
    num_id: str | None = None
    ilvl: int | None = None
    p_pr = p.find(W + "pPr")
    if p_pr is not None:
        p_style = p_pr.find(W + "pStyle")
        if p_style is not None and p_style.get(W + "val"):
            style = p_style.get(W + "val")
        num_pr = p_pr.find(W + "numPr")
        if num_pr is not None:
            own = num_pr.find(W + "numId")
            num_id = own.get(W + "val") if own is not None else None
            ilvl = _int(num_pr.find(W + "ilvl"))
    if num_id is None:
        num_id = styles.num_id(style)
    if num_id is None or num_id == "0":
        return None
    if ilvl is None:
        ilvl = styles.ilvl(style)
    if ilvl is None:
        ilvl = styles.named_level(style, num_id, numbering.named.get(num_id, {}))
    return numbering.label(num_id, ilvl if ilvl is not None else 0)


def _paragraph(p: Any, numbering: _Numbering) -> str:
    parts: list[str] = []
    label = _label(p, numbering)
    if label:
        parts.append(label)
    for el in p.iter(W + "t", W + "tab", W + "br", W + "cr"):
        if el.tag == W + "t":
            parts.append(el.text or "")
        elif el.tag == W + "tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _body_lines(body: Any, numbering: _Numbering) -> list[str]:
    lines: list[str] = []
    for el in body:
        if el.tag == W + "p":
            lines.extend(_paragraph(el, numbering).split("\n"))
        elif el.tag == W + "tbl":
            for tc in el.iter(W + "tc"):
                cell = "".join(_paragraph(p, numbering) for p in tc.findall(W + "p"))
                lines.append(cell)
        elif el.tag == W + "sdt":
            content = el.find(W + "sdtContent")
            if content is not None:
                lines.extend(_body_lines(content, numbering))
    return lines


def _part(zf: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _MAX_XML:
        raise FormatError(
            f"{name} inflates to {info.file_size} bytes; refusing a possible zip bomb"
        )
    return zf.read(name)


def extract(raw: bytes) -> str:
    """The text of a .docx file, one paragraph or table cell per line."""
    from lxml import etree

    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except zipfile.BadZipFile as exc:
        raise FormatError(f"not a readable zip archive ({exc})") from None
    with zf:
        document = _part(zf, "word/document.xml")
        if document is None:
            raise FormatError("a zip archive, but not a Word document (no word/document.xml)")
        try:
            numbering = _read_numbering(_part(zf, "word/numbering.xml"))
            numbering.styles = _read_styles(_part(zf, "word/styles.xml"))
            root = etree.fromstring(document, parser=_xml_parser())
        except etree.XMLSyntaxError as exc:
            raise FormatError(f"broken Word XML ({exc})") from None
    body = root.find(W + "body")
    if body is None:
        raise FormatError("Word document without a body")
    lines = [line.strip(" ") for line in _body_lines(body, numbering)]
    return "\n".join(line for line in lines if line)
