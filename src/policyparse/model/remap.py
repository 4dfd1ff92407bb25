"""The Document's spans in the source: back from the plan's text, and a PDF's pages.

The stages after the layout read the plan's text (layout.plan), in which the
gaps inside joined paragraphs are closed.  The Document built from it is mapped
back here, in one pass over the plain data: every span (``span``, ``*_span``)
becomes a span of the source, and every text that is a slice of the source
(``text`` of its ``span``, a node's ``text`` of its ``text_span`` and ``label`` of
its ``label_span``) is cut again from the source, so that ``text[span]`` holds
for the user's text whatever was joined.  The furniture is the source's own.

For a PDF each node also gets the page it starts on (``Node.page``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..inputs.pdf import page_at
from ..layout.plan import PlanText

Spans = Callable[[int, int], tuple[int, int]]


def _cut(d: dict[str, Any], source: str, text_key: str, span_key: str) -> None:
    span = d.get(span_key)
    if isinstance(d.get(text_key), str) and span is not None:
        d[text_key] = source[span[0] : span[1]]


def _walk(value: Any, spans: Spans, source: str) -> None:
    if isinstance(value, list):
        for item in value:
            _walk(item, spans, source)
        return
    if not isinstance(value, dict):
        return
    for key, item in value.items():
        if (key == "span" or key.endswith("_span")) and isinstance(item, (tuple, list)):
            value[key] = spans(item[0], item[1])
        elif isinstance(item, (dict, list)):
            _walk(item, spans, source)
    if "text_span" in value:  # a node
        _cut(value, source, "text", "text_span")
        _cut(value, source, "label", "label_span")
    else:
        _cut(value, source, "text", "span")


def to_source(d: dict[str, Any], plan: PlanText, with_text: bool) -> None:
    """Map the Document *d*, built from the plan's text, back to the source (in place)."""
    source = plan.source
    furniture = [
        {"kind": p.kind, "text": source[p.start : p.end], "span": (p.start, p.end)}
        for p in plan.furniture
    ]
    d["furniture"] = []
    d["text"] = None
    _walk(d, plan.span_to_source, source)
    d["furniture"] = furniture
    d["text"] = source if with_text else None


def _pages(nodes: list[dict[str, Any]], starts: tuple[int, ...]) -> None:
    for n in nodes:
        n["page"] = page_at(starts, n["span"][0])
        _pages(n["children"], starts)


def add_pages(d: dict[str, Any], starts: tuple[int, ...]) -> None:
    """Each node's page, from where the PDF's pages start in the source (in place)."""
    if starts:
        _pages(d["children"], starts)
