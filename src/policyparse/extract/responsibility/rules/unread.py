"""What no rule reads: kept in the trace, so a missed statement can be seen."""

from __future__ import annotations

from ....ruler import Decision
from ..statements import NodeState, Statement


def not_read(st: NodeState, s: Statement) -> Decision | None:
    """No rule reads the statement: it names no unit, or names one in a form not known yet.

    Takes （含县级市）, （以下简称“方案”） and （市人社局督办） (督办 is in no role table);
    leaves nothing (it always decides).
    """
    return Decision("not_read", why="no role label, role verb or closing list of bodies")
