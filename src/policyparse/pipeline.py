"""The stages in the order the data flows, joined into one Document.

load → normalize → segment → numbering/structure → extract → model.  The
tree is assembled as plain dicts and validated once by pydantic, which is
both the contract check and the fastest way to build the models.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import canonical, metadata, responsibility, tables, targets
from .load import Loaded
from .normalize import fold
from .segment import assign_roles, set_aside_furniture, split_blocks, unglue, unwrap
from .structure import INode, Issue, build
from .version import SCHEMA_VERSION

if TYPE_CHECKING:
    from .model import Document


@dataclass(slots=True)
class _Extracted:
    """What the extract stage found in one node's own text."""

    mentions: list[responsibility.Mention] = field(default_factory=list)
    implied: list[responsibility.Mention] = field(default_factory=list)
    found: list[targets.Found] = field(default_factory=list)


def _walk(nodes: list[INode]) -> list[INode]:
    out: list[INode] = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node.children))
    return out


def _extract(
    nodes: list[INode],
    source: str,
    folded: str,
    doc_year: int | None,
    gazetteer: canonical.Gazetteer,
) -> tuple[dict[int, _Extracted], responsibility.State]:
    """Units and targets of every node, in document order (notes carry forward)."""
    state = responsibility.State()
    out: dict[int, _Extracted] = {}
    for node in _walk(nodes):
        ex = _Extracted()
        if node.kind != "paragraph" or node.role is None:
            if node.kind != "paragraph":
                ex.implied = list(state.applies_below)
            ex.mentions = responsibility.find_mentions(
                source, folded, node.text_start, node.text_end, state, gazetteer.known
            )
            for start, end, role in node.table_units:
                ex.mentions.extend(
                    responsibility.units_in(source, folded, start, end, role, gazetteer.known)
                )
            body_start = None
            if node.title_span and node.title_span[1] < node.text_end:
                # After a run-in title (促进充分就业。…) the body opens a paragraph.
                body_start = node.title_span[1] + 1
            ex.found = targets.extract(
                source, folded, node.text_start, node.text_end, doc_year, body_start
            )
        out[id(node)] = ex
    return out, state


def _namer(
    extracted: dict[int, _Extracted], gazetteer: canonical.Gazetteer, place: str | None
) -> dict[str, str]:
    """Canonical name of every printed name; 〔…〕 aliases join their body."""
    names: dict[str, str] = {}
    for ex in extracted.values():
        for m in ex.mentions + ex.implied:
            if m.name not in names:
                names[m.name] = m.name if m.generic else gazetteer.canonical(m.name, place)
    for ex in extracted.values():
        for m in ex.mentions:
            for alias in m.aliases:
                # 市数字经济局〔市经信局〕: within this document 市经信局 is 市数字经济局.
                names[alias] = names[m.name]
                names.setdefault(gazetteer.canonical(alias, place), names[m.name])
    for printed, name in list(names.items()):
        names[printed] = names.get(name, name)
    return names


def _unit_dict(m: responsibility.Mention, names: dict[str, str]) -> dict[str, Any]:
    return {
        "name": m.name,
        "aliases": m.aliases,
        "role": m.role,
        "span": (m.start, m.end),
        "canonical": names.get(m.name, m.name),
        "generic": m.generic,
    }


def _quantity_dicts(
    ex: _Extracted, source: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    goals: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    for f in ex.found:
        # Keys in the order of the model's fields: the JSON written from this
        # dict without pydantic (jsonout) must equal model_dump_json().
        text, span = source[f.start : f.end], (f.start, f.end)
        if f.kind == "target":
            goals.append(
                {
                    "text": text,
                    "span": span,
                    "indicator": f.indicator,
                    "comparator": f.comparator,
                    "value": f.value,
                    "value_max": f.value_max,
                    "unit": f.unit,
                    "base_value": f.base_value,
                    "base_unit": f.base_unit,
                    "kind": f.target_kind,
                    "year": f.year,
                    "deadline": f.deadline,
                    "period": f.period,
                }
            )
        else:
            figures.append(
                {
                    "kind": f.kind,
                    "text": text,
                    "span": span,
                    "comparator": f.comparator,
                    "value": f.value,
                    "value_max": f.value_max,
                    "unit": f.unit,
                    "base_value": f.base_value,
                    "base_unit": f.base_unit,
                    "year": f.year,
                }
            )
    return goals, figures


def _node_dict(
    node: INode, source: str, extracted: dict[int, _Extracted], names: dict[str, str]
) -> dict[str, Any]:
    ex = extracted[id(node)]
    goals, figures = _quantity_dicts(ex, source)
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
        "responsible_units": [_unit_dict(m, names) for m in ex.mentions],
        "implied_units": [_unit_dict(m, names) for m in ex.implied],
        "children": [_node_dict(c, source, extracted, names) for c in node.children],
    }


def _issue_dict(issue: Issue) -> dict[str, Any]:
    return {
        "code": issue.code,
        "message": issue.message,
        "span": issue.span,
        "severity": issue.severity,
    }


@contextmanager
def _no_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector off while a parse builds its objects.

    A parse allocates many small objects and makes no reference cycles; on a
    large input the collector's repeated full passes over them cost nearly as
    much as the parse itself.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def document_dict(
    loaded: Loaded,
    *,
    with_text: bool = False,
    gazetteer: canonical.Gazetteer | None = None,
) -> dict[str, Any]:
    """The Document as plain data, every field present, in the model's order."""
    with _no_gc():
        return _document_dict(loaded, with_text, gazetteer)


def _document_dict(
    loaded: Loaded, with_text: bool, gazetteer: canonical.Gazetteer | None
) -> dict[str, Any]:
    source = loaded.text
    folded = fold(source)
    blocks, pieces = set_aside_furniture(folded, split_blocks(folded), source)
    blocks, joins = unwrap(folded, blocks)
    blocks = unglue(folded, blocks)
    assign_roles(folded, blocks)
    rows, table_issues = tables.find(folded, blocks)
    outline = build(source, folded, blocks, rows)
    meta, meta_issues = metadata.extract(source, folded, blocks, pieces, outline, loaded.meta)
    issues = [Issue(code, message, None) for code, message in loaded.notes]
    issues += outline.issues + meta_issues + table_issues
    if joins:
        issues.append(
            Issue(
                "hard_wrap",
                f"{joins} lines hard-wrapped at a fixed width were joined",
                None,
                "info",
            )
        )
    opened, closed = folded.count("("), folded.count(")")
    if opened != closed:
        issues.append(
            Issue(
                "unbalanced_brackets",
                f"{opened} opening and {closed} closing round brackets",
                None,
                "info",
            )
        )
    dated = meta.signed or meta.published
    doc_year = dated.year if dated else None
    if not source.strip():
        issues.append(Issue("empty", "the input holds no text", None))
    elif not any(n.kind != "paragraph" for n in outline.children):
        issues.append(
            Issue("no_structure", "no numbered headings found; paragraphs only", None, "info")
        )
    gazetteer = gazetteer or canonical.load()
    extracted, state = _extract(outline.children, source, folded, doc_year, gazetteer)
    names = _namer(extracted, gazetteer, canonical.place_of(meta.issuer))
    return {
        "schema_version": SCHEMA_VERSION,
        "title": meta.title,
        "title_span": meta.title_span,
        "plan_title": meta.plan_title,
        "doc_number": meta.doc_number,
        "issuer": meta.issuer,
        "published": meta.published,
        "signed": meta.signed,
        "doc_type": meta.doc_type,
        "horizon": meta.horizon,
        "source": {
            "path": loaded.path,
            "format": loaded.format,
            "encoding": loaded.encoding,
            "sha256": loaded.sha256,
        },
        "children": [_node_dict(n, source, extracted, names) for n in outline.children],
        "furniture": [
            {"kind": p.kind, "text": source[p.start : p.end], "span": (p.start, p.end)}
            for p in pieces
        ],
        "responsibility_notes": [
            {
                "code": n.code,
                "text": source[n.start : n.end],
                "span": (n.start, n.end),
                "unit": n.unit,
            }
            for n in state.notes
        ],
        "diagnostics": [_issue_dict(i) for i in sorted(issues, key=_issue_order)],
        "text": source if with_text else None,
    }


def run(
    loaded: Loaded,
    *,
    with_text: bool = False,
    gazetteer: canonical.Gazetteer | None = None,
) -> Document:
    """Parse decoded text into a Document."""
    from .model import Document

    data = document_dict(loaded, with_text=with_text, gazetteer=gazetteer)
    with _no_gc():
        return Document.model_validate(data)


def _issue_order(issue: Issue) -> tuple[int, int]:
    return (issue.span[0], issue.span[1]) if issue.span else (-1, -1)
