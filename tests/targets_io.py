"""Reading target oracles (tests/targets/*.tsv) and rendering parser output alike."""

from __future__ import annotations

import csv
from pathlib import Path

from policyparse import Document, Node, Target

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
    out: list[list[str]] = []

    def walk(nodes: list[Node], parent: str) -> None:
        for n in nodes:
            path = n.path or parent
            out.extend(row(path, t) for t in n.targets)
            walk(n.children, path)

    walk(doc.children, "-")
    return out


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        data = list(csv.reader(fh, delimiter="\t"))
    assert data[0] == COLUMNS
    return data[1:]
