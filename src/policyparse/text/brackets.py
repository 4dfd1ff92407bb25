"""The one bracket scanner: depth outside brackets, pairs, and quoted spans.

Titles end at the first 。 outside brackets, unit lists split at 、 outside
brackets (各区(县、市)政府 is one unit), a quantity inside （共23项） is an aside,
a quoted name holds no clause break.  Every stage asks these questions here,
on folded text (（ is already (), so half- and full-width forms are one.

Which characters count as brackets depends on the question, so the sets are
named here, once:

- ``ANY``: every bracket and quote, 《》 and angle and curly brackets too: where
  a heading's title ends (a title may quote a name with a comma in it);
- ``SPANS``: brackets and quotes of running text: where a clause's items or a
  quantity's object end;
- ``BREAKING``: brackets that suspend clause breaks (quotes do not: a quoted
  statement is read clause by clause);
- ``LISTS``: brackets inside unit lists (〔…〕 aliases, (…) glosses, 《…》 titles).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Brackets:
    """A set of opening and closing characters that nest."""

    opens: str
    closes: str


# An ASCII " closes a “ (坚持“政府引导、市场运作"。…): it closes, it never opens.
ANY = Brackets("(《“〔【[「『‘<{", ')》”〕】]」』’>}"')
SPANS = Brackets("(《“〔【[「『‘", ')》”〕】]」』’"')
BREAKING = Brackets("(〔【[「『", ")〕】]」』")
LISTS = Brackets("(〔【[《", ")〕】]》")

# Quotes whose content is a name: the opener and its closer.
QUOTES = {"“": "”", "《": "》", "「": "」", "『": "』"}
_QUOTE_CHARS = re.compile("[" + "".join(QUOTES) + "".join(QUOTES.values()) + "]")
_ROUND = re.compile(r"[()]")
# Round brackets nest a few levels in a plan; deeper than this they are noise.
_DEEPEST = 256
_ROUND_OR_BREAK = re.compile(r"[()。!?\n]")


def split_outside(
    folded: str,
    start: int,
    end: int,
    seps: str,
    brackets: Brackets,
    skip: Container[int] = (),
) -> list[tuple[int, int]]:
    """[start, end) cut at each separator outside *brackets* (and not at offsets in *skip*).

    Takes 甲、乙(丙、丁)、戊 at 、 → 甲 | 乙(丙、丁) | 戊; leaves the 、 inside the brackets.
    """
    pieces: list[tuple[int, int]] = []
    depth = 0
    piece = start
    opens, closes = brackets.opens, brackets.closes
    for i in range(start, end):
        ch = folded[i]
        if ch in opens:
            depth += 1
        elif ch in closes:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in seps and i not in skip:
            pieces.append((piece, i))
            piece = i + 1
    pieces.append((piece, end))
    return pieces


def first_outside(folded: str, start: int, end: int, chars: str, brackets: Brackets) -> int:
    """Offset of the first of *chars* outside *brackets* in [start, end), or end.

    Takes 推进“放管服”改革，优化… → the ， after 改革; leaves a ， inside “…”.
    """
    depth = 0
    opens, closes = brackets.opens, brackets.closes
    for i in range(start, end):
        ch = folded[i]
        if ch in opens:
            depth += 1
        elif ch in closes:
            if depth:
                depth -= 1
        elif depth == 0 and ch in chars:
            return i
    return end


def round_pairs(folded: str, start: int, end: int, longest: int) -> dict[int, int]:
    """Each round bracket in [start, end) that closes within *longest*, mapped to its closer.

    One pass with a stack, so unbalanced brackets cannot make a search quadratic:
    ((甲) gives {1: 3}; the first ( never closes and is left out.
    """
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for m in _ROUND.finditer(folded, start, end):
        i = m.start()
        if m.group() == "(":
            stack.append(i)
            if len(stack) > _DEEPEST:
                # Openers farther back than *longest* can pair with nothing: dropped,
                # so that millions of unclosed ones hold no memory.
                del stack[: bisect.bisect_left(stack, i - longest)]
        elif stack:
            opened = stack.pop()
            if i - opened <= longest:
                pairs[opened] = i
    return pairs


def round_spans(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside round brackets that open and close in one sentence: asides (（共23项）).

    A sentence break drops every bracket still open: 增长(约5%。 leaves no aside.
    """
    spans: list[tuple[int, int]] = []
    stack: list[int] = []
    for m in _ROUND_OR_BREAK.finditer(folded, start, end):
        i, ch = m.start(), m.group()
        if ch == "(":
            stack.append(i)
            if len(stack) > _DEEPEST:
                del stack[0]  # nested past any aside: the outermost opener is text
        elif ch == ")":
            if stack:
                spans.append((stack.pop(), i + 1))
        else:
            stack.clear()
    return spans


def quoted_spans(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside quotes and 《》, marks included: what is inside is a name.

    Takes “百城千店”, 《实施方案》; quotes do not nest (a “ inside “…” is text).
    """
    spans: list[tuple[int, int]] = []
    closer: str | None = None
    opened = 0
    for m in _QUOTE_CHARS.finditer(folded, start, end):
        ch = m.group()
        if closer is None:
            if ch in QUOTES:
                closer, opened = QUOTES[ch], m.start()
        elif ch == closer:
            spans.append((opened, m.start() + 1))
            closer = None
    return spans


_CLOSING_ASIDE = re.compile(r"[（(][^（）()]*[）)]$")
_ASIDES = re.compile(r"[（(][^（）()]*[）)]")


def without_closing_aside(text: str) -> str:
    """The text without a bracketed aside closing it: 区建设管理委（区水务局） → 区建设管理委,
    36（2021年-2025年） → 36."""
    return _CLOSING_ASIDE.sub("", text)


def without_asides(text: str) -> str:
    """The text without its bracketed asides (those holding no bracket): 综合开发(栈道、索道)、
    乙 → 综合开发、乙."""
    return _ASIDES.sub("", text)
