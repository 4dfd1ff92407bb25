"""Known misses: forms the parser does not read right yet, as strict expected failures.

They are the ``## known miss`` groups of the fixture files (tests/fixtures/targets/,
tests/fixtures/responsibility/): each case states what a person reads in the
sentence (synthetic sentences of forms seen in real plans), with the reason it is
missed as the comment above it.  They run ``xfail(strict=True)``: a change that
fixes one makes its test pass, which fails the suite until the case is moved to
the regression group of its file.
"""

from __future__ import annotations

import pytest

import fixtures_io as fx
from fixtures_io import Case

MISSES = [c for kind in ("targets", "responsibility") for c in fx.load(kind, ("known miss",))]


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=f"known miss: {c.note}"))
        for c in MISSES
    ],
    ids=[f"{c.kind}-{i}" for c, i in zip(MISSES, fx.case_ids(MISSES), strict=True)],
)
def test_known_miss(case: Case) -> None:
    fx.check(case)


@pytest.mark.parametrize(
    "case", MISSES, ids=[f"{c.kind}-{i}" for c, i in zip(MISSES, fx.case_ids(MISSES), strict=True)]
)
def test_known_miss_is_filed_under_its_rule(case: Case) -> None:
    """Outside the expected failure: a known miss filed under the wrong rule fails."""
    fx.check_filed(case)
