"""Task tables printed one cell per line whose header names no 序号, and tables whose cells
stand between lines of a bar alone (layout/lines.py, layout/cells.py).  Synthetic tables;
nothing is copied from a real document."""

from __future__ import annotations

import policyparse

INTRO = "各区人民政府，市政府各部门：\n现将任务清单印发给你们，请认真贯彻执行。\n某市推进依法行政任务清单\n"


def _outline(text: str) -> list[tuple[str | None, str | None, list[tuple[str, str]]]]:
    doc = policyparse.parse(text)
    return [
        (n.path, n.title, [(u.role, u.name) for u in n.responsible_units])
        for n in doc.walk()
        if n.path
    ]


def test_a_header_printing_no_serial_over_numbered_rows_closed_by_bars() -> None:
    # 一级指标 and 二级指标 name the levels the headings print; each line closes its cell
    # with a bar, a merged cell's empty neighbours with more bars (| |, | ||)
    table = (
        "一级 指标 |\n二级指标 |\n评价指标 |\n牵头单位 |\n责任单位 | |\n"
        "一、坚持依法决策 |\n（一）健全决策机制 |\n"
        "1 |\n每年3月底前报告上一年度工作情况。 |\n市司法局 |\n市政府各部门 |\n"
        "2 |\n完善重大决策目录管理制度。 |\n市司法局 |\n各区政府 | ||\n"
        "（二）加强合法性审查 |\n"
        "3 |\n落实合法性审查全覆盖。 |\n市司法局 |\n市政府各部门 | |\n"
    )
    got = _outline(INTRO + table)
    assert got == [
        ("1", "坚持依法决策", []),
        ("1.1", "健全决策机制", []),
        (
            "1.1.1",
            "每年3月底前报告上一年度工作情况",
            [("lead", "市司法局"), ("responsible", "市政府各部门")],
        ),
        ("1.1.2", "完善重大决策目录管理制度", [("lead", "市司法局"), ("responsible", "各区政府")]),
        ("1.2", "加强合法性审查", []),
        ("1.2.3", "落实合法性审查全覆盖", [("lead", "市司法局"), ("responsible", "市政府各部门")]),
    ]


def test_a_header_printing_no_serial_and_no_unit_column_is_no_task_table() -> None:
    table = (
        "一级 指标 |\n二级指标 |\n评价指标 |\n分值 |\n"
        "一、坚持依法决策 |\n1 |\n每年3月底前报告工作情况。 |\n2分 |\n"
        "2 |\n完善决策目录。 |\n3分 |\n"
    )
    doc = policyparse.parse(INTRO + table)
    assert not any(n.style == "table_row" for n in doc.walk())


def test_cells_between_lines_of_a_bar_alone() -> None:
    # a row merged down from the one above prints fewer cells; two bars end a row
    table = (
        "|\n工作任务\n|\n具体内容\n|\n责任部门\n|\n|\n"
        "推进政策公开\n|\n常态化公开就业、住房等信息。\n|\n财政所、便民服务中心\n|\n|\n"
        "积极探索线下公开渠道。\n|\n便民服务中心\n|\n|\n"
        "强化权力配置信息公开\n|\n动态更新权责事项清单。\n|\n党政办公室\n|\n|\n"
        "请各部门抓好落实。\n"
    )
    doc = policyparse.parse(INTRO + table)
    units = [(u.role, u.name) for n in doc.walk() for u in n.responsible_units]
    assert units == [
        ("responsible", "财政所"),
        ("responsible", "便民服务中心"),
        ("responsible", "便民服务中心"),
        ("responsible", "党政办公室"),
    ]
    last = list(doc.walk())[-1]
    assert last.text == "请各部门抓好落实。"  # the text after the table is no cell
