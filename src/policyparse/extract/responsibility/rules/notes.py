"""Statements about later nodes: 以下均需地方人民政府负责."""

from __future__ import annotations

from ....ruler import Decision
from ....text.fold import compact
from ..bodies import Mention, is_generic
from ..statements import NodeState, Note, Statement


def applies_below(st: NodeState, s: Statement) -> Decision | None:
    """A note naming a unit that answers for every measure below it.

    Takes 以下各项均需各区人民政府负责落实，不再列出 (各区人民政府, implied for the measures
    that follow); leaves 由各区负责 (no note word).
    """
    unit = compact(st.source[s.inner : s.close])
    implied = Mention(
        name=unit,
        role="responsible",
        start=s.inner,
        end=s.close,
        generic=is_generic(unit),
        cue="applies_below",
    )
    note = Note("applies_below", s.start, s.end, unit)

    def edit(state: NodeState) -> None:
        state.carry.notes.append(note)
        state.carry.applies_below.append(implied)

    return Decision("note", (edit,), why=f"{unit} answers for the measures below")
