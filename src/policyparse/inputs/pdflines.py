"""A PDF page's lines from PDFium's characters, and where they meet the margins.

PDFium gives a page's text in drawing order with a line break (CRLF) between
lines and a space where it sees a gap.  From the characters' boxes this module
adds what the text alone cannot say, for the layout stage to decide with:

- which lines run to the right margin (``Margins.full``): a paragraph goes on
  after such a line, whatever character it ends with, unless the next line is
  set in from the left margin or opens a numbered item;
- which lines are set in from the left margin (``Margins.indented``): the first
  line of a paragraph, a heading, a signature, a centred title;
- a gap of two character widths or more between two characters of a line
  (cells of a table, the columns of a form, a date set apart on an 印发 line)
  is written as a tab instead of PDFium's space, so a table's rows read as
  tab-separated cells.

The margins are the document's: the left one is the leftmost position at which
two lines or more start, the right one the rightmost at which two or more end (a
justified line ends there; where a line's last punctuation hangs past it, the
better supported of the two); in a text too short for that, its leftmost start
and its rightmost end.
A line "runs to the margin" when less room is left after it than three quarters
of a character, or than its next line's first word takes (a character, or a Latin
word or a number, which is never split: ``…（GB/T`` before ``29912—2024）`` goes on),
when that line is in the same font size.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

# A gap of this many character widths between two characters is a cell border.
CELL_GAP = 2.0
# A line is set in from the margin when it starts this many widths right of it.
INDENT = 0.75
# A line runs to the right margin when less room than this (in widths) is left,
# or less than its next line's first word takes.
ROOM = 0.75
# A margin is where this many lines end (or start) alike.
_SUPPORT = 2
_CLUSTER = 1.2  # widths: how far right of the margin a hanging character may end
_LONG = 6  # characters a line needs to count for the margins
_BODY = 12  # characters at least between the margins (government pages hold 28)
_WORD = re.compile(r"[A-Za-z0-9.,:/%\-—_~+]+")


@dataclass(frozen=True, slots=True)
class Margins:
    """Where a PDF's lines meet the margins, as offsets into the joined text.

    ``full``: the end (offset after the last character) of every line that runs
    to the right margin; ``indented``: the start of every line set in from the
    left margin.  Lines of table cells are in neither.
    """

    full: frozenset[int] = frozenset()
    indented: frozenset[int] = frozenset()


@dataclass(slots=True)
class Line:
    """One line of a page: its text (gaps as tabs), where it lies, and its first word."""

    text: str
    left: float = 0.0
    right: float = 0.0
    em: float = 0.0  # the height of its characters' font box: one character width
    word: float = 0.0  # the width of its first word (Latin letters or digits) or character
    cells: bool = False  # wide gaps: cells of a table or fields of a form
    measured: bool = False  # boxes read (False where PDFium's text and characters differ)


def _box(textpage: Any, k: int) -> tuple[float, float, float, float]:
    left, bottom, right, top = textpage.get_charbox(k, loose=True)
    return float(left), float(bottom), float(right), float(top)


def _measure(textpage: Any, text: str, a: int, b: int) -> Line:
    """The line text[a:b] (no surrounding spaces; indices are PDFium's characters)."""
    first, last = _box(textpage, a), _box(textpage, b - 1)
    em = max(first[3] - first[1], last[3] - last[1], 1.0)
    chars = list(text[a:b])
    cells = False
    for k in range(a + 1, b - 1):
        if text[k] != " " or text[k - 1] == " ":
            continue
        right_of = k + 1
        while right_of < b and text[right_of] == " ":
            right_of += 1
        gap = _box(textpage, right_of)[0] - _box(textpage, k - 1)[2]
        if gap >= CELL_GAP * em:
            chars[k - a] = "\t"
            cells = True
    m = _WORD.match(text, a, b)
    word = _box(textpage, m.end() - 1 if m else a)[2] - first[0]
    return Line("".join(chars), first[0], last[2], em, word, cells, True)


def page_lines(textpage: Any, text: str) -> list[Line]:
    """The lines of one page whose PDFium text is *text* (CRLF between lines).

    Where *text* does not have one character per PDFium character (never seen;
    a character outside the BMP could do it) the lines are PDFium's, unmeasured.
    """
    measured = textpage.count_chars() == len(text)
    lines: list[Line] = []
    pos = 0
    for raw in re.split(r"(\r\n|\r|\n)", text):
        if raw in ("\r\n", "\r", "\n"):
            pos += len(raw)
            continue
        a, b = pos, pos + len(raw)
        pos = b
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a == b:
            lines.append(Line(""))
        elif measured:
            lines.append(_measure(textpage, text, a, b))
        else:
            lines.append(Line(text[a:b]))
    return lines


def _support(values: list[float]) -> dict[int, int]:
    """Positions (rounded to a point) shared by two lines or more, ±1, and how many."""
    counts = Counter(round(v) for v in values)
    support = {v: counts[v - 1] + counts[v] + counts[v + 1] for v in counts}
    return {v: n for v, n in support.items() if n >= _SUPPORT}


def _right_edge(lines: list[Line], em: float) -> float:
    """Where full lines end: of the positions several lines end at, the rightmost
    cluster's best supported (justified lines end there; lines whose last punctuation
    hangs past it end a little further right); without any, the rightmost end."""
    support = _support([ln.right for ln in lines])
    if not support:
        return max(ln.right for ln in lines)
    top = max(support)
    near = [v for v in support if v >= top - _CLUSTER * em]
    return float(max(near, key=lambda v: (support[v], v)))


def _left_edge(lines: list[Line]) -> float:
    """The leftmost position several lines start at (indented lines start further right);
    without any, the leftmost start."""
    support = _support([ln.left for ln in lines])
    return float(min(support)) - 1.0 if support else min(ln.left for ln in lines)


def _flat(pages: list[list[Line]], starts: list[int]) -> list[tuple[int, Line]]:
    """Every non-empty line with where it starts in the joined text (lines joined by LF)."""
    out = []
    for page, pos in zip(pages, starts, strict=True):
        for ln in page:
            if ln.text:
                out.append((pos, ln))
            pos += len(ln.text) + 1
    return out


def _room(line: Line, nxt: Line | None) -> float:
    """The room left after *line* below which its paragraph goes on: three quarters of a
    character, or nearly what the next line's first word takes, if in the same font size."""
    need = ROOM * line.em
    if nxt is None or not nxt.measured or abs(nxt.em - line.em) > 0.2 * line.em:
        return need
    return max(need, nxt.word - 0.1 * line.em)


def margins(pages: list[list[Line]], starts: list[int]) -> Margins:
    """Which lines run to the right margin and which are set in (see the module doc)."""
    flat = _flat(pages, starts)
    body = [
        ln
        for _, ln in flat
        if ln.measured and not ln.cells and len(ln.text.replace(" ", "")) >= _LONG
    ]
    if not body:
        return Margins()
    em = statistics.median(ln.em for ln in body)
    right, left = _right_edge(body, em), _left_edge(body)
    if right - left < _BODY * em:
        return Margins()  # no body of text: a form, a table, a few short lines
    full: set[int] = set()
    indented: set[int] = set()
    for k, (start, ln) in enumerate(flat):
        if not ln.measured or ln.cells:
            continue
        nxt = flat[k + 1][1] if k + 1 < len(flat) else None
        if right - ln.right < _room(ln, nxt):
            full.add(start + len(ln.text))
        if ln.left - left >= INDENT * ln.em:
            indented.add(start)
    return Margins(frozenset(full), frozenset(indented))
