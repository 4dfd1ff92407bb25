"""Real inputs and bad inputs: encodings, web pages, Word files, messy text, junk.

Every bad input gives one clear error or a Document with diagnostics, and
each case here checks the message or the diagnostic.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policyparse
from conftest import CORPUS, SHARED
from docx_builder import W_NS, build, paragraph, style, table
from policyparse import Document
from policyparse.inputs.read import decode
from shape import tree

NINGBO = CORPUS / "ningbo-2025-consumption.txt"
NINGBO_TEXT = NINGBO.read_text(encoding="utf-8")
PAGES = SHARED / "govcn-2019"


def from_bytes(
    raw: bytes, name: str = "plan.txt", errors: Literal["strict", "replace"] = "strict"
) -> Document:
    return policyparse.parse_bytes(raw, path=name, errors=errors)


@pytest.fixture(scope="module")
def ningbo() -> Document:
    return policyparse.parse_file(NINGBO)


def pages() -> list[Path]:
    if not PAGES.is_dir():
        pytest.skip(f"reference corpus not found: {PAGES}")
    return sorted(PAGES.glob("*.html"))


# -- encodings -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (NINGBO_TEXT.encode("utf-8"), "utf-8"),
        (NINGBO_TEXT.encode("utf-8-sig"), "utf-8-sig"),
        (NINGBO_TEXT.encode("gb18030"), "gb18030"),
        (NINGBO_TEXT.encode("gbk"), "gb18030"),
        (NINGBO_TEXT.encode("utf-16"), "utf-16"),
        (b"\xfe\xff" + NINGBO_TEXT.encode("utf-16-be"), "utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16-le", "utf-16-be"],
)
def test_every_encoding_gives_the_same_tree(raw: bytes, encoding: str, ningbo: Document) -> None:
    doc = from_bytes(raw)
    assert doc.source.encoding == encoding
    assert tree(doc) == tree(ningbo)


def test_gb18030_file_equals_the_text_version(tmp_path: Path, ningbo: Document) -> None:
    path = tmp_path / "ningbo-gb18030.txt"
    path.write_bytes(NINGBO_TEXT.encode("gb18030"))
    doc = policyparse.parse_file(path)
    assert tree(doc) == tree(ningbo)
    assert (doc.title, doc.issuer, doc.published) == (ningbo.title, ningbo.issuer, ningbo.published)


def test_damaged_utf8_is_named_not_misread() -> None:
    raw = bytearray(NINGBO_TEXT.encode("utf-8"))
    raw[400] = 0xFF
    with pytest.raises(
        policyparse.DecodeError, match=r"damaged UTF-8 \(first bad byte at offset 39\d\)"
    ):
        from_bytes(bytes(raw))
    doc = from_bytes(bytes(raw), errors="replace")
    assert doc.diagnostics[0].code == "replaced_bytes"
    assert "\ufffd" in "".join(n.text for n in doc.walk())


def test_undecodable_bytes_are_one_error() -> None:
    with pytest.raises(policyparse.DecodeError, match="not valid utf-8 or gb18030"):
        from_bytes(b"plan \x81\x30\xff\xfe text")


# A plan of Taiwan or Hong Kong, in traditional characters (synthetic).
TRADITIONAL_PLAN = """某市推動數位轉型實施方案
為加快數位經濟發展，制定本方案。
一、主要目標
到2025年，全市數位經濟核心產業增加值占比達到80%。
二、重點任務
（一）加強基礎設施建設。推進網路建設，提升公共服務能力。（責任單位：市經濟發展局）
（二）培育新興產業。支持企業創新發展，擴大有效投資。（責任單位：市科技局、市財政局）
"""
# The same plan in simplified characters.
SIMPLIFIED_PLAN = """某市推动数字转型实施方案
为加快数字经济发展，制定本方案。
一、主要目标
到2025年，全市数字经济核心产业增加值占比达到80%。
二、重点任务
（一）加强基础设施建设。推进网络建设，提升公共服务能力。（责任单位：市经济发展局）
（二）培育新兴产业。支持企业创新发展，扩大有效投资。（责任单位：市科技局、市财政局）
"""


def _guesses(doc: Document) -> list[tuple[str, str]]:
    return [(d.severity, d.message) for d in doc.diagnostics if d.code == "encoding_guessed"]


@pytest.mark.parametrize("codec", ["big5", "cp950"])
def test_big5_plan_is_read_as_big5_not_as_gb18030(codec: str) -> None:
    raw = TRADITIONAL_PLAN.encode(codec)
    assert raw.decode("gb18030") != TRADITIONAL_PLAN  # what was read, silently, before
    doc = policyparse.parse_bytes(raw, path="plan.txt", with_text=True)
    assert doc.source.encoding == "cp950"
    assert doc.text == TRADITIONAL_PLAN
    assert doc.title == "某市推動數位轉型實施方案"
    assert [(n.path, n.title) for n in doc.walk() if n.path] == [
        ("1", "主要目標"),
        ("2", "重點任務"),
        ("2.1", "加強基礎設施建設"),
        ("2.2", "培育新興產業"),
    ]
    assert "達到80%" in doc.children[2].text
    assert doc.children[3].children[1].text.endswith("（責任單位：市科技局、市財政局）")
    [(severity, message)] = _guesses(doc)
    assert severity == "info"
    assert message.startswith("read as Big5 (cp950), not GB18030: common characters ")


def test_big5_plan_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(TRADITIONAL_PLAN.encode("big5"))
    r = cli(str(path), "--with-text")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["source"]["encoding"] == "cp950"
    assert doc["title"] == "某市推動數位轉型實施方案"
    assert doc["text"] == TRADITIONAL_PLAN
    assert [d["code"] for d in doc["diagnostics"]] == ["encoding_guessed"]


@pytest.mark.parametrize(
    ("text", "codec"),
    [(SIMPLIFIED_PLAN, "gb18030"), (SIMPLIFIED_PLAN, "gbk"), (TRADITIONAL_PLAN, "gb18030")],
    ids=["simplified-gb18030", "simplified-gbk", "traditional-gb18030"],
)
def test_gb18030_is_still_gb18030_without_a_guess(text: str, codec: str) -> None:
    doc = policyparse.parse_bytes(text.encode(codec), path="plan.txt", with_text=True)
    assert doc.source.encoding == "gb18030"
    assert doc.text == text
    assert _guesses(doc) == []
    if text == SIMPLIFIED_PLAN:
        assert [(t.value, t.year) for t in doc.children[2].targets] == [(80, 2025)]
        assert [u.name for u in doc.children[3].children[1].responsible_units] == [
            "市科技局",
            "市财政局",
        ]


@pytest.mark.parametrize(
    ("raw", "encoding", "text", "severity"),
    [
        ("实施方案".encode("gb18030"), "gb18030", "实施方案", None),
        ("的".encode("gb18030"), "gb18030", "的", None),
        ("實施方案".encode("big5"), "cp950", "實施方案", "info"),
        # Two characters are too few to leave GB18030 for: kept, and said.
        ("實施".encode("big5"), "gb18030", "實施".encode("big5").decode("gb18030"), "warning"),
        # A rare character, and no other plausible reading: kept, nothing to say.
        ("璩".encode("gb18030"), "gb18030", "璩", None),
    ],
    ids=["gb-4", "gb-1", "big5-4", "big5-2", "rare-1"],
)
def test_short_ambiguous_bytes(raw: bytes, encoding: str, text: str, severity: str | None) -> None:
    assert raw.decode("gb18030") and raw.decode("cp950")  # both readings exist
    doc = policyparse.parse_bytes(raw, with_text=True)
    assert (doc.source.encoding, doc.text) == (encoding, text)
    assert [s for s, _ in _guesses(doc)] == ([severity] if severity else [])


def test_short_ambiguous_bytes_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes("實施".encode("big5"))
    r = cli(str(path))
    assert r.returncode == 0 and "Traceback" not in r.stderr
    [guess] = [d for d in json.loads(r.stdout)["diagnostics"] if d["code"] == "encoding_guessed"]
    assert guess["message"].startswith("too short to tell GB18030 from Big5")


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (
            "서울특별시는 디지털 전환을 가속화하기 위하여 이 계획을 수립한다. 2025년까지 목표를 달성한다.",
            "euc-kr",
        ),
        (
            "東京都はデジタル化を進めるため、この計画を定める。二〇二五年までに目標を達成する。",
            "shift_jis",
        ),
    ],
    ids=["euc-kr", "shift-jis"],
)
def test_text_in_another_encoding_is_doubted_aloud(text: str, codec: str) -> None:
    """Korean or Japanese bytes read as GB18030 without an error: the reading is doubted."""
    doc = policyparse.parse_bytes(text.encode(codec))
    assert doc.source.encoding == "gb18030"
    [(severity, message)] = _guesses(doc)
    assert severity == "warning"
    assert message.startswith("read as GB18030, but few of its characters are common ones")
    assert message.endswith("the bytes may be in another encoding")


def _window(text: str, start: int, length: int) -> str:
    return text[start % len(text) :][:length]


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10_000), st.integers(8, 400))
def test_any_piece_of_a_plan_decodes_right_in_either_encoding(start: int, length: int) -> None:
    """Four Chinese characters or more of real text: Big5 is Big5, GB18030 stays GB18030."""
    for text, codec, encoding in (
        (_window(TRADITIONAL_PLAN, start, length), "big5", "cp950"),
        (_window(SIMPLIFIED_PLAN, start, length), "gb18030", "gb18030"),
        (_window(NINGBO_TEXT, start, length), "gb18030", "gb18030"),
    ):
        if sum(ord(c) > 127 for c in text) < 4:
            continue
        got, enc, notes = decode(text.encode(codec))
        assert (got, enc) == (text, encoding)
        if sum(ord(c) > 127 for c in text) >= _JUDGED:
            assert [n.severity for n in notes] == (["info"] if encoding == "cp950" else [])
        else:
            # A short piece may be mostly rarer characters (旗舰店、概念店: none of the
            # common ones): read right all the same, the guess said.
            assert all(n.code == "encoding_guessed" for n in notes)


_JUDGED = 20  # non-ASCII characters the decoder needs to judge a reading (inputs/read.py)


def test_big5_page_with_meta_charset() -> None:
    """A page that says it is Big5 is read as Big5, with nothing guessed."""
    page = (
        '<!DOCTYPE html><html><head><meta charset="big5">'
        "<title>青川市促進消費若干措施</title></head><body><div>"
        "<p>青川市促進消費若干措施</p><p>一、擴大消費</p>"
        "<p>（一）發放消費券。2024年，發放消費券5000萬元。</p>"
        "</div></body></html>"
    )
    doc = from_bytes(page.encode("big5"), "page.html")
    assert doc.source.encoding == "cp950"
    assert doc.title == "青川市促進消費若干措施"
    assert [(n.path, n.title) for n in doc.walk() if n.path] == [
        ("1", "擴大消費"),
        ("1.1", "發放消費券"),
    ]
    assert _guesses(doc) == []


# -- web pages -----------------------------------------------------------------


def _spaced(x: object) -> object:
    """Tabs and line breaks inside texts read as one kind of space."""
    if isinstance(x, str):
        return " ".join(x.split())
    if isinstance(x, (list, tuple)):
        return [_spaced(y) for y in x]
    return x


@pytest.mark.parametrize(
    ("page", "plan"),
    [
        ("govcn-15.html", "govcn-15-agri-mechanization.txt"),
        ("govcn-10.html", "govcn-10-innovation-reforms.txt"),
        ("govcn-32.html", "govcn-32-iit-deductions.txt"),
    ],
)
def test_portal_page_equals_its_text_version(page: str, plan: str) -> None:
    html, text = PAGES / page, SHARED / "plans" / plan
    if not html.is_file() or not text.is_file():
        pytest.skip(f"reference corpus not found under {SHARED}")
    a, b = policyparse.parse_file(html), policyparse.parse_file(text)
    assert a.source.format == "html"
    # The page prints a table's row on one tab-separated line, the text version one cell
    # per line: the same tree, the texts the same but for that whitespace.
    assert _spaced(tree(a)) == _spaced(tree(b))
    assert (a.title, a.doc_number, a.issuer, a.signed) == (
        b.title,
        b.doc_number,
        b.issuer,
        b.signed,
    )


def test_all_portal_pages_parse_and_agree_with_the_index() -> None:
    all_pages = pages()  # skips where the reference corpus is absent
    assert len(all_pages) == 55
    index = {
        r["file"]: r
        for r in csv.DictReader((PAGES / "index.tsv").open(encoding="utf-8"), delimiter="\t")
    }
    for page in all_pages:
        doc = policyparse.parse_file(page)
        row = index[page.name]
        mismatches = " ".join(d.message for d in doc.diagnostics if d.code == "metadata_mismatch")
        assert doc.doc_number == row["doc_number"], page.name
        assert doc.title == row["title"] or "标题" in mismatches, page.name
        assert doc.issuer == row["issuer"] or "发文机关" in mismatches, page.name
        assert doc.published is not None, page.name


def test_page_metadata_table() -> None:
    page = PAGES / "govcn-15.html"
    if not page.is_file():
        pytest.skip(f"reference corpus not found: {page}")
    doc = policyparse.parse_file(page)
    assert str(doc.published) == "2018-12-29"  # the page's 发布日期
    assert str(doc.signed) == "2018-12-21"  # under the signature, and the page's 成文日期


def test_page_and_text_disagree() -> None:
    page = PAGES / "govcn-24.html"
    if not page.is_file():
        pytest.skip(f"reference corpus not found: {page}")
    doc = policyparse.parse_file(page)
    assert [d.message for d in doc.diagnostics if d.code == "metadata_mismatch"] == [
        "the page's 成文日期 is '2004年04月17日' but the text gives '2004-04-27'"
    ]


GENERIC_PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<meta name="ArticleTitle" content="青川市促进消费若干措施">
<meta name="PubDate" content="2024-05-08 10:00">
<meta name="ContentSource" content="青川市人民政府办公室">
<title>青川市促进消费若干措施_青川市人民政府门户网站</title>
<style>p { color: red }</style>
<script>var x = "一、不是正文";</script>
</head><body>
<div class="nav-menu"><a href="/">首页</a><a href="/zw">政务公开</a></div>
<div class="main-content">
<p>青川市促进消费若干措施</p>
<p>一、扩大消费</p>
<p>（一）发放消费券。2024年，发放消费券5000万元。（责任单位：市商务局）<br>（二）举办促消费活动。全年举办活动100场以上。</p>
<table><tr><td>序号</td><td>事项</td></tr><tr><td>1</td><td>消费券</td></tr></table>
</div>
<div id="footer">版权所有 青川市人民政府</div>
</body></html>"""


def test_a_page_from_another_site() -> None:
    doc = from_bytes(GENERIC_PAGE.encode("utf-8"), "page.html")
    texts = [n.text for n in doc.walk()]
    assert not any("首页" in t or "不是正文" in t or "color" in t or "版权所有" in t for t in texts)
    assert [(n.path, n.title) for n in doc.walk() if n.path] == [
        ("1", "扩大消费"),
        ("1.1", "发放消费券"),
        ("1.2", "举办促消费活动"),
    ]
    assert doc.title == "青川市促进消费若干措施"
    assert str(doc.published) == "2024-05-08"
    assert doc.issuer == "青川市人民政府办公室"
    measure = doc.children[1].children[0]
    assert [t.value for t in measure.targets] == [5000]
    assert [u.name for u in measure.responsible_units] == ["市商务局"]


def test_pages_load_nothing_from_outside(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")
    page = (
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        '<html><body><p>一、任务&xxe;</p><img src="http://example.invalid/x.png"></body></html>'
    )
    doc = from_bytes(page.encode("utf-8"), "page.html")
    assert "SECRET-CONTENT" not in doc.model_dump_json()


def test_with_text_gives_the_extracted_text() -> None:
    doc = policyparse.parse_bytes(GENERIC_PAGE.encode("utf-8"), path="page.html", with_text=True)
    assert doc.text is not None
    for node in doc.walk():
        assert doc.text[node.text_span[0] : node.text_span[1]] == node.text


def test_gbk_page_with_meta_charset() -> None:
    page = GENERIC_PAGE.replace('charset="utf-8"', 'charset="gbk"')
    doc = from_bytes(page.encode("gbk"), "page.html")
    assert doc.source.encoding == "gb18030"
    assert doc.title == "青川市促进消费若干措施"


# -- Word files ------------------------------------------------------------------


def _numbered_ningbo_docx() -> bytes:
    import re

    body = []
    for line in NINGBO_TEXT.split("\n"):
        if re.match(r"[一二三四五六七]、", line):
            body.append(paragraph(line[2:], level=0))
        elif m := re.match(r"\([一二三四五六七]\)", line):
            body.append(paragraph(line[m.end() :], level=1))
        else:
            body.append(paragraph(line))
    return build("".join(body))


def test_docx_with_word_numbering_equals_the_text_version(ningbo: Document) -> None:
    doc = from_bytes(_numbered_ningbo_docx(), "ningbo.docx")
    assert doc.source.format == "docx"
    assert tree(doc) == tree(ningbo)
    assert (doc.title, doc.issuer, doc.published) == (ningbo.title, ningbo.issuer, ningbo.published)


def test_docx_with_typed_numbers_equals_the_text_version(ningbo: Document, tmp_path: Path) -> None:
    path = tmp_path / "ningbo.docx"
    path.write_bytes(
        build("".join(paragraph(line) for line in NINGBO_TEXT.split("\n")), numbering=False)
    )
    assert tree(policyparse.parse_file(path)) == tree(ningbo)


def test_docx_tables_and_line_breaks() -> None:
    body = (
        paragraph("一、任务")
        + paragraph("（一）发放消费券。内容。\n（二）举办活动。内容。")
        + table([["序号", "事项", "责任单位"], ["1", "消费券", "市商务局"]])
    )
    doc = from_bytes(build(body), "t.docx")
    text = policyparse.parse_bytes(build(body), path="t.docx", with_text=True).text
    assert text is not None
    lines = text.split("\n")
    assert lines == [
        "一、任务",
        "（一）发放消费券。内容。",
        "（二）举办活动。内容。",
        "序号\t事项\t责任单位",
        "1\t消费券\t市商务局",
    ]
    assert [n.path for n in doc.walk() if n.path] == ["1", "1.1", "1.2", "1.2.1"]


# Numbering set on the paragraph style (word/styles.xml), as python-docx's
# "List Number" does: the style carries w:numPr, and a level of the list names
# the style in w:pStyle.  numId 2 draws 一、 at level 0 (for style CnHeading),
# （一） at level 1 (for style ListNumber) and 1. at level 2 (named by no style).
STYLE_NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="5">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="CnHeading"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="ListNumber"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="2"><w:abstractNumId w:val="5"/></w:num>
</w:numbering>"""

LIST_STYLES = (
    style("Normal", default=True)
    + style("CnHeading", name="heading cn", based_on="Normal", num_id=2)
    + style("ListNumber", name="List Number", based_on="Normal", num_id=2)
    # no numPr of its own: numId 2 from ListNumber, the level ListNumber is named at
    + style("Measure", based_on="ListNumber")
    # a level of its own, the numId from ListNumber
    + style("Detail", based_on="ListNumber", level=2)
    # numId 0 on the style turns the inherited numbering off
    + style("Unnumbered", based_on="ListNumber", num_id=0)
)


def _styled_text(body: str, styles: str = LIST_STYLES) -> tuple[Document, list[str]]:
    raw = build(body, numbering=STYLE_NUMBERING, styles=styles)
    doc = policyparse.parse_bytes(raw, path="styled.docx", with_text=True)
    assert doc.source.format == "docx"
    assert doc.text is not None
    return doc, doc.text.split("\n")


def _numbered(doc: Document) -> list[tuple[str | None, str | None, str, str]]:
    return [(n.path, n.label, n.kind, n.text) for n in doc.walk() if n.path]


def test_docx_numbering_set_on_the_paragraph_style() -> None:
    doc, lines = _styled_text(
        paragraph("青川市促进消费若干措施")
        + paragraph("重点任务", style="CnHeading")
        + paragraph("发放消费券。内容。", style="ListNumber")
        + paragraph("举办活动。内容。", style="Measure")
        + paragraph("细则一。", style="Detail")
        + paragraph("细则二。", style="Detail")
        + paragraph("保障措施", style="CnHeading")
        + paragraph("加强组织领导。", style="Measure")
    )
    assert lines == [
        "青川市促进消费若干措施",
        "一、重点任务",
        "（一）发放消费券。内容。",
        "（二）举办活动。内容。",
        "1.细则一。",
        "2.细则二。",
        "二、保障措施",
        "（一）加强组织领导。",
    ]
    assert _numbered(doc) == [
        ("1", "一、", "section", "重点任务"),
        ("1.1", "（一）", "measure", "发放消费券。内容。"),
        ("1.2", "（二）", "section", "举办活动。内容。"),
        ("1.2.1", "1.", "measure", "细则一。"),
        ("1.2.2", "2.", "measure", "细则二。"),
        ("2", "二、", "section", "保障措施"),
        ("2.1", "（一）", "measure", "加强组织领导。"),
    ]
    assert tree(doc) == tree(policyparse.parse("\n".join(lines)))


def test_docx_python_docx_list_number_style() -> None:
    """The shape python-docx writes: style ListNumber with a numId and no ilvl,
    level 0 of its list naming the style, the default paragraph style Normal."""
    numbering = f"""<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="7"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="ListNumber"/><w:lvlText w:val="%1."/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>"""
    styles = style("Normal", default=True) + style(
        "ListNumber", name="List Number", based_on="Normal", num_id=3
    )
    body = (
        paragraph("一、重点任务")
        + paragraph("（一）扩大消费。")
        + paragraph("发放消费券。", style="ListNumber")
        + paragraph("举办促消费活动。", style="ListNumber")
    )
    doc = policyparse.parse_bytes(
        build(body, numbering=numbering, styles=styles), path="list.docx", with_text=True
    )
    assert doc.text is not None
    assert doc.text.split("\n")[2:] == ["1.发放消费券。", "2.举办促消费活动。"]
    assert _numbered(doc) == [
        ("1", "一、", "section", "重点任务"),
        ("1.1", "（一）", "section", "扩大消费。"),
        ("1.1.1", "1.", "measure", "发放消费券。"),
        ("1.1.2", "2.", "measure", "举办促消费活动。"),
    ]


def test_docx_paragraph_numbering_overrides_the_style() -> None:
    doc, lines = _styled_text(
        paragraph("青川市促进消费若干措施")
        + paragraph("重点任务", style="CnHeading")
        + paragraph("发放消费券。内容。", style="Measure")
        # its own numId 0: no number, and the list does not count it
        + paragraph("补充说明。", style="Measure", num_id=0)
        + paragraph("说明不编号。", style="Unnumbered")
        + paragraph("举办活动。内容。", style="ListNumber")
        # its own level wins over the level the style is named at
        + paragraph("细则一。", style="Measure", num_id=2, level=2)
    )
    assert lines == [
        "青川市促进消费若干措施",
        "一、重点任务",
        "（一）发放消费券。内容。",
        "补充说明。",
        "说明不编号。",
        "（二）举办活动。内容。",
        "1.细则一。",
    ]
    assert _numbered(doc) == [
        ("1", "一、", "section", "重点任务"),
        ("1.1", "（一）", "measure", "发放消费券。内容。\n补充说明。\n说明不编号。"),
        ("1.2", "（二）", "section", "举办活动。内容。"),
        ("1.2.1", "1.", "measure", "细则一。"),
    ]


def test_docx_style_based_on_cycle_ends(tmp_path: Path) -> None:
    """Styles based on each other in a ring are read once round; in a subprocess,
    so that a loop would fail on the timeout instead of hanging the suite."""
    import json

    styles = (
        style("RingA", based_on="RingB")
        + style("RingB", based_on="RingA", num_id=2)
        + style("Self", based_on="Self")
        + style("LoopX", based_on="LoopY")
        + style("LoopY", based_on="LoopX")
    )
    body = (
        paragraph("青川市促进消费若干措施")
        + paragraph("重点任务", style="RingA")
        + paragraph("发放消费券。", style="Self")
        + paragraph("举办活动。", style="LoopX")
        + paragraph("保障措施", style="RingB")
    )
    path = tmp_path / "ring.docx"
    path.write_bytes(build(body, numbering=STYLE_NUMBERING, styles=styles))
    result = cli(str(path), "--with-text")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["text"].split("\n") == [
        "青川市促进消费若干措施",
        "一、重点任务",
        "发放消费券。",
        "举办活动。",
        "二、保障措施",
    ]


def test_zip_that_is_not_a_word_file(tmp_path: Path) -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("data.csv", "a,b\n")
    path = tmp_path / "archive.zip"
    path.write_bytes(buf.getvalue())
    with pytest.raises(policyparse.FormatError, match="a zip archive, but not a Word document"):
        policyparse.parse_file(path)


def test_broken_word_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    with pytest.raises(policyparse.FormatError, match="not a readable zip archive"):
        policyparse.parse_file(path)


# -- messy text --------------------------------------------------------------------


def _wrap(text: str, width: int) -> str:
    out = []
    for line in text.split("\n"):
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out)


def test_hard_wrapped_text_gives_the_same_outline(ningbo: Document) -> None:
    doc = policyparse.parse(_wrap(NINGBO_TEXT, 32))
    assert [(n.path, n.title) for n in doc.walk() if n.path] == [
        (n.path, n.title) for n in ningbo.walk() if n.path
    ]
    assert sum(len(n.responsible_units) for n in doc.walk()) == 106
    assert [d.code for d in doc.diagnostics] == ["hard_wrap"]


def test_headings_glued_to_the_paragraph_before(ningbo: Document) -> None:
    glued = NINGBO_TEXT.replace("\n(二)", "(二)").replace("\n(三)", "(三)")
    doc = policyparse.parse(glued)
    assert [(n.path, n.title) for n in doc.walk() if n.path] == [
        (n.path, n.title) for n in ningbo.walk() if n.path
    ]
    assert {d.code for d in doc.diagnostics} == {"glued_heading"}


def test_crlf_nbsp_trailing_spaces_blank_lines_page_furniture(ningbo: Document) -> None:
    lines = NINGBO_TEXT.split("\n")
    messy: list[str] = []
    for i, line in enumerate(lines):
        messy.append("\u00a0\u00a0" + line + "   ")
        if i and i % 10 == 0:
            page = i // 10
            messy += ["", "", f"- {page} -", "\f大力提振和扩大消费专项行动实施方案", ""]
    doc = policyparse.parse("\r\n".join(messy))
    assert tree(doc, texts=False) == tree(ningbo, texts=False)
    kinds = [f.kind for f in doc.furniture]
    assert kinds.count("page_number") == 4
    assert kinds.count("running_head") == 4


# -- bad input -----------------------------------------------------------------------


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", *args], capture_output=True, text=True, timeout=60
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "no text in the input"),
        (b"  \n\t\r\n\xe3\x80\x80 \n", "no text in the input"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "binary data, not a text document"),
        (b"GIF89a\x01\x00", "binary data, not a text document"),
    ],
    ids=["empty", "whitespace", "png", "gif"],
)
def test_unreadable_files_are_one_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    with pytest.raises(policyparse.InputError, match=message):
        policyparse.parse_file(path)
    r = cli(str(path))
    assert r.returncode == 2
    assert message in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1


def test_empty_string_gives_a_diagnostic() -> None:
    doc = policyparse.parse("  \n ")
    assert doc.children == []
    assert [d.code for d in doc.diagnostics] == ["empty"]


def test_a_50_mb_file_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(policyparse.TooLargeError, match=r"50\.0 MB is over the 32 MB limit"):
        policyparse.parse_file(path)
    r = cli(str(path))
    assert r.returncode == 2 and "over the 32 MB limit" in r.stderr


def test_raising_the_limit_reads_large_files(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(NINGBO_TEXT * 3, encoding="utf-8")
    with pytest.raises(policyparse.TooLargeError):
        policyparse.parse_file(path, max_bytes=20_000)
    assert policyparse.parse_file(path, max_bytes=None).children


def test_ten_thousand_unbalanced_brackets() -> None:
    doc = policyparse.parse("一、任务\n（一）测试。" + "（" * 10_000 + "内容。")
    assert [d.code for d in doc.diagnostics] == ["unbalanced_brackets"]
    assert doc.diagnostics[0].message == "10001 opening and 1 closing round brackets"


def test_heading_with_no_body() -> None:
    doc = policyparse.parse("一、总体要求\n二、重点任务\n（一）扩大消费。内容。")
    assert [(d.code, d.span) for d in doc.diagnostics] == [("heading_without_body", (0, 2))]


def test_no_structure_at_all() -> None:
    doc = policyparse.parse("这是一段没有编号的文字。\n这是第二段。")
    assert [n.kind for n in doc.children] == ["paragraph", "paragraph"]
    assert [d.code for d in doc.diagnostics] == ["no_structure"]
