"""Set page furniture aside: the portal's 来源 line, navigation trailers, page numbers,
running heads, the 红头 and the closing lines of an official document.

Furniture leaves the block list but is returned as Pieces, so nothing is
lost: ``Document.furniture`` keeps each piece with its span.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from .. import lexicon
from ..inputs.pdflines import Margins
from ..text.dates import DATE
from ..text.fold import compact
from ..vocab import FurnitureKind
from .blocks import SHORT_LINE, Block
from .roles import signers


@cache
def _source_line() -> re.Pattern[str]:
    """来源:宁波市人民政府办公厅 发布时间:2025-08-01 11:42, labels from the lexicon."""
    issuer = lexicon.alternation(lexicon.column("layout/source_line", field="issuer"))
    date = lexicon.alternation(lexicon.column("layout/source_line", field="date"))
    return re.compile(
        rf"{issuer}:\s*(?P<issuer>[^\s:]{{1,60}})\s{{1,10}}{date}:\s{{0,3}}"
        r"(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:\s{1,3}\d{1,2}:\d{2}(?::\d{2})?)?"
    )


_PAGE_NUMBER = re.compile(
    r"(?:[-—–]\s{0,3}\d{1,4}\s{0,3}[-—–]|第\s{0,2}\d{1,4}\s{0,2}页(?:\s{0,2}共\s{0,2}\d{1,4}\s{0,2}页)?"
    r"|\d{1,4}\s{0,2}/\s{0,2}\d{1,4})"
)


@dataclass(slots=True)
class Piece:
    """A piece of page furniture removed from the block list."""

    kind: FurnitureKind
    start: int
    end: int


def _is_trailer(content: str) -> bool:
    parts = content.split()
    trailer = _trailer_words()
    return bool(parts) and all(p in trailer for p in parts)


@cache
def _trailer_words() -> frozenset[str]:
    return lexicon.words("layout/web_trailer")


@cache
def _closing() -> tuple[re.Pattern[str], ...]:
    """抄送：…, …2023年9月11日印发, （此页无正文）: words from the lexicon, by form."""
    label = lexicon.alternation(lexicon.column("layout/closing_lines", form="label"))
    dated = lexicon.alternation(lexicon.column("layout/closing_lines", form="dated_end"))
    whole = lexicon.alternation(lexicon.column("layout/closing_lines", form="whole"))
    return (
        re.compile(rf"{label}:.{{0,{SHORT_LINE}}}"),
        re.compile(rf".{{0,60}}?(?:{DATE.pattern}){dated}"),
        re.compile(rf"\(?{whole}\)?"),
    )


@cache
def _closing_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The words of each form, to pass over a line that holds none before any pattern runs."""
    return (
        lexicon.column("layout/closing_lines", form="label"),
        lexicon.column("layout/closing_lines", form="dated_end"),
        lexicon.column("layout/closing_lines", form="whole"),
    )


def _closing_kind(squeezed: str) -> FurnitureKind | None:
    """The kind of a closing line (版记) or a page note, from its text without spaces.

    Most lines hold none of the words: the patterns (a date anywhere in the line) run only
    where a word stands where its form puts it.
    """
    label, dated, whole = _closing()
    labels, dated_ends, wholes = _closing_words()
    if squeezed.startswith(labels) and label.fullmatch(squeezed):
        return "closing"
    if squeezed.endswith(dated_ends) and dated.fullmatch(squeezed):
        return "closing"
    if any(w in squeezed for w in wholes) and whole.fullmatch(squeezed):
        return "page_note"
    return None


@cache
def _issuer_head() -> re.Pattern[str]:
    """福州市人民政府办公厅文件, 江门市住房和城乡建设局 江门市财政局文件, 文件 (names drawn)."""
    ending = lexicon.alternation(lexicon.column("layout/issuer_head"))
    return re.compile(rf"(?P<names>[\u4e00-\u9fff ]{{0,60}}?){ending}")


def _is_issuer_head(content: str) -> bool:
    """The bodies' names (or none) and 文件; not a title's line (国务院办公厅关于…文件)."""
    m = _issuer_head().fullmatch(content.strip())
    if m is None:
        return False
    names = m.group("names").strip()
    if any(w in names for w in lexicon.column("extract/title_words", role="issuer_end")):
        return False
    return not names or bool(signers(names))


def _kind(content: str, edge: bool) -> FurnitureKind | None:
    """What kind of furniture a short line is, if any (the 红头 and running heads are
    found later: see set_aside_furniture).  *edge*: it may be a page number (a PDF's
    first or last lines of a page; any line of other text).
    """
    if _source_line().fullmatch(content):
        return "source_line"
    if edge and _PAGE_NUMBER.fullmatch(content):
        return "page_number"
    return _closing_kind(compact(content))


_EDGE_LINES = 3  # a PDF's page numbers and running heads stand among its first or last lines
_HEAD_LINES = 3  # the 红头 stands among the first lines of a text


@dataclass(slots=True)
class _Zones:
    """Where furniture may stand: the blocks at page edges, the first page."""

    edges: set[int]  # indices of blocks among a page's first or last lines (every block: text)
    first_page_end: int  # a PDF's second page starts here (-1: not a PDF)


def _zones(blocks: list[Block], pages: tuple[int, ...]) -> _Zones:
    if not pages:
        return _Zones(set(range(len(blocks))), -1)
    by_page: dict[int, list[int]] = {}
    for i, b in enumerate(blocks):
        by_page.setdefault(bisect_right(pages, b.start), []).append(i)
    edges: set[int] = set()
    for idx in by_page.values():
        edges.update(idx[:_EDGE_LINES] + idx[-_EDGE_LINES:])
    return _Zones(edges, pages[1] if len(pages) > 1 else 1 << 62)


def _line_pieces(folded: str, b: Block, edge: bool) -> list[Piece]:
    """The furniture short block *b* is: one piece, two, or none.

    Two: ``- 2 - 公开方式：主动公开``, a page number PDFium put on the line of a
    closing line.
    """
    kind = _kind(folded[b.start : b.end], edge)
    if kind is not None:
        return [Piece(kind, b.start, b.end)]
    m = _PAGE_NUMBER.match(folded, b.start, b.end) if edge else None
    if m is None or m.end() == b.end or folded[m.end()] != " ":
        return []
    rest = m.end()
    while folded[rest] == " ":
        rest += 1
    kind = _kind(folded[rest : b.end], False)
    if kind is None:
        return []
    return [Piece("page_number", b.start, m.end()), Piece(kind, rest, b.end)]


def _issuer_heads(
    folded: str, kept: list[Block], zones: _Zones, pieces: list[Piece]
) -> list[Block]:
    """The 红头: among the first three lines, or anywhere on a PDF's first page."""
    out = []
    for i, b in enumerate(kept):
        zone = b.start < zones.first_page_end if zones.first_page_end >= 0 else i < _HEAD_LINES
        content = folded[b.start : b.end]
        if zone and b.end - b.start <= SHORT_LINE and _is_issuer_head(content):
            pieces.append(Piece("issuer_head", b.start, b.end))
        else:
            out.append(b)
    return out


def set_aside_furniture(
    folded: str,
    blocks: list[Block],
    source: str | None = None,
    pages: tuple[int, ...] = (),
    margins: Margins | None = None,
) -> tuple[list[Block], list[Piece]]:
    """Remove the 来源 line, navigation trailers, page numbers, running heads, the 红头
    and the closing lines (抄送, 印发, 公开方式) and page notes (此页无正文).

    A running head (or foot) is a short line printed three times or more,
    each time next to a page number or a page break: a PDF copy's page
    furniture.  Repeated lines anywhere else (a table's 全国 column) stay.  With
    a PDF's *pages* (where each starts), page numbers and running heads are only
    looked for among each page's first and last three lines, and the 红头 on the
    first page; in other text, the 红头 among the first three lines.  With its
    *margins*, a line that goes on from or into a paragraph is never a head.
    """
    zones = _zones(blocks, pages)
    pieces: list[Piece] = []
    kept: list[Block] = []
    page_edges: set[int] = set()  # indices in *kept* next to a page number
    for i, b in enumerate(blocks):
        found = _line_pieces(folded, b, i in zones.edges) if b.end - b.start <= SHORT_LINE else []
        if not found:
            if pages and i in zones.edges:
                page_edges.add(len(kept))
            kept.append(b)
            continue
        pieces.extend(found)
        if found[0].kind == "page_number":
            page_edges.update((len(kept) - 1, len(kept)))
    if source is not None and "\f" in source and not pages:
        page_edges.update(_at_page_breaks(source, kept))
    if page_edges:
        kept = _running_heads(folded, kept, page_edges, pieces, source, pages, margins)
    kept = _issuer_heads(folded, kept, zones, pieces)
    head, tail = _trailers(folded, kept)
    pieces.extend(Piece("web_trailer", b.start, b.end) for b in kept[:head] + kept[tail:])
    pieces.sort(key=lambda p: p.start)
    return kept[head:tail], pieces


def _at_page_breaks(source: str, kept: list[Block]) -> list[int]:
    """Indices of the blocks within three characters of a form feed: a PDF's page break."""
    return [
        i
        for i, b in enumerate(kept)
        if "\f" in source[max(0, b.start - 3) : b.start] or "\f" in source[b.end : b.end + 3]
    ]


def _trailers(folded: str, kept: list[Block]) -> tuple[int, int]:
    """The blocks between the navigation trailers (kept[head:tail]).

    Navigation words only count as furniture at the very ends of the text.
    """
    head = 0
    while head < len(kept) and _is_trailer(folded[kept[head].start : kept[head].end]):
        head += 1
    tail = len(kept)
    while tail > head and _is_trailer(folded[kept[tail - 1].start : kept[tail - 1].end]):
        tail -= 1
    return head, tail


_RUNNING_MAX = 40


def _in_flow(kept: list[Block], i: int, margins: Margins | None) -> bool:
    """A PDF's line that goes on from the line before, or on into the next: a paragraph's."""
    if margins is None:
        return False
    b = kept[i]
    after = i > 0 and kept[i - 1].end in margins.full and b.start not in margins.indented
    return after or (
        b.end in margins.full and i + 1 < len(kept) and kept[i + 1].start not in margins.indented
    )


def _repeats(
    folded: str, kept: list[Block], source: str | None, margins: Margins | None
) -> dict[str, list[int]]:
    """The short lines of *kept* by their text: where each is printed.

    Left out: rows of table cells (tabs; a table's header printed on every page is no
    head) and a PDF's lines that belong to a paragraph's flow (layout.repair).
    """
    seen: dict[str, list[int]] = {}
    for i, b in enumerate(kept):
        if b.end - b.start > _RUNNING_MAX or _in_flow(kept, i, margins):
            continue
        if source is None or "\t" not in source[b.start : b.end]:
            seen.setdefault(compact(folded[b.start : b.end]), []).append(i)
    return seen


_HEAD_PAGES = 0.4  # a PDF's running head stands on this share of its pages at least


def _running_heads(
    folded: str,
    kept: list[Block],
    edges: set[int],
    pieces: list[Piece],
    source: str | None,
    pages: tuple[int, ...],
    margins: Margins | None,
) -> list[Block]:
    """Short lines printed three times or more at page edges; on a PDF, on three pages
    or more and on two in five of them at least."""
    drop: set[int] = set()
    need = max(3, _HEAD_PAGES * len(pages))
    for where in _repeats(folded, kept, source, margins).values():
        # The title a page head repeats stays where it is printed as the title.
        at_edges = [i for i in where if i in edges or i - 1 in edges or i + 1 in edges]
        on = len({bisect_right(pages, kept[i].start) for i in at_edges}) if pages else 3
        if len(at_edges) >= 3 and on >= need:
            drop.update(at_edges)
    pieces.extend(Piece("running_head", kept[i].start, kept[i].end) for i in sorted(drop))
    return [b for i, b in enumerate(kept) if i not in drop]


def source_line(content: str) -> tuple[str, str] | None:
    """Issuer and date of a portal's ``来源:… 发布时间:…`` line."""
    m = _source_line().fullmatch(content)
    return (m.group("issuer"), m.group("date")) if m else None
