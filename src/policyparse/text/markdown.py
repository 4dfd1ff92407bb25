"""Markdown marks read as the spaces a rendered page shows in their place.

A ``.md`` file (what crawlers and converters such as docling or markitdown write) is
read as its text, and spans index that text; only the marks are blanked, one
character for one, in the folded text: the YAML front matter, heading hashes
(``## 一、总体要求``), bold and italic stars (``**（一）目标**``), and rules
(``---``, ``* * *``).  Pipe tables stay as they are: layout.cells reads them.
"""

from __future__ import annotations

import re

_FRONT_MAX = 20000  # front matter is a short header of fields
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]", re.MULTILINE)
_STARS = re.compile(r"\*\*|__")
_RULE_CHARS = ("*", "-", "_")


def _blank(chars: list[str], start: int, end: int) -> None:
    for k in range(start, end):
        if chars[k] != "\n":
            chars[k] = " "


# Marks are blanked a stretch of whole lines at a time: a list of the characters of
# the whole text would cost some 80 bytes per Chinese character.
_STRETCH = 1 << 16


def blank_marks(folded: str) -> str:
    """*folded* with markdown's marks made spaces; the same length, line breaks kept."""
    front = 0
    if folded.startswith("---\n"):
        close = folded.find("\n---", 3, _FRONT_MAX)
        if close != -1:
            front = close + 4
    pieces: list[str] = []
    start = 0
    while start < len(folded):
        end = folded.find("\n", max(start + _STRETCH, front), len(folded))
        end = len(folded) if end == -1 else end + 1
        pieces.append(_blank_stretch(folded[start:end], front - start))
        start = end
    return "".join(pieces)


def _blank_stretch(text: str, front: int) -> str:
    """One stretch of whole lines with its marks blanked (and its first *front* characters)."""
    chars = list(text)
    if front > 0:
        _blank(chars, 0, front)
    for pattern in (_HEADING, _STARS):
        for m in pattern.finditer(text):
            _blank(chars, m.start(), m.end())
    pos = 0
    for line in text.split("\n"):
        if _is_rule(line):
            _blank(chars, pos, pos + len(line))
        pos += len(line) + 1
    return "".join(chars)


def _is_rule(line: str) -> bool:
    """``---``, ``* * *``, ``___``: three or more of one mark and spaces, nothing else."""
    marks = line.replace(" ", "")
    return len(marks) >= 3 and any(marks == ch * len(marks) for ch in _RULE_CHARS)
