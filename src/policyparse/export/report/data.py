"""What the corpus report shows, read from a batch result one record at a time.

Each document leaves a row of the documents table and its counts behind
(targets by year and by unit of measure, who owns what), so a corpus of
thousands of documents is never held in memory.  ``page`` draws it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ...errors import PolicyParseError
from ...model.document import Document, Node
from ...vocab import ROLES
from ..files import write_text
from ..network import Network
from ..owners import owners
from ..records import records
from ..tables import document_row
from .analysis import Citations, target_rows, view_name

# (document, text, (href, label) of the link back to the report) -> the view's page
ViewFn = Callable[[Document, str, tuple[str, str]], str]

# The columns of a row of the documents table (name, and "num" for a number); each
# row holds two more: the href of the document's view and "no structure" or "".
DOC_COLUMNS = [
    ("#", "num"),
    ("title", ""),
    ("issuer", ""),
    ("date", ""),
    ("type", ""),
    ("measures", "num"),
    ("targets", "num"),
    ("units", "num"),
    ("warnings", "num"),
    ("errors", "num"),
    ("path", ""),
]


@dataclass
class Unit:
    """A unit's counts across the corpus: its documents, its measures by role, their targets."""

    documents: set[int] = field(default_factory=set)
    measures: int = 0
    roles: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    targets: int = 0


@dataclass
class Corpus:
    """What the report shows, accumulated one record at a time."""

    rows: list[list[Any]] = field(default_factory=list)  # the documents table
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # path, error, message
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # path, reason, message
    problems: list[tuple[int, str]] = field(default_factory=list)  # row index, what
    by_year: Counter[str] = field(default_factory=Counter)
    by_unit: Counter[str] = field(default_factory=Counter)
    units: dict[str, Unit] = field(default_factory=dict)
    targets: int = 0
    measures: int = 0
    views: int = 0
    torn: int = 0  # lines that are not JSON (a run interrupted mid-line)
    target_rows: list[list[Any]] = field(default_factory=list)  # the targets table
    citations: Citations = field(default_factory=Citations)
    network: Network = field(default_factory=Network)

    def add(self, doc: Document, view: str | None) -> None:
        k = len(self.rows)
        row = document_row(doc)
        nodes = list(doc.walk())
        errors = sum(1 for d in doc.diagnostics if d.severity == "error")
        no_structure = not nodes or any(d.code == "no_structure" for d in doc.diagnostics)
        self.rows.append(_row(k, doc, row, errors, view, no_structure))
        if errors:
            self.problems.append((k, f"{errors} error diagnostics"))
        if no_structure:
            self.problems.append((k, "no structure: no numbered headings"))
        self.measures += row["measures"]
        self._count_targets(nodes)
        self._count_owners(doc, k)
        self.target_rows += target_rows(doc, k, view, len(self.target_rows))
        self.citations.add(doc, k)
        self.network.add(doc)

    def _count_targets(self, nodes: list[Node]) -> None:
        for node in nodes:
            for t in node.targets:
                self.targets += 1
                self.by_year[str(t.year) if t.year is not None else "no year"] += 1
                self.by_unit[t.base_unit or t.unit or "no unit"] += 1

    def _count_owners(self, doc: Document, k: int) -> None:
        """The measures and targets each unit owns (classes of bodies left out)."""
        for r in owners(doc):
            if r.generic:
                continue
            u = self.units.setdefault(r.unit, Unit())
            u.documents.add(k)
            u.measures += 1
            u.roles[r.role] = u.roles.get(r.role, 0) + 1
            u.targets += len(r.targets)

    def years(self) -> list[tuple[str, int]]:
        """Targets by year, in order of the years, those with no year last."""
        return sorted(self.by_year.items(), key=lambda kv: (kv[0] == "no year", kv[0]))

    def top_units(self, n: int) -> list[tuple[str, Unit]]:
        """The *n* units named for the most measures (then targets, then by name)."""
        ranked = sorted(self.units.items(), key=lambda kv: (-kv[1].measures, -kv[1].targets, kv[0]))
        return ranked[:n]

    def problem_list(self) -> list[tuple[str, str, str, str]]:
        """The parsed documents with errors or no structure: (name, view href, what, path)."""
        out = []
        for k, what in self.problems:
            row = self.rows[k]
            out.append((row[1] or row[10] or f"document {k + 1}", row[11], what, row[10]))
        return out


def _row(
    k: int, doc: Document, row: dict[str, Any], errors: int, view: str | None, no_structure: bool
) -> list[Any]:
    """The document's row of the documents table (DOC_COLUMNS, then its view and structure)."""
    date = doc.published or doc.signed
    return [
        k + 1,
        doc.title or "",
        doc.issuer or "",
        date.isoformat() if date else "",
        doc.doc_type or "",
        row["measures"],
        row["targets"],
        row["units"],
        row["warnings"],
        errors,
        doc.source.path or "",
        view or "",
        "no structure" if no_structure else "",
    ]


def read_corpus(
    jsonl: str | Path, output: str | Path | None = None, view: ViewFn | None = None
) -> Corpus:
    """Read a batch result line by line; write the views beside *output* when asked."""
    corpus = Corpus()
    folder: Path | None = None
    back = ("", "")
    if output is not None and view is not None:
        out = Path(output)
        folder = out.parent / f"{out.stem}_files"
        back = (f"../{quote(out.name)}", "← back to the corpus report")
    used: Counter[str] = Counter()
    for item in records(jsonl):
        if item is None:
            corpus.torn += 1
        elif isinstance(item, dict):
            kind = "skipped" if "skipped" in item else "error"
            entry = (str(item.get("path", "")), str(item[kind]), str(item.get("message", "")))
            (corpus.skipped if kind == "skipped" else corpus.failed).append(entry)
        else:
            href = None
            if folder is not None and view is not None and item.text is not None:
                folder.mkdir(parents=True, exist_ok=True)
                name = view_name(item.source.path, len(corpus.rows), used)
                write_text(folder / name, view(item, item.text, back))
                href = f"{quote(folder.name)}/{name}"
                corpus.views += 1
            corpus.add(item, href)
    if not corpus.rows and not corpus.failed and not corpus.skipped:
        raise PolicyParseError(
            f"{jsonl}: not a batch result (no document, error or skipped record in it); "
            "make one with: policyparse batch FILES -o out.jsonl"
        )
    return corpus
