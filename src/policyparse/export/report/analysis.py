"""What the corpus report adds for analysis: every target with its owners, the citations
that resolve (or not) to the corpus's own documents, and the views' file names.

Kept apart from ``data`` (the counts of the dashboard) so that each stays small; the
``Corpus`` there holds one of each and feeds it a document at a time.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from ...extract.citations import same_title
from ...model.document import Document, Target

# The columns of a row of the targets table's JSON (the script reads them by index).
TARGET_FIELDS = [
    "n",
    "doc",
    "document",
    "path",
    "indicator",
    "cmp",
    "value",
    "unit",
    "year",
    "deadline",
    "owners",
    "names",
    "href",
    "function",
    "text",
    "base",
]
# The columns the table shows (by field name), and which of them are numbers.
TARGET_COLUMNS = [
    ("#", "n", "num"),
    ("document", "document", ""),
    ("path", "path", ""),
    ("indicator", "indicator", ""),
    ("cmp", "cmp", ""),
    ("value", "value", "num"),
    ("unit", "unit", ""),
    ("year", "year", "num"),
    ("deadline", "deadline", ""),
    ("who answers for it", "owners", ""),
]


def owners_cell(t: Target) -> str:
    """lead: A、B; cooperating: C — the owners by role, as one cell."""
    return "; ".join(f"{role}: {'、'.join(names)}" for role, names in t.owners.items())


def _amount(t: Target) -> float:
    return t.value


def target_rows(doc: Document, k: int, view: str | None, start: int) -> list[list[Any]]:
    """One row per target of the document (TARGET_FIELDS), numbered from *start*.

    The view marks the targets tgt-0, tgt-1 … in the order of ``doc.walk()``: a row
    links to its target there.
    """
    name = doc.title or doc.source.path or f"document {k + 1}"
    rows: list[list[Any]] = []
    i = 0
    for node, path, function in _listed(doc):
        for t in node.targets:
            rows.append(
                [
                    start + len(rows) + 1,
                    k + 1,
                    name,
                    path or "",
                    t.indicator or "",
                    t.comparator,
                    _amount(t),
                    t.unit or "",
                    t.year,
                    t.deadline or "",
                    owners_cell(t),
                    sorted({name for names in t.owners.values() for name in names}),
                    f"{view}#tgt-{i}" if view else "",
                    function or "",
                    t.text,
                    t.base_unit or t.unit or "no unit",
                ]
            )
            i += 1
    return rows


def _listed(doc: Document) -> list[tuple[Any, str | None, str | None]]:
    """Nodes in the order of doc.walk(), with their listed path and top function."""
    out: list[tuple[Any, str | None, str | None]] = []

    def visit(nodes: list[Any], path: str | None, function: str | None) -> None:
        for node in nodes:
            here = node.path or path
            fn = node.function or function
            out.append((node, here, fn))
            visit(node.children, here, fn)

    visit(doc.children, None, None)
    return out


@dataclass
class Cited:
    """A document cited by the corpus: its title as first printed, 文号, who cites it."""

    title: str
    number: str | None = None
    mentions: int = 0
    documents: set[int] = field(default_factory=set)


@dataclass
class Citations:
    """Every citation of the corpus, resolved at the end against the corpus's documents."""

    cited: dict[str, Cited] = field(default_factory=dict)  # by the title as compared
    own_titles: set[str] = field(default_factory=set)
    own_numbers: set[str] = field(default_factory=set)

    def add(self, doc: Document, k: int) -> None:
        for title in (doc.title, doc.plan_title):
            if title:
                self.own_titles.add(_key(title))
        if doc.doc_number:
            self.own_numbers.add(_number(doc.doc_number))
        for c in doc.citations:
            key = _key(c.title)
            entry = self.cited.setdefault(key, Cited(c.title))
            entry.number = entry.number or c.number
            entry.mentions += 1
            entry.documents.add(k)

    def in_corpus(self, key: str, entry: Cited) -> bool:
        """Whether a cited document is one of the corpus's, by title or by 文号."""
        if key in self.own_titles:
            return True
        return entry.number is not None and _number(entry.number) in self.own_numbers

    def missing(self, n: int) -> list[Cited]:
        """The *n* documents cited by the most documents (then mentions) not in the corpus."""
        out = [e for key, e in self.cited.items() if not self.in_corpus(key, e)]
        out.sort(key=lambda e: (-len(e.documents), -e.mentions, e.title))
        return out[:n]

    def counts(self) -> tuple[int, int, int]:
        """(citations, distinct documents cited, of them in the corpus)."""
        found = sum(1 for key, e in self.cited.items() if self.in_corpus(key, e))
        return sum(e.mentions for e in self.cited.values()), len(self.cited), found


def _key(title: str) -> str:
    """A title as citations and documents are matched: no brackets, quotes or 文号 after it."""
    return same_title(re.sub(r"[(（][^()（）]*〔[^()（）]*[)）]$", "", title))


def _number(number: str) -> str:
    return "".join(number.split())


_UNSAFE = re.compile(r"[^\w.\-\u4e00-\u9fff]+")


def view_name(path: str | None, k: int, used: Counter[str]) -> str:
    """A view's file name from its document's source file: ningbo-plan.html, then -2 …"""
    stem = PurePath(path).stem if path else ""
    stem = _UNSAFE.sub("-", stem).strip("-.")[:80] or f"document-{k + 1}"
    used[stem] += 1
    return f"{stem}.html" if used[stem] == 1 else f"{stem}-{used[stem]}.html"
