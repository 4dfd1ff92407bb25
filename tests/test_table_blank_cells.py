"""An indicator table one cell per line whose empty cells are blank lines (a converter
reading a Word table cell by cell), under a header on consecutive lines: each blank line
is a cell, so rows keep their columns.  Synthetic; nothing copied from a document."""

from __future__ import annotations

from typing import Any

import policyparse

_HEADER = [
    "类别",
    "序号",
    "指标名称",
    "单位",
    "甲区",
    "目标值",
    "全市",
    "目标值",
    "权重",
    "数据提供部门",
]
# number, name, unit, 甲区, 全市, weight, provider ("" prints a blank line)
_ROWS = [
    ("1", "人均地区生产总值", "", "150000", "120000", "4", "统计"),
    ("2", "服务业增加值占比", "%", "60", "55", "3", "统计"),
    ("3", "研发经费支出占比", "%", "3", "", "3", "科技"),
    ("4", "城镇化率", "%", "75", "70", "5", "统计"),
]


def _text() -> str:
    lines = ["某市基本实现现代化指标体系", *_HEADER, "", ""]  # the group cell: blank lines
    for row in _ROWS:
        lines += list(row)
    return "\n".join(lines) + "\n"


def _targets(doc: Any) -> list[tuple[Any, ...]]:
    return [(t.indicator, t.value, t.unit) for n in doc.walk() for t in n.targets]


def test_blank_lines_are_empty_cells() -> None:
    """The weight 3 of row 2 is no row number; a blank unit gives no unit; a blank target
    cell gives no target; the data provider is no owner."""
    text = _text()
    doc = policyparse.parse(text)
    want = []
    for _, name, unit, a, b, _, _ in _ROWS:
        want += [(name, float(v), unit or None) for v in (a, b) if v]
    assert _targets(doc) == want
    for n in doc.walk():
        assert not n.responsible_units
        for t in n.targets:
            assert text[t.span[0] : t.span[1]] == str(int(t.value))


def test_a_header_a_blank_line_apart_keeps_its_paragraph_cells() -> None:
    """Labels a blank line apart print cells as paragraphs (a unit list over lines is one
    cell): blank lines there part cells, they are none."""
    text = "\n\n".join(
        ["附件", "序号", "工作任务", "责任单位", "1", "建设学校", "区教育局、", "区财政局"]
    )
    doc = policyparse.parse(text + "\n")
    got = [(n.path, [u.name for u in n.responsible_units]) for n in doc.walk() if n.path]
    assert ("A1.1", ["区教育局", "区财政局"]) in got


def test_a_group_of_indicators_under_one_number_gives_each_its_targets() -> None:
    """5 / 居民 / 收入 (a group's label over two lines) / its first indicator and cells, then
    the group's other indicators with no number, their weight and provider merged away; a
    blank unit cell gives no unit, not the unit of the row above."""
    lines = ["某市基本实现现代化指标体系", *_HEADER, "", ""]
    for row in _ROWS:
        lines += list(row)
    lines += [
        "",
        "",
        "5",
        "居民",
        "收入",
        "城镇居民人均可支配收入",
        "",
        "75000",
        "70000",
        "6",
        "统计",
    ]
    lines += ["城乡居民收入达标比例", "%", "50", "45"]
    lines += ["每千名老人养老床位数", "", "40", "38", "民政"]
    lines += ["6", "人均预期寿命", "岁", "80", "78", "5", "卫生"]
    text = "\n".join(lines) + "\n"
    got = _targets(policyparse.parse(text))
    assert got[-8:] == [
        ("城镇居民人均可支配收入", 75000.0, None),
        ("城镇居民人均可支配收入", 70000.0, None),
        ("城乡居民收入达标比例", 50.0, "%"),
        ("城乡居民收入达标比例", 45.0, "%"),
        ("每千名老人养老床位数", 40.0, None),
        ("每千名老人养老床位数", 38.0, None),
        ("人均预期寿命", 80.0, "岁"),
        ("人均预期寿命", 78.0, "岁"),
    ]
