"""Comparing parser output with a hand-written oracle, as a readable text diff.

Rows are compared as TSV lines (the node path first), and a failure prints
a unified diff: one missing row shows as one ``-`` line, not as every later
row shifted by one.  Notes (the rule that produced a row) are printed beside
the parser's lines but never compared.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

import pytest


def tsv(row: Sequence[str]) -> str:
    return "\t".join(row)


def assert_rows(
    name: str,
    header: Sequence[str],
    expected: Sequence[Sequence[str]],
    got: Sequence[Sequence[str]],
    notes: Sequence[str] | None = None,
) -> None:
    """Fail with a diff of TSV lines (- oracle, + parser) unless the rows are equal."""
    want = [tsv(r) for r in expected]
    have = [tsv(r) for r in got]
    if want == have:
        return
    noted = dict(zip(have, notes, strict=True)) if notes is not None else {}
    lines = []
    for line in difflib.unified_diff(want, have, "oracle", "parser", n=1, lineterm=""):
        if line.startswith("+") and not line.startswith("+++") and noted.get(line[1:]):
            line = f"{line}    ← {noted[line[1:]]}"
        lines.append(line)
    pytest.fail(
        f"{name}: {len(want)} rows in the oracle, {len(have)} from the parser\n"
        f"columns: {tsv(header)}\n" + "\n".join(lines),
        pytrace=False,
    )
