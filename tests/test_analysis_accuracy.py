"""Issuers, citations and the network's edges against the oracles of the thirty plans.

benchmarks/analysis_accuracy.py scores them (python benchmarks/accuracy.py --analysis);
the goals are the issue's: issuers exact on every document, citations at 0.95 or
better; the edges follow the units and are held at what this version reaches.
"""

from __future__ import annotations

import sys

import pytest

from conftest import REPO, SHARED

sys.path.insert(0, str(REPO / "benchmarks"))
import analysis_accuracy as aa

FLOORS = {"citations": 0.95, "issuer names": 1.0, "edges": 0.97, "lead edges": 0.97}


@pytest.fixture(scope="module")
def pool() -> aa.Scores:
    if not (SHARED / "plans-2").is_dir():
        pytest.skip(f"reference corpus not found at {SHARED} (set POLICYPARSE_SHARED_CORPUS)")
    _, scores = aa.report(aa.documents(), SHARED)
    return scores


def test_every_plan_has_its_oracles() -> None:
    names = aa.documents()
    assert len(names) == 30
    assert all((REPO / "tests" / "citations" / f"{n}.tsv").is_file() for n in names)


def test_issuers_are_exact_on_every_document(pool: aa.Scores) -> None:
    assert pool.exact.right == pool.exact.of == 30


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_precision_and_recall_floors(pool: aa.Scores, kind: str) -> None:
    t = pool.tallies[kind]
    assert t.precision >= FLOORS[kind] and t.recall >= FLOORS[kind], (t.precision, t.recall)


def test_citation_fields(pool: aa.Scores) -> None:
    assert pool.numbers.value >= 0.95 and pool.cues.value >= 0.95
