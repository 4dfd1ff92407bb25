"""No regression below the recorded accuracy on the reference documents.

benchmarks/accuracy.py scores the parser against the hand-written oracles;
tests/accuracy_floors.json records the pooled figures this version reaches.
A change that lowers one fails here; a change that raises one should raise
its floor (with the table in docs/accuracy.md, via --write after).  The
"held out" floors are those reached after the held-out documents were scored
and their errors looked at: the first, honest held-out figure is in
docs/accuracy.md and is not a floor.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from conftest import REPO, SHARED

sys.path.insert(0, str(REPO / "benchmarks"))
import accuracy

FLOORS = json.loads((Path(__file__).parent / "accuracy_floors.json").read_text("utf-8"))


def _figures(score: accuracy.Score) -> dict[str, float]:
    t = score.tallies
    return {
        "nodes_f1": t["nodes"].f1,
        "titles": score.titles.value,
        "units_f1": t["units"].f1,
        "lead_f1": t["lead"].f1,
        "targets_f1": t["targets"].f1,
        "targets_recall": t["targets"].recall,
        "year": score.years.value,
        "comparator": score.comparators.value,
    }


@pytest.fixture(scope="module")
def pools() -> dict[str, accuracy.Score]:
    if not (SHARED / "plans-2").is_dir():
        pytest.skip(f"reference corpus not found at {SHARED} (set POLICYPARSE_SHARED_CORPUS)")
    _, pools = accuracy.report(accuracy.documents(), SHARED, with_held_out="held out" in FLOORS)
    return pools


@pytest.mark.parametrize("group", sorted(FLOORS))
def test_no_regression(pools: dict[str, accuracy.Score], group: str) -> None:
    got = _figures(pools[group])
    below = {k: (round(got[k], 4), floor) for k, floor in FLOORS[group].items() if got[k] < floor}
    assert not below, f"{group}: below the recorded floor (got, floor): {below}"


# What the issue asks of all thirty documents pooled (the floors above are higher).
GOALS = {
    "units_f1": 0.97,
    "lead_f1": 0.95,
    "targets_f1": 0.95,
    "targets_recall": 0.93,
    "year": 0.97,
    "comparator": 0.98,
    "nodes_f1": 0.99,
    "titles": 0.97,
}


def test_all_thirty_documents_meet_the_goals(pools: dict[str, accuracy.Score]) -> None:
    got = _figures(pools["all"])
    assert not {k: round(got[k], 4) for k, goal in GOALS.items() if got[k] < goal}


def test_every_development_document_is_scored(pools: dict[str, accuracy.Score]) -> None:
    # The oracles of the six first plans and the sixteen development documents hold
    # 676 numbered nodes; a document left out (no text found) would lower the count.
    assert pools["development"].tallies["nodes"].want == 676


# The plans with tables (benchmarks/accuracy.py --tables): the development pool's floors.
TABLE_FLOORS = {
    "nodes_f1": 1.0,
    "units_f1": 0.98,
    "lead_f1": 0.98,
    "targets_f1": 0.98,
    "year": 1.0,
    "comparator": 1.0,
}


def test_table_plans_stay_above_their_floors() -> None:
    if not (SHARED / "tables").is_dir():
        pytest.skip(f"plans with tables not found at {SHARED}/tables")
    names = accuracy.documents(accuracy.TABLES)
    _, pools = accuracy.report(names, SHARED, folder=accuracy.TABLES)
    got = _figures(pools["development"])
    assert not {k: round(got[k], 4) for k, floor in TABLE_FLOORS.items() if got[k] < floor}
