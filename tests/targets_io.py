"""Reading target oracles (tests/targets/*.tsv) and rendering parser output alike."""

from __future__ import annotations

import csv
from pathlib import Path

from policyparse import Document, Explained, Node, Target

COLUMNS = [
    "path",
    "indicator",
    "comparator",
    "value",
    "value_max",
    "unit",
    "base_value",
    "base_unit",
    "kind",
    "year",
    "deadline",
    "period",
]


def _num(x: float | int | None) -> str:
    if x is None:
        return ""
    if isinstance(x, float) and x == int(x):
        return str(int(x))
    return str(x)


def row(path: str, t: Target) -> list[str]:
    return [
        path,
        t.indicator or "",
        t.comparator,
        _num(t.value),
        _num(t.value_max),
        t.unit or "",
        _num(t.base_value),
        t.base_unit or "",
        t.kind,
        _num(t.year),
        t.deadline or "",
        t.period or "",
    ]


def rows(doc: Document) -> list[list[str]]:
    return [row(path, t) for path, t in located(doc)]


def located(doc: Document) -> list[tuple[str, Target]]:
    """Every target with the path of its node (or nearest numbered ancestor), in order."""
    out: list[tuple[str, Target]] = []

    def walk(nodes: list[Node], parent: str) -> None:
        for n in nodes:
            path = n.path or parent
            out.extend((path, t) for t in n.targets)
            walk(n.children, path)

    walk(doc.children, "-")
    return out


def rules(doc: Document, decisions: list[Explained]) -> list[str]:
    """The rule behind each target: the last target decision whose quantity lies in its span."""
    taken = [e for e in decisions if e.what == "quantity" and e.outcome == "target"]
    out = []
    for _, t in located(doc):
        inside = [e.rule for e in taken if t.span[0] <= e.span[0] and e.span[1] <= t.span[1]]
        out.append(inside[-1] if inside else "?")
    return out


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        data = list(csv.reader(fh, delimiter="\t"))
    assert data[0] == COLUMNS
    return data[1:]
