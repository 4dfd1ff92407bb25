"""Tables in every form: the same table gives the same measures, owners and targets.

Each table here is made from a description (rows of tasks, units, deadlines, or of
indicators and their values) and printed in each form a plan reaches us in: a web
page's <table>, a Word table, tab-separated rows, markdown pipe rows (in a .txt and
in a .md file), a table drawn with box-drawing characters, bar lines (one cell per line, ``|`` opening each row), plain
lines (one cell per line under a header of column words) and, for task tables, rows one
space apart.  Nothing is copied from a
real document.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policyparse
from docx_builder import build, grid_table, paragraph
from policyparse import Document

# --- what a task table says ---------------------------------------------------------

TASKS = ["加强大气治理", "推进水环境整治", "实施土壤修复", "建设智慧平台", "完善监测网络"]
MEASURES = ["新建监测站10个", "改造管网20公里", "培育示范企业5家", "建成试点3个", "完善制度"]
UNITS = ["市生态环境局", "市发展改革委", "市财政局", "市水务局", "市工业和信息化局", "市科技局"]
DEADLINES = ["2025年底前", "2026年6月", "持续推进", "2027年底前"]
HEADINGS = ["一、推进污染防治", "二、强化支撑保障", "三、完善体制机制"]


@dataclass(frozen=True)
class TaskRow:
    task: str
    measure: str
    lead: tuple[str, ...]
    cooperating: tuple[str, ...]
    deadline: str


@dataclass(frozen=True)
class TaskTable:
    groups: tuple[tuple[str, tuple[TaskRow, ...]], ...]

    HEADER = ("序号", "重点任务", "工作措施", "牵头单位", "配合单位", "完成时限")

    def rows(self) -> list[list[str]]:
        """The header, then per group its heading row and its numbered rows."""
        out = [list(self.HEADER)]
        n = 0
        for heading, rows in self.groups:
            out.append([heading])
            for r in rows:
                n += 1
                coop = "、".join(r.cooperating) or "——"
                out.append([str(n), r.task, r.measure, "、".join(r.lead), coop, r.deadline])
        return out


task_rows = st.builds(
    TaskRow,
    st.sampled_from(TASKS),
    st.sampled_from(MEASURES),
    st.lists(st.sampled_from(UNITS), min_size=1, max_size=2, unique=True).map(tuple),
    st.lists(st.sampled_from(UNITS), max_size=2, unique=True).map(tuple),
    st.sampled_from(DEADLINES),
)
task_tables = st.lists(
    st.lists(task_rows, min_size=1, max_size=3).map(tuple), min_size=1, max_size=3
).map(lambda gs: TaskTable(tuple(zip(HEADINGS, gs, strict=False))))


# --- the forms ------------------------------------------------------------------------

INTRO = "附件1\n重点任务分工表\n"


def _width(rows: list[list[str]]) -> int:
    return max(len(r) for r in rows)


def as_tab(rows: list[list[str]]) -> str:
    w = _width(rows)
    return "\n".join("\t".join(r + [""] * (w - len(r))) for r in rows)


def as_pipe(rows: list[list[str]]) -> str:
    w = _width(rows)
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * w]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def as_box(rows: list[list[str]]) -> str:
    """Drawn with box-drawing characters, as text converted from a Word or PDF table prints
    it: a border line between rows, │ between cells."""
    w = _width(rows)
    line = "├" + "┼".join("──" for _ in range(w)) + "┤"
    out = ["┌" + "┬".join("──" for _ in range(w)) + "┐"]
    for k, r in enumerate(rows):
        if k:
            out.append(line)
        out.append("│" + "│".join(r) + "│")
    out.append("└" + "┴".join("──" for _ in range(w)) + "┘")
    return "\n".join(out)


def as_bar_lines(rows: list[list[str]]) -> str:
    out: list[str] = []
    for r in rows:
        out.append("|")
        out += [f"{c} |" for c in r]
    return "\n".join(out)


def as_spaces(rows: list[list[str]]) -> str:
    return "\n".join(" ".join(r) for r in rows)


def as_lines(rows: list[list[str]]) -> str:
    return "\n".join(c for r in rows for c in r)


def as_html(rows: list[list[str]], intro: str = INTRO) -> bytes:
    w = _width(rows)
    trs = []
    for r in rows:
        if len(r) == 1:
            trs.append(f'<tr><td colspan="{w}">{escape(r[0])}</td></tr>')
        else:
            trs.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>")
    paras = "".join(f"<p>{escape(line)}</p>" for line in intro.split("\n") if line)
    page = f'<html><body><div id="UCAP-CONTENT">{paras}<table>{"".join(trs)}</table></div></body></html>'
    return page.encode("utf-8")


def as_docx(rows: list[list[str]], intro: str = INTRO) -> bytes:
    w = _width(rows)
    cells: list[list[Any]] = [[(r[0], w, None)] if len(r) == 1 else r for r in rows]
    paras = "".join(paragraph(line) for line in intro.split("\n") if line)
    return build(paras + grid_table(cells))


def forms(rows: list[list[str]], intro: str = INTRO) -> dict[str, Document]:
    """The table in every form, parsed, after the lines *intro*."""
    text = {
        "tab": as_tab(rows),
        "pipe": as_pipe(rows),
        "box": as_box(rows),
        "bar_lines": as_bar_lines(rows),
        "lines": as_lines(rows),
    }
    docs = {k: policyparse.parse(intro + v + "\n") for k, v in text.items()}
    md = (intro + text["pipe"] + "\n").encode("utf-8")
    docs["markdown"] = policyparse.parse_bytes(md, path="plan.md")
    docs["html"] = policyparse.parse_bytes(as_html(rows, intro), path="plan.html")
    docs["docx"] = policyparse.parse_bytes(as_docx(rows, intro), path="plan.docx")
    return docs


def owners(doc: Document) -> list[tuple[Any, ...]]:
    """Per numbered node: path, title, units with roles, deadline, targets."""
    return [
        (
            n.path,
            n.title,
            [(u.name, u.role) for u in n.responsible_units],
            n.deadline.text if n.deadline else None,
            [(t.value, t.unit, t.comparator, t.year, t.baseline, t.binding) for t in n.targets],
        )
        for n in doc.walk()
        if n.path
    ]


def expected(table: TaskTable) -> list[tuple[Any, ...]]:
    """What a reader lists for a task table, from its description alone."""
    out: list[tuple[Any, ...]] = [("A1", "重点任务分工表", [], None, [])]
    n = 0
    for g, (heading, rows) in enumerate(table.groups, 1):
        out.append((f"A1.{g}", heading.split("、", 1)[1], [], None, []))
        for r in rows:
            n += 1
            units = [(u, "lead") for u in r.lead] + [(u, "cooperating") for u in r.cooperating]
            out.append((f"A1.{g}.{n}", r.task, units, r.deadline, None))
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(task_tables)
def test_a_task_table_gives_the_same_owners_in_every_form(table: TaskTable) -> None:
    docs = forms(table.rows())
    # one row per line, one space between cells (a PDF's text layer read without layout):
    # a task table only, its units and deadline placed from the row's right end
    docs["spaces"] = policyparse.parse(INTRO + as_spaces(table.rows()) + "\n")
    want = expected(table)
    for form, doc in docs.items():
        got = owners(doc)
        assert [g[:4] for g in got] == [w[:4] for w in want], form
    first = owners(docs["tab"])
    for form, doc in docs.items():
        assert owners(doc) == first, form


# --- what an indicator table says ----------------------------------------------------

INDICATOR_HEADER = ["序号", "指标", "单位", "2020年", "2025年", "属性"]
VALUES = [
    # cell, value, value_max, comparator
    ("10", 10.0, None, "="),
    ("≥95", 95.0, None, ">="),
    (">95", 95.0, None, ">"),
    ("95以上", 95.0, None, ">="),
    ("<1", 1.0, None, "<"),
    ("≤5", 5.0, None, "<="),
    ("5—8", 5.0, 8.0, "range"),
]


@dataclass(frozen=True)
class IndicatorRow:
    name: str
    unit: str
    base: str
    value: tuple[str, float, float | None, str]
    binding: str


indicator_rows = st.lists(
    st.builds(
        IndicatorRow,
        st.sampled_from(
            ["数字经济核心产业增加值占比", "森林覆盖率", "城镇新增就业", "研发投入强度"]
        ),
        st.sampled_from(["%", "万人", "个"]),
        st.sampled_from(["7.8", "—", "12"]),
        st.sampled_from(VALUES),
        st.sampled_from(["预期性", "约束性"]),
    ),
    min_size=1,
    max_size=4,
)


def indicator_table(rows: list[IndicatorRow]) -> list[list[str]]:
    out = [list(INDICATOR_HEADER)]
    for k, r in enumerate(rows, 1):
        out.append([str(k), r.name, r.unit, r.base, r.value[0], r.binding])
    return out


def targets(doc: Document) -> list[tuple[Any, ...]]:
    return [
        (
            t.indicator,
            t.value,
            t.value_max,
            t.unit,
            t.comparator,
            t.year,
            t.baseline.value if t.baseline else None,
            t.baseline.year if t.baseline else None,
            t.binding,
        )
        for n in doc.walk()
        for t in n.targets
    ]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(indicator_rows)
def test_an_indicator_table_gives_the_same_targets_in_every_form(rows: list[IndicatorRow]) -> None:
    want = [
        (
            r.name,
            r.value[1],
            r.value[2],
            r.unit,
            r.value[3],
            2025,
            None if r.base == "—" else float(r.base),
            None if r.base == "—" else 2020,
            r.binding == "约束性",
        )
        for r in rows
    ]
    for form, doc in forms(indicator_table(rows)).items():
        assert targets(doc) == want, form
    # One row turned sideways is a card of labels and values, one per line.
    sideways = policyparse.parse(INTRO + as_sideways(indicator_table(rows)) + "\n")
    assert targets(sideways) == want, "sideways"


def as_sideways(rows: list[list[str]]) -> str:
    """The table turned on its side, as a converter prints a wide one: each pipe row a
    column's label and its cells, the label alone on a line closed by a bar first."""
    w = _width(rows)
    columns = [[r[k] if k < len(r) else "" for r in rows] for k in range(w)]
    lines = []
    for col in columns:
        lines.append(f"{col[0]} |")
        lines.append(" | ".join(col[1:]) + " |")
    return "\n".join(lines)


# --- single cases ------------------------------------------------------------------

EXAMPLE = """表2 某省“十四五”数字经济主要指标
序号\t指标\t单位\t2020年\t2025年\t属性
1\t数字经济核心产业增加值占GDP比重\t%\t7.8\t10\t预期性
2\t万元GDP能耗下降\t%\t—\t[13.5]\t约束性
"""


def test_the_issue_example_gives_exactly_two_targets() -> None:
    doc = policyparse.parse(EXAMPLE)
    got = [t for n in doc.walk() for t in n.targets]
    assert len(got) == 2
    first, second = got
    assert (first.indicator, first.value, first.unit, first.year) == (
        "数字经济核心产业增加值占GDP比重",
        10.0,
        "%",
        2025,
    )
    assert first.baseline is not None and (first.baseline.value, first.baseline.year) == (7.8, 2020)
    assert first.binding is False and first.kind == "level"
    assert (second.value, second.unit, second.kind, second.period) == (
        13.5,
        "%",
        "decrease",
        "累计",
    )
    assert second.baseline is None and second.binding is True
    for t in got:
        assert EXAMPLE[t.span[0] : t.span[1]] == t.text


def test_words_and_base_figures_are_not_targets() -> None:
    text = (
        "序号\t指标\t单位\t2020年\t2025年\t属性\n"
        "1\t单位生产总值能耗\t%\t3.2\t持续下降\t约束性\n"
        "2\t新增光伏装机\t万千瓦\t120\t完成国家下达任务\t预期性\n"
    )
    doc = policyparse.parse(text)
    assert [t for n in doc.walk() for t in n.targets] == []


def test_several_target_columns_give_one_target_each() -> None:
    text = (
        "序号\t指标名称\t单位\t2020年实际值\t2025年目标值\t2030年目标值\n"
        "1\t森林覆盖率\t%\t40\t42\t45\n"
    )
    got = [(t.value, t.year, t.baseline.year if t.baseline else None) for t in _targets(text)]
    assert got == [(42.0, 2025, 2020), (45.0, 2030, 2020)]


def test_the_unit_can_stand_in_the_indicator_cell() -> None:
    text = "序号\t指标\t2025年\n1\t研发投入强度（%）\t3\n2\t城市绿道长度（公里）\t800\n"
    got = [(t.indicator, t.value, t.unit) for t in _targets(text)]
    assert got == [("研发投入强度", 3.0, "%"), ("城市绿道长度", 800.0, "公里")]


def test_an_inclusive_bound_in_a_cell_keeps_its_unit_clean() -> None:
    # 6人（含）以下: （含） says the bound is included; it is no part of the unit.
    text = "序号\t指标\t2020年\n1\t工房现场操作人员\t6人（含）以下\n2\t培育企业\t10家(含)以上\n"
    got = [(t.value, t.comparator, t.unit) for t in _targets(text)]
    assert got == [(6.0, "<=", "人"), (10.0, ">=", "家")]


def test_a_plan_period_header_gives_its_year() -> None:
    text = "| 序号 | 指标名称 | 单位 | “十四五”末 |\n| --- | --- | --- | --- |\n| 1 | 森林覆盖率 | % | 42 |\n"
    assert [(t.year, t.deadline) for t in _targets(text)] == [(2025, "“十四五”末")]


PROJECT_TABLES = {
    "pipe": (
        "到2025年，建成充电站10座。\n"
        "| 序号 | 项目名称 | 建设地点 | 建设规模 | 总投资 | 建设年限 |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| 1 | 某某光伏项目 | 某镇 | 年发电12万千瓦时 | 5000万元 | 2024-2026年 |\n"
    ),
    # One cell per line with no 序号: 项目名称 / 项目内容 / 总投资（亿元）, rows of three.
    "lines-no-serial": (
        "一、目标\n到2025年，建成充电站10座。\n附件8\n绿化建设项目资金测算表\n"
        "项目名称\n项目内容\n总投资（亿元）\n"
        "郊野公园\n建设郊野公园一期，实施面积4.5平方公里。\n13\n"
        "公园绿地\n建设公园绿地200公顷\n12\n绿道\n建设绿道100公里\n3\n"
    ),
}


@pytest.mark.parametrize("form", list(PROJECT_TABLES))
def test_a_project_table_gives_no_targets(form: str) -> None:
    # The projects' quantities are no targets; the plan's own sentence still is.
    assert [(t.value, t.unit) for t in _targets(PROJECT_TABLES[form])] == [(10.0, "座")]


def _targets(text: str) -> list[Any]:
    return [t for n in policyparse.parse(text).walk() for t in n.targets]


def test_continuation_rows_and_a_repeated_number_add_to_the_row() -> None:
    text = (
        "| 序号 | 重点任务 | 牵头单位 | 责任单位 |\n"
        "| --- | --- | --- | --- |\n"
        "| 1 | 加强大气治理 | 市生态环境局 | 市财政局 |\n"
        "|  |  |  | 市水务局 |\n"
        "| 1 | 加强大气治理 | 市生态环境局 | 市科技局 |\n"
        "| 2 | 推进水环境整治 | 市水务局 | / |\n"
    )
    doc = policyparse.parse(text)
    got = {n.path: [(u.name, u.role) for u in n.responsible_units] for n in doc.walk() if n.path}
    assert got == {
        "1": [
            ("市生态环境局", "lead"),
            ("市财政局", "responsible"),
            ("市水务局", "responsible"),
            ("市科技局", "responsible"),
        ],
        "2": [("市水务局", "lead")],
    }


def test_a_unit_name_broken_by_a_line_break_stays_whole() -> None:
    text = (
        "市生态环境局某某分局负责监督。\n"
        "| 序号 | 重点任务 | 牵头单位 | 配合单位 |\n"
        "| --- | --- | --- | --- |\n"
        "| 1 | 加强大气治理 | 市生态环境局<br>某某分局 | 区发展改革委<br>区财政局 |\n"
    )
    doc = policyparse.parse_bytes(text.encode(), path="plan.md")
    row = next(n for n in doc.walk() if n.path == "1")
    assert [(u.name, u.role) for u in row.responsible_units] == [
        ("市生态环境局某某分局", "lead"),
        ("区发展改革委", "cooperating"),
        ("区财政局", "cooperating"),
    ]


def test_a_repeated_header_and_an_empty_row_are_skipped() -> None:
    header = "| 序号 | 重点任务 | 牵头单位 |\n| --- | --- | --- |\n"
    text = (
        header
        + "| 1 | 加强大气治理 | 市生态环境局 |\n|  |  |  |\n\n* * *\n\n"
        + header
        + "| 2 | 推进水环境整治 | 市水务局 |\n"
    )
    doc = policyparse.parse_bytes(text.encode(), path="plan.md")
    assert [(n.path, n.title) for n in doc.walk() if n.path] == [
        ("1", "加强大气治理"),
        ("2", "推进水环境整治"),
    ]


def test_a_short_row_keeps_its_number_and_aligns_right() -> None:
    text = (
        "| 序号 | 类别 | 指标名称 | 单位 | 属性 | 目标值 |\n| --- | --- | --- | --- | --- | --- |\n"
        "| 1 | 建筑节能 | 既有建筑节能改造面积 | 万平方米 | 预期性 | 100 |\n"
        "| 2 | 建成零碳建筑 | 栋 | 预期性 | ≥3 |\n"
    )
    got = [(t.indicator, t.value, t.unit, t.comparator) for t in _targets(text)]
    assert got == [
        ("既有建筑节能改造面积", 100.0, "万平方米", "="),
        ("建成零碳建筑", 3.0, "栋", ">="),
    ]


def test_bar_lines_that_print_empty_cells_keep_each_row_from_the_left() -> None:
    # A converter's rows of bar lines: ``||||`` closes the row's empty cells, the header
    # has columns no row fills (进展情况 …), and the last row lost its line of bars.
    header = ["序号", "改革任务", "改革事项", "牵头单位", "联系人", "进展情况", "存在问题"]
    rows = [
        ["1", "推进园区改革", "完善园区管理体制", "县发展改革局"],
        ["2", "深化投资审批改革", "推行承诺制", "县行政审批局"],
    ]
    lines = ["|", "附件 | ||||||", "|", "某县重点改革任务台账 | ||||||", "|"]
    lines += [f"{c} |" for c in header]
    for k, row in enumerate(rows):
        lines += ["|", *(f"{c} |" for c in row)]
        if k < len(rows) - 1:
            lines.append("|" * (len(header) - len(row)))
    doc = policyparse.parse("\n".join(lines) + "\n")
    got = [
        (n.path, n.title, [(u.name, u.role) for u in n.responsible_units])
        for n in doc.walk()
        if n.path
    ]
    assert got == [
        ("A1", "某县重点改革任务台账", []),
        ("A1.1", "推进园区改革", [("县发展改革局", "lead")]),
        ("A1.2", "深化投资审批改革", [("县行政审批局", "lead")]),
    ]


def test_a_task_table_cell_under_a_year_column_takes_that_year() -> None:
    text = (
        "| 序号 | 任务内容 | 2024年目标 | 2025年目标 | 牵头单位 |\n| --- | --- | --- | --- | --- |\n"
        "| 1 | 推动设备更新 | 更新设备850台 | 更新设备1200台 | 区工信局 |\n"
    )
    assert [(t.value, t.year) for t in _targets(text)] == [(850.0, 2024), (1200.0, 2025)]


def test_a_header_without_column_words_is_a_diagnostic_not_a_table() -> None:
    text = "| 甲 | 乙 |\n| 一 | 二 |\n| 三 | 四 |\n"
    doc = policyparse.parse(text)
    assert "table_unread" in [d.code for d in doc.diagnostics]


# --- annexes ------------------------------------------------------------------------


def _paths(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(n.path, n.label, n.title) for n in policyparse.parse(text).walk() if n.path]


NOTICE = (
    "现将有关文件印发给你们。\n附件：1.某某行动计划\n2.某某任务清单\n某市人民政府\n2025年1月2日\n"
)


def test_an_annex_label_with_its_title_on_one_line_opens_the_attachment() -> None:
    text = NOTICE + "附件1：某某行动计划\n一、总体要求\n附件2 某某任务清单\n一、任务\n"
    assert _paths(text) == [
        ("A1", "附件1", "某某行动计划"),
        ("A1.1", "一、", "总体要求"),
        ("A2", "附件2", "某某任务清单"),
        ("A2.1", "一、", "任务"),
    ]


def test_an_annex_range_and_a_bare_annex_open_attachments() -> None:
    assert _paths(NOTICE + "附件1—2\n某某清单\n一、任务\n")[0] == ("A1", "附件1—2", "某某清单")
    assert _paths(NOTICE + "附件\n某某清单\n一、任务\n")[0] == ("A1", "附件", "某某清单")


def test_an_annex_title_opening_with_a_year_keeps_the_year() -> None:
    # 附件2 2026年…: the year is the title's, not a second number of the label (A22).
    text = NOTICE + "附件1\n某某清单\n一、任务\n附件2 2026年某市数据采集表\n一、说明\n"
    assert _paths(text)[2] == ("A2", "附件2", "2026年某市数据采集表")


def test_a_sentence_about_an_annex_opens_none() -> None:
    # 附件1中需要提供…: a cell that speaks of annex 1, inside annex 2.
    text = NOTICE + "附件1\n某某清单\n一、任务\n附件1中需要提供点位清单的指标项\n二、说明\n"
    assert [p for p, _, _ in _paths(text)] == ["A1", "A1.1", "A1.2"]


@pytest.mark.parametrize("label", ["附件1.", "附件1、", "附件1："])
def test_an_annex_label_with_its_stop_alone_on_a_line_opens_the_attachment(label: str) -> None:
    text = NOTICE + f"{label}\n某某界址点坐标\n一、说明\n"
    assert _paths(text) == [("A1", "附件1", "某某界址点坐标"), ("A1.1", "一、", "说明")]


def test_an_annex_numbered_at_two_levels_opens_the_attachment() -> None:
    """附件1.1： alone on its line (an annex of the first annex); the covering notice's
    list of it (附件： / 1.1 某某清单) opens nothing."""
    text = NOTICE + "附件1.1：\n某某任务清单\n一、任务\n"
    assert _paths(text) == [("A1", "附件1.1", "某某任务清单"), ("A1.1", "一、", "任务")]


def test_the_covering_notice_list_of_annexes_opens_nothing() -> None:
    text = "现将有关文件印发给你们。\n附件1：某某行动计划\n附件2：某某任务清单\n某市人民政府\n2025年1月2日\n"
    assert _paths(text) == []


# --- markdown -------------------------------------------------------------------------


def test_markdown_marks_read_as_spaces_and_spans_index_the_file() -> None:
    text = "---\ntitle: x\n---\n# 某市行动方案\n\n## 一、总体要求\n\n**（一）目标。**到2025年，建成基地5个。\n"
    raw = text.encode("utf-8")
    doc = policyparse.parse_bytes(raw, path="plan.md")
    assert doc.source.format == "markdown"
    assert [(n.path, n.title) for n in doc.walk() if n.path] == [("1", "总体要求"), ("1.1", "目标")]
    t = next(t for n in doc.walk() for t in n.targets)
    assert text[t.span[0] : t.span[1]] == t.text and t.value == 5.0


def test_markdown_marks_are_blanked_in_every_stretch_of_a_long_file() -> None:
    from policyparse.text.fold import fold
    from policyparse.text.markdown import blank_marks

    filler = "推进工作。\n" * 30_000  # past two stretches of 65,536 characters
    text = (
        "---\ntitle: x\n---\n## 一、总体\n"
        + filler
        + "**（一）目标**\n---\n"
        + filler
        + "# 二、保障"
    )
    blanked = blank_marks(fold(text))
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert "#" not in blanked and "*" not in blanked and "-" not in blanked
    assert blanked.endswith("  二、保障") and "  (一)目标  \n" in blanked


def test_folding_a_long_text_folds_every_stretch() -> None:
    from policyparse.text.fold import _TABLE, fold

    text = ("Ａ１\u3000，\t" * 40_000)[:-1] + "２"
    assert fold(text) == text.translate(_TABLE)


# --- how many cells a document reads as tables -----------------------------------------


def test_tables_past_the_cell_limit_are_text_with_a_diagnostic() -> None:
    from policyparse.layout.cells import MAX_CELLS

    head = "| 序号 | 重点任务 | 牵头单位 |\n| --- | --- | --- |\n"
    rows = [f"| {n} | 推进第{n}项工作 | 市发展改革委 |\n" for n in range(1, MAX_CELLS // 3 + 3)]
    text = head + "".join(rows)
    doc = policyparse.parse_bytes(text.encode("utf-8"), path="plan.md")
    cut = [d for d in doc.diagnostics if d.code == "too_many_cells"]
    assert len(cut) == 1 and cut[0].severity == "warning" and cut[0].span is not None
    # The header and the rows within the limit are read; the row that passes it starts
    # the text.
    read = MAX_CELLS // 3 - 1
    assert text[cut[0].span[0] :].startswith(f"| {read + 1} |")
    paths = [n.path for n in doc.walk() if n.path]
    assert paths[:2] == ["1", "2"] and f"{read + 1}" not in paths and len(paths) <= read
    small = policyparse.parse_bytes((head + "".join(rows[:5])).encode("utf-8"), path="plan.md")
    assert "too_many_cells" not in [d.code for d in small.diagnostics]


@pytest.mark.parametrize(
    "text",
    [
        "|\n序号 |\n任务 |\n单位 |\n|\n1 |\n甲 |\n市商务局 |\n|\n2 |\n乙 |\n市财政局 |\n",
        "| 序号 | 任务 | 单位 |\n| 1 | 甲 | 市商务局 |\n| 2 | 乙 | 市财政局 |\n",
        "序号\t任务\t单位\n1\t甲\t市商务局\n2\t乙\t市财政局\n",
        "序号\n任务\n单位\n1\n甲\n市商务局\n2\n乙\n市财政局\n",
    ],
    ids=["bar-lines", "pipe", "tab", "lines"],
)
def test_every_form_stops_at_the_row_that_passes_the_cell_budget(text: str) -> None:
    from policyparse.layout.blocks import split_blocks
    from policyparse.layout.cells import Budget, text_tables
    from policyparse.layout.linetables import line_tables
    from policyparse.text.fold import fold

    folded = fold(text)
    budget = Budget(left=7)  # the header and one row; the second row passes it
    tables = text_tables(text, folded, split_blocks(folded), budget)
    tables += line_tables(folded, split_blocks(folded), budget)
    assert [len(t.rows) for t in tables] == [2]
    assert budget.cut is not None and text[budget.cut :].lstrip("|\n ").startswith("2")
    assert tables[0].end < budget.cut


# --- odd tables: never an error, every span exact ---------------------------------

PIECES = [
    "|", " | ", "\t", "\n", "| --- |", "序号", "指标", "单位", "2025年", "2020年", "属性",
    "牵头单位", "配合单位", "完成时限", "1", "2", "10", "≥95", "[13.5]", "5—8", "——", "/",
    "市发展改革委", "<br>", "一、推进", "（一）", "附件1：", "**", "# ", "约束性", "预期性",
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_odd_tables_parse_with_exact_spans(text: str) -> None:
    from spans import check_document

    check_document(policyparse.parse(text), text)
    if text.strip():
        doc = policyparse.parse_bytes(text.encode("utf-8"), path="plan.md", with_text=True)
        assert doc.text == text
        check_document(doc, text)


# --- boxes printed as tables ----------------------------------------------------------


def _placed(doc: Document) -> list[tuple[str | None, str | None, list[float]]]:
    """Numbered nodes with the targets of their own text and of their paragraphs."""
    out: list[tuple[str | None, str | None, list[float]]] = []
    for n in doc.walk():
        if n.path:
            paras = [c for c in n.children if c.kind == "paragraph"]
            values = [t.value for m in [n, *paras] for t in m.targets]
            out.append((n.path, n.title, values))
    return out


def test_a_box_printed_as_a_table_ends_with_its_table() -> None:
    text = (
        "一、任务\n（一）建设通道。内容。\n专栏1  重点工程\n\n|     |\n| --- |\n"
        "| 推进重点项目建设。 |\n\n构建综合运输大通道，建设高速公路100公里。\n"
    )
    doc = policyparse.parse_bytes(text.encode("utf-8"), path="plan.md")
    assert _placed(doc) == [
        ("1", "任务", []),
        ("1.1", "建设通道", [100.0]),
        ("1.1.B1", "重点工程", []),
    ]


def test_a_box_of_lines_ending_in_a_bar_ends_with_them() -> None:
    text = (
        "一、任务\n（一）建设通道。内容。\n专栏2：综合运输通道 |\n1．济郑渝通道：加强联系。 |\n"
        "构建综合运输大通道，建设高速公路100公里。\n"
    )
    got = _placed(policyparse.parse(text))
    assert got[1] == ("1.1", "建设通道", [100.0])
    assert got[2] == ("1.1.B2", "：综合运输通道", [])


def test_a_box_with_no_number_over_its_indicator_table() -> None:
    """专栏 glued to its title with no number, its table right below: a box at path
    <node>.B, the table's targets its own; a unit in a bracket that holds one (万套（间）);
    专栏目录 with no table after it stays text."""
    cells = [
        "一、总体要求", "到2030年，人居环境持续改善。",
        "专栏“十五五”时期某市城市更新主要指标",
        "序号", "指标", "2025年基期值", "2030年目标值", "属性",
        "1", "城中村改造项目认定数量（个）", "〔70〕", "〔12〕", "约束性",
        "2", "新增保障性租赁住房数量（万套（间））", "〔47〕", "〔25—27〕", "预期性",
        "二、主要任务", "（一）推进城中村改造。完成改造。", "专栏目录", "见附件。",
    ]  # fmt: skip
    doc = policyparse.parse("\n\n".join(cells) + "\n")
    got = [
        (n.path, t.indicator, t.value, t.value_max, t.unit) for n in doc.walk() for t in n.targets
    ]
    assert got == [
        ("1.B", "城中村改造项目认定数量", 12.0, None, "个"),
        ("1.B", "新增保障性租赁住房数量", 25.0, 27.0, "万套（间）"),
    ]
    assert [n.label for n in doc.walk() if n.kind == "box"] == ["专栏"]


def test_a_table_laid_out_with_spaces_is_text_with_a_diagnostic() -> None:
    # A PDF's text layer: columns by runs of spaces, rows shifted and names wrapped.
    text = (
        "专栏1  某省主要指标\n"
        "类别      指标名称        单位    2020 年    2025 年      属性\n"
        "经济 1  地区生产总值          亿元  17826   26000 左右   预期性\n"
        "     2  研发经费投入增长      %      10 以上   12 以上  预期性\n"
    )
    doc = policyparse.parse(text)
    unread = [d for d in doc.diagnostics if d.code == "table_unread"]
    assert len(unread) == 1 and unread[0].severity == "warning"
    assert unread[0].span is not None
    start, end = unread[0].span
    assert text[start:end].startswith("类别") and text[start:end].endswith("属性")
    assert "2020年 | 2025年 | 属性" in unread[0].message
    # A line of column words with one gap between them is no such header.
    assert not [
        d
        for d in policyparse.parse("序号 指标 单位 2025年\n").diagnostics
        if d.code == "table_unread"
    ]


# --- one cell per line, as converters print merged cells -------------------------------

MERGED_INDICATORS = (
    "附件\n某区“十五五”主要指标表\n类别\n序号\n一级指标\n二级指标\n单位\n属性\n“十四五”\n完成值\n"
    "“十五五”\n目标值\n"
    "建设宜居城区\n1\n既有建筑改造\n旧住房改造面积\n万平方米\n预期性\n25\n30\n\n"
    "2\n完整社区建设\n完整社区覆盖率\n%\n预期性\n\n60\n\n"
    "3\n城中村改造\n城中村改造项目数量\n个\n约束性\n启动8个项目\n至2026年底，全面启动改造\n\n"
    "打造活力城区\n4\n商业设施更新\n商业设施更新面积\n万平方米\n预期性\n2\n2027年60\n"
)


def test_lines_with_a_group_column_wrapped_headers_and_merged_cells() -> None:
    # 类别 printed once per group, before the row's number; “十五五” / 目标值 one header
    # cell over two lines; row 2's empty 完成值 printed as a blank line; row 3's target a
    # sentence opening with a date (words); row 4's target dated in its own cell.
    got = [
        (t.indicator, t.value, t.unit, t.year, t.baseline.value if t.baseline else None)
        for t in _targets(MERGED_INDICATORS)
    ]
    assert got == [
        ("旧住房改造面积", 30.0, "万平方米", 2030, 25.0),
        ("完整社区覆盖率", 60.0, "%", 2030, None),
        ("商业设施更新面积", 60.0, "万平方米", 2027, 2.0),
    ]


def test_lines_a_value_printed_like_the_next_rows_number_stays_in_its_row() -> None:
    text = (
        "类别\n序号\n指标\n单位\n属性\n目标\n"
        "促发展\n1\n片区更新数量\n个\n预期性\n2\n2\n商办楼宇更新数量\n个\n预期性\n25\n"
        "惠民生\n3\n口袋公园数量\n座\n预期性\n10\n"
    )
    got = [(t.indicator, t.value, t.unit) for t in _targets(text)]
    assert got == [
        ("片区更新数量", 2.0, "个"),
        ("商办楼宇更新数量", 25.0, "个"),
        ("口袋公园数量", 10.0, "座"),
    ]


def test_lines_a_task_name_merged_down_leaves_rows_titled_by_their_content() -> None:
    # 任务名称 printed on its group's first row only; a unit list broken after 、.
    text = (
        "附件1\n某区工作任务清单\n序号\n任务名称\n任务内容\n牵头部门\n配合部门\n时间节点\n"
        "1\n加强组织领导\n召开全区动员大会。\n区政府办公室\n各街镇（园区）\n2019年3月\n"
        "2\n建立联席会议制度。\n区绿化市容局\n区民政局、\n区商务委\n2019年6月\n"
        "3\n推进源头减量\n开展净菜上市。\n区商务委\n区市场监管局\n2019年\n"
        "4\n公共机构分类全覆盖。\n区机管局\n区绿化市容局\n区党政机关、公共机构\n2019年9月\n"
        "附件2\n某区分解表\n"
    )
    doc = policyparse.parse(text)
    rows = [(n.path, n.title) for n in doc.walk() if n.path and n.path.count(".") == 1]
    assert rows == [
        ("A1.1", "加强组织领导"),
        ("A1.2", "建立联席会议制度"),
        ("A1.3", "推进源头减量"),
        ("A1.4", "公共机构分类全覆盖"),
    ]
    # A body beyond the unit columns is a second list of the last one; 附件2 ends the table.
    assert [n.path for n in doc.walk() if n.kind == "attachment"] == ["A1", "A2"]
    units = {n.path: [(u.name, u.role) for u in n.responsible_units] for n in doc.walk() if n.path}
    assert units["A1.1"] == [("区政府办公室", "lead"), ("各街镇（园区）", "cooperating")]
    assert units["A1.2"] == [
        ("区绿化市容局", "lead"),
        ("区民政局", "cooperating"),
        ("区商务委", "cooperating"),
    ]
    assert units["A1.4"][:2] == [("区机管局", "lead"), ("区绿化市容局", "cooperating")]
    assert {role for _, role in units["A1.4"][2:]} == {"cooperating"}


def test_lines_a_sub_row_without_a_number_and_a_group_column_named_ban_kuai() -> None:
    text = (
        "板块\n序号\n指标名称\n属性\n单位\n“十四五”现状\n“十五五”目标\n"
        "绿化\n1\n新建绿地\n约束性\n万平方米\n90.87\n35\n其中 公园绿地\n58.46\n17.5\n"
        "2\n绿化覆盖率\n约束性\n%\n31.46\n31.5\n"
    )
    got = [(t.indicator, t.value, t.year) for t in _targets(text)]
    assert got == [
        ("新建绿地", 35.0, 2030),
        ("公园绿地", 17.5, 2030),  # the word opening a part left out
        ("绿化覆盖率", 31.5, 2030),
    ]


def test_lines_whose_cells_are_paragraphs_keep_a_cell_over_several_lines() -> None:
    # Every cell a paragraph (a blank line between cells), a cell's lines run on: the
    # task over two lines, the units over three.
    text = (
        "某区人民政府\n2024年5月6日\n"
        "附件：某区海绵城市建设重点任务分解表\n\n序号\n\n任务类型\n\n重点内容\n\n责任单位\n\n"
        "1\n\n海绵城市\n建设管理\n\n区建设管理委负责指导推进海绵城市建设工作。\n\n"
        "区建设管理委、区发展改革委、\n区水务局、区交通委、\n各街镇\n\n"
        "2\n\n系统方案\n\n编制海绵城市系统方案。\n\n区建设管理委\n"
    )
    doc = policyparse.parse(text)
    rows = [(n.path, n.title) for n in doc.walk() if n.path and n.path.startswith("A1")]
    assert rows == [
        ("A1", "某区海绵城市建设重点任务分解表"),
        ("A1.1", "海绵城市建设管理"),
        ("A1.2", "系统方案"),
    ]
    units = [u.name for n in doc.walk() if n.path == "A1.1" for u in n.responsible_units]
    assert units == ["区建设管理委", "区发展改革委", "区水务局", "区交通委", "各街镇"]


def test_an_unnumbered_annex_title_opens_the_annex_only_where_the_annex_follows() -> None:
    closing = "（四）做好评估。定期评估。\n附件：某市第三批场景清单\n"
    assert not [
        n for n in policyparse.parse("三、保障\n" + closing).walk() if n.kind == "attachment"
    ]


def test_lines_header_cells_that_are_paragraphs_of_two_lines() -> None:
    # 指标 / 属性 and 目标值 / （2025年） are one header cell each (a paragraph); the year
    # stands in the header's closing bracket; ％ stays as printed, as in prose.
    text = (
        "主要指标\n\n序号\n\n指标名称\n\n指标\n属性\n\n基准值\n（2020年）\n\n目标值\n（2025年）\n\n"
        "1\n\n主海塘达标率\n\n预期性\n\n46％\n\n≥73％\n\n"
        "2\n\n河湖水面积\n\n约束性\n\n120.14平方公里\n\n128.92平方公里\n"
    )
    got = [(t.indicator, t.comparator, t.value, t.unit, t.year) for t in _targets(text)]
    assert got == [
        ("主海塘达标率", ">=", 73.0, "％", 2025),
        ("河湖水面积", "=", 128.92, "平方公里", 2025),
    ]


def test_lines_a_serial_label_with_a_word_before_it_opens_the_table() -> None:
    text = (
        "附件1\n某区改革任务分工表\n项目序号\n改革任务\n责任单位\n配合单位\n"
        "1\n制定移交方案\n区水务局\n区财政局\n2\n完成设施移交\n区建设管理委\n区水务局\n"
    )
    doc = policyparse.parse(text)
    assert [n.path for n in doc.walk() if n.path] == ["A1", "A1.1", "A1.2"]


@pytest.mark.parametrize("form", ["tab", "pipe", "html"])
def test_a_sub_row_with_no_unit_measures_in_its_parents(form: str) -> None:
    """其中 公园绿地 under 新建绿地 (万平方米): the merged unit cell is the parent's."""
    rows = [
        ["序号", "指标名称", "单位", "2025年", "2030年"],
        ["1", "新建绿地", "万平方米", "90", "35"],
        ["", "其中 公园绿地", "", "58", "17.5"],
        ["2", "绿化覆盖率", "%", "31.4", "31.5"],
    ]
    raw = {"tab": as_tab(rows), "pipe": as_pipe(rows)}
    if form == "html":
        doc = policyparse.parse_bytes(as_html(rows), path="plan.html")
    else:
        doc = policyparse.parse(INTRO + raw[form] + "\n")
    got = [(t.value, t.unit, t.year) for n in doc.walk() for t in n.targets]
    assert got == [(35.0, "万平方米", 2030), (17.5, "万平方米", 2030), (31.5, "%", 2030)]


def test_a_short_row_under_a_group_column_keeps_its_number_under_the_serial_column() -> None:
    """类别 | 序号 | 工作任务 | 牵头单位 in pipe rows, the 类别 cell merged down and printed on
    its group's first row only: a row one cell short that opens with the next number lost
    that group cell, so its number stands under 序号 and it is a row of its own (it was read
    as the row above going on)."""
    text = (
        "某市民生实事分工表\n\n| 类别 | 序号 | 工作任务 | 牵头单位 |\n| --- | --- | --- | --- |\n"
        "| 提高民生保障 | 1 | 新建养老院3所。 | 市民政局 |\n| 2 | 新增托位500个。 | 市卫健局 |\n"
        "| 改善人居环境 | 3 | 改造老旧小区20个。 | 市住建局 |\n| 4 | 新建公园5个。 | 市林业局 |\n"
    )
    got = [
        (n.label, n.title, [u.name for u in n.responsible_units])
        for n in policyparse.parse(text).walk()
        if n.label
    ]
    assert got == [
        ("1", "新建养老院3所", ["市民政局"]),
        ("2", "新增托位500个", ["市卫健局"]),
        ("3", "改造老旧小区20个", ["市住建局"]),
        ("4", "新建公园5个", ["市林业局"]),
    ]


def test_a_unit_column_naming_people_too_leaves_the_person_out() -> None:
    """牵头单位及主要负责人: each cell prints the body and then the person in charge (市民政局
    某某某); the unit is the body alone. A column naming bodies only keeps what it prints."""
    text = (
        "某市民生实事分工表\n\n| 序号 | 工作任务 | 牵头单位及主要负责人 | 配合单位 |\n"
        "| --- | --- | --- | --- |\n| 1 | 新建养老院3所。 | 市民政局 王某某 | 市财政局 |\n"
    )
    (node,) = [n for n in policyparse.parse(text).walk() if n.label == "1"]
    assert [(u.name, u.role) for u in node.responsible_units] == [
        ("市民政局", "lead"),
        ("市财政局", "cooperating"),
    ]


def test_a_target_column_named_by_a_qualifier_before_its_word() -> None:
    """省级指标值, 规划目标值: a scope or kind before 指标值 / 目标值 still names the column of
    targets (like 改革领域 a group column)."""
    text = (
        "某省示范县建设指标\n\n| 序号 | 指标名称 | 单位 | 省级指标值 | 指标属性 |\n"
        "| --- | --- | --- | --- | --- |\n| 1 | 环境信息公开率 | % | 100 | 参考性 |\n"
        "| 2 | 危险废物安全处置率 | % | ≥95 | 约束性 |\n"
    )
    got = [
        (t.indicator, t.comparator, t.value, t.unit)
        for n in policyparse.parse(text).walk()
        for t in n.targets
    ]
    assert got == [("环境信息公开率", "=", 100.0, "%"), ("危险废物安全处置率", ">=", 95.0, "%")]


CARDS = (
    "某县2024年民生实事任务清单\n一、总体要求\n全力办好民生实事。\n二、任务清单\n"
    "序号\n1\n重点任务\n新建养老服务中心3个，新增托位200个。\n牵头单位\n县民政局\n"
    "配合单位\n县财政局、各乡镇\n完成时限\n2024年12月底前\n"
    "序号\n2\n重点任务\n改造农村公路50公里。\n牵头单位\n县交通运输局\n配合单位\n各乡镇\n"
    "完成时限\n2024年10月底前\n三、保障措施\n加强组织领导。\n"
)


def test_cards_of_labels_and_values_are_rows_of_a_table() -> None:
    """A task table printed as cards, a label alone on its line and its value after it
    (序号 / 1 / 重点任务 / … / 牵头单位 / … / 完成时限 / …), the first label again opening
    the next card: each card is a numbered row with its units and deadline, and the heading
    after the last card opens its section."""
    doc = policyparse.parse(CARDS)
    got = [
        (n.path, n.title, [(u.name, u.role) for u in n.responsible_units],
         n.deadline.text if n.deadline else None)
        for n in doc.walk()
        if n.label
    ]  # fmt: skip
    assert got == [
        ("1", "总体要求", [], None),
        ("2", "任务清单", [], None),
        ("2.1", "新建养老服务中心3个，新增托位200个",
         [("县民政局", "lead"), ("县财政局", "cooperating"), ("各乡镇", "cooperating")],
         "2024年12月底前"),
        ("2.2", "改造农村公路50公里", [("县交通运输局", "lead"), ("各乡镇", "cooperating")],
         "2024年10月底前"),
        ("3", "保障措施", [], None),
    ]  # fmt: skip


def test_one_card_with_no_number_gives_its_units_to_the_node_it_stands_in() -> None:
    """具体任务 / … / 责任单位 / … / 配合单位 / … / 完成时限 / …: one task laid out as labels and
    values, no 序号; its units are the enclosing node's. A heading alone before a paragraph
    (主要任务 / 推进…) is no card: two labels at least must follow it."""
    text = (
        "一、主要任务\n推进卫生健康事业发展。\n具体任务\n改扩建社区卫生服务中心2个。\n"
        "责任单位\n县卫健局、县文旅局\n配合单位\n各乡镇\n完成时限\n12月底前\n"
    )
    (node,) = [n for n in policyparse.parse(text).walk() if n.label]
    assert [(u.name, u.role) for u in node.responsible_units] == [
        ("县卫健局", "responsible"),
        ("县文旅局", "responsible"),
        ("各乡镇", "cooperating"),
    ]


def test_a_group_cell_printing_a_numbered_heading_opens_the_group_before_its_row() -> None:
    """大类 | 序号 | 工作任务 | 牵头单位 | 落实进展情况, the 大类 cell merged down and printing a
    numbered heading on its group's first row (一、提高民生保障 | 1 | …): the heading is a node
    the rows stand under (1, 1.1, 1.2; 2, 2.3), opened on the same line before its row; a
    column of progress is a remark, whose figures are no targets."""
    text = (
        "某市民生实事落实情况表\n\n| 大类 | 序号 | 工作任务 | 牵头单位 | 落实进展情况 |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 一、提高民生保障 | 1 | 新建养老院3所。 | 市民政局 | 已建成养老院4所。 |\n"
        "| 2 | 新增托位500个。 | 市卫健局 | 已新增托位520个。 |\n"
        "| 二、改善人居环境 | 3 | 改造老旧小区20个。 | 市住建局 | 已完成。 |\n"
    )
    doc = policyparse.parse(text)
    got = [
        (n.path, n.title, [u.name for u in n.responsible_units], [t.value for t in n.targets])
        for n in doc.walk()
        if n.label
    ]
    assert got == [
        ("1", "提高民生保障", [], []),
        ("1.1", "新建养老院3所", ["市民政局"], [3.0]),
        ("1.2", "新增托位500个", ["市卫健局"], [500.0]),
        ("2", "改善人居环境", [], []),
        ("2.3", "改造老旧小区20个", ["市住建局"], [20.0]),
    ]
    for n in doc.walk():
        if n.label:  # each group and row starts at its line's bar
            assert text[n.span[0] : n.span[1]].startswith("| "), n.path


def test_a_card_with_other_labels_opens_a_table_of_its_own() -> None:
    """The next card is a row of the same table only where it prints the same labels: one
    labelled 责任单位 where the first said 牵头单位 keeps its own roles."""
    text = (
        "某县重点任务清单\n序号\n1\n重点任务\n新建养老服务中心3个。\n牵头单位\n县民政局\n"
        "完成时限\n12月底前\n序号\n2\n重点任务\n改造农村公路50公里。\n责任单位\n县交通运输局\n"
        "完成时限\n10月底前\n"
    )
    got = [
        (n.label, [(u.name, u.role) for u in n.responsible_units])
        for n in policyparse.parse(text).walk()
        if n.label
    ]
    assert got == [("1", [("县民政局", "lead")]), ("2", [("县交通运输局", "responsible")])]


def test_rows_of_names_and_figures_no_reader_took_are_a_diagnostic() -> None:
    # a header the readers do not know (labels printed without spaces), then rows of a name
    # and figures: kept as text, and the user is told their figures are not read
    rows = "甲市 1200 300 900\n乙市 800 200 600\n丙县 400 100 300\n"
    text = "某省任务分解表\n单位：套\n新增房源发放补贴户数保障户数\n" + rows
    doc = policyparse.parse(text)
    unread = [d for d in doc.diagnostics if d.code == "table_unread"]
    assert len(unread) == 1 and unread[0].severity == "warning" and unread[0].span is not None
    start, end = unread[0].span
    assert text[start:end] == rows.rstrip("\n")
    # prose lines with figures are no such rows
    prose = "到2025年，新增房源1200套、补贴300户、保障900户，完成全部任务。\n" * 3
    assert "table_unread" not in [d.code for d in policyparse.parse(prose).diagnostics]
