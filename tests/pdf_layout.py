"""Lay a plan's text out as a PDF, as an office suite would: the tests' PDF writer.

Each line of the text is a paragraph: its first line set in by two characters (a
title is centred instead), its lines filled to the right margin and justified
(a number or Latin word is never split), a running head at the top of every page
and a page number at the foot, in one of the styles government files print.
Written with reportlab in Adobe's built-in STSong-Light (no font file needed).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

FONT = "STSong-Light"
PAGE_NUMBER_STYLES = ("- {n} -", "— {n} —", "－ {n} －", "-{n}-", "—{n}—", "第{n}页 共{total}页")
_TOKEN = re.compile(r"[A-Za-z0-9.%]+|.")


@dataclass(frozen=True)
class Layout:
    """How the pages look: size in points, font size, lines a page, furniture."""

    width: float = 420.0
    height: float = 420.0
    size: float = 12.0
    margin: float = 48.0
    lines_per_page: int = 16  # (height - 2 margins) / 1.5 sizes, less room for a foot
    head: str | None = "某某市人民政府办公厅发布"
    foot: str | None = None
    page_number: str | None = "- {n} -"
    head_min_pages: int = 3  # a head printed on fewer pages is no head (it would be text)


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase import pdfmetrics

    return float(pdfmetrics.stringWidth(text, FONT, size))


def wrap(paragraph: str, first: float, rest: float, size: float) -> list[str]:
    """The lines of *paragraph*: as many tokens as fit, the first line *first* wide."""
    lines: list[str] = []
    line = ""
    room = first
    for tok in _TOKEN.findall(paragraph):
        if line and _width(line + tok, size) > room:
            lines.append(line)
            line, room = "", rest
        line += tok
    if line:
        lines.append(line)
    return lines


def _register() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _placed(text: str, lay: Layout) -> list[tuple[str, float, float]]:
    """Every line of the body as (text, x, char spacing), in order."""
    body = lay.width - 2 * lay.margin
    out: list[tuple[str, float, float]] = []
    paragraphs = [p for p in text.split("\n") if p.strip()]
    for k, para in enumerate(paragraphs):
        if k == 0:  # the title, centred
            w = _width(para, lay.size)
            out.append((para, lay.margin + max(0.0, (body - w) / 2), 0.0))
            continue
        indent = 2 * lay.size
        lines = wrap(para, body - indent, body, lay.size)
        for i, line in enumerate(lines):
            x = lay.margin + (indent if i == 0 else 0.0)
            room = body - (indent if i == 0 else 0.0) - _width(line, lay.size)
            last = i == len(lines) - 1
            spacing = room / (len(line) - 1) if not last and len(line) > 1 else 0.0
            out.append((line, x, spacing))
    return out


def draw(text: str, lay: Layout = Layout()) -> bytes:
    """The PDF of *text* laid out as *lay* says."""
    from reportlab.pdfgen import canvas

    _register()
    placed = _placed(text, lay)
    pages = [placed[i : i + lay.lines_per_page] for i in range(0, len(placed), lay.lines_per_page)]
    furnished = len(pages) >= lay.head_min_pages
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(lay.width, lay.height))
    for n, lines in enumerate(pages, 1):
        top = lay.height - lay.margin
        for i, (line, x, spacing) in enumerate(lines):
            t = c.beginText(x, top - (i + 1) * lay.size * 1.5)
            t.setFont(FONT, lay.size)
            t.setCharSpace(spacing)
            t.textLine(line)
            c.drawText(t)
        c.setFont(FONT, lay.size * 0.8)
        if furnished and lay.head:
            c.drawCentredString(lay.width / 2, lay.height - lay.margin / 2, lay.head)
        if furnished and lay.foot:
            c.drawCentredString(lay.width / 2, lay.margin / 2 + lay.size, lay.foot)
        if lay.page_number:
            label = lay.page_number.format(n=n, total=len(pages))
            c.drawCentredString(lay.width / 2, lay.margin / 2, label)
        c.showPage()
    c.save()
    return buf.getvalue()
