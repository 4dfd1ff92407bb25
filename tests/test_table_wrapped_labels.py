"""Task tables printed one cell per line whose header labels were wrapped over two lines
(责任 / 领导, 牵头 / 部门, 完成 / 时间), reprinted at a page break, with deadline cells that
name a year.  Synthetic; nothing copied from a document."""

from __future__ import annotations

import policyparse
from policyparse.layout.blocks import split_blocks, trim_cell_pipes
from policyparse.layout.cells import Budget, TextTable
from policyparse.layout.sideways import card_tables
from policyparse.text.fold import fold

# The header has eleven lines; each row prints seven cells.
_WRAPPED = (
    "某镇2024年度重点工作计划执行情况\n"
    "序号\n重点工作\n责任\n领导\n责任\n科室\n攻坚目标\n任务\n工作任务安排\n第二季度\n完成情况\n"
    "1\n水库工程建设\n张某\n水利站\n完成大坝主体建设。\n推进移民安置。\n安置进度达60%。\n"
    "2\n美丽城镇创建\n李某\n乡村振兴办\n创建省级美丽城镇。\n开展项目建设。\n完成投资3000万元。\n"
)


def test_wrapped_header_labels_are_joined_to_the_rows_width() -> None:
    doc = policyparse.parse(_WRAPPED)
    rows = {n.path: n for n in doc.walk() if n.path}
    assert [rows[p].title for p in ("1", "2")] == ["水库工程建设", "美丽城镇创建"]
    # 责任科室 names the responsible units; 责任领导 names people, a remark
    assert [(u.name, u.role) for u in rows["1"].responsible_units] == [("水利站", "responsible")]
    assert [(u.name, u.role) for u in rows["2"].responsible_units] == [
        ("乡村振兴办", "responsible")
    ]
    # 第二季度完成情况 reports progress: its figures are no targets
    assert [t.value for n in doc.walk() for t in n.targets] == []


def test_a_header_no_wider_than_its_rows_keeps_its_short_labels() -> None:
    """序号 / 指标 / 单位 / 2025年: short labels that are columns of their own."""
    text = (
        "某县主要指标\n序号\n指标\n单位\n2025年\n1\n森林覆盖率\n%\n45\n2\n城镇新增就业\n万人\n1.2\n"
    )
    doc = policyparse.parse(text)
    assert [(t.indicator, t.value, t.unit, t.year) for n in doc.walk() for t in n.targets] == [
        ("森林覆盖率", 45, "%", 2025),
        ("城镇新增就业", 1.2, "万人", 2025),
    ]


_REPRINTED = (
    "某区规划工作分解\n"
    "序号\n项目\n类别\n具 体 内 容\n牵头\n部门\n相关责任部门\n完成\n时间\n"
    "108\n保持100%的义务教育入学率\n教育局\n13个街道、镇\n2010年\n"
    "109\n新建中小学校3所\n机管局\n教育局、规划局等相关部门\n2009年\n"
    "序号\n项目\n类别\n具 体 内 容\n牵头\n部门\n相关责任部门\n完成\n时间\n"
    "110\n构建疾病预防控制网络\n卫生局\n13个街道、镇\n2010年\n"
)


def test_a_reprinted_wrapped_header_keeps_the_columns_and_rows_take_their_deadline_year() -> None:
    doc = policyparse.parse(_REPRINTED)
    rows = {n.label: n for n in doc.walk() if n.label}
    assert [(u.name, u.role, u.generic) for u in rows["108"].responsible_units] == [
        ("教育局", "lead", False),
        ("13个街道、镇", "responsible", True),  # so many bodies of a class: generic
    ]
    # after the header printed again at a page break, the columns are the same
    assert [(u.name, u.role) for u in rows["110"].responsible_units] == [
        ("卫生局", "lead"),
        ("13个街道、镇", "responsible"),
    ]
    assert rows["110"].deadline is not None and rows["110"].deadline.text == "2010年"
    # 等相关部门 closes a list as 等有关部门 does
    assert [u.name for u in rows["109"].responsible_units] == ["机管局", "教育局", "规划局"]
    # the 完成时间 cell names the year the row's undated figures are to be reached by
    assert [(t.value, t.year, t.deadline) for n in doc.walk() for t in n.targets] == [
        (100, 2010, "2010年"),
        (3, 2009, "2009年"),
    ]


def test_a_deadline_cell_naming_no_year_or_a_span_gives_no_year() -> None:
    def years(due: str) -> list[int | None]:
        text = (
            f"某县任务清单\n序号\n重点任务\n责任单位\n完成时限\n1\n新建公园5个。\n县住建局\n{due}\n"
        )
        doc = policyparse.parse(text)
        return [t.year for n in doc.walk() for t in n.targets]

    assert years("2024年底前") == [2024]
    assert years("长期坚持") == [None]
    assert years("2023—2025年") == [None]


def test_labels_separated_by_bar_lines_are_a_header_not_a_card() -> None:
    """工作任务 / | / 具体要求 / | / 责任科室 …: a header printed down with a bar line between
    its labels; a bar is no value, so the labels are no card of labels and values (a card
    labelled so, a value under each label, still is one)."""
    labels = ["工作任务", "具体要求", "责任科室", "时限要求"]
    printed_down = "\n|\n".join([*labels, "规范文件公开", "1", "清理规范性文件。", "办公室"])
    assert _cards(printed_down + "\n") == []
    card = "".join(
        f"{label}\n{value}\n"
        for label, value in zip(labels, ["公开", "清理文件。", "办公室", "年底前"], strict=True)
    )
    assert len(_cards(card)) == 1


def _cards(text: str) -> list[TextTable]:
    folded = fold(text)
    return card_tables(folded, trim_cell_pipes(folded, split_blocks(folded)), Budget())
