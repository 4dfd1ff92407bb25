"""Repairs of text that went through a converter: hard wraps and glued headings."""

from __future__ import annotations

import re

from ..inputs.pdflines import Margins
from ..text.dates import is_date_line
from .blocks import Block
from .markers import match_marker

# Where two joined lines meet: from the end of one line's text to the start of the
# next's (the line break, and a page's furniture when the paragraph goes on over a
# page break).  The plan's text leaves these out (layout.plan).
Gap = tuple[int, int]

_TERMINAL = "。!?;:」』”)》"
# A 。 or ) followed by what could open a numbering marker.
# After a closing bracket only a bracketed or 一、 heading: （…3号）第三条 is a citation.
# After a colon only 一、: 通知如下：一、… (a notice run into one line) opens its first section.
_GLUE = re.compile(
    r"。 *(?=[(一二三四五六七八九十第\u2460-\u249b\u3220-\u3229])"
    r"|\) *(?=[(一二三四五六七八九十\u2460-\u249b\u3220-\u3229])"
    r"|: *(?=一、)"
)
_WRAP_MIN = 20


def _opens(folded: str, b: Block) -> bool:
    """A numbered item or a date opens at block *b*: it never continues the line before."""
    return match_marker(folded, b.start, b.end) is not None or is_date_line(folded[b.start : b.end])


def join_wrapped(
    source: str, folded: str, blocks: list[Block], margins: Margins
) -> tuple[list[Block], list[Gap]]:
    """Join the lines of a PDF's paragraphs, wherever they wrap (inputs.pdflines).

    A line that runs to the right margin goes on in the next block, whatever it ends
    with, across a page break too (the furniture between is already set aside),
    unless the next block is set in from the left margin (a new paragraph, a heading,
    a signature), opens a numbered item or a date, or either is a row of table cells
    (tabs).  Takes 市\n农业农村委 (one unit) and 120\n万元; leaves …。\n（二）… and a
    short line before an indented one.  Returns the blocks and the gaps closed.
    """
    out: list[Block] = []
    gaps: list[Gap] = []
    for b in blocks:
        if out:
            prev = out[-1]
            if (
                prev.end in margins.full
                and b.start not in margins.indented
                and "\t" not in source[b.start : b.end]
                and not _opens(folded, b)
            ):
                gaps.append((prev.end, b.start))
                out[-1] = Block(prev.start, b.end)
                continue
        out.append(b)
    return out, gaps


def unwrap(folded: str, blocks: list[Block]) -> tuple[list[Block], list[Gap]]:
    """Join lines hard-wrapped at a fixed width (a PDF copy) back into paragraphs.

    A text is wrapped when many of its lines have the same length; a line of
    that length which does not end a sentence continues on the next line,
    unless the next line opens with a numbering marker.  Returns the blocks
    and the gaps closed (one per join).
    """
    widths: dict[int, int] = {}
    for b in blocks:
        w = b.end - (folded.rfind("\n", 0, b.start) + 1)
        if w >= 10:
            widths[w] = widths.get(w, 0) + 1
    if not widths:
        return blocks, []
    width = max(widths, key=lambda w: (widths[w] + widths.get(w - 1, 0) + widths.get(w + 1, 0), w))
    near = widths[width] + widths.get(width - 1, 0) + widths.get(width + 1, 0)
    # Evidence of wrapping: five lines or more, two in five of all lines, at
    # one width (±1) of at least 20 characters.
    if width < _WRAP_MIN or near < 5 or near * 5 < sum(widths.values()) * 2:
        return blocks, []
    out: list[Block] = []
    gaps: list[Gap] = []
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
                gaps.append((prev.end, b.start))
                out[-1] = Block(prev.start, b.end)
                continue
        out.append(b)
    return out, gaps


def unglue(folded: str, blocks: list[Block]) -> list[Block]:
    """Split "…。(二)加强…" (or "…)(二)…", or "…如下：一、…") where a heading was glued to the
    text before it.

    The part after 。 becomes a block of its own, marked glued; whether its
    marker really opens a node is for the structure stage to decide (if not,
    it simply continues the text it was glued to).
    """
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
                out.extend(_title_glued(folded, Block(start, pos + 1, glued=glued)))
                start, glued = nxt, True
            pos = _glue_point(folded, pos + 1, b.end)
        out.extend(_title_glued(folded, Block(start, b.end, glued=glued)))
    return out


_TITLE_MAX = 20  # a heading's title is short: 重点任务, 加强组织领导
_OUTER = ("cn_dun", "zh_part", "zh_chapter", "zh_section")
_INNER = ("cn_paren", "arabic_paren")
_SENTENCE_MARKS = "。,;:!?"


def _title_glued(folded: str, b: Block) -> list[Block]:
    """Split "二、重点任务(一)促进就业…": a section heading's title glued to its first item.

    Text pasted as one line loses the break after a heading's title, which ends in no
    punctuation.  Takes 二、重点任务(一)… and 第二章 保障措施(一)…: a first bracketed
    marker, (一) or (1), within 20 characters of the heading's marker with no punctuation
    between.  Leaves 一、坚持创新驱动，(一)… (a clause, not a title, comes first) and
    一、重点任务(三)… (a list does not start at three).
    """
    outer = match_marker(folded, b.start, b.end)
    if outer is None or outer.style not in _OUTER:
        return [b]
    limit = min(b.end, outer.end + _TITLE_MAX + 1)
    at = folded.find("(", outer.end + 1, limit)
    if at == -1 or any(ch in _SENTENCE_MARKS for ch in folded[outer.end : at]):
        return [b]
    inner = match_marker(folded, at, b.end)
    if inner is None or inner.style not in _INNER or inner.value != 1 or inner.end >= b.end:
        return [b]
    return [Block(b.start, at, glued=b.glued), Block(at, b.end, glued=True)]


def _glue_point(folded: str, start: int, end: int) -> int:
    """The next 。 or ) after which a heading may have been glued, or -1."""
    m = _GLUE.search(folded, start, end)
    return m.start() if m else -1
