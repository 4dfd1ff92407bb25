"""Indicator tables printed one cell per line with group columns before 序号 (领域 | 任务 |
序号 | …), the groups labelled in Chinese numerals, indicators that list their parts, and
the 属性 words 参考性 / 指导性.  Synthetic; nothing copied from a document."""

from __future__ import annotations

import policyparse

# 领域 | 任务 | 序号 | 指标名称 | 单位 | 目标值 | 指标属性, the two group cells printed once, on
# their group's first row (merged down), the group labelled （一）, （二）.
_TABLE = (
    "（一）某县生态建设指标\n领域\n任务\n序号\n指标名称\n单位\n目标值\n指标属性\n"
    "（一）\n制度建设\n1\n生态规划\n-\n制定实施\n约束性\n"
    "2\n信息公开率\n%\n100\n参考性\n"
    "（二）\n生态保护\n3\n湿地保护率\n%\n≥50\n约束性\n"
    "4\n林草覆盖率\n山区\n丘陵区\n平原区\n%\n≥60\n≥40\n≥18\n参考性\n"
    "5\n污染防治体系\n-\n建立\n指导性\n"
)


def _targets(text: str) -> list[tuple[object, ...]]:
    doc = policyparse.parse(text)
    return [
        (t.indicator, t.comparator, t.value, t.unit, t.binding)
        for n in doc.walk()
        for t in n.targets
    ]


def test_rows_under_group_columns_labelled_in_numerals_give_their_targets() -> None:
    """（一） / 制度建设 / 1: the numeral is the group column's label, not the row's number;
    every row after it is read, and a part listed under an indicator is a target of its
    own (山区 ≥60 %, the unit and 属性 shared)."""
    assert _targets(_TABLE) == [
        ("信息公开率", "=", 100, "%", False),
        ("湿地保护率", ">=", 50, "%", True),
        ("山区", ">=", 60, "%", False),
        ("丘陵区", ">=", 40, "%", False),
        ("平原区", ">=", 18, "%", False),
    ]


def test_group_cells_of_an_indicator_table_open_no_nodes() -> None:
    """（二） / 生态保护 inside the table is a cell: the one node is the heading above it,
    which holds every target."""
    doc = policyparse.parse(_TABLE)
    nodes = [(n.path, n.title) for n in doc.walk() if n.path]
    assert nodes == [("1", "某县生态建设指标")]
    assert len(doc.children[-1].targets) == 5


def test_heading_rows_inside_an_indicator_table_are_no_nodes() -> None:
    """一、发展水平 between the rows of an indicator table with no unit column is a group of
    its rows (tests/ORACLES.md: such a table is text), not a part of the plan."""
    text = (
        "某县教育“十四五”主要指标\n序号\n指标\n单位\n2020年\n2025年\n属性\n"
        "一、发展水平\n1\n学前教育毛入园率\n%\n90\n95\n预期性\n"
        "二、师资水平\n2\n专任教师本科以上比例\n%\n70\n80\n约束性\n"
    )
    doc = policyparse.parse(text)
    assert [n.path for n in doc.walk() if n.path] == []
    assert _targets(text) == [
        ("学前教育毛入园率", "=", 95, "%", False),
        ("专任教师本科以上比例", "=", 80, "%", True),
    ]


def test_a_row_whose_parts_do_not_pair_with_values_stays_one_row() -> None:
    """物种保护 / 受到严格保护 / 外来物种入侵 / - / - / 执行 / 不明显: two units, no list of
    parts and values; the row is read to its 属性 word and gives no target, and the rows
    after it are still read."""
    text = _TABLE.replace(
        "5\n污染防治体系\n-\n建立\n指导性\n",
        "5\n物种保护\n受到严格保护\n外来物种入侵\n-\n-\n执行\n不明显\n参考性\n"
        "6\n危险废物处置率\n%\n100\n约束性\n",
    )
    assert _targets(text)[-1] == ("危险废物处置率", "=", 100, "%", True)
