"""Task tables with no 序号 column whose rows are numbered inside their first cell
(类别 | 项目 | 主要任务 | 牵头单位 | 配合单位, then 1.某某项目 / 任务 / 单位 …), printed one
cell per line, under a bare 附件： and the annex's title (layout/keyed.py,
layout/roles.py).  Synthetic; nothing copied from a document."""

from __future__ import annotations

import policyparse

_NOTICE = (
    "某区加强基层安全治理的实施意见\n一、工作目标\n到2026年，基层安全治理体系基本建成。\n"
    "二、保障措施\n（一）加强组织领导。各部门要细化方案，落实责任。\n"
)
_HEAD = "附件：\n某区基层安全治理重点任务清单\n类别\n项目\n主要任务\n牵头单位\n配合单位\n"


def _rows(doc: policyparse.Document) -> list[tuple[str, list[tuple[str, str]]]]:
    return [
        (n.path, [(u.name, u.role) for u in n.responsible_units])
        for n in doc.walk()
        if n.path and n.path.startswith("A")
    ]


def test_rows_numbered_inside_the_project_cell_under_group_rows() -> None:
    """Numbers run straight through the groups; a project with two tasks prints its
    number once (the second task's units are the same row's); a project cell wrapped
    over two lines; a unit list broken after 、; a class 相关委、办、局 is one unit."""
    doc = policyparse.parse(
        _NOTICE
        + _HEAD
        + "一、做好制度保障\n"
        + "1.完善规章制度\n细化街道安全委员会的职责任务，规范运行模式。\n区应急局\n各街道\n"
        + "2.纳入考核体系\n将安全治理工作成效纳入年度考评体系。\n区考核办\n区应急局、各街道\n"
        + "二、推进组织建设\n"
        + "3.实化运行安全\n委员会\n年底前，各街道成立安全委员会。\n区委编办、\n各街道\n区应急局\n"
        + "4.出台文件规章\n提请区政府出台文件，明确重点工作。\n区应急局\n各街道、\n相关委、办、局\n"
        + "组织召开全区安全治理工作会议，部署重点工作。\n区应急局\n区财政局\n"
    )
    assert _rows(doc) == [
        ("A1", []),
        ("A1.1", []),
        ("A1.1.1", [("区应急局", "lead"), ("各街道", "cooperating")]),
        ("A1.1.2", [("区考核办", "lead"), ("区应急局", "cooperating"), ("各街道", "cooperating")]),
        ("A1.2", []),
        ("A1.2.3", [("区委编办", "lead"), ("各街道", "lead"), ("区应急局", "cooperating")]),
        (
            "A1.2.4",
            [
                ("区应急局", "lead"),
                ("各街道", "cooperating"),
                ("相关委、办、局", "cooperating"),
                ("区财政局", "cooperating"),
            ],
        ),
    ]
    titles = {n.path: n.title for n in doc.walk() if n.path}
    assert titles["A1"] == "某区基层安全治理重点任务清单"
    assert titles["A1.2"] == "推进组织建设"
    unit = next(n for n in doc.walk() if n.path == "A1.2.4").responsible_units[2]
    assert unit.generic


def test_rows_numbered_in_brackets_under_two_levels_of_groups() -> None:
    """（一） / its title on the next line, then 1、 groups, then rows （1）… whose first
    cell is the task itself, with a figure per year column: the years are the columns'."""
    doc = policyparse.parse(
        _NOTICE
        + "附件：\n某区交通三年行动任务清单（2024-2026年）\n"
        + "任务\n分类\n主要方向\n重点任务\n2024年工作项目\n2025年计划\n牵头\n部门\n配合\n部门\n"
        + "（一）\n提升设施品质\n1、改善道路环境\n"
        + "（1）建设精品道路200条。\n建设精品道路100条。\n建设精品道路100条。\n区交通委\n各街镇\n"
        + "2、改善农村道路\n"
        + "（2）推进农村公路提档升级。\n改造农村公路30公里。\n改造农村公路20公里。\n区交通委\n区财政局\n"
    )
    nodes = {n.path: n for n in doc.walk() if n.path and n.path.startswith("A")}
    assert list(nodes) == ["A1", "A1.1", "A1.1.1", "A1.1.1.1", "A1.1.2", "A1.1.2.2"]
    assert nodes["A1.1.1.1"].title == "建设精品道路200条"
    assert [(u.name, u.role) for u in nodes["A1.1.2.2"].responsible_units] == [
        ("区交通委", "lead"),
        ("区财政局", "cooperating"),
    ]
    road = [(t.value, t.unit, t.year) for t in nodes["A1.1.2.2"].targets]
    assert road == [(30, "公里", 2024), (20, "公里", 2025)]


def test_a_year_cell_that_is_one_figure_is_that_years_target_of_the_task() -> None:
    """A task cell that states the whole-period goal, then cells of a figure alone under
    each year column (200辆): each is the year's target, named by the task's own target
    in that unit, and the first such cell is not read as the task cell's second line."""
    plan = (
        _NOTICE
        + "附件：\n某区公交三年行动任务清单（2024-2026年）\n"
        + "任务\n分类\n重点任务\n2024年工作项目\n2025年计划\n2026年计划\n牵头\n部门\n配合\n部门\n"
        + "（一）\n提升公交服务\n"
        + "（1）优化线路服务，每年投运中小车型公交车200辆。\n200辆\n200辆\n180辆\n"
        + "区交通委\n各街镇\n"
        + "（2）公交站台适老化改造300个。\n100个\n100个\n100个\n区交通委\n区财政局\n"
    )
    doc = policyparse.parse(plan)
    nodes = {n.path: n for n in doc.walk() if n.path and n.path.startswith("A")}
    first = nodes["A1.1.1"]
    assert first.title == "优化线路服务，每年投运中小车型公交车200辆"
    yearly = [(t.indicator, t.value, t.unit, t.year) for t in first.targets if t.year]
    assert yearly == [
        ("投运中小车型公交车", 200, "辆", 2024),
        ("投运中小车型公交车", 200, "辆", 2025),
        ("投运中小车型公交车", 180, "辆", 2026),
    ]
    second = [(t.value, t.unit, t.year) for t in nodes["A1.1.2"].targets]
    assert second == [(300, "个", None), (100, "个", 2024), (100, "个", 2025), (100, "个", 2026)]
    assert [u.name for u in first.responsible_units] == ["区交通委", "各街镇"]
    for t in (*first.targets, *nodes["A1.1.2"].targets):
        assert plan[t.span[0] : t.span[1]] == t.text
        assert t.text.endswith(f"{t.value:g}{t.unit}")


def test_a_bare_annex_label_above_a_list_of_annexes_opens_nothing() -> None:
    """附件： then a numbered list of annexes (a covering notice's), no table below."""
    doc = policyparse.parse(
        _NOTICE
        + "附件：\n1.某区安全治理任务清单\n2.某区安全治理考核办法\n某区人民政府\n2026年3月1日\n"
    )
    assert not [n for n in doc.walk() if n.path and n.path.startswith("A")]


def test_a_numbered_list_after_the_header_that_names_no_body_is_no_table() -> None:
    """A header-like run of labels followed by numbered sentences that carry no unit: the
    rows are read, but no unit is made up from the sentences."""
    doc = policyparse.parse(
        _NOTICE
        + _HEAD
        + "1.完善规章制度\n细化街道安全委员会的职责任务。\n"
        + "2.纳入考核体系\n将安全治理工作成效纳入年度考评体系。\n"
    )
    units = [u.name for n in doc.walk() for u in n.responsible_units]
    assert units == []
