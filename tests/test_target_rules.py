"""Each target rule takes the form its docstring names, and leaves the other one.

The examples are those of the rules' docstrings and of the table in
docs/targets.md; the trace (policyparse.explain) names the rule that decided.
"""

from __future__ import annotations

import pytest

import policyparse
from helpers import ids

# (sentence, quantity, outcome, rule that decides)
CASES = [
    (
        "服务能力显著提升，目前注册用户已突破300万，日活跃用户近40万。",
        "40万",
        "baseline",
        "baseline",
    ),
    ("目前，全市共有养老机构85家，到2025年新增20家。", "20家", "target", "subject_form"),
    ("信息被媒体采用2篇，得4分。", "2篇", "parameter", "score_condition"),
    ("年内开展宣传活动至少3次（30分）。", "3次", "target", "subject_form"),
    ("实现甲排查率、乙建设率“两个100%”。", "100%", "target", "quoted_share"),
    ("实现“两个100%”。", "100%", "skipped", "in_name_or_aside"),
    ("推进“百个项目”建设。", "百个", "skipped", "in_name_or_aside"),
    ("实施项目（共23项）。", "23项", "skipped", "in_name_or_aside"),
    ("新建项目23个。", "23个", "target", "subject_form"),
    ("建设一支队伍。", "一支", "skipped", "article_numeral"),
    ("建设2个10万吨级泊位。", "10万吨", "skipped", "size_class"),
    ("新增4个社零额过千亿元城市。", "千亿元", "skipped", "in_object"),
    ("监测站点密度达到每3公里1个。", "3公里", "skipped", "per_span"),
    (
        "某区位于城市东部，北与某县接壤，总面积约58平方公里。",
        "58平方公里",
        "baseline",
        "place_extent",
    ),
    (
        "某区位于城市东部，到2035年，建成区面积约58平方公里。",
        "58平方公里",
        "target",
        "subject_form",
    ),
    ("新建2000千瓦以上屋顶光伏项目8个。", "2000千瓦", "skipped", "size_before_count"),
    ("接到指令后30分钟内抵达现场。", "30分钟", "skipped", "within_time"),
    ("到2025年，形成不少于20天的储备能力。", "20天", "target", "time_amount"),
    ("2025年前完成总目标的75%。", "75%", "target", "share_done"),
    ("保持98%以上的高中阶段入学率。", "98%", "target", "share_level"),
    ("将审批时间压缩30%至60个工作日。", "30%", "target", "change_then_level"),
    ("实施百名专家进企业行动。", "百名", "skipped", "programme_name"),
    ("建成至少一个示范区。", "一个", "target", "verb_form"),
    ("每台最高补助15万元。", "15万元", "parameter", "parameter"),
    ("对年营业收入500万元及以上的企业给予支持。", "500万元", "parameter", "parameter"),
    ("占比30%的部分。", "30%", "parameter", "parameter"),
    ("截至2024年底，已建成3万个。", "3万个", "baseline", "baseline"),
    ("目前已有企业120家。", "120家", "baseline", "baseline"),
    ("到2027年建成5万个。", "5万个", "target", "subject_form"),
    ("职工、城乡居民住院报销比例分别达85%、70%。", "70%", "target", "respectively"),
    ("住院报销比例达85%。", "85%", "target", "subject_form"),
    ("其中重点区域2个。", "2个", "skipped", "bare_count"),
    ("科技金融创新支持方面5项：", "5项", "skipped", "listing_count"),
    ("抓好产业发展、人才培养、社会保障三项重点工作。", "三项", "skipped", "list_size"),
    ("推进甲、乙和丙三类改革。", "三类", "skipped", "list_size"),
    ("培育甲、乙企业三家。", "三家", "target", "subject_form"),
    ("年内重点完成12条推进举措。", "12条", "skipped", "own_items"),
    ("到2025年，100家企业完成数字化改造。", "100家", "target", "acting_count"),
    ("其中2个区为试点。", "2个", "skipped", "verb_form"),
    ("培育3户小升规企业。", "3户", "target", "verb_form"),
    ("培育重点企业5家。", "5家", "target", "subject_form"),
    ("新增城镇就业超20万人。", "20万人", "target", "subject_form"),
    ("创建1条省级高品质步行街。", "1条", "target", "verb_form"),
    ("宿舍为2人间。", "2人", "skipped", "verb_form"),
    ("包括北京等8个区域。", "8个", "skipped", "verb_form"),
    ("2025年，增加值达到1200亿元，年均增长10%以上。", "10%", "target", "carried_subject"),
    ("普及率提高6个百分点，达到80%的基本目标。", "80%", "target", "carried_subject"),
    ("普及率在现有基础上提高6个百分点。", "6个百分点", "target", "subject_form"),
    ("积极培育龙头企业、100家专精特新企业。", "100家", "target", "verb_form"),
    ("汽车工业要推动整车项目早日量产，增长10%以上。", "10%", "target", "topic_subject"),
    ("要把握发展机遇，推动整车项目早日量产，增长10%以上。", "10%", "skipped", "unclaimed"),
    ("确保圆满完成年度目标，新增养老床位300张。", "300张", "target", "subject_form"),
    ("完成10个村庄治理任务，其中重点区域任务4个村庄。", "4个", "target", "part_count"),
    ("推动某公司12条生产线投产。", "12条", "target", "count_to_onset"),
    ("为辖区120户356人低保对象投保意外伤害保险。", "356人", "target", "paired_count"),
    # a year naming the plan whose items are counted, no verb before it: no year of a figure
    ("今年，省政府2025年10件惠民实事正式确定。", "10件", "skipped", "verb_form"),
    # the second count bounded, in the first's unit: the size of what is counted
    ("完成超3万户50户以上村寨农户电力改造。", "3万户", "target", "subject_form"),
    ("20万人。", "20万人", "skipped", "unclaimed"),
    ("总结经验，着力推动80%以上的社区完成规范化建设工作任务。", "80%", "target", "share_of"),
    ("对投资额30%的部分给予补助。", "30%", "parameter", "parameter"),
    ("新建小区车位100%预留充电条件。", "100%", "target", "ratio_before_verb"),
    ("个贷率85%为预警临界点。", "85%", "skipped", "verb_form"),
    ("今年截至8月底，新增贷款1万笔。", "1万笔", "baseline", "baseline"),
    ("销售额增长10%以上。", "10%", "target", "subject_form"),
    ("实现7000余个社区政务服务规范化建设全覆盖。", "7000余个", "target", "verb_form"),
    (
        "演出超过100场，票房超过100万元的演艺空间，经认定，给予奖励。",
        "100场",
        "parameter",
        "subsidy_condition",
    ),
    ("每年评选不超过2个平台，按档次给予最高50万元奖励。", "2个", "parameter", "subsidy_condition"),
    ("行业门槛如下：住宿业年度营业额200万元以上。", "200万元", "parameter", "eligibility"),
    ("新建小区充电车位不低于停车位总数的15%。", "15%", "target", "share_of_base"),
    ("实现即时结算资金占月结算资金的80%以上。", "80%", "target", "share_named"),
    ("设立总规模不低于5亿元的产业引导基金。", "5亿元", "target", "fund_size"),
    ("对总投资5000万元以上的项目给予补助。", "5000万元", "parameter", "parameter"),
    ("预留40%的门诊号源。", "40%", "target", "object_share"),
    ("每年实现2%以上的节水量。", "2%", "target", "object_share"),
    ("培育30个左右的特色基地。", "30个", "target", "object_count"),
    ("建成50公里的绿道。", "50公里", "target", "object_size"),
    ("人口超过100万的城市。", "100万", "parameter", "parameter"),
    ("一半以上的资金用于基层。", "一半", "parameter", "parameter"),
    ("一半以上的资金用于社区服务。", "一半", "parameter", "parameter"),
    ("打造具有区域影响力、体现地方特色的50个示范场景。", "50个", "target", "verb_form"),
    ("其中具备条件的2个区先行试点。", "2个", "skipped", "verb_form"),
    ("关停落后燃煤锅炉12台、容量30万千瓦。", "30万千瓦", "target", "subject_form"),
    ("三分之一以上的乡镇建成综合服务中心。", "三分之一", "target", "share_of"),
    (
        "对于提供服务的机构，每成功引进1名年收入不少于50万元的人才，给予最高5万元奖励。",
        "1名",
        "parameter",
        "subsidy_condition",
    ),
    ("到2027年，新建充电桩5万个，对符合条件的项目给予补贴。", "5万个", "target", "subject_form"),
    ("5年内扶持100个具有发展前景的创业项目，给予扶持。", "100个", "target", "verb_form"),
    ("到2025年，网民规模从2020年的9.89亿提高到12亿。", "9.89亿", "baseline", "start_value"),
]


@pytest.mark.parametrize(
    ("sentence", "quantity", "outcome", "rule"), CASES, ids=ids("rule", [c[0] for c in CASES])
)
def test_rule_decides(sentence: str, quantity: str, outcome: str, rule: str) -> None:
    decisions = policyparse.explain(f"（一）{sentence}")
    [hit] = [e for e in decisions if e.what == "quantity" and e.text == quantity]
    assert (hit.outcome, hit.rule) == (outcome, rule)


def test_every_rule_is_exercised() -> None:
    from policyparse.extract.targets.rules import RULES

    assert {r.__name__ for r in RULES} == {c[3] for c in CASES}


# (sentence, the period of each target in order): the period is no fixture column.
PERIODS = [
    ("达标率每年提高2～4个百分点。", ["每年"]),
    ("优良天数比例逐年提高1～2个百分点。", ["逐年"]),
    ("每年实现2%以上的节水量。", ["每年"]),
    ("鼓励企业开设首店，每年举办新品发布活动80场以上、新开品牌首店200家以上。", ["每年", "每年"]),
    ("新增就业2万人，每年培训农民1万人次。", [None, "每年"]),
    # a period right after the short actor opening the subject; 每周, 每学年 are periods
    ("学生每周参加中等强度体育活动3次以上。", ["每周"]),
    ("0—6岁儿童每年眼保健和视力检查覆盖率达到90%以上。", ["每年"]),
    ("每学年面向中小学生至少开展一次心理健康测评。", ["每学年"]),
    ("鼓励学校每天开设1节体育课。", ["每天"]),
    ("建立每年评估机制的企业新增20家。", [None]),
]


@pytest.mark.parametrize(
    ("sentence", "periods"), PERIODS, ids=ids("period", [p[0] for p in PERIODS])
)
def test_period(sentence: str, periods: list[str | None]) -> None:
    doc = policyparse.parse(f"（一）{sentence}")
    assert [t.period for n in doc.walk() for t in n.targets] == periods
