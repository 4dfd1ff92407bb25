"""Write a benchmark's table into a document between its markers."""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
DOC = DOCS / "performance.md"
SHARED = Path(os.environ.get("POLICYPARSE_SHARED_CORPUS", DOCS.parents[1] / "shared" / "corpus"))


def corpus_option(p: argparse.ArgumentParser) -> None:
    """--corpus, defaulting where the tests look: $POLICYPARSE_SHARED_CORPUS, else ../shared."""
    p.add_argument(
        "--corpus",
        default=str(SHARED),
        help="the reference corpus (default: $POLICYPARSE_SHARED_CORPUS, else ../shared/corpus)",
    )


def write(section: str, body: str, doc: Path = DOC) -> None:
    """Replace what stands between <!-- section:begin --> and <!-- section:end --> in *doc*."""
    text = doc.read_text(encoding="utf-8")
    begin, end = f"<!-- {section}:begin -->", f"<!-- {section}:end -->"
    a, b = text.index(begin) + len(begin), text.index(end)
    doc.write_text(text[:a] + "\n" + body + "\n" + text[b:], encoding="utf-8")


def best(fn: Callable[[], object], repeat: int, number: int) -> float:
    """Best mean seconds per call over *repeat* rounds of *number* calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - start) / number)
    return min(times)
