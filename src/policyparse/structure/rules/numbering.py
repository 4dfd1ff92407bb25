"""Numbered blocks: 专栏 boxes and the markers of every numbering style."""

from __future__ import annotations

from functools import partial

from ...layout.markers import match_box
from ...ruler import Decision
from ..builder import OutlineState
from .base import Seen


def box(st: OutlineState, s: Seen) -> Decision | None:
    """专栏N opens a box inside the deepest open node: path <node>.BN, its lines follow it.

    Takes 专栏2  工业互联网标识解析体系增强工程, and 专栏“十五五”时期主要指标 with its table
    right below (no number: path <node>.B); leaves 专栏目录 (no number, no table) and
    一、设立专栏 (a numbered heading).
    """
    if s.marker is not None:
        return None
    found = match_box(st.folded, s.block.start, s.block.end)
    if found is None or (found.value == 0 and not _table_after(st, s.block.end)):
        return None
    return Decision("box", (partial(OutlineState.box_or_text, b=s.block, box=found),))


_GAP = 4  # blank lines and spaces between a box's title and its table


def _table_after(st: OutlineState, end: int) -> bool:
    """A table read starts right after *end* (an unnumbered 专栏 title, then its table)."""
    return any(end < t <= end + _GAP and not st.folded[end:t].strip() for t in st.table_ends)


def numbered(st: OutlineState, s: Seen) -> Decision | None:
    """A marker that continues a sequence opens a node at the depth its style gives.

    Takes （二） after （一）; leaves 3. opening a paragraph where no 1. or 2. came before.
    A repeated number (（二） after （二）) is kept as text here, with a warning.
    """
    mk = s.marker
    if mk is None:
        return None
    depth, issue = st.depth_for(mk)
    warn = (partial(OutlineState.warn, issue=issue),) if issue is not None else ()
    if depth is None:
        if issue is None:
            return None
        place = partial(OutlineState.place_text, b=s.block)
        return Decision("text", (*warn, place), why=issue.message)
    edit = partial(OutlineState.open_or_text, b=s.block, mk=mk, depth=depth)
    return Decision("section", (*warn, edit), why=mk.style)
