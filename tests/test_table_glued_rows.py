"""Task tables whose cells were printed with nothing between them, the rows run together
on one line (a newspaper's page, a PDF's text).  Synthetic; nothing copied from a document."""

from __future__ import annotations

import policyparse

_ROWS = (
    "1开展健康宣传。发挥媒体作用,普及健康知识。市卫生健康委、市委宣传部牵头;市教育局配合;各区落实"
    "2完善救助制度。对困难家庭给予救助,新建救助站3个。市民政局牵头;市财政局配合"
    "3推进托育服务。建设普惠托位2000个。市卫生健康委"
)


def _parse(text: str) -> policyparse.Document:
    return policyparse.parse("某市重点任务分工清单\n" + text + "\n")


def test_rows_run_together_under_a_glued_header_are_measures_with_their_units() -> None:
    doc = _parse("序号工作任务责任单位" + _ROWS)
    rows = {n.path: n for n in doc.walk() if n.path}
    assert list(rows) == ["1", "2", "3"]
    assert [(u.name, u.role) for u in rows["1"].responsible_units] == [
        ("市卫生健康委", "lead"),
        ("市委宣传部", "lead"),
        ("市教育局", "cooperating"),
        ("各区", "responsible"),
    ]
    assert [(u.name, u.role) for u in rows["3"].responsible_units] == [
        ("市卫生健康委", "responsible")
    ]
    assert [(t.value, t.unit) for t in rows["2"].targets] == [(3, "个")]
    assert [(t.value, t.unit) for t in rows["3"].targets] == [(2000, "个")]
    text = "某市重点任务分工清单\n序号工作任务责任单位" + _ROWS + "\n"
    for n in rows.values():
        for u in n.responsible_units:
            assert text[u.span[0] : u.span[1]] == u.name


def test_a_number_inside_a_task_opens_no_row() -> None:
    """新建救助站3个 holds 3, the next row's number, but no cell of bodies ends before it."""
    doc = _parse("序号工作任务责任单位" + _ROWS)
    assert [n.label for n in doc.walk() if n.path] == ["1", "2", "3"]


def test_without_the_glued_header_the_line_is_text() -> None:
    doc = _parse("重点任务如下" + _ROWS)
    assert [n.path for n in doc.walk() if n.path] == []
