"""Tables of targets assigned to bodies: each row a body that answers, each column an
indicator (责任单位 | 外贸出口目标 | 实到外资目标), in every form a table reaches us.
Synthetic; nothing copied from a document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policyparse
from policyparse import Document
from test_table_forms import as_lines, as_spaces, forms

_BODIES = ["甲县", "乙区", "丙市", "丁县", "戊区"]
_INDICATORS = ["工业投资目标", "外贸出口（万美元）", "新增就业（人）", "引进资金（亿元）"]


@dataclass(frozen=True)
class Assigned:
    opening: str  # the header's first cell: a role label or a column of bodies
    indicators: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # body, its cells
    total: bool  # a 合计 row closes the table


def _cells(n: int) -> st.SearchStrategy[tuple[str, ...]]:
    figure = st.sampled_from(["1900", "35.5", "—", "120", "8"])
    return st.lists(figure, min_size=n, max_size=n).filter(lambda c: c[0] != "—").map(tuple)


@st.composite
def assigned_tables(draw: st.DrawFn) -> Assigned:
    indicators = tuple(draw(st.lists(st.sampled_from(_INDICATORS), min_size=1, max_size=3,
                                     unique=True)))  # fmt: skip
    bodies = draw(st.lists(st.sampled_from(_BODIES), min_size=2, max_size=4, unique=True))
    rows = tuple((b, draw(_cells(len(indicators)))) for b in bodies)
    opening = draw(st.sampled_from(["责任单位", "考核单位", "地区", "县（市、区）"]))
    return Assigned(opening, indicators, rows, draw(st.booleans()))


def _grid(t: Assigned) -> list[list[str]]:
    out = [[t.opening, *t.indicators]]
    out += [[body, *cells] for body, cells in t.rows]
    if t.total:
        out.append(["合计", *("100" for _ in t.indicators)])
    return out


_INTRO = "附件1\n某市2004年招商引资目标任务分解表\n金额单位：万元\n"


def _unit(indicator: str) -> str:
    return indicator.split("（")[1].rstrip("）") if "（" in indicator else "万元"


def _want(t: Assigned) -> tuple[list[tuple[Any, ...]], list[tuple[str, str]]]:
    rows = [*t.rows, *((("合计", tuple("100" for _ in t.indicators)),) if t.total else ())]
    targets = [
        (name.split("（")[0], float(cell), _unit(name), 2004, "A1")
        for _body, cells in rows
        for name, cell in zip(t.indicators, cells, strict=True)
        if cell != "—"
    ]
    return targets, [(body, "responsible") for body, _ in t.rows]


def _got(doc: Document) -> tuple[list[tuple[Any, ...]], list[tuple[str, str]]]:
    targets: list[tuple[Any, ...]] = [
        (x.indicator, x.value, x.unit, x.year, n.path) for n in doc.walk() for x in n.targets
    ]
    units: list[tuple[str, str]] = [
        (u.name, u.role) for n in doc.walk() for u in n.responsible_units
    ]
    return targets, units


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assigned_tables())
def test_a_table_of_assigned_targets_gives_the_same_targets_and_units_in_every_form(
    t: Assigned,
) -> None:
    grid = _grid(t)
    docs = forms(grid, _INTRO)
    docs["spaces"] = policyparse.parse(_INTRO + as_spaces(grid) + "\n")
    for form, doc in docs.items():
        assert _got(doc) == _want(t), form


def test_each_figure_is_a_target_of_its_column_and_each_body_a_unit_of_the_annex() -> None:
    text = _INTRO + "责任单位 外贸出口目标 实到外资目标\n甲县 1900 300\n乙区 2000 —\n"
    doc = policyparse.parse(text)
    [annex] = [n for n in doc.walk() if n.path == "A1"]
    assert annex.title == "某市2004年招商引资目标任务分解表"  # the unit line between
    assert [(x.indicator, x.value, x.unit, x.year) for x in annex.targets] == [
        ("外贸出口目标", 1900, "万元", 2004),
        ("实到外资目标", 300, "万元", 2004),
        ("外贸出口目标", 2000, "万元", 2004),
    ]
    assert [(u.name, u.role) for u in annex.responsible_units] == [
        ("甲县", "responsible"),
        ("乙区", "responsible"),
    ]
    for x in annex.targets:  # every span exact
        assert text[x.span[0] : x.span[1]] in ("1900", "300", "2000")


def test_a_row_for_the_whole_area_gives_targets_and_names_no_body() -> None:
    text = _INTRO + "地区\t工业投资\n全市\t500\n甲县\t300\n乙区\t200\n"
    doc = policyparse.parse(text)
    assert [x.value for n in doc.walk() for x in n.targets] == [500, 300, 200]
    assert [u.name for n in doc.walk() for u in n.responsible_units] == ["甲县", "乙区"]


def test_rows_of_words_and_a_task_header_are_no_table_of_assigned_targets() -> None:
    """责任单位 | 工作内容 over sentences is a list of duties, not figures; 地区生产总值
    is an indicator, no column of bodies."""
    duties = "责任单位 工作内容\n市发改委 牵头制定方案，2025年完成。\n市财政局 保障资金。\n"
    assert not [x for n in policyparse.parse(duties).walk() for x in n.targets if x.value == 2025]
    gdp = "地区生产总值 工业增加值\n甲县 1900\n乙区 2000\n"
    assert not [x for n in policyparse.parse(gdp).walk() for x in n.targets]
    assert not [u for n in policyparse.parse(gdp).walk() for u in n.responsible_units]


def test_one_cell_per_line_ends_where_a_row_is_no_name_and_figures() -> None:
    rows = [["考核单位", "工业投资（亿元）", "外贸出口（万美元）"], ["甲县", "12", "300"],
            ["乙区", "8", "200"]]  # fmt: skip
    text = _INTRO + as_lines(rows) + "\n二、工作要求\n各地要加强考核。\n"
    doc = policyparse.parse(text)
    assert [(x.indicator, x.value, x.unit) for n in doc.walk() for x in n.targets] == [
        ("工业投资", 12, "亿元"),
        ("外贸出口", 300, "万美元"),
        ("工业投资", 8, "亿元"),
        ("外贸出口", 200, "万美元"),
    ]


def test_a_unit_line_above_an_indicator_table_gives_its_bare_figures_their_unit() -> None:
    """单位：亿元 above a table with no 单位 column and no bracket: the figures are in it;
    a figure printing its own unit keeps that."""
    text = (
        "表1 主要指标 单位：亿元\n序号\t指标\t2020年\t2025年\n"
        "1\t地区生产总值\t800\t1200\n2\t研发投入强度\t2.1\t3%\n"
    )
    doc = policyparse.parse(text)
    assert [(x.indicator, x.value, x.unit) for n in doc.walk() for x in n.targets] == [
        ("地区生产总值", 1200, "亿元"),
        ("研发投入强度", 3, "%"),
    ]


def test_each_rows_targets_are_owned_by_its_body_and_a_total_by_all() -> None:
    text = (
        _INTRO + "责任单位 外贸出口目标 实到外资目标\n甲县 1900 300\n乙区 2000 —\n合计 3900 300\n"
    )
    owners = [(x.value, x.owners) for n in policyparse.parse(text).walk() for x in n.targets]
    assert owners == [
        (1900, {"responsible": ["甲县"]}),
        (300, {"responsible": ["甲县"]}),
        (2000, {"responsible": ["乙区"]}),
        (3900, {"responsible": ["甲县", "乙区"]}),  # the total: the node's units
        (300, {"responsible": ["甲县", "乙区"]}),
    ]
    rows = {r.unit: r.targets for r in policyparse.owners(policyparse.parse(text))}
    assert rows["乙区"] == ["外贸出口目标 2000万元 (2004)", "外贸出口目标 3900万元 (2004)",
                           "实到外资目标 300万元 (2004)"]  # fmt: skip


_NO_LEADING_BAR = (
    "附件\n某县2023年种植任务分解表\n"
    "乡镇 | 新种任务(亩) | 备注 |\n"
    "全县合计 | 1450 | |\n"
    "甲镇 | 600 | 其中某公司新种任务200亩,不计入甲镇考核。 |\n"
    "乙乡 | 300 | |\n丙乡 | 250 | |\n丁镇 | 100 | |\n戊乡 | 80 | |\n己镇 | 70 | |\n"
    "庚乡 | 50 | |\n壬乡 | 60 | |\n癸镇 | 30 | |\n子乡 | 20 | |\n"
    "辛镇 | 0 |\n"
)


def test_pipe_rows_without_a_leading_bar_are_rows_to_the_last_short_one() -> None:
    # every line closes its cells with pipes, but each holds a whole row: pipe rows, not one
    # stream of cells; the last row prints its empty remark cell not at all
    doc = policyparse.parse(_NO_LEADING_BAR.replace("辛镇 | 0 |", "辛镇 | 40 |"))
    assert [t.value for n in doc.walk() for t in n.targets] == [
        1450, 600, 300, 250, 100, 80, 70, 50, 60, 30, 20, 40
    ]  # fmt: skip
    assert [u.name for n in doc.walk() for u in n.responsible_units][-1] == "辛镇"


def test_a_whole_area_total_row_names_no_body() -> None:
    # 全县合计: the whole county and a total printed together, the row of sums
    doc = policyparse.parse(_NO_LEADING_BAR)
    names = [u.name for n in doc.walk() for u in n.responsible_units]
    assert "全县合计" not in names and names[:2] == ["甲镇", "乙乡"]
