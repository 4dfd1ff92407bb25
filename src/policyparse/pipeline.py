"""The stages in the order the data flows, joined into one Document.

load → normalize → segment → numbering/structure → extract → model.  The
tree is assembled as plain dicts and validated once by pydantic, which is
both the contract check and the fastest way to build the models.
"""

from __future__ import annotations

from typing import Any

from . import metadata, responsibility, targets
from .load import Loaded
from .model import Document
from .normalize import fold
from .segment import assign_roles, set_aside_furniture, split_blocks
from .structure import INode, Issue, build

_FURNITURE_MESSAGES = {
    "source_line": "portal header line set aside",
    "web_trailer": "portal navigation set aside",
    "page_number": "page number set aside",
}


def _quantity_dicts(
    node: INode, source: str, folded: str, doc_year: int | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    body_start = None
    if node.title_span and node.title_span[1] < node.text_end:
        # After a run-in title (促进充分就业。…) the body opens a paragraph.
        body_start = node.title_span[1] + 1
    found = targets.extract(source, folded, node.text_start, node.text_end, doc_year, body_start)
    goals: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    for f in found:
        common = {
            "text": source[f.start : f.end],
            "span": (f.start, f.end),
            "comparator": f.comparator,
            "value": f.value,
            "value_max": f.value_max,
            "unit": f.unit,
            "base_value": f.base_value,
            "base_unit": f.base_unit,
            "year": f.year,
        }
        if f.kind == "target":
            common.update(
                indicator=f.indicator,
                kind=f.target_kind,
                deadline=f.deadline,
                period=f.period,
            )
            goals.append(common)
        else:
            common["kind"] = f.kind
            figures.append(common)
    return goals, figures


def _node_dict(node: INode, source: str, folded: str, doc_year: int | None) -> dict[str, Any]:
    units = [
        {
            "name": m.name,
            "aliases": m.aliases,
            "role": m.role,
            "span": (m.start, m.end),
        }
        for m in responsibility.find_mentions(source, folded, node.text_start, node.text_end)
    ]
    goals, figures = _quantity_dicts(node, source, folded, doc_year)
    return {
        "kind": node.kind,
        "level": node.level,
        "label": source[node.label[0] : node.label[1]] if node.label else None,
        "number": node.number,
        "path": node.path,
        "style": node.style,
        "role": node.role,
        "title": node.title,
        "text": source[node.text_start : node.text_end],
        "span": (node.start, node.end),
        "label_span": node.label,
        "title_span": node.title_span,
        "text_span": (node.text_start, node.text_end),
        "targets": goals,
        "figures": figures,
        "responsible_units": units,
        "children": [_node_dict(c, source, folded, doc_year) for c in node.children],
    }


def _issue_dict(issue: Issue) -> dict[str, Any]:
    return {
        "code": issue.code,
        "message": issue.message,
        "span": issue.span,
        "severity": issue.severity,
    }


def run(loaded: Loaded, *, with_text: bool = False) -> Document:
    """Parse decoded text into a Document."""
    source = loaded.text
    folded = fold(source)
    blocks, pieces = set_aside_furniture(folded, split_blocks(folded))
    assign_roles(folded, blocks)
    outline = build(source, folded, blocks)
    meta, meta_issues = metadata.extract(source, folded, blocks, pieces, outline)
    issues = [Issue(code, message, None) for code, message in loaded.notes]
    dated = meta.signed or meta.published
    doc_year = dated.year if dated else None
    issues += outline.issues + meta_issues
    if not any(n.kind != "paragraph" for n in outline.children):
        issues.append(
            Issue("no_structure", "no numbered headings found; paragraphs only", None, "info")
        )
    doc = {
        "title": meta.title,
        "title_span": meta.title_span,
        "plan_title": meta.plan_title,
        "doc_number": meta.doc_number,
        "issuer": meta.issuer,
        "published": meta.published,
        "signed": meta.signed,
        "source": {
            "path": loaded.path,
            "format": loaded.format,
            "encoding": loaded.encoding,
            "sha256": loaded.sha256,
        },
        "children": [_node_dict(n, source, folded, doc_year) for n in outline.children],
        "furniture": [
            {"kind": p.kind, "text": source[p.start : p.end], "span": (p.start, p.end)}
            for p in pieces
        ],
        "diagnostics": [_issue_dict(i) for i in sorted(issues, key=_issue_order)],
        "text": source if with_text else None,
    }
    return Document.model_validate(doc)


def _issue_order(issue: Issue) -> tuple[int, int]:
    return (issue.span[0], issue.span[1]) if issue.span else (-1, -1)
