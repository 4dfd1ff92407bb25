"""Task tables with no 序号 column, numbered inside their cells one level per column
(工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限), merged cells printed once or on every row.
Synthetic; nothing copied from a document."""

from __future__ import annotations

import pytest

import policyparse

_HEADER = ["工作目标", "工作内容", "工作措施", "责任单位", "完成时限"]
# Each row as a web page lays it out: the merged cells (一、…, （一）…) on every row.
_GRID = [
    ["一、加大治理力度", "（一）强化源头治理", "1.加强源头防控，建立重点单位名单。",
     "县生态环境分局牵头，各有关部门按照职责分工负责", "2025年11月底前"],
    ["一、加大治理力度", "（一）强化源头治理", "2.开展农药减量行动。", "县农业农村局", "2025年11月底前"],
    ["一、加大治理力度", "（二）严控残留超标", "3.开展药物残留攻坚治理。", "县农业农村局 县市场监管局",
     "2025年11月底前"],
    ["二、健全监管体系", "（一）完善抽检制度", "4.新建食品快检室20个。", "县市场监管局", "2025年12月底前"],
]  # fmt: skip

_WANT = [
    ("1", "加大治理力度", []),
    ("1.1", "强化源头治理", []),
    ("1.1.1", "加强源头防控，建立重点单位名单", [("县生态环境分局", "lead"), ("各有关部门", "responsible")]),
    ("1.1.2", "开展农药减量行动", [("县农业农村局", "responsible")]),
    ("1.2", "严控残留超标", []),
    ("1.2.3", "开展药物残留攻坚治理", [("县农业农村局", "responsible"), ("县市场监管局", "responsible")]),
    ("2", "健全监管体系", []),
    ("2.1", "完善抽检制度", []),
    ("2.1.4", "新建食品快检室20个", [("县市场监管局", "responsible")]),
]  # fmt: skip


def _merged(grid: list[list[str]]) -> list[list[str]]:
    """The rows as a converter prints merged cells: once, on the group's first row, the
    row shifted left and padded at its end."""
    out, above = [], ["", ""]
    for row in grid:
        lead = [c for k, c in enumerate(row[:2]) if row[: k + 1] != above[: k + 1]]
        above = row[:2]
        cells = lead + row[2:]
        out.append(cells + [""] * (len(row) - len(cells)))
    return out


def _pipe(rows: list[list[str]]) -> str:
    return "\n".join("| " + " | ".join(r) + " |" for r in rows)


def _html(rows: list[list[str]]) -> bytes:
    trs = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<html><body><p>某县食品安全重点工作任务清单</p><table>{trs}</table></body></html>".encode()


def _outline(doc: policyparse.Document) -> list[tuple[str, str, list[tuple[str, str]]]]:
    return [
        (n.path, n.title or "", [(u.name, u.role) for u in n.responsible_units])
        for n in doc.walk()
        if n.path
    ]


@pytest.mark.parametrize("form", ["pipe, merged cells printed once", "pipe, on every row", "html"])
def test_groups_and_measures_numbered_in_their_cells(form: str) -> None:
    rows = [_HEADER, *(_merged(_GRID) if form.endswith("once") else _GRID)]
    if form == "html":
        doc = policyparse.parse_bytes(_html(rows), path="plan.html")
    else:
        doc = policyparse.parse("某县食品安全重点工作任务清单\n" + _pipe(rows) + "\n")
    assert _outline(doc) == _WANT


def test_the_measures_figures_are_its_targets() -> None:
    doc = policyparse.parse(
        "某县食品安全重点工作任务清单\n" + _pipe([_HEADER, *_merged(_GRID)]) + "\n"
    )
    node = next(n for n in doc.walk() if n.path == "2.1.4")
    assert [(t.value, t.unit, t.period) for t in node.targets] == [(20, "个", None)]
    assert node.deadline is not None and node.deadline.text == "2025年12月底前"


def test_a_table_with_a_serial_column_keeps_its_numbers() -> None:
    """序号 numbers the rows: a list numbered inside a task cell (1.… 2.…) opens nothing."""
    text = (
        "附件1\n某县任务分工表\n| 序号 | 工作任务 | 责任单位 |\n| --- | --- | --- |\n"
        "| 1 | 1.完善制度。2.加强监管。 | 县市场监管局 |\n| 2 | 开展抽检。 | 县农业农村局 |\n"
    )
    doc = policyparse.parse(text)
    assert [n.path for n in doc.walk() if n.path] == ["A1", "A1.1", "A1.2"]
