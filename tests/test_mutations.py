"""Mutated real plans: the span contract and the records hold whatever the edits.

Real plans, cut to a window of lines and edited at random: lines inserted,
deleted and duplicated, numbering glyphs and brackets swapped, 专栏 boxes and
附件 lines dropped in anywhere.  Whatever comes out, ``parse`` raises nothing;
every node's, target's and unit's span indexes the source; a node's text ends
at its first child; siblings stand in source order; no target or unit is
counted under two nodes; the JSON validates against docs/schema.json and reads
back equal.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CORPUS, PLANS_2, REPO, SHARED
from policyparse import Document, parse
from spans import check_document

pytestmark = pytest.mark.slow


@cache
def _plans() -> list[list[str]]:
    """The lines of the reference plans there are (Ningbo always; the others where shared)."""
    paths = [CORPUS / "ningbo-2025-consumption.txt"]
    paths += sorted((SHARED / "plans").glob("*.txt"))
    paths += [SHARED / "plans-2" / f"{stem}.txt" for stem in PLANS_2[:12]]
    return [p.read_text(encoding="utf-8").splitlines() for p in paths if p.is_file()]


@cache
def _validator() -> Any:
    import jsonschema  # type: ignore[import-untyped]

    schema = json.loads((REPO / "docs" / "schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


# What the edits put in: numbering glyphs and brackets, boxes, attachments, units.
GLYPHS = [
    "一、",
    "二、",
    "（一）",
    "（二）",
    "(三)",
    "1.",
    "2、",
    "3．",
    "(1)",
    "（2）",
    "①",
    "第一章",
    "第二条",
]
BRACKETS = ["（", "）", "(", ")", "〔", "〕", "【", "】", "《", "》"]
LINES = [
    "专栏1　应用工程。鼓励企业上云。",
    "专栏2　服务化延伸。",
    "专栏3",
    "附件",
    "附件1",
    "附件2.表格",
    "附件：1.名单",
    "数字化转型。",
    "到2025年培育标杆企业10家。（责任单位：省工信厅）",
    "（责任单位：市发改委、市商务局）",
    "",
    "国务院",
    "2018年12月21日",
    "（此件公开发布）",
    "国发〔2018〕42号",
    "各省、自治区、直辖市人民政府：",
    "序号",
    "主要任务",
    "责任单位",
    "1",
    "第一条　本办法所称扣除，是指扣除。",
    "关于推进某项工作的实施方案",
]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    plans = _plans()
    lines = list(draw(st.sampled_from(plans)))
    start = draw(st.integers(0, max(0, len(lines) - 1)))
    lines = lines[start : start + draw(st.integers(1, 60))]
    for _ in range(draw(st.integers(0, 12))):
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "glyph", "bracket"]))
        at = draw(st.integers(0, len(lines)))
        if op == "insert":
            lines.insert(at, draw(st.sampled_from(LINES)))
        elif lines and op == "delete":
            del lines[min(at, len(lines) - 1)]
        elif lines and op == "duplicate":
            k = min(at, len(lines) - 1)
            lines.insert(k, lines[k])
        elif lines:
            k = min(at, len(lines) - 1)
            piece = draw(st.sampled_from(GLYPHS if op == "glyph" else BRACKETS))
            cut = draw(st.integers(0, min(len(lines[k]), 4)))
            lines[k] = lines[k][:cut] + piece + lines[k][cut:]
    return "\n".join(lines) + "\n"


def _counted_once(doc: Document) -> None:
    """A target or a unit is under one node only: no span is listed twice."""
    owner: dict[tuple[object, ...], int] = {}
    for k, node in enumerate(doc.walk()):
        keys: list[tuple[object, ...]] = [("t", *t.span) for t in node.targets]
        keys += [("u", *u.span, u.name) for u in node.responsible_units]
        for key in keys:
            assert owner.setdefault(key, k) == k, (node.path, key)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_plans_keep_the_contract(text: str) -> None:
    if not _plans():
        pytest.skip("no plans")
    doc = parse(text)
    check_document(doc, text)
    _counted_once(doc)
    dumped = doc.model_dump_json()
    errors = list(_validator().iter_errors(json.loads(dumped)))
    assert not errors, errors[0].message
    assert Document.model_validate_json(dumped) == doc


@pytest.mark.parametrize(
    "text",
    [
        "专栏1　应用工程。鼓励企业上云。\n数字化转型。\n专栏2　服务化延伸。\n",
        "（一）推进工业互联网建设。\n专栏1　个性化定制。到2025年培育标杆企业10家。"
        "（责任单位：省工信厅）\n数字化转型加快。\n专栏2　服务化延伸。\n",
        "附件\n1.名单\n附件2.表格\n",
    ],
)
def test_fuzzed_shapes_keep_the_contract(text: str) -> None:
    doc = parse(text)
    check_document(doc, text)
    _counted_once(doc)
