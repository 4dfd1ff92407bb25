"""Indicator tables that name who answers for each indicator, with a column of yearly
growth rates, printed in bar lines whose rows a converter shifted left and padded at the
end (the group cell merged down was dropped).  Synthetic; nothing copied from a document."""

from __future__ import annotations

import policyparse

_HEADER = ["类别", "指标", "单位", "2020年", "2024年", "2025年", "年均增速(%)", "考核责任单位"]
_ROWS = [
    # the group's first row prints the group cell and closes with one empty cell
    (["发展指标", "服务业增加值", "亿元", "1000", "1300", "1400", "7"], "市发改委", "| |"),
    # the next rows lost the group cell, are padded at the end, and print their empty 年均
    # cell as a bar alone on its line
    (["服务业增加值比重", "%", "50", "53", "55", ""], "市统计局", "| ||"),
    (["旅游总收入", "亿元", "200", "260", "280", "8"], "市文旅局、 市商务局", "| ||"),
]


def _text() -> str:
    lines = ["|", "某市服务业发展目标和考核分工表 | |||||||", "|"]
    lines += [f"{c} |" for c in _HEADER[:-1]] + [f"{_HEADER[-1]} | |"]
    for cells, owner, close in _ROWS:
        lines.append("|")
        lines += ["|" if c == "" else f"{c} |" for c in cells]
        lines.append(f"{owner} {close}")
    return "\n".join(lines) + "\n"


def _targets() -> list[tuple[object, ...]]:
    doc = policyparse.parse(_text())
    return [
        (t.indicator, t.value, t.unit, t.kind, t.year, t.period, t.baseline)
        for n in doc.walk()
        for t in n.targets
    ]


def test_rows_padded_at_the_end_keep_their_figures_under_their_years() -> None:
    got = [(i, v, u, y) for i, v, u, _, y, p, _ in _targets() if p is None]
    assert got == [
        ("服务业增加值", 1300, "亿元", 2024),
        ("服务业增加值", 1400, "亿元", 2025),
        ("服务业增加值比重", 53, "%", 2024),
        ("服务业增加值比重", 55, "%", 2025),
        ("旅游总收入", 260, "亿元", 2024),
        ("旅游总收入", 280, "亿元", 2025),
    ]


def test_the_first_year_is_the_base_though_the_table_names_owners() -> None:
    doc = policyparse.parse(_text())
    first = next(t for n in doc.walk() for t in n.targets)
    assert first.baseline is not None and (first.baseline.value, first.baseline.year) == (
        1000,
        2020,
    )


def test_a_column_of_yearly_growth_rates_gives_rates_of_increase() -> None:
    rates = [(i, v, u, k, p) for i, v, u, k, _, p, _ in _targets() if p is not None]
    assert rates == [
        ("服务业增加值", 7, "%", "increase", "年均"),
        ("旅游总收入", 8, "%", "increase", "年均"),
    ]


def test_the_owners_column_names_the_units_of_the_node_holding_the_table() -> None:
    doc = policyparse.parse(_text())
    units = [(u.name, u.role) for n in doc.walk() for u in n.responsible_units]
    assert units == [
        ("市发改委", "responsible"),
        ("市统计局", "responsible"),
        ("市文旅局", "responsible"),
        ("市商务局", "responsible"),
    ]


def test_each_indicator_is_owned_by_the_units_its_row_names() -> None:
    """考核责任单位 names who answers for each row: its targets' owners are that row's units,
    not every unit of the table."""
    doc = policyparse.parse(_text())
    got = {(t.indicator, t.year): t.owners for n in doc.walk() for t in n.targets}
    assert got[("服务业增加值", 2025)] == {"responsible": ["市发展改革委"]}  # canonical
    assert got[("服务业增加值比重", 2025)] == {"responsible": ["市统计局"]}
    assert got[("旅游总收入", 2025)] == {"responsible": ["市文旅局", "市商务局"]}


_CHANGE_CELLS = (
    "附件\n某市健康水平提升主要目标\n"
    "序号\t指标名称\t单位\t2023年\t2025年\t2027年\t牵头单位\n"
    "1\t人均预期寿命\t岁\t78.1\t≥79\t≥80\t市卫健局\n"
    "2\t居民健康素养水平\t%\t30\t每年提升2%左右或不低于全省平均水平\t每年提升2%左右\t市卫健局\n"
    "3\t道路交通事故死亡率\t/10万\t7.5\t较2022年 下降3%\t较2025年 下降3%\t市公安局\n"
)


def test_value_cells_stating_a_change_give_targets_of_their_row() -> None:
    # a word of change, a base year before it or a period, an alternative after 或: the
    # change and its size are the row's target in the cell's own unit
    doc = policyparse.parse(_CHANGE_CELLS)
    got = [
        (n.path, t.comparator, t.value, t.unit, t.kind, t.year, t.period)
        for n in doc.walk()
        for t in n.targets
        if n.path in ("A1.2", "A1.3")
    ]
    assert got == [
        ("A1.2", "~", 2, "%", "increase", 2025, "每年"),
        ("A1.2", "~", 2, "%", "increase", 2027, "每年"),
        ("A1.3", "=", 3, "%", "decrease", 2025, None),
        ("A1.3", "=", 3, "%", "decrease", 2027, None),
    ]
