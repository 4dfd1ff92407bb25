"""Lists of projects assigned to their owners (序号 | 项目名称 | 牵头单位 | 建设单位 …),
printed one cell per line in an annex: each project is a measure with its units, its
figures are the project's facts, not targets.  Synthetic; nothing copied from a document."""

from __future__ import annotations

import policyparse

_NOTICE = "某区2026年重大工程建设计划\n一、正式项目\n全年安排正式项目5个。\n"
_HEAD = "序号\n项目名称\n牵头单位\n建设单位/责任单位\n建设目标\n所处区域\n"


def _rows(doc: policyparse.Document) -> list[tuple[str, str, list[tuple[str, str]]]]:
    return [
        (n.path, n.title or "", [(u.name, u.role) for u in n.responsible_units])
        for n in doc.walk()
        if n.path and n.path.startswith("A")
    ]


def test_projects_with_a_lead_column_are_measures_with_their_units_and_no_targets() -> None:
    doc = policyparse.parse(
        _NOTICE
        + "附件：2026年某区重大工程建设计划\n"  # a year opens the title: still one annex
        + _HEAD
        + "一\n市政设施类（2个）\n"
        + "1\n某路（甲路-乙路）新建工程\n区交通委\n某城投公司\n新开工\n某新城\n"
        + "2\n某公园二期（建设绿地12公顷）\n区绿容局\n区绿容局\n建成\n某镇\n"
    )
    assert _rows(doc) == [
        ("A1", "2026年某区重大工程建设计划", []),
        ("A1.1", "市政设施类（2个）", []),
        (
            "A1.1.1",
            "某路（甲路-乙路）新建工程",
            [("区交通委", "lead"), ("某城投公司", "responsible")],
        ),
        (
            "A1.1.2",
            "某公园二期（建设绿地12公顷）",
            [("区绿容局", "lead"), ("区绿容局", "responsible")],
        ),
    ]
    in_annex = [t for n in doc.walk() if n.path and n.path.startswith("A") for t in n.targets]
    assert in_annex == []  # 12公顷 is the project's size, not a commitment of the plan


def test_a_title_over_the_groups_and_a_second_run_numbered_from_one() -> None:
    """正式项目（3个） stands between the header and the first group; 预备项目（2个） opens
    rows numbered from 1 again, which stay under the last group.  A unit cell wrapped
    before a company's legal form, and one naming two bodies with a slash, are read so."""
    doc = policyparse.parse(
        _NOTICE
        + "附件\n某区重大工程建设计划\n"
        + _HEAD
        + "正式项目（3个）\n"
        + "一\n产业发展类（3个）\n"
        + "11\n某研发中心\n某镇\n某科技集团\n股份有限公司\n在建\n某镇\n"
        + "12\n某生产基地\n某镇\n某公司\n在建\n某镇\n"
        + "13\n某总部\n工业区管委会\n住房集团/工业区\n新开工\n工业区\n"
        + "预备项目（2个）\n"
        + "1\n某输变电工程\n区发展改革委\n某供电公司\n前期\n某镇\n"
        + "2\n某材料基地\n某镇\n某材料公司\n前期\n某镇\n"
    )
    assert _rows(doc) == [
        ("A1", "某区重大工程建设计划", []),
        ("A1.1", "产业发展类（3个）", []),
        ("A1.1.11", "某研发中心", [("某镇", "lead"), ("某科技集团股份有限公司", "responsible")]),
        ("A1.1.12", "某生产基地", [("某镇", "lead"), ("某公司", "responsible")]),
        (
            "A1.1.13",
            "某总部",
            [("工业区管委会", "lead"), ("住房集团", "responsible"), ("工业区", "responsible")],
        ),
        ("A1.1.1", "某输变电工程", [("区发展改革委", "lead"), ("某供电公司", "responsible")]),
        ("A1.1.2", "某材料基地", [("某镇", "lead"), ("某材料公司", "responsible")]),
    ]


_VOTED = (
    "1月20日，某县人大会议票决确定2025年某县民生实事项目，共3项，分别是：\n"
    "序号 | 项目名称 |\n"
    "1 | 安康颐养项目：新改建农村互助颐养小院6个；为80周岁以上老年人投保2.5万份意外伤害保险 |\n"
    "2 | 名医下乡项目：建设名医基层工作站5个 |\n"
    "3 | 安澜河塘项目：河湖库塘清淤10万方、水库山塘维修10座 |\n"
)


def test_a_list_naming_its_projects_alone_is_text_and_its_paragraph_dates_it() -> None:
    """序号 | 项目名称 with no column of the projects' facts nor of their owners: the names
    are the commitments; the paragraph introducing the list names one year's 民生实事, so
    its undated targets take that year (no deadline printed)."""
    doc = policyparse.parse(_VOTED)
    got = [
        (t.indicator, t.value, t.unit, t.year, t.deadline) for n in doc.walk() for t in n.targets
    ]
    assert got == [
        ("新改建农村互助颐养小院", 6, "个", 2025, None),
        ("投保意外伤害保险", 2.5, "万份", 2025, None),  # those it covers left out
        ("建设名医基层工作站", 5, "个", 2025, None),
        ("河湖库塘清淤", 10, "万方", 2025, None),
        ("水库山塘维修", 10, "座", 2025, None),
    ]


def test_a_table_of_projects_with_their_facts_still_gives_no_targets() -> None:
    facts = _VOTED.replace("序号 | 项目名称 |", "序号 | 项目名称 | 建设地点 |")
    assert [t for n in policyparse.parse(facts).walk() for t in n.targets] == []
