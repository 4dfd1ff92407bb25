"""Assessment rubrics (考核细则): a table of tasks whose department column names no role.

A rubric prints 序号 | 考核项目 | 分值 | 考核内容 | 评分标准; the department assessed stands
under the merged 考核项目 header, beside a group cell (重点考核部门), and the parts of the
rubric are rows whose serial cell is a bare numeral (一、) with a score beside the title.
Nothing is copied from a real document.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

import policyparse
import test_table_forms as tf
from policyparse import Document
from policyparse.inputs.bodies import settle_bodies
from policyparse.inputs.columns import column

ROWS = [
    ["序号", "考核项目", "", "分值", "考核内容", "评分标准"],
    ["一、", "通用考核项目", "", "40", "", ""],
    ["1", "组织领导", "", "10", "成立工作领导小组", "成立领导小组并明确联络员（10分）"],
    ["2", "宣传工作", "", "30", "开展河湖保护宣传", "年内开展宣传活动至少3次（30分）"],
    ["二、", "部门履职考核项目", "", "60", "", ""],
    ["1", "重点考核部门", "市水务局", "60", "推进河道整治", "完成河道整治20公里（60分）"],
    ["2", "重点考核部门", "市生态环境局", "60", "加强水质监测", "新建水质监测站5个（60分）"],
    ["3", "一般考核部门", "市农业农村局", "60", "推进养殖污染治理", "督促养殖场完成整改（60分）"],
]
TITLE = "某市河长制工作考核细则\n"

# What a reader lists, from the rows above alone: the parts, then each task titled by its
# 考核内容 cell, its department responsible, and the figures its scoring rule requires.
EXPECTED = [
    ("1", "通用考核项目", [], []),
    ("1.1", "成立工作领导小组", [], []),
    ("1.2", "开展河湖保护宣传", [], [(3.0, "次", ">=")]),
    ("2", "部门履职考核项目", [], []),
    ("2.1", "推进河道整治", [("市水务局", "responsible")], [(20.0, "公里", "=")]),
    ("2.2", "加强水质监测", [("市生态环境局", "responsible")], [(5.0, "个", "=")]),
    ("2.3", "推进养殖污染治理", [("市农业农村局", "responsible")], []),
]


@cache
def _forms() -> dict[str, Document]:
    """The rubric in every form of tests/test_table_forms.py, parsed after its title."""
    return tf.forms(ROWS, TITLE)


def _read(doc: Document) -> list[tuple[Any, ...]]:
    return [
        (
            n.path,
            n.title,
            [(u.name, u.role) for u in n.responsible_units],
            [(t.value, t.unit, t.comparator) for t in n.targets],
        )
        for n in doc.walk()
        if n.path
    ]


@pytest.mark.parametrize("form", ["tab", "pipe", "markdown", "html", "docx"])
def test_a_rubric_gives_its_parts_tasks_and_departments_in_every_grid_form(form: str) -> None:
    assert _read(_forms()[form]) == EXPECTED


def test_a_web_page_rubric_with_merged_cells_keeps_its_caption() -> None:
    page = """<html><body><table>
<caption>某县河长制工作责任单位考核细则</caption>
<tr><th>序号</th><th colspan="2">考核项目</th><th>分值</th><th>考核内容</th><th>评分标准</th></tr>
<tr><td>一、</td><td colspan="2">通用考核项目</td><td>40</td><td></td><td></td></tr>
<tr><td>1</td><td colspan="2">组织领导</td><td>40</td><td>成立工作领导小组</td><td>成立领导小组（40分）</td></tr>
<tr><td>二、</td><td colspan="2">部门履职考核项目</td><td>60</td><td></td><td></td></tr>
<tr><td>1</td><td rowspan="2">重点考核部门</td><td>县水利局</td><td>60</td><td>推进河道整治</td><td>完成河道整治10公里（60分）</td></tr>
<tr><td>2</td><td>县林业局</td><td>60</td><td>加强湿地保护</td><td>开展湿地巡查（60分）</td></tr>
<tr><td>3</td><td>一般考核部门</td><td>县教育局</td><td>60</td><td>加强河湖保护教育</td><td>开展主题教育（60分）</td></tr>
</table></body></html>"""
    doc = policyparse.parse_bytes(page.encode(), path="r.html")
    assert [(p, t, u) for p, t, u, _ in _read(doc)] == [
        ("1", "通用考核项目", []),
        ("1.1", "成立工作领导小组", []),
        ("2", "部门履职考核项目", []),
        ("2.1", "推进河道整治", [("县水利局", "responsible")]),
        ("2.2", "加强湿地保护", [("县林业局", "responsible")]),
        ("2.3", "加强河湖保护教育", [("县教育局", "responsible")]),
    ]
    assert any(n.text == "某县河长制工作责任单位考核细则" for n in doc.walk())


def _settled(header: list[str], rows: list[list[str]]) -> list[tuple[str, str | None]]:
    cols = [column(h) for h in header]
    settle_bodies(cols, rows)
    return [(c.kind, c.role) for c in cols]


def test_a_column_of_bodies_under_no_column_word_holds_the_units() -> None:
    rows = [["1", "甲局", "任务一"], ["2", "乙委", "任务二"], ["3", "丙办", "任务三"]]
    rows = [[n, "区" + b, t] for n, b, t in rows]
    assert _settled(["序号", "", "考核内容"], rows)[1] == ("unit", "responsible")


def test_a_column_of_few_bodies_among_text_is_not_one() -> None:
    rows = [
        ["1", "区水务局", "任务一"],
        ["2", "每月报送一次", "任务二"],
        ["3", "区林业局", "任务三"],
        ["4", "按季度通报", "任务四"],
    ]
    assert _settled(["序号", "", "考核内容"], rows)[1] == ("", None)


def test_a_named_unit_column_leaves_other_columns_as_they_are() -> None:
    rows = [[str(k), "区水务局", "区林业局", "任务"] for k in range(1, 5)]
    settled = _settled(["序号", "责任单位", "", "考核内容"], rows)
    assert settled[1] == ("unit", "responsible")
    assert settled[2] == ("", None)


def test_a_rubric_part_with_its_own_department_and_cells_of_several_bodies() -> None:
    page = """<html><body><table>
<tr><th>序号</th><th>考核项目</th><th>分值</th><th>考核指标</th><th>负责考核部门</th></tr>
<tr><td>一、</td><td>巩固成果</td><td>30</td><td></td><td></td></tr>
<tr><td>1</td><td>完善组织体系</td><td>10</td><td><p>健全组织体系</p></td><td>县河长办</td></tr>
<tr><td>2</td><td>深化宣传教育</td><td>20</td><td>开展宣传活动</td><td><p>县委宣传部</p><p>县教育局</p></td></tr>
<tr><td>二、</td><td>水岸联动</td><td>15</td><td>落实属地管理责任，新建监测站3个</td><td>县水利局</td></tr>
<tr><td>3</td><td>推进污水治理</td><td>15</td><td>完成管网改造</td><td>县城建局</td></tr>
</table></body></html>"""
    doc = policyparse.parse_bytes(page.encode(), path="r.html")
    assert _read(doc) == [
        ("1", "巩固成果", [], []),
        ("1.1", "完善组织体系", [("县河长办", "responsible")], []),
        ("1.2", "深化宣传教育", [("县委宣传部", "responsible"), ("县教育局", "responsible")], []),
        ("2", "水岸联动", [("县水利局", "responsible")], [(3.0, "个", "=")]),
        ("2.3", "推进污水治理", [("县城建局", "responsible")], []),
    ]


def test_a_column_of_bodies_leaves_an_indicator_table_one() -> None:
    rows = [
        ["序号", "指标", "单位", "2025年", ""],
        ["1", "森林覆盖率", "%", "20", "区绿化市容局"],
        ["2", "污水处理率", "%", "98", "区水务局"],
        ["3", "新增绿地面积", "公顷", "50", "区绿化市容局"],
    ]
    doc = policyparse.parse("某区生态环境保护主要指标\n" + tf.as_tab(rows) + "\n")
    got = [(t.value, t.unit, t.year) for n in doc.walk() for t in n.targets]
    assert got == [(20.0, "%", 2025), (98.0, "%", 2025), (50.0, "公顷", 2025)]
