"""Cut the folded text into blocks and set page furniture aside.

A block is one non-blank line, trimmed; its span is exact in the source.
Furniture (the portal's 来源 line, navigation trailers, page numbers) leaves
the block list but is returned, so nothing is lost.  Blocks that play a
fixed part in a notice (文号, signature, date, notes, 附件 lines) get a role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import data
from .titles import compact

# Role and furniture patterns only ever see short lines, so even a pattern
# with a lazy quantifier stays linear in the size of the document.
SHORT_LINE = 200

_SOURCE_LINE = re.compile(
    r"来源:\s*(?P<issuer>[^\s:]{1,60})\s{1,10}发布(?:时间|日期):\s{0,3}"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:\s{1,3}\d{1,2}:\d{2}(?::\d{2})?)?"
)
_PAGE_NUMBER = re.compile(
    r"(?:[-—–]\s{0,3}\d{1,4}\s{0,3}[-—–]|第\s{0,2}\d{1,4}\s{0,2}页(?:\s{0,2}共\s{0,2}\d{1,4}\s{0,2}页)?"
    r"|\d{1,4}\s{0,2}/\s{0,2}\d{1,4})"
)
_CN_DATE_DIGIT = "〇零○一二三四五六七八九"
DATE_LINE = re.compile(
    rf"(?P<y>\d{{4}}|[{_CN_DATE_DIGIT}]{{4}})\s{{0,2}}年\s{{0,2}}"
    rf"(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s{{0,2}}月\s{{0,2}}"
    rf"(?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s{{0,2}}日"
)
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,15}\s{0,2}[〔\[(【](?:19|20)\d{2}[〕\])】]\s{0,2}\d{1,5}\s{0,2}号"
)
_NOTE = re.compile(r"\((?P<w>[\u4e00-\u9fff]{2})[^()\n]{0,20}\)")
_ATTACHMENT_MARKER = re.compile(r"附\s{0,3}件\s{0,2}(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})?")
_ATTACHMENT_LIST = re.compile(r"附件\s{0,2}\d{0,2}\s{0,2}:")
_LIST_CONTINUATION = re.compile(r"\d{1,2}\s{0,2}[.、]")
_SENTENCE_PUNCT = re.compile(r"[，。；：,;:！？!?]")
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff()（）]{2,40}")
# Entities a page printed literally (&sp;, &nbsp;): layout noise on a signature line.
_STRAY_ENTITY = re.compile(r"&[a-zA-Z]{2,8};")


@dataclass(slots=True)
class Block:
    """One trimmed, non-blank line and the part it plays, if a fixed one."""

    start: int
    end: int
    role: str | None = None
    glued: bool = False  # split off the paragraph before it (…。(二)加强…)


@dataclass(slots=True)
class Piece:
    """A piece of page furniture removed from the block list."""

    kind: str
    start: int
    end: int


def split_blocks(folded: str) -> list[Block]:
    """Non-blank lines of *folded*, trimmed of surrounding spaces."""
    blocks: list[Block] = []
    pos = 0
    for line in folded.split("\n"):
        stripped = line.strip(" ")
        if stripped:
            lead = len(line) - len(line.lstrip(" "))
            blocks.append(Block(pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return blocks


def _is_trailer(content: str) -> bool:
    parts = content.split()
    return bool(parts) and all(p in data.words("web_trailer") for p in parts)


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
            if _SOURCE_LINE.fullmatch(content):
                pieces.append(Piece("source_line", b.start, b.end))
                continue
            if _PAGE_NUMBER.fullmatch(content):
                pieces.append(Piece("page_number", b.start, b.end))
                page_edges.update((len(kept) - 1, len(kept)))
                continue
        kept.append(b)
    if source is not None and "\f" in source:
        for i, b in enumerate(kept):
            if "\f" in source[max(0, b.start - 3) : b.start] or "\f" in source[b.end : b.end + 3]:
                page_edges.add(i)
    if page_edges:
        kept = _running_heads(folded, kept, page_edges, pieces)
    # Navigation words only count as furniture at the very ends of the text.
    head = 0
    while head < len(kept) and _is_trailer(folded[kept[head].start : kept[head].end]):
        head += 1
    tail = len(kept)
    while tail > head and _is_trailer(folded[kept[tail - 1].start : kept[tail - 1].end]):
        tail -= 1
    pieces.extend(Piece("web_trailer", b.start, b.end) for b in kept[:head] + kept[tail:])
    pieces.sort(key=lambda p: p.start)
    return kept[head:tail], pieces


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


_TERMINAL = "。!?;:」』”)》"
# A 。 or ) followed by what could open a numbering marker.
_GLUE = re.compile(r"[。)] *(?=[(一二三四五六七八九十第\u2460-\u249b\u3220-\u3229])")
_WRAP_MIN = 20


def unwrap(folded: str, blocks: list[Block]) -> tuple[list[Block], int]:
    """Join lines hard-wrapped at a fixed width (a PDF copy) back into paragraphs.

    A text is wrapped when many of its lines have the same length; a line of
    that length which does not end a sentence continues on the next line,
    unless the next line opens with a numbering marker.  Returns the blocks
    and the number of joins made.
    """
    from .numbering import match_marker

    widths: dict[int, int] = {}
    for b in blocks:
        w = b.end - (folded.rfind("\n", 0, b.start) + 1)
        if w >= 10:
            widths[w] = widths.get(w, 0) + 1
    if not widths:
        return blocks, 0
    width = max(widths, key=lambda w: (widths[w] + widths.get(w - 1, 0) + widths.get(w + 1, 0), w))
    near = widths[width] + widths.get(width - 1, 0) + widths.get(width + 1, 0)
    # Evidence of wrapping: five lines or more, two in five of all lines, at
    # one width (±1) of at least 20 characters.
    if width < _WRAP_MIN or near < 5 or near * 5 < sum(widths.values()) * 2:
        return blocks, 0
    out: list[Block] = []
    joins = 0
    for b in blocks:
        if out:
            prev = out[-1]
            line = prev.end - (folded.rfind("\n", 0, prev.end) + 1)
            if (
                line >= width - 1
                and folded[prev.end - 1] not in _TERMINAL
                and match_marker(folded, b.start, b.end) is None
                and not is_date_line(folded[b.start : b.end])
            ):
                out[-1] = Block(prev.start, b.end)
                joins += 1
                continue
        out.append(b)
    return out, joins


def unglue(folded: str, blocks: list[Block]) -> list[Block]:
    """Split "…。(二)加强…" (or "…)(二)…") where a heading was glued to the text before it.

    The part after 。 becomes a block of its own, marked glued; whether its
    marker really opens a node is for the structure stage to decide (if not,
    it simply continues the text it was glued to).
    """
    from .numbering import match_marker

    out: list[Block] = []
    for b in blocks:
        start, glued = b.start, b.glued
        pos = _glue_point(folded, b.start, b.end)
        while pos != -1:
            nxt = pos + 1
            while nxt < b.end and folded[nxt] == " ":
                nxt += 1
            mk = match_marker(folded, nxt, b.end) if nxt < b.end else None
            if mk is not None and mk.style != "arabic" and mk.end < b.end:
                out.append(Block(start, pos + 1, glued=glued))
                start, glued = nxt, True
            pos = _glue_point(folded, pos + 1, b.end)
        out.append(Block(start, b.end, glued=glued))
    return out


def _glue_point(folded: str, start: int, end: int) -> int:
    """The next 。 or ) after which a heading may have been glued, or -1."""
    m = _GLUE.search(folded, start, end)
    return m.start() if m else -1


def source_line(content: str) -> tuple[str, str] | None:
    """Issuer and date of a portal's ``来源:… 发布时间:…`` line."""
    m = _SOURCE_LINE.fullmatch(content)
    return (m.group("issuer"), m.group("date")) if m else None


def is_date_line(content: str) -> bool:
    return len(content) <= 40 and DATE_LINE.fullmatch(compact(content)) is not None


def signers(content: str) -> list[str]:
    """The bodies on a signature line: 国务院办公厅　中央军委办公厅 → both."""
    if len(content) > SHORT_LINE:
        return []
    names = _STRAY_ENTITY.sub(" ", content).split()
    suffixes = tuple(data.words("organ_suffixes"))
    if names and all(_CJK_ONLY.fullmatch(n) and n.endswith(suffixes) for n in names):
        return names
    return []


def _is_organ_line(content: str) -> bool:
    return bool(signers(content))


def assign_roles(folded: str, blocks: list[Block]) -> None:
    """Mark the blocks that are fixed parts of a notice, in place."""
    in_list = False
    for i, b in enumerate(blocks):
        if b.end - b.start > SHORT_LINE:
            in_list = False
            continue
        content = folded[b.start : b.end]
        squeezed = compact(content)
        if in_list and _LIST_CONTINUATION.match(squeezed) and not _SENTENCE_PUNCT.search(squeezed):
            b.role = "attachment_list"
            continue
        in_list = False
        if is_date_line(content):
            b.role = "date"
            # Signers stand on the lines right above the date.
            j = i - 1
            while j >= 0 and i - j <= 4 and blocks[j].role is None:
                prev = folded[blocks[j].start : blocks[j].end]
                if not _is_organ_line(prev):
                    break
                blocks[j].role = "signature"
                j -= 1
        elif DOC_NUMBER.fullmatch(squeezed):
            b.role = "doc_number"
        elif (m := _NOTE.fullmatch(squeezed)) and m.group("w") in data.words("note_words"):
            b.role = "note"
        elif _ATTACHMENT_LIST.match(squeezed):
            b.role = "attachment_list"
            in_list = True
        elif _ATTACHMENT_MARKER.fullmatch(squeezed):
            b.role = "attachment_marker"
