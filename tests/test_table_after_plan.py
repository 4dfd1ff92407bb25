"""A task table printed after the plan's last item with no 附件 label (a web page that
dropped it), its heading rows numbering the plan's top level anew; and rows whose unit
cell runs over several lines before columns of words.  Synthetic; nothing copied from a
document."""

from __future__ import annotations

import policyparse
from spans import check_document

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


def test_a_group_heading_read_as_a_rows_cell_opens_nothing_inside_the_row() -> None:
    """A row printed before its group's heading (1.推广范围 / 一、某某方面): the table reads
    the heading as a cell of the row, so it is the row's text, not a child inside it (a
    child must start after its parent's own text; found by tests/test_mutations.py)."""
    text = (
        "关于推广改革举措的通知\n各区人民政府：\n现将有关事项通知如下。\n一、推广的改革举措\n"
        "（一）知识产权保护方面2项。\n二、抓好组织实施\n各区要抓好落实。\n附件：改革举措推广清单\n"
        "青川市人民政府\n2024年5月6日\n附件\n改革举措推广清单\n序号\n改革举措\n主要内容\n指导部门\n"
        "1.推广范围\n一、知识产权保护方面（共2项）\n专利案件快速审判机制\n"
        "整合分散的审判资源，提高审判效率。\n市中级人民法院、市知识产权局\n"
    )
    doc = policyparse.parse(text)
    check_document(doc, text)
    [row] = [n for n in doc.walk() if n.path == "A1.1"]
    assert not row.children
    assert "一、知识产权保护方面" in row.text
    assert [u.name for u in row.responsible_units] == ["市中级人民法院", "市知识产权局"]
