"""Indicator tables whose rows name who answers for them (序号 | 指标 | 单位 | 2025年目标 |
牵头单位): each row a measure of its owners and its figures that measure's targets, in
every form a table reaches us; the header printed over the number and the name; cells
printed one per line, each opened by a pipe.  Synthetic; nothing copied from a document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policyparse
from policyparse import Document
from test_table_forms import forms

_NAMES = ["城镇居民人均可支配收入", "森林覆盖率", "新增城镇就业人数", "规上工业增加值增速"]
_UNITS = ["元", "%", "万人", "个"]
_BODIES = ["市人社局", "市林业局", "市统计局", "市发展改革委"]
_INTRO = "附件1\n某市主要指标责任分工表\n"


@dataclass(frozen=True)
class Owned:
    name: str
    unit: str
    value: str
    lead: str


owned_rows = st.lists(
    st.builds(
        Owned,
        st.sampled_from(_NAMES),
        st.sampled_from(_UNITS),
        st.sampled_from(["31000", "65", "12.5", "300"]),
        st.sampled_from(_BODIES),
    ),
    min_size=2,
    max_size=4,
)


def _grid(rows: list[Owned]) -> list[list[str]]:
    out = [["序号", "指标", "单位", "2025年目标", "牵头单位"]]
    out += [[str(k), r.name, r.unit, r.value, r.lead] for k, r in enumerate(rows, 1)]
    return out


def _measures(doc: Document) -> list[tuple[Any, ...]]:
    """Per numbered node: path, title, units with roles, targets."""
    return [
        (
            n.path,
            n.title,
            [(u.name, u.role) for u in n.responsible_units],
            [(t.indicator, t.value, t.unit, t.year) for t in n.targets],
        )
        for n in doc.walk()
        if n.path and n.path != "A1"
    ]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(owned_rows)
def test_an_indicator_table_with_owners_gives_measures_and_targets_in_every_form(
    rows: list[Owned],
) -> None:
    want = [
        (f"A1.{k}", r.name, [(r.lead, "lead")], [(r.name, float(r.value), r.unit, 2025)])
        for k, r in enumerate(rows, 1)
    ]
    for form, doc in forms(_grid(rows), _INTRO).items():
        assert _measures(doc) == want, form


def _node(doc: Document, path: str) -> Any:
    return next(n for n in doc.walk() if n.path == path)


def _targets(doc: Document) -> list[tuple[Any, ...]]:
    return [(n.path, t.indicator, t.value, t.unit, t.year) for n in doc.walk() for t in n.targets]


def test_a_header_printed_over_the_number_and_the_name_leaves_the_number_its_column() -> None:
    text = (
        "附件1\n某市考核指标\n"
        "| 指标 | 单位 | 2025年目标 | 牵头单位 |\n"
        "| 1 | 森林覆盖率 | % | 30 | 市林业局 |\n"
        "| 2 | 新增城镇就业人数 | 万人 | 12 | 市人社局 |\n"
    )
    doc = policyparse.parse(text)
    assert _targets(doc) == [
        ("A1.1", "森林覆盖率", 30.0, "%", 2025),
        ("A1.2", "新增城镇就业人数", 12.0, "万人", 2025),
    ]
    assert [(u.name, u.role) for u in _node(doc, "A1.2").responsible_units] == [
        ("市人社局", "lead")
    ]


def test_a_heading_row_printing_its_group_total_is_a_heading() -> None:
    """一、核心指标 | 50 (the group's weight) opens a group; its figure is no target."""
    text = (
        "附件1\n某市考核指标\n"
        "| 指标 | 权重 | 单位 | 2025年目标 | 牵头单位 |\n"
        "| 一、核心指标 | 50 | | | |\n"
        "| 1 | 森林覆盖率 | 25 | % | 30 | 市林业局 |\n"
        "| 2 | 新增城镇就业人数 | 25 | 万人 | 12 | 市人社局 |\n"
        "| 二、发展指标 | 50 | | | |\n"
        "| 3 | 城镇居民人均可支配收入 | 50 | 元 | 31000 | 市统计局 |\n"
    )
    doc = policyparse.parse(text)
    assert [(n.path, n.title) for n in doc.walk() if n.path and n.path.count(".") == 1] == [
        ("A1.1", "核心指标"),
        ("A1.2", "发展指标"),
    ]
    assert _targets(doc) == [
        ("A1.1.1", "森林覆盖率", 30.0, "%", 2025),
        ("A1.1.2", "新增城镇就业人数", 12.0, "万人", 2025),
        ("A1.2.3", "城镇居民人均可支配收入", 31000.0, "元", 2025),
    ]


# One cell per line, each opened by a pipe: the header's first cell printed without one, a
# header cell over two lines, empty cells as bare pipes, and `| | 2` closing a row with an
# empty cell and opening the next.
OPENED = """附件1
某市考核指标
指 标
| 权重
| 单位
| 2025年
目 标
| 牵头单位
| 一、核心指标
| 50
|
|
| | 1
| 森林覆盖率
| 25
| %
| 30
| | 2
| 新增城镇就业人数
| 25
| 万人
| 2
| 市人社局
"""


def test_cells_opened_by_pipes_are_read_as_a_table() -> None:
    doc = policyparse.parse(OPENED)
    assert _targets(doc) == [
        ("A1.1.1", "森林覆盖率", 30.0, "%", 2025),
        ("A1.1.2", "新增城镇就业人数", 2.0, "万人", 2025),
    ]
    assert [(u.name, u.role) for u in _node(doc, "A1.1.2").responsible_units] == [
        ("市人社局", "lead")
    ]
    assert _node(doc, "A1.1").title == "核心指标"
    for n in doc.walk():
        for t in n.targets:
            assert OPENED[t.span[0] : t.span[1]] == str(int(t.value))


def test_markdown_rows_are_not_cells_opened_by_pipes() -> None:
    rows = "".join(f"| {k} | 推进任务{k} | 市财政局 |\n" for k in range(1, 10))
    doc = policyparse.parse("附件1\n| 序号 | 工作任务 | 牵头单位 |\n" + rows)
    got = [(n.path, [u.name for u in n.responsible_units]) for n in doc.walk() if n.path != "A1"]
    assert got == [(f"A1.{k}", ["市财政局"]) for k in range(1, 10)]


# A checklist of assessed items (考核项目 | 序号 | 考核指标 | 考核内容 | 单位 | 年度目标 |
# 责任部门), one cell per line: the 考核项目 and 考核指标 cells merged over rows, printed on a
# group's first row only; a row printing no unit; a target in words.
CHECKLIST = """附件
某县2021年乡村振兴任务清单
考核项目
序号
考核指标
考核内容
单位
年度目标
责任部门
农业高质高效
1
确保重要农产品供给
农业增加值增幅
%
≥2%
县农业农村局
2
粮食播种面积
万亩
0.07
县农业农村局
3
粮食安全责任制
-
良好以上
县发展改革局
4
建设美丽牧场
3
县农业农村局
5
新建高标准农田
万亩
1.5
县自然资源和规划局
"""


def test_a_checklist_with_a_unit_column_gives_each_row_its_target() -> None:
    doc = policyparse.parse(CHECKLIST)
    rows = [(n.path, n.title, [u.name for u in n.responsible_units]) for n in doc.walk()]
    assert [r for r in rows if r[0] and r[0].count(".") == 1] == [
        ("A1.1", "农业增加值增幅", ["县农业农村局"]),
        ("A1.2", "粮食播种面积", ["县农业农村局"]),
        ("A1.3", "粮食安全责任制", ["县发展改革局"]),
        ("A1.4", "建设美丽牧场", ["县农业农村局"]),
        ("A1.5", "新建高标准农田", ["县自然资源和规划局"]),
    ]
    assert [(p, v, u, c) for p, _, v, u, c in _valued(doc)] == [
        ("A1.1", 2.0, "%", ">="),
        ("A1.2", 0.07, "万亩", "="),
        ("A1.4", 3.0, None, "="),
        ("A1.5", 1.5, "万亩", "="),
    ]


def _valued(doc: Document) -> list[tuple[Any, ...]]:
    return [
        (n.path, t.indicator, t.value, t.unit, t.comparator) for n in doc.walk() for t in n.targets
    ]
