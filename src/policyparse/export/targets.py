"""Every target with who answers for it: one row each, filtered, as a table, CSV or JSON.

``policyparse targets plan.txt --year 2025`` answers "which 2025 targets does this
plan set, and who leads each" in one command; ``target_rows(docs)`` gives the same
rows to a program.  A row is the target's fields, the units that answer for it by
role (``Target.owners``: the units of its node or of the nearest ancestor that names
units) and where it stands (its path and the function of its top-level section).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from ..model.document import Document, Node, Target
from ..vocab import ROLES, SectionFunction
from .owners import cell

COLUMNS = [
    "document",
    "path",
    "indicator",
    "comparator",
    "value",
    "value_max",
    "unit",
    "kind",
    "year",
    "deadline",
    *(f"{role}_units" for role in ROLES),
    "owner_path",
    "section_function",
    "text",
    "start",
    "end",
]

# The columns of the table printed on a terminal: (heading, row key).
SHOWN = [
    ("indicator", "indicator"),
    ("cmp", "comparator"),
    ("value", "amount"),
    ("unit", "unit"),
    ("year", "year"),
    ("deadline", "deadline"),
    ("lead / responsible", "owners"),
    ("path", "path"),
]


@dataclass(frozen=True)
class Filter:
    """Which targets to keep: by year (or none), by a unit's name, by section function."""

    years: frozenset[int] = frozenset()
    no_year: bool = False
    unit: str | None = None
    role: str | None = None
    skip: frozenset[SectionFunction] = frozenset()

    def keeps(self, t: Target, function: SectionFunction | None) -> bool:
        if function in self.skip:
            return False
        if self.no_year and t.year is not None:
            return False
        if self.years and t.year not in self.years:
            return False
        if self.unit is None and self.role is None:
            return True
        return any(
            (self.unit is None or self.unit in name) and (self.role in (None, role))
            for role, names in t.owners.items()
            for name in names
        )


def _walk(doc: Document) -> Iterable[tuple[Node, str | None, SectionFunction | None]]:
    """Every node with the path it is listed under and its top-level section's function."""

    def visit(
        nodes: list[Node], path: str | None, function: SectionFunction | None
    ) -> Iterable[tuple[Node, str | None, SectionFunction | None]]:
        for node in nodes:
            here = node.path or path
            fn = node.function or function
            yield node, here, fn
            yield from visit(node.children, here, fn)

    return visit(doc.children, None, None)


def _names(t: Target, role: str) -> str | None:
    return "；".join(t.owners.get(role, ())) or None  # type: ignore[call-overload]


def target_rows(
    docs: Document | Iterable[Document], keep: Filter = Filter()
) -> list[dict[str, Any]]:
    """One row per target kept by *keep* (COLUMNS), in document order."""
    out: list[dict[str, Any]] = []
    for doc in [docs] if isinstance(docs, Document) else docs:
        for node, path, function in _walk(doc):
            for t in node.targets:
                if keep.keeps(t, function):
                    out.append(_row(doc, t, path, function))
    return out


def _row(
    doc: Document, t: Target, path: str | None, function: SectionFunction | None
) -> dict[str, Any]:
    return {
        "document": doc.source.path,
        "path": path,
        "indicator": t.indicator,
        "comparator": t.comparator,
        "value": t.value,
        "value_max": t.value_max,
        "unit": t.unit,
        "kind": t.kind,
        "year": t.year,
        "deadline": t.deadline,
        **{f"{role}_units": _names(t, role) for role in ROLES},
        "owner_path": t.owner_path,
        "section_function": function,
        "text": t.text,
        "start": t.span[0],
        "end": t.span[1],
    }


def to_csv(rows: Sequence[dict[str, Any]]) -> str:
    """CSV text with a UTF-8 BOM (Excel reads the Chinese), cells as the tables write them."""
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([cell(r[c], c) for c in COLUMNS])
    return buf.getvalue()


def to_json(rows: Sequence[dict[str, Any]], indent: int | None = None) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=indent)


def _amount(r: dict[str, Any]) -> str:
    def num(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else repr(x)

    if r["value_max"] is not None:
        return f"{num(r['value'])}–{num(r['value_max'])}"
    return num(r["value"])


def _owners(r: dict[str, Any]) -> str:
    """The lead units, else the responsible ones (then the rest), as one cell."""
    for role in ROLES:
        if r[f"{role}_units"]:
            return f"{role}: {r[f'{role}_units']}"
    return ""


def _width(text: str) -> int:
    """Columns a string takes on a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _clip(text: str, limit: int) -> str:
    if _width(text) <= limit:
        return text
    out = ""
    for ch in text:
        if _width(out + ch) > limit - 1:
            break
        out += ch
    return out + "…"


_LIMITS = {"indicator": 28, "deadline": 16, "owners": 50, "document": 36}


def to_text(rows: Sequence[dict[str, Any]], with_document: bool = False) -> str:
    """An aligned table for a terminal (long cells cut with …), one line per target."""
    shown = [("document", "document"), *SHOWN] if with_document else SHOWN
    cells: list[list[str]] = []
    for r in rows:
        values = {
            **{k: "" if v is None else str(v) for k, v in r.items()},
            "amount": _amount(r),
            "document": PurePath(r["document"] or "").name,
            "owners": _owners(r),
        }
        cells.append([_clip(values[key], _LIMITS.get(key, 60)) for _, key in shown])
    heads = [head for head, _ in shown]
    widths = [max([_width(h), *(_width(c[k]) for c in cells)]) for k, h in enumerate(heads)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(heads, widths, strict=True)).rstrip()]
    for c in cells:
        lines.append("  ".join(_pad(x, w) for x, w in zip(c, widths, strict=True)).rstrip())
    plural = "" if len(rows) == 1 else "s"
    lines.append(f"({len(rows)} target{plural})")
    return "\n".join(lines)
