"""The parts of the docs the code states are written from the code and cannot drift.

scripts/gendocs.py writes the rule tables (docs/structure.md, targets.md,
responsibility.md), the stages, chains and measures of docs/architecture.md, the roles
and their colours; this test fails when a committed doc differs from what it would
write (run ``python scripts/gendocs.py`` after changing a rule, a stage, a role word).
"""

from __future__ import annotations

import sys

from conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))

import gendocs


def test_generated_regions_are_up_to_date() -> None:
    stale = gendocs.run(check=True)
    assert not stale, f"run python scripts/gendocs.py: {stale} differ"


def test_every_region_has_a_generator_and_every_generator_a_region() -> None:
    seen: set[str] = set()
    for name in gendocs.DOCS:
        gendocs.render((REPO / "docs" / name).read_text("utf-8"), seen)
    assert seen == set(gendocs.GENERATORS)


def test_every_rule_of_every_chain_is_in_the_docs() -> None:
    text = "".join((REPO / "docs" / name).read_text("utf-8") for name in gendocs.DOCS)
    for _, chain, _ in gendocs._CHAINS:
        for rule in chain.rules:
            assert f"`{rule.name}`" in text, rule.name
