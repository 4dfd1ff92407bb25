"""Walking a Document in tests."""

from __future__ import annotations

from collections.abc import Iterator

from policyparse import Document, Node


def walk(nodes: list[Node]) -> Iterator[Node]:
    for node in nodes:
        yield node
        yield from walk(node.children)


def numbered(doc: Document) -> list[Node]:
    return [n for n in walk(doc.children) if n.kind != "paragraph"]


def compact(s: str) -> str:
    return "".join(s.split())
