"""Small helpers shared by the tests."""

from __future__ import annotations

from policyparse import Document, Node


def numbered(doc: Document) -> list[Node]:
    return [n for n in doc.walk() if n.kind != "paragraph"]


def compact(s: str) -> str:
    return "".join(s.split())


def ids(group: str, texts: list[str], width: int = 14) -> list[str]:
    """Short readable test ids: dev03-新增城镇就业超20万人 (the text's start, one line)."""
    out = []
    for k, text in enumerate(texts, 1):
        head = "".join(text.split())[:width]
        out.append(f"{group}{k:02d}-{head}")
    return out
