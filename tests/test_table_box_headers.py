"""Tables drawn with box characters as law-database pages print them: a header over
several lines between two rules, names merged down over sub-rows that partial rules set
apart, and changes stated in words in a value cell.  Synthetic; nothing copied from a
document."""

from __future__ import annotations

from typing import Any

import policyparse

BOX = """某省“十一五”期间某工程评价指标
┌──┬──────┬──┬──────┬─────────┬─────┐
│序号│      │单 │ 2005年 │         │2010年 │
│  │ 指标名称 │  │      │ 年度完成目标  │     │
│  │      │位 │ 现 值 │         │目标值 │
├──┼──────┼──┼──────┼─────────┼─────┤
│  │1.人均增加值│ 元│ 甲区16700│年递增9.3%  │≥26000│
│  │      │  ├──────┼─────────┼─────┤
│ 一 │      │  │乙区12200│年递增10.3% │≥20000│
│  ├──────┼──┼──────┼─────────┼─────┤
│  │2.面积比例 │% │ 15.5 │年提高2.9个百分点│≥30  │
└──┴──────┴──┴──────┴─────────┴─────┘
"""


def _targets(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (t.indicator, t.comparator, t.value, t.unit, t.kind, t.period, t.year)
        for n in doc.walk()
        for t in n.targets
    ]


def test_a_header_over_three_lines_names_each_column_whole() -> None:
    """单 / 位 is the unit column, 2005年 / 现值 the base, 2010年 / 目标值 the target."""
    doc = policyparse.parse(BOX)
    got = _targets(doc)
    assert ("人均增加值", ">=", 26000.0, "元", "level", None, 2010) in got
    assert ("面积比例", ">=", 30.0, "%", "level", None, 2010) in got
    assert not any(v in (16700.0, 15.5) for _, _, v, *_ in got)  # base figures


def test_a_name_merged_down_over_a_partial_rule_names_the_sub_row() -> None:
    """The rule under 甲区's row spans the value columns only: 人均增加值 and 元 run on
    through 乙区's row, and its 一 (the number printed mid-cell) opens no row."""
    doc = policyparse.parse(BOX)
    got = _targets(doc)
    assert ("人均增加值", ">=", 20000.0, "元", "level", None, 2010) in got


def test_a_change_in_words_is_a_yearly_increase_in_its_own_unit() -> None:
    doc = policyparse.parse(BOX)
    got = [t for t in _targets(doc) if t[4] == "increase"]
    assert got == [
        ("人均增加值", "=", 9.3, "%", "increase", "每年", 2010),
        ("人均增加值", "=", 10.3, "%", "increase", "每年", 2010),
        ("面积比例", "=", 2.9, "个百分点", "increase", "每年", 2010),
    ]
    for n in doc.walk():
        for t in n.targets:
            assert BOX[t.span[0] : t.span[1]].strip("│ ")
