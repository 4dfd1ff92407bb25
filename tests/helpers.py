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


def ids(group: str, texts: list[str], width: int = 14) -> list[str]:
    """Short readable test ids: dev03-新增城镇就业超20万人 (the text's start, one line)."""
    out = []
    for k, text in enumerate(texts, 1):
        head = "".join(text.split())[:width]
        out.append(f"{group}{k:02d}-{head}")
    return out
