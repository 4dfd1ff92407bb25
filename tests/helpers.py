"""Small helpers shared by the tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from policyparse import Document, Node

REPO = Path(__file__).resolve().parents[1]


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


# A plan whose title, heading and a unit's name try to run script in an HTML view.
XSS_PLAN = (
    "关于<script>alert(1)</script>的实施方案\n"
    '一、总体要求"><img src=x onerror=window.__pwned=1>\n'
    "（一）扩大就业。到2025年，新增城镇就业超过20万人。"
    '（责任单位：市发改委"><img src=x onerror=window.__pwned=1>、市人力社保局）\n'
    "<svg onload=window.__pwned=2></svg>\u2028</script><script>window.__pwned=3</script>\n"
)


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m policyparse ARGS`` from the repository, as a user runs it: output as text."""
    return subprocess.run(
        [sys.executable, "-m", "policyparse", *args],
        cwd=REPO,
        capture_output=True,
        timeout=timeout,
        encoding="utf-8",
    )
