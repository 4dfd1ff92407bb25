"""Marker recognition and numeral reading, as tables of real forms."""

from __future__ import annotations

import pytest

from policyparse.layout.markers import match_marker
from policyparse.text.fold import fold
from policyparse.text.numerals import cn_to_int

MARKERS = [
    ("一、总体要求", "cn_dun", "一、", 1),
    ("二十、其他", "cn_dun", "二十、", 20),
    ("(一)促进就业", "cn_paren", "(一)", 1),
    ("（二十三）推动", "cn_paren", "（二十三）", 23),
    ("㈢建设", "cn_paren", "㈢", 3),
    ("1.目标", "arabic", "1.", 1),
    ("45.营造良好环境", "arabic", "45.", 45),
    ("3、建设", "arabic", "3、", 3),
    ("１２．建设", "arabic", "１２．", 12),
    ("(1)建设", "arabic_paren", "(1)", 1),
    ("（12）建设", "arabic_paren", "（12）", 12),
    ("⑵建设", "arabic_paren", "⑵", 2),
    ("⒊建设", "arabic", "⒊", 3),
    ("①建设", "circled", "①", 1),
    ("⑳建设", "circled", "⑳", 20),
    ("第一章　总则", "zh_chapter", "第一章", 1),
    ("第十二节 资金", "zh_section", "第十二节", 12),
    ("第三十二条　本办法", "zh_article", "第三十二条", 32),
    ("第一百零一条 附则", "zh_article", "第一百零一条", 101),
    ("第二部分 任务", "zh_part", "第二部分", 2),
    ("第3条 施行", "zh_article", "第3条", 3),
    # spaces that text taken from a PDF puts inside a label
    ("三 、保障措施", "cn_dun", "三 、", 3),
    ("（ 二 ）推动", "cn_paren", "（ 二 ）", 2),
    ("第 1 2 条 施行", "zh_article", "第 1 2 条", 12),
    ("第 三 章 附则", "zh_chapter", "第 三 章", 3),
    ("4 、建设", "arabic", "4 、", 4),
]


@pytest.mark.parametrize(("text", "style", "label", "value"), MARKERS)
def test_marker(text: str, style: str, label: str, value: int) -> None:
    folded = fold(text)
    m = match_marker(folded, 0, len(folded))
    assert m is not None
    assert (m.style, text[m.start : m.end], m.value) == (style, label, value)


@pytest.mark.parametrize(
    "text",
    [
        "一是加强",
        "2025年",
        "第三届大赛",
        "(2018)年",
        "一二三",
        "零、",
        "（〇）",
        "第零条",
        "1234.",
        "（一",
        "一）",
        "一  、",
        "4 .5亿元",
    ],
)
def test_not_a_marker(text: str) -> None:
    folded = fold(text)
    assert match_marker(folded, 0, len(folded)) is None


def test_digit_after_arabic_marker_is_flagged() -> None:
    m = match_marker("1.6亿元", 0, 5)
    assert m is not None and m.digit_follows


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("一百二十六", 126),
        ("两千", 2000),
        ("三万", 30000),
        ("一百零一", 101),
        ("二〇一八", 2018),
        ("十万", 100000),
        ("一万零五百", 10500),
        ("42", 42),
        # 万 below 亿: the 万 group does not multiply the 亿 before it
        ("一亿二千万", 120_000_000),
        ("二亿五千万", 250_000_000),
        ("一亿零五百万", 105_000_000),
        ("三万四千", 34000),
        ("一千零一十万零一", 10_100_001),
        ("一千亿", 100_000_000_000),
    ],
)
def test_cn_to_int(text: str, value: int) -> None:
    assert cn_to_int(text) == value


@pytest.mark.parametrize("text", ["", "abc", "一二三四五x", "1.5", "万万"])
def test_cn_to_int_rejects(text: str) -> None:
    assert cn_to_int(text) is None or text == "万万"


def test_fold_keeps_length() -> None:
    text = "（一）１．\u3000ａ\r\n，：；"
    assert len(fold(text)) == len(text)
    assert fold(text) == "(一)1. a\n\n,:;"
