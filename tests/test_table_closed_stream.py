"""A table of targets assigned to bodies printed one cell per line, each cell closed by a
pipe, its empty cells as bare pipes and a head split into parts by a second header row.
Synthetic; nothing copied from a document."""

from __future__ import annotations

from typing import Any

import policyparse

TEXT = """附件:
2024年招商引资目标考核指标分解表
考核单位 |
合同外资 (万美元) |
到位外资 (万美元) |
市外资金 (亿元) |
销售收入 (亿元) |
备 注 | |
本年任务 |
本年任务 |
本年任务 |
其中:外省 |
本年任务 |
| |
合 计 |
9000 |
5000 |
300 |
120 |
200 |
|
甲县 |
2100 |
1100 |
30 |
12.5 |
90 |
|
其中:高新区 |
1700 |
1000 |
9 |
1.5 |
80 |
含某企业 |
乙县 |
5800 |
3000 |
25 |
15 |
16.5 |
|
"""


def _targets(doc: Any) -> list[tuple[Any, ...]]:
    return [(n.path, t.value, t.unit, t.year) for n in doc.walk() for t in n.targets]


def test_each_figure_is_its_column_s_target_a_part_column_in_its_head_s_unit() -> None:
    doc = policyparse.parse(TEXT)
    rows = [
        ("9000", "5000", "300", "120", "200"),
        ("2100", "1100", "30", "12.5", "90"),
        ("1700", "1000", "9", "1.5", "80"),
        ("5800", "3000", "25", "15", "16.5"),
    ]
    units = ("万美元", "万美元", "亿元", "亿元", "亿元")
    want = [("A1", float(v), u, 2024) for row in rows for v, u in zip(row, units, strict=True)]
    assert _targets(doc) == want
    for n in doc.walk():
        for t in n.targets:
            assert TEXT[t.span[0] : t.span[1]] == str(t.value).removesuffix(".0")


def test_the_bodies_answer_a_part_row_named_without_its_lead() -> None:
    doc = policyparse.parse(TEXT)
    annex = next(n for n in doc.walk() if n.path == "A1")
    got = [(u.name, u.role) for u in annex.responsible_units]
    assert got == [("甲县", "responsible"), ("高新区", "responsible"), ("乙县", "responsible")]
