"""Indicator tables printed one cell per line with neither 序号 nor 属性: a name, then one
figure per value column, groups as marked headings between rows.  Synthetic; nothing
copied from a document."""

from __future__ import annotations

import policyparse

_TABLE = (
    "某市“十四五”农业主要指标表\n类别\n指标\n2020年实绩\n2025年目标\n"
    "一、经济增长\n农业增加值（亿元）\n81.5\n120\n农民人均可支配收入（元）\n21000\n30000\n"
    "二、装备水平\n农业机械化水平\n74%\n≥85%\n高标准农田面积（万亩）\n72\n90以上\n"
    "三、保障措施\n加强组织领导。\n"
)


def _targets(text: str) -> list[tuple[object, ...]]:
    doc = policyparse.parse(text)
    return [
        (
            t.indicator,
            t.comparator,
            t.value,
            t.unit,
            t.year,
            t.baseline.value if t.baseline else None,
        )
        for n in doc.walk()
        for t in n.targets
    ]


def test_each_name_and_its_figures_give_a_target_with_its_base() -> None:
    assert _targets(_TABLE) == [
        ("农业增加值", "=", 120, "亿元", 2025, 81.5),
        ("农民人均可支配收入", "=", 30000, "元", 2025, 21000),
        ("农业机械化水平", ">=", 85, "%", 2025, 74),
        ("高标准农田面积", ">=", 90, "万亩", 2025, 72),
    ]


def test_the_table_ends_at_the_first_line_that_is_no_row() -> None:
    """三、保障措施 / 加强组织领导。: a heading whose next line is no figure row ends nothing
    of the prose after it; its sentence is read as prose (no quantity here)."""
    doc = policyparse.parse(_TABLE)
    assert [n.title for n in doc.walk() if n.path and n.title == "保障措施"] == ["保障措施"]


def test_a_header_naming_other_columns_is_another_readers() -> None:
    """A unit column (考核责任单位) or words that name no column: not this form."""
    words = _TABLE.replace("2020年实绩\n", "说明\n")
    assert _targets(words) == []
