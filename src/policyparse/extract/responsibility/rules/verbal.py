"""Statements whose verbs give the roles: （A牵头，B配合）, 由A牵头，B配合。"""

from __future__ import annotations

from ....ruler import Decision
from ..statements import NodeState, Statement, read_verbal
from .edits import notes_only, read


def verbal(st: NodeState, s: Statement) -> Decision | None:
    """A bracket of clauses each closed by a role verb lists the units before each verb.

    Takes （市商务局牵头，市财政局、市税务局配合） and （A、B等负责。列第一位者为牵头单位，
    下同） (the first unit leads, here and below); leaves （企业自主负责） (no body before
    the verb) and （市人社局督办） (督办 is no role verb: the bracket is not read).
    """
    found = read_verbal(st, s.inner, s.close)
    if found.units is None:
        return notes_only(found.notes)
    return read(found.units, found.notes, s.close + 1, "role verbs close its clauses")


def agent_sentence(st: NodeState, s: Statement) -> Decision | None:
    """由A牵头，B配合。 at the head of a clause, closing its sentence with role verbs.

    Takes 加强市场监管，由市市场监管局负责。 and 由市市场监管局牵头，市商务局、市公安局
    等配合。; leaves 学校内由教育行政部门负责日常管理 (由 inside a clause, and the verb
    takes an object: never offered) and 由企业自主决定。 (no body).
    """
    found = read_verbal(st, s.inner, s.close)
    if found.units is None:
        return notes_only(found.notes)
    return read(found.units, found.notes, st.read_to, "由 … and role verbs")


def cell_verbs(st: NodeState, s: Statement) -> Decision | None:
    """A unit cell that states roles with verbs gives each clause the role of its verb,
    not the column's: its cells name the roles themselves.

    Takes 县生态环境分局牵头，县农业农村局配合；各乡镇落实 under 责任单位 (lead, cooperating,
    responsible) and 各有关部门按照职责分工负责; leaves 县农业农村局 (no verb: table_column
    gives the column's role) and 市商务局督办 (督办 is no role verb).
    """
    if s.role is None:
        return None
    found = read_verbal(st, s.inner, s.close)
    if not found.units:
        return None
    return read(found.units, found.notes, st.read_to, "role verbs close the cell's clauses")
