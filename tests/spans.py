"""One checker for the span contract, used on real and generated documents."""

from __future__ import annotations

from policyparse import Document, Figure, Node, Target
from policyparse.text.fold import INVISIBLE


def _compact(s: str) -> str:
    """Titles and names drop whitespace and the characters that print as nothing."""
    return "".join(c for c in "".join(s.split()) if c not in INVISIBLE)


def _unmarked(s: str) -> str:
    """A markdown file's titles also drop its marks (**, __, heading hashes)."""
    return _compact(s.replace("**", "").replace("__", "").replace("#", ""))


def check_node(
    node: Node, text: str, lo: int, hi: int, bare: str | None = None, markdown: bool = False
) -> None:
    """*bare*: the text with the page furniture blanked, which a title or a unit's name
    spanning a PDF's page break leaves out (layout.plan); *markdown*: titles drop its marks."""
    bare = text if bare is None else bare
    start, end = node.span
    assert lo <= start <= end <= hi, (node.path, node.span, lo, hi)
    ts, te = node.text_span
    assert start <= ts <= te <= end
    assert text[ts:te] == node.text
    if node.label is not None:
        assert node.label_span is not None
        assert text[node.label_span[0] : node.label_span[1]] == node.label
        assert node.label_span[0] == start
    if node.title is not None:
        assert node.title_span is not None
        a, b = node.title_span
        assert start <= a <= b <= end
        compact = _unmarked if markdown else _compact
        assert compact(bare[a:b]) == compact(node.title)
    items: list[Target | Figure] = [*node.targets, *node.figures]
    for item in items:
        qs, qe = item.span
        assert ts <= qs < qe <= te, (node.path, item.span, node.text_span)
        assert text[qs:qe] == item.text
    for unit in node.responsible_units:
        us, ue = unit.span
        assert ts <= us < ue <= te
        assert _compact(bare[us:ue]).startswith(unit.name)
    pos = max(te, start)
    for child in node.children:
        assert child.span[0] >= pos, (node.path, child.path)
        check_node(child, text, start, end, bare, markdown)
        pos = child.span[1]


def check_document(doc: Document, text: str) -> None:
    """Every span lies inside the text, says what it covers, and nests in order."""
    chars = list(text)
    for piece in doc.furniture:
        chars[piece.span[0] : piece.span[1]] = " " * (piece.span[1] - piece.span[0])
    bare = "".join(chars)
    pos = 0
    for node in doc.children:
        assert node.span[0] >= pos
        check_node(node, text, 0, len(text), bare, doc.source.format == "markdown")
        pos = node.span[1]
    for piece in doc.furniture:
        assert text[piece.span[0] : piece.span[1]] == piece.text
    for diag in doc.diagnostics:
        if diag.span is not None:
            assert 0 <= diag.span[0] <= diag.span[1] <= len(text)
    if doc.title_span is not None:
        compact = _unmarked if doc.source.format == "markdown" else _compact
        printed = compact(bare[doc.title_span[0] : doc.title_span[1]])
        assert printed.startswith(compact(doc.title or ""))
