"""The frame a sentence stands in: a plan for one year, a section on the past (extract/frames)."""

from __future__ import annotations

import pytest

import policyparse
from policyparse.extract.frames import announced_year, plan_year


def _targets(text: str) -> list[tuple[float, int | None, str | None]]:
    doc = policyparse.parse(text)
    return [(t.value, t.year, t.deadline) for n in doc.walk() for t in n.targets]


def test_a_plan_for_one_year_is_told_by_its_title() -> None:
    assert plan_year("某市2026年工作要点") == 2026
    assert plan_year("关于2019年贯彻落实有关文件重点工作的通知") == 2019
    assert plan_year("某市2024—2026年行动方案") is None
    assert plan_year("某市“十四五”发展规划") is None


def test_within_the_year_takes_the_plans_year() -> None:
    text = "某市2026年工作要点\n一、重点任务\n（一）培育企业。力争年内培育专精特新企业30家。\n"
    assert _targets(text) == [(30.0, 2026, "年内")]


def test_a_span_of_years_is_no_within_the_year() -> None:
    """5年内, 三年内: a span from now, the target's own deadline, not the plan's year."""
    got = _targets(
        "某市2022年工作要点\n一、任务\n（一）建设场地。5年内新增足球场地2万片，三年内建成口袋公园30个。\n"
    )
    assert got == [(2.0, None, "5年内"), (30.0, None, "三年内")]


def test_an_undated_commitment_of_a_plan_for_one_year_takes_its_year() -> None:
    """Issue 19: a plan for one year commits to that year, whether or not a sentence says
    年内; a plan for a span of years, or with no year in its title, dates nothing."""
    body = "\n一、重点任务\n（一）培育企业。培育专精特新企业30家，地区生产总值增长5%。\n"
    assert _targets("某市2026年工作要点" + body) == [(30.0, 2026, None), (5.0, 2026, None)]
    assert _targets("某市2024—2026年行动方案" + body) == [(30.0, None, None), (5.0, None, None)]
    assert _targets("某市工作要点" + body) == [(30.0, None, None), (5.0, None, None)]
    # A year of its own stands: 到2027年 in a plan for 2026 is 2027.
    dated = "某市2026年工作要点\n一、任务\n（一）培育企业。到2027年，培育企业30家。\n"
    assert _targets(dated) == [(30.0, 2027, "到2027年")]


@pytest.mark.parametrize(
    ("text", "target", "figures"),
    [
        pytest.param(
            "某市“十四五”规划\n一、发展基础\n（一）成效显著。建成生境花园30座，累计完成改造项目12个。\n"
            "二、主要任务\n（一）建设花园。到2025年，建成生境花园50座。\n",
            (50.0, 2025),
            [("baseline", 12.0), ("baseline", 30.0)],
            id="past",
        ),
        # 一、基本情况: what is, not what is to be done (a reply on a hazard describes its
        # cracks, 距江边700-800米).
        pytest.param(
            "某县地质灾害防治实施方案\n一、基本情况\n（一）险情。裂缝距江边水平距离700-800米。\n"
            "二、主要任务\n（一）监测预警。到2025年，建成监测站点20个。\n",
            (20.0, 2025),
            [("baseline", 700.0)],
            id="situation",
        ),
        # 二、现状分析 in a special plan: the survey of what is (its figures are the present).
        pytest.param(
            "某区公共停车设施规划\n一、现状分析\n（一）设施分析。全区现有公共停车场85个，"
            "夜间利用率基本在30%以下。\n二、规划目标\n（一）新建泊位。到2025年，新建公共泊位1200个。\n",
            (1200.0, 2025),
            [("baseline", 30.0), ("baseline", 85.0)],
            id="survey",
        ),
    ],
)
def test_a_section_on_the_past_or_the_situation_gives_baselines_not_targets(
    text: str, target: tuple[float, int], figures: list[tuple[str, float]]
) -> None:
    doc = policyparse.parse(text)
    assert [(t.value, t.year) for n in doc.walk() for t in n.targets] == [target]
    past = next(n for n in doc.walk() if n.path == "1.1")
    assert sorted((f.kind, f.value) for f in past.figures) == figures


def test_a_heading_naming_the_last_plan_period_gives_baselines() -> None:
    """一、“十三五”发展成果 in a 十四五 plan: no past word at its end, but the period it
    names ended before the plan begins; a later heading naming its own period does not."""
    text = (
        "某市住房发展“十四五”规划\n一、“十三五”发展成果\n"
        "（一）旧区改造。实施旧住房更新改造5300余万平方米，受益居民90余万户。\n"
        "二、“十四五”主要任务\n（一）租赁住房。“十四五”期间，形成供应租赁住房42万套。\n"
    )
    doc = policyparse.parse(text)
    assert [(t.value, t.unit) for n in doc.walk() for t in n.targets] == [(42.0, "万套")]
    past = next(n for n in doc.walk() if n.path == "1.1")
    assert {f.kind for f in past.figures} == {"baseline"} and len(past.figures) == 2


def test_a_year_before_the_plans_horizon_gives_a_baseline() -> None:
    text = (
        "某市养老服务发展规划（2016—2020年）\n一、成效\n"
        "（一）设施。“十二五”期间，建成养老机构120家；2011至2015年新增床位5000张。\n"
        "（二）目标。到2020年，养老机构达到200家。\n"
    )
    doc = policyparse.parse(text)
    assert [(t.value, t.year) for n in doc.walk() for t in n.targets] == [(200.0, 2020)]
    past = next(n for n in doc.walk() if n.path == "1.1")
    assert [(f.value, f.year, f.kind) for f in past.figures] == [
        (120.0, 2015, "baseline"),
        (5000.0, 2015, "baseline"),
    ]
    rules = {(e.what, e.rule) for e in policyparse.explain(text)}
    assert ("frame", "before_horizon") in rules


def test_a_table_column_of_the_last_plans_targets_gives_baselines() -> None:
    text = (
        "某区绿化“十五五”规划\n一、回顾\n"
        "序号\t指标\t单位\t“十四五”目标值\t“十五五”目标值\n1\t新建绿地\t万平方米\t75\t35\n"
    )
    doc = policyparse.parse(text)
    assert [(t.value, t.year) for n in doc.walk() for t in n.targets] == [(35.0, 2030)]


def test_an_item_label_glued_to_its_year_opens_the_item_and_the_year_governs() -> None:
    # 1.2025年6月底前: the label 1. and a year phrase, not the decimal 1.2025.
    text = (
        "一、任务\n1.2025年6月底前，新增观赏点位30个、特色道路10条。\n"
        "2.2026年11月底前，新增观赏点位40个。\n"
    )
    doc = policyparse.parse(text)
    got = [(n.path, t.value, t.year) for n in doc.walk() for t in n.targets]
    assert got == [("1.1", 30.0, 2025), ("1.1", 10.0, 2025), ("1.2", 40.0, 2026)]
    assert [n.path for n in policyparse.parse("一、指标\n增长1.2025亿元。\n").walk()] == ["1"]


def test_a_plan_signed_before_its_horizon_keeps_that_years_targets() -> None:
    text = (
        "某市数字经济三年行动计划（2024—2026年）\n一、任务\n"
        "（一）平台。2023年底前，建成数据平台1个。\n"
        "某市人民政府\n2023年10月8日\n"
    )
    assert _targets(text) == [(1.0, 2023, "2023年底前")]


def test_a_five_year_period_in_the_title_is_the_horizon() -> None:
    text = "某区节能降碳“十五五”规划\n一、发展基础\n"
    doc = policyparse.parse(text)
    assert doc.horizon is not None
    assert (doc.horizon.start, doc.horizon.end, doc.horizon.text) == (2026, 2030, "十五五")
    assert text[doc.horizon.span[0] : doc.horizon.span[1]] == "十五五"
    # A title that prints a year of its own is a plan for that year, not the period's.
    assert policyparse.parse("某市2024年落实“十四五”规划工作要点\n一、任务\n").horizon is None


def test_a_year_after_the_subject_governs_its_clause() -> None:
    text = "一、任务\n（一）全省储能装机2025年达到300万千瓦，城市绿道2030年达到800公里。\n"
    doc = policyparse.parse(text)
    got = [(t.indicator, t.value, t.year, t.deadline) for n in doc.walk() for t in n.targets]
    assert got == [("全省储能装机", 300.0, 2025, "2025年"), ("城市绿道", 800.0, 2030, "2030年")]


def test_a_goals_paragraph_governs_its_dash_lines() -> None:
    text = (
        "一、主要目标\n到2028年，全市工业经济实现高质量发展，主要目标如下：\n"
        "——规上工业增加值年均增长8%。\n——新培育专精特新企业100家。\n"
    )
    doc = policyparse.parse(text)
    assert [(t.value, t.year) for n in doc.walk() for t in n.targets] == [
        (8.0, 2028),
        (100.0, 2028),
    ]


def test_a_year_inside_the_goals_paragraph_governs_its_dash_lines() -> None:
    """The year phrase stands after a comma and the paragraph ends with 。 (no 如下：), but
    dash lines follow: the goals it leads to take its year."""
    text = (
        "1. 指导思想\n坚持发展。\n2. 基本原则\n坚持创新。\n"
        "3. 发展目标\n综合考量发展基础，到2030年，经济实力显著增强，城区品质全面提升。\n"
        "——经济发展取得新突破。地区生产总值突破2300亿元。\n"
        "——人民生活更加美好。每年实现再就业6900人。\n"
    )
    doc = policyparse.parse(text)
    assert [(t.value, t.year) for n in doc.walk() for t in n.targets] == [
        (2300.0, 2030),
        (6900.0, 2030),
    ]
    alone = policyparse.parse(
        "1. 指导思想\n坚持发展。\n2. 基本原则\n坚持创新。\n3. 发展目标\n"
        "综合考量发展基础，到2030年，经济实力显著增强。\n地区生产总值突破2300亿元。\n"
    )
    assert [t.year for n in alone.walk() for t in n.targets] == [None]


def test_an_introducing_paragraph_gives_its_year_to_the_parts_after_it() -> None:
    """2023年，…安排如下： before 一、二、: a goals paragraph before its items, which are
    siblings here (no heading holds them), not children."""
    text = (
        "某县关于民生实事安排的意见\n"
        "2023年，县委、县政府将重点抓好一批民生实事，具体安排如下：\n"
        "一、新建农村公路120公里。\n二、改造老旧小区15个。\n"
    )
    assert _targets(text) == [(120.0, 2023, "2023年"), (15.0, 2023, "2023年")]
    # A paragraph that does not introduce them (it ends with 。) passes on nothing.
    plain = text.replace("具体安排如下：", "现印发给你们。")
    assert _targets(plain) == [(120.0, None, None), (15.0, None, None)]


def test_explain_names_the_frame_rules() -> None:
    text = "某市2026年工作要点\n一、发展基础\n（一）成效。建成花园30座。\n二、任务\n（一）培育企业。力争年内培育企业30家。\n"
    rules = {(e.what, e.rule) for e in policyparse.explain(text)}
    assert ("frame", "past_section") in rules
    assert ("frame", "one_year_plan") in rules


def test_a_list_of_one_years_works_dates_its_items() -> None:
    # the sentence before the colon refers back (这) to the one that names the year's plan,
    # in the paragraph above; the items listed after the colon take that year
    text = (
        "会上，代表们票选出2024年十大民生实事项目。\n"
        "这十大民生实事项目分别是：养老工程，新增养老床位200张；交通工程，新建停车位300个。\n"
    )
    doc = policyparse.parse(text)
    got = [(t.value, t.year, t.deadline) for n in doc.walk() for t in n.targets]
    assert got == [(200, 2024, None), (300, 2024, None)]
    # a list whose sentence names no year and refers to none stays undated
    plain = policyparse.parse("主要任务分别是：新增养老床位200张，新建停车位300个。\n")
    assert [t.year for n in plain.walk() for t in n.targets] == [None, None]


def test_synonyms_of_a_years_livelihood_works_name_a_plan_for_one_year() -> None:
    # 惠民实事 and 为民办实事 name the year's works as 民生实事 does, in a title and in the
    # sentence that opens their list with 具体为：
    assert plan_year("2025年某省政府10件惠民实事确定") == 2025
    assert plan_year("某区2024年为民办实事项目") == 2024
    text = "省政府2025年10件惠民实事具体为：一是稳定就业，实现城镇新增就业50万人以上。\n"
    assert _targets(text) == [(50.0, 2025, None)]
    # 具体为 after a sentence naming no plan for one year dates nothing
    assert _targets("主要任务具体为：实现城镇新增就业50万人以上。\n") == [(50.0, None, None)]


def test_a_goals_heading_dates_the_unnumbered_paragraphs_after_it() -> None:
    # a short line opening with a year and naming the goals, no figure of its own: its year
    # governs the paragraphs after it (subheadings too) until one opens with a year of its own
    text = (
        "2020年，全省交通运输工作的主要预期目标有哪些？\n"
        "投资建设方面\n"
        "建成高速公路470公里，新增内河千吨级航道60公里。\n"
        "到2021年，新建普通国省道100公里。\n"
        "新建农村公路500公里。\n"
    )
    assert _targets(text) == [
        (470.0, 2020, "2020年"),
        (60.0, 2020, "2020年"),
        (100.0, 2021, "到2021年"),
        (500.0, None, None),
    ]
    # a line naming no goal dates nothing after it
    assert _targets("2020年，全省：\n建成高速公路470公里。\n") == [(470.0, None, None)]


def test_a_list_naming_its_plan_again_takes_the_year_of_the_sentence_before() -> None:
    # the sentence before 具体为： names the plan for one year again, with no year: it refers
    # to the sentence before it, which dates that plan
    text = (
        "省政府工作报告提出，2021年继续办好“十件民生实事”。\n"
        "“十件民生实事”具体为：新建公办幼儿园100所；改造养老院50个。\n"
    )
    assert _targets(text) == [(100.0, 2021, None), (50.0, 2021, None)]
    # named again after a sentence that dates no plan: nothing to take
    plain = "省政府继续办好“十件民生实事”。\n“十件民生实事”具体为：新建公办幼儿园100所。\n"
    assert _targets(plain) == [(100.0, None, None)]


def test_practical_projects_name_a_plan_for_one_year() -> None:
    assert plan_year("2025年区政府实事项目和重点工程") == 2025
    assert plan_year("2023—2025年实事项目") is None  # a span dates nothing


def test_a_text_with_no_date_announcing_its_year_reads_earlier_years_as_past() -> None:
    # 2020年，济南将…: the year the text speaks of as to come; 2019 is past, 2020 a goal
    text = (
        "从全市民政工作会议上了解到，2020年，济南将完成建设221个养老设施的任务。\n"
        "2019年，新建养老服务设施163个。2020年，新建养老设施221个。\n"
    )
    assert _targets(text) == [(221.0, 2020, "2020年"), (221.0, 2020, "2020年")]
    # no word of the future: no year is known to be past
    plain = "2020年，济南完成建设221个养老设施。\n2019年，新建养老服务设施163个。\n"
    assert [v for v, _, _ in _targets(plain)] == [221.0, 163.0]


def test_a_year_announced_with_a_plan_or_as_this_year_reads_earlier_years_as_past() -> None:
    # 计划 after the year phrase announces it too: the year before it is past
    text = (
        "会议通报，2023年全省新建农村公路10176公里。\n"
        "据介绍，2024年，全省公路系统计划实施村道安防工程3600公里。\n"
    )
    assert _targets(text) == [(3600.0, 2024, "2024年")]
    # 今年 and a word of the future after a year opening a clause: this year comes after it
    now = "2023年我市共新改扩建幼儿园32所，新增学位9000个。\n今年，市教育局将新增学位30000个。\n"
    assert _targets(now) == [(30000.0, None, None)]
    assert announced_year(now) == 2024
    # 今年 with no word of the future, or with no year before it: no year is known to be past
    plain = "2023年我市共新改扩建幼儿园32所。\n今年新增学位30000个。\n"
    assert [v for v, _, _ in _targets(plain)] == [32.0, 30000.0]
    assert announced_year("今年，市教育局将新增学位30000个。") is None


def test_a_meeting_convened_for_a_year_makes_an_earlier_year_a_review() -> None:
    # 召开2020年…工作会议: the text plans 2020; a line opening with 2019 and a colon heads a
    # review, and the paragraphs after it state the past until one with a year of its own
    text = (
        "今天上午，省交通运输厅召开2020年全省交通运输工作会议。\n"
        "2019年，浙江：\n"
        "全省综合交通建设投资3040亿元。\n"
        "2020年，建成高速公路470公里。\n"
    )
    assert announced_year(text) == 2020
    assert _targets(text) == [(470.0, 2020, "2020年")]
    # with no year known to be past, the colon's line dates nothing
    plain = "2019年，浙江：\n全省综合交通建设投资3040亿元。\n"
    assert _targets(plain) == [(3040.0, None, None)]


def test_a_text_about_a_plan_for_one_year_takes_its_year() -> None:
    # the plan's title in 《》 near the top, then the short name the text calls it by
    text = (
        "近日，省领导小组印发《2025年某省青年就业创业支持计划》（以下简称《计划》）。\n"
        "根据《计划》，开发15万个以上政策性岗位。\n"
    )
    assert _targets(text) == [(15.0, 2025, None)]
    # no short name after it: the text quotes the plan, it is not about it
    quoted = "省领导小组印发《2025年某省青年就业创业支持计划》。\n开发15万个以上政策性岗位。\n"
    assert _targets(quoted) == [(15.0, None, None)]
    # a verb of proposing right after the title: the text reports what the plan sets out
    proposed = (
        "省委、省政府发布《关于做好2023年全面推进乡村振兴重点工作的实施意见》提出，"
        "今年的主要目标是：粮食产量保持在1200万吨以上。\n"
    )
    assert _targets(proposed) == [(1200.0, 2023, "今年")]  # 今年 before it: its deadline
    # only the first title the text names can be its subject
    later = (
        "现将《任务分解》《2025年重点工作任务分解》印发给你们。\n"
        "《2025年重点工作任务分解》明确，新建道路10公里。\n"
    )
    assert _targets(later) == [(10.0, None, None)]
    # a plan named for a span dates nothing
    span = "印发《某省2024—2026年就业支持计划》（以下简称《计划》）。\n开发15万个以上政策性岗位。\n"
    assert _targets(span) == [(15.0, None, None)]


def test_a_goals_paragraph_dates_the_dash_lines_after_it_in_a_text_with_no_numbering() -> None:
    # each dash line a paragraph of its own; the first paragraph that is no dash line ends it
    text = (
        "市政府印发方案，其中提到，到2025年，工业增加值超过1.3万亿元，功能地位显著增强。\n"
        "——高端制造引领功能大幅提升。工业产值比重达45%。\n"
        "——数字化转型成效明显。企业数字化比例达80%以上。\n"
        "另外，全市新建公园10个。\n"
    )
    assert _targets(text) == [
        (1.3, 2025, "到2025年"),
        (45.0, 2025, "到2025年"),
        (80.0, 2025, "到2025年"),
        (10.0, None, None),
    ]
    # a paragraph whose end no year governs dates no dash line
    plain = "市政府印发方案，提出主要目标。\n——工业产值比重达45%。\n"
    assert _targets(plain) == [(45.0, None, None)]
