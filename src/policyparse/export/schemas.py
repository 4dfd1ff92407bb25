"""The published schemas, each committed under docs/ and printed by ``policyparse --schema``:

- ``document``: a Document, the output of ``policyparse FILE`` (docs/schema.json);
- ``record``: one line of a batch's JSONL, a Document, an error record or a skipped
  record (docs/record.schema.json);
- ``tables``: the CSV tables as a Frictionless Tabular Data Package
  (docs/tables.schema.json), written from the column types that type Parquet and
  pandas (``export.tables.column_type``), so the three never disagree.

The JSON Schemas are draft 2020-12 (what pydantic writes), each with a URN ``$id``
that carries the contract's version (``SCHEMA_VERSION``).
"""

from __future__ import annotations

import json
from typing import Any

from ..version import SCHEMA_VERSION

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAS = ("document", "record", "tables")


def schema_id(name: str) -> str:
    """The URN that names one published schema at this version of the contract."""
    return f"urn:policyparse:schema:{name}:{SCHEMA_VERSION}"


def document_schema() -> dict[str, Any]:
    """The JSON Schema of a Document."""
    from ..model.document import Document

    return {"$schema": DIALECT, "$id": schema_id("document"), **Document.model_json_schema()}


def record_schema() -> dict[str, Any]:
    """The JSON Schema of one line of a batch result: exactly one of the three records."""
    from pydantic import TypeAdapter

    from ..model.document import Document
    from ..model.records import ErrorRecord, SkippedRecord

    union = TypeAdapter(Document | ErrorRecord | SkippedRecord).json_schema()
    return {
        "$schema": DIALECT,
        "$id": schema_id("record"),
        "title": "BatchRecord",
        "description": "One line of the JSONL file policyparse batch writes: a Document "
        "(a file parsed), an ErrorRecord (a file that failed) or a SkippedRecord (a path "
        "the batch found and left out). docs/exports.md.",
        "oneOf": union["anyOf"],
        "$defs": union["$defs"],
    }


_TYPES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "date": "date"}
_MARKED = (
    "Written with § in front in CSV (§2.10, §1.), so that pandas and Excel keep it as "
    "text; read_tables() takes it off. Parquet and frames() hold it bare."
)
_GUARDED = (
    "Text that a spreadsheet would run as a formula (starting with = + - @, a tab, a "
    "carriage return) or that starts with ' has a ' in front in CSV; read_tables() takes "
    "it off."
)


def _field(table: str, column: str) -> dict[str, Any]:
    from ..vocab import Comparator
    from .owners import marked
    from .tables import column_type

    kind = column_type(table, column)
    out: dict[str, Any] = {"name": column, "type": _TYPES[kind]}
    if kind == "bool":
        out |= {"trueValues": ["true"], "falseValues": ["false"]}
    elif marked(column):
        out |= {"description": _MARKED, "constraints": {"pattern": "§.*"}}
    elif column == "comparator":
        from typing import get_args

        values = ["'" + c if c.startswith("=") else c for c in get_args(Comparator)]
        out |= {
            "description": "As in the Document, except = which CSV writes '= (a lone = is "
            'a formula to a spreadsheet): df.comparator == "\'=" with plain pandas, '
            '"=" with read_tables(), Parquet or frames().',
            "constraints": {"enum": values},
        }
    return out


def tables_schema() -> dict[str, Any]:
    """The CSV tables as a Frictionless Tabular Data Package (Table Schema per table)."""
    from .tables import COLUMNS

    return {
        "profile": "tabular-data-package",
        "id": schema_id("tables"),
        "name": "policyparse-tables",
        "title": "policyparse tables",
        "description": "The tables of policyparse FILE --format csv and policyparse batch "
        "--format csv (docs/exports.md). In CSV, " + _GUARDED + " Parquet files hold the "
        "same columns with the same types, text without the § and ' that CSV adds.",
        "version": SCHEMA_VERSION,
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
                "schema": {
                    "fields": [_field(name, c) for c in columns],
                    "missingValues": [""],
                },
            }
            for name, columns in COLUMNS.items()
        ],
    }


def schema_text(name: str = "document") -> str:
    """One published schema as the text committed under docs/."""
    make = {"document": document_schema, "record": record_schema, "tables": tables_schema}
    return json.dumps(make[name](), ensure_ascii=False, indent=2)
