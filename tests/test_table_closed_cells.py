"""An indicator table printed one cell per line, each closed by a pipe, under its caption
and a line of pipes alone, as some sites print a box.  Synthetic; nothing copied from a
document."""

from __future__ import annotations

import policyparse
from policyparse.layout.blocks import split_blocks, trim_cell_pipes

_CELLS = ["具体指标", "2020年", "2025年", "年均增长(%)", "属性"]
_ROWS = [
    ["专科医院(所)", "3200", "3400", "1", "预期性"],
    ["专科医院床位数(万张)", "47.1", "69.2", "8", "预期性"],
    ["病床使用率(%)", "84", "94", "—", "预期性"],
]


def _text(caption: str = "专栏2 “十四五”时期某事业发展主要指标 |\n||||\n") -> str:
    cells = _CELLS + [c for row in _ROWS for c in row]
    return caption + "".join(f"{c} |\n" for c in cells)


def test_each_cell_closed_by_a_pipe_is_read_and_the_box_opens_above_it() -> None:
    doc = policyparse.parse(_text())
    assert [(n.path, n.label) for n in doc.walk() if n.path] == [("B2", "专栏2")]
    got = [(t.indicator, t.value, t.unit, t.year, t.period) for n in doc.walk() for t in n.targets]
    assert got == [
        ("专科医院", 3400, "所", 2025, None),
        ("专科医院", 1, "%", 2025, "年均"),
        ("专科医院床位数", 69.2, "万张", 2025, None),
        ("专科医院床位数", 8, "%", 2025, "年均"),
        ("病床使用率", 94, "%", 2025, None),
    ]


def test_a_run_beside_a_row_border_keeps_its_pipes() -> None:
    """The cells of one row of a table broken at its cells (a lone | opens the row, a line
    of pipes closes its empty cells) keep their pipes, whatever the row's length; a long
    run under a line of pipes alone is trimmed, its caption with it."""
    row = [f"单元{k} |" for k in range(20)]
    for text, trimmed in (
        ("\n".join(["|", *row, "||||"]) + "\n", False),
        ("\n".join(["||||", *row[:5], "||||"]) + "\n", False),
        ("\n".join(["专栏1 某某指标 |", "||||", *row]) + "\n", True),
    ):
        blocks = trim_cell_pipes(text, split_blocks(text))
        ends = [
            text[b.start : b.end].endswith("|") for b in blocks if "单元" in text[b.start : b.end]
        ]
        assert ends == [not trimmed] * len(ends)
