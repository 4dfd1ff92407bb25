"""Tables for pandas and Excel: targets, measures and units, one row each.

The column sets are part of the contract (docs/exports.md): columns may be
added at the end, never renamed or reordered.  CSV is UTF-8 with a BOM so
that Excel reads the Chinese; Parquet is written when pyarrow is installed.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO, Any

from ..errors import PolicyParseError
from ..model.document import Document, Node
from .owners import ROW_COLUMNS, cell, owners, walk

TARGET_COLUMNS = [
    "document",
    "path",
    "node_title",
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
    "period",
    "units",
    "text",
    "node_deadline",
    "node_due",
]
MEASURE_COLUMNS = [
    "document",
    "path",
    "kind",
    "level",
    "label",
    "number",
    "title",
    "units",
    "targets",
    "text",
    "deadline",
    "due",
]
COLUMNS = {"targets": TARGET_COLUMNS, "measures": MEASURE_COLUMNS, "units": ROW_COLUMNS}


def _units(node: Node) -> str:
    seen: list[str] = []
    for u in node.responsible_units:
        name = u.canonical or u.name
        if name not in seen:
            seen.append(name)
    return "；".join(seen)


def table_rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """The three tables of one document, as lists of dicts keyed by column."""
    name = doc.source.path
    targets: list[dict[str, Any]] = []
    measures: list[dict[str, Any]] = []
    for node, path, title in walk(doc.children):
        units = _units(node)
        deadline = node.deadline.text if node.deadline else None
        due = node.deadline.date if node.deadline else None
        measures.append(
            {
                "document": name,
                "path": node.path,
                "kind": node.kind,
                "level": node.level,
                "label": node.label,
                "number": node.number,
                "title": node.title,
                "units": units,
                "targets": len(node.targets),
                "text": node.text,
                "deadline": deadline,
                "due": due,
            }
        )
        for t in node.targets:
            targets.append(
                {
                    "document": name,
                    "path": path,
                    "node_title": title,
                    "indicator": t.indicator,
                    "comparator": t.comparator,
                    "value": t.value,
                    "value_max": t.value_max,
                    "unit": t.unit,
                    "base_value": t.base_value,
                    "base_unit": t.base_unit,
                    "kind": t.kind,
                    "year": t.year,
                    "deadline": t.deadline,
                    "period": t.period,
                    "units": units,
                    "text": t.text,
                    "node_deadline": deadline,
                    "node_due": due,
                }
            )
    unit_rows = [r.model_dump() for r in owners(doc)]
    for r in unit_rows:
        r["targets"] = "；".join(r["targets"])
    return {"targets": targets, "measures": measures, "units": unit_rows}


class CsvTables:
    """targets.csv, measures.csv, units.csv in a folder, written a document at a time."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.files: dict[str, IO[str]] = {}
        self.writers: dict[str, Any] = {}
        for name, columns in COLUMNS.items():
            fh = (self.folder / f"{name}.csv").open("w", encoding="utf-8-sig", newline="")
            writer = csv.writer(fh, lineterminator="\r\n")
            writer.writerow(columns)
            self.files[name], self.writers[name] = fh, writer

    def add(self, doc: Document) -> None:
        for name, table in table_rows(doc).items():
            columns = COLUMNS[name]
            self.writers[name].writerows([cell(r[c]) for c in columns] for r in table)

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()


class ParquetTables:
    """The same three tables as Parquet files, written in row groups as documents come."""

    def __init__(self, folder: str | Path, batch: int = 200) -> None:
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise PolicyParseError("--format parquet needs pyarrow: pip install pyarrow") from None
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.batch = batch
        self.pending: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
        self.writers: dict[str, Any] = {}

    def add(self, doc: Document) -> None:
        for name, table in table_rows(doc).items():
            self.pending[name].extend(table)
            if len(self.pending[name]) >= self.batch:
                self._flush(name)

    def _flush(self, name: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = self.pending[name]
        columns = COLUMNS[name]
        data = {c: [None if r[c] is None else str(r[c]) for r in table] for c in columns}
        arrow = pa.table({c: pa.array(v, type=pa.string()) for c, v in data.items()})
        if name not in self.writers:
            self.writers[name] = pq.ParquetWriter(self.folder / f"{name}.parquet", arrow.schema)
        self.writers[name].write_table(arrow)
        self.pending[name] = []

    def close(self) -> None:
        for name in COLUMNS:
            if self.pending[name] or name not in self.writers:
                self._flush(name)
            self.writers[name].close()
