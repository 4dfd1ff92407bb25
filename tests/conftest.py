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


# The plans the parser was first built against: held to their oracles row for row.
EXACT = [
    "ningbo-2025-consumption",
    "govcn-10-innovation-reforms",
    "govcn-15-agri-mechanization",
    "govcn-32-iit-deductions",
    "guangzhou-talent-opinions",
    "liaoning-2024-equipment-renewal",
]
# The development set of ../shared/corpus/plans-2: scored by benchmarks/accuracy.py,
# with floors in tests/test_accuracy.py (tests/held_out.txt names eight held apart).
PLANS_2 = [
    "anhui-2021-industrial-internet",
    "anhui-2022-rcep-opening",
    "beijing-2019-service-ratings",
    "beijing-2021-licence-reform",
    "beijing-2022-community-services",
    "beijing-2022-data-zones",
    "beijing-2023-cross-province-services",
    "beijing-2024-one-thing-done",
    "beijing-2025-data-pilot-zone",
    "beijing-2025-hotline-reform",
    "beijing-2025-public-data",
    "customs-2025-air-port-clearance",
    "guangzhou-2024-household-housing",
    "guangzhou-2025-5g-industrial-internet",
    "haizhu-2025-hr-services",
    "huadu-2025-manufacturing-digital",
    "huangpu-2025-culture-tourism-copyright",
    "national-2025-finance-five-priorities",
    "national-2025-stabilise-employment",
    "pboc-2024-finance-silver-economy",
    "pboc-2025-finance-western-corridor",
    "shenzhen-2025-gazelle-unicorn",
    "tianhe-2025-small-business",
    "tianhe-2026-kindergarten-enrolment",
]


def plan_path(stem: str) -> Path:
    """A reference plan's text: corpus/ for Ningbo, else the shared corpus (or skip)."""
    local = CORPUS / f"{stem}.txt"
    if local.is_file():
        return local
    for folder in (SHARED_PLANS, SHARED / "plans-2"):
        path = folder / f"{stem}.txt"
        if path.is_file():
            return path
    pytest.skip(f"reference corpus not found: {stem}.txt (set POLICYPARSE_SHARED_CORPUS)")


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
