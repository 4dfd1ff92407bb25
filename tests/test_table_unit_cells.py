"""A task table's unit cells: several names over several lines, aliases, glued names.

Synthetic tables in the one-cell-per-paragraph form (a blank line between cells, a
cell's own lines run on), as converters print shanghai.gov.cn-style pages; nothing is
copied from a document.
"""

from __future__ import annotations

import policyparse
from policyparse import Document


def _table(
    *rows: str, header: str = "项目序号\n\n任务类型\n\n改革任务\n\n完成时间\n\n责任单位\n\n配合单位"
) -> str:
    return (
        "某区人民政府\n2025年6月3日\n\n附件1\n\n某区改革任务表\n\n"
        + header
        + "\n\n"
        + "\n\n".join(rows)
        + "\n"
    )


def _units(doc: Document, path: str) -> list[tuple[str, str, list[str]]]:
    node = next(n for n in doc.walk() if n.path == path)
    return [(u.name, u.role, list(u.aliases)) for u in node.responsible_units]


def test_names_on_their_own_lines_are_several_units_and_a_bracket_line_is_an_alias() -> None:
    doc = policyparse.parse(
        _table(
            "1\n\n推进移交\n\n方案编制\n\n2025年6月\n\n区建设管理委\n（区水务局）\n某城投集团\n\n某市政公司\n某养护公司"
        )
    )
    assert _units(doc, "A1.1") == [
        ("区建设管理委", "responsible", ["区水务局"]),
        ("某城投集团", "responsible", []),
        ("某市政公司", "cooperating", []),
        ("某养护公司", "cooperating", []),
    ]


def test_a_name_wrapped_over_two_lines_stays_one_name() -> None:
    # 区土方工作 ends as no body does; 区土方工作专班 does.
    doc = policyparse.parse(
        _table("1\n\n推进移交\n\n方案编制\n\n2025年6月\n\n区土方工作\n专班\n\n区水务局")
    )
    assert _units(doc, "A1.1") == [
        ("区土方工作专班", "responsible", []),
        ("区水务局", "cooperating", []),
    ]


def test_a_list_keeps_a_name_with_she_inside_and_glued_names_are_cut() -> None:
    doc = policyparse.parse(
        _table(
            "1\n\n推进移交\n\n方案编制\n\n2025年6月\n\n区住建局区市场监管局\n\n区财政局、区人力资源社会保障局、区国资委"
        )
    )
    assert [name for name, _, _ in _units(doc, "A1.1")] == [
        "区住建局",
        "区市场监管局",
        "区财政局",
        "区人力资源社会保障局",
        "区国资委",
    ]


def test_a_deadline_column_before_the_units_and_a_row_without_its_last_unit_cell() -> None:
    # Row 2 prints no 配合单位 cell: its deadline stays the deadline, its bodies responsible.
    doc = policyparse.parse(
        _table(
            "1\n\n推进移交\n\n方案编制\n\n2025年6月\n\n区水务局\n\n区财政局",
            "2\n\n清单建立\n\n2025年12月\n\n区建设管理委\n区财政局",
        )
    )
    assert _units(doc, "A1.2") == [
        ("区建设管理委", "responsible", []),
        ("区财政局", "responsible", []),
    ]
    row = next(n for n in doc.walk() if n.path == "A1.2")
    assert row.deadline is not None and row.deadline.date is not None
    assert (row.deadline.date.year, row.deadline.date.month) == (2025, 12)


def test_a_task_type_printed_on_its_groups_first_row_does_not_title_the_rows() -> None:
    doc = policyparse.parse(
        _table(
            "1\n\n推进平稳移交\n\n方案编制\n\n2025年6月\n\n区水务局\n\n区财政局",
            "2\n\n清单建立\n\n2025年9月\n\n区水务局\n\n区财政局",
            "3\n\n构建运营体系\n\n队伍组建\n\n2026年5月\n\n区水务局\n\n区财政局",
        )
    )
    titles = [(n.path, n.title) for n in doc.walk() if n.path and n.path.startswith("A1.")]
    assert titles == [("A1.1", "方案编制"), ("A1.2", "清单建立"), ("A1.3", "队伍组建")]


def test_a_task_type_column_alone_titles_the_rows() -> None:
    header = "序号\n\n任务类型\n\n重点内容\n\n责任单位"
    doc = policyparse.parse(
        _table(
            "1\n\n海绵城市\n建设管理\n\n指导推进海绵城市建设工作。\n\n区建设管理委",
            "2\n\n系统方案\n\n编制系统方案。\n\n区水务局",
            header=header,
        )
    )
    titles = [(n.path, n.title) for n in doc.walk() if n.path and n.path.startswith("A1.")]
    assert titles == [("A1.1", "海绵城市建设管理"), ("A1.2", "系统方案")]
