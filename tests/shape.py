"""A Document's tree without its spans: what must not change with the input's form."""

from __future__ import annotations

from typing import Any

from policyparse import Document, Node


def node_shape(n: Node, *, texts: bool = True) -> tuple[Any, ...]:
    return (
        n.kind,
        n.level,
        n.label,
        n.number,
        n.path,
        n.style,
        n.role,
        n.title,
        n.text if texts else None,
        [
            (
                t.indicator,
                t.comparator,
                t.value,
                t.value_max,
                t.unit,
                t.kind,
                t.year,
                t.deadline,
                t.period,
            )
            for t in n.targets
        ],
        [(f.kind, f.value, f.unit) for f in n.figures],
        [(u.name, u.aliases, u.role, u.canonical, u.generic) for u in n.responsible_units],
        [node_shape(c, texts=texts) for c in n.children],
    )


def tree(doc: Document, *, texts: bool = True) -> list[tuple[Any, ...]]:
    return [node_shape(n, texts=texts) for n in doc.children]
