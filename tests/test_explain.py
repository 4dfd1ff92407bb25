"""The trace: which rule placed each block and decided each quantity (--explain)."""

from __future__ import annotations

import subprocess
import sys

import policyparse
from conftest import CORPUS

NINGBO = CORPUS / "ningbo-2025-consumption.txt"


def _by_text(decisions: list[policyparse.Explained], path: str, text: str) -> str:
    [hit] = [e for e in decisions if e.what == "quantity" and e.path == path and e.text == text]
    return f"{hit.outcome} {hit.rule}"


def test_three_ningbo_quantities_name_their_rule() -> None:
    decisions = policyparse.explain_file(NINGBO)
    # 2025年，新增城镇就业超20万人: the words before the number name it.
    assert _by_text(decisions, "1.1", "20万人") == "target subject_form"
    # 创建1条省级高品质步行街: verb, number, then the object.
    assert _by_text(decisions, "5.2", "1条") == "target verb_form"
    # 职工、城乡居民住院报销比例分别达85%、70%: one target per item.
    assert _by_text(decisions, "2.2", "70%") == "target respectively"
    # 三位一体: a count with no verb before it is not a commitment.
    assert _by_text(decisions, "3.3", "三位") == "skipped verb_form"


def test_every_quantity_has_a_rule_and_targets_agree_with_the_document() -> None:
    decisions = policyparse.explain_file(NINGBO)
    quantities = [e for e in decisions if e.what == "quantity"]
    assert all(e.rule and e.outcome for e in quantities)
    skipped = [e for e in quantities if e.outcome == "skipped"]
    assert all(e.why for e in skipped), "a skipped quantity says why"
    doc = policyparse.parse_file(NINGBO)
    targets = sum(len(n.targets) for n in doc.walk())
    assert sum(e.outcome == "target" for e in quantities) == targets == 48


def test_every_block_has_a_rule_and_spans_are_exact() -> None:
    text = NINGBO.read_text(encoding="utf-8")
    decisions = policyparse.explain(text)
    blocks = [e for e in decisions if e.what == "block"]
    assert {e.rule for e in blocks} == {"front_title", "numbered", "body"}
    assert sum(e.rule == "numbered" for e in blocks) == 38  # 7 sections, 31 measures
    for e in decisions:
        assert text[e.span[0] : e.span[1]] == e.text
        line = text.split("\n")[e.line - 1]
        assert line[e.column - 1 :].startswith(e.text[:10])


def test_notice_phases_are_named() -> None:
    text = "国务院关于加快推进\n某某工作的通知\n各省、自治区、直辖市人民政府：\n现将有关事项通知如下。\n国务院\n2018年12月21日\n某某工作实施方案\n一、总体要求\n"
    rules = [e.rule for e in policyparse.explain(text) if e.what == "block"]
    assert rules == [
        "front_title",
        "front_title",
        "addressee",
        "body",
        "notice_part",
        "notice_part",
        "plan_title",
        "numbered",
    ]


def test_cli_explain_prints_one_line_per_decision() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "policyparse", str(NINGBO), "--explain"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = r.stdout.splitlines()
    assert lines[0] == "where\twhat\tpath\toutcome\trule\ttext\twhy"
    assert "5:130\tquantity\t1.1\ttarget\tsubject_form\t20万人\t" in lines
    assert len(lines) == 1 + len(policyparse.explain_file(NINGBO))
