"""Who owns what: one row per unit and node, and totals per unit.

Supervision offices and auditors ask which department answers for which
measure and which target.  ``owners(document)`` answers with one row per
canonical unit and node, carrying the node's targets in short form.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from ..vocab import ROLES

if TYPE_CHECKING:
    from ..model.document import Document, Node, Target

_OPS = {"=": "", ">": ">", ">=": "≥", "<": "<", "<=": "≤", "~": "约"}
ROW_COLUMNS = [
    "document",
    "unit",
    "name",
    "role",
    "generic",
    "implied",
    "path",
    "title",
    "targets",
    "start",
    "end",
]
TOTAL_COLUMNS = [
    "unit",
    "documents",
    "nodes",
    *ROLES,
    "targets",
]


class OwnerRow(BaseModel):
    """One unit answering for one node."""

    model_config = ConfigDict(extra="forbid")

    document: str | None = Field(description="Source path of the document.")
    unit: str = Field(description="Canonical name of the unit.")
    name: str = Field(description="The name as first printed in the node.")
    role: str
    generic: bool
    implied: bool = Field(description="Assigned by an earlier note, not printed here.")
    path: str | None = Field(description="Path of the node, or of its nearest numbered ancestor.")
    title: str | None
    targets: list[str] = Field(description="The node's targets in short form.")
    start: int = Field(description="Where the unit is named: the mention's span.")
    end: int


class UnitTotal(BaseModel):
    """One unit across all the documents given: its nodes, by role, and their targets.

    The roles of vocab.Role are fields (tests/test_vocab_values.py keeps the two
    lists equal); a role added to vocab.Role alone is carried as one more count.
    """

    model_config = ConfigDict(extra="allow")

    unit: str
    documents: int
    nodes: int
    lead: int = 0
    responsible: int = 0
    cooperating: int = 0
    guiding: int = 0
    targets: int


def _num(x: float) -> str:
    return str(int(x)) if x == int(x) else repr(x)


def short_target(t: Target) -> str:
    """新增城镇就业 >20万人 (2025): a target in one cell."""
    if t.comparator == "range":
        amount = f"{_num(t.value)}–{_num(t.value_max or t.value)}"
    else:
        amount = _OPS[t.comparator] + _num(t.value)
    sign = {"increase": "+", "decrease": "-"}.get(t.kind, "")
    text = f"{t.indicator or ''} {sign}{amount}{t.unit or ''}".strip()
    return f"{text} ({t.year})" if t.year else text


def walk(
    nodes: list[Node], parent: tuple[str | None, str | None] = (None, None)
) -> Iterator[tuple[Node, str | None, str | None]]:
    """Every node with the path and title it is listed under: its own, or its
    nearest numbered ancestor's for a paragraph."""
    for node in nodes:
        here = (node.path, node.title) if node.path else parent
        yield node, here[0], here[1]
        yield from walk(node.children, here)


def _owns(t: Target, unit: str) -> bool:
    """Whether *unit* answers for the target: one of its owners, or any unit of the node
    where the target names none of its own (a row of an assigned table names its body)."""
    named = [name for names in t.owners.values() for name in names]
    return not named or unit in named


def _rows(document: Document) -> list[OwnerRow]:
    out: list[OwnerRow] = []
    for node, path, title in walk(document.children):
        seen: set[str] = set()
        for unit, implied in [(u, False) for u in node.responsible_units] + [
            (u, True) for u in node.implied_units
        ]:
            key = unit.canonical or unit.name
            if key in seen:
                continue
            seen.add(key)
            goals = [short_target(t) for t in node.targets if _owns(t, key)]
            out.append(
                OwnerRow(
                    document=document.source.path,
                    unit=key,
                    name=unit.name,
                    role=unit.role,
                    generic=unit.generic,
                    implied=implied,
                    path=path,
                    title=title,
                    targets=goals,
                    start=unit.span[0],
                    end=unit.span[1],
                )
            )
    return out


def owners(document: Document) -> list[OwnerRow]:
    """One row per canonical unit and node, in reading order."""
    return _rows(document)


def totals(rows: Iterable[OwnerRow]) -> list[UnitTotal]:
    """Per unit: in how many documents and nodes it appears, by role, with how many targets."""
    acc: dict[str, dict[str, object]] = {}
    for r in rows:
        t = acc.setdefault(
            r.unit,
            {
                "docs": set(),
                "nodes": 0,
                **dict.fromkeys(ROLES, 0),
                "targets": 0,
            },
        )
        docs = t["docs"]
        assert isinstance(docs, set)
        docs.add(r.document)
        for key, add in (("nodes", 1), (r.role, 1), ("targets", len(r.targets))):
            value = t[key]
            assert isinstance(value, int)
            t[key] = value + add
    out = []
    for unit, t in acc.items():
        docs = t.pop("docs")
        assert isinstance(docs, set)
        out.append(UnitTotal(unit=unit, documents=len(docs), **t))  # type: ignore[arg-type]
    out.sort(key=lambda u: (-u.nodes, u.unit))
    return out


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# What gets a ' in front in CSV: a formula's start, or a ' that was there already.
QUOTED_STARTS = (*FORMULA_STARTS, "'")
# What goes in front of a path or a label in CSV, so that it stays text.
MARK = "§"


def marked(column: str) -> bool:
    """Whether the column's text gets MARK in CSV: paths (2.10) and labels (1.) read as
    numbers in Excel and pandas otherwise."""
    return column.endswith("path") or column == "label"


def cell(v: object, column: str = "") -> object:
    """A value as a CSV cell: lists joined with ；, true/false, empty for null, 20 not 20.0.

    A path is written §2.10: as 2.10 pandas and Excel read the number 2.1, and （一） and
    （十） of section 2 become one; a label is written §1. (Excel reads 1. as 1, and
    (1) as -1).  Text that a spreadsheet would run as a formula
    (starting with = + - @, a tab or a carriage return) gets a ' in front, as OWASP
    advises for CSV meant for spreadsheets; so does text that starts with ' itself,
    so that reading drops exactly one ' where one was added (``read_tables``).  Lists are
    joined first: the joined text is what a spreadsheet sees.
    """
    if marked(column) and isinstance(v, str) and v:
        return MARK + v
    if isinstance(v, list):
        v = "；".join(str(x) for x in v)
    if isinstance(v, str) and v.startswith(QUOTED_STARTS):
        return "'" + v  # =HYPERLINK(…) in a title must not run in a spreadsheet
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return v


def to_csv(items: Iterable[BaseModel], columns: list[str]) -> str:
    """CSV text with a UTF-8 BOM, so that Excel reads the Chinese correctly."""
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    for item in items:
        data = item.model_dump()
        writer.writerow([cell(data[c], c) for c in columns])
    return buf.getvalue()
