"""Fold full-width forms to half-width without moving any character.

Every later stage matches patterns against the folded text and reports spans
into the original.  Because the folding is one character for one character,
an offset in the folded text *is* the offset in the source: the offset map is
the identity by construction, so no span can drift.
"""

from __future__ import annotations

import re

_TABLE: dict[int, int] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_TABLE.update(
    {
        0x3000: 0x20,  # ideographic space
        0x00A0: 0x20,  # no-break space
        0x2002: 0x20,
        0x2003: 0x20,
        0x2009: 0x20,
        0x200B: 0x20,  # zero-width space
        0xFEFF: 0x20,  # stray BOM inside the text
        0x0009: 0x20,  # tab
        0x000B: 0x20,
        0x000C: 0x0A,  # form feed: a page break ends a line
        0x2028: 0x0A,  # line separator
        0x2029: 0x0A,
        0x0085: 0x0A,
        0x000D: 0x0A,  # CR: a bare CR ends a line, CRLF yields a blank line
        0x2015: 0x2014,  # horizontal bar: the dash some GB converters print for —
        0xFF61: 0x3002,  # halfwidth ideographic full stop
        0xFF64: 0x3001,  # halfwidth ideographic comma
    }
)
# Small form variants (U+FE50 block), as typeset in some documents: 3﹒ is 3.
_TABLE.update(
    {
        0xFE50: ord(","),
        0xFE51: ord("、"),
        0xFE52: ord("."),
        0xFE54: ord(";"),
        0xFE55: ord(":"),
        0xFE56: ord("?"),
        0xFE57: ord("!"),
        0xFE59: ord("("),
        0xFE5A: ord(")"),
        0xFE5D: ord("〔"),
        0xFE5E: ord("〕"),
        0xFE62: ord("+"),
        0xFE63: ord("-"),
        0xFE64: ord("<"),
        0xFE65: ord(">"),
        0xFE66: ord("="),
        0xFE6A: ord("%"),
    }
)

# Box-drawing characters, as a table drawn in text prints its borders (┌──┬──┐ / │ 1 │ 任务 │):
# a vertical line or a junction is a cell bar, a horizontal line a dash, so the table reads
# as pipe rows (layout/cells.py) and its border lines as the rows that separate them.
_HORIZONTAL = (0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550)
_TABLE.update({cp: ord("|") for cp in range(0x2502, 0x2570) if cp not in _HORIZONTAL})
_TABLE.update({cp: ord("-") for cp in _HORIZONTAL})

# Characters that print as nothing: zero-width marks, bidi controls, the soft hyphen,
# word joiners and the C0/C1 controls other than tab and line ends.  One inside a
# label (一\u200d、) or a name hides it from every pattern; read as a space, it is the
# space a PDF copy leaves (一 、), which the patterns allow.  Names and titles drop them.
INVISIBLE = "".join(
    chr(c)
    for c in (
        0x00AD,
        0x180E,
        0x200B,
        *range(0x200C, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2060, 0x2065),
        *range(0x2066, 0x206A),
        0xFEFF,
        *range(0x00, 0x09),
        *range(0x0E, 0x20),
        0x7F,
        *range(0x80, 0x85),
        *range(0x86, 0xA0),
    )
)
_TABLE.update({ord(c): 0x20 for c in INVISIBLE})
INVISIBLE_PATTERN = re.compile("[" + re.escape(INVISIBLE) + "]")

_MAP = {chr(k): chr(v) for k, v in _TABLE.items()}
# Replacing only the characters that change is several times faster than
# str.translate over every character of a mostly Chinese text.
_FOLDABLE = re.compile("[" + re.escape("".join(_MAP)) + "]")


def _swap(m: re.Match[str]) -> str:
    return _MAP[m.group()]


# re.sub keeps a piece per match until it joins them: on a text where every third
# character folds (a table of tabs) that is some 25 bytes per input byte.  Folded a
# stretch at a time, the pieces of one stretch are all it holds at once.
_STRETCH = 1 << 16


def fold(text: str) -> str:
    """Return *text* with full-width ASCII and odd spaces folded, same length."""
    if len(text) <= _STRETCH or _FOLDABLE.search(text) is None:
        return _FOLDABLE.sub(_swap, text)  # nothing to fold: the text itself, no copy
    return "".join(
        _FOLDABLE.sub(_swap, text[k : k + _STRETCH]) for k in range(0, len(text), _STRETCH)
    )


def compact(s: str) -> str:
    """Drop all whitespace and invisible characters: layout spacing inside Chinese
    titles carries no meaning, and 市商\u200d务局 is 市商务局."""
    out = "".join(s.split())
    # A search first: almost no title holds one, and translate() costs more than it.
    return INVISIBLE_PATTERN.sub("", out) if INVISIBLE_PATTERN.search(out) else out


def is_han(ch: str) -> bool:
    """Whether *ch* is one Chinese character of the basic block (not "", punctuation or a
    digit): the test of a word character in Chinese text."""
    return "\u4e00" <= ch <= "\u9fff"
