"""Metadata in depth: 文号 brackets, issuer, Chinese dates, horizon, document type."""

from __future__ import annotations

import datetime as dt

import pytest

from policyparse import parse
from policyparse.extract.metadata import doc_type
from policyparse.text.dates import parse_date


@pytest.mark.parametrize(
    "number",
    [
        "国发〔2018〕42号",
        "国发[2018]42号",
        "国发(2018)42号",
        "国发（2018）42号",
        "国发【2018】42号",
        "国发［2018］42号",
    ],
)
def test_doc_number_in_every_bracket(number: str) -> None:
    doc = parse(f"国务院关于加快推进农业机械化的指导意见\n{number}\n各省人民政府：\n一、总体要求")
    assert doc.doc_number == number


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2018年12月21日", dt.date(2018, 12, 21)),
        ("二〇一八年十二月二十一日", dt.date(2018, 12, 21)),
        ("二○一九年一月五日", dt.date(2019, 1, 5)),
        ("2025-08-01", dt.date(2025, 8, 1)),
        ("2018年2月30日", None),
        ("2019.01.27", dt.date(2019, 1, 27)),
        ("2019/1/27", dt.date(2019, 1, 27)),
        ("2019.13.01", None),
        ("2019-²-1", None),
    ],
)
def test_dates(text: str, date: dt.date | None) -> None:
    assert parse_date(text) == date


def test_chinese_signature_date() -> None:
    doc = parse(
        "关于推进工作的通知\n各区政府：\n现将有关事项通知如下。\n青川市人民政府\n二〇一八年十二月二十一日"
    )
    assert (doc.issuer, doc.signed, doc.published) == (
        "青川市人民政府",
        dt.date(2018, 12, 21),
        dt.date(2018, 12, 21),
    )


def test_closing_date_of_a_notice_run_into_one_line() -> None:
    """A notice whose lines were run together (a text cell of a crawled table) still ends
    with its signing date; the past it reports is then read as the past."""
    doc = parse(
        "青川市人民政府关于推进工作的通知各区政府：到2004年底，全市装机规模达到4.4亿千瓦。"
        "到2006年，新增装机规模3000万千瓦。青川市人民政府二〇〇五年二月二十二日"
    )
    assert (doc.signed, doc.published) == (dt.date(2005, 2, 22), dt.date(2005, 2, 22))
    targets = [t for n in doc.walk() for t in n.targets]
    assert [(t.value, t.unit, t.year) for t in targets] == [(3000, "万千瓦", 2006)]


def test_no_closing_date_where_the_text_ends_otherwise() -> None:
    doc = parse("关于推进工作的通知各区政府：2025年3月1日起施行，请认真贯彻执行。")
    assert doc.signed is None


@pytest.mark.parametrize("date", ["2019.01.27", "2019/1/27"])
def test_numeric_signature_date(date: str) -> None:
    doc = parse(f"关于推进工作的通知\n各区政府：\n现将有关事项通知如下。\n青川市人民政府\n{date}")
    assert (doc.issuer, doc.signed) == ("青川市人民政府", dt.date(2019, 1, 27))


def test_issuer_from_the_title() -> None:
    doc = parse("国务院办公厅关于推广第二批支持创新相关改革举措的通知\n一、推广的改革举措")
    assert doc.issuer == "国务院办公厅"
    assert parse("关于推进人才集聚工程的实施意见\n一、总体目标").issuer is None


@pytest.mark.parametrize(
    ("title", "start", "end"),
    [
        ("青川市推进数字经济高质量发展三年行动计划（2024—2026年）", 2024, 2026),
        ("青川市国土空间总体规划（2018—2035年）", 2018, 2035),
        ("青川市养老服务体系建设规划（2015-2020年）", 2015, 2020),
    ],
)
def test_horizon_from_the_title(title: str, start: int, end: int) -> None:
    doc = parse(f"{title}\n一、总体要求")
    assert doc.horizon is not None
    assert (doc.horizon.start, doc.horizon.end) == (start, end)
    assert title[doc.horizon.span[0] : doc.horizon.span[1]] == doc.horizon.text


def test_horizon_from_the_text() -> None:
    doc = parse(
        "青川市推进数字经济发展行动计划\n为推动2021-2025年全市数字经济发展，制定本计划。\n一、目标"
    )
    assert doc.horizon is not None and (doc.horizon.start, doc.horizon.end) == (2021, 2025)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("大力提振和扩大消费专项行动实施方案", "实施方案"),
        ("推动大规模设备更新行动方案", "行动方案"),
        ("推进数字经济高质量发展三年行动计划（2024—2026年）", "行动计划"),
        ("国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见", "意见"),
        ("关于推进人才集聚工程的实施意见", "意见"),
        ("关于进一步促进消费的若干措施", "若干措施"),
        ("国务院办公厅关于推广第二批支持创新相关改革举措的通知", "通知"),
        ("个人所得税专项附加扣除暂行办法", "办法"),
        ("国务院关于修改部分行政法规的决定", "决定"),
        ("关于推进工作的说明", None),
    ],
)
def test_document_type(title: str, kind: str | None) -> None:
    assert doc_type(title) == kind


def test_a_bylines_date_and_time_dates_a_news_page() -> None:
    """A news page prints when it was posted near its top, with the clock time; a year
    before it is then the past (a baseline), and its own goals keep their years."""
    doc = parse(
        "全省能源工作会召开\n"
        "中国电力报·2026-01-20 07:15\n"
        "2025年，全省建成投运煤电装机198万千瓦。到2030年，电源总装机达1.4亿千瓦。\n"
    )
    assert doc.published == dt.date(2026, 1, 20)
    targets = [t for n in doc.walk() for t in n.targets]
    assert [(t.value, t.unit, t.year) for t in targets] == [(1.4, "亿千瓦", 2030)]


@pytest.mark.parametrize(
    "text",
    [
        "全省能源工作会召开\n2025年1月1日起施行。\n",  # a date with no clock time
        "一\n二\n三\n四\n五\n六\n发布时间：2026-01-20 07:15\n",  # below the top lines
    ],
)
def test_no_byline_date_without_a_time_or_below_the_top(text: str) -> None:
    assert parse(text).published is None
