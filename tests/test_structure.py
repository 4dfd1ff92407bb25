"""Structure rules, one small real-looking document each.

Grouped as in price-parser: dev cases (what must come out), regression cases,
and negatives (what must not open a node).
"""

from __future__ import annotations

import pytest

from helpers import ids, numbered
from policyparse import parse


def outline(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(n.path, n.label, n.title) for n in numbered(parse(text))]


# -- every numbering style ---------------------------------------------------

STYLES = [
    ("一、总体要求\n二、重点任务", [("1", "一、", "总体要求"), ("2", "二、", "重点任务")]),
    (
        "(一)加强领导。内容。\n(二)强化保障。内容。",
        [("1", "(一)", "加强领导"), ("2", "(二)", "强化保障")],
    ),
    (
        "（一）加强领导。内容。\n（二）强化保障。内容。",
        [("1", "（一）", "加强领导"), ("2", "（二）", "强化保障")],
    ),
    ("1.建设平台。内容。\n2.培育企业。内容。", [("1", "1.", "建设平台"), ("2", "2.", "培育企业")]),
    (
        "1、建设平台。内容。\n2、培育企业。内容。",
        [("1", "1、", "建设平台"), ("2", "2、", "培育企业")],
    ),
    (
        "１．建设平台。内容。\n２．培育企业。内容。",
        [("1", "１．", "建设平台"), ("2", "２．", "培育企业")],
    ),
    (
        "(1)建设平台。内容。\n(2)培育企业。内容。",
        [("1", "(1)", "建设平台"), ("2", "(2)", "培育企业")],
    ),
    (
        "（1）建设平台。内容。\n（2）培育企业。内容。",
        [("1", "（1）", "建设平台"), ("2", "（2）", "培育企业")],
    ),
    ("①建设平台。内容。\n②培育企业。内容。", [("1", "①", "建设平台"), ("2", "②", "培育企业")]),
    ("第一章　总　　则\n第二章　附　　则", [("1", "第一章", "总则"), ("2", "第二章", "附则")]),
    ("第一节 资金\n第二节 人才", [("1", "第一节", "资金"), ("2", "第二节", "人才")]),
    (
        "第一条　为了规范管理，制定本办法。\n第二条　本办法自公布之日起施行。",
        [
            ("1", "第一条", "为了规范管理"),
            ("2", "第二条", "本办法自公布之日起施行"),
        ],
    ),
    (
        "第一部分　总体要求\n第二部分　重点任务",
        [("1", "第一部分", "总体要求"), ("2", "第二部分", "重点任务")],
    ),
    ("十一、其他\n", []),  # does not start a sequence: 11 is not 1
]


@pytest.mark.parametrize(("text", "expected"), STYLES, ids=ids("style", [t for t, _ in STYLES]))
def test_numbering_styles(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert outline(text) == expected


def test_ideographic_and_nbsp_indentation() -> None:
    text = "\u3000\u3000一、总体要求\n\u00a0\u00a0（一）指导思想。内容。\n \t二、重点任务"
    assert outline(text) == [
        ("1", "一、", "总体要求"),
        ("1.1", "（一）", "指导思想"),
        ("2", "二、", "重点任务"),
    ]


# -- titles ------------------------------------------------------------------


def test_title_rules() -> None:
    text = (
        "一、坚持创新驱动，加快产业升级\n"  # own line: commas stay
        "（一）促进充分就业。加强就业保障，推动服务提质。\n"  # run-in
        "（二）发展目标。\n"  # phrase alone on its line
        "到2025年，目标基本实现。\n"
        "（三）加强就业服务，推动服务提质。\n"  # opens into a sentence
    )
    assert outline(text) == [
        ("1", "一、", "坚持创新驱动，加快产业升级"),
        ("1.1", "（一）", "促进充分就业"),
        ("1.2", "（二）", "发展目标"),
        ("1.3", "（三）", "加强就业服务"),
    ]
    goals = numbered(parse(text))[2]
    assert goals.text == "发展目标。\n到2025年，目标基本实现。"


def test_run_in_title_keeps_its_commas() -> None:
    """A heading phrase before its body runs to its 。; a provision stops at its ，."""
    text = (
        "一、任务\n"
        "（一）夯实基础，做强平台。推进建设，完善机制。\n"  # heading phrase + body
        "（二）推进数字政府建设，提升服务效能，这是一个很长的句子所以不是标题，需要在第一个逗号处截断。后文。\n"
        "第一章 总则\n"
        "第一条 本办法所称企业，是指在本区登记的企业。本办法自发布之日起施行。\n"  # provision
    )
    assert [n.title for n in numbered(parse(text))] == [
        "任务",
        "夯实基础，做强平台",
        "推进数字政府建设",
        "总则",
        "本办法所称企业",
    ]


def test_sentence_words_inside_compounds_and_closing_brackets() -> None:
    """应 in 回应 and 要 in 重要 are no modals; a closing bracket of responsibility is no body."""
    text = (
        "一、任务\n"
        "（一）推进政务公开，强化解读回应。积极运用新媒体。\n"
        "（二）发挥重要作用，做强主要平台。推进建设。\n"
        "（三）各地要加强领导，落实责任。推进建设。\n"  # 要 as a modal: a sentence
        "（四）设立受理点，受理质押登记。（负责部门：某某局）\n"  # one sentence and its bracket
    )
    assert [n.title for n in numbered(parse(text))] == [
        "任务",
        "推进政务公开，强化解读回应",
        "发挥重要作用，做强主要平台",
        "各地要加强领导",
        "设立受理点",
    ]


def test_title_spans_point_at_the_printed_title() -> None:
    text = "第一章　总　　则\n第一条　为了规范管理，根据有关规定，制定本办法。"
    doc = parse(text)
    chapter, article = numbered(doc)
    assert chapter.title == "总则" and chapter.title_span is not None
    assert text[chapter.title_span[0] : chapter.title_span[1]] == "总　　则"
    assert article.title == "为了规范管理" and article.title_span is not None
    assert text[article.title_span[0] : article.title_span[1]] == "为了规范管理"


def test_brackets_do_not_end_a_title() -> None:
    text = "第一条　根据《中华人民共和国个人所得税法》（以下简称个税法，下同）规定，制定本办法。"
    assert outline(text)[0][2] == "根据《中华人民共和国个人所得税法》（以下简称个税法，下同）规定"


def test_colon_ends_a_run_in_title() -> None:
    text = "一、推广的改革举措\n（一）知识产权保护方面5项：专利保险机制；技术调查官制度。"
    assert outline(text)[1] == ("1.1", "（一）", "知识产权保护方面5项")


def test_label_alone_takes_title_from_next_line() -> None:
    assert outline("第一章\n总则\n第一条　本办法自公布之日起施行。") == [
        ("1", "第一章", "总则"),
        ("1.1", "第一条", "本办法自公布之日起施行"),
    ]


# -- levels and sequences ----------------------------------------------------


def test_levels_follow_order_of_appearance() -> None:
    # 1. appears under 一、 before （一） does; both nest where they occur.
    text = (
        "一、总体目标\n1.目标。内容。\n二、行动计划\n（一）产业计划。内容：\n"
        "2.紧缺人才项目。内容。\n3.企业家项目。内容。\n三、保障\n4.加强领导。内容。"
    )
    assert outline(text) == [
        ("1", "一、", "总体目标"),
        ("1.1", "1.", "目标"),
        ("2", "二、", "行动计划"),
        ("2.1", "（一）", "产业计划"),
        ("2.1.2", "2.", "紧缺人才项目"),
        ("2.1.3", "3.", "企业家项目"),
        ("3", "三、", "保障"),
        ("3.4", "4.", "加强领导"),
    ]
    levels = [n.level for n in numbered(parse(text))]
    assert levels == [1, 2, 1, 2, 3, 3, 1, 2]


def test_numbering_runs_straight_through_sections() -> None:
    text = "一、甲\n（一）子一。内容。\n（二）子二。内容。\n二、乙\n（三）子三。内容。\n三、丙\n（四）子四。内容。"
    assert [p for p, _, _ in outline(text)] == ["1", "1.1", "1.2", "2", "2.3", "3", "3.4"]


def test_numbering_restarts_under_each_parent() -> None:
    text = "一、甲\n（一）子一。内容。\n（二）子二。内容。\n二、乙\n（一）子一。内容。"
    assert [p for p, _, _ in outline(text)] == ["1", "1.1", "1.2", "2", "2.1"]


def test_four_levels_and_kinds() -> None:
    text = "一、甲\n（一）乙\n1.丙。内容。\n（1）丁。内容。\n（2）戊。内容。\n2.己。内容。"
    doc = parse(text)
    got = [(n.path, n.kind, n.level) for n in numbered(doc)]
    assert got == [
        ("1", "section", 1),
        ("1.1", "section", 2),
        ("1.1.1", "section", 3),
        ("1.1.1.1", "measure", 4),
        ("1.1.1.2", "measure", 4),
        ("1.1.2", "measure", 3),
    ]


def test_chapters_sections_articles_and_items() -> None:
    text = (
        "第一章　总则\n第一条　为了规范管理，制定本办法。\n第二章　标准\n第一节　住房\n"
        "第二条　按照以下标准扣除：\n（一）直辖市，每月1500元；\n（二）其他城市，每月800元。\n"
        "配偶有住房的，视同本人有住房。\n第三条　其他事项另行规定。"
    )
    doc = parse(text)
    assert [n.path for n in numbered(doc)] == [
        "1",
        "1.1",
        "2",
        "2.1",
        "2.1.2",
        "2.1.2.1",
        "2.1.2.2",
        "2.1.3",
    ]
    article = numbered(doc)[4]
    assert [c.kind for c in article.children] == ["measure", "measure", "paragraph"]


# -- what does not open a node -------------------------------------------------

NEGATIVES = [
    "一是加强领导，二是强化保障。",
    "按照本方案(一)的要求推进。",
    "具体按照以下要求：1.加强领导。",
    "附件：1.重点项目清单\n2.责任分工表",
    "1.5亿元资金由市财政安排。",
    "2025年，新增就业20万人。",
    "第三届技能大赛在宁波举办。",
    "（2018）年度报告",
]


@pytest.mark.parametrize("text", NEGATIVES, ids=ids("not", NEGATIVES))
def test_not_a_node(text: str) -> None:
    assert outline(text) == []


def test_stray_number_inside_a_measure_is_text() -> None:
    text = "一、甲\n（一）子一。内容。\n3.另行安排资金。\n（二）子二。内容。"
    doc = parse(text)
    assert [p for p, _, _ in outline(text)] == ["1", "1.1", "1.2"]
    first = numbered(doc)[1]
    assert first.text.endswith("3.另行安排资金。")


def test_repeated_number_is_text_with_a_diagnostic() -> None:
    doc = parse("一、甲\n二、乙\n二、乙又一次\n三、丙")
    assert [n.path for n in numbered(doc)] == ["1", "2", "3"]
    assert [d.code for d in doc.diagnostics if d.code.startswith("numbering")] == [
        "numbering_repeat"
    ]


def test_small_gap_opens_a_node_with_a_diagnostic() -> None:
    doc = parse("一、甲\n二、乙\n四、丁")
    assert [n.path for n in numbered(doc)] == ["1", "2", "4"]
    gaps = [d for d in doc.diagnostics if d.code.startswith("numbering")]
    assert [d.code for d in gaps] == ["numbering_gap"]
    span = gaps[0].span
    assert span is not None and "一、甲\n二、乙\n四、丁"[span[0] : span[1]] == "四、"


def test_a_text_opening_with_a_later_part_keeps_its_parts() -> None:
    """A page that prints a report's later parts alone (三、2024年主要工作安排 first, no 一、
    or 二、 before): the first numbered line opens part 3, with a numbering_gap warning, and
    the parts and items after it follow (3.1, 4); its year governs them.  A first number
    past the gap's size (七、) opens nothing."""
    text = "今年目标如下。\n三、2024年主要工作安排\n（一）保障粮食安全。建成高标准农田0.15万亩。\n四、保障措施\n加强领导。"
    doc = parse(text)
    assert [n.path for n in numbered(doc)] == ["3", "3.1", "4"]
    assert [d.code for d in doc.diagnostics if d.code.startswith("numbering")] == ["numbering_gap"]
    assert [t.year for n in doc.walk() for t in n.targets] == [2024]
    assert [n.path for n in numbered(parse("七、甲\n八、乙"))] == []


# -- notices and furniture -------------------------------------------------------


def test_notice_wrapping_a_plan() -> None:
    text = (
        "青川市人民政府关于印发\n青川市促进消费实施方案的通知\n青政发〔2024〕3号\n"
        "各区（县、市）人民政府，市政府各部门：\n现将《青川市促进消费实施方案》印发给你们，请认真贯彻执行。\n"
        "青川市人民政府\n2024年5月6日\n（此件公开发布）\n青川市促进消费实施方案\n"
        "为促进消费，制定本方案。\n一、主要任务\n（一）扩大消费。内容。（责任单位：市商务局）\n"
        "各地要抓好落实。"
    )
    doc = parse(text)
    assert doc.title == "青川市人民政府关于印发青川市促进消费实施方案的通知"
    assert doc.plan_title == "青川市促进消费实施方案"
    assert (doc.doc_number, doc.issuer, str(doc.published)) == (
        "青政发〔2024〕3号",
        "青川市人民政府",
        "2024-05-06",
    )
    roles = [n.role for n in doc.children]
    assert roles == [
        "title",
        "title",
        "doc_number",
        "addressee",
        None,
        "signature",
        "date",
        "note",
        "title",
        None,
        None,
        None,
    ]
    assert [n.path for n in numbered(doc)] == ["1", "1.1"]
    assert doc.children[-1].text == "各地要抓好落实。"


def test_a_sentence_introducing_a_list_is_no_addressee() -> None:
    """A 主送 line names bodies; a line that prints a figure and ends with 如下： is the
    document's opening sentence, and stays a paragraph of its text."""
    doc = parse(
        "某省关于民生实事安排的意见\n2023年，省政府将抓好50项民生实事，安排如下：\n"
        "一、新建农村公路120公里。\n"
    )
    assert [n.role for n in doc.children[:2]] == ["title", None]
    assert parse("某省意见\n各市人民政府，省直各单位：\n一、任务\n").children[1].role == "addressee"


def test_portal_header_and_trailer_are_furniture() -> None:
    text = "来源:青川市人民政府办公厅 发布时间:2024-05-06 09:30\n青川市促进消费实施方案\n一、任务\n热门\n本周\n本月"
    doc = parse(text)
    assert doc.issuer == "青川市人民政府办公厅" and str(doc.published) == "2024-05-06"
    assert [f.kind for f in doc.furniture] == [
        "source_line",
        "web_trailer",
        "web_trailer",
        "web_trailer",
    ]
    assert all("热门" not in n.text for n in doc.walk())


def test_no_structure_gives_paragraphs_and_a_diagnostic() -> None:
    doc = parse("这是第一段。\n这是第二段。")
    assert [n.kind for n in doc.children] == ["paragraph", "paragraph"]
    assert [d.code for d in doc.diagnostics] == ["no_structure"]


def test_responsibility_first_form() -> None:
    text = "一、任务\n(一)促进就业。内容。(责任单位:市人力社保局、市数字经济局〔市经信局〕、各区(县、市)政府)"
    doc = parse(text)
    units = numbered(doc)[1].responsible_units
    assert [(u.name, u.aliases, u.role) for u in units] == [
        ("市人力社保局", [], "responsible"),
        ("市数字经济局", ["市经信局"], "responsible"),
        ("各区(县、市)政府", [], "responsible"),
    ]
    assert [text[u.span[0] : u.span[1]] for u in units] == [
        "市人力社保局",
        "市数字经济局〔市经信局〕",
        "各区(县、市)政府",
    ]


def test_bracketed_article_title() -> None:
    text = "第一条 【强化用地保障】将产业用地纳入规划。\n第二条 【支持项目投资】对项目给予支持。\n"
    doc = parse(text)
    assert [(n.path, n.title) for n in numbered(doc)] == [
        ("1", "强化用地保障"),
        ("2", "支持项目投资"),
    ]
    first = numbered(doc)[0]
    assert first.title_span is not None
    assert text[first.title_span[0] : first.title_span[1]] == "强化用地保障"


def test_small_form_full_stop_is_a_marker() -> None:
    text = "一、任务\n（一）网络行动\n1﹒推进外网建设。内容。\n2﹒推进内网改造。内容。\n"
    assert [(n.path, n.label) for n in numbered(parse(text))] == [
        ("1", "一、"),
        ("1.1", "（一）"),
        ("1.1.1", "1﹒"),
        ("1.1.2", "2﹒"),
    ]


BOXES = (
    "一、行动\n"
    "（一）网络行动\n"
    "1.推进外网建设。内容。\n"
    "专栏1  网络互联工程\n"
    "优化网络。到2023年，建成基站100个。\n"
    "（二）平台行动\n"
    "2.建设平台。内容。\n"
    "专栏2  平台培育工程\n"
    "培育平台20家。\n"
)


def test_boxes_are_nodes_inside_the_node_they_stand_in() -> None:
    doc = parse(BOXES)
    assert [(n.path, n.kind, n.label, n.title) for n in numbered(doc)] == [
        ("1", "section", "一、", "行动"),
        ("1.1", "section", "（一）", "网络行动"),
        ("1.1.1", "measure", "1.", "推进外网建设"),
        ("1.1.1.B1", "box", "专栏1", "网络互联工程"),
        ("1.2", "section", "（二）", "平台行动"),
        ("1.2.2", "measure", "2.", "建设平台"),
        ("1.2.2.B2", "box", "专栏2", "平台培育工程"),
    ]
    box = numbered(doc)[3]
    assert [t.value for t in box.targets] == [100]
    assert box.text.endswith("建成基站100个。")


ISSUED = (
    "某省人民政府办公厅关于印发甲政策和乙计划的通知\n"
    "各市人民政府：\n"
    "《甲政策》《乙计划》已经省政府同意，现印发给你们。\n"
    "某省人民政府办公厅\n"
    "2021年9月2日\n"
    "甲政策\n"
    "一、支持平台建设\n"
    "培育平台。\n"
    "二、支持企业转型\n"
    "推动转型。\n"
    "乙计划\n"
    "一、总体要求\n"
    "（一）指导思想\n"
    "二、行动步骤\n"
    "附件\n"
    "工作组名单\n"
)


def test_documents_issued_under_one_notice_are_parts() -> None:
    doc = parse(ISSUED)
    assert [(n.path, n.kind, n.title) for n in numbered(doc)] == [
        ("A1", "attachment", "甲政策"),
        ("A1.1", "measure", "支持平台建设"),
        ("A1.2", "measure", "支持企业转型"),
        ("A2", "attachment", "乙计划"),
        ("A2.1", "section", "总体要求"),
        ("A2.1.1", "measure", "指导思想"),
        ("A2.2", "measure", "行动步骤"),
        ("A3", "attachment", "工作组名单"),
    ]
    assert doc.title == "某省人民政府办公厅关于印发甲政策和乙计划的通知"


def test_one_issued_plan_stays_at_the_top() -> None:
    one = ISSUED.replace("《甲政策》《乙计划》", "《甲政策》")
    paths = [n.path for n in numbered(parse(one))]
    assert paths[:2] == ["1", "2"] and "A2" not in paths


def test_one_of_two_documents_issued_together_is_a_part_where_only_it_is_printed() -> None:
    # the notice names 甲清单 and 乙清单 one right after the other; the page prints only
    # the first, its title wrapped over two lines
    text = (
        "某县人民政府办公室\n"
        "《某县行动计划（2024-2027年）主要目标清单》《某县行动计划重点任务清单》"
        "已经县人民政府同意，现印发给你们。\n"
        "某县人民政府办公室\n2025年4月25日\n"
        "某县行动计划\n（2024-2027年）主要目标清单\n"
        "一、健康水平\n到2027年，人均预期寿命达到80岁。\n"
    )
    doc = parse(text)
    assert [(n.path, n.title) for n in numbered(doc)] == [
        ("A1", "某县行动计划（2024-2027年）主要目标清单"),
        ("A1.1", "健康水平"),
    ]
    assert [(t.value, t.year) for n in doc.walk() for t in n.targets] == [(80, 2027)]


def test_an_issued_plan_for_one_year_dates_its_undated_targets() -> None:
    # the printed one of two issued documents is a plan for 2020: its undated goal is 2020's
    text = (
        "某市人民政府办公室\n现将《社会保障工程2020年工作要点》《交通工程2020年工作要点》"
        "印发给你们。\n某市人民政府办公室\n2020年7月1日\n社会保障工程2020年工作要点\n"
        "一、就业\n城镇新增就业6万人。\n"
    )
    doc = parse(text)
    assert [n.path for n in numbered(doc)] == ["A1", "A1.1"]
    assert [(t.value, t.year) for n in doc.walk() for t in n.targets] == [(6, 2020)]


def test_a_cited_title_and_the_issued_one_keep_the_plan_at_the_top() -> None:
    # 根据《某某意见》 cites a document; only the plan is issued: it stays at the top
    text = (
        "某县人民政府办公室\n根据《某省行动意见》，现将《某县行动方案》印发给你们。\n"
        "某县人民政府办公室\n2025年4月25日\n某县行动方案\n一、健康水平\n推进工作。\n"
    )
    assert [n.path for n in numbered(parse(text))] == ["1"]


def test_text_taken_from_a_pdf_keeps_its_outline_and_numbers() -> None:
    text = (
        "一、主要任务\n（一）提升服务。到 2025 年，产业 基金规模达到 100 亿元。\n"
        "二 、保障措施\n（二）加强保障。新增 就业 2 万人。"
    )
    doc = parse(text)
    assert [(n.path, n.label, n.title) for n in doc.walk()] == [
        ("1", "一、", "主要任务"),
        ("1.1", "（一）", "提升服务"),
        ("2", "二 、", "保障措施"),
        ("2.2", "（二）", "加强保障"),
    ]
    got = [(t.indicator, t.value, t.unit, t.year) for n in doc.walk() for t in n.targets]
    assert got == [("产业基金规模", 100, "亿元", 2025), ("新增就业", 2, "万人", None)]
    for n in doc.walk():
        for t in n.targets:
            assert text[t.span[0] : t.span[1]].replace(" ", "").endswith(t.unit or "")


def test_a_label_followed_by_a_space_is_still_a_heading() -> None:
    text = (
        "一、主要任务\n"
        "（一）提升服务。推进服务提质。\n"
        "（二） 提升商贸。推进商贸提质。\n"
        "（三）\u3000加强监管。加强市场监管。\n"
    )
    doc = parse(text)
    got = [(n.path, n.label, n.title) for n in doc.walk() if n.path]
    assert got == [
        ("1", "一、", "主要任务"),
        ("1.1", "（一）", "提升服务"),
        ("1.2", "（二）", "提升商贸"),
        ("1.3", "（三）", "加强监管"),
    ]


# -- a document appended to explain the notice (解读, 起草说明 …) --------------------

NOTICE = (
    "某市住房公积金管理委员会关于调整某项提取政策的通知\n"
    "各缴存人：\n"
    "现将有关事项通知如下：\n"
    "一、调整提取比例。租房提取比例提高至80%。\n"
    "二、延长受理期限。受理期限延长至2025年底。\n"
    "三、停止受理某项提取。\n"
)
EXPLAINED = (
    "一、关于调整提取比例\n"
    "本次调整后，每月可提取额度提高到1800元。\n"
    "二、关于延长受理期限\n"
    "（一）背景。受理量较大。\n"
)


TITLE = "关于调整某项提取政策的解读"


@pytest.mark.parametrize(
    ("between", "title"),
    [
        (f"特此通知\n{TITLE}\n", TITLE),
        ("特此通知\n关于阶段性调整某项\n提取政策的解读\n", "关于阶段性调整某项提取政策的解读"),
        (
            "某市住房公积金管理委员会\n2023年9月11日\n关于某项政策的起草说明\n",
            "关于某项政策的起草说明",
        ),
        # A web page: the notice's 附件 list and a link's label stand above the title.
        (f"特此通知\n附件：{TITLE}\n政策解读：{TITLE}\n{TITLE}\n", TITLE),
        (f"特此通知\n政策解读\n{TITLE}\n", TITLE),  # a label above is no line of the title
    ],
    ids=["one-line", "two-lines", "after-the-date", "web-page", "label-above"],
)
def test_an_appended_interpretation_is_a_part_of_its_own(between: str, title: str) -> None:
    text = NOTICE + between + EXPLAINED
    doc = parse(text)
    nodes = numbered(doc)
    assert [(n.path, n.kind) for n in nodes] == [
        ("1", "measure"),
        ("2", "measure"),
        ("3", "measure"),
        ("A1", "attachment"),
        ("A1.1", "measure"),
        ("A1.2", "section"),
        ("A1.2.1", "measure"),
    ]
    part = nodes[3]
    assert part.title == title and part.title_span is not None
    assert "".join(text[part.title_span[0] : part.title_span[1]].split()) == title
    assert part.function == "annex" and doc.plan_title is None
    # The notice's last item keeps its own text; the 解读's figures are the 解读's.
    assert title[-4:] not in "".join(nodes[2].text.split()) and not nodes[2].children
    assert [q.value for q in nodes[4].figures + nodes[4].targets] == [1800]


@pytest.mark.parametrize(
    "line",
    [
        "四、政策解读\n",  # a numbered heading: the notice's fourth item
        "四是做好政策解读。\n",  # a sentence
        "部门解读\n",  # a portal's label, too short to name a document
    ],
    ids=["numbered", "sentence", "label"],
)
def test_no_appended_part(line: str) -> None:
    doc = parse(NOTICE + line + EXPLAINED)
    assert not any(n.kind == "attachment" for n in doc.walk())


def test_an_interpretation_on_its_own_page_is_the_document() -> None:
    doc = parse("关于调整某项提取政策的解读\n" + EXPLAINED)
    assert doc.title == "关于调整某项提取政策的解读"
    assert [n.path for n in numbered(doc)] == ["1", "2", "2.1"]


def test_an_interpretation_after_an_attachment_label_titles_the_attachment() -> None:
    doc = parse(NOTICE + "特此通知\n附件\n关于调整某项提取政策的解读\n" + EXPLAINED)
    parts = [(n.path, n.title) for n in numbered(doc) if n.kind == "attachment"]
    assert parts == [("A1", "关于调整某项提取政策的解读")]


NUMBERED_NOTICE = (
    "某区发展改革委关于公开征求《某区节能降碳规划（草案）》意见的公告\n"
    "现将规划草案全文公布，征求社会各界意见。\n"
    "一、市民可以将书面意见寄送某区发展和改革委员会。\n"
    "二、征求意见截止日期为2026年5月1日。\n"
    "某区发展和改革委员会\n2026年4月1日\n"
)
PLAN_BODY = (
    "为推动节能降碳工作，制定本规划。\n一、发展基础\n（一）成效显著。建成生境花园30座。\n"
    "二、主要任务\n（一）建设花园。到2030年，建成生境花园50座。\n"
)


def test_a_plan_after_a_numbered_notice_opens_a_part_of_its_own() -> None:
    # The notice's 一、二、 and the plan's 一、 restart: the plan is part A1 and keeps
    # its outline, its title stays the plan's title, and its past section gives baselines.
    doc = parse(NUMBERED_NOTICE + "某区节能降碳“十五五”规划\n（草案）\n" + PLAN_BODY)
    assert [(n.path, n.title) for n in numbered(doc)] == [
        ("1", "市民可以将书面意见寄送某区发展和改革委员会"),
        ("2", "征求意见截止日期为2026年5月1日"),
        ("A1", "某区节能降碳“十五五”规划（草案）"),
        ("A1.1", "发展基础"),
        ("A1.1.1", "成效显著"),
        ("A1.2", "主要任务"),
        ("A1.2.1", "建设花园"),
    ]
    assert doc.plan_title == "某区节能降碳“十五五”规划（草案）"
    assert [(t.value, t.year) for n in doc.walk() for t in n.targets] == [(50.0, 2030)]


def test_a_plan_after_a_notice_of_paragraphs_stays_at_the_top() -> None:
    notice = "关于印发某区节能降碳规划的通知\n现将规划印发给你们，请认真贯彻执行。\n某区人民政府\n2026年4月1日\n"
    doc = parse(notice + "某区节能降碳规划\n" + PLAN_BODY)
    assert [n.path for n in numbered(doc)] == ["1", "1.1", "2", "2.1"]
    assert doc.plan_title == "某区节能降碳规划"


def test_a_plan_printed_under_a_bare_annex_label_after_the_notice_stays_at_the_top() -> None:
    """印发《X》的通知 … its date, then 附件 alone and X's title: the plan the notice wraps
    (its nodes at the top); a later 附件 alone over a table is the plan's annex A1."""
    doc = parse(
        "某区人民政府关于印发《2026年某区违法用地综合整治实施方案》的通知\n"
        "各镇人民政府：\n现将《2026年某区违法用地综合整治实施方案》印发给你们，请认真执行。\n"
        "附件：2026年某区违法用地综合整治实施方案\n某区人民政府\n2026年2月12日\n"
        "附件\n2026年某区违法用地综合整治实施方案\n"
        "一、目标任务\n全年完成整治5800亩。\n二、保障措施\n（一）加强督办。定期通报。\n"
        "附件\n某区各街镇整治任务表\n序号\n街镇\n任务量（亩）\n1\n甲镇\n300\n2\n乙镇\n200\n"
    )
    top = [(n.path, n.title) for n in doc.walk() if n.path and "." not in n.path]
    assert top == [("1", "目标任务"), ("2", "保障措施"), ("A1", "某区各街镇整治任务表")]
