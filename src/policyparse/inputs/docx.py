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

The archive and its XML are read in docx_parts.py, Word's numbering in
docx_numbering.py; this module reads word/document.xml into lines.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Issue
from ..errors import FormatError
from . import grid
from .docx_numbering import Numbering, read_numbering, read_styles
from .docx_parts import Budget, W, drop, member, one_line, xml_events, xml_int


@dataclass(slots=True)
class _Para:
    """A paragraph being read: its text so far and what its w:pPr says of numbering."""

    parts: list[str] = field(default_factory=list)
    style: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    seen: set[str] = field(default_factory=set)  # the first pPr, pStyle, numPr, numId, ilvl

    def key(self, numbering: Numbering) -> tuple[str, int] | None:
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


@dataclass(slots=True)
class _Cell:
    """A table cell being read: its paragraphs (numbering key, text) and its merges."""

    paras: list[tuple[tuple[str, int] | None, str]] = field(default_factory=list)
    colspan: int = 1  # w:gridSpan
    continues: bool = False  # w:vMerge without val="restart": the cell above goes on

    def append(self, para: tuple[tuple[str, int] | None, str]) -> None:
        self.paras.append(para)


# What an open element is to the reader of document.xml.
_OTHER, _ROOT, _LIVE, _SDT, _TABLE, _CELL, _PARA, _PPR, _NUMPR, _TEXT, _TCPR = range(11)


# The run content that makes a paragraph's text (a w:tab in w:pPr/w:tabs is no text).
_RUN_TEXT = (W + "t", W + "tab", W + "br", W + "cr")


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

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.budget = numbering.budget
        self.lines: list[str] = []
        self.kinds: list[int] = []  # per open element
        self.objs: list[Any] = []  # per open element: its _Para, cell, first-child flags …
        self.paras: list[_Para] = []  # the open paragraphs read, innermost last
        self.cells: list[_Cell] | None = None
        self.rows: list[list[_Cell]] = []  # the table's rows, while it is one grid
        self.nested = False  # a table inside a cell: read one cell per line
        self.body_seen = False

    def start(self, tag: str, el: Any) -> None:
        kinds = self.kinds
        kind, obj = self._opened(kinds[-1] if kinds else None, tag, el)
        kinds.append(kind)
        self.objs.append(obj)

    def _opened(self, parent: int | None, tag: str, el: Any) -> tuple[int, Any]:
        """What an opening element is to the reader, by its tag and what its parent is.

        Read in one order: the root, the text of the paragraphs read, a
        paragraph, a block of the body, a table cell, then the elements that
        make a part of the document live and the paragraph's properties.
        """
        if parent is None:
            return _ROOT, None
        if self.paras and tag in _RUN_TEXT:
            return self._run_text(tag, el)
        if tag == W + "p" and parent in (_LIVE, _CELL):
            para = _Para()
            self.paras.append(para)
            return _PARA, para
        if parent == _LIVE:
            return self._block(tag)
        if self.cells is not None:
            return self._in_table(parent, tag, el)
        return self._inner(parent, tag, el), None

    def _in_table(self, parent: int, tag: str, el: Any) -> tuple[int, Any]:
        """Rows, cells, a cell's merges (w:gridSpan, w:vMerge) and a table in a cell."""
        assert self.cells is not None
        if tag == W + "tc":
            cell = _Cell()
            self.cells.append(cell)
            if self.rows:
                self.rows[-1].append(cell)
            return _CELL, cell
        if tag == W + "tr":
            self.rows.append([])
        elif tag == W + "tbl":
            self.nested = True
        elif tag == W + "tcPr" and parent == _CELL:
            return _TCPR, self.objs[-1]
        elif parent == _TCPR:
            cell = self.objs[-1]
            if tag == W + "gridSpan":
                cell.colspan = xml_int(el.get(W + "val", "")) or 1
            elif tag == W + "vMerge":
                cell.continues = el.get(W + "val") != "restart"
        return self._inner(parent, tag, el), None

    def _run_text(self, tag: str, el: Any) -> tuple[int, Any]:
        """A w:t (its text comes at its end) or a tab or break, in every open paragraph read."""
        if tag == W + "t":
            slots = [(p, len(p.parts)) for p in self.paras]
            for p in self.paras:
                p.parts.append("")
            return _TEXT, slots
        if not _tab_stop(el):
            char = "\t" if tag == W + "tab" else "\n"
            for p in self.paras:
                p.parts.append(char)
        return _OTHER, None

    def _block(self, tag: str) -> tuple[int, Any]:
        """A child of the live body other than a paragraph: a table, a content control."""
        if tag == W + "tbl":
            self.cells, self.rows, self.nested = [], [], False
            return _TABLE, None
        if tag == W + "sdt":
            return _SDT, [False]
        return _OTHER, None

    def _inner(self, parent: int, tag: str, el: Any) -> int:
        """The first w:body, the first content of a content control, a paragraph's properties."""
        if parent == _ROOT:
            if tag == W + "body" and not self.body_seen:
                self.body_seen = True
                return _LIVE
            return _OTHER
        if parent == _SDT:
            seen = self.objs[-1]
            if tag == W + "sdtContent" and not seen[0]:
                seen[0] = True
                return _LIVE
            return _OTHER
        if parent in (_PARA, _PPR, _NUMPR):
            return self._properties(parent, tag, el)
        return _OTHER

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
            para.ilvl = xml_int(el.get(W + "val", ""))
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
        drop(el)

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

    def _cell_text(self, cell: _Cell) -> str:
        """A cell's paragraphs, their Word numbering labels rendered, one per line."""
        lines: list[str] = []
        for key, text in cell.paras:
            label = self.numbering.label(*key) if key is not None else None
            lines.append((label or "") + text)
        return "\n".join(lines)

    def _table(self) -> None:
        """A table of data as tab-separated rows (inputs.grid); else one line per cell."""
        cells, self.cells = self.cells or [], None
        texts = {id(c): self._cell_text(c) for c in cells}  # labels counted in cell order
        table = grid.Grid(
            [
                [grid.GridCell(texts[id(c)], 1, c.colspan, c.continues) for c in row]
                for row in self.rows
            ]
        )
        if not self.nested and table.is_data():
            self.lines.extend(grid.lines(table))
            return
        for cell in cells:
            line = "".join(texts[id(cell)].split("\n")).strip(" ")
            if line:
                self.lines.append(line)


def _read_body(events: Iterator[tuple[str, Any]], numbering: Numbering) -> list[str]:
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
        raise FormatError(f"not a readable zip archive ({one_line(exc)})") from None
    budget = Budget(max_bytes)
    with zf:
        if "word/document.xml" not in zf.NameToInfo:
            raise FormatError("a zip archive, but not a Word document (no word/document.xml)")

        def events(name: str) -> Iterator[tuple[str, Any]] | None:
            chunks = member(zf, name, budget)
            return None if chunks is None else xml_events(chunks, name)

        numbering = read_numbering(events("word/numbering.xml"))
        numbering.budget = budget
        numbering.styles = read_styles(events("word/styles.xml"))
        document = events("word/document.xml")
        assert document is not None
        lines = _read_body(document, numbering)
    return "\n".join(lines), numbering.odd.issues()
