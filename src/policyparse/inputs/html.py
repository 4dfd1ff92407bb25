"""Web pages to text: the document body as lines, and the page's metadata.

The body is ``#UCAP-CONTENT`` on the central government portal; elsewhere
the element whose paragraphs hold the most text.  Navigation, scripts and
styles are dropped; paragraphs, line breaks, divisions and table cells become
lines, so a page reads like the plain-text renderings of the same plans.
lxml parses with network access off; entity declarations are never loaded.
"""

from __future__ import annotations

import re
from typing import Any

from .. import lexicon
from ..errors import FormatError

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
_META_FIELDS = {
    "articletitle": "title",
    "pubdate": "published",
    "contentsource": "issuer",
    "firstpublishedtime": "published",
    "publishdate": "published",
    "og:title": "title",
}


def _compact(s: str) -> str:
    return "".join(s.split()).rstrip(":：")


def _parse(text: str) -> Any:
    from lxml import etree, html

    parser = html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, default_doctype=False
    )
    try:
        root = html.document_fromstring(_XML_DECL.sub("", text, count=1), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise FormatError(f"cannot read the web page ({exc})") from None
    return root


def _body(root: Any) -> Any:
    found = root.xpath("//*[@id='UCAP-CONTENT']")
    if found:
        return found[0]
    best, best_score = None, 0
    for el in root.iter("article", "main", "div", "td", "section"):
        hint = (el.get("class") or "") + " " + (el.get("id") or "")
        if _NAV_HINT.search(hint):
            continue
        score = sum(len(p.text_content()) for p in el.findall("p"))
        if score > best_score:
            best, best_score = el, score
    if best is not None:
        return best
    body = root.find("body")
    return body if body is not None else root


def _lines(body: Any) -> str:
    """Text of *body*, one line per block element, whitespace as a browser shows it."""
    from lxml import etree

    parts: list[str] = []
    skipping: Any = None
    for event, el in etree.iterwalk(body, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if skipping is not None:
                continue
            if tag in _SKIP or (tag in ("header", "footer") and el is not body):
                skipping = el
                continue
            if tag in _BLOCK:
                parts.append("\n")
            if el.text and tag:
                parts.append(_SPACE.sub(" ", el.text))
        else:
            if skipping is el:
                skipping = None
            elif skipping is not None:
                continue
            elif tag in _BLOCK:
                parts.append("\n")
            if el is not body and el.tail:
                parts.append(_SPACE.sub(" ", el.tail))
    lines = (line.strip(" ") for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _page_meta(root: Any) -> dict[str, str]:
    # The portal's metadata table: label cell → field (lexicon inputs/page_fields).
    table_fields = lexicon.mapping("inputs/page_fields", "field")
    meta: dict[str, str] = {}
    for el in root.iter("meta"):
        name = (el.get("name") or el.get("property") or "").lower()
        field = _META_FIELDS.get(name)
        content = (el.get("content") or "").strip()
        if field and content and field not in meta:
            meta[field] = content
    cells = [c for c in root.iter("td", "th")]
    for i, cell in enumerate(cells[:-1]):
        field = table_fields.get(_compact(cell.text_content()))
        if field:
            value = " ".join(cells[i + 1].text_content().split())
            if value and _compact(value) not in table_fields:
                meta[field] = value
    title = root.find(".//title")
    if "title" not in meta and title is not None and title.text_content().strip():
        meta["title"] = title.text_content().strip()
    return meta


def extract(text: str) -> tuple[str, dict[str, str]]:
    """The document text of an HTML page and the metadata the page carries."""
    root = _parse(text)
    body = _body(root)
    return _lines(body), _page_meta(root)
