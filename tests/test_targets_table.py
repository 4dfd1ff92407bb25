"""Target rules as a table of real sentences, in the style of price-parser.

Each case: the input text and the targets expected, as tuples of
(indicator, comparator, value, value_max, unit, base_value, base_unit, kind,
year, deadline).  An empty list is a negative case.  Sentences come from the
reference plans and from central-government pages, some lightly varied.
"""

from __future__ import annotations

import pytest

from helpers import ids
from policyparse import parse

Row = tuple[
    str | None,
    str,
    float,
    float | None,
    str | None,
    float | None,
    str | None,
    str,
    int | None,
    str | None,
]


def targets(text: str) -> list[Row]:
    doc = parse(text)
    out: list[Row] = []
    stack = list(doc.children)
    while stack:
        node = stack.pop(0)
        out.extend(
            (
                t.indicator,
                t.comparator,
                t.value,
                t.value_max,
                t.unit,
                t.base_value,
                t.base_unit,
                t.kind,
                t.year,
                t.deadline,
            )
            for t in node.targets
        )
        stack[0:0] = node.children
    return out


DEV = [
    # numbers
    (
        "2025年,数据交易额达到7.5亿元。",
        [("数据交易额", ">=", 7.5, None, "亿元", 750000000, "元", "level", 2025, "2025年")],
    ),
    (
        "新建充电桩1,000个。",
        [("新建充电桩", "=", 1000, None, "个", 1000, "个", "level", None, None)],
    ),
    (
        "新建充电桩1，000个。",
        [("新建充电桩", "=", 1000, None, "个", 1000, "个", "level", None, None)],
    ),
    (
        "2025年，新增城镇就业超２０万人。",
        [("新增城镇就业", ">", 20, None, "万人", 200000, "人", "level", 2025, "2025年")],
    ),
    (
        "筹建保障性租赁住房三万套。",
        [("筹建保障性租赁住房", "=", 3, None, "万套", 30000, "套", "level", None, None)],
    ),
    (
        "新建老年助餐设施一百二十六个。",
        [("新建老年助餐设施", "=", 126, None, "个", 126, "个", "level", None, None)],
    ),
    (
        "开展技能培训两千人次。",
        [("开展技能培训", "=", 2000, None, "人次", 2000, "人次", "level", None, None)],
    ),
    (
        "住院费用报销比例达到百分之八十五。",
        [("住院费用报销比例", ">=", 85, None, "%", 85, "%", "level", None, None)],
    ),
    (
        "高耗能落后设备数量减少一半。",
        [("高耗能落后设备数量", "=", 50, None, "%", 50, "%", "decrease", None, None)],
    ),
    (
        "2025年，发放住房购新配送券1.6亿元。",
        [("发放住房购新配送券", "=", 1.6, None, "亿元", 160000000, "元", "level", 2025, "2025年")],
    ),
    (
        "开展农民技能培训3万4000人次。",
        [("开展农民技能培训", "=", 34000, None, "人次", 34000, "人次", "level", None, None)],
    ),
    # ranges
    (
        "新建综合服务站点5—10个。",
        [("新建综合服务站点", "range", 5, 10, "个", 5, "个", "level", None, None)],
    ),
    (
        "新建综合服务站点5-10个。",
        [("新建综合服务站点", "range", 5, 10, "个", 5, "个", "level", None, None)],
    ),
    (
        "新建综合服务站点5至10个。",
        [("新建综合服务站点", "range", 5, 10, "个", 5, "个", "level", None, None)],
    ),
    (
        "新建综合服务站点5~10个。",
        [("新建综合服务站点", "range", 5, 10, "个", 5, "个", "level", None, None)],
    ),
    (
        "建设1到2个大型的具有产学研合作功能的文化创意产业人才培养基地。",
        [
            (
                "建设大型的具有产学研合作功能的文化创意产业人才培养基地",
                "range",
                1,
                2,
                "个",
                1,
                "个",
                "level",
                None,
                None,
            )
        ],
    ),
    # 翻番
    (
        "到2030年，全市数字经济规模翻一番。",
        [("全市数字经济规模", "=", 1, None, "倍", 1, "倍", "increase", 2030, "到2030年")],
    ),
    (
        "到2035年，城乡居民人均收入翻两番。",
        [("城乡居民人均收入", "=", 3, None, "倍", 3, "倍", "increase", 2035, "到2035年")],
    ),
    # units
    (
        "建成高标准农田100万亩。",
        [("建成高标准农田", "=", 100, None, "万亩", 1000000, "亩", "level", None, None)],
    ),
    (
        "集装箱吞吐量达到3500万标准箱。",
        [("集装箱吞吐量", ">=", 3500, None, "万标准箱", 35000000, "标准箱", "level", None, None)],
    ),
    (
        "新能源装机容量达到1200万千瓦。",
        [("新能源装机容量", ">=", 1200, None, "万千瓦", 12000000, "千瓦", "level", None, None)],
    ),
    (
        "全国农机总动力超过10亿千瓦。",
        [("全国农机总动力", ">", 10, None, "亿千瓦", 1000000000, "千瓦", "level", None, None)],
    ),
    (
        "全社会用电量达到500亿千瓦时。",
        [("全社会用电量", ">=", 500, None, "亿千瓦时", 50000000000, "千瓦时", "level", None, None)],
    ),
    (
        "全省工业固定资产投资累计突破万亿元。",
        [
            (
                "全省工业固定资产投资",
                ">",
                1,
                None,
                "万亿元",
                1000000000000,
                "元",
                "level",
                None,
                None,
            )
        ],
    ),
    (
        "新改建农村公路55公里。",
        [("新改建农村公路", "=", 55, None, "公里", 55, "公里", "level", None, None)],
    ),
    (
        "完成水土流失综合治理面积200平方公里。",
        [
            (
                "完成水土流失综合治理面积",
                "=",
                200,
                None,
                "平方公里",
                200,
                "平方公里",
                "level",
                None,
                None,
            )
        ],
    ),
    (
        "废钢铁循环利用量达到2100万吨左右。",
        [("废钢铁循环利用量", "~", 2100, None, "万吨", 21000000, "吨", "level", None, None)],
    ),
    (
        "工业和信息化领域完成设备更新1.5万台(套)。",
        [
            (
                "工业和信息化领域完成设备更新",
                "=",
                1.5,
                None,
                "万台(套)",
                15000,
                "台(套)",
                "level",
                None,
                None,
            )
        ],
    ),
    (
        "完成淘汰木质老旧渔船（设备）2000艘（台、套）以上。",
        [
            (
                "完成淘汰木质老旧渔船（设备）",
                ">=",
                2000,
                None,
                "艘（台、套）",
                2000,
                "艘（台、套）",
                "level",
                None,
                None,
            )
        ],
    ),
    (
        "研发经费投入强度提高0.5个百分点。",
        [("研发经费投入强度", "=", 0.5, None, "个百分点", 0.5, "个百分点", "increase", None, None)],
    ),
    (
        "人口自然增长率控制在5‰以内。",
        [("人口自然增长率", "<=", 5, None, "‰", 5, "‰", "level", None, None)],
    ),
    # comparators
    (
        "接待游客逾1亿人次。",
        [("接待游客", ">", 1, None, "亿人次", 100000000, "人次", "level", None, None)],
    ),
    ("森林覆盖率高于60%。", [("森林覆盖率", ">", 60, None, "%", 60, "%", "level", None, None)]),
    (
        "参保人数超过820万人。",
        [("参保人数", ">", 820, None, "万人", 8200000, "人", "level", None, None)],
    ),
    (
        "开展技能培训14万人次以上。",
        [("开展技能培训", ">=", 14, None, "万人次", 140000, "人次", "level", None, None)],
    ),
    (
        "托幼一体托位占比达65%。",
        [("托幼一体托位占比", ">=", 65, None, "%", 65, "%", "level", None, None)],
    ),
    (
        "城市生活垃圾回收利用率不低于35%。",
        [("城市生活垃圾回收利用率", ">=", 35, None, "%", 35, "%", "level", None, None)],
    ),
    (
        "引进和培养文化创意产业领军人才不少于100名。",
        [("引进和培养文化创意产业领军人才", ">=", 100, None, "名", 100, "名", "level", None, None)],
    ),
    (
        "全市至少建成3个区域医疗中心。",
        [("建成区域医疗中心", ">=", 3, None, "个", 3, "个", "level", None, None)],
    ),
    (
        "城镇调查失业率控制在5.5%以内。",
        [("城镇调查失业率", "<=", 5.5, None, "%", 5.5, "%", "level", None, None)],
    ),
    (
        "城镇新增建设用地规模不超过500公顷。",
        [("城镇新增建设用地规模", "<=", 500, None, "公顷", 500, "公顷", "level", None, None)],
    ),
    (
        "商品房库存去化周期不高于18个百分点。",
        [("商品房库存去化周期", "<=", 18, None, "个百分点", 18, "个百分点", "level", None, None)],
    ),
    (
        "商业用房空置率降至10%以下。",
        [("商业用房空置率", "<=", 10, None, "%", 10, "%", "level", None, None)],
    ),
    (
        "万元工业增加值能耗低于0.5吨标准煤。",
        [("万元工业增加值能耗", "<", 0.5, None, "吨标准煤", 0.5, "吨标准煤", "level", None, None)],
    ),
    (
        "农村贫困发生率不足1%。",
        [("农村贫困发生率", "<", 1, None, "%", 1, "%", "level", None, None)],
    ),
    (
        "全省报废汽车回收拆解量达25万辆左右。",
        [("全省报废汽车回收拆解量", "~", 25, None, "万辆", 250000, "辆", "level", None, None)],
    ),
    (
        "报废汽车回收量较2023年增加约1倍。",
        [("报废汽车回收量", "~", 1, None, "倍", 1, "倍", "increase", None, None)],
    ),
    (
        "全年培训新型职业农民近5万人次。",
        [("全年培训新型职业农民", "~", 5, None, "万人次", 50000, "人次", "level", None, None)],
    ),
    (
        "新增普通高中学位2000个。",
        [("新增普通高中学位", "=", 2000, None, "个", 2000, "个", "level", None, None)],
    ),
    # kinds
    (
        "直播电商销售额增长15%。",
        [("直播电商销售额", "=", 15, None, "%", 15, "%", "increase", None, None)],
    ),
    (
        "市场化新建商品房销售面积同比增长10%。",
        [("市场化新建商品房销售面积", "=", 10, None, "%", 10, "%", "increase", None, None)],
    ),
    (
        "设备投资规模较2023年增长25%以上。",
        [("设备投资规模", ">=", 25, None, "%", 25, "%", "increase", None, None)],
    ),
    (
        "单位地区生产总值能耗下降13.5%。",
        [("单位地区生产总值能耗", "=", 13.5, None, "%", 13.5, "%", "decrease", None, None)],
    ),
    (
        "化学需氧量排放总量降低8%。",
        [("化学需氧量排放总量", "=", 8, None, "%", 8, "%", "decrease", None, None)],
    ),
    # years and deadlines
    (
        "到2025年底，参保人数超过820万人。",
        [("参保人数", ">", 820, None, "万人", 8200000, "人", "level", 2025, "到2025年底")],
    ),
    (
        "到2027年，推动实施节能降碳技术改造重点项目50个以上。",
        [
            (
                "推动实施节能降碳技术改造重点项目",
                ">=",
                50,
                None,
                "个",
                50,
                "个",
                "level",
                2027,
                "到2027年",
            )
        ],
    ),
    (
        "力争到2030年，全市数字经济核心产业增加值达到3000亿元。",
        [
            (
                "全市数字经济核心产业增加值",
                ">=",
                3000,
                None,
                "亿元",
                300000000000,
                "元",
                "level",
                2030,
                "力争到2030年",
            )
        ],
    ),
    (
        "2020年，全市养老机构床位达到5万张。",
        [("全市养老机构床位", ">=", 5, None, "万张", 50000, "张", "level", 2020, "2020年")],
    ),
    (
        "开展放心消费行动,到2025年底,累计培育放心消费单位达到3.3万家。",
        [
            (
                "培育放心消费单位",
                ">=",
                3.3,
                None,
                "万家",
                33000,
                "家",
                "level",
                2025,
                "到2025年底",
            )
        ],
    ),
    (  # a year phrase opening a sentence governs the rest of its paragraph
        "推动就业。2025年,新增城镇就业超20万人。推动家政服务提质扩容,新建家政服务站点30个。\n"
        "推进社区服务,新建站点5个。",
        [
            ("新增城镇就业", ">", 20, None, "万人", 200000, "人", "level", 2025, "2025年"),
            ("新建家政服务站点", "=", 30, None, "个", 30, "个", "level", 2025, "2025年"),
            ("新建站点", "=", 5, None, "个", 5, "个", "level", None, None),
        ],
    ),
    (  # a year phrase after a comma governs its own sentence only
        "推动就业,2025年新增城镇就业超20万人。推动家政服务,新建家政服务站点30个。",
        [
            ("新增城镇就业", ">", 20, None, "万人", 200000, "人", "level", 2025, "2025年"),
            ("新建家政服务站点", "=", 30, None, "个", 30, "个", "level", None, None),
        ],
    ),
    (  # one that opens the paragraph governs all of it
        "2025年,新增城镇就业超20万人。推动家政服务提质扩容,新建家政服务站点30个。",
        [
            ("新增城镇就业", ">", 20, None, "万人", 200000, "人", "level", 2025, "2025年"),
            ("新建家政服务站点", "=", 30, None, "个", 30, "个", "level", 2025, "2025年"),
        ],
    ),
    (
        "到2020年，农机装备产业科技创新能力持续提升。全国农机总动力超过10亿千瓦，其中灌排机械动力达到1.2亿千瓦。",
        [
            (
                "全国农机总动力",
                ">",
                10,
                None,
                "亿千瓦",
                1000000000,
                "千瓦",
                "level",
                2020,
                "到2020年",
            ),
            (
                "灌排机械动力",
                ">=",
                1.2,
                None,
                "亿千瓦",
                120000000,
                "千瓦",
                "level",
                2020,
                "到2020年",
            ),
        ],
    ),
    (
        "一、主要目标\n（一）发展目标。到2022年，全市规上工业增加值达到5000亿元。高新技术产业投资增长15%。",
        [
            (
                "全市规上工业增加值",
                ">=",
                5000,
                None,
                "亿元",
                500000000000,
                "元",
                "level",
                2022,
                "到2022年",
            ),
            ("高新技术产业投资", "=", 15, None, "%", 15, "%", "increase", 2022, "到2022年"),
        ],
    ),
    (
        "5年内重点引进金融高级管理人才30名。",
        [("重点引进金融高级管理人才", "=", 30, None, "名", 30, "名", "level", None, "5年内")],
    ),
    # 分别 lists
    (
        "医保政策范围内职工、城乡居民住院报销比例分别达85%、70%。",
        [
            ("职工住院报销比例", ">=", 85, None, "%", 85, "%", "level", None, None),
            ("城乡居民住院报销比例", ">=", 70, None, "%", 70, "%", "level", None, None),
        ],
    ),
    (
        "2025年,餐饮业、住宿业营业额分别增长10%、5%。",
        [
            ("餐饮业营业额", "=", 10, None, "%", 10, "%", "increase", 2025, "2025年"),
            ("住宿业营业额", "=", 5, None, "%", 5, "%", "increase", 2025, "2025年"),
        ],
    ),
    (
        "花生种植、收获机械化率分别达到65%和55%。",
        [
            ("花生种植机械化率", ">=", 65, None, "%", 65, "%", "level", None, None),
            ("花生收获机械化率", ">=", 55, None, "%", 55, "%", "level", None, None),
        ],
    ),
    (
        "马铃薯种植、收获机械化率均达到45%。",
        [
            ("马铃薯种植机械化率", ">=", 45, None, "%", 45, "%", "level", None, None),
            ("马铃薯收获机械化率", ">=", 45, None, "%", 45, "%", "level", None, None),
        ],
    ),
    (
        "规模以上工业企业数字化研发设计工具普及率、关键工序数控化率分别超过95%、75%。",
        [
            (
                "规模以上工业企业数字化研发设计工具普及率",
                ">",
                95,
                None,
                "%",
                95,
                "%",
                "level",
                None,
                None,
            ),
            ("关键工序数控化率", ">", 75, None, "%", 75, "%", "level", None, None),
        ],
    ),
    # quantity before its object, and lists
    (
        "2025年,创建1条省级高品质步行街、1个省级商业特色街区。",
        [
            ("创建省级高品质步行街", "=", 1, None, "条", 1, "条", "level", 2025, "2025年"),
            ("创建省级商业特色街区", "=", 1, None, "个", 1, "个", "level", 2025, "2025年"),
        ],
    ),
    (
        "优化轨道周边接驳站点30个、轨道接驳线路和公交线路30条。",
        [
            ("优化轨道周边接驳站点", "=", 30, None, "个", 30, "个", "level", None, None),
            ("优化轨道接驳线路和公交线路", "=", 30, None, "条", 30, "条", "level", None, None),
        ],
    ),
    (
        "5年内选拔认定教育专家10名、名校长100名、名教师200名。",
        [
            ("选拔认定教育专家", "=", 10, None, "名", 10, "名", "level", None, "5年内"),
            ("选拔认定名校长", "=", 100, None, "名", 100, "名", "level", None, "5年内"),
            ("选拔认定名教师", "=", 200, None, "名", 200, "名", "level", None, "5年内"),
        ],
    ),
    (
        "5年内市、区（县级市）两级筹集建设1000套专家公寓和10000套人才公寓。",
        [
            ("筹集建设专家公寓", "=", 1000, None, "套", 1000, "套", "level", None, "5年内"),
            ("筹集建设人才公寓", "=", 10000, None, "套", 10000, "套", "level", None, "5年内"),
        ],
    ),
    (
        "打造市级旅游业“微改造、精提升”精品点110个。",
        [
            (
                "打造市级旅游业“微改造、精提升”精品点",
                "=",
                110,
                None,
                "个",
                110,
                "个",
                "level",
                None,
                None,
            )
        ],
    ),
]

REGRESSION = [
    (  # a verbless clause of the same shape shares the verb before the comma
        "选拔资助青年人才不少于100名，高层次人才不少于500名。",
        [
            ("选拔资助青年人才", ">=", 100, None, "名", 100, "名", "level", None, None),
            ("选拔资助高层次人才", ">=", 500, None, "名", 500, "名", "level", None, None),
        ],
    ),
    (  # …but not a clause with another comparator and another kind of unit
        "新增城镇就业超20万人，城镇调查失业率控制在5.5%以内。",
        [
            ("新增城镇就业", ">", 20, None, "万人", 200000, "人", "level", None, None),
            ("城镇调查失业率", "<=", 5.5, None, "%", 5.5, "%", "level", None, None),
        ],
    ),
    (  # …nor a clause whose subject is an indicator already (…总量)
        "重点引进人才达到2000名左右，人才资源总量达到320万名左右。",
        [
            ("重点引进人才", "~", 2000, None, "名", 2000, "名", "level", None, None),
            ("人才资源总量", "~", 320, None, "万名", 3200000, "名", "level", None, None),
        ],
    ),
    (  # small form variants fold: 1﹒5 is a decimal
        "新增投资1﹒5亿元。",
        [("新增投资", "=", 1.5, None, "亿元", 150000000, "元", "level", None, None)],
    ),
    # a count in brackets or of listed items is not a commitment
    ("一、推广的改革举措（共23项）\n（一）知识产权保护方面5项：专利保险机制；技术调查官制度。", []),
    # a quantity inside a noun phrase
    (
        "二级及以上公立医院2人间和3人间病房占比达到75%以上。",
        [
            (
                "二级及以上公立医院2人间和3人间病房占比",
                ">=",
                75,
                None,
                "%",
                75,
                "%",
                "level",
                None,
                None,
            )
        ],
    ),
    ("基本完成省生态环境监测中心和14个驻市生态环境监测机构实验室设备更新。", []),
    # 一 as an article
    ("着力打造一支门类齐全、技艺精湛的高技能人才队伍。", []),
    # a quoted statement of targets is read, a quoted name is not
    (
        "实现“重点引进和培养高层次人才达到2000名左右，人才贡献率达到40%”的目标。",
        [
            ("重点引进和培养高层次人才", "~", 2000, None, "名", 2000, "名", "level", None, None),
            ("人才贡献率", ">=", 40, None, "%", 40, "%", "level", None, None),
        ],
    ),
    # the subject carries on into the next clause
    (
        "到2026年，全市数字经济核心产业增加值达到1200亿元，年均增长10%以上。",
        [
            (
                "全市数字经济核心产业增加值",
                ">=",
                1200,
                None,
                "亿元",
                120000000000,
                "元",
                "level",
                2026,
                "到2026年",
            ),
            (
                "全市数字经济核心产业增加值",
                ">=",
                10,
                None,
                "%",
                10,
                "%",
                "increase",
                2026,
                "到2026年",
            ),
        ],
    ),
    # a negated comparator is its own word: 不得低于 is >=, not the < of 低于
    (
        "城市空气质量优良天数比例不得低于70%，单位能耗不得超过0.5吨标准煤。",
        [
            ("城市空气质量优良天数比例", ">=", 70, None, "%", 70, "%", "level", None, None),
            ("单位能耗", "<=", 0.5, None, "吨标准煤", 0.5, "吨标准煤", "level", None, None),
        ],
    ),
    # a duration is a goal after a word of shortening, and only there
    (
        "将审批时限压缩至30个工作日以内，企业开办时间缩短到1天。",
        [
            ("审批时限", "<=", 30, None, "个工作日", 30, "个工作日", "level", None, None),
            ("企业开办时间", "<=", 1, None, "天", 1, "天", "level", None, None),
        ],
    ),
    # a rate unit keeps its denominator
    (
        "新建污水处理厂，处理能力达3000吨/日。",
        [("处理能力", ">=", 3000, None, "吨/日", 3000, "吨/日", "level", None, None)],
    ),
    # two quantities of one item: both are read, with one subject
    (
        "改造燃煤机组12台600万千瓦以上。",
        [
            ("改造燃煤机组", "=", 12, None, "台", 12, "台", "level", None, None),
            ("改造燃煤机组", ">=", 600, None, "万千瓦", 6000000, "千瓦", "level", None, None),
        ],
    ),
    # a list of years before a list of as many values: one year each, in order
    (
        "2025年、2026年、2027年分别建成换电站10座、20座、30座。",
        [
            ("建成换电站", "=", 10, None, "座", 10, "座", "level", 2025, "2025年、2026年、2027年"),
            ("建成换电站", "=", 20, None, "座", 20, "座", "level", 2026, "2025年、2026年、2027年"),
            ("建成换电站", "=", 30, None, "座", 30, "座", "level", 2027, "2025年、2026年、2027年"),
        ],
    ),
    # two cues of one direction: the stronger holds (超…以上 is >)
    (
        "新增就业超5万人以上。",
        [("新增就业", ">", 5, None, "万人", 50000, "人", "level", None, None)],
    ),
    # a numeral other than 一 counts
    (
        "建设两个国家级示范区。",
        [("建设国家级示范区", "=", 2, None, "个", 2, "个", "level", None, None)],
    ),
    # a five-year-plan period gives the year it ends; the deadline is as printed
    (
        "“十四五”期间，新增城镇就业100万人。到“十四五”末，城镇化率达到75%。",
        [
            ("新增城镇就业", "=", 100, None, "万人", 1000000, "人", "level", 2025, "“十四五”期间"),
            ("城镇化率", ">=", 75, None, "%", 75, "%", "level", 2025, "到“十四五”末"),
        ],
    ),
    # a Chinese numeral with two scales
    (
        "新增投资二亿五千万元，新建项目2亿5000万元。",
        [
            ("新增投资", "=", 25000, None, "万元", 250000000, "元", "level", None, None),
            ("新建项目", "=", 25000, None, "万元", 250000000, "元", "level", None, None),
        ],
    ),
    # durations in weeks and with 内; 把 like 将 opens the disposal, not the indicator
    (
        "把办理周期缩短至2周以内，办理时间控制在5个工作日内。",
        [
            ("办理周期", "<=", 2, None, "周", 2, "周", "level", None, None),
            ("办理时间", "<=", 5, None, "个工作日", 5, "个工作日", "level", None, None),
        ],
    ),
    # a bracketed alternative unit and a compound electrical unit
    (
        "新增变电容量60万千伏安，更新设备50台（套）以上。",
        [
            ("新增变电容量", "=", 60, None, "万千伏安", 600000, "千伏安", "level", None, None),
            ("更新设备", ">=", 50, None, "台（套）", 50, "台（套）", "level", None, None),
        ],
    ),
    # enumerated goals: the verb carries on to each item
    (
        "建成绿色工厂30家、绿色供应链5家、绿色园区2个。",
        [
            ("建成绿色工厂", "=", 30, None, "家", 30, "家", "level", None, None),
            ("建成绿色供应链", "=", 5, None, "家", 5, "家", "level", None, None),
            ("建成绿色园区", "=", 2, None, "个", 2, "个", "level", None, None),
        ],
    ),
    # small ranges in every joining form
    (
        "建设示范点1-2处，培育企业1～2个，建设园区1到2个。",
        [
            ("建设示范点", "range", 1, 2, "处", 1, "处", "level", None, None),
            ("培育企业", "range", 1, 2, "个", 1, "个", "level", None, None),
            ("建设园区", "range", 1, 2, "个", 1, "个", "level", None, None),
        ],
    ),
    # a comparator before the verb makes 一 a count
    (
        "至少建设一所幼儿园。",
        [("建设幼儿园", ">=", 1, None, "所", 1, "所", "level", None, None)],
    ),
    # a weak verb with an approximate number is a goal
    (
        "选择20个左右县开展试点。",
        [("选择县开展试点", "~", 20, None, "个", 20, "个", "level", None, None)],
    ),
    # 保持 is =, 达 is >=; 增至 is = with kind increase
    (
        "行政村通光纤比例保持100%，换电站增至150座。",
        [
            ("行政村通光纤比例", "=", 100, None, "%", 100, "%", "level", None, None),
            ("换电站", "=", 150, None, "座", 150, "座", "increase", None, None),
        ],
    ),
    # two five-year-plan periods: the later one gives the year
    (
        "“十四五”和“十五五”期间累计新增就业200万人。",
        [
            (
                "新增就业",
                "=",
                200,
                None,
                "万人",
                2000000,
                "人",
                "level",
                2030,
                "“十四五”和“十五五”期间",
            )
        ],
    ),
    # 分别 inside the subject, a short tail after it: each item takes the tail and the lead
    (
        "到2024年，全省与某国货物贸易、对外投资和实际利用外资分别占比达30%、20%和10%。",
        [
            ("全省与某国货物贸易占比", ">=", 30, None, "%", 30, "%", "level", 2024, "到2024年"),
            ("全省与某国对外投资占比", ">=", 20, None, "%", 20, "%", "level", 2024, "到2024年"),
            ("全省与某国实际利用外资占比", ">=", 10, None, "%", 10, "%", "level", 2024, "到2024年"),
        ],
    ),
    # 累计 opening the subject is left out, and the verb carries on to the next item
    (
        "到2027年，累计培育甲类企业1000家、乙类企业80家。",
        [
            ("培育甲类企业", "=", 1000, None, "家", 1000, "家", "level", 2027, "到2027年"),
            ("培育乙类企业", "=", 80, None, "家", 80, "家", "level", 2027, "到2027年"),
        ],
    ),
    # a verb then a number then its object (the beneficiary before the verb is left out)
    (
        "为每名困难毕业生推荐3个以上优质岗位。",
        [("推荐优质岗位", ">=", 3, None, "个", 3, "个", "level", None, None)],
    ),
    # a whole-area word between the verb and its number
    (
        "推动全省100家企业实施安全分级管理。",
        [("推动全省企业实施安全分级管理", "=", 100, None, "家", 100, "家", "level", None, None)],
    ),
    # 面向 governs a number like a verb
    (
        "每年面向1万名专业技术人才开展素质提升培训。",
        [
            (
                "面向专业技术人才开展素质提升培训",
                "=",
                1,
                None,
                "万名",
                10000,
                "名",
                "level",
                None,
                None,
            )
        ],
    ),
    # a share of a base named after its comparator
    (
        "新建小区充电车位不低于停车位总数的15%。",
        [("新建小区充电车位", ">=", 15, None, "%", 15, "%", "level", None, None)],
    ),
    # a scale inside a Chinese numeral
    (
        "开展职业技能培训三万四千人次。",
        [("开展职业技能培训", "=", 34000, None, "人次", 34000, "人次", "level", None, None)],
    ),
    # a word of reaching after a change of the same measure carries its subject
    (
        "全市生产总值年均增长6%左右，到2025年突破3万亿元。",
        [
            ("全市生产总值", "~", 6, None, "%", 6, "%", "increase", None, None),
            (
                "全市生产总值",
                ">",
                3,
                None,
                "万亿元",
                3000000000000,
                "元",
                "level",
                2025,
                "到2025年",
            ),
        ],
    ),
    # a year in Chinese digits; a span of years after 力争
    (
        "到二〇二五年，新增就业20万人。力争3年内，培育企业50家。",
        [
            ("新增就业", "=", 20, None, "万人", 200000, "人", "level", 2025, "到二〇二五年"),
            ("培育企业", "=", 50, None, "家", 50, "家", "level", None, "力争3年内"),
        ],
    ),
    # concentrations and masses; 翻番 alone is 翻一番
    (
        "PM2.5平均浓度控制在35微克/立方米以下，粮食产量稳定在500亿斤以上。",
        [
            (
                "PM2.5平均浓度",
                "<=",
                35,
                None,
                "微克/立方米",
                35,
                "微克/立方米",
                "level",
                None,
                None,
            ),
            ("粮食产量", ">=", 500, None, "亿斤", 50000000000, "斤", "level", None, None),
        ],
    ),
    (
        "确保旅游总收入翻番。",
        [("旅游总收入", "=", 1, None, "倍", 1, "倍", "increase", None, None)],
    ),
]

NEGATIVE = [
    "办好第三届宁波技能大赛。",
    "2025年,轨道交通7号线、8号线开通初期运营。",
    "推进“30分钟职业技能培训圈”建设。",
    "新增省级一刻钟便民生活圈。",
    "实施入境旅游三年倍增计划。",
    "编制“十四五”规划。",
    "开展“百县千碗”省级美食品牌创建。",
    "办好“双11”购物节。",
    "办好2025年国际射联射击世界杯等高水平赛事。",
    "国发〔2018〕42号",
    "按本办法第五条规定执行。",
    "支持在校大学生、毕业5年以内高校毕业生等人群创业。",
    "面向16—24岁青年开展就业见习。",
    "具有3年以上工作经历。",
    "同一学历继续教育的扣除期限不能超过48个月。",
    "年满60岁的父母。",
    "对符合条件的项目给予最高5000万元支持。",
    "按照每个子女每月1000元的标准定额扣除。",
    "营业收入500万元及以下的小微企业免征增值税。",
    "市辖区户籍人口超过100万的城市，扣除标准为每月1100元。",
    "每台最高补助15万元。",
    "截至2023年底，全市已建成充电桩5000个。",
    "京津冀、上海等8个区域先行先试。",
    "申请人应在30个工作日内提交材料。",
    "政策有效期3年。",
    "家长选择1所幼儿园进行报名。",
    "幼儿园面向社会招生的比例为90%。",
]


@pytest.mark.parametrize(("text", "expected"), DEV, ids=ids("dev", [t for t, _ in DEV]))
def test_dev(text: str, expected: list[Row]) -> None:
    assert targets(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"), REGRESSION, ids=ids("regression", [t for t, _ in REGRESSION])
)
def test_regression(text: str, expected: list[Row]) -> None:
    assert targets(text) == expected


@pytest.mark.parametrize("text", NEGATIVE, ids=ids("negative", NEGATIVE))
def test_negative(text: str) -> None:
    assert targets(text) == []


def test_past_year_is_a_baseline_in_a_dated_document() -> None:
    text = "一、现状\n2017年，全国农机总动力达到9.88亿千瓦。\n二、目标\n到2020年，全国农机总动力超过10亿千瓦。\n国务院\n2018年12月21日"
    doc = parse(text)
    goals = [t for n in doc.children for t in n.targets]
    figures = [f for n in doc.children for f in n.figures]
    assert [(t.value, t.year) for t in goals] == [(10, 2020)]
    assert [(f.kind, f.value, f.year) for f in figures] == [("baseline", 9.88, 2017)]


def test_a_past_plan_period_is_a_baseline_in_a_dated_document() -> None:
    text = (
        "一、现状\n“十三五”时期，全市累计新增就业80万人。\n"
        "二、目标\n“十四五”期间，新增城镇就业100万人。\n某某市人民政府\n2021年3月1日"
    )
    doc = parse(text)
    goals = [(t.value, t.year, t.deadline) for n in doc.children for t in n.targets]
    figures = [(f.kind, f.value, f.year) for n in doc.children for f in n.figures]
    assert goals == [(100, 2025, "“十四五”期间")]
    assert figures == [("baseline", 80, 2020)]


def test_quantities_under_a_heading_of_conditions_are_parameters() -> None:
    text = (
        "一、工作目标\n到2027年，培育企业100家。\n"
        "二、申报条件与奖励标准\n（一）申报条件\n1.销售总额不低于200万元。\n"
        "（二）奖励标准\n1.按合同金额的30%给予支持。\n"
        "三、保障措施\n（三）项目申报需满足下列条件之一：\n1.研发投入不低于500万元；\n"
        "2.带动10家以上企业。"
    )
    doc = parse(text)
    goals = [(t.indicator, t.value) for n in doc.walk() for t in n.targets]
    figures = sorted(f.value for n in doc.walk() for f in n.figures)
    assert goals == [("培育企业", 100)]
    assert figures == [10, 30, 200, 500]


def test_a_cap_on_a_share_of_a_base_keeps_its_comparator() -> None:
    text = "一、任务\n（一）补助。对重点项目给予补助，原则上不超过项目投资额的5%。"
    doc = parse(text)
    figures = [(f.kind, f.comparator, f.value) for n in doc.walk() for f in n.figures]
    assert figures == [("parameter", "<=", 5)]


def test_parameters_are_figures() -> None:
    doc = parse("对新购置的新能源公交车，每台最高补助15万元。")
    figures = doc.children[0].figures
    assert [(f.kind, f.value, f.unit, f.text) for f in figures] == [
        ("parameter", 15, "万元", "每台最高补助15万元")
    ]
    assert doc.children[0].targets == []
