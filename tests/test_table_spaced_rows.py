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


_GLUED = (
    "某市人民政府办公室关于分解落实年度工作任务的通知\n"
    "各县区人民政府：现将任务分解表印发给你们。 附件：某市年度工作任务分解表 序号 名称 工作任务 "
    "牵头责任单位 配合单位\n"
    "一、主要预期目标\n"
    "1 地区生产总值增长7%以上. 市发改委 市统计局\n"
    "2 一般公共预算收入增长8%以上。 市财政局\n"
    "市税务局\n"
    "市各有关部门,各县区人民政府。\n"
    "3 高新技术产业产值增长10%. 市科技局 市工信局\n"
)


def test_a_header_glued_to_the_end_of_a_line_of_text_opens_the_table() -> None:
    doc = policyparse.parse(_GLUED)
    rows = {n.path: n for n in doc.walk() if n.path}
    assert [p for p in rows] == ["1", "1.1", "1.2", "1.3"]
    # 名称 is printed empty: the 工作任务 cell titles the row
    assert rows["1.1"].title == "地区生产总值增长7%以上"
    # the notice's text before the header stays text
    assert "现将任务分解表印发给你们" in doc.children[1].text


def test_a_unit_cell_over_two_lines_and_the_next_cell_on_a_line_of_its_own() -> None:
    rows = {n.path: n for n in policyparse.parse(_GLUED).walk() if n.path}
    assert [(u.name, u.role) for u in rows["1.2"].responsible_units] == [
        ("市财政局", "lead"),
        ("市税务局", "lead"),
        ("市各有关部门", "cooperating"),
        ("各县区人民政府", "cooperating"),
    ]


def test_a_half_width_full_stop_after_words_ends_the_sentence() -> None:
    """增长10%. 市科技局: the text printed ．, folded to a full stop; 1.5 and 1. are not."""
    got = [(t.value, t.unit) for n in policyparse.parse(_GLUED).walk() for t in n.targets]
    assert got == [(7, "%"), (8, "%"), (10, "%")]
    prose = policyparse.parse("一、任务\n新兴产业产值比重达50%. 建成示范点1.5万个。\n")
    assert [(t.value, t.unit) for n in prose.walk() for t in n.targets] == [
        (50, "%"),
        (1.5, "万个"),
    ]


_FROM_33 = (
    "某区2023年重点工作任务分解表\n"
    "序号 重点工作任务 主要责任单位 协同配合单位 完成期限\n"
    "33 新培育科技型企业50家以上。 区科技局 区经信局、区税务局。 2023年12月底\n"
    "34 推动某某研究院建设。 区科技局\n区商务局\n某某园区管委会\n"
    "区发改委、区农业农村局。 2023年12月底\n"
    "35 研发支出增长15%以上。 区科技局 区经信局。 2023年12月底\n"
)


def test_rows_printed_from_a_later_number_and_a_unit_cell_one_body_per_line() -> None:
    # a table printed from its 33rd row; row 34 lists its lead bodies one per line and
    # closes with its cooperating bodies and deadline on one line
    rows = {n.path: n for n in policyparse.parse(_FROM_33).walk() if n.path}
    assert list(rows) == ["33", "34", "35"]
    assert [(u.name, u.role) for u in rows["34"].responsible_units] == [
        ("区科技局", "responsible"),
        ("区商务局", "responsible"),
        ("某某园区管委会", "responsible"),
        ("区发改委", "cooperating"),
        ("区农业农村局", "cooperating"),
    ]
    assert rows["34"].deadline is not None and rows["34"].deadline.text == "2023年12月底"
    assert [(t.value, t.unit) for t in rows["35"].targets] == [(15, "%")]


_WRAPPED_HEADER = (
    "附件1\n某区养老方面主要指标分解表\n"
    "序号 指标名称 2022年\n完成情况\n目标任务 牵头部门\n2023年 2024年 2025年\n"
    "1 基本养老保险参保率 98.06% 98.5% 99% 99% 区人社局\n"
    "2 养老机构护理型床位占比 60% ≥60% ≥60% ≥62% 区民政局\n"
    "3 城市街道综合性养老服务中心 1 3 5 7 区民政局\n"
)


def test_a_header_wrapped_over_lines_names_a_column_per_year_of_its_group() -> None:
    # 2022年 / 完成情况 is one label (the base); 目标任务 over 2023年 2024年 2025年 is a
    # column per year; each row a measure of its lead, its figures its targets, once each
    doc = policyparse.parse(_WRAPPED_HEADER)
    rows = {n.path: n for n in doc.walk() if n.path}
    assert list(rows) == ["A1", "A1.1", "A1.2", "A1.3"]
    got = [(t.comparator, t.value, t.unit, t.year) for t in rows["A1.2"].targets]
    assert got == [(">=", 60, "%", 2023), (">=", 60, "%", 2024), (">=", 62, "%", 2025)]
    base = rows["A1.2"].targets[0].baseline
    assert base is not None and (base.value, base.year) == (60, 2022)
    assert [(u.name, u.role) for u in rows["A1.1"].responsible_units] == [("区人社局", "lead")]
    assert [t.value for t in rows["A1.3"].targets] == [3, 5, 7]
