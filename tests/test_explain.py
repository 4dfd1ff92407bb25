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


def _steps(decisions: list[policyparse.Explained], what: str) -> dict[tuple[int, int], str]:
    return {e.span: e.outcome for e in decisions if e.what == what}


def test_every_output_field_of_every_ningbo_node_is_traced() -> None:
    """Kind (the block rule), title, each target with its comparator and year, each figure,
    each unit with its role: every one has its decision in the trace, at its own span."""
    text = NINGBO.read_text(encoding="utf-8")
    doc = policyparse.parse(text)
    decisions = policyparse.explain(text)
    blocks = {e.span[0]: e.outcome for e in decisions if e.what == "block"}
    titles = _steps(decisions, "title")
    quantities = [e for e in decisions if e.what == "quantity"]
    comparators = [e for e in decisions if e.what == "comparator"]
    years = [e for e in decisions if e.what == "year"]
    units = _steps(decisions, "unit")
    checked = 0
    for node in doc.walk():
        if node.path is not None:
            assert blocks[node.span[0]] == node.kind, node.path
        if node.title_span is not None:
            a, b = node.title_span
            assert titles[a, b] == "title", node.path
        for t in node.targets:
            inside = [
                e.span
                for e in quantities
                if t.span[0] <= e.span[0] < t.span[1] and e.outcome == "target"
            ]
            year = str(t.year) if t.year is not None else "none"
            assert any(
                any(c.span == q and c.outcome == t.comparator for c in comparators)
                and any(y.span == q and y.outcome == year for y in years)
                for q in inside
            ), (node.path, t.text)
            checked += 1
        for f in node.figures:
            assert any(
                f.span[0] <= e.span[0] < f.span[1] and e.outcome == f.kind for e in quantities
            ), node.path
        for u in node.responsible_units:
            a, b = u.span
            assert units[a, b] == u.role, (node.path, u.name)
            checked += 1
    assert checked == 48 + 106


def test_each_unit_names_the_word_behind_its_role_and_unread_brackets_say_why() -> None:
    text = (
        "一、重点任务\n"
        "（一）促进就业。（市人社局牵头，市财政局配合）\n"
        "（二）加强督查（市人社局督办），确保落实。完成时限：2026年6月。\n"
    )
    decisions = policyparse.explain(text)
    lines = {(e.what, e.text, e.outcome, e.rule, e.why) for e in decisions}
    assert ("unit", "市人社局", "lead", "verbal", "牵头 → lead") in lines
    assert ("unit", "市财政局", "cooperating", "verbal", "配合 → cooperating") in lines
    [unread] = [e for e in decisions if e.what == "statement" and e.outcome == "not_read"]
    assert unread.text == "（市人社局督办）" and unread.why.startswith("督办: no role word")
    [due] = [e for e in decisions if e.what == "deadline"]
    assert (due.text, due.outcome, due.rule) == ("2026年6月", "2026-06-30", "labelled_deadline")
