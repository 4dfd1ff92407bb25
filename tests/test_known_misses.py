"""Known misses: forms the parser does not read right yet, as strict expected failures.

Each case states what a person reads in the sentence (synthetic sentences of
forms seen in real plans).  They are ``xfail(strict=True)``: a change that
fixes one makes its test pass, which fails the suite until the case is moved
to the regression group of its table test (tests/test_targets_table.py,
tests/test_responsibility_table.py, tests/test_structure.py).
"""

from __future__ import annotations

import pytest

from helpers import ids
from policyparse import parse

Target = tuple[str | None, str, float, str | None, int | None]


def _targets(text: str) -> list[Target]:
    doc = parse(text)
    return [
        (t.indicator, t.comparator, t.value, t.unit, t.year) for n in doc.walk() for t in n.targets
    ]


TARGETS: list[tuple[str, list[Target]]] = [
    # A Chinese numeral with two scales.
    (
        "（一）投资。新增投资二亿五千万元。",
        [("新增投资", "=", 25000, "万元", None)],
    ),
]


@pytest.mark.xfail(strict=True, reason="known miss: see the comment above the case")
@pytest.mark.parametrize(("text", "expected"), TARGETS, ids=ids("target", [t for t, _ in TARGETS]))
def test_known_target_miss(text: str, expected: list[Target]) -> None:
    assert _targets(text) == expected
