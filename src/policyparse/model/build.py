"""The Document as plain data, built from the stages' internal parts.

Keys are in the order of the pydantic models' fields: the JSON written from
these dicts without pydantic (export.json) must equal ``model_dump_json()``,
and validating them is also the fastest way to build the models.  Numbers are
already the models' types (a target's exact Decimal value becomes the float
the model holds), so that pydantic-core can write the dicts as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from ..diagnostics import Issue, capped
from ..extract.citations import Cited
from ..extract.deadlines import Due
from ..extract.metadata import Meta
from ..extract.responsibility import Mention, Note, State
from ..extract.stages import Extracted
from ..inputs.read import Loaded
from ..layout.furniture import Piece
from ..structure.nodes import INode, Outline
from ..version import SCHEMA_VERSION
from ..vocab import ROLES, SectionFunction


def due_dict(due: Due | None, source: str) -> dict[str, Any] | None:
    if due is None:
        return None
    return {
        "text": source[due.start : due.end],
        "span": (due.start, due.end),
        "date": due.date,
        "ongoing": due.ongoing,
    }


def unit_dict(m: Mention, names: dict[str, str]) -> dict[str, Any]:
    return {
        "name": m.name,
        "aliases": m.aliases,
        "role": m.role,
        "span": (m.start, m.end),
        "canonical": names.get(m.name, m.name),
        "generic": m.generic,
    }


def _float(value: Decimal | None) -> float | None:
    """The float the model's field holds (what validating the Decimal would give)."""
    return None if value is None else float(value)


def owner_map(ex: Extracted, names: dict[str, str]) -> dict[str, list[str]]:
    """The units a node names (printed, then implied) by role, each canonical name once."""
    return _by_role(((m.role, m.name) for m in (*ex.mentions, *ex.implied)), names)


def _by_role(units: Iterable[tuple[str, str]], names: dict[str, str]) -> dict[str, list[str]]:
    """(role, name as printed) pairs by role in the order of ROLES, each canonical name
    once; also the units a table row names in its cell of bodies (甲区 of 甲区 | 1900 |
    300, Found.row_owners), which own that row's targets."""
    out: dict[str, list[str]] = {}
    for role, printed in units:
        listed = out.setdefault(role, [])
        name = names.get(printed, printed)
        if name not in listed:
            listed.append(name)
    return {role: out[role] for role in ROLES if role in out}


def quantity_dicts(
    ex: Extracted, source: str, owner: _Owner | None = None, names: dict[str, str] | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A node's targets (each with the units that answer for it) and figures, apart."""
    goals: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    owners, owner_path = (owner.map(), owner.path) if owner is not None else ({}, None)
    for f in ex.found:
        text, span = source[f.start : f.end], (f.start, f.end)
        if f.kind == "target":
            own = _by_role(f.row_owners, names or {})
            goals.append(
                {
                    "text": text,
                    "span": span,
                    "indicator": f.indicator,
                    "comparator": f.comparator,
                    "value": float(f.value),
                    "value_max": _float(f.value_max),
                    "unit": f.unit,
                    "base_value": _float(f.base_value),
                    "base_unit": f.base_unit,
                    "kind": f.target_kind,
                    "year": f.year,
                    "deadline": f.deadline,
                    "period": f.period,
                    "owners": own or owners,
                    "owner_path": owner_path,
                    "baseline": None
                    if f.baseline_value is None
                    else {"value": float(f.baseline_value), "year": f.baseline_year},
                    "binding": f.binding,
                }
            )
        else:
            figures.append(
                {
                    "kind": f.kind,
                    "text": text,
                    "span": span,
                    "comparator": f.comparator,
                    "value": float(f.value),
                    "value_max": _float(f.value_max),
                    "unit": f.unit,
                    "base_value": _float(f.base_value),
                    "base_unit": f.base_unit,
                    "year": f.year,
                }
            )
    return goals, figures


class _Owner:
    """The node that answers for the targets below it; its units by role are read on first
    use (most nodes that name units state no target)."""

    __slots__ = ("ex", "made", "names", "path")

    def __init__(self, ex: Extracted, names: dict[str, str], path: str | None) -> None:
        self.ex, self.names, self.path = ex, names, path
        self.made: dict[str, list[str]] | None = None

    def map(self) -> dict[str, list[str]]:
        if self.made is None:
            self.made = owner_map(self.ex, self.names)
        return self.made


def node_dict(
    node: INode,
    source: str,
    extracted: dict[int, Extracted],
    names: dict[str, str],
    functions: dict[int, SectionFunction],
    owner: tuple[str | None, _Owner | None] = (None, None),
) -> dict[str, Any]:
    """A node and its children; *owner* is the path listed and the nearest node, itself
    or an ancestor, that names units: they answer for the targets of a node naming none."""
    ex = extracted[id(node)]
    path = node.path or owner[0]
    here = (path, _Owner(ex, names, path) if ex.mentions or ex.implied else owner[1])
    goals, figures = quantity_dicts(ex, source, here[1], names)
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
        "page": None,  # a PDF's: model.remap
        "targets": goals,
        "figures": figures,
        "responsible_units": [unit_dict(m, names) for m in ex.mentions],
        "implied_units": [unit_dict(m, names) for m in ex.implied],
        "deadline": due_dict(ex.due, source),
        "function": functions.get(id(node)),
        "children": [
            node_dict(c, source, extracted, names, functions, here) for c in node.children
        ],
    }


def issue_dict(issue: Issue) -> dict[str, Any]:
    return {
        "code": issue.code,
        "message": issue.message,
        "span": issue.span,
        "severity": issue.severity,
    }


def furniture_dict(p: Piece, source: str) -> dict[str, Any]:
    return {"kind": p.kind, "text": source[p.start : p.end], "span": (p.start, p.end)}


def note_dict(n: Note, source: str) -> dict[str, Any]:
    return {
        "code": n.code,
        "text": source[n.start : n.end],
        "span": (n.start, n.end),
        "unit": n.unit,
    }


def issue_order(issue: Issue) -> tuple[int, int]:
    """Diagnostics of the whole input first, then by place."""
    return (issue.span[0], issue.span[1]) if issue.span else (-1, -1)


def document_dict(
    loaded: Loaded,
    meta: Meta,
    outline: Outline,
    extracted: dict[int, Extracted],
    names: dict[str, str],
    functions: dict[int, SectionFunction],
    furniture: list[Piece],
    carry: State,
    cited: list[Cited],
    issues: list[Issue],
    with_text: bool,
) -> dict[str, Any]:
    """The Document as plain data, every field present, in the model's order."""
    source = loaded.text
    return {
        "schema_version": SCHEMA_VERSION,
        "title": meta.title,
        "title_span": meta.title_span,
        "plan_title": meta.plan_title,
        "doc_number": meta.doc_number,
        "issuer": meta.issuer,
        "issuers": [
            {"name": n, "canonical": names.get(n, n), "span": (a, b) if a >= 0 else None}
            for n, a, b in meta.issuers
        ],
        "published": meta.published,
        "signed": meta.signed,
        "doc_type": meta.doc_type,
        "horizon": meta.horizon,
        "source": {
            "path": loaded.path,
            "format": loaded.format,
            "encoding": loaded.encoding,
            "sha256": loaded.sha256,
            "pages": len(loaded.pages) if loaded.pages else None,
        },
        "children": [node_dict(n, source, extracted, names, functions) for n in outline.children],
        "furniture": [furniture_dict(piece, source) for piece in furniture],
        "responsibility_notes": [note_dict(n, source) for n in carry.notes],
        "citations": [
            {"title": c.title, "number": c.number, "cue": c.cue, "span": (c.start, c.end)}
            for c in cited
        ],
        "diagnostics": [issue_dict(i) for i in sorted(capped(issues), key=issue_order)],
        "text": source if with_text else None,
    }
