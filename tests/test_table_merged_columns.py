"""Task tables whose columns were merged down, printed one cell per line: a group title
with no number above the rows, a 事项 column printed on its group's first row only, unit
cells merged over several rows.  Synthetic; nothing copied from a document."""

from __future__ import annotations

import policyparse

# The group title is longer than a header label (12 characters at most: layout/lines.py),
# so it is not read as one more column of the header above it.
_TABLE = (
    "附表1\n任务分工表\n序号\n事项\n工作措施\n责任单位\n"
    "推进实施“交通+光伏”示范工程\n"
    "1\n“光伏+地铁”工程\n利用既有车站屋顶建设光伏项目\n某地铁集团\n"
    "2\n新建车站屋顶光伏覆盖面积达到50%\n"
    "3\n探索光伏建筑一体化项目\n"
    "4\n“光伏+铁路”工程\n对符合条件的既有站点进行光伏改造\n某铁路局\n"
    "5\n新建新线新站预留安装光伏的条件\n"
)


def test_a_group_title_without_a_number_above_the_rows_opens_no_row_and_ends_nothing() -> None:
    doc = policyparse.parse(_TABLE)
    assert [n.path for n in doc.walk() if n.path] == ["A1", "A1.1", "A1.2", "A1.3", "A1.4", "A1.5"]


def test_a_column_merged_down_groups_the_rows_and_the_next_column_titles_them() -> None:
    doc = policyparse.parse(_TABLE)
    titles = {n.path: n.title for n in doc.walk() if n.path}
    assert titles["A1.1"] == "利用既有车站屋顶建设光伏项目"
    assert titles["A1.2"] == "新建车站屋顶光伏覆盖面积达到50%"
    assert titles["A1.4"] == "对符合条件的既有站点进行光伏改造"


def test_a_row_whose_unit_cell_was_merged_above_names_no_unit_of_its_own() -> None:
    doc = policyparse.parse(_TABLE)
    units = {n.path: [u.name for u in n.responsible_units] for n in doc.walk() if n.path}
    assert units["A1.1"] == ["某地铁集团"]
    assert units["A1.2"] == [] and units["A1.3"] == []
    assert units["A1.4"] == ["某铁路局"]
    row2 = next(n for n in doc.walk() if n.path == "A1.2")
    assert [(t.value, t.unit) for t in row2.targets] == [(50.0, "%")]


def test_a_task_column_printed_on_every_row_keeps_titling_its_rows() -> None:
    text = (
        "附表1\n任务分工表\n序号\n重点任务\n工作措施\n责任单位\n"
        "1\n建设智慧平台\n建成平台并接入数据\n区大数据局\n"
        "2\n完善监测网络\n新建监测站10个\n区生态环境局\n"
    )
    titles = {n.path: n.title for n in policyparse.parse(text).walk() if n.path}
    assert titles["A1.1"] == "建设智慧平台" and titles["A1.2"] == "完善监测网络"


def test_group_rows_of_the_serial_column_hold_the_rows_after_them() -> None:
    # 一 / its title, then rows numbered on through the groups: 1, 2 / 二 / 3.
    text = (
        "附件\n某区2026年重点工作任务分工表\n序号\n重点任务\n具体工作\n时间进度\n责任部门\n"
        "一\n推进碳达峰碳中和综合管理\n"
        "1\n全面实施碳排放双控制度\n全年推进\n发展改革委、生态环境局\n"
        "2\n编制温室气体排放清单\n年内完成\n生态环境局\n"
        "二\n持续推动节能降碳增效\n"
        "3\n开展重点用能单位节能目标责任考核\n三季度完成\n发展改革委\n"
    )
    doc = policyparse.parse(text)
    nodes = [(n.path, n.label, n.title) for n in doc.walk() if n.path]
    assert nodes == [
        ("A1", "附件", "某区2026年重点工作任务分工表"),
        ("A1.1", "一", "推进碳达峰碳中和综合管理"),
        ("A1.1.1", "1", "全面实施碳排放双控制度"),
        ("A1.1.2", "2", "编制温室气体排放清单"),
        ("A1.2", "二", "持续推动节能降碳增效"),
        ("A1.2.3", "3", "开展重点用能单位节能目标责任考核"),
    ]
    units = {n.path: [u.name for u in n.responsible_units] for n in doc.walk() if n.path}
    assert units["A1.1"] == [] and units["A1.1.1"] == ["发展改革委", "生态环境局"]


def test_a_group_labelled_by_a_word_and_a_numeral_holds_the_rows_after_it() -> None:
    text = (
        "附件\n某区城市更新行动重点任务清单\n序号\n工作任务\n推进单位\n"
        "行动一：再造发展新极行动\n"
        "1\n推进走马塘片区规划研究\n区规划资源局\n2\n推进大徐家阁地区规划研究\n区发展改革委\n"
        "行动二：重塑美丽新居行动\n"
        "3\n完成既有多层住宅加装电梯700台\n区房管局\n"
    )
    doc = policyparse.parse(text)
    nodes = [(n.path, n.label, n.title) for n in doc.walk() if n.path]
    assert nodes[1:] == [
        ("A1.1", "行动一", "再造发展新极行动"),
        ("A1.1.1", "1", "推进走马塘片区规划研究"),
        ("A1.1.2", "2", "推进大徐家阁地区规划研究"),
        ("A1.2", "行动二", "重塑美丽新居行动"),
        ("A1.2.3", "3", "完成既有多层住宅加装电梯700台"),
    ]


def test_numbered_lists_in_year_cells_an_empty_remark_column_and_a_merged_task() -> None:
    """One cell per line under 序号 | 内容 | 牵头部门 | 配合部门 | 2024年工作任务 |
    2025年工作计划 | 备注: a year cell holds a numbered list (1. / 2. runs on, the next 1.
    opens the next cell), 备注 is never printed, and a row whose 内容 was merged with the
    row above is titled by its first year cell."""
    text = (
        "附件\n某市综合交通建设任务分解表\n"
        "序号\n内容\n牵头部门\n配合部门\n2024年工作任务\n2025年工作计划\n备注\n"
        "1\n编制综合交通规划\n综合规划处\n委内各相关处室\n"
        "1.完善规划基本思路。\n2.编制都市圈交通规划。\n"
        "1.启动规划编制。\n2.深化规划成果。\n"
        "2\n推进快速路建设\n交通建设处\n设施养护处\n推进甲路快速路建设。\n推进乙路快速路建设。\n"
        "3\n交通建设处\n—\n推进丙路隧道建设。\n推进丁路隧道建设。\n"
    )
    doc = policyparse.parse(text)
    rows = [
        (n.path, n.title, [(u.name, u.role) for u in n.responsible_units])
        for n in doc.walk()
        if n.path and n.path.startswith("A1.")
    ]
    assert rows == [
        ("A1.1", "编制综合交通规划", [("综合规划处", "lead"), ("委内各相关处室", "cooperating")]),
        ("A1.2", "推进快速路建设", [("交通建设处", "lead"), ("设施养护处", "cooperating")]),
        ("A1.3", "推进丙路隧道建设", [("交通建设处", "lead")]),
    ]


def test_group_cells_before_the_number_and_units_merged_over_rows() -> None:
    """任务类型 | 序号 | 工作任务 | 推进单位, one cell per line: a sub-category printed before
    its first row's number only, a unit cell printed on the first row it covers only, and a
    unit cell or a group cell right before the next number told apart by what it holds."""
    text = (
        "附件\n某区城市更新重点任务清单\n任务类型\n序号\n工作任务\n推进单位\n"
        "行动一：美丽家园行动\n"
        "旧区改造\n1\n完成零星旧里改造\n区房管局、各相关街镇\n"
        "2\n推进老旧住房成套改造\n"
        "3\n完成加装电梯700台\n"
        "公共空间优化\n4\n完成公园改造\n区绿化市容局\n"
        "5\n新建口袋公园9座\n"
        "设施提升\n6\n完成燃气管道改造约36公里\n区建设管理委\n"
    )
    doc = policyparse.parse(text)
    rows = [
        (n.path, n.title, [u.name for u in n.responsible_units])
        for n in doc.walk()
        if n.path and n.path.startswith("A1.1.")
    ]
    assert rows == [
        ("A1.1.1", "完成零星旧里改造", ["区房管局", "各相关街镇"]),
        ("A1.1.2", "推进老旧住房成套改造", []),
        ("A1.1.3", "完成加装电梯700台", []),
        ("A1.1.4", "完成公园改造", ["区绿化市容局"]),
        ("A1.1.5", "新建口袋公园9座", []),
        ("A1.1.6", "完成燃气管道改造约36公里", ["区建设管理委"]),
    ]


def test_rows_numbered_again_under_each_group_with_sub_rows_and_a_header_reprinted() -> None:
    """序号 | 工作任务 | 主要工作内容 | 牵头单位 | 配合单位, one cell per line: group rows
    — (一 as a converter printed it) and 二, rows （一）（二） numbered again under each,
    a second measure of a row printed as a row with no number (its own units), and the
    header printed again at a page break."""
    text = (
        "附件3\n某区实施意见任务职责分工表\n序号\n工作任务\n主要工作内容\n牵头单位\n配合单位\n"
        "—\n构建处置体系\n"
        "（一）\n推动源头减量\n增加土方平衡内容。\n区规划资源局\n区水务局和属地街镇\n"
        "（二）\n建设转运码头\n建设转运码头。\n区建设管理委\n——\n"
        "开展码头备案工作。\n区绿化市容局\n——\n"
        "二\n构建监管体系\n"
        "（一）\n加强备案管理\n落实备案制度。\n区绿化市容局\n区建设管理委\n"
        "序号\n工作任务\n主要工作内容\n牵头单位\n配合单位\n"
        "（二）\n加强源头监管\n落实工地监督。\n区城运中心\n区数据局\n"
    )
    doc = policyparse.parse(text)
    rows = [
        (n.path, n.label, n.title, [(u.name, u.role, u.generic) for u in n.responsible_units])
        for n in doc.walk()
        if n.path and n.path.startswith("A3.")
    ]
    assert rows == [
        ("A3.1", "—", "构建处置体系", []),
        ("A3.1.1", "（一）", "推动源头减量", [
            ("区规划资源局", "lead", False),
            ("区水务局", "cooperating", False),
            ("属地街镇", "cooperating", True),
        ]),
        ("A3.1.2", "（二）", "建设转运码头", [
            ("区建设管理委", "lead", False),
            ("区绿化市容局", "lead", False),
        ]),
        ("A3.2", "二", "构建监管体系", []),
        ("A3.2.1", "（一）", "加强备案管理", [
            ("区绿化市容局", "lead", False),
            ("区建设管理委", "cooperating", False),
        ]),
        ("A3.2.2", "（二）", "加强源头监管", [
            ("区城运中心", "lead", False),
            ("区数据局", "cooperating", False),
        ]),
    ]  # fmt: skip


def test_yearly_figures_of_a_task_row_and_a_numbered_group_cell() -> None:
    """类别 | 序号 | 主要任务 | 节点 | 指标数 | 责任单位 | 配合单位, cells a blank line apart:
    a group cell that prints its number (1. / 分 / 类 …, printed again after a page
    break), rows numbered anew under it, and per row one year and its figure, the later
    years on rows of their own after the units."""
    cells = [
        "附件", "某区垃圾分类行动计划任务清单（2018-2020年）",
        "类别", "序号", "主要任务", "节点", "指标数", "责任单位", "配合单位",
        "1.\n分\n类", "1", "创建达标分类小区（累计数）", "2018年", "345个", "各街道办事处", "区文明办",
        "2019年", "440个", "2020年", "618个",
        "2.\n收\n运", "2.\n收\n运", "1", "湿垃圾日处置能力", "2018年", "634吨/日", "区绿化市容局",
        "2019年", "581吨/日",
    ]  # fmt: skip
    doc = policyparse.parse("某区计划\n一、任务\n推进分类。\n" + "\n\n".join(cells) + "\n")
    nodes = [(n.path, n.title) for n in doc.walk() if n.path and n.path.startswith("A1.")]
    assert nodes == [
        ("A1.1", "分类"),
        ("A1.1.1", "创建达标分类小区（累计数）"),
        ("A1.2", "收运"),
        ("A1.2.1", "湿垃圾日处置能力"),
    ]
    got = [
        (n.path, t.value, t.unit, t.year)
        for n in doc.walk()
        if n.path and n.path.startswith("A1.")
        for t in n.targets
    ]
    assert got == [
        ("A1.1.1", 345.0, "个", 2018),
        ("A1.1.1", 440.0, "个", 2019),
        ("A1.1.1", 618.0, "个", 2020),
        ("A1.2.1", 634.0, "吨/日", 2018),
        ("A1.2.1", 581.0, "吨/日", 2019),
    ]
    units = {n.path: [(u.name, u.role) for u in n.responsible_units] for n in doc.walk() if n.path}
    assert units["A1.1.1"] == [("各街道办事处", "responsible"), ("区文明办", "cooperating")]


def test_a_task_table_whose_rows_print_no_number_gives_its_units_to_the_annex() -> None:
    """序号 | 任务名称 | 任务内容 | 责任单位 | 配合单位, the 序号 column left empty on every
    row: no row opens a measure (a row with no number continues nothing), and the units of
    every row belong to the node the table stands in (the annex)."""
    text = (
        "某区工作方案\n一、工作任务\n（一）深化宣传。开展宣传活动。\n"
        "附件1：某区重点任务清单\n序号\n任务名称\n任务内容\n责任单位\n配合单位\n"
        "深入开展宣传教育\n将垃圾分类知识融入课堂教学。\n区教育局、团区委\n各街镇\n"
        "开展常态化宣传培训。\n各街镇\n/\n"
        "完善收运体系\n推动固体废弃物流转平台建设。\n区绿化市容局\n城发集团、各街镇\n"
    )
    doc = policyparse.parse(text)
    annex = next(n for n in doc.walk() if n.path == "A1")
    assert [n.path for n in doc.walk() if n.path and n.path.startswith("A1.")] == []
    assert [(u.name, u.role) for u in annex.responsible_units] == [
        ("区教育局", "responsible"),
        ("团区委", "responsible"),
        ("各街镇", "cooperating"),
        ("各街镇", "responsible"),
        ("区绿化市容局", "responsible"),
        ("城发集团", "cooperating"),
        ("各街镇", "cooperating"),
    ]


def test_labels_named_by_a_qualifier_and_a_group_cell_printed_on_every_row() -> None:
    """改革领域 | 序号 | 改革事项 | 落实推进单位: a group column and a unit column named by
    a few characters before their word; the group printed again on every row, a group
    named like a place (获取经营场所) no unit; 各街道、镇 one generic unit.  And a table in
    the body titled by its field (序号 | 创建领域 | 责任单位)."""
    doc = policyparse.parse(
        "某区优化营商环境工作方案\n一、工作目标\n打造营商环境特色品牌。\n二、创建品牌\n"
        "序号\n创建领域\n责任单位\n1\n知识产权保护\n区市场监管局\n2\n企业服务\n各部门、各街道、镇\n"
        "附件\n某区营商环境建设任务分工表\n"
        "改革领域\n序号\n改革事项\n落实推进单位\n"
        "市场准入\n1\n推进企业登记注册便利化。\n区市场监管局\n"
        "市场准入\n2\n实施小型餐饮备案。\n各街道、镇\n"
        "获取经营场所\n3\n深化一体化改革。\n区规划资源局\n"
    )
    got = [
        (n.path, n.title, [(u.name, u.generic) for u in n.responsible_units])
        for n in doc.walk()
        if n.style == "table_row"
    ]
    assert got == [
        ("2.1", "知识产权保护", [("区市场监管局", False)]),
        ("2.2", "企业服务", [("各部门", True), ("各街道、镇", True)]),
        ("A1.1", "推进企业登记注册便利化", [("区市场监管局", False)]),
        ("A1.2", "实施小型餐饮备案", [("各街道、镇", True)]),
        ("A1.3", "深化一体化改革", [("区规划资源局", False)]),
    ]


def test_a_unit_cell_printed_one_body_per_line_keeps_the_deadline_after_it() -> None:
    # 序号 | 民生实事 | 责任单位 | 完成时限, one cell per line; rows 1 and 3 print their unit cell
    # one body per line, so the lines of a row outnumber the columns.
    text = (
        "附件\n年度民生实事任务分解表\n序号\n民生实事\n责任单位\n完成时限\n"
        "1\n启动建设某河综合治理工程。\n县水务局\n县住建局\n县某指挥部\n2016年12月底前\n"
        "2\n新建2座人行天桥。\n县住建局\n2016年9月底前\n"
        "3\n启动县图书馆新馆建设。\n县文化局\n县代建中心\n2016年11月底前\n"
    )
    doc = policyparse.parse(text)
    rows = {n.path: n for n in doc.walk() if n.path}
    assert [u.name for u in rows["A1.3"].responsible_units] == ["县文化局", "县代建中心"]
    assert [u.name for u in rows["A1.1"].responsible_units] == [
        "县水务局",
        "县住建局",
        "县某指挥部",
    ]
    assert [n.path for n in doc.walk() if n.path] == ["A1", "A1.1", "A1.2", "A1.3"]
    dues = [rows[p].deadline for p in ("A1.1", "A1.2", "A1.3")]
    assert [d.text if d else None for d in dues] == [
        "2016年12月底前",
        "2016年9月底前",
        "2016年11月底前",
    ]


def test_cells_closed_by_a_pipe_one_per_line_and_a_column_of_leaders() -> None:
    # a pipe table flattened one cell per line, each cell closed by " |"; the 分管县领导
    # column names people (a remark), so the task column titles the rows
    cells = [
        "序号", "目标与任务", "分 管 县领导", "牵头责任单位", "责任单位",
        "1", "加大普惠性托育供给，新增托位数400个以上。", "张 某", "县教育局", "县各有关单位",
        "2", "支持职业教育发展。", "李 某", "县人社局", "县财政局",
    ]  # fmt: skip
    text = "附件\n年度重点工作目标任务分解表\n" + "".join(c + " |\n" for c in cells)
    doc = policyparse.parse(text)
    rows = {n.path: n for n in doc.walk() if n.path}
    assert rows["A1.1"].title == "加大普惠性托育供给，新增托位数400个以上"
    assert [(u.name, u.role) for u in rows["A1.2"].responsible_units] == [
        ("县人社局", "lead"),
        ("县财政局", "responsible"),
    ]
    assert [(t.value, t.unit) for t in rows["A1.1"].targets] == [(400, "个")]
    assert all(text[t.span[0] : t.span[1]] == t.text for t in rows["A1.1"].targets)


def test_rows_of_a_task_table_captioned_for_one_year_take_its_year() -> None:
    def years(caption: str) -> list[tuple[float, int | None, str | None]]:
        text = (
            f"附件\n{caption}\n序号\n民生实事\n责任单位\n完成时限\n"
            "1\n新建2座人行天桥。\n县住建局\n9月底前\n"
            "2\n到2027年建成3所学校。\n县教育局\n12月底前\n"
        )
        doc = policyparse.parse(text)
        return [(t.value, t.year, t.deadline) for n in doc.walk() for t in n.targets]

    assert years("2016年民生实事目标任务分解表") == [(2, 2016, "9月底前"), (3, 2027, "到2027年")]
    assert years("民生实事目标任务分解表") == [(2, None, None), (3, 2027, "到2027年")]


def test_rows_of_a_task_table_in_a_document_titled_for_one_year_take_its_year() -> None:
    """The table is the document (its title 2022年度民生实事项目进度表, no annex): its rows'
    undated targets take the title's year like those of an annex so captioned; a title
    naming no one year gives none."""

    def years(title: str) -> list[tuple[float, int | None]]:
        text = (
            f"{title}\n序号\n项目内容\n牵头单位\n备注\n"
            "1\n新建公办园5所。\n县教育局\n市民生实事\n"
            "2\n建设农村公路55公里。\n县交通运输局\n县民生实事\n"
        )
        doc = policyparse.parse(text)
        return [(t.value, t.year) for n in doc.walk() for t in n.targets]

    assert years("2022年度民生实事项目进度表") == [(5, 2022), (55, 2022)]
    assert years("民生实事项目进度表") == [(5, None), (55, None)]


def test_rows_of_a_task_table_take_the_year_its_own_caption_names() -> None:
    """No annex label and a document titled otherwise: the caption right above the table
    (a line of its own, or run on at the end of a page's line after its date) frames the
    rows as the annex's title would; a caption naming no one year gives none."""

    def years(before: str) -> list[tuple[float, int | None, str | None]]:
        text = (
            "某市人民政府办公室关于做好政府工作的通知\n各区人民政府：现将任务分解表印发给你们。\n"
            f"{before}\n序号\n工作任务\n牵头单位\n"
            "1\n新建2座人行天桥。\n市住建局\n2\n改造老旧小区30个。\n市住建局\n"
        )
        doc = policyparse.parse(text)
        return [(t.value, t.year, t.deadline) for n in doc.walk() for t in n.targets]

    assert years("某市2018年政府工作任务分解表") == [(2, 2018, "2018年"), (30, 2018, "2018年")]
    glued = "某市人民政府办公室 2018年2月24日 某市2018年政府工作任务分解表"
    assert years(glued) == [(2, 2018, "2018年"), (30, 2018, "2018年")]
    assert years("某市政府工作任务分解表") == [(2, None, None), (30, None, None)]
