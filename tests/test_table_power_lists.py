"""A list of powers and duties (权力和责任清单) printed one cell per line: a body column
headed 行使主体, cells that are numbered lists of sentences.  Synthetic; nothing copied."""

from __future__ import annotations

import policyparse

_LIST = (
    "某区人民政府\n2021年5月6日\n附件1\n某区公路管理权力和责任清单\n"
    "序号\n权力责任名称\n行使  主体\n权力责任类别\n设定依据\n行使层级\n权力责任事项\n"
    "1\n公路的具体管理\n区交通委\n管理\n1.《某某公路法》第八条；2.《某市公路条例》第五条\n区级\n"
    "区交通委负责所辖区域内公路的具体管理。\n"
    "2\n乡道、村道的相关工作\n各街镇\n管理\n1.《某某公路法》第八条\n镇级\n"
    "街镇负责本行政区域内乡道、村道的相关工作。\n"
)


def test_a_cell_that_is_a_numbered_list_of_sentences_stays_in_its_row() -> None:
    doc = policyparse.parse(_LIST)
    rows = [(n.path, n.title) for n in doc.walk() if n.path and n.path.startswith("A1.")]
    assert rows == [("A1.1", "公路的具体管理"), ("A1.2", "乡道、村道的相关工作")]


def test_a_body_column_headed_xingshi_zhuti_gives_responsible_units() -> None:
    doc = policyparse.parse(_LIST)
    units = [(n.path, u.name, u.role) for n in doc.walk() if n.path for u in n.responsible_units]
    assert units == [("A1.1", "区交通委", "responsible"), ("A1.2", "各街镇", "responsible")]


def test_a_numbered_heading_between_rows_still_heads_the_rows_after_it() -> None:
    text = (
        "附件1\n某区任务清单\n序号\n重点任务\n牵头单位\n"
        "一、推进污染防治\n1\n加强大气治理\n区生态环境局\n2\n推进水环境整治\n区水务局\n"
    )
    doc = policyparse.parse(text)
    paths = [n.path for n in doc.walk() if n.path]
    assert paths == ["A1", "A1.1", "A1.1.1", "A1.1.2"]


# Rows set apart by blank lines, the annex's title printed again as the caption.
_BODY = (
    "某区深化农村公路管理养护体制改革实施细则\n一、总体要求\n（一）目标。完善管理体制。\n"
    "二、附则\n本细则由区建设管理委负责解释。\n"
    "附件：某区农村公路管理养护权力和责任清单\n某区农村公路管理养护权力和责任清单\n"
    "序号\n权力责任名称\n行使主体\n权力责任类别\n设定依据\n行使层级\n权力责任事项\n\n"
)


def test_a_power_list_under_its_caption_with_duties_over_several_lines() -> None:
    doc = policyparse.parse(
        _BODY
        + "1\n公路的管理\n区交通行政管理部门\n管理\n《某条例》第五条\n区级\n"
        + "区交通行政管理部门负责所辖区域内县道的具体管理。\n\n"
        + "2\n农村公路建设\n区交通行政管理部门、镇人民政府（街道）\n建设\n《某条例》第十六条\n区级\n"
        + "区交通行政管理部门编制建设计划。\n县道的建设计划，应当经市交通行政管理部门审核。\n"
        + "乡道的建设计划，应当经区交通行政管理部门审核。\n\n"
        + "3\n农村公路废弃\n区交通行政管理部门\n废弃\n《某条例》第二十七条\n区级\n"
        + "区交通行政管理部门对失去使用功能的乡道宣布废弃。\n"
    )
    rows = [
        (n.path, n.title, [(u.name, u.generic) for u in n.responsible_units])
        for n in doc.walk()
        if n.path and n.path.startswith("A")
    ]
    assert rows == [
        ("A1", "某区农村公路管理养护权力和责任清单", []),
        ("A1.1", "公路的管理", [("区交通行政管理部门", False)]),
        (
            "A1.2",
            "农村公路建设",
            [("区交通行政管理部门", False), ("镇人民政府（街道）", True)],
        ),
        ("A1.3", "农村公路废弃", [("区交通行政管理部门", False)]),
    ]


def test_member_units_and_their_duties_are_the_annexs_units() -> None:
    """单位 | 职责分工 with no 序号, each body then its duties (over two lines for one):
    the bodies are responsible for the annex; a branch named after its parent
    (公安局某某分局) is one body; 单位 elsewhere is a column of measure units."""
    doc = policyparse.parse(
        "某区违法用地综合整治三年行动工作方案\n一、工作目标\n完成整治2300亩。\n"
        "附件2\n某区违法用地综合整治协调机制成员单位职责分工\n单位\n职责分工\n"
        "区规划资源局\n拟定工作方案，负责组织协调和执法查处。\n"
        "公安局某某分局\n推进行政执法与刑事司法衔接机制建设。\n依法处置阻碍执行职务的行为。\n"
        "区财政局\n保障违法用地综合整治工作相关经费。\n"
        "各街镇\n落实属地责任，制定整治计划。\n"
    )
    annex = next(n for n in doc.walk() if n.path == "A2")
    assert [(u.name, u.role) for u in annex.responsible_units] == [
        ("区规划资源局", "responsible"),
        ("公安局某某分局", "responsible"),
        ("区财政局", "responsible"),
        ("各街镇", "responsible"),
    ]
    assert [n.path for n in doc.walk() if n.path and n.path.startswith("A2.")] == []


def test_a_site_list_by_owner_with_its_header_again_and_a_row_of_sums() -> None:
    """附表 of sites, one cell per paragraph: 权属部门 (the owner) printed on its group's
    first row only is a body column; the header printed again at a page break (a cell of
    two lines: 避难面积 / （万平方米）) is no row's cells; 合计 / sums end the last row."""
    cells = [
        "附表1：", "某区应急避难场所明细表", "序号", "权属部门", "场所名称", "地　址",
        "避难面积\n（万平方米）", "类型",
        "1", "区教育局", "某某实验小学", "某某路161号", "0.98", "社区",
        "2", "某某中学", "某某路666号", "0.76", "社区",
        "序号", "权属部门", "场所名称", "地　址", "避难面积\n（万平方米）", "类型",
        "3", "某某镇", "某某公园", "某某镇大叶公路、华星路西北", "0.3", "社区",
        "4", "某某广场", "某某街道湖堤路", "0.15", "社区",
        "合计", "2.19",
    ]  # fmt: skip
    doc = policyparse.parse(
        "某区应急避难场所建设实施方案\n一、目标\n推进建设。\n" + "\n\n".join(cells) + "\n"
    )
    rows = [
        (n.path, n.title, [(u.name, u.role) for u in n.responsible_units])
        for n in doc.walk()
        if n.path and n.path.startswith("A1.")
    ]
    assert rows == [
        ("A1.1", "某某实验小学", [("区教育局", "responsible")]),
        ("A1.2", "某某中学", []),
        ("A1.3", "某某公园", [("某某镇", "responsible")]),
        ("A1.4", "某某广场", []),
    ]
