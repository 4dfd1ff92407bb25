"""What no rule reads: kept in the trace, so a missed statement can be seen."""

from __future__ import annotations

from ....ruler import Decision
from ....text.fold import compact
from ..bodies import is_body
from ..statements import NodeState, Statement

_TAIL_MAX = 6  # a role word is short; a longer tail is prose


def not_read(st: NodeState, s: Statement) -> Decision | None:
    """No rule reads the statement: it names no unit, or names one in a form not known yet.

    Takes （含县级市）, （以下简称“方案”） and （市人社局督办），… (督办 is in no role table:
    the trace says ``督办: no role word``); leaves nothing (it always decides).
    """
    return Decision("not_read", why=_why(st, s))


def _why(st: NodeState, s: Statement) -> str:
    """Name the word after a body that the lexicon does not know as a role word."""
    inside = compact(st.source[s.inner : s.close])
    for k in range(len(inside) - 1, max(0, len(inside) - 1 - _TAIL_MAX), -1):
        head, tail = inside[:k], inside[k:]
        if is_body(head) or st.known(head):
            return f"{tail}: no role word (lexicon extract/role_verbs, role_labels)"
    return "no role label, role verb or closing list of bodies"
