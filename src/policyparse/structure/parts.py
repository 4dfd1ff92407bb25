"""Documents printed one after another in one file: where each begins.

A notice that issues two or more documents (印发《支持工业互联网发展若干政策》
《…行动计划》的通知) prints each one's title on a line of its own after the
signature, then its body.  A notice may also be followed by a document that
explains it (a 解读, an 起草说明, an 答记者问), its title on a line of its own or
wrapped over two or three short lines.  Each such document becomes a part of the
tree (A1, A2 …), so that their numbering, which restarts in each, does not
collide, and what they say is theirs.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from .. import lexicon
from ..layout.blocks import SHORT_LINE, Block
from ..layout.markers import match_marker
from ..layout.roles import QUOTED_TITLE
from ..text.fold import compact
from .builder import title_like

_NOTICE_END_ROLES = frozenset({"signature", "date"})


def part_openers(folded: str, blocks: list[Block]) -> dict[int, tuple[Block, ...]]:
    """The blocks that open a part (by id()), each with the lines its title wraps onto:
    lines that repeat a title the notice quotes.

    Takes the line 支持工业互联网发展若干政策 after a notice that quotes
    《支持工业互联网发展若干政策》 and 《安徽省工业互联网创新发展行动计划》, when
    both titles stand on lines of their own, or one of them where the notice names them
    one right after another (《甲清单》《乙清单》…印发: a page may print only 甲), also
    wrapped over two lines (某某行动计划 / （2024-2027年）主要目标任务); leaves a notice
    that issues one document (its plan stays at the top) and a quoted title inside a
    sentence.
    """
    end = next((k for k, b in enumerate(blocks) if b.role in _NOTICE_END_ROLES), None)
    if end is None:
        return {}
    names = {
        compact(m.group("name"))
        for b in blocks[:end]
        for m in QUOTED_TITLE.finditer(folded, b.start, b.end)
    }
    if len(names) < 2:
        return {}
    openers: dict[str, tuple[Block, tuple[Block, ...]]] = {}
    for k in range(end, len(blocks)):
        found = _title_at(folded, blocks, k, names)
        if found is not None and found[0] not in openers:
            openers[found[0]] = (blocks[k], found[1])
    # 《甲清单》《乙清单》…印发 and the page prints 甲 alone: one printed, issued with another
    alone = len(openers) == 1 and set(openers) <= _issued_together(folded, blocks[:end])
    if len(openers) < 2 and not alone:
        return {}
    return {id(b): rest for b, rest in openers.values()}


def _title_at(
    folded: str, blocks: list[Block], k: int, names: set[str]
) -> tuple[str, tuple[Block, ...]] | None:
    """The quoted title the line at *k* prints, alone or with the next line it wraps onto,
    and the lines after the first; None where it prints none."""
    b = blocks[k]
    if b.role is not None or match_marker(folded, b.start, b.end) is not None:
        return None
    text = compact(folded[b.start : b.end])
    if text in names:
        return text, ()
    if k + 1 < len(blocks) and blocks[k + 1].role is None:
        nxt = blocks[k + 1]
        joined = text + compact(folded[nxt.start : nxt.end])
        if joined in names and len(text) <= SHORT_LINE:
            return joined, (nxt,)
    return None


@cache
def _together() -> re.Pattern[str]:
    """》《, 》、《, 》和《: two quoted titles one right after another."""
    ands = lexicon.alternation(lexicon.column("extract/connectors", role="and"))
    return re.compile(rf"》(?:、|{ands})?《")


def _issued_together(folded: str, blocks: list[Block]) -> set[str]:
    """The titles a notice names one right after another (《甲》《乙》, 《甲》和《乙》): the
    documents it issues together, where a page may print only one of them; a title cited
    alone (根据《某某意见》…) is none."""
    together: set[str] = set()
    for b in blocks:
        found = list(QUOTED_TITLE.finditer(folded, b.start, b.end))
        for m, n in pairwise(found):
            if _together().fullmatch(folded, m.end() - 1, n.start() + 1):
                together |= {compact(m.group("name")), compact(n.group("name"))}
    return together


# 部门解读, 相关解读: a portal's label over a list of links, too short to name a document.
_APPENDED_TITLE_MIN = 8
_TITLE_LINES = 3


@cache
def _appended_words() -> tuple[tuple[str, ...], frozenset[str]]:
    """The last words of an appended document's title, and the notice's closing lines."""
    table = "structure/appended_parts"
    return lexicon.column(table, kind="title_end"), lexicon.words(table, kind="closing")


def appended_title(title: str | None) -> bool:
    """Whether *title* names an appended document (关于…的解读, …起草说明)."""
    text = compact(title or "")
    return len(text) >= _APPENDED_TITLE_MIN and text.endswith(_appended_words()[0])


def _title_line(folded: str, b: Block) -> bool:
    """A short unnumbered line with no part in the notice and no sentence punctuation."""
    if b.role is not None or b.end - b.start > SHORT_LINE:
        return False
    return match_marker(folded, b.start, b.end) is None and title_like(folded[b.start : b.end])


def _wraps_onto(folded: str, above: Block, below: Block) -> bool:
    """*above* is the line before *below* in one title: adjacent, title-like, not 特此通知."""
    if folded[above.end : below.start].strip():
        return False  # something stands between (furniture of a page break)
    text = compact(folded[above.start : above.end])
    ends, closing = _appended_words()
    if text in closing or text.endswith(ends):
        return False  # 特此通知 (the notice's last line), or a title (a label) of its own
    return _title_line(folded, above)


def appended_openers(folded: str, blocks: list[Block]) -> dict[int, tuple[Block, ...]]:
    """id of the first line of each appended document's title → the lines of that title.

    Takes 关于调整某项政策的解读 on its own line, or 关于阶段性实施某项 / 政策的解读 over
    two lines, with 特此通知 right above; leaves 三、政策解读 (numbered), 做好政策解读。
    (a sentence) and 部门解读 (a label too short to name a document).  Where the lines
    stand (after the body of a notice) is the outline rule's to check (appended_part).
    """
    ends = _appended_words()[0]
    out: dict[int, tuple[Block, ...]] = {}
    for i, b in enumerate(blocks):
        if b.end - b.start > SHORT_LINE or not compact(folded[b.start : b.end]).endswith(ends):
            continue  # a long block is no title (and not copied: it may be megabytes)
        if not _title_line(folded, b):
            continue
        first = i
        while i - first < _TITLE_LINES - 1 and first > 0:
            if not _wraps_onto(folded, blocks[first - 1], blocks[first]):
                break
            first -= 1
        run = tuple(blocks[first : i + 1])
        if appended_title(folded[run[0].start : b.end]):
            out[id(run[0])] = run
    return out
