"""A task table's unit cell cut into names: line breaks, aliases, names glued together.

Converters print several names in one cell in many ways: one per line (区建设管理委 /
（区水务局） / 上海城投集团), broken by <br>, run together with nothing between them
(区住建局区市场监管局), or one name wrapped over two lines (区土方工作 / 专班).  The
cuts here decide which; the mention finder then reads each piece (aliases, 、 lists).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from itertools import pairwise

from .. import lexicon
from ..inputs.bodies import body_ends
from ..text.brackets import without_closing_aside
from ..text.fold import compact

Span = tuple[int, int]
Printed = Callable[[str], bool]  # whether a name stands in the text outside the table
_NAME_MAX = 24  # a body's name is shorter than this


# A line break inside a cell (<br>, the line's end), or a slash between two names
# (住房集团/马陆镇: a cell of 建设单位/责任单位 naming both).
_BREAK = re.compile(r"<br>|\s*\n\s*|\s*[/／]\s*")


def pieces(source: str, start: int, end: int, printed: Printed, people: bool = False) -> list[Span]:
    """A unit cell split at its line breaks (<br>, or a paragraph cell's lines), a name
    broken over two lines kept whole.

    ``区发展改革委<br>区财政局`` is two cells' worth of units, and so is ``住房集团/马陆镇``.
    A line is joined to the one before it where the whole is one name:
    ``市生态环境局<br>某某分局`` when the document prints 市生态环境局某某分局
    elsewhere; ``区土方工作`` / ``专班`` (the first line ends as no body does, the whole
    does); ``区建设管理委`` / ``（区水务局）`` (an alias or a
    qualifier in brackets belongs to the name above).
    """
    parts: list[Span] = []
    pos = start
    for m in _BREAK.finditer(source, start, end):
        if m.start() > pos:
            parts.append((pos, m.start()))
        pos = m.end()
    if pos < end or not parts:
        parts.append((pos, end))
    out: list[Span] = [parts[0]]
    for a, b in parts[1:]:
        if _one_name(printed, compact(source[out[-1][0] : out[-1][1]]), compact(source[a:b])):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    if people:
        out = [_without_person(source, a, b) for a, b in out]
    return [cut for a, b in out for cut in _unglued(source, a, b, printed)]


_PERSON = re.compile(r"\s+[\u4e00-\u9fff]{2,4}$")  # 市民政局 伍泽国: a person after a body


def _without_person(source: str, a: int, b: int) -> Span:
    """A body without the person's name printed after it, in a column whose header says
    its cells name people too (*people*: 牵头单位及主要负责人, lexicon layout/table_cells)."""
    m = _PERSON.search(source, a, b)
    if m is None or not source[a : m.start()].endswith(glued_ends() + body_ends()):
        return a, b
    return a, m.start()


def _one_name(printed: Printed, first: str, second: str) -> bool:
    """Whether two lines of a unit cell are one name (see pieces)."""
    if second.startswith(("（", "(")) or first.endswith("、") or second.startswith("、"):
        return True
    if second in legal_forms():
        return True  # 某某科技集团 / 股份有限公司: a company's name wrapped before its form
    joined = first + second
    if len(joined) > _NAME_MAX:
        return False
    ends = glued_ends() + body_ends()
    bare = without_closing_aside(first)  # 区建设管理委（区水务局） ends as 委 does
    return (not bare.endswith(ends) and joined.endswith(ends)) or printed(joined)


def _unglued(source: str, a: int, b: int, printed: Printed) -> list[Span]:
    """Two names printed with nothing between them, cut apart: 区住建局区市场监管局.

    A cut falls after an ending of lexicon layout/glued_unit_ends when what follows
    ends so too; each name of a list (、) is cut on its own, and a name the document
    prints whole elsewhere is kept.
    """
    cuts: list[int] = []
    ends = glued_ends() + body_ends()
    last: re.Match[str] | None = None
    for m in _NAME.finditer(source, a, b):
        if last is not None and _spaced(source, last, m, ends):
            cuts.append(m.start())  # 市规划局 市建设局: two names a space apart
        cuts.extend(_cuts(source, m.start(), m.end(), printed))
        last = m
    bounds = [a, *cuts, b]
    return list(pairwise(bounds))


def _spaced(source: str, last: re.Match[str], m: re.Match[str], ends: tuple[str, ...]) -> bool:
    """Two names only spaces apart, each ending as a body does (市规划局 市建设局); leaves
    a name spaced out letter by letter (生 态 环 境) and 区 发改委."""
    gap = source[last.end() : m.start()]
    return (
        bool(gap)
        and not gap.strip()
        and "\n" not in gap
        and len(last.group()) > 2
        and len(m.group()) > 2
        and last.group().endswith(ends)
        and m.group().endswith(ends)
    )


_NAME = re.compile(r"[^、，,；;\s]+")  # one name of a list


def _cuts(source: str, a: int, b: int, printed: Printed) -> list[int]:
    """Where one name glued of two is cut (see _unglued)."""
    text = source[a:b]
    if len(text) > _NAME_MAX * 4 or "<" in text or text.count("（") != text.count("）"):
        return []
    ends = glued_ends()
    forms = legal_forms()
    cuts = [
        i
        for i in range(3, len(text) - 2)
        if text[:i].endswith(ends)
        and text[i:].endswith(ends)
        and text[i - 1] != text[i]
        and text[i:] not in forms  # 某某集团 / 股份有限公司: one company's name
        and not _branch(text[i:])  # 公安局 / 奉贤分局: a branch of the body before it
    ]
    if not cuts or printed(text):
        return []
    out: list[int] = []
    start = 0
    for i in cuts:
        if text[start:i].endswith(ends) and i - start >= 3:
            out.append(a + i)
            start = i
    return out


def _branch(rest: str) -> bool:
    """A branch's name after its parent's: a place of a few characters and the branch word
    (奉贤分局 after 公安局).  Leaves 盐都公安分局 (a name with its own sector: a body of
    its own after 区交通局) and 区消防救援支队 (a level of its own)."""
    end = next((e for e in _branch_ends() if rest.endswith(e)), None)
    if end is None or rest.startswith(_levels()):
        return False
    return len(rest) - len(end) <= _BRANCH_PLACE_MAX


_BRANCH_PLACE_MAX = 3  # 奉贤, 徐汇: the place a branch is named by


@cache
def _branch_ends() -> tuple[str, ...]:
    return tuple(lexicon.column("layout/branch_ends"))


@cache
def _levels() -> tuple[str, ...]:
    return tuple(lexicon.column("extract/place_levels", kind="level"))


@cache
def legal_forms() -> frozenset[str]:
    """有限公司, 股份有限公司 …: what follows a company's name (lexicon layout/legal_forms)."""
    return frozenset(lexicon.column("layout/legal_forms"))


@cache
def glued_ends() -> tuple[str, ...]:
    return tuple(lexicon.column("layout/glued_unit_ends"))
