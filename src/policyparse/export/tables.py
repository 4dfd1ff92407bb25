"""Tables for pandas, Parquet and Excel: documents, targets, nodes and units.

Every column has a type (``COLUMN_TYPES``), stated once here and used by every writer:
Parquet columns and ``frames()`` are typed from it, ``read_tables()`` reads a CSV
folder back with it, and docs/tables.schema.json is written from it.  The column sets
are part of the contract (docs/exports.md): columns may be added at the end, never
renamed or reordered.  CSV is UTF-8 with a BOM so that Excel reads the Chinese; in CSV
a ``path`` is written ``§2.10`` and a ``label`` ``§1.`` so that neither pandas nor
Excel reads them as numbers (2.10 as 2.1 would merge （一） and （十）).

The nodes table was called ``measures`` up to 0.2 (it always held every node, not the
measures alone): ``read_tables`` still reads a folder written then, and
``["measures"]`` of the tables still gives the nodes, with a DeprecationWarning.
"""

from __future__ import annotations

import csv
import json
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from ..errors import PolicyParseError
from ..model.document import Document, Node, ResponsibleUnit
from ..version import __version__
from ..vocab import ROLES
from .files import Pending
from .owners import MARK, QUOTED_STARTS, ROW_COLUMNS, cell, marked, owners, walk

if TYPE_CHECKING:
    import pandas as pd

ColumnType = Literal["str", "int", "float", "bool", "date"]

# Appended to every target, measure and unit row: which document it comes from.
DOC_KEY_COLUMNS = ["doc_title", "doc_number", "issuer", "published", "sha256"]

DOCUMENT_COLUMNS = [
    "document",
    "title",
    "doc_number",
    "issuer",
    "published",
    "signed",
    "doc_type",
    "horizon_start",
    "horizon_end",
    "format",
    "encoding",
    "sha256",
    "nodes",
    "measures",
    "targets",
    "units",
    "warnings",
    "diagnostics",
]
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
    "start",
    "end",
    "owner_path",
    *(f"{role}_units" for role in ROLES),
    *DOC_KEY_COLUMNS,
    "baseline_value",
    "baseline_year",
    "binding",
]
NODE_COLUMNS = [
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
    "start",
    "end",
    *DOC_KEY_COLUMNS,
]
UNIT_COLUMNS = [*ROW_COLUMNS, *DOC_KEY_COLUMNS]
COLUMNS = {
    "documents": DOCUMENT_COLUMNS,
    "targets": TARGET_COLUMNS,
    "nodes": NODE_COLUMNS,
    "units": UNIT_COLUMNS,
}
# The files a folder of tables holds, and the name the nodes table had up to 0.2.
OLD_NAMES = {"nodes": "measures"}
TABLE_FILES = frozenset(
    f"{name}.{ext}" for name in [*COLUMNS, *OLD_NAMES.values()] for ext in ("csv", "parquet")
)

_V = TypeVar("_V")


class Tables(dict[str, _V]):
    """The tables by name.  ``["measures"]``, the nodes table's name up to 0.2, gives
    the nodes table still (with a DeprecationWarning)."""

    def __missing__(self, key: str) -> _V:
        new = next((n for n, old in OLD_NAMES.items() if old == key), None)
        if new is None or new not in self:
            raise KeyError(key)
        warnings.warn(
            f"the {key} table is called {new} now (it holds every node): use [{new!r}]",
            DeprecationWarning,
            stacklevel=2,
        )
        return self[new]


_INT = (
    "horizon_start horizon_end nodes measures warnings diagnostics year level number start end "
    "baseline_year"
)
# Column types by name: a name means the same in every table.  Text unless stated.
COLUMN_TYPES: dict[str, ColumnType] = {
    **dict.fromkeys(_INT.split(), "int"),
    **dict.fromkeys(["value", "value_max", "base_value", "baseline_value"], "float"),
    **dict.fromkeys(["generic", "implied", "binding"], "bool"),
    **dict.fromkeys(["published", "signed", "node_due", "due"], "date"),
}
# ``targets`` and ``units`` are counts in these tables, and names elsewhere.
_COUNTS = {("documents", "targets"), ("documents", "units"), ("nodes", "targets")}


def column_type(table: str, column: str) -> ColumnType:
    """The type of one column of one table."""
    if (table, column) in _COUNTS:
        return "int"
    return COLUMN_TYPES.get(column, "str")


def _names(units: Iterable[ResponsibleUnit]) -> list[str]:
    seen: list[str] = []
    for u in units:
        name = u.canonical or u.name
        if name not in seen:
            seen.append(name)
    return seen


def _by_role(node: Node | None) -> dict[str, str | None]:
    """The owning node's units, one cell per role (implied units count under their role)."""
    units = [*node.responsible_units, *node.implied_units] if node else []
    return {
        f"{role}_units": "；".join(_names(u for u in units if u.role == role)) or None
        for role in ROLES
    }


def _owning(nodes: list[Node], owner: Node | None = None) -> Iterable[tuple[Node, Node | None]]:
    """Every node with the nearest node, itself or an ancestor, that names units.

    A paragraph 2025年，新增就业20万人。 under （一） whose units line is （责任单位：市人社局）
    is owned by （一）: the paragraph prints no units of its own.
    """
    for node in nodes:
        here = node if (node.responsible_units or node.implied_units) else owner
        yield node, here
        yield from _owning(node.children, here)


def _doc_key(doc: Document) -> dict[str, Any]:
    return {
        "doc_title": doc.title,
        "doc_number": doc.doc_number,
        "issuer": doc.issuer,
        "published": doc.published,
        "sha256": doc.source.sha256,
    }


def document_row(doc: Document) -> dict[str, Any]:
    """One row of documents.csv: metadata and counts."""
    nodes = list(doc.walk())
    return {
        "document": doc.source.path,
        "title": doc.title,
        "doc_number": doc.doc_number,
        "issuer": doc.issuer,
        "published": doc.published,
        "signed": doc.signed,
        "doc_type": doc.doc_type,
        "horizon_start": doc.horizon.start if doc.horizon else None,
        "horizon_end": doc.horizon.end if doc.horizon else None,
        "format": doc.source.format,
        "encoding": doc.source.encoding,
        "sha256": doc.source.sha256,
        "nodes": len(nodes),
        "measures": sum(1 for n in nodes if n.kind == "measure"),
        "targets": sum(len(n.targets) for n in nodes),
        "units": len(_names(u for n in nodes for u in n.responsible_units)),
        "warnings": sum(1 for d in doc.diagnostics if d.severity != "info"),
        "diagnostics": len(doc.diagnostics),
    }


def table_rows(doc: Document) -> Tables[list[dict[str, Any]]]:
    """The four tables of one document, as lists of dicts keyed by column."""
    name = doc.source.path
    key = _doc_key(doc)
    targets: list[dict[str, Any]] = []
    nodes: list[dict[str, Any]] = []
    owned = dict((id(n), o) for n, o in _owning(doc.children))
    for node, path, title in walk(doc.children):
        units = "；".join(_names(node.responsible_units)) or None
        deadline = node.deadline.text if node.deadline else None
        due = node.deadline.date if node.deadline else None
        nodes.append(
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
                "start": node.span[0],
                "end": node.span[1],
                **key,
            }
        )
        owner = owned[id(node)]
        roles = _by_role(owner)
        owner_path = None if owner is None else owner.path or path
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
                    "baseline_value": t.baseline.value if t.baseline else None,
                    "baseline_year": t.baseline.year if t.baseline else None,
                    "binding": t.binding,
                    "units": units,
                    "text": t.text,
                    "node_deadline": deadline,
                    "node_due": due,
                    "start": t.span[0],
                    "end": t.span[1],
                    "owner_path": owner_path,
                    **roles,
                    **key,
                }
            )
    unit_rows = []
    for r in owners(doc):
        row = r.model_dump()
        row["targets"] = "；".join(row["targets"]) or None
        unit_rows.append({**row, **key})
    return Tables(documents=[document_row(doc)], targets=targets, nodes=nodes, units=unit_rows)


def _not_a_network(folder: Path) -> None:
    """Refuse a folder that holds a network (policyparse network -o): its nodes.csv
    is the units of the network, and the nodes table would replace it."""
    if (folder / "edges.csv").exists() and (folder / "nodes.csv").exists():
        raise PolicyParseError(
            f"{folder} holds a network (nodes.csv, edges.csv), whose nodes.csv the tables' "
            "would replace: write the tables into another folder"
        )


class CsvTables:
    """documents.csv, targets.csv, nodes.csv, units.csv in a folder, a document at a time.

    Each is written under a temporary name and renamed into place by ``close``
    (export.files): a planted link is replaced, not written through, and a run
    killed halfway leaves the tables of before, never a truncated one.
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        _not_a_network(self.folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.files: dict[str, Pending] = {}
        self.writers: dict[str, Any] = {}
        try:
            for name, columns in COLUMNS.items():
                p = Pending(self.folder / f"{name}.csv", "w", encoding="utf-8-sig", newline="")
                self.files[name] = p
                self.writers[name] = csv.writer(p.fh, lineterminator="\r\n")
                self.writers[name].writerow(columns)
        except BaseException:
            self.abandon()
            raise

    def add(self, doc: Document) -> None:
        for name, table in table_rows(doc).items():
            columns = COLUMNS[name]
            self.writers[name].writerows([cell(r[c], c) for c in columns] for r in table)

    def close(self) -> None:
        """Every table into place, at the end."""
        for p in self.files.values():
            p.commit()

    def abandon(self) -> None:
        """Nothing into place: the temporary files go."""
        for p in self.files.values():
            p.abandon()


# Parquet types, and the pandas metadata that makes pd.read_parquet give nullable
# dtypes (a year column with gaps stays Int64, not float64) without pandas at write time.
_ARROW = {"str": "string", "int": "int64", "float": "float64", "bool": "bool_", "date": "date32"}
_PANDAS_META = {
    "str": ("unicode", "string"),
    "int": ("int64", "Int64"),
    "float": ("float64", "Float64"),
    "bool": ("bool", "boolean"),
    "date": ("date", "object"),
}


def _arrow_schema(name: str) -> Any:
    import pyarrow as pa

    kinds = [(c, column_type(name, c)) for c in COLUMNS[name]]
    meta = {
        "index_columns": [],
        "column_indexes": [],
        "columns": [
            {
                "name": c,
                "field_name": c,
                "pandas_type": _PANDAS_META[k][0],
                "numpy_type": _PANDAS_META[k][1],
                "metadata": None,
            }
            for c, k in kinds
        ],
        "creator": {"library": "policyparse", "version": __version__},
        "pandas_version": "2.2.0",
    }
    fields = [(c, getattr(pa, _ARROW[k])()) for c, k in kinds]
    return pa.schema(fields, metadata={"pandas": json.dumps(meta)})


class ParquetTables:
    """The same four tables as typed Parquet files, written in row groups as documents come."""

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
        self.files: dict[str, Pending] = {}  # written under temporary names, as CsvTables

    def add(self, doc: Document) -> None:
        for name, table in table_rows(doc).items():
            self.pending[name].extend(table)
            if len(self.pending[name]) >= self.batch:
                self._flush(name)

    def _flush(self, name: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = self.pending[name]
        schema = _arrow_schema(name)
        arrow = pa.table({c: [r[c] for r in rows] for c in COLUMNS[name]}, schema=schema)
        if name not in self.writers:
            self.files[name] = Pending(self.folder / f"{name}.parquet", "wb")
            self.writers[name] = pq.ParquetWriter(self.files[name].fh, schema)
        self.writers[name].write_table(arrow)
        self.pending[name] = []

    def close(self) -> None:
        """Every table into place, at the end."""
        for name in COLUMNS:
            if self.pending[name] or name not in self.writers:
                self._flush(name)
            self.writers[name].close()
        for p in self.files.values():
            p.commit()

    def abandon(self) -> None:
        for p in self.files.values():
            p.abandon()


_PANDAS = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


def _need_pandas() -> None:
    try:
        import pandas  # noqa: F401
    except ImportError:
        raise PolicyParseError(
            "policyparse.frames needs pandas: pip install 'policyparse[pandas]'"
        ) from None


def _typed(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    data = {}
    for c in COLUMNS[name]:
        kind = column_type(name, c)
        values = [r[c] for r in rows]
        if kind == "date":
            data[c] = pd.Series(pd.to_datetime(values), dtype="datetime64[s]")
        else:
            data[c] = pd.Series(values, dtype=_PANDAS[kind])
    return pd.DataFrame(data, columns=COLUMNS[name])


def frames(docs: Document | Iterable[Document]) -> Tables[pd.DataFrame]:
    """The four tables of one document or many as typed pandas DataFrames.

    Text is ``string``, counts, years and offsets ``Int64``, amounts ``Float64``, flags
    ``boolean`` and dates ``datetime64[s]``: missing values stay missing (``<NA>``,
    ``NaT``) instead of turning a year into 2025.0.  Needs pandas (``policyparse[pandas]``).
    """
    _need_pandas()
    items = [docs] if isinstance(docs, Document) else docs
    acc: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    for doc in items:
        for name, rows in table_rows(doc).items():
            acc[name].extend(rows)
    return Tables({name: _typed(name, rows) for name, rows in acc.items()})


def _unquoted(column: pd.Series) -> pd.Series:
    """Text as it was before the ' that keeps a spreadsheet from running it."""
    guarded = column.str.startswith("'") & column.str[1:2].isin(QUOTED_STARTS)
    return column.mask(guarded.fillna(False), column.str[1:])


def _table_file(base: Path, name: str) -> Path:
    """The file of table *name* in *base*: Parquet before CSV, the name of 0.2 after."""
    for stem in (name, OLD_NAMES.get(name)):
        for ext in ("parquet", "csv"):
            if stem is not None and (base / f"{stem}.{ext}").is_file():
                return base / f"{stem}.{ext}"
    raise PolicyParseError(f"{base}: no {name}.csv or {name}.parquet")


def read_tables(folder: str | Path) -> Tables[pd.DataFrame]:
    """Tables written by ``--format csv`` or ``--format parquet`` back as typed DataFrames.

    Parquet is read as written; CSV is read with the column types above, the § taken
    off every path and label and the ' off every guarded cell, so the frames equal what
    ``frames()`` gives for the same documents.  A folder written by 0.2 (``measures.csv``)
    is read too: its table comes back as ``nodes``.
    """
    _need_pandas()
    base = Path(folder)
    out: Tables[pd.DataFrame] = Tables()
    for name in COLUMNS:
        path = _table_file(base, name)
        out[name] = (
            _read_parquet(path, name) if path.suffix == ".parquet" else _read_csv(path, name)
        )
    return out


def _read_parquet(path: Path, name: str) -> pd.DataFrame:
    import pandas as pd

    frame = pd.read_parquet(path)
    for c in COLUMNS[name]:
        if column_type(name, c) == "date":
            frame[c] = frame[c].astype("datetime64[s]")
    return frame


def _read_csv(path: Path, name: str) -> pd.DataFrame:
    import pandas as pd

    kinds = {c: column_type(name, c) for c in COLUMNS[name]}
    frame = pd.read_csv(
        path,
        encoding="utf-8-sig",
        dtype={c: _PANDAS[k] for c, k in kinds.items() if k not in ("date", "bool")},
        true_values=["true"],
        false_values=["false"],
        keep_default_na=False,
        na_values=[""],
    )
    for c, k in kinds.items():
        if k == "date":
            frame[c] = pd.Series(pd.to_datetime(frame[c]), dtype="datetime64[s]")
        elif k == "bool":
            frame[c] = frame[c].astype("boolean")
        elif marked(c):
            frame[c] = frame[c].str.removeprefix(MARK)
        elif k == "str":
            frame[c] = _unquoted(frame[c])
    return frame
