"""Several documents issued under one covering notice: where each begins.

A notice that issues two or more documents (印发《支持工业互联网发展若干政策》
《…行动计划》的通知) prints each one's title on a line of its own after the
signature, then its body.  Each document becomes a part of the tree (A1, A2 …),
so that their numbering, which restarts in each, does not collide.
"""

from __future__ import annotations

import re

from ..layout.blocks import Block
from ..layout.markers import match_marker
from ..text.fold import compact

_QUOTED_TITLE = re.compile(r"《(?P<name>[^《》\n]{2,80})》")
_NOTICE_END_ROLES = frozenset({"signature", "date"})


def part_openers(folded: str, blocks: list[Block]) -> set[int]:
    """ids of the blocks that open a part: lines that repeat a title the notice quotes.

    Takes the line 支持工业互联网发展若干政策 after a notice that quotes
    《支持工业互联网发展若干政策》 and 《安徽省工业互联网创新发展行动计划》, when
    both titles stand on lines of their own; leaves a notice that issues one
    document (its plan stays at the top) and a quoted title inside a sentence.
    """
    end = next((k for k, b in enumerate(blocks) if b.role in _NOTICE_END_ROLES), None)
    if end is None:
        return set()
    names = {
        compact(m.group("name"))
        for b in blocks[:end]
        for m in _QUOTED_TITLE.finditer(folded, b.start, b.end)
    }
    if len(names) < 2:
        return set()
    openers: dict[str, int] = {}
    for b in blocks[end:]:
        if b.role is not None or match_marker(folded, b.start, b.end) is not None:
            continue
        text = compact(folded[b.start : b.end])
        if text in names and text not in openers:
            openers[text] = id(b)
    return set(openers.values()) if len(openers) >= 2 else set()
