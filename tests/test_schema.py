"""docs/schema.json is the published contract; it must equal the models."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, REPO
from policyparse.cli import schema_json
from policyparse.version import SCHEMA_VERSION


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

    doc = (REPO / "docs" / "schema.md").read_text(encoding="utf-8")
    text = (CORPUS / "ningbo-2025-consumption.txt").read_text(encoding="utf-8")
    pairs = re.findall(
        r'"(?:name|text)": "([^"…]+)", (?:"aliases": \[\], "role": "\w+", )?"span": \[(\d+), (\d+)\]',
        doc,
    )
    assert len(pairs) >= 4
    for quoted, start, end in pairs:
        assert text[int(start) : int(end)] == quoted


# ---------------------------------------------------------------- the published schemas

SCHEMAS = {
    "document": "schema.json",
    "record": "record.schema.json",
    "tables": "tables.schema.json",
}


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", *args],
        capture_output=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=300,
    )


@pytest.mark.parametrize("name", SCHEMAS)
def test_the_command_prints_what_is_committed(name: str) -> None:
    committed = (REPO / "docs" / SCHEMAS[name]).read_text(encoding="utf-8")
    assert committed == schema_json(name) + "\n", (
        f"regenerate: policyparse --schema {name} > docs/{SCHEMAS[name]}"
    )
    printed = _cli("--schema", *([] if name == "document" else [name]))
    assert printed.returncode == 0 and printed.stdout == committed


@pytest.mark.parametrize("name", ["document", "record"])
def test_json_schemas_name_their_dialect_and_themselves(name: str) -> None:
    import jsonschema  # type: ignore[import-untyped]

    schema = json.loads((REPO / "docs" / SCHEMAS[name]).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:policyparse:schema:{name}:{SCHEMA_VERSION}"
    assert list(schema)[:2] == ["$schema", "$id"]
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_line_of_a_batch_result_validates_against_the_record_schema(tmp_path: Path) -> None:
    import jsonschema

    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.txt").write_bytes((CORPUS / "ningbo-2025-consumption.txt").read_bytes())
    (plans / "b.txt").write_bytes(b"")  # an error record
    (plans / "c.ofd").write_bytes(b"PK")  # a skipped record
    (plans / "d.png").write_bytes(b"\x89PNG")  # a skipped record
    out = tmp_path / "out.jsonl"
    r = _cli("batch", str(plans), "-o", str(out), "--with-text", "--quiet")
    assert r.returncode == 0, r.stderr
    schema = json.loads((REPO / "docs" / "record.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    kinds = []
    for record in lines:
        validator.validate(record)
        kinds.append("error" if "error" in record else "skipped" if "skipped" in record else "doc")
    assert sorted(kinds) == ["doc", "error", "skipped", "skipped"]
    # exactly one of the three: an error record is no skipped record, nor a Document
    for bad in (
        {"path": "x", "error": "empty", "skipped": "not_a_plan", "message": "m"},
        {"path": "x", "error": "no_such_code", "message": "m"},
        {"path": "x", "skipped": "tired", "message": "m"},
        {"path": "x", "message": "m"},
    ):
        assert not validator.is_valid(bad), bad


# The Frictionless field types as they appear in the CSV policyparse writes.
_CELL = {
    "integer": re.compile(r"-?\d+"),
    "number": re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?|inf|-inf|nan"),
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
}


def _check_cell(field: dict[str, Any], value: str) -> None:
    """A CSV cell against its Table Schema field (a small reader of the spec's rules)."""
    if value == "":  # missingValues
        return
    kind = field["type"]
    if kind == "boolean":
        assert value in field["trueValues"] + field["falseValues"], (field["name"], value)
    elif kind in _CELL:
        assert _CELL[kind].fullmatch(value), (field["name"], value)
    constraints = field.get("constraints", {})
    if "enum" in constraints:
        assert value in constraints["enum"], (field["name"], value)
    if "pattern" in constraints:
        assert re.fullmatch(constraints["pattern"], value), (field["name"], value)


def test_the_tables_schema_is_the_column_types_and_the_csv_fits_it(tmp_path: Path) -> None:
    import csv

    from policyparse.export.tables import COLUMNS, column_type

    package = json.loads((REPO / "docs" / "tables.schema.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    assert package["id"] == f"urn:policyparse:schema:tables:{SCHEMA_VERSION}"
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == list(COLUMNS)
    types = {
        "str": "string",
        "int": "integer",
        "float": "number",
        "bool": "boolean",
        "date": "date",
    }
    for name, columns in COLUMNS.items():
        fields = resources[name]["schema"]["fields"]
        assert [f["name"] for f in fields] == columns
        assert [f["type"] for f in fields] == [types[column_type(name, c)] for c in columns]
    # real tables: the bundled plans, with every kind of cell
    out = tmp_path / "tables"
    r = _cli("batch", str(CORPUS), "--format", "csv", "-o", str(out), "--quiet")
    assert r.returncode == 0, r.stderr
    seen_comparators = set()
    for name, resource in resources.items():
        fields = resource["schema"]["fields"]
        with (out / resource["path"]).open(encoding=resource["encoding"], newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == [f["name"] for f in fields]
        assert len(rows) > 1, name
        for row in rows[1:]:
            for field, value in zip(fields, row, strict=True):
                _check_cell(field, value)
                if field["name"] == "comparator":
                    seen_comparators.add(value)
    assert "'=" in seen_comparators and ">=" in seen_comparators
