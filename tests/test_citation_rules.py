"""The citation rules on their fixture cases (tests/fixtures/citations/)."""

from __future__ import annotations

import pytest

import fixtures_io as fx

CASES = fx.load("citations")
RULES = ("own_document", "short_name", "not_a_document", "cited_document")


def test_every_rule_has_a_file() -> None:
    assert {c.rule for c in CASES} == set(RULES)


@pytest.mark.parametrize("case", CASES, ids=fx.case_ids(CASES))
def test_case(case: fx.Case) -> None:
    want = [fx.citation_row(row) for row in case.rows]
    got = fx.citations(case.header + case.text)
    assert got == want, fx.mismatch(case, got)
    if case.group != "negative":
        assert case.rule in fx.citation_rules(case.header + case.text)
