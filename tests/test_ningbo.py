"""Hand-written facts about the Ningbo plan, read off the source text.

None of these numbers or titles comes from the parser: they were counted in
corpus/ningbo-2025-consumption.txt by hand.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import policyparse
from conftest import CORPUS
from helpers import compact
from policyparse import Document

NINGBO = CORPUS / "ningbo-2025-consumption.txt"

SECTIONS = [
    ("1", "一、", "实施居民增收促进行动"),
    ("2", "二、", "实施居民减负保障行动"),
    ("3", "三、", "实施大宗消费扩容行动"),
    ("4", "四、", "实施服务消费提质行动"),
    ("5", "五、", "实施消费载体提升行动"),
    ("6", "六、", "实施消费环境优化行动"),
    ("7", "七、", "实施消费限制减少行动"),
]

# path, title, number of units in its (责任单位:…)
MEASURES = [
    ("1.1", "促进充分就业", 2),
    ("1.2", "鼓励大众创业", 1),
    ("1.3", "加大职业培训", 2),
    ("1.4", "拓宽财产性收入渠道", 4),
    ("2.1", "减轻婚育负担", 5),
    ("2.2", "加强医疗保障", 2),
    ("2.3", "减轻养老负担", 2),
    ("2.4", "强化困难群体托底服务", 2),
    ("3.1", "激发住房消费潜力", 3),
    ("3.2", "促进新能源消费", 9),
    ("3.3", "拓展数智消费", 5),
    ("3.4", "支持设备更新", 6),
    ("4.1", "促进餐饮和住宿消费", 2),
    ("4.2", "扩大生活服务消费", 3),
    ("4.3", "挖掘文旅消费潜能", 2),
    ("4.4", "发展体育消费", 4),
    ("4.5", "培育健康消费", 3),
    ("4.6", "壮大会展消费", 7),
    ("5.1", "提升商圈能级", 3),
    ("5.2", "建设高品质商业街区", 1),
    ("5.3", "激发社区商业活力", 6),
    ("5.4", "完善商贸流通体系", 1),
    ("5.5", "提高内外贸一体化水平", 2),
    ("6.1", "打造放心消费环境", 1),
    ("6.2", "完善社会信用体系", 3),
    ("6.3", "健全交通服务网络", 3),
    ("6.4", "提升消费金融服务", 3),
    ("6.5", "扩大入境消费", 3),
    ("7.1", "丰富消费场景", 5),
    ("7.2", "促进职工消费", 7),
    ("7.3", "完善制度政策", 4),
]


@pytest.fixture(scope="module")
def doc() -> Document:
    return policyparse.parse_file(NINGBO)


@pytest.fixture(scope="module")
def source() -> str:
    return NINGBO.read_text(encoding="utf-8")


def test_metadata_from_header_line(doc: Document) -> None:
    assert doc.title == "大力提振和扩大消费专项行动实施方案"
    assert doc.issuer == "宁波市人民政府办公厅"
    assert doc.published == dt.date(2025, 8, 1)
    assert doc.doc_number is None
    assert doc.source.encoding == "utf-8"
    assert doc.source.format == "text"
    assert doc.source.path == str(NINGBO)


def test_seven_sections(doc: Document) -> None:
    sections = [n for n in doc.walk() if n.kind == "section"]
    assert [(n.path, n.label, n.title) for n in sections] == SECTIONS
    assert all(n.level == 1 for n in sections)


def test_thirty_one_measures(doc: Document) -> None:
    measures = [n for n in doc.walk() if n.kind == "measure"]
    assert len(measures) == 31
    assert [(n.path, n.title) for n in measures] == [(p, t) for p, t, _ in MEASURES]
    assert all(n.level == 2 and n.label and n.label.startswith("(") for n in measures)
    assert [n.number for n in measures[:4]] == [1, 2, 3, 4]


def test_106_responsible_units(doc: Document) -> None:
    measures = [n for n in doc.walk() if n.kind == "measure"]
    assert [len(n.responsible_units) for n in measures] == [c for _, _, c in MEASURES]
    units = [u for n in doc.walk() for u in n.responsible_units]
    assert len(units) == 106
    assert all(u.role == "responsible" for u in units)


def test_unit_names_and_alias(doc: Document, source: str) -> None:
    by_path = {n.path: n for n in doc.walk()}
    names = [u.name for u in by_path["3.2"].responsible_units]
    assert names == [
        "市能源局",
        "市商务局",
        "市公安局",
        "市发改委",
        "市委金融办",
        "中国人民银行宁波市分行",
        "宁波金融监管局",
        "国网宁波供电公司",
        "财政部宁波监管局",
    ]
    first = by_path["3.3"].responsible_units[0]
    assert (first.name, first.aliases) == ("市数字经济局", ["市经信局"])
    assert source[first.span[0] : first.span[1]] == "市数字经济局〔市经信局〕"


def test_preamble_and_closing_paragraphs(doc: Document) -> None:
    top = doc.children
    assert top[0].kind == "paragraph" and top[0].role == "title"
    assert top[1].kind == "paragraph" and top[1].text.startswith("为贯彻落实国家、省相关文件精神")
    assert top[-1].kind == "paragraph" and top[-1].level == 1
    assert top[-1].text.startswith("市级层面建立健全大力提振和扩大消费工作机制")
    assert top[-1].text.endswith("打响城市消费品牌。")


def test_web_furniture_kept_out(doc: Document) -> None:
    texts = [n.text for n in doc.walk()]
    for word in ("热门", "本周", "本月", "来源:", "发布时间"):
        assert not any(word in t for t in texts), word
    assert [f.kind for f in doc.furniture] == [
        "source_line",
        "web_trailer",
        "web_trailer",
        "web_trailer",
    ]


def test_every_sentence_is_in_the_tree(doc: Document, source: str) -> None:
    covered = sorted([n.text_span for n in doc.walk()] + [f.span for f in doc.furniture])
    rest = []
    pos = 0
    for start, end in covered:
        rest.append(source[pos:start])
        pos = max(pos, end)
    rest.append(source[pos:])
    # What no node or furniture covers is whitespace and the labels only.
    leftover = compact("".join(rest))
    labels = "".join(n.label or "" for n in doc.walk())
    assert sorted(leftover) == sorted(compact(labels))


def test_run_in_measure_text_and_title_spans(doc: Document, source: str) -> None:
    node = next(n for n in doc.walk() if n.path == "1.1")
    assert node.label == "(一)"
    assert node.text.startswith("促进充分就业。加强新就业群体就业保障")
    assert node.text.endswith("(责任单位:市人力社保局、市发改委)")
    assert node.title_span is not None
    assert source[node.title_span[0] : node.title_span[1]] == "促进充分就业"
    assert source[node.span[0] : node.span[1]] == "(一)" + node.text


def test_cli_output_is_model_dump_json(
    doc: Document, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    from policyparse.cli import main

    assert main([str(NINGBO)]) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out == doc.model_dump_json() + "\n"
    assert "促进充分就业" in out  # Chinese is not escaped


def test_fullwidth_variant_gives_the_same_tree(doc: Document) -> None:
    from policyparse.text.fold import fold

    wide = policyparse.parse_file(CORPUS / "ningbo-2025-consumption-fullwidth.txt")

    def shape(d: Document) -> list[tuple[object, ...]]:
        return [
            (
                n.kind,
                n.level,
                n.path,
                fold(n.title or ""),
                [fold(u.name) for u in n.responsible_units],
            )
            for n in d.walk()
        ]

    assert shape(wide) == shape(doc)
    assert (wide.title, wide.issuer, wide.published) == (doc.title, doc.issuer, doc.published)
    assert next(n for n in wide.walk() if n.path == "1.1").label == "（一）"


def test_relative_path_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)
    assert policyparse.parse_file(Path(NINGBO.name)).source.path == NINGBO.name
