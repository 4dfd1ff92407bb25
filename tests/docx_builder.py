"""Build small .docx files for tests, with the standard library only."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

# Level 0 draws 一、 二、; level 1 draws (一) (二), restarting under each level-0 item.
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%2)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def num_pr(num_id: int | None = None, level: int | None = None) -> str:
    """A w:numPr with whichever of w:ilvl and w:numId are given ("" if neither)."""
    if num_id is None and level is None:
        return ""
    ilvl = "" if level is None else f'<w:ilvl w:val="{level}"/>'
    num = "" if num_id is None else f'<w:numId w:val="{num_id}"/>'
    return f"<w:numPr>{ilvl}{num}</w:numPr>"


def paragraph(
    text: str, level: int | None = None, *, style: str | None = None, num_id: int | None = None
) -> str:
    """A w:p; with *level*, numbered by Word through numId 1 (or *num_id*).

    *style* sets the paragraph style (w:pStyle); *num_id* alone gives the
    paragraph its own w:numId without a level (0 turns numbering off).
    """
    if level is not None and num_id is None:
        num_id = 1
    p_style = "" if style is None else f'<w:pStyle w:val="{style}"/>'
    props = p_style + num_pr(num_id, level)
    runs = "<w:br/>".join(
        f'<w:r><w:t xml:space="preserve">{escape(part)}</w:t></w:r>' for part in text.split("\n")
    )
    p_pr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{p_pr}{runs}</w:p>"


def style(
    style_id: str,
    *,
    name: str | None = None,
    based_on: str | None = None,
    num_id: int | None = None,
    level: int | None = None,
    kind: str = "paragraph",
    default: bool = False,
) -> str:
    """A w:style for word/styles.xml, carrying a w:numPr when *num_id* or *level* is given."""
    is_default = ' w:default="1"' if default else ""
    parent = "" if based_on is None else f'<w:basedOn w:val="{based_on}"/>'
    props = num_pr(num_id, level)
    p_pr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return (
        f'<w:style w:type="{kind}" w:styleId="{style_id}"{is_default}>'
        f'<w:name w:val="{escape(name or style_id)}"/>{parent}{p_pr}</w:style>'
    )


def table(rows: list[list[str]]) -> str:
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{paragraph(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl>{cells}</w:tbl>"


def build(body: str, *, numbering: bool | str = True, styles: str | None = None) -> bytes:
    """A .docx of *body*; *numbering* True gives NUMBERING, a string its own
    word/numbering.xml; *styles* (w:style elements) gives word/styles.xml."""
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("word/document.xml", document)
        if numbering:
            zf.writestr("word/numbering.xml", NUMBERING if numbering is True else numbering)
        if styles is not None:
            zf.writestr("word/styles.xml", f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>')
    return buf.getvalue()


Cell = str | tuple[str, int, str | None]  # text, or (text, w:gridSpan, w:vMerge value)


def grid_table(rows: list[list[Cell]]) -> str:
    """A w:tbl whose cells may merge: (text, columns spanned, "restart" / "continue" / None)."""
    out = []
    for row in rows:
        tcs = []
        for cell in row:
            text, span, merge = (cell, 1, None) if isinstance(cell, str) else cell
            props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            if merge == "restart":
                props += '<w:vMerge w:val="restart"/>'
            elif merge == "continue":
                props += "<w:vMerge/>"
            tc_pr = f"<w:tcPr>{props}</w:tcPr>" if props else ""
            paras = "".join(paragraph(p) for p in text.split("\n")) if text else "<w:p/>"
            tcs.append(f"<w:tc>{tc_pr}{paras}</w:tc>")
        out.append("<w:tr>" + "".join(tcs) + "</w:tr>")
    return "<w:tbl>" + "".join(out) + "</w:tbl>"
