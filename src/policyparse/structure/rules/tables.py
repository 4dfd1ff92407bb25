"""Blocks of a table rendered one cell per line (found by layout.tables)."""

from __future__ import annotations

from functools import partial

from ...ruler import Decision
from ..builder import OutlineState
from .base import Seen


def table_row(st: OutlineState, s: Seen) -> Decision | None:
    """The number cell of a table row opens the row's measure (kept as text if its path is taken).

    Takes 1 under 序号/改革举措/…/指导部门; leaves 1 in a table with no responsibility column.
    """
    rows = st.rows.get(id(s.block))
    if not rows:
        return None
    # A group heading printed in the row's first cell (一、… | 1 | …) opens before the row.
    return Decision(
        "measure", tuple(partial(OutlineState.row_or_text, b=s.block, row=row) for row in rows)
    )


def table_cell(st: OutlineState, s: Seen) -> Decision | None:
    """The other cells of a row belong to the row opened above; they open nothing.

    Takes 专利快速审查 in a row, and 一、某某方面 where the table read it as a cell of the
    open row (a row printed before its group's heading: the row's text holds it); leaves a
    line after the table.
    """
    b = s.block
    if id(b) in st.cells or any(
        n.style == "table_row" and n.text_start <= b.start < n.text_end for n in st.stack
    ):
        return Decision("cell")
    return None


def table_value(st: OutlineState, s: Seen) -> Decision | None:
    """A figure of an indicator table is text of the node the table stands in.

    Takes 4.1左右 in a row under 2030年 (which reads like a heading 4. after 3. 发展目标);
    leaves 4.加强监测 outside a table.
    """
    if id(s.block) not in st.values:
        return None
    return Decision("text", (partial(OutlineState.place_text, b=s.block),))


def table_part(st: OutlineState, s: Seen) -> Decision | None:
    """A task table whose heading rows number the plan's top level anew is the plan's
    breakdown printed after it (the 附件 label lost): a part of its own, A<k>, titled by
    its caption.

    Takes 某某任务分解表 / 序号 / 任务 / 牵头单位 / 一、推进… / 1 … after 四、工作要求 (一、
    cannot follow 四、 in the body); leaves a table under （二） whose heading rows are 1.、2.
    (a style the body has not opened: they nest), and one whose heading rows go on (五、).
    """
    found = st.table_heads.get(id(s.block))
    if found is None:
        return None
    captioned, mk = found
    top = st.stack[0] if st.stack else None
    if top is None or top.style != mk.style or mk.value != 1 or (top.number or 0) < 2:
        return None
    return Decision(
        "attachment", (partial(OutlineState.open_table_part, b=s.block, captioned=captioned),)
    )
