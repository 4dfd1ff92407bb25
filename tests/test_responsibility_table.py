"""Responsibility statements as a table of real strings and variants.

Strings come from the reference plans and the govcn-2019 pages; each row
gives the units expected as (name, aliases, role, canonical, generic).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ids
from policyparse import Document, parse

Unit = tuple[str, list[str], str, str, bool]


def units(statement: str, *, header: str = "") -> list[Unit]:
    doc = parse(f"{header}一、任务\n（一）推进工作。加强统筹协调。{statement}")
    node = doc.children[-1].children[0]
    return [
        (u.name, u.aliases, u.role, u.canonical or "", u.generic) for u in node.responsible_units
    ]


NINGBO = "来源:宁波市人民政府办公厅 发布时间:2025-08-01 11:42\n"

CASES: list[tuple[str, str, list[Unit]]] = [
    # regression: forms of unseen plans (synthetic names)
    (  # one name without a known ending does not sink the others; 等和 joins two groups
        "（商务部、发展改革委、邮政局、供销合作总社等和各有关省级人民政府负责）",
        "",
        [
            ("商务部", [], "responsible", "商务部", False),
            ("发展改革委", [], "responsible", "国家发展改革委", False),
            ("邮政局", [], "responsible", "邮政局", False),
            ("供销合作总社", [], "responsible", "供销合作总社", False),
            ("各有关省级人民政府", [], "responsible", "各有关省级人民政府", True),
        ],
    ),
    (  # a label list closed by role words, in 〔〕
        "〔责任单位：省发改委、工信厅、国网某省电力有限公司按职责分工负责〕",
        "",
        [
            ("省发改委", [], "responsible", "省发展改革委", False),
            ("工信厅", [], "responsible", "工业和信息化厅", False),
            ("国网某省电力有限公司", [], "responsible", "国网某省电力有限公司", False),
        ],
    ),
    (  # a round bracket naming a body is an alias; 〔〕 hold the statement
        "〔责任单位：省发改委（数据管理局）、工信厅〕",
        "",
        [
            ("省发改委", ["数据管理局"], "responsible", "省发展改革委", False),
            ("工信厅", [], "responsible", "工业和信息化厅", False),
        ],
    ),
    (  # generic bodies stay whole
        "（责任单位：各有关部门和单位）",
        "",
        [("各有关部门和单位", [], "responsible", "各有关部门和单位", True)],
    ),
    (
        "（责任单位：相关部门、单位）",
        "",
        [("相关部门、单位", [], "responsible", "相关部门、单位", True)],
    ),
    (  # 按职责分工负责 after 等
        "（市商务局、某某海关等按职责分工负责）",
        "",
        [
            ("市商务局", [], "responsible", "市商务局", False),
            ("某某海关", [], "responsible", "某某海关", False),
        ],
    ),
    (  # another field of the statement (完成时限) is not a unit
        "（市发改委负责落实，完成时限：2024年10月）",
        "",
        [("市发改委", [], "responsible", "市发展改革委", False)],
    ),
    (  # a round bracket left open before a labelled 〔〕 list
        "（责任单位：〔省发改委、文旅厅〕",
        "",
        [
            ("省发改委", [], "responsible", "省发展改革委", False),
            ("文旅厅", [], "responsible", "文旅厅", False),
        ],
    ),
    (  # an unbracketed sentence opened by 由: lead and cooperating
        "由市市场监管局牵头，市商务局、市公安局等配合落实。",
        "",
        [
            ("市市场监管局", [], "lead", "市市场监管局", False),
            ("市商务局", [], "cooperating", "市商务局", False),
            ("市公安局", [], "cooperating", "市公安局", False),
        ],
    ),
    (  # …or closing a sentence after a comma
        "推进监管，由市市场监管局负责。",
        "",
        [("市市场监管局", [], "responsible", "市市场监管局", False)],
    ),
    (  # a lead and a responsible body in one bracket
        "（市发改委牵头负责，市财政局按职责分工负责）",
        "",
        [
            ("市发改委", [], "lead", "市发展改革委", False),
            ("市财政局", [], "responsible", "市财政局", False),
        ],
    ),
    (  # words of manner belong to the verb, not to the last name
        "（某某海关牵头，省贸促会、省商务厅按职责分工配合）",
        "",
        [
            ("某某海关", [], "lead", "某某海关", False),
            ("省贸促会", [], "cooperating", "省贸促会", False),
            ("省商务厅", [], "cooperating", "省商务厅", False),
        ],
    ),
    (  # a deadline clause closes the statement; a level before a class keeps it generic
        "（市政务服务局牵头，各区、市各相关部门按分管领域负责，2023年10月底前完成并持续推进）",
        "",
        [
            ("市政务服务局", [], "lead", "市政务服务局", False),
            ("各区", [], "responsible", "各区", True),
            ("市各相关部门", [], "responsible", "市各相关部门", True),
        ],
    ),
    (  # 会同 opening a clause: the bodies work with the lead; places share a class
        "（市市场监管局牵头，会同甲市、乙省相关部门协同推进，2023年11月底前完成）",
        "",
        [
            ("市市场监管局", [], "lead", "市市场监管局", False),
            ("甲市、乙省相关部门", [], "cooperating", "甲市、乙省相关部门", True),
        ],
    ),
    (  # a labelled group read as one generic name
        "（某专班牵头单位牵头，某专班成员单位按职责分工配合）",
        "",
        [
            ("某专班牵头单位", [], "lead", "某专班牵头单位", True),
            ("某专班成员单位", [], "cooperating", "某专班成员单位", True),
        ],
    ),
    (  # a note about later nodes inside the statement
        "（交通运输部、海关总署和各地方人民政府按职责分工负责。以下均需地方人民政府负责，不再列出）",
        "",
        [
            ("交通运输部", [], "responsible", "交通运输部", False),
            ("海关总署", [], "responsible", "海关总署", False),
            ("各地方人民政府", [], "responsible", "各地方人民政府", True),
        ],
    ),
    # labelled
    (
        "(责任单位:市人力社保局、市发改委)",
        NINGBO,
        [
            ("市人力社保局", [], "responsible", "宁波市人力资源社会保障局", False),
            ("市发改委", [], "responsible", "宁波市发展改革委", False),
        ],
    ),
    (
        "（责任单位：市数字经济局〔市经信局〕、宁波金融监管局、宁波市金融监管局）",
        NINGBO,
        [
            ("市数字经济局", ["市经信局"], "responsible", "宁波市数字经济局", False),
            ("宁波金融监管局", [], "responsible", "宁波市金融监管局", False),
            ("宁波市金融监管局", [], "responsible", "宁波市金融监管局", False),
        ],
    ),
    (
        "（牵头单位：市人力资源和社会保障局；配合单位：市教育局、市财政局）",
        "",
        [
            ("市人力资源和社会保障局", [], "lead", "市人力资源社会保障局", False),
            ("市教育局", [], "cooperating", "市教育局", False),
            ("市财政局", [], "cooperating", "市财政局", False),
        ],
    ),
    (
        "（牵头单位：市金融办，配合单位：市发展改革委、市人力资源和社会保障局，各区、县级市）",
        "",
        [
            ("市金融办", [], "lead", "市金融办", False),
            ("市发展改革委", [], "cooperating", "市发展改革委", False),
            ("市人力资源和社会保障局", [], "cooperating", "市人力资源社会保障局", False),
            ("各区", [], "cooperating", "各区", True),
            ("县级市", [], "cooperating", "县级市", True),
        ],
    ),
    (
        "（负责部门：民航局，适用范围：陕西自贸试验区）",
        "",
        [("民航局", [], "responsible", "民航局", False)],
    ),
    # verbs
    (
        "（市发展改革委牵头，市财政局、市商务局参与）",
        "",
        [
            ("市发展改革委", [], "lead", "市发展改革委", False),
            ("市财政局", [], "cooperating", "市财政局", False),
            ("市商务局", [], "cooperating", "市商务局", False),
        ],
    ),
    (
        "（省商务厅牵头，省财政厅、省市场监管局配合）",
        "",
        [
            ("省商务厅", [], "lead", "省商务厅", False),
            ("省财政厅", [], "cooperating", "省财政厅", False),
            ("省市场监管局", [], "cooperating", "省市场监管局", False),
        ],
    ),
    (
        "（教育部指导，各省级人民政府负责落实）",
        "",
        [
            ("教育部", [], "guiding", "教育部", False),
            ("各省级人民政府", [], "responsible", "各省级人民政府", True),
        ],
    ),
    (
        "（体育总局指导，各高校参与）",
        "",
        [
            ("体育总局", [], "guiding", "体育总局", False),
            ("各高校", [], "cooperating", "各高校", True),
        ],
    ),
    (
        "（国家发展改革委、财政部，各省级人民政府按职责分工负责）",
        "",
        [
            ("国家发展改革委", [], "responsible", "国家发展改革委", False),
            ("财政部", [], "responsible", "财政部", False),
            ("各省级人民政府", [], "responsible", "各省级人民政府", True),
        ],
    ),
    (
        "（海关总署、商务部等和各有关省级人民政府负责）",
        "",
        [
            ("海关总署", [], "responsible", "海关总署", False),
            ("商务部", [], "responsible", "商务部", False),
            ("各有关省级人民政府", [], "responsible", "各有关省级人民政府", True),
        ],
    ),
    (
        "（国家发展改革委会同有关部门负责）",
        "",
        [
            ("国家发展改革委", [], "lead", "国家发展改革委", False),
            ("有关部门", [], "cooperating", "有关部门", True),
        ],
    ),
    (
        "（农业农村部、工业和信息化部牵头负责）",
        "",
        [
            ("农业农村部", [], "lead", "农业农村部", False),
            ("工业和信息化部", [], "lead", "工业和信息化部", False),
        ],
    ),
    # splitting
    (
        "（工业和信息化部、国家卫生健康委、文化和旅游部负责）",
        "",
        [
            ("工业和信息化部", [], "responsible", "工业和信息化部", False),
            ("国家卫生健康委", [], "responsible", "国家卫生健康委", False),
            ("文化和旅游部", [], "responsible", "文化和旅游部", False),
        ],
    ),
    (
        "（农业农村部和财政部负责）",
        "",
        [
            ("农业农村部", [], "responsible", "农业农村部", False),
            ("财政部", [], "responsible", "财政部", False),
        ],
    ),
    (
        "（海关总署、商务部等有关部门负责）",
        "",
        [
            ("海关总署", [], "responsible", "海关总署", False),
            ("商务部", [], "responsible", "商务部", False),
        ],
    ),
    (
        "（水利部、自然资源部等部门负责）",
        "",
        [
            ("水利部", [], "responsible", "水利部", False),
            ("自然资源部", [], "responsible", "自然资源部", False),
        ],
    ),
    (
        "（责任单位：各区(县、市)政府、市住建局）",
        NINGBO,
        [
            ("各区(县、市)政府", [], "responsible", "各区(县、市)政府", True),
            ("市住建局", [], "responsible", "宁波市住房城乡建设局", False),
        ],
    ),
    # bare list
    (
        "（各区、县级市）",
        "",
        [("各区", [], "responsible", "各区", True), ("县级市", [], "responsible", "县级市", True)],
    ),
    # canonical names: one body, several names
    (
        "（发改委、发展改革委、国家发展和改革委员会负责）",
        "",
        [
            ("发改委", [], "responsible", "国家发展改革委", False),
            ("发展改革委", [], "responsible", "国家发展改革委", False),
            ("国家发展和改革委员会", [], "responsible", "国家发展改革委", False),
        ],
    ),
    (
        "（责任单位：市人社局、市人力资源和社会保障局、市市场监管局、市经信局）",
        NINGBO,
        [
            ("市人社局", [], "responsible", "宁波市人力资源社会保障局", False),
            ("市人力资源和社会保障局", [], "responsible", "宁波市人力资源社会保障局", False),
            ("市市场监管局", [], "responsible", "宁波市市场监管局", False),
            ("市经信局", [], "responsible", "宁波市经济和信息化局", False),
        ],
    ),
    (
        "（中国人民银行、人民银行、国家市场监督管理总局负责）",
        "",
        [
            ("中国人民银行", [], "responsible", "人民银行", False),
            ("人民银行", [], "responsible", "人民银行", False),
            ("国家市场监督管理总局", [], "responsible", "市场监管总局", False),
        ],
    ),
]

NOT_STATEMENTS = [
    "（企业自主负责）",
    "学校内由教育行政部门负责统一管理。",
    "由企业自主决定。",
    "资金由市财政局负责安排。",
    "（含技工院校）",
    "（县、市）",
    "（以下简称个人所得税法）",
    "建立由农业农村部、工业和信息化部牵头的协调推进机制。",
    "（其中1995年广东省、福建省共落实了165名扩招任务）",
]


@pytest.mark.parametrize(
    ("statement", "header", "expected"), CASES, ids=ids("case", [c[0] for c in CASES])
)
def test_statement(statement: str, header: str, expected: list[Unit]) -> None:
    assert units(statement, header=header) == expected


@pytest.mark.parametrize("text", NOT_STATEMENTS, ids=ids("not", NOT_STATEMENTS))
def test_not_a_statement(text: str) -> None:
    assert units(text) == []


def _all(doc: Document) -> list[tuple[str | None, str, str]]:
    out: list[tuple[str | None, str, str]] = []
    stack = list(doc.children)
    while stack:
        n = stack.pop(0)
        out.extend((n.path, u.name, u.role) for u in n.responsible_units)
        stack[0:0] = n.children
    return out


def test_first_listed_lead_note_holds_below() -> None:
    doc = parse(
        "一、任务\n（一）甲。内容。（农业农村部、工业和信息化部等负责。列第一位者为牵头单位，下同）\n"
        "（二）乙。内容。（发展改革委、财政部负责）\n（三）丙。内容。（科技部牵头，财政部参与）"
    )
    assert _all(doc) == [
        ("1.1", "农业农村部", "lead"),
        ("1.1", "工业和信息化部", "responsible"),
        ("1.2", "发展改革委", "lead"),
        ("1.2", "财政部", "responsible"),
        ("1.3", "科技部", "lead"),
        ("1.3", "财政部", "cooperating"),
    ]


def test_several_statements_in_one_node() -> None:
    doc = parse(
        "一、任务\n（一）甲。加强就业服务（市人力社保局负责）。推进培训（市教育局牵头，市财政局配合）。"
    )
    assert _all(doc) == [
        ("1.1", "市人力社保局", "responsible"),
        ("1.1", "市教育局", "lead"),
        ("1.1", "市财政局", "cooperating"),
    ]


def test_applies_below_is_recorded_not_printed() -> None:
    doc = parse(
        "一、试点任务\n（以下均需试点城市政府落实，不再列出）\n（一）甲。内容。（市商务局负责）\n（二）乙。内容。"
    )
    first, second = doc.children[0].children
    assert [u.name for u in first.responsible_units] == ["市商务局"]
    assert [(u.name, u.role) for u in second.implied_units] == [("试点城市政府", "responsible")]
    assert [u.name for u in first.implied_units] == ["试点城市政府"]
    assert [n.code for n in doc.responsibility_notes] == ["applies_below"]


NAMES = [
    "国家发展改革委",
    "财政部",
    "工业和信息化部",
    "文化和旅游部",
    "住房和城乡建设部",
    "市人力资源和社会保障局",
    "国家卫生健康委",
    "各省级人民政府",
    "各区(县、市)政府",
    "中国人民银行宁波市分行",
    "市委金融办",
    "国网宁波供电公司",
    "宁波金融监管局",
    "市数字经济局",
    "最高人民法院",
    "团市委",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(NAMES), min_size=1, max_size=8),
    st.lists(st.sampled_from(["、", "，", "和"]), min_size=8, max_size=8),
    st.sampled_from(["负责", "牵头", "参与", "LABEL"]),
)
def test_split_gives_back_the_names(names: list[str], seps: list[str], verb: str) -> None:
    joined = names[0] + "".join(sep + name for sep, name in zip(seps, names[1:], strict=False))
    statement = f"（责任单位：{joined}）" if verb == "LABEL" else f"（{joined}{verb}）"
    got = [u[0] for u in units(statement)]
    assert got == names


def test_gazetteer_names_are_words_for_jieba() -> None:
    from policyparse.extract.gazetteer import load
    from policyparse.text.tokenizer import cut

    bodies = tuple(load().names())
    assert cut("工业和信息化部", bodies) == ["工业和信息化部"]
    assert cut("人力资源和社会保障局", bodies) == ["人力资源和社会保障局"]
