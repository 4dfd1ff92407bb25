"""Lists printed one cell per line whose header row is lost: numbered rows, each with a
line of the bodies responsible.  Synthetic; nothing copied from a document."""

from __future__ import annotations

import policyparse

_NOTICE = (
    "某区城市体检工作方案\n\n一、工作任务\n\n开展区级体检。\n\n附件1\n\n某区城市体检指标体系\n\n"
)


def _row(n: str, name: str, definition: str, measure: str, bodies: str, note: str) -> str:
    return "\n\n".join((n, name, definition, measure, bodies, note)) + "\n\n"


_INDICATORS = (
    "品质宜居\n\n"
    + _row(
        "*1",
        "千人养老设施面积",
        "全区每千名常住人口拥有的养老设施面积",
        "㎡/千人",
        "区民政局",
        "请提供点位清单",
    )
    + _row(
        "2", "社区食堂覆盖率", "食堂覆盖的居住用地占比，每个街镇至少建设1家", "%", "区民政局", "—"
    )
    + _row("3", "医院覆盖率", "医院4公里服务半径覆盖的建设用地面积占比", "%", "区卫生健康委", "—")
    + "安全韧性\n\n"
    + _row("*4", "住宅隐患整改率", "已完成隐患整改的小区占比", "%", "区建设管理委、区房管局", "—")
    + "5\n\n积水点数量\n\n现存常年积水点数量\n\n个\n\n区水务局、区房管局、\n\n区交通委\n\n请提供积水点清单\n\n"
    + _row("6", "供水管网漏损率", "公共供水漏损量占供水总量的比例", "%", "区水务局", "—")
)


def _nodes(text: str) -> dict[str, policyparse.Node]:
    return {n.path: n for n in policyparse.parse(text).walk() if n.path}


def test_numbered_rows_with_a_line_of_bodies_are_a_task_table_without_its_header() -> None:
    nodes = _nodes(_NOTICE + _INDICATORS)
    rows = [p for p in nodes if p.startswith("A1.")]
    assert rows == ["A1.1", "A1.2", "A1.3", "A1.4", "A1.5", "A1.6"]
    assert nodes["A1.1"].title == "千人养老设施面积"
    units = {p: [(u.name, u.role) for u in nodes[p].responsible_units] for p in rows}
    assert units["A1.1"] == [("区民政局", "responsible")]
    assert units["A1.4"] == [("区建设管理委", "responsible"), ("区房管局", "responsible")]
    # A list of bodies broken over two lines after its 、 is one cell.
    assert [name for name, _ in units["A1.5"]] == ["区水务局", "区房管局", "区交通委"]


def test_an_indicator_lists_definitions_give_no_targets() -> None:
    # 每个街镇至少建设1家 is part of a definition: a list whose rows carry a measure unit is
    # one of indicators, and its definitions are no commitments (as prose it is a target).
    nodes = _nodes(_NOTICE + _INDICATORS)
    assert "A1.2" in nodes
    assert all(not n.targets for p, n in nodes.items() if p.startswith("A1"))
    prose = _nodes(_NOTICE.replace("开展区级体检。", "每个街镇至少建设1家社区食堂。"))
    assert [(t.value, t.unit) for t in prose["1"].targets] == [(1.0, "家")]


def test_a_list_of_measures_reads_its_details_as_prose() -> None:
    rows = "".join(
        f"{k}\n\n任务{k}\n\n新建充电桩{k}0个，完善配套设施建设\n\n区发展改革委\n\n2026年底前\n\n"
        for k in range(1, 6)
    )
    nodes = _nodes(_NOTICE + rows)
    assert [(t.value, t.unit) for t in nodes["A1.3"].targets] == [(30.0, "个")]
    assert [u.name for u in nodes["A1.3"].responsible_units] == ["区发展改革委"]


def test_a_numbered_list_without_bodies_stays_text() -> None:
    rows = "".join(f"{k}\n\n指标{k}\n\n指标{k}的定义\n\n%\n\n部门统计\n\n" for k in range(1, 7))
    nodes = _nodes(_NOTICE + rows)
    assert not any(n.style == "table_row" for n in nodes.values())


def test_numbered_lines_after_a_table_are_not_its_last_rows_children() -> None:
    after = "某区街镇级指标\n\n1、辖区内居住用地总面积\n\n2、养老床位入住率\n\n"
    doc = policyparse.parse(_NOTICE + _INDICATORS + after)
    nodes = {n.path: n for n in doc.walk() if n.path}
    assert nodes["A1.6"].style == "table_row"
    assert not [p for p in nodes if p.startswith("A1.6.")]
    # 1、 after the table would be A1.1, a row's path: kept as text, said as information.
    taken = [d for d in doc.diagnostics if d.code == "duplicate_path"]
    assert taken and all(d.severity == "info" for d in taken)


def test_a_checklist_whose_rows_mark_nobody_stays_text() -> None:
    # □存在 / □不存在 / "/": a mark for nobody is no body, so the list is no task table.
    rows = "".join(
        f"{k}\n\n存在隐患{k}的楼栋数量\n\n□存在\n\n□不存在\n\n/\n\n" for k in range(1, 7)
    )
    nodes = _nodes(_NOTICE + rows)
    assert not any(n.style == "table_row" for n in nodes.values())
