"""Word files as portals publish them: the text read must not change.

The expected lines were written down from the reader that built the whole
tree (before the streaming reader) and checked by hand against the bodies
below: labels counted per list and level, deeper levels restarting, styles
inherited, w:numId 0, content controls, breaks and tabs, deleted text left
out, a table's cells one per line with its labels counted cell by cell (the
outer cell before the table nested in it).  A paragraph's tab stops
(w:tabs/w:tab in its w:pPr) are no text: they read as tabs until 0.2.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from docx_builder import W_NS, build, paragraph, style, table
from policyparse.errors import TooLargeError
from policyparse.inputs import docx


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def numbered(text: str, level: int, num_id: int = 1, tabs: bool = False) -> str:
    stops = '<w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs>' if tabs else ""
    return f'<w:p><w:pPr>{stops}<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>{run(text)}</w:p>'


NUMBERING2 = f"""<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimalFullWidth"/><w:lvlText w:val="%1．"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""

STYLES = (
    style("Normal", default=True)
    + style("Heading1", based_on="Normal", num_id=1, level=0)
    + style("Measure", based_on="Normal", num_id=1, level=1)
    + style("Sub", based_on="Measure")
)

PLAN = (
    paragraph("青川市促进消费若干措施")
    + paragraph("  各区县人民政府，市政府各部门：  ")
    + '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>为深入贯彻</w:t></w:r><w:r><w:t xml:space="preserve">落实 </w:t></w:r><w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>有关部署</w:t></w:r></w:hyperlink><w:r><w:t>，制定本措施。</w:t></w:r></w:p>'
    + paragraph("总体要求", style="Heading1")
    + paragraph("到2025年，社会消费品零售总额达到5000亿元。", style="Measure")
    + numbered("重点任务", 0)
    + numbered("发放消费券。内容。\n第二行。", 1)
    + numbered("细则一。", 2)
    + numbered("细则二。", 2)
    + numbered("要点", 3)
    + numbered("要点", 3)
    + numbered("举办活动。", 1, tabs=True)
    + "<w:p><w:r><w:t>责任单位：</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>市商务局</w:t></w:r><w:r><w:cr/></w:r><w:r><w:t>市财政局</w:t></w:r></w:p>"
    + "<w:p><w:r><w:delText>删除的文字</w:delText></w:r><w:ins><w:r><w:t>插入的文字</w:t></w:r></w:ins></w:p>"
    + paragraph("")
    + paragraph("   ")
    + numbered("另一列表", 0, 2)
    + numbered("子项", 1, 2)
    + numbered("子项", 1, 2)
    + numbered("另一列表二", 0, 2)
    + paragraph("保障措施", style="Heading1")
    + paragraph("加强组织领导。", style="Sub")
    + paragraph("不编号。", style="Sub", num_id=0)
    + '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>'
    + paragraph("内容控件里的段落。")
    + numbered("控件里的编号", 1)
    + "</w:sdtContent></w:sdt>"
    + table(
        [["序号", "事项", "责任单位"], ["1", "消费券\n发放", "市商务局 "], ["2", "", "市财政局"]]
    )
    + "<w:tbl><w:tr><w:tc>"
    + numbered("表内编号", 2)
    + paragraph("第二段")
    + "<w:tbl><w:tr><w:tc>"
    + numbered("嵌套编号", 2)
    + "</w:tc><w:tc>"
    + paragraph("嵌套二")
    + "</w:tc></w:tr></w:tbl>"
    + numbered("表内编号后", 2)
    + "</w:tc></w:tr></w:tbl>"
    + paragraph("青川市人民政府")
    + paragraph("2024年5月1日")
)

CASES: dict[str, bytes] = {
    "plan": build(PLAN, numbering=NUMBERING2, styles=STYLES),
    "typed": build(
        paragraph("一、总体要求") + paragraph("（一）目标。\t到2025年。") + table([["a", "b"]]),
        numbering=False,
    ),
}


PLAN_LINES = [
    "青川市促进消费若干措施",
    "各区县人民政府，市政府各部门：",
    "为深入贯彻落实 有关部署，制定本措施。",
    "一、总体要求",
    "（一）到2025年，社会消费品零售总额达到5000亿元。",
    "二、重点任务",
    "（一）发放消费券。内容。",
    "第二行。",
    "1.细则一。",
    "2.细则二。",
    "①要点",
    "②要点",
    "（二）举办活动。",
    "责任单位：\t市商务局",
    "市财政局",
    "插入的文字",
    "３．另一列表",
    "３.a)子项",
    "３.b)子项",
    "４．另一列表二",
    "三、保障措施",
    "（一）加强组织领导。",
    "不编号。",
    "内容控件里的段落。",
    "（二）控件里的编号",
    # A table of data: one tab-separated line per row, a cell's lines joined as clauses.
    "序号\t事项\t责任单位",
    "1\t消费券；发放\t市商务局",
    "2\t\t市财政局",
    "1.表内编号第二段2.表内编号后",
    "3.嵌套编号",
    "嵌套二",
    "青川市人民政府",
    "2024年5月1日",
]

TYPED_LINES = [
    "一、总体要求",
    "（一）目标。\t到2025年。",
    "a",
    "b",
]


def test_a_plan_numbered_by_word_reads_as_before() -> None:
    text, notes = docx.extract(CASES["plan"])
    assert text.split("\n") == PLAN_LINES
    assert notes == []


def test_typed_numbers_and_a_table_read_as_before() -> None:
    text, notes = docx.extract(CASES["typed"])
    assert text.split("\n") == TYPED_LINES
    assert notes == []


def test_a_limit_just_large_enough_reads_the_same_text() -> None:
    """The limit counts the bytes inflated from the three parts read, together."""
    with zipfile.ZipFile(io.BytesIO(CASES["plan"])) as zf:
        size = sum(zf.getinfo(f"word/{part}.xml").file_size for part in PARTS)
    assert docx.extract(CASES["plan"], size)[0].split("\n") == PLAN_LINES
    with pytest.raises(TooLargeError, match=r"over the .* limit on the Word parts read"):
        docx.extract(CASES["plan"], size - 1)


PARTS = ("numbering", "styles", "document")
