"""A task table one cell per line, its cells a blank line apart, whose unit cells print one
body per line and whose group column is merged over rows (printed on a group's first row
only): each row's first body is its lead unit, the rest the last unit column's, and the
row's cells of words stand right-aligned under the text columns.  Synthetic; nothing copied
from a document."""

from __future__ import annotations

import policyparse

_HEADER = ["序号", "事项分类", "事项名称", "项目内容", "牵头单位", "协同单位"]
_ROWS = [
    # number, group cell (printed on the group's first row only), name, content, bodies
    ("1", "建设教育强区", "新建一批学校", "新建中小学校3所。", ["区教育局", "甲镇", "乙乡",
     "丙街道", "丁镇", "区发展改革局", "区城建集团", "区财政局", "区自然资源局",
     "区住建局", "区水务局"]),
    ("2", None, "学校食堂改造", "改造学校食堂12所。", ["区教育局", "/"]),
    ("3", "健康乐民工程", "新建村卫生室", "新建村卫生室20家。", ["区卫健局", "各乡镇(街道)"]),
    ("4", None, "卫生院迁建", "迁建卫生院1家。", ["区卫健局", "乙乡", "区发展改革局", "区财政局"]),
]  # fmt: skip


def _text() -> str:
    lines = ["附件1", "某区2024年民生实事任务分解表", *_HEADER]
    for number, group, name, content, bodies in _ROWS:
        lines += [number, *([group] if group else []), name, content, *bodies]
    return "\n\n".join(lines) + "\n"


def test_unit_cells_one_body_per_line_give_the_lead_and_the_rest() -> None:
    doc = policyparse.parse(_text())
    got = [
        (n.path, n.title, [(u.name, u.role) for u in n.responsible_units])
        for n in doc.walk()
        if n.path and n.path != "A1"
    ]
    want = [
        (f"A1.{number}", name, [(bodies[0], "lead")]
         + [(b, "cooperating") for b in bodies[1:] if b != "/"])
        for number, _, name, _, bodies in _ROWS
    ]  # fmt: skip
    assert got == want


def test_townships_in_a_unit_cell_are_bodies() -> None:
    """甲镇, 乙乡, 丙街道: a township answers for its part like a district does (区, 县)."""
    doc = policyparse.parse(_text())
    first = next(n for n in doc.walk() if n.path == "A1.1")
    names = [u.name for u in first.responsible_units]
    assert {"甲镇", "乙乡", "丙街道", "丁镇"} <= set(names)
    for u in first.responsible_units:
        assert _text()[u.span[0] : u.span[1]] == u.name
