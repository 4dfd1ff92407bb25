"""Web pages to text: the document body as lines, and the page's metadata.

The body is ``#UCAP-CONTENT`` on the central government portal; elsewhere
the element holding the most paragraph text, widened to the nearest
enclosing element that holds at least half the page's text.  Navigation,
scripts, styles and what a browser does not render (the ``hidden``
attribute, inline ``display:none`` or ``visibility:hidden``) are dropped;
paragraphs, line breaks, divisions and table cells become lines, so a page
reads like the plain-text renderings of the same plans.  lxml parses with
network access off; entity declarations are never loaded.  Nesting deeper
than libxml2 allows is flattened and said in a diagnostic, never cut silently.
"""

from __future__ import annotations

import re
from typing import Any

from .. import lexicon
from ..diagnostics import Issue
from ..errors import FormatError
from . import grid
from .bodies import SAMPLE_ROWS

_BLOCK = frozenset(
    (
        "p",
        "div",
        "br",
        "tr",
        "td",
        "th",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "blockquote",
        "pre",
        "center",
        "caption",
        "hr",
        "header",
        "footer",
        "main",
        "aside",
        "figure",
        "figcaption",
        "address",
        "fieldset",
        "legend",
        "details",
        "summary",
    )
)
_SKIP = frozenset(
    (
        "script",
        "style",
        "nav",
        "noscript",
        "iframe",
        "template",
        "head",
        "title",
        "object",
        "embed",
        "svg",
        "select",
        "button",
        "input",
        "textarea",
        "map",
        "canvas",
        "audio",
        "video",
    )
)
_SPACE = re.compile(r"[ \t\n\r\f\v]+")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_NAV_HINT = re.compile(r"nav|menu|breadcrumb|footer|header|sidebar|share|toolbar", re.IGNORECASE)
# What a browser does not render: an inline style hiding the element (the ``hidden``
# attribute is checked apart).  aria-hidden is still rendered, so it is kept.
_HIDDEN_STYLE = re.compile(
    r"(?:^|[;\s])(?:display\s{0,8}:\s{0,8}none|visibility\s{0,8}:\s{0,8}hidden)\b",
    re.IGNORECASE,
)
# Elements whose text stays in the line around them, for scoring where the text is.
_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param")
)
# libxml2 stops at 2048 levels even with huge_tree; deeper markup is flattened below
# this many levels (counted from the tags, a little more than libxml2 counts).
_FLAT_DEPTH = 1000
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,30})([^<>]*)>")
_META_FIELDS = {
    "articletitle": "title",
    "pubdate": "published",
    "contentsource": "issuer",
    "firstpublishedtime": "published",
    "publishdate": "published",
    "og:title": "title",
}


# A plan's page holds thousands of elements, a long table some hundred thousand; a
# page of millions is no document, costs gigabytes as a tree, and past 10 million
# libxml2 refuses to search it.  Counted as the tags (<, opening and closing), before
# any parse: about a million elements.
MAX_TAGS = 2_000_000


def _check_size(text: str) -> None:
    """Give up at once on a page with more tags than any document has."""
    tags = text.count("<")
    if tags > MAX_TAGS:
        raise FormatError(
            f"the web page has {tags:,} tags, more than the {MAX_TAGS:,} a document "
            "page could hold: not read"
        )


def _compact(s: str) -> str:
    return "".join(s.split()).rstrip(":：")


def _parse_once(text: str) -> tuple[Any, bool]:
    """The tree, and whether libxml2 stopped at its depth limit."""
    from lxml import etree, html

    # huge_tree lifts libxml2's limits on depth (256 to 2048 levels) and on the size
    # of a text node; the input is already within max_bytes (read.py).  It loads no
    # entities: the HTML parser reads no DTD, and network access stays off.
    parser = html.HTMLParser(
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        default_doctype=False,
        huge_tree=True,
    )
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise FormatError(f"cannot read the web page ({exc})") from None
    limit = etree.ErrorTypes.ERR_RESOURCE_LIMIT
    return root, any(e.type == limit for e in parser.error_log)


def _flatten(text: str, cap: int) -> str:
    """*text* with the tags nested deeper than *cap* removed, their text kept.

    A block tag becomes a line break so lines stay apart; a skipped element
    (a script, a style) goes with its content.  Depth is counted from the tags
    (an unclosed <p> counts), so this flattens rather more than it must.
    """
    out: list[str] = []
    lower = text.lower()
    depth, pos = 0, 0
    for m in _TAG.finditer(text):
        if m.start() < pos:  # inside a skipped element already removed
            continue
        closing, name = m.group(1), m.group(2).lower()
        step = 0 if name in _VOID or m.group(3).endswith("/") else (-1 if closing else 1)
        deep = max(depth, depth + step) > cap
        depth = max(0, depth + step)
        if not deep:
            continue
        out.append(text[pos : m.start()])
        pos = m.end()
        if name in _BLOCK:
            out.append("<br>")
        elif name in _SKIP and not closing:
            end = lower.find(f"</{name}", pos)
            pos = len(text) if end < 0 else lower.find(">", end) + 1 or len(text)
            depth -= 1
    out.append(text[pos:])
    return "".join(out)


def _parse(text: str) -> tuple[Any, list[Issue]]:
    text = _XML_DECL.sub("", text, count=1)
    root, cut = _parse_once(text)
    if not cut:
        return root, []
    root, cut = _parse_once(_flatten(text, _FLAT_DEPTH))
    if cut:  # stray closing tags fooled the count: what is past the limit is lost
        message = (
            "the page nests elements deeper than 2048 levels: text past that depth "
            "could not be read"
        )
        return root, [Issue("page_too_deep", message, None, "warning")]
    message = (
        f"the page nests elements deeper than libxml2 reads (2048 levels): tags below "
        f"{_FLAT_DEPTH} levels were dropped, their text kept as lines"
    )
    return root, [Issue("page_too_deep", message, None, "info")]


def _hidden(el: Any) -> bool:
    """Not rendered by a browser: the hidden attribute, display:none, visibility:hidden.

    Never <body> or <html>: pages hide them until a script has run.
    """
    attr = el.get("hidden") is not None
    style = (el.get("style") or "").lower()
    if not attr and "none" not in style and "hidden" not in style:
        return False  # most elements: nothing that could hide them
    if _tag(el) in ("body", "html"):
        return False
    return attr or bool(_HIDDEN_STYLE.search(style))


def _tag(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _left_out(el: Any, body: Any) -> bool:
    """Never document text: skipped, hidden, header/footer, navigation by its name."""
    tag = _tag(el)
    if tag in _SKIP or _hidden(el) or (tag in ("header", "footer") and el is not body):
        return True
    names = el.get("class"), el.get("id")
    if names == (None, None) or el is body:
        return False
    return bool(_NAV_HINT.search(f"{names[0] or ''} {names[1] or ''}"))


def _chars(s: str | None) -> int:
    """Characters that are not whitespace (split() runs in C; a loop over them would not)."""
    return len("".join(s.split())) if s else 0


def _scores(page: Any) -> tuple[dict[Any, int], dict[Any, int], int]:
    """(held, para, hidden) of every element of *page* that can hold document text.

    held: the characters of text in the element, links and left-out elements
    not counted.  para: the text at one level, directly in the element or its
    inline descendants (font, span, b …) plus that of its block children (the
    <p>s of a division), the measure of a block of paragraphs.  hidden: the
    characters inside hidden elements (the outermost counted once), for a page that
    keeps its text in a hidden block for a script to copy into view.  One pass.
    """
    from lxml import etree

    held: dict[Any, int] = {}
    flow: dict[Any, int] = {}
    para: dict[Any, int] = {}
    out: Any = None  # the left-out element being walked through
    hid = _Hidden()
    for event, el in etree.iterwalk(page, events=("start", "end")):
        hid.see(event, el)
        if event == "start":
            if out is None and _left_out(el, page):
                out = el
            continue
        if out is el:
            out = None
            continue
        if out is not None:
            continue
        own = _chars(el.text)
        h, f, p = own, own, own
        for child in el:
            tail = _chars(child.tail)
            h, f, p = h + tail, f + tail, p + tail
            if child not in held:  # left out
                continue
            h += held[child]
            if _tag(child) in _BLOCK:
                p += flow[child]
            else:
                f += flow[child]
                p += flow[child]
        if _tag(el) == "a":  # links are navigation more often than text
            h, f, p = 0, 0, 0
        held[el], flow[el], para[el] = h, f, p
    return held, para, hid.total


class _Hidden:
    """The characters of text inside hidden elements, seen event by event of a walk."""

    def __init__(self) -> None:
        self.total = 0
        self.inside: Any = None  # the outermost hidden element being walked through

    def see(self, event: str, el: Any) -> None:
        if event == "start":
            if self.inside is None and _hidden(el):
                self.inside = el
            if self.inside is not None:
                self.total += _chars(el.text)
        elif self.inside is el:
            self.inside = None
        elif self.inside is not None:
            self.total += _chars(el.tail)


def _name(el: Any) -> str:
    attrs = "".join(f' {a}="{el.get(a)}"' for a in ("id", "class") if el.get(a))
    return f"<{_tag(el)}{attrs[:60]}>"


_HIDDEN_SHARE = 4  # hidden text this many times what the page shows: the page is a template
_HIDDEN_MIN = 500  # characters: a hidden menu or a dialog is smaller


def _body(root: Any) -> tuple[Any, list[Issue]]:
    """The element holding the document, and a diagnostic if it leaves most of the page."""
    page = root.find("body")
    page = page if page is not None else root
    held, para, hidden = _scores(page)
    found = root.xpath("//*[@id='UCAP-CONTENT']")
    if found:
        body = found[0]
    else:
        body, best = page, 0
        for el in page.iter():  # in document order: the outer one on a tie
            score = para.get(el, 0)
            if score > best:
                body, best = el, score
        # The densest block may be a footer beside paragraphs it does not hold:
        # widen to the nearest element holding at least half the page's text.
        while body is not page and held.get(body, 0) * 2 < held.get(page, 0):
            body = body.getparent()
    kept, total = held.get(body, 0), held.get(page, 0)
    if hidden > _HIDDEN_SHARE * total and hidden >= _HIDDEN_MIN:
        message = (
            f"the page hides {hidden:,} characters of text (display:none, hidden: a "
            f"script may show them) and shows {total:,}: the hidden text is left out"
        )
        return body, [Issue("page_text_dropped", message, None, "warning")]
    if kept * 2 >= total:
        return body, []
    message = (
        f"the page's content block {_name(body)} holds {kept:,} of the page's {total:,} "
        f"characters of text: the rest is left out"
    )
    return body, [Issue("page_text_dropped", message, None, "warning")]


def _lines(body: Any) -> str:
    """Text of *body*, one line per block element, whitespace as a browser shows it."""
    from lxml import etree

    parts: list[str] = []
    skipping: Any = None  # the element whose whole subtree is left out, while inside it
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if event == "start":
            if skipping is None:
                skipping = _open(el, body, parts)
        elif skipping is el:
            skipping = None
            _tail(el, body, parts)
        elif skipping is None:
            if _tag(el) in _BLOCK:
                parts.append("\n")
            _tail(el, body, parts)
    lines = (line.strip(" ") for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _open(el: Any, body: Any, parts: list[str]) -> Any:
    """Add what an opening element shows; the element itself when its subtree is left out.

    A table of data is shown whole, one tab-separated line per row (inputs.grid), and
    its subtree is not walked again.
    """
    tag = _tag(el)
    if tag in _SKIP or (tag in ("header", "footer") and el is not body) or _hidden(el):
        return el
    if tag == "table":
        table = _grid(el)
        if table is not None:
            title = _caption(el)  # <caption>: the table's title, a line before its rows
            parts.append("\n" + (title + "\n" if title else "") + "\n".join(grid.lines(table)))
            parts.append("\n")
            return el
    if tag in _BLOCK:
        parts.append("\n")
    if el.text and tag:
        parts.append(_SPACE.sub(" ", el.text))
    return None


def _span(el: Any, name: str) -> int:
    value = (el.get(name) or "1").strip()
    return int(value) if value.isdigit() and len(value) <= 6 else 1


def _caption(table: Any) -> str:
    """The text of a table's own <caption>, on one line ("" when it has none)."""
    for el in table.iterchildren():
        if _tag(el) == "caption" and not _hidden(el):
            return _SPACE.sub(" ", " ".join(el.itertext())).strip()
    return ""


def _grid(table: Any) -> grid.Grid | None:
    """A table of data as a grid; None for a layout table or one holding another table.

    The cells are walked first and read only when no table stands among them: a page laid
    out in tables in tables stops at its first inner table, at once.
    """
    rows: list[list[Any]] = []
    for el in table.iter():
        tag = _tag(el)
        if tag == "table" and el is not table:
            return None
        if tag == "tr":
            rows.append([])
        elif tag in ("td", "th") and rows and not _hidden(el):
            rows[-1].append(el)

    def cells(part: list[list[Any]]) -> grid.Grid:
        return grid.Grid(
            [
                [grid.GridCell(_lines(c), _span(c, "rowspan"), _span(c, "colspan")) for c in r]
                for r in part
            ]
        )

    head = cells(rows[:SAMPLE_ROWS])
    if not head.is_data() or len(rows) < 2:
        return None  # the header (and a sample of rows) decides, before the rest is read
    head.rows += cells(rows[SAMPLE_ROWS:]).rows  # each cell read once
    return head


def _tail(el: Any, body: Any, parts: list[str]) -> None:
    """The text after an element belongs to its parent: shown unless the element is *body*."""
    if el is not body and el.tail:
        parts.append(_SPACE.sub(" ", el.tail))


def _page_meta(root: Any) -> dict[str, str]:
    """The page's own metadata: its <meta> tags, the portal's metadata table (which wins
    over them), and <title> when neither gave a title."""
    meta = _meta_tags(root)
    meta.update(_table_meta(root))
    title = root.find(".//title")
    if "title" not in meta and title is not None and title.text_content().strip():
        meta["title"] = title.text_content().strip()
    return meta


def _meta_tags(root: Any) -> dict[str, str]:
    """<meta name=… content=…> of the fields portals tag, the first of each field."""
    meta: dict[str, str] = {}
    for el in root.iter("meta"):
        name = (el.get("name") or el.get("property") or "").lower()
        field = _META_FIELDS.get(name)
        content = (el.get("content") or "").strip()
        if field and content and field not in meta:
            meta[field] = content
    return meta


def _table_meta(root: Any) -> dict[str, str]:
    """The portal's metadata table: a label cell, then its value (the last of each field)."""
    # label cell → field (lexicon inputs/page_fields).
    table_fields = lexicon.mapping("inputs/page_fields", "field")
    meta: dict[str, str] = {}
    cells = [c for c in root.iter("td", "th")]
    for i, cell in enumerate(cells[:-1]):
        field = table_fields.get(_compact(cell.text_content()))
        if field:
            value = " ".join(cells[i + 1].text_content().split())
            if value and _compact(value) not in table_fields:
                meta[field] = value
    return meta


def extract(text: str) -> tuple[str, dict[str, str], list[Issue]]:
    """The document text of an HTML page, the metadata the page carries, diagnostics."""
    _check_size(text)
    root, notes = _parse(text)
    body, dropped = _body(root)
    return _lines(body), _page_meta(root), notes + dropped
