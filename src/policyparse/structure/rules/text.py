"""Unnumbered text."""

from __future__ import annotations

from functools import partial

from ...ruler import Decision
from ..builder import OutlineState
from .base import Seen


def body(st: OutlineState, s: Seen) -> Decision | None:
    """Unnumbered text belongs to the deepest open node (or the top); it always places.

    Takes any paragraph; leaves nothing.
    """
    return Decision("text", (partial(OutlineState.place_text, b=s.block),))
