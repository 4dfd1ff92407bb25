"""A task table printed after the plan's last item with no 附件 label (a web page that
dropped it), its heading rows numbering the plan's top level anew; and rows whose unit
cell runs over several lines before columns of words.  Synthetic; nothing copied from a
document."""

from __future__ import annotations

import policyparse

_PLAN = (
    "某市交通体系建设工作方案\n\n"
    "一、编制体系规划\n\n（一）编制规划。完善规划体系。\n\n"
    "二、推进设施建设\n\n（一）建设快速路。推进快速路建设。\n\n"
    "三、工作要求\n\n（一）加强组织领导。各部门要加强协作。\n\n"
    "（二）做好总结。按季度报送总结。\n\n"
)
_TABLE = (
    "序号\n\n内容\n\n牵头部门\n\n配合部门\n\n2026年工作任务\n\n2027年工作计划\n\n备注\n\n"
    "一、编制体系规划\n\n"
    "1\n\n编制综合交通规划\n\n规划处\n\n建设处\n\n完成规划编制。\n\n启动规划实施。\n\n"
    "二、推进设施建设\n\n"
    "2\n\n推进慢行系统建设\n\n运行处\n\n规划处\n\n养护处\n\n"
    "完成慢行项目80项。\n\n完成慢行项目90项。\n\n"
    "3\n\n增强设施安全韧性\n\n监管处\n\n建设处\n\n养护处\n\n轨道处\n\n"
    "开展安全评估。\n\n深化安全评估。\n\n"
)


def _nodes(text: str) -> dict[str, policyparse.Node]:
    return {n.path: n for n in policyparse.parse(text).walk() if n.path}


def test_a_captioned_breakdown_after_the_plan_is_a_part_of_its_own() -> None:
    nodes = _nodes(_PLAN + "某市交通体系建设任务分解表\n\n" + _TABLE)
    assert nodes["A1"].title == "某市交通体系建设任务分解表"
    assert nodes["A1.1"].title == "编制体系规划"
    assert [p for p in nodes if p.startswith("A1.")] == [
        "A1.1", "A1.1.1", "A1.2", "A1.2.2", "A1.2.3"
    ]  # fmt: skip
    # The plan's own last item keeps its text only: the table is not under 3.2.
    assert [c.path for c in nodes["3.2"].children if c.path] == []


def test_without_a_caption_the_part_opens_at_the_header_untitled() -> None:
    nodes = _nodes(_PLAN + _TABLE)
    assert nodes["A1"].title is None
    assert nodes["A1.2.3"].title == "增强设施安全韧性"


def test_a_table_whose_heading_rows_nest_stays_under_the_plan() -> None:
    # 1. / 2. heading rows: a style the body has not opened, so the table is 3.2's.
    table = _TABLE.replace("一、编制体系规划", "1.编制体系规划").replace(
        "二、推进设施建设", "2.推进设施建设"
    )
    nodes = _nodes(_PLAN + "某市交通体系建设任务分解表\n\n" + table)
    assert "A1" not in nodes
    assert nodes["3.2.1"].title == "编制体系规划"


def test_a_unit_cell_over_several_lines_keeps_the_task_and_every_body() -> None:
    nodes = _nodes(_PLAN + "某市交通体系建设任务分解表\n\n" + _TABLE)
    units = {p: [(u.name, u.role) for u in n.responsible_units] for p, n in nodes.items()}
    assert units["A1.2.2"] == [
        ("运行处", "lead"),
        ("规划处", "cooperating"),
        ("养护处", "cooperating"),
    ]
    assert nodes["A1.2.3"].title == "增强设施安全韧性"
    assert units["A1.2.3"] == [
        ("监管处", "lead"), ("建设处", "cooperating"), ("养护处", "cooperating"),
        ("轨道处", "cooperating"),
    ]  # fmt: skip
    # The words after the bodies stay under their year columns.
    years = sorted((t.year, t.value) for t in nodes["A1.2.2"].targets)
    assert years == [(2026, 80.0), (2027, 90.0)]
