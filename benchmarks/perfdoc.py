"""Write a benchmark's table into docs/performance.md between its markers."""

from __future__ import annotations

from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "performance.md"


def write(section: str, body: str) -> None:
    """Replace what stands between <!-- section:begin --> and <!-- section:end -->."""
    text = DOC.read_text(encoding="utf-8")
    begin, end = f"<!-- {section}:begin -->", f"<!-- {section}:end -->"
    a, b = text.index(begin) + len(begin), text.index(end)
    DOC.write_text(text[:a] + "\n" + body + "\n" + text[b:], encoding="utf-8")
