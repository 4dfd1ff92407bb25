"""Small helpers shared by the tests."""

from __future__ import annotations

import sys

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


def cli_without(module: str) -> list[str]:
    """The command line in a Python where *module* cannot be imported, as on a machine
    without it: the argv prefix, to be followed by policyparse's own arguments."""
    code = (
        f"import sys; sys.modules[{module!r}] = None; "
        "from policyparse.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    return [sys.executable, "-c", code]
