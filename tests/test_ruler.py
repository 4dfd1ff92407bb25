"""The rule core: named chains, switches by name, edits applied by the engine, the trace."""

from __future__ import annotations

import doctest
from functools import partial

import pytest

import policyparse
import policyparse.ruler
from policyparse.extract.responsibility import CHAIN as RESPONSIBILITY
from policyparse.extract.targets import CHAIN as TARGETS
from policyparse.extract.targets.fields import COMPARATOR, YEAR
from policyparse.ruler import Chain, Decision, Step
from policyparse.structure.rules import CHAIN as OUTLINE


def test_the_module_example_runs() -> None:
    failed, tried = doctest.testmod(policyparse.ruler)
    assert tried > 0 and failed == 0


def _append(state: list[str], word: str) -> None:
    state.append(word)


def big(state: list[str], n: int) -> Decision | None:
    """Takes 12; leaves 3."""
    return Decision("big", (partial(_append, word="big"),)) if n > 9 else None


def note(state: list[str], n: int) -> Decision | None:
    """Takes 7 as a note and passes it on; leaves 3."""
    return Decision("note", (partial(_append, word="note"),), final=False) if n == 7 else None


def small(state: list[str], n: int) -> Decision | None:
    """Takes anything."""
    return Decision("small")


def _chain() -> Chain[list[str], int]:
    return Chain("numbers", (big, note, small), span=lambda n: (n, n + 1))


def test_the_first_final_decision_wins_and_its_edits_are_applied() -> None:
    chain = _chain()
    state: list[str] = []
    trace: list[Step] = []
    assert chain.decide(state, 12, trace).rule == "big"  # type: ignore[union-attr]
    d = chain.decide(state, 7, trace)
    assert d is not None and d.rule == "small"
    assert state == ["big", "note"]
    assert [(s.rule, s.outcome, s.final) for s in trace] == [
        ("big", "big", True),
        ("note", "note", False),
        ("small", "small", True),
    ]


def test_a_rule_that_passes_changes_nothing() -> None:
    state: list[str] = []
    assert _chain().decide(state, 3).rule == "small"  # type: ignore[union-attr]
    assert state == []


def test_rules_are_switched_by_name() -> None:
    chain = _chain()
    assert chain.get_active_rules() == ["big", "note", "small"]
    chain.disable("big")
    assert chain.get_active_rules() == ["note", "small"]
    assert chain.decide([], 12).rule == "small"  # type: ignore[union-attr]
    chain.enable(["big"])
    with chain.disabled("note"):
        assert chain.get_active_rules() == ["big", "small"]
    assert chain.get_active_rules() == ["big", "note", "small"]
    chain.enable_only("small")
    assert chain.get_active_rules() == ["small"]
    with pytest.raises(KeyError, match="no rule nope"):
        chain.disable("nope")


def test_alternatives_restrict_rules() -> None:
    chain: Chain[list[str], int] = Chain(
        "numbers", (big, small), span=lambda n: (n, n + 1), alts={"big": ("tens",)}
    )
    assert chain.get_active_rules("tens") == ["big", "small"]
    assert chain.get_active_rules("units") == ["small"]
    with pytest.raises(ValueError, match="unknown rules"):
        Chain("x", (small,), span=lambda n: (n, n), alts={"big": ("tens",)})
    with pytest.raises(ValueError, match="listed twice"):
        Chain("x", (small, small), span=lambda n: (n, n))


def test_the_three_chains_are_named_and_every_rule_documents_what_it_takes() -> None:
    for chain in (OUTLINE, TARGETS, RESPONSIBILITY, COMPARATOR, YEAR):
        assert chain.rules, chain.name
        for rule in chain.rules:
            doc = rule.doc.lower()
            assert "takes" in doc and "leaves" in doc, (
                f"{chain.name}.{rule.name}: the docstring must name a form it takes and one"
                " it leaves"
            )


def test_disabling_a_target_rule_changes_the_parse_and_the_trace_says_so() -> None:
    text = "（一）推进就业。新增城镇就业超20万人。"
    assert [t.value for n in policyparse.parse(text).walk() for t in n.targets] == [20]
    with TARGETS.disabled("subject_form"):
        assert [t for n in policyparse.parse(text).walk() for t in n.targets] == []
        [hit] = [e for e in policyparse.explain(text) if e.what == "quantity"]
        assert hit.rule != "subject_form"


def test_switching_a_field_rule_is_seen_though_field_decisions_are_remembered() -> None:
    text = "（一）推进就业。新增城镇就业不低于20万人。"

    def comparators() -> list[str]:
        return [t.comparator for n in policyparse.parse(text).walk() for t in n.targets]

    assert comparators() == [">="]
    with COMPARATOR.disabled("word_before"):
        assert comparators() == ["="]
    assert comparators() == [">="]
