"""Golden fixtures: the parser's whole output for each plan in corpus/.

Each expected file was produced by the parser and then checked by hand
against the source text.  ``pytest --regen-golden`` rewrites them after an
intentional change; review the diff line by line before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import policyparse
from conftest import CORPUS, EXPECTED, REPO

PLANS = sorted(p.name for p in CORPUS.glob("*.txt"))


def test_corpus_is_not_empty() -> None:
    assert "ningbo-2025-consumption.txt" in PLANS
    assert len(PLANS) >= 4


@pytest.mark.parametrize("name", PLANS)
def test_golden(name: str, regen: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    doc = policyparse.parse_file(Path("corpus") / name)
    got = doc.model_dump_json(indent=2) + "\n"
    expected_path = EXPECTED / (Path(name).stem + ".json")
    if regen:
        EXPECTED.mkdir(exist_ok=True)
        expected_path.write_text(got, encoding="utf-8")
    assert expected_path.is_file(), f"no golden file for {name}: run pytest --regen-golden"
    assert got == expected_path.read_text(encoding="utf-8")
