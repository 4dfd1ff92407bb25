"""A batch result as one self-contained HTML corpus report.

``write_report(jsonl, output, view)`` reads the JSONL of ``policyparse batch``
one line at a time (a corpus of thousands of documents is never held in
memory: each document leaves a row of counts behind) and writes a dashboard:
the documents, targets by year and by unit of measure, the units that own the
most measures and targets, and the documents that failed, carry errors or have
no structure.  A record with its text (``batch --with-text``) gets its own
view, written as ``<report>_files/<n>.html`` beside the report and linked
from it.

Built like the view (``export/view.py``): lxml elements, the package's own
stylesheet and scripts under a Content-Security-Policy that allows no
request.  The documents table is drawn by the script from JSON in the page,
a page of rows at a time, so that the report of a large corpus stays a small
DOM and loads at once; the charts are inline SVG drawn here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..model.document import Document
from .owners import owners
from .records import records
from .tables import document_row
from .view import Html, asset, data_json, head

__all__ = ["Corpus", "ViewFn", "read_corpus", "write_report"]

# (document, text, (href, label) of the link back to the report) -> the view's page
ViewFn = Callable[[Document, str, tuple[str, str]], str]

_TOP = 25  # units, units of measure shown


@dataclass
class _Unit:
    documents: set[int] = field(default_factory=set)
    measures: int = 0
    lead: int = 0
    responsible: int = 0
    cooperating: int = 0
    guiding: int = 0
    targets: int = 0


@dataclass
class Corpus:
    """What the report shows, accumulated one record at a time."""

    rows: list[list[Any]] = field(default_factory=list)  # the documents table
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # path, error, message
    problems: list[tuple[int, str]] = field(default_factory=list)  # row index, what
    by_year: Counter[str] = field(default_factory=Counter)
    by_unit: Counter[str] = field(default_factory=Counter)
    units: dict[str, _Unit] = field(default_factory=dict)
    targets: int = 0
    measures: int = 0
    views: int = 0
    torn: int = 0  # lines that are not JSON (a run interrupted mid-line)

    def add(self, doc: Document, view: str | None) -> None:
        k = len(self.rows)
        row = document_row(doc)
        nodes = list(doc.walk())
        errors = sum(1 for d in doc.diagnostics if d.severity == "error")
        date = doc.published or doc.signed
        no_structure = not nodes or any(d.code == "no_structure" for d in doc.diagnostics)
        self.rows.append(
            [
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
        )
        if errors:
            self.problems.append((k, f"{errors} error diagnostics"))
        if no_structure:
            self.problems.append((k, "no structure: no numbered headings"))
        self.measures += row["measures"]
        for node in nodes:
            for t in node.targets:
                self.targets += 1
                self.by_year[str(t.year) if t.year is not None else "no year"] += 1
                self.by_unit[t.base_unit or t.unit or "no unit"] += 1
        for r in owners(doc):
            if r.generic:
                continue
            u = self.units.setdefault(r.unit, _Unit())
            u.documents.add(k)
            u.measures += 1
            setattr(u, r.role, getattr(u, r.role) + 1)
            u.targets += len(r.targets)


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
    for item in records(jsonl):
        if item is None:
            corpus.torn += 1
        elif isinstance(item, dict):
            corpus.failed.append(
                (
                    str(item.get("path", "")),
                    str(item.get("error", "")),
                    str(item.get("message", "")),
                )
            )
        else:
            href = None
            if folder is not None and view is not None and item.text is not None:
                folder.mkdir(parents=True, exist_ok=True)
                name = f"{len(corpus.rows) + 1}.html"
                (folder / name).write_text(view(item, item.text, back), encoding="utf-8")
                href = f"{quote(folder.name)}/{name}"
                corpus.views += 1
            corpus.add(item, href)
    return corpus


# ---------------------------------------------------------------- charts


def bar_chart(h: Html, parent: Any, caption: str, bars: list[tuple[str, int]], cls: str) -> None:
    """A horizontal bar chart as inline SVG: one labelled bar per (label, count)."""
    fig = h.el(parent, "figure", class_="chart")
    h.el(fig, "figcaption", caption)
    if not bars:
        h.el(fig, "p", "Nothing to show.")
        return
    row, label_w, bar_w, value_w = 20, 150, 300, 50
    width = label_w + bar_w + value_w
    height = row * len(bars) + 4
    most = max(v for _, v in bars) or 1
    svg = h.el(
        fig,
        "svg",
        viewBox=f"0 0 {width} {height}",
        width=str(width),
        height=str(height),
        role="img",
        aria_label=caption + ": " + ", ".join(f"{k} {v}" for k, v in bars),
    )
    for k, (label, value) in enumerate(bars):
        y = k * row + 2
        shown = label if len(label) <= 14 else label[:13] + "…"
        text = h.el(svg, "text", shown, x=str(label_w - 6), y=str(y + 14), text_anchor="end")
        h.el(text, "title", label)
        w = max(1, round(bar_w * value / most))
        rect = h.el(
            svg, "rect", x=str(label_w), y=str(y + 2), width=str(w), height="15", class_=cls
        )
        h.el(rect, "title", f"{label}: {value}")
        h.el(svg, "text", str(value), x=str(label_w + w + 4), y=str(y + 14))


# ---------------------------------------------------------------- the page

_DOC_COLUMNS = [
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


def _documents(h: Html, parent: Any, corpus: Corpus) -> None:
    section = h.el(parent, "section", id="documents", aria_labelledby="documents-h")
    h.el(section, "h2", f"Documents ({len(corpus.rows)})", id="documents-h")
    box = h.el(section, "div", class_="pager noprint", id="doc-controls")
    lab = h.el(box, "label", "search ")
    h.el(lab, "input", type="search", id="doc-q", aria_controls="doc-table")
    lab = h.el(box, "label", "rows per page ")
    sel = h.el(lab, "select", id="doc-size")
    for n in ("50", "200", "all"):
        h.el(sel, "option", n, value=n if n != "all" else "0")
    h.el(box, "button", "previous", type="button", id="doc-prev")
    h.el(box, "button", "next", type="button", id="doc-next")
    h.el(box, "output", id="doc-count", aria_live="polite")
    wrap = h.el(section, "div", class_="tablewrap")
    table = h.el(wrap, "table", id="doc-table")
    tr = h.el(h.el(table, "thead"), "tr")
    for k, (name, cls) in enumerate(_DOC_COLUMNS):
        th = h.el(tr, "th", class_=cls or None, scope="col")
        h.el(th, "button", name, type="button", data_col=str(k))
    h.el(table, "tbody")
    h.el(
        section,
        "noscript",
        "The documents table is drawn by the page's script; the data is in the page.",
    )


def _units(h: Html, parent: Any, corpus: Corpus) -> None:
    section = h.el(parent, "section", id="units", aria_labelledby="units-h")
    h.el(section, "h2", "Units that own the most measures and targets", id="units-h")
    h.el(
        section,
        "p",
        f"The {_TOP} units (by canonical name) named for the most measures across the "
        "corpus; classes of bodies (各有关部门, 各区) are left out.",
    )
    ranked = sorted(corpus.units.items(), key=lambda kv: (-kv[1].measures, -kv[1].targets, kv[0]))
    wrap = h.el(section, "div", class_="tablewrap")
    table = h.el(wrap, "table", id="units-table", class_="sortable")
    tr = h.el(h.el(table, "thead"), "tr")
    names = ["unit", "documents", "measures", "lead", "responsible", "cooperating", "guiding"]
    for name in [*names, "targets"]:
        th = h.el(tr, "th", class_=None if name == "unit" else "num", scope="col")
        h.el(th, "button", name, type="button")
    body = h.el(table, "tbody")
    for unit, u in ranked[:_TOP]:
        tr = h.el(body, "tr")
        h.el(tr, "td", unit, lang="zh-CN")
        for value in (
            len(u.documents),
            u.measures,
            u.lead,
            u.responsible,
            u.cooperating,
            u.guiding,
            u.targets,
        ):
            h.el(tr, "td", str(value), class_="num")


def _problems(h: Html, parent: Any, corpus: Corpus) -> None:
    section = h.el(parent, "section", id="problems", aria_labelledby="problems-h")
    count = len(corpus.failed) + len({k for k, _ in corpus.problems})
    h.el(section, "h2", f"Documents with errors or no structure ({count})", id="problems-h")
    if not count and not corpus.torn:
        h.el(section, "p", "None.")
        return
    if corpus.failed:
        h.el(section, "h3", f"Failed to parse ({len(corpus.failed)})")
        ul = h.el(section, "ul", id="failed")
        for path, error, message in corpus.failed:
            li = h.el(ul, "li")
            h.el(li, "code", path)
            h.el(li, "span", f" {error}: {message}")
    if corpus.problems:
        h.el(section, "h3", "Parsed, with errors or no structure")
        ul = h.el(section, "ul", id="problem-docs")
        for k, what in corpus.problems:
            row = corpus.rows[k]
            li = h.el(ul, "li")
            name = row[1] or row[10] or f"document {k + 1}"
            if row[11]:
                h.el(li, "a", name, href=row[11], lang="zh-CN")
            else:
                h.el(li, "span", name, lang="zh-CN")
            h.el(li, "span", f" — {what} ({row[10]})")
    if corpus.torn:
        h.el(section, "p", f"{corpus.torn} lines were not records (a run cut off mid-line?).")


def render_report(corpus: Corpus, source: str) -> str:
    """The report's page for the *corpus* read from the batch result *source*."""
    h = Html()
    scripts = (asset("tables.js"), asset("report.js"))
    root = h.root()
    root.set("lang", "en")
    head(h, root, "Corpus report · policyparse", scripts)
    body = h.el(root, "body", class_="report")
    h.el(body, "a", "Skip to the documents", href="#documents", class_="skip")
    header = h.el(body, "header", class_="top")
    h.el(header, "h1", "Corpus report")
    h.el(header, "p", f"from {source}", class_="sub")
    main = h.el(body, "main", id="main")
    cards = h.el(main, "ul", class_="cards")
    for label, value in (
        ("documents", len(corpus.rows)),
        ("failed", len(corpus.failed)),
        ("measures", corpus.measures),
        ("targets", corpus.targets),
        ("units", len(corpus.units)),
        ("views", corpus.views),
    ):
        li = h.el(cards, "li")
        h.el(li, "b", str(value))
        li[-1].tail = label
    charts = h.el(main, "section", id="charts", aria_labelledby="charts-h")
    h.el(charts, "h2", "Targets", id="charts-h")
    grid = h.el(charts, "div", class_="charts")
    years = sorted(corpus.by_year.items(), key=lambda kv: (kv[0] == "no year", kv[0]))
    bar_chart(h, grid, "Targets by year", years, "bar")
    units = corpus.by_unit.most_common(_TOP)
    bar_chart(h, grid, f"Targets by unit of measure (top {_TOP}, scale removed)", units, "bar2")
    _documents(h, main, corpus)
    _units(h, main, corpus)
    _problems(h, main, corpus)
    columns = [name for name, _ in _DOC_COLUMNS]
    data = {"columns": columns, "rows": corpus.rows}
    h.raw(body, "script", data_json(data), type="application/json", id="pp-docs")
    for code in scripts:
        h.raw(body, "script", code)
    return h.serialize(root)


def write_report(jsonl: str | Path, output: str | Path, view: ViewFn | None = None) -> str:
    """Read the batch result *jsonl*, write the report to *output*; a one-line summary."""
    corpus = read_corpus(jsonl, output, view)
    Path(output).write_text(render_report(corpus, Path(jsonl).name), encoding="utf-8")
    line = f"{len(corpus.rows)} documents, {len(corpus.failed)} failed"
    if view is not None:
        line += f", {corpus.views} views"
        if corpus.views < len(corpus.rows):
            line += " (records without text have none: batch --with-text)"
    return f"{line} → {output}"
