"""The decisions the responsibility rules return, and the edits they carry."""

from __future__ import annotations

from ....ruler import Decision
from ..bodies import Mention
from ..statements import NodeState, Note


def read(units: list[Mention], notes: list[Note], read_to: int, why: str) -> Decision:
    """The statement is read: its units join the node's, its notes hold below."""

    def edit(st: NodeState) -> None:
        st.add(units, notes, read_to)

    return Decision("read", (edit,), why=why)


def notes_only(notes: list[Note]) -> Decision | None:
    """A statement that names no unit here but makes a note for later nodes: the note
    holds, and the next rule reads the statement (this decision is not final)."""
    if not notes:
        return None

    def edit(st: NodeState) -> None:
        st.note(notes)

    return Decision("note", (edit,), why="a note for later nodes", final=False)
