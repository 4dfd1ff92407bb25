"""Word files to text, with lxml and the standard zipfile module only.

word/document.xml gives paragraphs (one line each), line breaks, tabs and
tables (one cell per line, as portals render them).  Numbering that Word
draws itself (w:numPr) is rendered from word/numbering.xml where it can be
resolved, so a heading numbered by Word reads "一、…" like a typed one.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

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


@dataclass(slots=True)
class _Numbering:
    """numId → levels, and the running counters Word keeps per list."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

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
    for an in root.iter(W + "abstractNum"):
        levels: dict[int, _Level] = {}
        for lvl in an.iter(W + "lvl"):
            ilvl = int(lvl.get(W + "ilvl", "0"))
            fmt = lvl.find(W + "numFmt")
            text = lvl.find(W + "lvlText")
            start = lvl.find(W + "start")
            levels[ilvl] = _Level(
                fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
                text.get(W + "val", "") if text is not None else "",
                int(start.get(W + "val", "1")) if start is not None else 1,
            )
        abstract[an.get(W + "abstractNumId", "")] = levels
    for num in root.iter(W + "num"):
        ref = num.find(W + "abstractNumId")
        if ref is not None:
            numbering.levels[num.get(W + "numId", "")] = abstract.get(ref.get(W + "val", ""), {})
    return numbering


def _xml_parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def _paragraph(p: Any, numbering: _Numbering) -> str:
    parts: list[str] = []
    num_pr = p.find(f"{W}pPr/{W}numPr")
    if num_pr is not None:
        ilvl = num_pr.find(W + "ilvl")
        num_id = num_pr.find(W + "numId")
        if num_id is not None:
            label = numbering.label(
                num_id.get(W + "val", ""), int(ilvl.get(W + "val", "0")) if ilvl is not None else 0
            )
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
            root = etree.fromstring(document, parser=_xml_parser())
        except etree.XMLSyntaxError as exc:
            raise FormatError(f"broken Word XML ({exc})") from None
    body = root.find(W + "body")
    if body is None:
        raise FormatError("Word document without a body")
    lines = [line.strip(" ") for line in _body_lines(body, numbering)]
    return "\n".join(line for line in lines if line)
