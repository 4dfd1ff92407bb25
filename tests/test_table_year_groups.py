"""Tables printed one cell per line whose group label over the year columns is printed
before the unit column, the years after it: 序号 / 项目名称 / 项目内容 / 项目目标 / 实施单位 /
2023年 / 2024年 / 2025年, each row printing its years before its unit.  Synthetic; nothing
copied from a document."""

from __future__ import annotations

import policyparse

_HEADER = "序号\n{name}\n{content}\n{goal}\n实施单位\n\n2023年\n2024年\n2025年\n\n"
_ROWS = (
    "1\n推进停车场智能化升级\n提升停车场智能化能级\n完成样板工程\n新建充电桩20个\n"
    "新建充电桩30个\n甲区公交公司\n\n"
    "2\n推进车辆终端布设\n收集车辆运行数据\n完成终端布设25辆次\n完成终端布设23辆次\n"
    "完成终端布设82辆次\n乙区交通委\n\n"
)


def _nodes(header: str) -> dict[str, policyparse.Node]:
    text = (
        "某市智慧公交行动计划\n\n一、任务\n\n推进建设。\n\n附件\n\n某市特色项目清单\n"
        + header
        + _ROWS
    )
    return {n.path: n for n in policyparse.parse(text).walk() if n.path}


def test_the_years_stand_where_their_group_label_stands() -> None:
    nodes = _nodes(_HEADER.format(name="任务名称", content="任务内容", goal="任务目标"))
    units = {p: [(u.name, u.role) for u in n.responsible_units] for p, n in nodes.items()}
    assert units["A1.1"] == [("甲区公交公司", "responsible")]
    assert units["A1.2"] == [("乙区交通委", "responsible")]
    years = sorted((t.year, t.value) for t in nodes["A1.2"].targets)
    assert years == [(2023, 25.0), (2024, 23.0), (2025, 82.0)]


def test_a_project_lists_yearly_goals_are_goals_its_content_is_not() -> None:
    # 项目名称 makes the table one of projects: their content (提升…) gives no target, the
    # cells under the years are the projects' goals.
    nodes = _nodes(_HEADER.format(name="项目名称", content="项目内容", goal="项目目标"))
    assert [u.name for u in nodes["A1.2"].responsible_units] == ["乙区交通委"]
    years = sorted((t.year, t.value, t.unit) for t in nodes["A1.1"].targets)
    assert years == [(2024, 20.0, "个"), (2025, 30.0, "个")]
