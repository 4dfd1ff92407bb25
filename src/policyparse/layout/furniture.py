"""Set page furniture aside: the portal's 来源 line, navigation trailers, page numbers.

Furniture leaves the block list but is returned as Pieces, so nothing is
lost: ``Document.furniture`` keeps each piece with its span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import lexicon
from ..text.fold import compact
from ..vocab import FurnitureKind
from .blocks import SHORT_LINE, Block


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


def set_aside_furniture(
    folded: str, blocks: list[Block], source: str | None = None
) -> tuple[list[Block], list[Piece]]:
    """Remove the 来源 line, navigation trailers, page numbers and running heads.

    A running head (or foot) is a short line printed three times or more,
    each time next to a page number or a page break: a PDF copy's page
    furniture.  Repeated lines anywhere else (a table's 全国 column) stay.
    """
    pieces: list[Piece] = []
    kept: list[Block] = []
    page_edges: set[int] = set()  # indices in *kept* next to a page number
    for b in blocks:
        content = folded[b.start : b.end]
        if b.end - b.start <= SHORT_LINE:
            if _source_line().fullmatch(content):
                pieces.append(Piece("source_line", b.start, b.end))
                continue
            if _PAGE_NUMBER.fullmatch(content):
                pieces.append(Piece("page_number", b.start, b.end))
                page_edges.update((len(kept) - 1, len(kept)))
                continue
        kept.append(b)
    if source is not None and "\f" in source:
        page_edges.update(_at_page_breaks(source, kept))
    if page_edges:
        kept = _running_heads(folded, kept, page_edges, pieces)
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


def _running_heads(
    folded: str, kept: list[Block], edges: set[int], pieces: list[Piece]
) -> list[Block]:
    seen: dict[str, list[int]] = {}
    for i, b in enumerate(kept):
        if b.end - b.start <= _RUNNING_MAX:
            seen.setdefault(compact(folded[b.start : b.end]), []).append(i)
    drop: set[int] = set()
    for where in seen.values():
        # The title a page head repeats stays where it is printed as the title.
        at_edges = [i for i in where if i in edges or i - 1 in edges or i + 1 in edges]
        if len(at_edges) >= 3:
            drop.update(at_edges)
    pieces.extend(Piece("running_head", kept[i].start, kept[i].end) for i in sorted(drop))
    return [b for i, b in enumerate(kept) if i not in drop]


def source_line(content: str) -> tuple[str, str] | None:
    """Issuer and date of a portal's ``来源:… 发布时间:…`` line."""
    m = _source_line().fullmatch(content)
    return (m.group("issuer"), m.group("date")) if m else None
