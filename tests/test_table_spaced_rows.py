"""Task tables printed one row per line with one space between cells (a PDF's text layer
read without its layout): names wrapped by a space, an empty category cell, units and
deadline read from the row's right end.  Synthetic; nothing copied from a document."""

from __future__ import annotations

import policyparse

_TABLE = (
    "某市全面推行林长制主要任务分解表\n"
    "序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位\n"
    "1 加强森林资 源保护 严守生态保护红线 实施林地用途管制，严禁擅自改变林地用途。"
    "到2025年，全市森林覆盖率达到35%。 市林业局 市自然资源局、市生态环境局等 各县(市、区)党委和人民政府\n"
    "2  提升森林 质量 开展国土绿化行动，每年完成造林10万亩。 市林业局 市财政局 各县(市、区)人民政府\n"
)


def _rows() -> dict[str, policyparse.Node]:
    return {n.path: n for n in policyparse.parse(_TABLE).walk() if n.path}


def test_rows_one_space_apart_become_measures_titled_by_the_task_cell() -> None:
    rows = _rows()
    # a name wrapped by a space (严守…, 提升森林 质量) is one cell; the empty 类别 cell of
    # row 2 (two spaces) keeps the columns in place
    assert [(p, rows[p].title) for p in ("1", "2")] == [
        ("1", "严守生态保护红线"),
        ("2", "提升森林质量"),
    ]


def test_the_unit_columns_are_read_from_the_rows_right_end() -> None:
    rows = _rows()
    assert [(u.name, u.role) for u in rows["1"].responsible_units] == [
        ("市林业局", "lead"),
        ("市自然资源局", "cooperating"),
        ("市生态环境局", "cooperating"),
        # a place's pair of leading bodies (党委和人民政府) is one unit
        ("各县(市、区)党委和人民政府", "responsible"),
    ]
    assert [(u.name, u.role) for u in rows["2"].responsible_units][-1] == (
        "各县(市、区)人民政府",
        "responsible",
    )


def test_the_measure_cells_targets_are_read_as_prose() -> None:
    got = [(t.value, t.unit, t.year, t.period) for n in _rows().values() for t in n.targets]
    assert got == [(35, "%", 2025, None), (10, "万亩", None, "每年")]
    doc = policyparse.parse(_TABLE)
    for n in doc.walk():
        for t in n.targets:
            assert _TABLE[t.span[0] : t.span[1]] == t.text


def test_a_line_of_words_that_are_not_all_column_words_opens_no_table() -> None:
    text = "序号 类别 我们 要求 牵头单位\n1 任务 措施 内容 市林业局\n"
    doc = policyparse.parse(text)
    assert [n.kind for n in doc.children] == ["paragraph", "paragraph"]
    assert [u.name for n in doc.walk() for u in n.responsible_units] == []


def test_two_bodies_joined_by_he_stay_two() -> None:
    doc = policyparse.parse("一、任务\n（一）推进改革。（责任单位：农业农村部和财政部）\n")
    assert [u.name for n in doc.walk() for u in n.responsible_units] == ["农业农村部", "财政部"]
