"""The decisions the target rules return, and the edits they carry."""

from __future__ import annotations

from ....ruler import Decision
from ....vocab import QuantityKind
from ..reader import Candidate, Found, Reader


def take(c: Candidate, found: Found, end: int, why: str = "") -> Decision:
    """The quantity becomes *found* (a target or a figure); the next item starts at *end*."""
    clause = c.clause[0]

    def edit(reader: Reader) -> None:
        reader.memory.record((found,), clause, end)

    return Decision("target" if found.kind == "target" else found.kind, (edit,), why=why)


def take_as(c: Candidate, kind: QuantityKind) -> Decision:
    """The quantity is a figure of *kind* (a parameter, a baseline), as the draft reads it."""
    found = c.draft.copy()
    found.kind = kind
    return take(c, found, c.suffix_end)


def take_list(
    c: Candidate, found: tuple[Found, ...], end: int, spans: tuple[tuple[int, int], ...]
) -> Decision:
    """The quantities at *spans*, one list, become one target per item (a step per quantity)."""
    clause = c.clause[0]

    def edit(reader: Reader) -> None:
        reader.memory.record(found, clause, end)

    return Decision("target", (edit,), spans=spans)


def leave(why: str) -> Decision:
    """The quantity is left out, and why."""
    return Decision("skipped", why=why)
