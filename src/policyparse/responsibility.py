"""Responsible units from the bracketed statements after a measure.

（责任单位：A、B〔B的别名〕、C） names A, B and C; the 〔…〕 part of a name is
an alias.  Labels and their roles live in data/role_labels.txt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from . import data

_OPENERS = "(〔【["
_CLOSERS = ")〕】]"
_SEPARATORS = "、,"
# Unbalanced brackets must not make a search quadratic: a statement longer
# than this is not a unit list.
_MAX_STATEMENT = 2000


@dataclass(slots=True)
class Mention:
    """One unit as printed inside a responsibility statement."""

    name: str
    role: str
    start: int
    end: int
    aliases: list[str] = field(default_factory=list)


@cache
def _labels() -> tuple[regex.Pattern[str], dict[str, str]]:
    roles = {label: role for label, role in data.table("role_labels")}
    names = "|".join(sorted(roles, key=len, reverse=True))
    return regex.compile(rf"\((?=(?:{names}):)"), roles


@cache
def _label_at() -> regex.Pattern[str]:
    _, roles = _labels()
    names = "|".join(sorted(roles, key=len, reverse=True))
    return regex.compile(rf"(?P<label>{names}):\s{{0,3}}")


def _closing(folded: str, open_at: int, end: int) -> int | None:
    """Offset of the bracket closing the one at *open_at*, or None."""
    depth = 0
    stop = min(end, open_at + _MAX_STATEMENT)
    for i in range(open_at, stop):
        ch = folded[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


def _split(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of [start, end) between separators outside brackets, trimmed."""
    pieces: list[tuple[int, int]] = []
    depth = 0
    piece = start
    for i in range(start, end):
        ch = folded[i]
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in _SEPARATORS:
            pieces.append((piece, i))
            piece = i + 1
    pieces.append((piece, end))
    out = []
    for s, e in pieces:
        while s < e and folded[s] == " ":
            s += 1
        while e > s and folded[e - 1] == " ":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _mention(source: str, folded: str, start: int, end: int, role: str) -> Mention:
    """Split 市数字经济局〔市经信局〕 into its name and aliases."""
    name_end = end
    aliases: list[str] = []
    while name_end > start and folded[name_end - 1] == "〕":
        open_at = folded.rfind("〔", start, name_end - 1)
        if open_at <= start:
            break
        aliases.insert(0, source[open_at + 1 : name_end - 1].strip())
        name_end = open_at
    return Mention(source[start:name_end].strip(), role, start, end, aliases)


def find_mentions(source: str, folded: str, start: int, end: int) -> list[Mention]:
    """Every unit named by a labelled statement inside [start, end)."""
    opener, roles = _labels()
    label_at = _label_at()
    mentions: list[Mention] = []
    pos = start
    while True:
        m = opener.search(folded, pos, end)
        if m is None:
            return mentions
        close = _closing(folded, m.start(), end)
        if close is None:
            pos = m.end()
            continue
        inner = m.end()
        labels = []
        for lm in label_at.finditer(folded, inner, close):
            before = folded[lm.start() - 1] if lm.start() > inner else "("
            if lm.start() == inner or before in ";,":
                labels.append(lm)
        for k, lm in enumerate(labels):
            list_end = labels[k + 1].start() if k + 1 < len(labels) else close
            role = roles[lm.group("label")]
            for s, e in _split(folded, lm.end(), list_end):
                while e > s and folded[e - 1] in ";,、。":
                    e -= 1
                if e > s:
                    mentions.append(_mention(source, folded, s, e, role))
        pos = close + 1
