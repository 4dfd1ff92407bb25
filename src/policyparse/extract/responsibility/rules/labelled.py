"""Statements whose fields are labelled: （责任单位：A、B）, （牵头单位：A；配合单位：B）, and
lines of their own that open with a role label (牵头单位：A)."""

from __future__ import annotations

from ....ruler import Decision
from ..statements import NodeState, Statement, read_labelled
from .edits import read


def labelled(st: NodeState, s: Statement) -> Decision | None:
    """A bracket that opens with a role label lists the units of each labelled field.

    Takes （牵头单位：市发展改革委；配合单位：市财政局） (lead, cooperating) and
    〔责任单位：A、B按职责分工负责〕; leaves （适用范围：全市） (no role label first) and
    （A牵头，B配合） (the verbal form).
    """
    units = read_labelled(st, s.inner, s.close)
    if units is None:
        return None
    return read(units, [], s.close + 1, "a role label opens the statement")


def labelled_line(st: NodeState, s: Statement) -> Decision | None:
    """A line of its own that opens with a role label lists the units of each labelled
    field, for the item above it: a division of work printed as labelled lines.

    Takes 1.地区生产总值增长8%以上。 / 牵头责任单位：市发展改革委。 / 协同责任单位：市经信局、
    市商务局 (lead; cooperating) and 牵头单位：A；配合单位：B on one line; leaves 牵头负责领导：
    张三。 and 主要任务：… (no role label first: a person, a field of another kind).
    """
    units = read_labelled(st, s.inner, s.close)
    if units is None:
        return None
    return read(units, [], s.close, "a role label opens the line")
