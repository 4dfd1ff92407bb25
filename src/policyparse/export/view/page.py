"""The view of a plan as HTML: the marked text, the outline, the metadata and the tables.

What goes on the page is ``data``'s; here it becomes lxml elements, with the
package's stylesheet and scripts (``export/html.py``).

Spans overlap (a unit inside a target's clause, a target inside a heading):
the text is cut at every span boundary and each piece is one ``<span>``
carrying the classes of every item covering it and their ids in
``data-items``.  Each item also gets one empty anchor ``<span id=ID
data-item=ID>`` where it starts, so a link can point at it and the page holds
each item exactly once however many pieces it covers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ...model.document import Document, Node
from ...text.fold import fold
from ...vocab import FIGURE_KINDS, ROLES
from ..html import Html, asset, clean, data_json, head
from .data import (
    OUTLINE_KINDS,
    Collected,
    Decision,
    Item,
    TargetRow,
    TextGrid,
    collect,
    meta_rows,
    outline_counts,
    outline_label,
    script_data,
    subtitle,
    target_filters,
    target_rows,
    unit_rows,
)

# ---------------------------------------------------------------- the text


def _segments(
    size: int, items: list[Item], extra: Iterable[int] = ()
) -> Iterator[tuple[int, int, list[Item], list[Item]]]:
    """(start, end, items covering, items starting here) for each piece between boundaries.

    *extra* are further boundaries (a table's cells) where no item starts or ends.
    """
    starts: dict[int, list[Item]] = defaultdict(list)
    ends: dict[int, list[Item]] = defaultdict(list)
    bounds = {0, size, *extra}
    for item in items:
        starts[item.start].append(item)
        ends[item.end].append(item)
        bounds.update((item.start, item.end))
    order_of = {id(item): k for k, item in enumerate(items)}
    active: dict[int, Item] = {}
    points = sorted(bounds)
    for k, a in enumerate(points):
        for item in ends.get(a, ()):
            active.pop(id(item), None)
        beginning = starts.get(a, [])
        for item in beginning:
            if item.end > item.start:
                active[id(item)] = item
        b = points[k + 1] if k + 1 < len(points) else a
        covering = sorted(active.values(), key=lambda i: order_of[id(i)])
        yield a, b, covering, beginning


_HOVER_LINES = 8


def _hover(covering: list[Item]) -> str:
    lines = [i.hover for i in covering if i.hover]
    if len(lines) > _HOVER_LINES:
        rest = len(lines) - _HOVER_LINES + 1
        lines = [*lines[: _HOVER_LINES - 1], f"… and {rest} more (click for all)"]
    return "\n".join(lines)


class _Text:
    """The text box as it fills: each piece of text goes after the last element made."""

    def __init__(self, h: Html, parent: Any) -> None:
        self.h = h
        self.box = h.el(parent, "div", id="text", class_="text", lang="zh-CN")
        self.last: Any = None
        self.seen: set[str] = set()  # items that have a piece already (the first takes Tab)

    def span(self, text: str | None = None, **attrs: str | None) -> None:
        self.last = self.h.el(self.box, "span", text, **attrs)

    def put(self, chunk: str) -> None:
        """Plain text, marked by nothing."""
        if not chunk:
            return
        if self.last is None:
            self.box.text = (self.box.text or "") + clean(chunk)
        else:
            self.last.tail = (self.last.tail or "") + clean(chunk)

    def anchors(self, nodes: Iterable[int], beginning: list[Item]) -> None:
        """The anchors of the nodes and items that start here; an empty item gets a pin."""
        for index in nodes:
            self.span(class_="anchor node-anchor", id=f"node-{index}")
        for item in beginning:
            if not item.anchored:
                continue
            self.span(class_="anchor", id=item.id, data_item=item.id)
            if item.end == item.start:
                self.span(
                    class_="m pin " + " ".join(item.classes),
                    title=item.hover,
                    data_items=item.id,
                    tabindex="0",
                    role="button",
                )

    def piece(self, chunk: str, covering: list[Item]) -> None:
        """A piece of the text between two boundaries, carrying every item that covers it."""
        if not covering:
            self.put(chunk)
            return
        classes = {"m"}
        for item in covering:
            classes.update(item.classes)
        ids = [i.id for i in covering if i.anchored]
        first = any(i.anchored and i.id not in self.seen for i in covering)
        self.seen.update(ids)
        self.span(
            chunk,
            class_=" ".join(sorted(classes)),
            title=_hover(covering),
            data_items=" ".join(ids) if ids else None,
            tabindex="0" if first else None,
        )


_BORDER = " \t\n|-:"  # what a table's borders print, folded (│ ┼ are |, ─ is -)


class _Grids:
    """Where the text's tables stand: each piece of text goes to its cell, or the text box.

    A table of the text (pipe, tab or bar-line rows, or one cell per line) is drawn as a
    table: its cells hold their text with every item marked in it, empty cells too, so the
    columns line up; the bars and tabs between cells and the border lines (| --- |, a border
    drawn with ─ ┼) are not shown, and a line of the table
    that is in no cell (a group's label between rows) gets a row of its own.
    """

    def __init__(self, out: _Text, grids: list[TextGrid]) -> None:
        self.out = out
        self.main = out.box
        self.grids = grids
        self.cells: list[tuple[int, int, int, int, int]] = []  # start, end, table, row, cell
        for k, (_, _, rows, _) in enumerate(grids):
            for r, row in enumerate(rows):
                self.cells.extend((a, b, k, r, c) for c, (a, b) in enumerate(row) if a < b)
        self.cells.sort()
        self.tables = [(a, b) for a, b, _, _ in grids]
        self.table = 0  # the first table that does not end before the text written
        self.open: dict[int, Any] = {}  # table index → its element
        self.tds: dict[tuple[int, int, int], Any] = {}  # (table, row, cell) → its td
        self.cell = 0
        self.at: Any = None  # the td written to, if any

    def bounds(self) -> list[int]:
        cells = [x for a, b, _, _, _ in self.cells for x in (a, b)]
        return cells + [x for a, b in self.tables for x in (a, b)]

    def route(self, a: int, piece: str) -> bool:
        """Point the text box at the place for *piece*, the text from *a*; False: a border
        or the space between cells, not shown."""
        cells = self.cells
        while self.cell < len(cells) and cells[self.cell][1] <= a and cells[self.cell][0] < a:
            self.cell += 1
        while self.table < len(self.tables) and self.tables[self.table][1] <= a:
            self.table += 1
        t = self.table
        if t >= len(self.tables) or not self.tables[t][0] <= a:
            self._leave()
            return True
        if self.cell < len(cells) and cells[self.cell][0] <= a < cells[self.cell][1]:
            self._enter(*cells[self.cell][2:])
            return True
        if not fold(piece).strip(_BORDER):
            return False  # bars, a | --- | row, a border drawn with ─ ┼ │: no text
        self._stray(t)  # 品质宜居 between two rows: a line of the table in no cell
        return True

    def _table(self, k: int) -> Any:
        """Table *k*'s element, drawn with every row and cell the first time it is needed."""
        if k in self.open:
            return self.open[k]
        h = self.out.h
        self._leave()
        table = self.open[k] = h.el(self.main, "table", class_="tbl")
        self.out.last = table
        width = self._width(k)
        for r, row in enumerate(self.grids[k][2]):
            tr = h.el(table, "tr", class_="head" if r == 0 and self.grids[k][3] else None)
            span = str(width) if len(row) == 1 and width > 1 else None  # 一、… a heading row
            for c, (a, _) in enumerate(row):
                self.tds[(k, r, c)] = h.el(tr, "td", data_a=str(a), colspan=span)
        return table

    def _enter(self, k: int, r: int, c: int) -> None:
        self._table(k)
        self._write_in(self.tds[(k, r, c)])

    def _stray(self, k: int) -> None:
        """A row of one cell across the table, before the row of the next cell."""
        table = self._table(k)
        if self.at is not None and self.at.get("class") == "stray":
            return
        tr = self.out.h.el(table, "tr")
        nxt = self.cells[self.cell] if self.cell < len(self.cells) else None
        if nxt is not None and nxt[2] == k:
            table.remove(tr)  # placed where it stands in the text: before the next row
            table.insert(table.index(self.tds[nxt[2:]].getparent()), tr)
        self._write_in(self.out.h.el(tr, "td", class_="stray", colspan=str(self._width(k))))

    def _width(self, k: int) -> int:
        """Table *k*'s columns: its widest row's cells."""
        return max((len(row) for row in self.grids[k][2]), default=1)

    def _write_in(self, td: Any) -> None:
        if td is not self.at:
            self.at = td
            self.out.box = td
            self.out.last = td[-1] if len(td) else None

    def _leave(self) -> None:
        if self.at is not None or self.out.box is not self.main:
            last = self.open[max(self.open)] if self.open else None
            self.out.box, self.out.last, self.at = self.main, last, None


def _text(h: Html, parent: Any, text: str, collected: Collected) -> None:
    """The whole text, cut at every boundary; each piece carries the items covering it."""
    out = _Text(h, parent)
    grids = _Grids(out, collected.tables)
    node_starts: dict[int, list[int]] = defaultdict(list)
    for w in collected.walked:
        node_starts[min(max(w.node.span[0], 0), len(text))].append(w.index)
    for a, b, covering, beginning in _segments(len(text), collected.items, grids.bounds()):
        shown = grids.route(a, text[a:b])
        out.anchors(node_starts.pop(a, ()), beginning)
        if a < b and shown:
            out.piece(text[a:b], covering)


# ---------------------------------------------------------------- the page


def _meta(h: Html, parent: Any, doc: Document) -> None:
    section = h.el(parent, "section", id="metadata", aria_labelledby="metadata-h")
    h.el(section, "h2", "Document", id="metadata-h")
    dl = h.el(section, "dl", class_="meta")
    for key, value in meta_rows(doc):
        h.el(dl, "dt", key)
        h.el(dl, "dd", value if value else "—")
    _diagnostics(h, section, doc)


def _diagnostics(h: Html, section: Any, doc: Document) -> None:
    h.el(section, "h3", f"Diagnostics ({len(doc.diagnostics)})", id="diagnostics")
    if not doc.diagnostics:
        h.el(section, "p", "None: nothing odd was found.")
        return
    ul = h.el(section, "ul", class_="diags")
    for k, d in enumerate(doc.diagnostics):
        li = h.el(ul, "li")
        h.el(li, "span", d.severity, class_=f"sev-{d.severity}")
        code = h.el(li, "code", d.code)
        code.tail = " "
        if d.span is not None:
            h.el(li, "a", d.message, href=f"#diag-{k}")
        else:
            h.el(li, "span", d.message)


# What a figure of each kind is, in the legend: a baseline is a statement of the past,
# not the value of a target without its scale (the details' "value in 人").
_FIGURE_MEANING = {"parameter": " (a policy amount)", "baseline": " (a figure of the past)"}
_LEGEND = [
    ("hd", "heading"),
    ("tg tg-level", "target: level"),
    ("tg tg-increase", "target: increase"),
    ("tg tg-decrease", "target: decrease"),
    *((f"fg fg-{kind}", f"figure: {kind}{_FIGURE_MEANING.get(kind, '')}") for kind in FIGURE_KINDS),
    *((f"un un-{role}", f"{role} unit") for role in ROLES),
    ("un un-responsible un-implied", "implied unit (at its note)"),
    ("dg", "diagnostic"),
    ("fu", "page furniture"),
]


def _legend(h: Html, parent: Any) -> None:
    ul = h.el(parent, "ul", class_="legend", aria_label="What the marks mean")
    for classes, name in _LEGEND:
        li = h.el(ul, "li")
        h.el(li, "span", name, class_="sw " + classes)


def _outline(h: Html, parent: Any, collected: Collected) -> None:
    nav = h.el(parent, "nav", class_="outline", aria_labelledby="outline-h")
    h.el(nav, "h2", "Outline", id="outline-h")
    root = h.el(nav, "ol")
    # (node, its <li>, the <ol> of its children once made) of the shown ancestors
    stack: list[tuple[Node, Any, list[Any]]] = []
    shown = 0
    for w in collected.walked:
        node = w.node
        if node.kind not in OUTLINE_KINDS:
            continue
        shown += 1
        while stack and not (stack[-1][0].span[0] <= node.span[0] < stack[-1][0].span[1]):
            stack.pop()
        li = h.el(_children(h, stack, root), "li", class_=f"k-{node.kind}")
        stack.append((node, li, []))
        h.el(li, "a", outline_label(node), href=f"#node-{w.index}")
        count = h.el(li, "span", outline_counts(node), class_="counts")
        count.text = " " + (count.text or "")
    if not shown:
        h.el(nav, "p", "No sections or measures were found.")


def _children(h: Html, stack: list[tuple[Node, Any, list[Any]]], root: Any) -> Any:
    """The <ol> a node goes into: its shown parent's (made on first use), else the top one."""
    if not stack:
        return root
    holder = stack[-1]
    if not holder[2]:
        holder[2].append(h.el(holder[1], "ol"))
    return holder[2][0]


def _select(h: Html, box: Any, key: str, label: str, values: Sequence[str]) -> None:
    lab = h.el(box, "label", label)
    sel = h.el(lab, "select", data_key=key)
    h.el(sel, "option", "all", value="")
    for v in values:
        h.el(sel, "option", v or "(none)", value=v or "-")


_TARGET_COLUMNS = [
    ("#", "num"),
    ("target (in the text)", ""),
    ("section", ""),
    ("indicator", ""),
    ("cmp", ""),
    ("value", "num"),
    ("unit", ""),
    ("unscaled value", "num"),
    ("kind", ""),
    ("year", "num"),
    ("deadline", ""),
    ("owners", ""),
    ("rule", ""),
]


def _targets_table(h: Html, parent: Any, collected: Collected) -> None:
    section = h.el(parent, "section", id="targets", aria_labelledby="targets-h")
    h.el(section, "h2", "Targets", id="targets-h")
    rows = target_rows(collected)
    if not rows:
        h.el(section, "p", "No targets were found.")
        return
    box = h.el(section, "div", class_="filters noprint", data_for="targets-table")
    for key, values in target_filters(rows):
        _select(h, box, key, key, values)
    search = h.el(box, "label", "search")
    h.el(search, "input", type="search", data_key="q")
    h.el(box, "button", "clear", type="reset")
    h.el(box, "output", aria_live="polite")
    wrap = h.el(section, "div", class_="tablewrap")
    table = h.el(wrap, "table", id="targets-table", class_="sortable")
    _head_row(h, table, _TARGET_COLUMNS)
    body = h.el(table, "tbody")
    for n, row in enumerate(rows, 1):
        _target_row(h, body, n, row)


def _head_row(h: Html, table: Any, columns: Sequence[tuple[str, str]]) -> None:
    """The header of a sortable table: a button per column."""
    head_row = h.el(h.el(table, "thead"), "tr")
    for name, cls in columns:
        th = h.el(head_row, "th", class_=cls or None, scope="col")
        h.el(th, "button", name, type="button")


def _target_row(h: Html, body: Any, n: int, row: TargetRow) -> None:
    tr = h.el(
        body,
        "tr",
        class_=f"k-{row.kind}",
        data_year=row.year or "-",
        data_unit=row.unit or "-",
        data_comparator=row.comparator,
        data_section=row.section or "-",
        data_target=row.item,
    )
    h.el(tr, "td", str(n), class_="num")
    h.el(h.el(tr, "td"), "a", row.text, href=f"#{row.item}")
    h.el(tr, "td", row.where)
    h.el(tr, "td", row.indicator)
    h.el(tr, "td", row.comparator)
    h.el(tr, "td", row.value, class_="num", data_v=row.value_key)
    h.el(tr, "td", row.unit)
    h.el(tr, "td", row.base, class_="num", data_v=row.base_key)
    h.el(tr, "td", row.kind)
    h.el(tr, "td", row.year, class_="num")
    h.el(tr, "td", row.deadline)
    h.el(tr, "td", row.owners, lang="zh-CN")
    h.el(tr, "td", row.rule)


_OWNER_COLUMNS = [
    ("unit", ""),
    *((role, "") for role in ROLES),
    ("measures", "num"),
    ("targets", "num"),
]


def _owners_table(h: Html, parent: Any, doc: Document, collected: Collected) -> None:
    section = h.el(parent, "section", id="owners", aria_labelledby="owners-h")
    h.el(section, "h2", "Who owns what", id="owners-h")
    rows = unit_rows(doc, collected)
    if not rows:
        h.el(section, "p", "No responsible units were found.")
        return
    h.el(
        section,
        "p",
        "One row per unit (by canonical name): the measures it answers for, by role, "
        "and the targets of those measures. Each link goes to where the unit is named.",
    )
    wrap = h.el(section, "div", class_="tablewrap")
    table = h.el(wrap, "table", id="owners-table", class_="sortable")
    _head_row(h, table, _OWNER_COLUMNS)
    body = h.el(table, "tbody")
    for row in rows:
        tr = h.el(body, "tr")
        h.el(h.el(tr, "td"), "a", row.unit, href=f"#{row.first}" if row.first else None)
        for measures in row.roles:
            td = h.el(tr, "td")
            if not measures:
                continue
            ul = h.el(td, "ul")
            for label, uid in measures:
                li = h.el(ul, "li")
                h.el(li, "a", label, href=f"#{uid}" if uid else None)
        h.el(tr, "td", str(row.measures), class_="num")
        h.el(tr, "td", str(row.targets), class_="num")


def render_view(
    doc: Document,
    text: str,
    decisions: Sequence[Decision] = (),
    *,
    back: tuple[str, str] | None = None,
) -> str:
    """The page for *doc*, whose spans point into *text*.

    *decisions* are the target reader's (from the trace), to name the rule
    behind each target and figure; *back* is a (href, label) link shown at the
    top (the corpus report's views link back to it).
    """
    h = Html()
    collected = collect(doc, text, decisions)
    scripts = (asset("tables.js"), asset("view.js"))
    root = h.root()
    root.set("lang", "en")
    title = doc.title or doc.source.path or "policyparse view"
    head(h, root, f"{title} · policyparse", scripts)
    body = h.el(root, "body", class_="view")
    h.el(body, "a", "Skip to the text", href="#text", class_="skip")
    header = h.el(body, "header", class_="top")
    if back is not None:
        h.el(h.el(header, "p", class_="noprint"), "a", back[1], href=back[0])
    h.el(header, "h1", title, lang="zh-CN")
    h.el(header, "p", subtitle(doc) or "(no metadata found)", class_="sub", lang="zh-CN")
    layout = h.el(body, "div", class_="layout")
    _outline(h, layout, collected)
    main = h.el(layout, "main", id="main")
    _meta(h, main, doc)
    text_section = h.el(main, "section", id="text-section", aria_labelledby="text-h")
    h.el(text_section, "h2", "Text", id="text-h")
    h.el(
        text_section,
        "p",
        "Click a marked piece (or Tab to it and press Enter) for what was read there; "
        "hover for a summary.",
        class_="noprint",
    )
    _legend(h, text_section)
    _text(h, text_section, text, collected)
    _targets_table(h, main, collected)
    _owners_table(h, main, doc, collected)
    aside = h.el(body, "aside", id="details", class_="details", hidden="hidden", aria_live="polite")
    h.el(aside, "button", "close", type="button", id="details-close", class_="close")
    h.el(aside, "div", id="details-body")
    h.raw(body, "script", data_json(script_data(collected)), type="application/json", id="pp-data")
    for code in scripts:
        h.raw(body, "script", code)
    return h.serialize(root)
