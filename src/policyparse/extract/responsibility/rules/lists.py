"""Units given by their place: a bare list closing a measure, a table's unit column."""

from __future__ import annotations

import re

from ....ruler import Decision
from ..bodies import bodies_in, is_body
from ..statements import NodeState, Statement
from .edits import read

_TRAILING = re.compile(r"[ 。]*")


def bare_list(st: NodeState, s: Statement) -> Decision | None:
    """（各区、县级市） after the last full stop of a measure: bodies with no label or verb.

    Takes 推进工作。（市发展改革委、市财政局） (responsible), a space after 。 too;
    leaves 各县（市） in a sentence (no full stop before it), （县、市） after a noun (a
    gloss: one-character names) and a bracket followed by more text.
    """
    folded, open_at = st.folded, s.start
    k = open_at - 1
    while k > 0 and folded[k] == " ":
        k -= 1  # …防线。 (区水务局、…): a space after the full stop
    before = folded[k] if k >= 0 else ""
    # Only spaces and 。 may follow; the match stops at the first other character, so a
    # long node is not copied for every bracket in it.
    trailing = _TRAILING.match(folded, s.close + 1, st.end)
    if before not in "。" or trailing is None or trailing.end() != st.end:
        return None
    units = bodies_in(st.source, folded, s.inner, s.close, "responsible", st.known)
    if units and all(
        len(u.name) > 1 and (u.generic or is_body(u.name) or st.known(u.name)) for u in units
    ):
        return read(units, [], s.close + 1, "a list of bodies closes the measure")
    return None


def table_column(st: NodeState, s: Statement) -> Decision | None:
    """A cell of a table's unit column lists units with the role its header gives.

    Takes 市发展改革委、市财政局 under 牵头单位 (lead); leaves the task cell beside it
    (not a unit column: never offered).
    """
    if s.role is None:
        return None
    units = bodies_in(st.source, st.folded, s.inner, s.close, s.role, st.known, s.cue)
    return read(units, [], st.read_to, "a unit column of a table")
