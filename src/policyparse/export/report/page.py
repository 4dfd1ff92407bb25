"""The corpus report as HTML: the counts, two charts, the documents, the units, the problems.

What it shows is ``data``'s (a ``Corpus``); here it becomes lxml elements with
the package's own stylesheet and scripts (``export/html.py``).  The documents
table is drawn by the script from JSON in the page, a page of rows at a time,
so that the report of a large corpus stays a small DOM and loads at once; the
charts are inline SVG drawn here.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ...errors import PolicyParseError, counted
from ...vocab import ROLES
from ..html import Html, asset, data_json, head
from .analysis import TARGET_COLUMNS, TARGET_FIELDS
from .data import DOC_COLUMNS, Corpus, ViewFn, read_corpus
from .picture import draw, place

_TOP = 25  # units, units of measure shown
_CITED = 25  # documents cited and missing from the corpus shown


def filter_link(key: str, value: str) -> str:
    """The link that shows the targets table filtered: #targets:year=2025."""
    return f"#targets:{key}={quote(value)}"


def bar_chart(
    h: Html,
    parent: Any,
    caption: str,
    bars: list[tuple[str, int]],
    cls: str,
    link: Callable[[str], str] | None = None,
) -> None:
    """A horizontal bar chart as inline SVG: one labelled bar per (label, count).

    With *link*, each bar (and its label) links to the rows behind it.
    """
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
        group = h.el(svg, "a", href=link(label), class_="bar-link") if link else svg
        shown = label if len(label) <= 14 else label[:13] + "…"
        text = h.el(group, "text", shown, x=str(label_w - 6), y=str(y + 14), text_anchor="end")
        h.el(text, "title", label)
        w = max(1, round(bar_w * value / most))
        rect = h.el(
            group, "rect", x=str(label_w), y=str(y + 2), width=str(w), height="15", class_=cls
        )
        h.el(rect, "title", f"{label}: {value}")
        h.el(group, "text", str(value), x=str(label_w + w + 4), y=str(y + 14))


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
    names = ["unit", "documents", "measures", *ROLES]
    for name in [*names, "targets"]:
        th = h.el(tr, "th", class_=None if name == "unit" else "num", scope="col")
        h.el(th, "button", name, type="button")
    body = h.el(table, "tbody")
    for unit, u in corpus.top_units(_TOP):
        tr = h.el(body, "tr")
        cell = h.el(tr, "td", lang="zh-CN")
        h.el(cell, "a", unit, href=filter_link("owner", unit), title="its targets")
        for value in (len(u.documents), u.measures, *(u.roles[r] for r in ROLES), u.targets):
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
        lines = counted(corpus.torn, "line was", "lines were")
        h.el(section, "p", f"{lines} not records (a run cut off mid-line?).")


def _left_out(h: Html, parent: Any, corpus: Corpus) -> None:
    """The paths the batch found and left out (its skipped records): the report covers
    the documents above, and says here what it does not cover."""
    section = h.el(parent, "section", id="left-out", aria_labelledby="left-out-h")
    h.el(section, "h2", f"Files left out ({len(corpus.skipped)})", id="left-out-h")
    if not corpus.skipped:
        h.el(section, "p", "None: the batch read every file it found.")
        return
    kinds = Counter(reason for _, reason, _ in corpus.skipped)
    h.el(
        section,
        "p",
        "Found by the batch and not read, so not counted above: "
        + ", ".join(f"{n} {reason}" for reason, n in sorted(kinds.items()))
        + " (docs/exports.md, Skipped records).",
    )
    ul = h.el(section, "ul", id="skipped")
    for path, reason, message in corpus.skipped:
        li = h.el(ul, "li")
        h.el(li, "code", path)
        h.el(li, "span", f" {reason}: {message}")


def _targets(h: Html, parent: Any, corpus: Corpus) -> None:
    """Every target of the corpus with who answers for it: filtered, sorted, exported."""
    section = h.el(parent, "section", id="targets", aria_labelledby="targets-h")
    h.el(section, "h2", f"Targets ({len(corpus.target_rows)})", id="targets-h")
    h.el(
        section,
        "p",
        "Every target with the units that answer for it (those of its measure, or of the "
        "nearest heading above it that names units). The charts, the units and the network "
        "link here, filtered; the CSV holds the rows shown.",
    )
    box = h.el(section, "div", class_="pager noprint", id="tg-controls")
    lab = h.el(box, "label", "year ")
    sel = h.el(lab, "select", id="tg-year")
    h.el(sel, "option", "all", value="")
    for year, _ in corpus.years():
        h.el(sel, "option", year, value=year)
    lab = h.el(box, "label", "unit of measure ")
    h.el(lab, "input", type="search", id="tg-unit", size="6")
    lab = h.el(box, "label", "who answers ")
    h.el(
        lab,
        "input",
        type="search",
        id="tg-owner",
        size="14",
        title='part of a unit\'s name, or "a whole name" in quotes',
    )
    lab = h.el(box, "label", "leave out ")
    sel = h.el(lab, "select", id="tg-skip")
    h.el(sel, "option", "nothing", value="")
    h.el(sel, "option", "safeguards and review", value="safeguards review")
    lab = h.el(box, "label", "search ")
    h.el(lab, "input", type="search", id="tg-q")
    h.el(box, "button", "clear", type="button", id="tg-clear")
    h.el(box, "button", "previous", type="button", id="tg-prev")
    h.el(box, "button", "next", type="button", id="tg-next")
    h.el(box, "button", "download CSV", type="button", id="tg-csv")
    h.el(box, "output", id="tg-count", aria_live="polite")
    wrap = h.el(section, "div", class_="tablewrap")
    table = h.el(wrap, "table", id="tg-table")
    tr = h.el(h.el(table, "thead"), "tr")
    for k, (name, _, cls) in enumerate(TARGET_COLUMNS):
        th = h.el(tr, "th", class_=cls or None, scope="col")
        h.el(th, "button", name, type="button", data_col=str(k))
    h.el(table, "tbody")


def _network(h: Html, parent: Any, corpus: Corpus) -> None:
    from ..network import _national

    section = h.el(parent, "section", id="network", aria_labelledby="network-h")
    h.el(section, "h2", "Who works with whom", id="network-h")
    h.el(
        section,
        "p",
        "The units named on the most measures, joined where they are named on the same "
        "measure (thicker: more measures). Classes of bodies are left out. Each unit links "
        "to its targets; policyparse network writes the whole network for Gephi or networkx.",
    )
    placed, edges = place(corpus.network, _national())
    draw(h, section, placed, edges, f"Co-responsibility network ({counted(len(placed), 'unit')})")


def _citations(h: Html, parent: Any, corpus: Corpus) -> None:
    section = h.el(parent, "section", id="cited", aria_labelledby="cited-h")
    h.el(section, "h2", "Documents cited", id="cited-h")
    mentions, distinct, found = corpus.citations.counts()
    h.el(
        section,
        "p",
        f"{counted(mentions, 'citation')} of {counted(distinct, 'document')}; {found} of them "
        "are in this corpus "
        "(matched by title or 文号). The documents cited most that the corpus lacks:",
    )
    missing = corpus.citations.missing(_CITED)
    if not missing:
        h.el(section, "p", "None.")
        return
    wrap = h.el(section, "div", class_="tablewrap")
    table = h.el(wrap, "table", id="cited-table", class_="sortable")
    tr = h.el(h.el(table, "thead"), "tr")
    for name, cls in (
        ("title", ""),
        ("文号", ""),
        ("citing documents", "num"),
        ("mentions", "num"),
    ):
        th = h.el(tr, "th", class_=cls or None, scope="col")
        h.el(th, "button", name, type="button")
    body = h.el(table, "tbody")
    for entry in missing:
        tr = h.el(body, "tr")
        h.el(tr, "td", f"《{entry.title}》", lang="zh-CN")
        h.el(tr, "td", entry.number or "", lang="zh-CN")
        h.el(tr, "td", str(len(entry.documents)), class_="num")
        h.el(tr, "td", str(entry.mentions), class_="num")


def render_report(corpus: Corpus, source: str) -> str:
    """The report's page for the *corpus* read from the batch result *source*."""
    h = Html()
    scripts = (asset("tables.js"), asset("report.js"), asset("report-targets.js"))
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
        ("left out", len(corpus.skipped)),
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
    bar_chart(h, grid, "Targets by year", corpus.years(), "bar", lambda y: filter_link("year", y))
    units = corpus.by_unit.most_common(_TOP)
    bar_chart(
        h,
        grid,
        f"Targets by unit of measure (top {_TOP}, scale removed)",
        units,
        "bar2",
        lambda u: filter_link("unit", u),
    )
    _targets(h, main, corpus)
    _network(h, main, corpus)
    _documents(h, main, corpus)
    _units(h, main, corpus)
    _citations(h, main, corpus)
    _problems(h, main, corpus)
    _left_out(h, main, corpus)
    columns = [name for name, _ in DOC_COLUMNS]
    data = {"columns": columns, "rows": corpus.rows}
    h.raw(body, "script", data_json(data), type="application/json", id="pp-docs")
    targets = {
        "fields": TARGET_FIELDS,
        "columns": [field for _, field, _ in TARGET_COLUMNS],
        "rows": corpus.target_rows,
    }
    h.raw(body, "script", data_json(targets), type="application/json", id="pp-targets")
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
    line = f"{counted(len(corpus.rows), 'document')}, {len(corpus.failed)} failed"
    if corpus.skipped:
        line += f", {len(corpus.skipped)} left out (skipped records)"
    if corpus.torn:
        line += f", {counted(corpus.torn, 'line')} skipped (not records)"
    if view is not None:
        line += f", {counted(corpus.views, 'view')}"
        if corpus.views < len(corpus.rows):
            line += " (records without text have none: batch --with-text)"
    return f"{line} → {output}"
