"""The HTML view and the corpus report, read back with lxml (no browser needed).

Every target and unit of the Document is marked exactly once, the pieces of
each item spell exactly ``text[start:end]``, the whole text is in the page as
written, nothing a document says becomes markup, and the page asks for
nothing from the network.  tests/test_view_browser.py checks the same pages
in a real browser.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

import policyparse
from conftest import CORPUS, REPO
from helpers import XSS_PLAN
from policyparse.export.view import asset, clean

NINGBO = CORPUS / "ningbo-2025-consumption.txt"
OWN_SCRIPTS = {asset(n) for n in ("tables.js", "view.js", "report.js", "report-targets.js")}


def _page(doc: policyparse.Document, text: str) -> Any:
    return lxml_html.document_fromstring(policyparse.render_html(doc, text))


def _count(doc: policyparse.Document) -> tuple[int, int]:
    nodes = list(doc.walk())
    targets = sum(len(n.targets) for n in nodes)
    units = sum(len(n.responsible_units) + len(n.implied_units) for n in nodes)
    return targets, units


def _pieces(page: Any, item: str) -> str:
    """The text of every piece of the page's text that an item covers, joined."""
    return "".join(
        e.text_content()
        for e in page.xpath('//*[@id="text"]//*[@data-items]')
        if item in e.get("data-items").split()
    )


@pytest.fixture(scope="module")
def ningbo() -> tuple[policyparse.Document, str, Any]:
    doc = policyparse.parse_file(NINGBO, with_text=True)
    assert doc.text is not None
    return doc, doc.text, _page(doc, doc.text)


def test_every_target_and_unit_is_marked_once(
    ningbo: tuple[policyparse.Document, str, Any],
) -> None:
    doc, _, page = ningbo
    anchors = [e.get("data-item") for e in page.xpath('//*[@id="text"]//*[@data-item]')]
    assert len(anchors) == len(set(anchors)), "an item is anchored twice"
    targets, units = _count(doc)
    assert (targets, units) == (48, 106)  # the Ningbo plan's counts (README, test_ningbo)
    assert sum(1 for a in anchors if a.startswith("tgt-")) == targets
    assert sum(1 for a in anchors if a.startswith("unit-")) == units
    marked = {
        i
        for e in page.xpath('//*[@id="text"]//*[@data-items]')
        for i in e.get("data-items").split()
    }
    assert marked == set(anchors)


def test_each_item_spells_its_span(ningbo: tuple[policyparse.Document, str, Any]) -> None:
    doc, text, page = ningbo
    nodes = list(doc.walk())
    targets = [t for n in nodes for t in n.targets]
    units = [u for n in nodes for u in n.responsible_units + n.implied_units]
    for k, t in enumerate(targets):
        assert _pieces(page, f"tgt-{k}") == text[t.span[0] : t.span[1]] == t.text
    for k, u in enumerate(units):
        assert _pieces(page, f"unit-{k}") == text[u.span[0] : u.span[1]]


def test_the_whole_text_is_in_the_page(ningbo: tuple[policyparse.Document, str, Any]) -> None:
    _, text, page = ningbo
    [box] = page.xpath('//*[@id="text"]')
    assert box.text_content() == text


def test_a_unit_inside_a_target_and_a_target_inside_a_heading_both_show() -> None:
    text = (
        "关于促进就业的实施方案\n"
        "一、到2025年城镇新增就业超过20万人\n"
        "（一）扩大就业。到2025年，由市发改委牵头新增就业岗位超过10万个。\n"
    )
    doc = policyparse.parse(text)
    measure = next(n for n in doc.walk() if n.kind == "measure")
    [target] = measure.targets
    at = text.index("市发改委")
    assert target.span[0] < at < target.span[1]
    # The parser leaves 由…牵头 inside a clause unread; the view must show any valid Document.
    measure.responsible_units = [
        policyparse.ResponsibleUnit(name="市发改委", role="lead", span=(at, at + 4))
    ]
    page = _page(doc, text)
    classes = [set(e.get("class").split()) for e in page.xpath('//*[@id="text"]//*[@data-items]')]
    assert _pieces(page, "unit-0") == "市发改委"
    assert _pieces(page, "tgt-1") == target.text
    assert any({"tg", "hd"} <= c for c in classes), "a target inside a heading"
    assert any({"tg", "un"} <= c for c in classes), "a unit inside a target's clause"


def test_target_details_name_the_rule(ningbo: tuple[policyparse.Document, str, Any]) -> None:
    _, _, page = ningbo
    [data] = page.xpath('//script[@id="pp-data"]')
    items = json.loads(data.text)["items"]
    fields = dict(items["tgt-0"]["f"])
    assert fields["indicator"] == "新增城镇就业" and fields["year"] == "2025"
    assert fields["comparator"] == ">" and fields["value"] == "20" and fields["unit"] == "万人"
    assert fields["rule"]  # which target rule decided it (the trace)
    rows = page.xpath('//table[@id="targets-table"]/tbody/tr')
    assert len(rows) == 48
    assert sum(1 for r in rows if r.get("data-year") == "2025") == 48 - sum(
        1 for r in rows if r.get("data-year") != "2025"
    )


def test_the_value_without_its_scale_is_not_a_baseline() -> None:
    """20万人 is 200000 人 without its scale: "value in 人", not a "base value" that reads
    as the baseline a change is measured from (a figure of the past is that)."""
    text = "一、目标\n到2025年，新增城镇就业20万人，研发投入较2023年增长25%。\n"
    doc = policyparse.parse(text)
    page = lxml_html.document_fromstring(policyparse.render_html(doc, text))
    [data] = page.xpath('//script[@id="pp-data"]')
    items = json.loads(data.text)["items"]
    fields = [dict(item["f"]) for key, item in items.items() if key.startswith("tgt-")]
    jobs = next(f for f in fields if f["unit"] == "万人")
    assert jobs["value"] == "20" and jobs["value in 人"] == "200000"
    share = next(f for f in fields if f["unit"] == "%")
    assert not [k for k in share if k.startswith("value ")]  # no scale: nothing to add
    assert not [k for f in fields for k in f if "base" in k]
    headers = [b.text for b in page.xpath('//table[@id="targets-table"]/thead//button')]
    assert "unscaled value" in headers and "base value" not in headers
    legend = [s.text for s in page.xpath('//ul[@class="legend"]//span')]
    assert "figure: baseline (a figure of the past)" in legend


def _self_contained(page_text: str) -> None:
    page = lxml_html.document_fromstring(page_text)
    assert not re.search(r"https?://", page_text), "a URL in the page"
    assert not page.xpath("//link | //script[@src] | //img | //iframe | //object | //embed")
    for style in page.xpath("//style"):
        assert "url(" not in style.text and "@import" not in style.text
    csp = page.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert csp and "default-src 'none'" in csp[0]
    for script in page.xpath("//script"):
        assert script.get("type") == "application/json" or script.text in OWN_SCRIPTS


def test_the_view_is_self_contained(ningbo: tuple[policyparse.Document, str, Any]) -> None:
    doc, text, _ = ningbo
    _self_contained(policyparse.render_html(doc, text))


def test_document_text_never_becomes_markup() -> None:
    doc = policyparse.parse(XSS_PLAN)
    assert doc.title and "<script>" in doc.title  # the title really carries it
    names = [u.name for n in doc.walk() for u in n.responsible_units]
    assert any("onerror" in name for name in names)
    out = policyparse.render_html(doc, XSS_PLAN)
    _self_contained(out)
    page = lxml_html.document_fromstring(out)
    assert not page.xpath("//img | //svg//*[@onload] | //*[@onerror] | //*[@onload]")
    [box] = page.xpath('//*[@id="text"]')
    assert box.text_content() == XSS_PLAN
    assert page.xpath("//h1")[0].text_content() == doc.title
    [data] = page.xpath('//script[@id="pp-data"]')
    assert "<" not in data.text and ">" not in data.text  # no way to close the element


def test_characters_xml_cannot_hold_are_shown() -> None:
    text = "关于就业的实施方案\n一、总体要求\x0c\x00\n（一）到2025年，新增就业超过20万人。\n"
    doc = policyparse.parse(text)
    page = _page(doc, text)
    [box] = page.xpath('//*[@id="text"]')
    assert box.text_content() == clean(text) == text.replace("\x0c", "␌").replace("\x00", "␀")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", *args], capture_output=True, text=True, cwd=REPO
    )


def test_view_command_and_format_html(tmp_path: Path) -> None:
    out = tmp_path / "ningbo.html"
    r = _cli("view", str(NINGBO), "-o", str(out))
    assert r.returncode == 0, r.stderr
    page = lxml_html.document_fromstring(out.read_text("utf-8"))
    assert len(page.xpath('//*[@id="text"]//*[starts-with(@data-item, "tgt-")]')) == 48
    r = _cli(str(NINGBO), "--format", "html", "-o", str(tmp_path / "same.html"))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "same.html").read_text("utf-8") == out.read_text("utf-8")
    r = _cli("view", str(tmp_path / "missing.txt"), "-o", str(out))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "missing.txt" in r.stderr
    r = _cli("--help")
    assert "view" in r.stdout and "report" in r.stdout


def test_render_html_needs_the_text() -> None:
    text = "关于就业的实施方案\n一、总体要求\n"
    with pytest.raises(ValueError, match="with_text"):
        policyparse.render_html(policyparse.parse(text))
    assert "总体要求" in policyparse.render_html(policyparse.parse(text, with_text=True))


def test_report_over_a_batch(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    r = _cli("batch", str(CORPUS), "--with-text", "-o", str(out), "--quiet", "-j", "1")
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    parsed = sum(1 for record in lines if "schema_version" in record)
    # corpus/expected/*.json: found, left out, accounted for
    assert len(lines) - parsed == sum(1 for record in lines if "skipped" in record) == 4
    with out.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"path": "bad.txt", "error": "DecodeError", "message": "<b>x</b>"}))
        fh.write('\n{"schema_version": "1.1", "title": "torn')
    report = tmp_path / "report.html"
    r = _cli("report", str(out), "-o", str(report))
    assert r.returncode == 0, r.stderr
    text = report.read_text("utf-8")
    _self_contained(text)
    page = lxml_html.document_fromstring(text)
    [data] = page.xpath('//script[@id="pp-docs"]')
    rows = json.loads(data.text)["rows"]
    assert len(rows) == parsed
    for row in rows:  # each document links to its own view, written beside the report
        view = tmp_path / row[11]
        assert view.is_file() and view.parent.name == "report_files"
        back = lxml_html.document_fromstring(view.read_text("utf-8")).xpath("//header//a/@href")
        assert back == ["../report.html"]
    assert page.xpath('//ul[@id="failed"]/li')[0].text_content().endswith("<b>x</b>")
    r = _cli("report", str(tmp_path / "none.jsonl"), "-o", str(report))
    assert r.returncode == 2 and r.stderr.count("\n") == 1


def test_report_and_tables_count_a_path_once(tmp_path: Path) -> None:
    """A result holding a path twice (two runs before the lock) counts its first record,
    as --resume and the tables do; a torn line counts as no record."""
    from policyparse.export.records import records
    from policyparse.export.report import read_corpus

    doc = policyparse.parse_file(CORPUS / "ningbo-2025-consumption.txt")
    line = doc.model_dump_json()
    error = json.dumps({"path": "x.txt", "error": "empty", "message": "no text"})
    out = tmp_path / "out.jsonl"
    out.write_text("\n".join([line, error, line, error, '{"schema_version": "1.']) + "\n")
    items = list(records(out))
    assert [type(i).__name__ for i in items] == ["Document", "dict", "NoneType"]
    corpus = read_corpus(out)
    assert len(corpus.rows) == 1 and len(corpus.failed) == 1 and corpus.torn == 1


_LINE_TABLE = (
    "某区重点任务分工方案\n\n一、总体要求\n\n推进重点任务。\n\n附件\n\n重点任务分工表\n\n"
    "序号\n\n重点任务\n\n牵头单位\n\n配合单位\n\n"
    "一、推进城市更新\n\n"
    "1\n\n新建充电桩100个\n\n区发展改革委\n\n区财政局\n\n"
    "2\n\n改造老旧小区\n\n区房管局\n\n—\n\n"
)


def test_a_table_printed_one_cell_per_line_is_drawn_as_a_table() -> None:
    doc = policyparse.parse(_LINE_TABLE)
    page = _page(doc, _LINE_TABLE)
    [table] = page.xpath('//*[@id="text"]//table[@class="tbl"]')
    rows = [[td.text_content() for td in tr.xpath("td")] for tr in table.xpath("tr")]
    assert rows[0] == ["序号", "重点任务", "牵头单位", "配合单位"]
    assert table.xpath("tr")[0].get("class") == "head"
    assert rows[1] == ["一、推进城市更新"]  # a heading row across the table
    assert table.xpath("tr")[1].xpath("td")[0].get("colspan") == "4"
    assert rows[2] == ["1", "新建充电桩100个", "区发展改革委", "区财政局"]
    # The units and the target are marked inside their cells.
    cell = table.xpath("tr")[2].xpath("td")
    assert cell[2].xpath(".//*[@data-items]") and cell[1].xpath(".//*[@data-items]")
    # Nothing of the text is lost: the page's text is the document's, minus the blank
    # lines between the table's cells.
    [box] = page.xpath('//*[@id="text"]')
    assert re.sub(r"\s", "", box.text_content()) == re.sub(r"\s", "", _LINE_TABLE)


def test_a_line_of_a_table_in_no_cell_gets_a_row_where_it_stands() -> None:
    rows = "".join(
        ("品质宜居\n\n" if k == 1 else "安全韧性\n\n" if k == 4 else "")
        + f"{k}\n\n指标{k}\n\n指标{k}的定义\n\n%\n\n区民政局\n\n—\n\n"
        for k in range(1, 7)
    )
    text = "某区体检方案\n\n一、任务\n\n开展体检。\n\n附件1\n\n某区指标体系\n\n" + rows
    page = _page(policyparse.parse(text), text)
    [table] = page.xpath('//*[@id="text"]//table[@class="tbl"]')
    firsts = [tr.xpath("td")[0].text_content().strip() for tr in table.xpath("tr")]
    assert firsts == ["1", "2", "3", "安全韧性", "4", "5", "6"]
    assert table.xpath("tr")[0].get("class") is None  # no header: the first row is a row


_BOX_TABLE = (
    "某区民生实事分工表\n┌──┬──────┬────┐\n│序号│工作任务│牵头单位│\n├──┼──────┼────┤\n"
    "│ 1 │新建养老院3所。│区民政局│\n├──┼──────┼────┤\n│ 2 │新增托位500个。│区卫健局│\n"
    "└──┴──────┴────┘\n"
)


def test_a_table_drawn_with_box_characters_is_drawn_as_one_table() -> None:
    """Its border lines (┌──┬──┐, ├──┼──┤) are borders, no rows: one table of three rows."""
    page = _page(policyparse.parse(_BOX_TABLE), _BOX_TABLE)
    [table] = page.xpath('//*[@id="text"]//table[@class="tbl"]')
    rows = [[td.text_content().strip() for td in tr.xpath("td")] for tr in table.xpath("tr")]
    assert rows == [
        ["序号", "工作任务", "牵头单位"],
        ["1", "新建养老院3所。", "区民政局"],
        ["2", "新增托位500个。", "区卫健局"],
    ]


_GLUED_TABLE = (
    "某区关于分解年度任务的通知 附件：某区任务分解表 序号 名称 工作任务 牵头单位\n"
    "1 新建养老院3所。 区民政局\n2 新增托位500个。 区卫健局\n"
)


def test_a_table_of_rows_one_space_apart_is_drawn_as_a_table_under_its_glued_header() -> None:
    """The header glued to the end of a line of text is split off (spacedrows.glued_headers)
    for the page's table as for the parse: the rows are drawn under it."""
    page = _page(policyparse.parse(_GLUED_TABLE), _GLUED_TABLE)
    [table] = page.xpath('//*[@id="text"]//table[@class="tbl"]')
    rows = [[td.text_content().strip() for td in tr.xpath("td")] for tr in table.xpath("tr")]
    assert rows == [
        ["序号", "名称", "工作任务", "牵头单位"],
        ["1", "", "新建养老院3所。", "区民政局"],
        ["2", "", "新增托位500个。", "区卫健局"],
    ]


_RUN_TOGETHER = (
    "某市重点任务分工清单\n序号工作任务责任单位1新建养老院3所。市民政局牵头;市财政局配合"
    "2新增托位500个。市卫健局\n"
)


def test_a_table_whose_cells_run_together_is_drawn_as_a_table() -> None:
    """Rows printed with nothing between their cells are cut as the parse cuts them
    (gluedrows.glued_table_blocks): the page draws the header and one row per task."""
    page = _page(policyparse.parse(_RUN_TOGETHER), _RUN_TOGETHER)
    [table] = page.xpath('//*[@id="text"]//table[@class="tbl"]')
    rows = [[td.text_content().strip() for td in tr.xpath("td")] for tr in table.xpath("tr")]
    assert rows == [
        ["序号", "工作任务", "责任单位"],
        ["1", "新建养老院3所。", "市民政局牵头;市财政局配合"],
        ["2", "新增托位500个。", "市卫健局"],
    ]
