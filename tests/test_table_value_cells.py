"""What an indicator table's value cell says beyond its figure: a comparator word before
it, a scale after it that joins the unit column, a unit of its own that is not the
column's.  Synthetic pipe tables (every form reads cells the same way:
tests/test_table_forms.py); nothing copied from a document."""

from __future__ import annotations

from typing import Any

import policyparse

_HEAD = "| 序号 | 指标 | 单位 | “十五五”目标 | 属性 |\n| --- | --- | --- | --- | --- |\n"


def _cells_a_blank_line_apart(cells: list[str]) -> policyparse.Document:
    """A table printed one cell per line, a blank line between the cells (as pages print)."""
    return policyparse.parse("\n\n".join(cells) + "\n")


def _targets(rows: str) -> list[Any]:
    doc = policyparse.parse("某区“十五五”规划主要指标\n" + _HEAD + rows)
    return [t for n in doc.walk() for t in n.targets]


def test_a_comparator_word_before_the_figure_gives_the_comparator() -> None:
    got = _targets(
        "| 1 | 外贸进出口总额（五年累计） | 亿元 | 超3000亿元 | 预期性 |\n"
        "| 2 | 优良水体比例 | % | 达到或好于Ⅲ类水体比例不低于75 | 约束性 |\n"
    )
    assert [(t.comparator, t.value, t.unit) for t in got] == [
        (">", 3000.0, "亿元"),
        (">=", 75.0, "%"),
    ]


def test_a_scale_after_the_figure_joins_the_unit_column() -> None:
    (t,) = _targets("| 1 | 重大项目开竣工面积 | 平方米 | 800万 | 预期性 |\n")
    assert (t.value, t.unit, t.base_value, t.base_unit) == (800.0, "万平方米", 8000000.0, "平方米")


def test_a_figure_of_another_unit_inside_words_is_no_target_of_the_column() -> None:
    got = _targets(
        "| 1 | 地区生产总值年均增长率 | % | 与全市经济增速保持同步，“十五五”突破2000亿元 | 预期性 |\n"
        "| 2 | 主海塘达标率 | % | ≥73％ | 预期性 |\n"
    )
    assert [(t.indicator, t.value) for t in got] == [("主海塘达标率", 73.0)]


# -- an indicator table with no 序号, its rows ended by the 属性 word --------------------

_ATTRIBUTED = (
    "一、总体目标\n到2030年，节能降碳工作取得明显成效。\n"
    "表 某区“十五五”节能降碳主要指标\n"
    "目标类别\n具体目标内容\n目标值（%）\n指标属性\n"
    "节能降碳\n单位生产总值能耗降低\n完成市级\n下达目标\n约束性\n"
    "建筑领域\n新建民用建筑执行绿色建筑标准比例\n100\n预期性\n"
    "新建大型公共建筑执行三星级标准比例\n100\n预期性[1]\n"
    "公共机构\n办公建筑单位面积碳排放下降率\n3\n预期性\n"
    "二、重点任务\n推进节能改造。\n"
)


def test_rows_ended_by_their_attribute_word_give_one_target_each() -> None:
    doc = policyparse.parse(_ATTRIBUTED)
    got = [
        (t.indicator, t.value, t.unit, t.kind, t.year, t.binding)
        for n in doc.walk()
        for t in n.targets
    ]
    assert got == [
        ("新建民用建筑执行绿色建筑标准比例", 100.0, "%", "level", 2030, False),
        ("新建大型公共建筑执行三星级标准比例", 100.0, "%", "level", 2030, False),
        ("办公建筑单位面积碳排放下降率", 3.0, "%", "decrease", 2030, False),
    ]


def test_the_heading_after_an_attributed_table_opens_its_section() -> None:
    doc = policyparse.parse(_ATTRIBUTED)
    assert [(n.label, n.title) for n in doc.walk() if n.label] == [
        ("一、", "总体目标"),
        ("二、", "重点任务"),
    ]


def test_a_table_with_a_serial_column_is_read_once() -> None:
    text = (
        "某区“十五五”主要指标\n序号\n指标\n单位\n“十五五”目标\n属性\n"
        "1\n科技小巨人企业\n家\n150\n预期性\n2\n优良水体比例\n%\n不低于75\n约束性\n"
    )
    got = [
        (t.indicator, t.comparator, t.value)
        for n in policyparse.parse(text).walk()
        for t in n.targets
    ]
    assert got == [("科技小巨人企业", "=", 150.0), ("优良水体比例", ">=", 75.0)]


def test_a_unit_column_saying_none_leaves_a_bracket_of_the_name_alone() -> None:
    (t, u) = _targets(
        "| 1 | 城市生物多样性指数（鸟类） | / | 0.6 | 预期性 |\n| 2 | 森林覆盖率* | % | 14.6 | 约束性 |\n"
    )
    assert (t.value, t.unit, t.base_unit) == (0.6, None, None)
    assert (u.indicator, u.value, u.unit) == ("森林覆盖率", 14.6, "%")


def test_a_value_equal_to_the_next_row_number_is_the_value_when_its_attribute_follows() -> None:
    """One cell per line, a group cell merged down: row 3's value is 4, the number of
    row 4; the 属性 word after it says it is a value, not where row 4 starts."""
    doc = policyparse.parse(
        "某区“十四五”规划主要指标\n"
        "序号\n类型\n指标名称\n指标单位\n2025年目标值\n属性\n"
        "1\n保护修缮\n历史建筑修缮面积\n万平方米\n30\n约束性\n"
        "2\n文化传承\n文物保护建筑修缮改造\n处\n3\n预期性\n"
        "3\n线下走读线路数\n条\n5\n预期性\n"
        "4\n民生改善\n老旧住房修缮面积\n万平方米\n100\n预期性\n"
    )
    got = [(t.indicator, t.value, t.unit, t.year) for n in doc.walk() for t in n.targets]
    assert got == [
        ("历史建筑修缮面积", 30.0, "万平方米", 2025),
        ("文物保护建筑修缮改造", 3.0, "处", 2025),
        ("线下走读线路数", 5.0, "条", 2025),
        ("老旧住房修缮面积", 100.0, "万平方米", 2025),
    ]


_SENTENCES = (
    "一、发展目标\n到2025年，应急能力显著提高。\n"
    "“十四五”期间主要指标\n"  # the caption, no column of the header below
    "类别\n指标内容\n2025年规划值\n指标属性\n"
    "监测\n预警\n能力\n"  # a group cell printed a word per line
    "地震监测能力\n城区达到0.8级，周边地区达到1.5级\n约束性\n"
    "地震速报水平\n1分钟内完成自动速报\n约束性\n"
    "应急\n服务\n能力\n"
    "应急响应保障水平\n震后20分钟内提供快速评估结果\n预期性\n"
    "风险区划图\n1：25万图\n约束性\n"
    "公众满意度\n不低于90分\n预期性\n"
    "二、主要任务\n加强监测。\n"
)


def test_a_target_cell_in_words_is_read_as_prose_under_its_columns_year() -> None:
    """A table with no unit column whose cells say their goal in a sentence: each is read
    as prose (a response time, minutes before 内), its targets dated by the column; a map's
    scale (1：25万图) is no amount; a group cell wrapped a word per line stays one cell."""
    doc = policyparse.parse(_SENTENCES)
    got = [
        (t.indicator, t.comparator, t.value, t.unit, t.year) for n in doc.walk() for t in n.targets
    ]
    assert got == [
        ("完成自动速报", "<=", 1.0, "分钟", 2025),
        ("提供快速评估结果", "<=", 20.0, "分钟", 2025),
        ("公众满意度", ">=", 90.0, "分", 2025),
    ]


def test_a_goals_table_with_rows_ended_by_their_measure_type() -> None:
    """指标名称 | 目标 | 指标类型 (the last label wrapped: 指标 / 类型), rows ended by 定量 or
    定性, a name wrapped over two lines; the paragraph before it names the year (its last
    year phrase), and the words after a figure are no unit."""
    doc = policyparse.parse(
        "二、改革目标\n"
        "2025年底前完成设施移交。2026年底前实现一体化运维管理，达到如下运营管理目标：\n"
        "指标名称\n目标\n指标\n类型\n"
        "管道养护\n抽查合格率\n95%（含）以上（积泥深度不超过管径10%为合格）\n定量\n"
        "污水收集\n处理水平\n泵站放江符合管控要求\n定量\n"
        "防汛抢险\n处置效率\n道路标准以内降雨不发生积水\n定性\n"
        "三、改革任务\n推进移交。\n"
    )
    got = [
        (t.indicator, t.comparator, t.value, t.unit, t.year) for n in doc.walk() for t in n.targets
    ]
    assert got == [("管道养护抽查合格率", ">=", 95.0, "%", 2026)]


def test_a_group_header_over_two_year_columns_and_a_figure_like_a_heading() -> None:
    """类别 | 序号 | 指标名称 | 单位 | 属性 | “十五五”目标 over 2030年 | 年均【累计】, one cell
    per line a blank line apart: the group header is no column of its own, the yearly
    column takes the year 2030, and a figure such as 4.1左右 after the section 3. is a
    value, no heading 4."""
    cells = [
        "1. 指导思想", "坚持高质量发展。", "2. 基本原则", "坚持创新驱动。",
        "3. 发展目标", "到2030年，经济实力显著增强。",
        "表1  某区“十五五”主要指标",
        "类别", "序号", "指标名称", "单位", "属性", "“十五五”目标", "2030年", "年均【累计】",
        "经济发展", "1", "规上服务业营收年均增长率", "%", "预期性", "—", "8",
        "2", "研发经费支出相当于地区生产总值比例", "%", "预期性", "4.1左右", "—",
        "3", "新增高新技术企业数", "家", "预期性", "—", "【累计300】",
        "4. 主要任务", "推进创新。",
    ]  # fmt: skip
    doc = _cells_a_blank_line_apart(cells)
    got = [
        (t.indicator, t.value, t.unit, t.year, t.period)
        for n in doc.walk()
        for t in n.targets
        if t.text in ("8", "4.1左右", "【累计300】")
    ]
    assert got == [
        ("规上服务业营收年均增长率", 8.0, "%", 2030, None),
        ("研发经费支出相当于地区生产总值比例", 4.1, "%", 2030, None),
        ("新增高新技术企业数", 300.0, "家", 2030, "累计"),
    ]
    assert [n.label for n in doc.walk() if n.label] == ["1.", "2.", "3.", "4."]


def test_values_per_item_a_bracket_that_is_no_unit_and_a_heading_after_the_last_row() -> None:
    """序号 | 类别 | 指标项 | 现状值 | 目标 | 类型, one cell per line, units in the cells: a name
    listing two items with one value each (98%、98%), a closing bracket naming no unit
    ((MQI)), and a heading right after the last row's 属性 word ending the table."""
    text = (
        "一、发展基础\n成效显著。\n二、面临形势\n机遇与挑战并存。\n三、发展目标\n"
        "表1 某区“十五五”交通发展主要指标\n"
        "序号\n类别\n指标项\n现状值\n“十五五”规划目标\n类型\n"
        "1\n品质类\n县道、乡村道优良路率(MQI)\n95%、95%\n98%、98%\n约束性\n"
        "2\n新增公共停车泊位\n/\n5000个\n预期性\n"
        "四、发展思路\n围绕建设要求推进。\n"
    )
    doc = policyparse.parse(text)
    got = [(t.value, t.unit, t.year) for n in doc.walk() for t in n.targets]
    assert got == [(98.0, "%", 2030), (98.0, "%", 2030), (5000.0, "个", 2030)]
    assert [n.title for n in doc.walk() if n.label == "四、"] == ["发展思路"]


def test_column_labels_over_three_lines_and_a_name_over_two() -> None:
    """序号 | 指标名称 | 单位 | 属性 | 某区 / “十四五” / 现状 | 某区 / “十五五” / 指标, one cell
    per line a blank line apart, rows of six cells: the labels of a column joined (a place,
    the period, its word), so the base stays a baseline; a name wrapped over two lines
    (生活垃圾资源化 / 利用率) is one name and its row keeps its target; a dash for the base."""
    cells = [
        "四、规划目标", "（一）具体指标", "表2 某区“十五五”绿化市容主要指标",
        "序号", "指标名称", "单位", "属性", "某区", "“十四五”", "现状", "某区", "“十五五”", "指标",
        "1", "人均公园绿地面积", "平方米", "约束性", "7.3", "8.6",
        "2", "生活垃圾资源化", "利用率", "%", "预期性", "86.98", "87",
        "3", "建筑垃圾综合利用率", "%", "预期性", "－", "95",
        "五、主要任务", "（一）提升生态品质", "1.完善公园体系", "新改建各类公园6座以上。",
    ]  # fmt: skip
    doc = _cells_a_blank_line_apart(cells)
    got = [
        (t.indicator, t.value, t.unit, t.year, t.baseline.value if t.baseline else None)
        for n in doc.walk()
        for t in n.targets
        if t.year == 2030
    ]
    assert got == [
        ("人均公园绿地面积", 8.6, "平方米", 2030, 7.3),
        ("生活垃圾资源化利用率", 87.0, "%", 2030, 86.98),
        ("建筑垃圾综合利用率", 95.0, "%", 2030, None),
    ]
    assert [n.label for n in doc.walk() if n.label == "1."] == ["1."]  # 1.完善… a heading


def test_rows_ended_by_their_attribute_with_units_and_notes_in_bracket_lines() -> None:
    """指标名称 | 2025年 | 2030年 | 指标性质, no 序号, one cell per line: a unit in a bracket
    on the line under the name (（平方公里）), a note under the base figure
    (（2021年-2025年）), a name over two lines before its two figures, a base figure such as
    12.6 (no heading 12.): one target per row, the base its baseline."""
    cells = [
        "一、总体要求", "到2030年，土地利用效率进一步提高。", "表1 某市土地管理主要指标",
        "指标名称", "2025年", "2030年", "指标性质",
        "建设用地总规模", "（平方公里）", "3139", "≤3200", "约束性",
        "年均土地供应规模", "（平方公里）", "36", "（2021年-2025年）", "35-40", "预期性",
        "年均低效建设用地", "减量化规模（平方公里）", "12.6", "（2021年-2025年）", "7左右", "预期性",
        "二、主要任务", "（一）加强管理。完善制度。",
    ]  # fmt: skip
    doc = _cells_a_blank_line_apart(cells)
    got = [
        (t.indicator, t.comparator, t.value, t.value_max, t.unit, t.year)
        for n in doc.walk()
        for t in n.targets
        if t.text in ("≤3200", "35-40", "7左右")
    ]
    assert got == [
        ("建设用地总规模", "<=", 3200.0, None, "平方公里", 2030),
        ("年均土地供应规模", "range", 35.0, 40.0, "平方公里", 2030),
        ("年均低效建设用地减量化规模", "~", 7.0, None, "平方公里", 2030),
    ]


def test_a_cell_of_several_labelled_figures_gives_one_target_each() -> None:
    """A label and a colon before each figure, the label bracketed after it, or words
    before it: one target per figure, the label kept with the indicator.  A cell whose
    second part holds no figure, or a figure with no label, stays one target."""
    got = _targets(
        "| 1 | 千亿产业集群规模 | 亿元 | 信息技术：1300亿元<br>现代物流：5500亿元 | 预期性 |\n"
        "| 2 | 研究生学历教师比例 | % | ≥30（初中）<br>≥55（高中） | 预期性 |\n"
        "| 3 | 抗震设防达标率 | % | 城市100%，农村70% | 约束性 |\n"
        "| 4 | 绿色建筑占比 | % | 60，力争更高 | 预期性 |\n"
        "| 5 | 污水处理率 | % | 98<br>（其中市区99） | 约束性 |\n"
    )
    assert [(t.indicator, t.comparator, t.value, t.unit) for t in got] == [
        ("千亿产业集群规模（信息技术）", "=", 1300.0, "亿元"),
        ("千亿产业集群规模（现代物流）", "=", 5500.0, "亿元"),
        ("研究生学历教师比例（初中）", ">=", 30.0, "%"),
        ("研究生学历教师比例（高中）", ">=", 55.0, "%"),
        ("抗震设防达标率（城市）", "=", 100.0, "%"),
        ("抗震设防达标率（农村）", "=", 70.0, "%"),
        ("绿色建筑占比", "=", 60.0, "%"),
        ("污水处理率", "=", 98.0, "%"),
    ]


def test_a_row_one_cell_short_after_an_empty_mark_takes_the_next_line() -> None:
    """One cell per line with a group column printed on a group's first row only: a row
    whose 2030年 cell is — and whose 年均【累计】 cell follows on the next line keeps that
    cell (【累计300】 is no group label); a row short of a merged cell and ending in a
    figure leaves the next group's label alone."""
    doc = policyparse.parse(
        "一、主要目标\n到2030年，主要指标如下。\n"
        "表1 某区“十五五”主要指标\n"
        "类别\n序号\n指标名称\n单位\n属性\n“十五五”目标\n2030年\n年均【累计】\n"
        "科技创新\n1\n研发经费投入强度\n%\n预期性\n4.1左右\n—\n"
        "2\n新增高新技术企业数\n家\n预期性\n—\n【累计300】\n"
        "民生福祉\n3\n失业人员再就业人数\n人\n约束性\n—\n每年6900\n"
        "4\n居民健康素养水平\n%\n预期性\n≥48\n—\n"
        "二、主要任务\n（一）推进工作。\n"
    )
    got = [(t.indicator, t.value, t.unit) for n in doc.walk() for t in n.targets]
    assert got == [
        ("研发经费投入强度", 4.1, "%"),
        ("新增高新技术企业数", 300.0, "家"),
        ("失业人员再就业人数", 6900.0, "人"),
        ("居民健康素养水平", 48.0, "%"),
    ]


def test_value_labels_over_years_printed_on_lines_of_their_own() -> None:
    """指标值 over 现状 / 近期规划, each year bracketed on a line of its own: the first year
    is the base, the second the target; a rate unit (平方米/人) is the unit cell, not the
    name; a row one cell short ending in its base figure takes the next line (动态调整: a
    value in words, no target) instead of reading it as the next group's label."""
    doc = policyparse.parse(
        "一、总体要求\n到2030年，空间格局持续优化。\n"
        "专栏1 某区国土空间近期规划核心指标表\n"
        "指标类别\n序号\n指标项\n单位\n类型\n指标值\n现状\n近期规划\n（2025年）\n（2030年）\n"
        "发展规模\n1\n建设用地总规模\n平方千米\n约束性\n53.75\n53.74\n"
        "2\n住宅用地面积\n平方千米\n预期性\n20.26\n动态调整\n"
        "生态宜居\n3\n人均公园绿地面积\n平方米/人\n约束性\n6.07\n6.24\n"
        "4\n养老床位数占老年人口比例\n%\n约束性\n/\n2.5\n"
        "二、重点任务\n（一）优化空间布局。\n"
    )
    got = [
        (t.indicator, t.value, t.unit, t.year, t.baseline.value if t.baseline else None)
        for n in doc.walk()
        for t in n.targets
    ]
    assert got == [
        ("建设用地总规模", 53.74, "平方千米", 2030, 53.75),
        ("人均公园绿地面积", 6.24, "平方米/人", 2030, 6.07),
        ("养老床位数占老年人口比例", 2.5, "%", 2030, None),
    ]


# -- a county's table: group headings, numbered names, rows with parts ----------------

_COUNTY_LINES = [
    "一、发展目标", "到2025年，教育发展水平进一步提高。", "表1 某县教育事业主要指标",
    "指  标", "2020年", "2025年", "属性",
    "一、普及水平", "     ",
    "1.学前教育毛入园率(%)", "96%", "98%以上", "约束性",
    "2.平均受教育年限(年)", "10.8年", "11.5年以上", "约束性",
    "二、办学条件", "     ",
    "1.标准化学校比例(%)", "其中:小学", "初中", "70.5%", "62.1%", "85%以上", "80%以上", "预期性",
    "2.专任教师本科学历比例(%)", "其中:研究生学历比例(%)", "88.2%", "3.1%", "95%", "6%", "预期性",
    "二、主要任务", "（一）扩大资源。新建幼儿园3所。",
]  # fmt: skip

_COUNTY_PIPE = (
    "一、发展目标\n到2025年，教育发展水平进一步提高。\n表1 某县教育事业主要指标\n"
    "| 指标 | 2020年 | 2025年 | 属性 |\n| --- | --- | --- | --- |\n"
    "| 一、普及水平 | | | |\n"
    "| 学前教育毛入园率(%) | 96% | 98%以上 | 约束性 |\n"
    "| 平均受教育年限(年) | 10.8年 | 11.5年以上 | 约束性 |\n"
    "| 二、办学条件 | | | |\n"
    "| 小学 | 70.5% | 85%以上 | 预期性 |\n| 初中 | 62.1% | 80%以上 | 预期性 |\n"
    "| 专任教师本科学历比例(%) | 88.2% | 95% | 预期性 |\n"
    "| 研究生学历比例(%) | 3.1% | 6% | 预期性 |\n"
    "二、主要任务\n（一）扩大资源。新建幼儿园3所。\n"
)


def _table_targets(doc: policyparse.Document) -> list[tuple[Any, ...]]:
    return [
        (t.indicator, t.comparator, t.value, t.unit, t.year, t.baseline.value)
        for n in doc.walk()
        for t in n.targets
        if t.baseline is not None
    ]


def test_group_headings_numbered_names_and_rows_with_parts_printed_names_first() -> None:
    """指标 | 2020年 | 2025年 | 属性 one cell per line, as a county's page prints it: a group
    heading between rows (一、普及水平, then a line of spaces), names numbered 1., 2., and
    rows with parts (其中) printing their names first and their figures a column at a time:
    one target per name, the whole's own figures (专任教师…95%) its own, a whole with none
    (标准化学校比例) none; the same targets as the table printed row by row."""
    doc = _cells_a_blank_line_apart(_COUNTY_LINES)
    got = _table_targets(doc)
    assert got == [
        ("学前教育毛入园率", ">=", 98.0, "%", 2025, 96.0),
        ("平均受教育年限", ">=", 11.5, "年", 2025, 10.8),
        ("小学", ">=", 85.0, "%", 2025, 70.5),
        ("初中", ">=", 80.0, "%", 2025, 62.1),
        ("专任教师本科学历比例", "=", 95.0, "%", 2025, 88.2),
        ("研究生学历比例", "=", 6.0, "%", 2025, 3.1),
    ]
    assert got == _table_targets(policyparse.parse(_COUNTY_PIPE))
    assert [n.title for n in doc.walk() if n.label == "（一）"] == ["扩大资源"]


def test_a_row_that_opens_with_its_number_lost_its_group_cell_and_names_no_unit() -> None:
    """类别 | 序号 | 指标名称 | 单位 | 2025年, a group cell merged over the rows: a row
    printing its number first (15 | 出生人口性别比 | <109 | |) stands from the 序号 column
    on, and one that prints no unit has none, not the unit of the row above."""
    doc = policyparse.parse(
        "表1 主要指标\n类别 | 序号 | 指标名称 | 单位 | 2025年 |\n"
        "健康水平 | 1 | 人均期望寿命 | 岁 | 83 |\n"
        "2 | 婴儿死亡率 | ‰ | <5 | |\n"
        "3 | 老年人健康管理服务率 | % | ≥72 | |\n"
        "4 | 出生人口性别比 | <109 | ||\n"
    )
    got = [(t.indicator, t.comparator, t.value, t.unit) for n in doc.walk() for t in n.targets]
    assert got == [
        ("人均期望寿命", "=", 83, "岁"),
        ("婴儿死亡率", "<", 5, "‰"),
        ("老年人健康管理服务率", ">=", 72, "%"),
        ("出生人口性别比", "<", 109, None),
    ]


def test_a_weight_column_and_the_year_of_the_tables_edition_give_nothing() -> None:
    """权重 and 数据提供部门 are remarks (no targets, no units); a caption's year of the
    table's edition ((2013年修订，讨论稿)) dates no target column."""
    doc = policyparse.parse(
        "某省基本实现现代化指标体系\n（2013年修订，讨论稿）\n"
        "| 序号 | 指标名称 | 单位 | 目标值 | 权重 | 数据提供部门 |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| 1 | 城镇化率 | % | 75 | 3 | 统计局 |\n"
        "| 2 | 研发经费支出占GDP比重 | % | 3 | 4 | 科技厅、统计局 |\n"
    )
    got = [(t.indicator, t.value, t.unit, t.year) for n in doc.walk() for t in n.targets]
    assert got == [("城镇化率", 75, "%", None), ("研发经费支出占GDP比重", 3, "%", None)]
    assert [u for n in doc.walk() for u in n.responsible_units] == []
    dated = policyparse.parse(
        "某省2015年主要指标\n| 序号 | 指标名称 | 单位 | 目标值 |\n| --- | --- | --- | --- |\n"
        "| 1 | 城镇化率 | % | 75 |\n"
    )
    assert [t.year for n in dated.walk() for t in n.targets] == [2015]
