"""Shared paths and the switch that regenerates golden fixtures.

Run ``pytest --regen-golden`` after an intentional change of output; the
rewritten files in corpus/expected/ are then reviewed like code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
EXPECTED = CORPUS / "expected"
OUTLINES = Path(__file__).resolve().parent / "outlines"
SHARED = Path(os.environ.get("POLICYPARSE_SHARED_CORPUS", REPO.parent / "shared" / "corpus"))
SHARED_PLANS = SHARED / "plans"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="rewrite corpus/expected/*.json from the current parser output",
    )


@pytest.fixture
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen-golden"))


def shared_plan(name: str) -> Path:
    """Path of a plan in the shared reference corpus; skips the test if absent."""
    path = SHARED_PLANS / name
    if not path.is_file():
        pytest.skip(f"reference corpus not found: {path} (set POLICYPARSE_SHARED_CORPUS)")
    return path
