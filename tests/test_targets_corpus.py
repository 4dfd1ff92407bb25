"""Every target of every reference plan, against oracles written by hand.

tests/targets/<plan>.tsv was written by a person reading the source sentence
by sentence (rules: docs/targets.md), not produced by the parser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import policyparse
from conftest import CORPUS, EXACT, shared_plan
from oracle import assert_rows
from targets_io import COLUMNS, read, rows, rules

ORACLES = [Path(__file__).parent / "targets" / f"{stem}.tsv" for stem in EXACT]


def _plan(stem: str) -> Path:
    local = CORPUS / f"{stem}.txt"
    return local if local.is_file() else shared_plan(f"{stem}.txt")


@pytest.mark.parametrize("oracle", ORACLES, ids=lambda p: p.stem)
def test_targets_match_the_oracle(oracle: Path) -> None:
    plan = _plan(oracle.stem)
    doc = policyparse.parse_file(plan)
    notes = rules(doc, policyparse.explain_file(plan))
    assert_rows(oracle.stem, COLUMNS, read(oracle), rows(doc), notes)


# Counted by hand in each source.
COUNTS = {
    "ningbo-2025-consumption": 48,
    "govcn-15-agri-mechanization": 16,
    "govcn-10-innovation-reforms": 0,
    "govcn-32-iit-deductions": 0,
    "guangzhou-talent-opinions": 66,
    "liaoning-2024-equipment-renewal": 23,
}


@pytest.mark.parametrize("stem", sorted(COUNTS))
def test_target_counts(stem: str) -> None:
    doc = policyparse.parse_file(_plan(stem))
    assert len(rows(doc)) == COUNTS[stem]


def test_ningbo_target_spans_and_texts() -> None:
    path = CORPUS / "ningbo-2025-consumption.txt"
    text = path.read_text(encoding="utf-8")
    doc = policyparse.parse_file(path)
    first = doc.children[2].children[0].targets
    assert [t.text for t in first] == ["新增城镇就业超20万人", "重点群体就业帮扶超14万人"]
    for node in doc.walk():
        for t in node.targets:
            assert text[t.span[0] : t.span[1]] == t.text
            assert node.text_span[0] <= t.span[0] < t.span[1] <= node.text_span[1]


def test_parameters_are_kept_apart() -> None:
    doc = policyparse.parse_file(shared_plan("liaoning-2024-equipment-renewal.txt"))
    figures = [f for n in doc.walk() for f in n.figures]
    texts = [f.text for f in figures]
    assert "每台最高补助15万元" in texts
    assert all(f.kind == "parameter" for f in figures)
    targets = [t.text for n in doc.walk() for t in n.targets]
    assert not any("补助" in t or "上限" in t for t in targets)
