"""docs/schema.json is the published contract; it must equal the models."""

from __future__ import annotations

from conftest import REPO
from policyparse.cli import schema_json


def test_committed_schema_matches_models() -> None:
    committed = (REPO / "docs" / "schema.json").read_text(encoding="utf-8")
    assert committed == schema_json() + "\n", "regenerate: policyparse --schema > docs/schema.json"


def test_schema_names_the_contract_fields() -> None:
    import json

    schema = json.loads(schema_json())
    defs = schema["$defs"]
    assert {
        "schema_version",
        "title",
        "doc_number",
        "issuer",
        "published",
        "source",
        "children",
        "diagnostics",
    } <= set(schema["properties"])
    node = defs["Node"]["properties"]
    assert {
        "kind",
        "level",
        "label",
        "number",
        "path",
        "title",
        "text",
        "span",
        "targets",
        "responsible_units",
        "children",
    } <= set(node)
    target = defs["Target"]["properties"]
    assert {
        "text",
        "span",
        "indicator",
        "comparator",
        "value",
        "value_max",
        "unit",
        "base_value",
        "base_unit",
        "kind",
        "year",
        "deadline",
    } <= set(target)
    assert {"name", "aliases", "role", "span"} <= set(defs["ResponsibleUnit"]["properties"])
    assert {"path", "format", "encoding", "sha256"} <= set(defs["Source"]["properties"])
    assert {"code", "message", "span"} <= set(defs["Diagnostic"]["properties"])
    span = node["span"]
    assert span["type"] == "array" and span["minItems"] == span["maxItems"] == 2


def test_example_in_schema_md_points_at_the_right_text() -> None:
    import re

    from conftest import CORPUS

    doc = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    text = (CORPUS / "ningbo-2025-consumption.txt").read_text(encoding="utf-8")
    pairs = re.findall(
        r'"(?:name|text)": "([^"…]+)", (?:"aliases": \[\], "role": "\w+", )?"span": \[(\d+), (\d+)\]',
        doc,
    )
    assert len(pairs) >= 4
    for quoted, start, end in pairs:
        assert text[int(start) : int(end)] == quoted
