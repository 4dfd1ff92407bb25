"""The corpus report as HTML: the counts, two charts, the documents, the units, the problems.

What it shows is ``data``'s (a ``Corpus``); here it becomes lxml elements with
the package's own stylesheet and scripts (``export/html.py``).  The documents
table is drawn by the script from JSON in the page, a page of rows at a time,
so that the report of a large corpus stays a small DOM and loads at once; the
charts are inline SVG drawn here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ...errors import PolicyParseError
from ..html import Html, asset, data_json, head
from .data import DOC_COLUMNS, Corpus, ViewFn, read_corpus

_TOP = 25  # units, units of measure shown


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
    for k, (name, cls) in enumerate(DOC_COLUMNS):
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
    wrap = h.el(section, "div", class_="tablewrap")
    table = h.el(wrap, "table", id="units-table", class_="sortable")
    tr = h.el(h.el(table, "thead"), "tr")
    names = ["unit", "documents", "measures", "lead", "responsible", "cooperating", "guiding"]
    for name in [*names, "targets"]:
        th = h.el(tr, "th", class_=None if name == "unit" else "num", scope="col")
        h.el(th, "button", name, type="button")
    body = h.el(table, "tbody")
    for unit, u in corpus.top_units(_TOP):
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
        for name, href, what, path in corpus.problem_list():
            li = h.el(ul, "li")
            if href:
                h.el(li, "a", name, href=href, lang="zh-CN")
            else:
                h.el(li, "span", name, lang="zh-CN")
            h.el(li, "span", f" — {what} ({path})")
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
    bar_chart(h, grid, "Targets by year", corpus.years(), "bar")
    units = corpus.by_unit.most_common(_TOP)
    bar_chart(h, grid, f"Targets by unit of measure (top {_TOP}, scale removed)", units, "bar2")
    _documents(h, main, corpus)
    _units(h, main, corpus)
    _problems(h, main, corpus)
    columns = [name for name, _ in DOC_COLUMNS]
    data = {"columns": columns, "rows": corpus.rows}
    h.raw(body, "script", data_json(data), type="application/json", id="pp-docs")
    for code in scripts:
        h.raw(body, "script", code)
    return h.serialize(root)


def check_output(jsonl: str | Path, output: str | Path, views: bool) -> None:
    """Refuse, before reading anything, an output that is the input or cannot be written.

    ``report out.jsonl -o out.jsonl`` would put the report over the batch result.
    """
    out, src = Path(output), Path(jsonl)
    if out.exists() and src.exists() and os.path.samefile(out, src):
        raise PolicyParseError(f"-o {output} is the batch result itself: name another file")
    if out.is_dir():
        raise PolicyParseError(f"-o {output} is a folder: the report is one file")
    parent = out.parent
    if not parent.is_dir():
        raise PolicyParseError(f"-o {output}: no folder {parent} to write it in")
    if not os.access(parent, os.W_OK):
        raise PolicyParseError(f"-o {output}: the folder {parent} cannot be written")
    files = parent / f"{out.stem}_files"
    if views and files.exists() and not files.is_dir():
        raise PolicyParseError(f"{files} is a file: the views go into a folder of that name")


def write_report(jsonl: str | Path, output: str | Path, view: ViewFn | None = None) -> str:
    """Read the batch result *jsonl*, write the report to *output*; a one-line summary."""
    check_output(jsonl, output, view is not None)
    corpus = read_corpus(jsonl, output, view)
    Path(output).write_text(render_report(corpus, Path(jsonl).name), encoding="utf-8")
    line = f"{len(corpus.rows)} documents, {len(corpus.failed)} failed"
    if corpus.torn:
        line += f", {corpus.torn} lines skipped (not records)"
    if view is not None:
        line += f", {corpus.views} views"
        if corpus.views < len(corpus.rows):
            line += " (records without text have none: batch --with-text)"
    return f"{line} → {output}"
