"""A parsed plan as one self-contained HTML page: the text, with what was found marked in place.

``render_view(doc, text)`` gives the page ``policyparse view PLAN`` writes: the
metadata and diagnostics, an outline linked to the text, the whole text with
every heading, target, figure, responsible unit and diagnostic marked where it
stands, a sortable and filterable table of the targets, and who owns what.

The page is built with lxml (elements, not strings), so every piece of the
document's text is escaped by construction.  The stylesheet and the scripts
are package files inlined into the page; a Content-Security-Policy lets only
those scripts (by their hash) run and forbids every request, so the page
opens from a file:// URL on a machine with no network and runs nothing a
document says.  The data the scripts read is JSON in a
``<script type="application/json">`` with ``<``, ``>`` and ``&`` written as
``\\u003c`` …, so no text can close that element.

Spans overlap (a unit inside a target's clause, a target inside a heading):
the text is cut at every span boundary and each piece is one ``<span>``
carrying the classes of every item covering it and their ids in
``data-items``.  Each item also gets one empty anchor ``<span id=ID
data-item=ID>`` where it starts, so a link can point at it and the page holds
each item exactly once however many pieces it covers.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from ..model.document import Document, Figure, Node, ResponsibleUnit, Target
from .owners import owners, short_target

__all__ = ["Decision", "Item", "render_view"]

# A quantity decision of the target reader: (start, end, outcome, rule, why).
# Plain tuples, so that this module needs nothing from the tracing layer.
Decision = tuple[int, int, str, str, str]

_KIND_NAMES = {
    "section": "Section",
    "measure": "Measure",
    "paragraph": "Paragraph",
    "attachment": "Attachment",
    "box": "Box",
}
_ROLE_NAMES = {
    "lead": "Lead unit",
    "responsible": "Responsible unit",
    "cooperating": "Cooperating unit",
    "guiding": "Guiding unit",
}
_OUTLINE_KINDS = frozenset({"section", "measure", "box", "attachment"})
_ROLES = ("lead", "responsible", "cooperating", "guiding")


# ---------------------------------------------------------------- assets


@cache
def asset(name: str) -> str:
    """A stylesheet or script shipped with the package (export/assets/)."""
    return resources.files(__package__).joinpath("assets", name).read_text("utf-8")


def script_hash(code: str) -> str:
    """The CSP source that lets exactly this inline script run."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp(scripts: Sequence[str]) -> str:
    """No request of any kind; only the page's own scripts and styles."""
    hashes = " ".join(script_hash(s) for s in scripts)
    return (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src {hashes}; base-uri 'none'; form-action 'none'"
    )


# XML 1.0 forbids most C0 controls (a form feed from a PDF, a stray NUL); lxml
# refuses them.  Each becomes its visible Control Picture, one character for
# one, so the page still shows where it was.
_CONTROLS = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
_CONTROLS.update({0xFFFE: 0xFFFD, 0xFFFF: 0xFFFD})


def clean(text: str) -> str:
    """*text* with the characters XML cannot hold made visible."""
    text = text.translate(_CONTROLS)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text


def data_json(value: object) -> str:
    """JSON that is safe inside <script type="application/json">: no <, > or & at all."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return clean(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


class Html:
    """A thin layer over lxml: elements with text and attributes, always cleaned."""

    def __init__(self) -> None:
        from lxml import etree

        self.etree = etree

    def root(self) -> Any:
        return self.etree.Element("html")

    def el(self, parent: Any, tag: str, text: str | None = None, **attrs: str | None) -> Any:
        node = self.etree.SubElement(parent, tag)
        for key, value in attrs.items():
            if value is not None:
                node.set(key.rstrip("_").replace("_", "-"), clean(value))
        if text:
            node.text = clean(text)
        return node

    def raw(self, parent: Any, tag: str, code: str, **attrs: str | None) -> Any:
        """A <style> or <script> whose content is the package's own code (or data_json)."""
        node = self.el(parent, tag, **attrs)
        node.text = code
        return node

    def serialize(self, root: Any) -> str:
        from lxml import html

        out: str = html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode", method="html")
        return out + "\n"


def head(h: Html, root: Any, title: str, scripts: Sequence[str]) -> Any:
    """<head>: charset, viewport, the CSP, the title and the stylesheet."""
    head_el = h.el(root, "head")
    h.el(head_el, "meta", charset="utf-8")
    h.el(head_el, "meta", name="viewport", content="width=device-width, initial-scale=1")
    h.el(head_el, "meta", http_equiv="Content-Security-Policy", content=csp(scripts))
    h.el(head_el, "meta", name="generator", content="policyparse")
    h.el(head_el, "title", title)
    h.raw(head_el, "style", asset("view.css"))
    return head_el


def number(x: float | None) -> str:
    """20 for 20.0, 0.5 for 0.5, empty for None."""
    if x is None:
        return ""
    return str(int(x)) if x == int(x) else repr(x)


# ---------------------------------------------------------------- items


@dataclass
class Item:
    """Something marked in the text: its id, span, classes, hover line and fields."""

    id: str
    start: int
    end: int
    classes: tuple[str, ...]
    hover: str
    heading: str = ""
    fields: list[tuple[str, str]] = field(default_factory=list)
    anchored: bool = True  # gets an anchor and is counted (not furniture)


@dataclass
class _Walked:
    node: Node
    index: int
    top: Node  # its top-level ancestor
    parent_path: str | None  # its own path, or its nearest numbered ancestor's


def _walk(doc: Document) -> list[_Walked]:
    out: list[_Walked] = []

    def visit(nodes: list[Node], top: Node | None, path: str | None) -> None:
        for node in nodes:
            here = node.path if node.path else path
            out.append(_Walked(node, len(out), top or node, here))
            visit(node.children, top or node, here)

    visit(doc.children, None, None)
    return out


def _where(w: _Walked) -> str:
    node = w.node
    path = w.parent_path or ""
    title = node.title or ""
    return f"{path} {title}".strip() or _KIND_NAMES[node.kind]


def _rules(doc_nodes: list[_Walked], decisions: Sequence[Decision]) -> dict[int, tuple[str, str]]:
    """The rule behind each target and figure (by id() of the model), where the trace has it.

    A decision belongs to the target (or figure of the same kind) whose clause
    contains its quantity; the clause's quantities are taken in order.
    """
    by_outcome: dict[str, list[Decision]] = defaultdict(list)
    for d in sorted(decisions):
        by_outcome[d[2]].append(d)
    used: set[Decision] = set()
    out: dict[int, tuple[str, str]] = {}
    quantities: list[tuple[int, int, str, Target | Figure]] = []
    for w in doc_nodes:
        quantities += [(t.span[0], t.span[1], "target", t) for t in w.node.targets]
        quantities += [(f.span[0], f.span[1], f.kind, f) for f in w.node.figures]
    quantities.sort(key=lambda q: (q[0], q[1]))
    for start, end, outcome, model in quantities:
        for d in by_outcome.get(outcome, ()):
            if d[0] >= end:
                break
            if d not in used and start <= d[0] and d[1] <= end:
                used.add(d)
                out[id(model)] = (d[3], d[4])
                break
    return out


def _target_fields(t: Target, where: str, rule: tuple[str, str] | None) -> list[tuple[str, str]]:
    amount = number(t.value)
    if t.comparator == "range":
        amount = f"{number(t.value)}–{number(t.value_max)}"
    rows = [
        ("text", t.text),
        ("indicator", t.indicator or ""),
        ("comparator", t.comparator),
        ("value", amount),
        ("unit", t.unit or ""),
        ("base value", f"{number(t.base_value)} {t.base_unit or ''}".strip()),
        ("kind", t.kind),
        ("year", str(t.year) if t.year is not None else ""),
        ("deadline", t.deadline or ""),
        ("period", t.period or ""),
        ("section", where),
        ("span", f"{t.span[0]}–{t.span[1]}"),
    ]
    if rule is not None:
        rows.append(("rule", rule[0] + (f" ({rule[1]})" if rule[1] else "")))
    return [(k, v) for k, v in rows if v]


def _figure_fields(f: Figure, where: str, rule: tuple[str, str] | None) -> list[tuple[str, str]]:
    amount = number(f.value)
    if f.comparator == "range":
        amount = f"{number(f.value)}–{number(f.value_max)}"
    rows = [
        ("text", f.text),
        ("kind", f.kind),
        ("comparator", f.comparator),
        ("value", amount),
        ("unit", f.unit or ""),
        ("base value", f"{number(f.base_value)} {f.base_unit or ''}".strip()),
        ("year", str(f.year) if f.year is not None else ""),
        ("section", where),
        ("span", f"{f.span[0]}–{f.span[1]}"),
    ]
    if rule is not None:
        rows.append(("rule", rule[0] + (f" ({rule[1]})" if rule[1] else "")))
    return [(k, v) for k, v in rows if v]


def _unit_fields(u: ResponsibleUnit, where: str, implied: bool) -> list[tuple[str, str]]:
    rows = [
        ("name", u.name),
        ("canonical", u.canonical or ""),
        ("role", u.role),
        ("aliases", "、".join(u.aliases)),
        ("generic", "yes" if u.generic else ""),
        ("implied", "yes: assigned by an earlier note, which is what is marked" if implied else ""),
        ("for", where),
        ("span", f"{u.span[0]}–{u.span[1]}"),
    ]
    return [(k, v) for k, v in rows if v]


@dataclass
class Collected:
    """Everything marked, and how the tables refer to it."""

    items: list[Item]
    walked: list[_Walked]
    target_ids: dict[int, str]  # id(Target) -> item id
    unit_ids: dict[tuple[int, int, str, bool], str]  # (start, end, name, implied) -> item id
    rules: dict[str, str]  # target item id -> the rule that decided it


def collect(doc: Document, text: str, decisions: Sequence[Decision] = ()) -> Collected:
    """The items of *doc* in document order, with ids tgt-…, fig-…, unit-…, head-…, diag-…."""
    walked = _walk(doc)
    rules = _rules(walked, decisions)
    items: list[Item] = []
    target_ids: dict[int, str] = {}
    unit_ids: dict[tuple[int, int, str, bool], str] = {}
    rule_of: dict[str, str] = {}
    counts = {"t": 0, "f": 0, "u": 0}
    if doc.title_span is not None:
        a, b = doc.title_span
        items.append(Item("doc-title", a, b, ("hd", "hd-title"), f"Title: {doc.title or ''}"))
    for w in walked:
        node, where = w.node, _where(w)
        spans = [s for s in (node.label_span, node.title_span) if s is not None]
        if spans and node.kind != "paragraph":
            a, b = min(s[0] for s in spans), max(s[1] for s in spans)
            n_t = sum(len(x.targets) for x in node.walk())
            n_u = sum(len(x.responsible_units) + len(x.implied_units) for x in node.walk())
            name = _KIND_NAMES[node.kind]
            hover = f"{name} {node.path or ''}: {node.title or ''} ({n_t} targets, {n_u} units)"
            fields = [
                ("kind", node.kind),
                ("label", node.label or ""),
                ("path", node.path or ""),
                ("title", node.title or ""),
                ("style", node.style or ""),
                ("targets", str(n_t)),
                ("units", str(n_u)),
            ]
            if node.deadline is not None:
                fields.append(("deadline", node.deadline.text))
            items.append(
                Item(
                    f"head-{w.index}",
                    a,
                    b,
                    ("hd",),
                    hover,
                    f"{name} {node.path or ''}",
                    [(k, v) for k, v in fields if v],
                )
            )
        for t in node.targets:
            tid = f"tgt-{counts['t']}"
            counts["t"] += 1
            target_ids[id(t)] = tid
            rule = rules.get(id(t))
            if rule is not None:
                rule_of[tid] = rule[0]
            hover = f"Target ({t.kind}): {short_target(t)}"
            if rule is not None:
                hover += f" · rule {rule[0]}"
            items.append(
                Item(
                    tid,
                    t.span[0],
                    t.span[1],
                    ("tg", f"tg-{t.kind}"),
                    hover,
                    f"Target · {t.kind}",
                    _target_fields(t, where, rule),
                )
            )
        for f in node.figures:
            fid = f"fig-{counts['f']}"
            counts["f"] += 1
            rule = rules.get(id(f))
            amount = f"{number(f.value)}{f.unit or ''}"
            items.append(
                Item(
                    fid,
                    f.span[0],
                    f.span[1],
                    ("fg", f"fg-{f.kind}"),
                    f"Figure ({f.kind}, not a target): {amount}",
                    f"Figure · {f.kind}",
                    _figure_fields(f, where, rule),
                )
            )
        for implied, units in ((False, node.responsible_units), (True, node.implied_units)):
            for u in units:
                uid = f"unit-{counts['u']}"
                counts["u"] += 1
                unit_ids[(u.span[0], u.span[1], u.name, implied)] = uid
                canonical = u.canonical or u.name
                classes = ("un", f"un-{u.role}") + (("un-implied",) if implied else ())
                hover = f"{_ROLE_NAMES[u.role]}: {u.name}"
                if canonical != u.name:
                    hover += f" → {canonical}"
                if implied:
                    hover += f" (implied for {where})"
                items.append(
                    Item(
                        uid,
                        u.span[0],
                        u.span[1],
                        classes,
                        hover,
                        f"{_ROLE_NAMES[u.role]}" + (" (implied)" if implied else ""),
                        _unit_fields(u, where, implied),
                    )
                )
    for k, d in enumerate(doc.diagnostics):
        if d.span is None:
            continue
        items.append(
            Item(
                f"diag-{k}",
                d.span[0],
                d.span[1],
                ("dg", f"dg-{d.severity}"),
                f"{d.severity} {d.code}: {d.message}",
                f"Diagnostic · {d.severity}",
                [("code", d.code), ("message", d.message), ("severity", d.severity)],
            )
        )
    for f_ in doc.furniture:
        items.append(
            Item("", f_.span[0], f_.span[1], ("fu",), f"Page furniture: {f_.kind}", anchored=False)
        )
    size = len(text)
    for item in items:  # a span past the text (a text that does not match) is cut to it
        item.start = max(0, min(item.start, size))
        item.end = max(item.start, min(item.end, size))
    return Collected(items, walked, target_ids, unit_ids, rule_of)


# ---------------------------------------------------------------- the text


def _segments(size: int, items: list[Item]) -> Iterator[tuple[int, int, list[Item], list[Item]]]:
    """(start, end, items covering, items starting here) for each piece between boundaries."""
    starts: dict[int, list[Item]] = defaultdict(list)
    ends: dict[int, list[Item]] = defaultdict(list)
    bounds = {0, size}
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


def _text(h: Html, parent: Any, text: str, collected: Collected) -> None:
    """The whole text, cut at every boundary; each piece carries the items covering it."""
    box = h.el(parent, "div", id="text", class_="text", lang="zh-CN")
    node_starts: dict[int, list[int]] = defaultdict(list)
    for w in collected.walked:
        node_starts[min(max(w.node.span[0], 0), len(text))].append(w.index)
    last: Any = None
    seen: set[str] = set()

    def put(chunk: str) -> None:
        nonlocal last
        if not chunk:
            return
        if last is None:
            box.text = (box.text or "") + clean(chunk)
        else:
            last.tail = (last.tail or "") + clean(chunk)

    points = _segments(len(text), collected.items)
    for a, b, covering, beginning in points:
        for index in node_starts.pop(a, ()):
            last = h.el(box, "span", class_="anchor node-anchor", id=f"node-{index}")
        for item in beginning:
            if item.anchored:
                last = h.el(box, "span", class_="anchor", id=item.id, data_item=item.id)
            if item.end == item.start and item.anchored:
                last = h.el(
                    box,
                    "span",
                    class_="m pin " + " ".join(item.classes),
                    title=item.hover,
                    data_items=item.id,
                    tabindex="0",
                    role="button",
                )
        if a >= b:
            continue
        if not covering:
            put(text[a:b])
            continue
        classes = {"m"}
        for item in covering:
            classes.update(item.classes)
        ids = [i.id for i in covering if i.anchored]
        first = any(i.anchored and i.id not in seen for i in covering)
        seen.update(ids)
        last = h.el(
            box,
            "span",
            text[a:b],
            class_=" ".join(sorted(classes)),
            title=_hover(covering),
            data_items=" ".join(ids) if ids else None,
            tabindex="0" if first else None,
        )


# ---------------------------------------------------------------- the page


def _meta(h: Html, parent: Any, doc: Document) -> None:
    section = h.el(parent, "section", id="metadata", aria_labelledby="metadata-h")
    h.el(section, "h2", "Document", id="metadata-h")
    dl = h.el(section, "dl", class_="meta")
    horizon = f"{doc.horizon.start}–{doc.horizon.end}" if doc.horizon else None
    nodes = list(doc.walk())
    counts = (
        f"{sum(1 for n in nodes if n.kind == 'section')} sections, "
        f"{sum(1 for n in nodes if n.kind == 'measure')} measures, "
        f"{sum(len(n.targets) for n in nodes)} targets, "
        f"{sum(len(n.figures) for n in nodes)} figures, "
        f"{sum(len(n.responsible_units) + len(n.implied_units) for n in nodes)} unit mentions"
    )
    rows = [
        ("title", doc.title),
        ("plan title", doc.plan_title),
        ("文号", doc.doc_number),
        ("issuer", doc.issuer),
        ("published", doc.published.isoformat() if doc.published else None),
        ("signed", doc.signed.isoformat() if doc.signed else None),
        ("doc type", doc.doc_type),
        ("horizon", horizon),
        ("source", f"{doc.source.path or '(text)'} ({doc.source.format}, {doc.source.encoding})"),
        ("sha256", doc.source.sha256),
        ("found", counts),
    ]
    for key, value in rows:
        h.el(dl, "dt", key)
        h.el(dl, "dd", value if value else "—")
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


_LEGEND = [
    ("hd", "heading"),
    ("tg tg-level", "target: level"),
    ("tg tg-increase", "target: increase"),
    ("tg tg-decrease", "target: decrease"),
    ("fg fg-parameter", "figure: parameter"),
    ("fg fg-baseline", "figure: baseline"),
    ("un un-lead", "lead unit"),
    ("un un-responsible", "responsible unit"),
    ("un un-cooperating", "cooperating unit"),
    ("un un-guiding", "guiding unit"),
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
        if node.kind not in _OUTLINE_KINDS:
            continue
        shown += 1
        while stack and not (stack[-1][0].span[0] <= node.span[0] < stack[-1][0].span[1]):
            stack.pop()
        if stack:
            holder = stack[-1]
            if not holder[2]:
                holder[2].append(h.el(holder[1], "ol"))
            container = holder[2][0]
        else:
            container = root
        li = h.el(container, "li", class_=f"k-{node.kind}")
        stack.append((node, li, []))
        label = f"{node.label or ''} {node.title or _KIND_NAMES[node.kind]}".strip()
        h.el(li, "a", label, href=f"#node-{w.index}")
        n_t = sum(len(x.targets) for x in node.walk())
        n_u = sum(len(x.responsible_units) + len(x.implied_units) for x in node.walk())
        counts = h.el(li, "span", f"{n_t} targets · {n_u} units", class_="counts")
        counts.text = " " + (counts.text or "")
    if not shown:
        h.el(nav, "p", "No sections or measures were found.")


def _select(h: Html, box: Any, key: str, label: str, values: Sequence[str]) -> None:
    lab = h.el(box, "label", label)
    sel = h.el(lab, "select", data_key=key)
    h.el(sel, "option", "all", value="")
    for v in values:
        h.el(sel, "option", v or "(none)", value=v or "-")


def _targets_table(h: Html, parent: Any, collected: Collected) -> None:
    section = h.el(parent, "section", id="targets", aria_labelledby="targets-h")
    h.el(section, "h2", "Targets", id="targets-h")
    rows: list[tuple[Target, _Walked]] = [(t, w) for w in collected.walked for t in w.node.targets]
    if not rows:
        h.el(section, "p", "No targets were found.")
        return

    def top_of(w: _Walked) -> str:
        return f"{w.top.path or ''} {w.top.title or ''}".strip()

    years = sorted({str(t.year) if t.year is not None else "" for t, _ in rows})
    units = sorted({t.unit or "" for t, _ in rows})
    comparators = sorted({t.comparator for t, _ in rows})
    sections: list[str] = []
    for _, w in rows:
        if top_of(w) not in sections:
            sections.append(top_of(w))
    box = h.el(section, "div", class_="filters noprint", data_for="targets-table")
    _select(h, box, "year", "year", years)
    _select(h, box, "unit", "unit", units)
    _select(h, box, "comparator", "comparator", comparators)
    _select(h, box, "section", "section", sections)
    search = h.el(box, "label", "search")
    h.el(search, "input", type="search", data_key="q")
    h.el(box, "button", "clear", type="reset")
    h.el(box, "output", aria_live="polite")
    wrap = h.el(section, "div", class_="tablewrap")
    table = h.el(wrap, "table", id="targets-table", class_="sortable")
    head_row = h.el(h.el(table, "thead"), "tr")
    columns = [
        ("#", "num"),
        ("target (in the text)", ""),
        ("section", ""),
        ("indicator", ""),
        ("cmp", ""),
        ("value", "num"),
        ("unit", ""),
        ("base value", "num"),
        ("kind", ""),
        ("year", "num"),
        ("deadline", ""),
        ("rule", ""),
    ]
    for name, cls in columns:
        th = h.el(head_row, "th", class_=cls or None, scope="col")
        h.el(th, "button", name, type="button")
    body = h.el(table, "tbody")
    for n, (t, w) in enumerate(rows, 1):
        tid = collected.target_ids[id(t)]
        rule = collected.rules.get(tid, "")
        tr = h.el(
            body,
            "tr",
            class_=f"k-{t.kind}",
            data_year=str(t.year) if t.year is not None else "-",
            data_unit=t.unit or "-",
            data_comparator=t.comparator,
            data_section=top_of(w) or "-",
            data_target=tid,
        )
        h.el(tr, "td", str(n), class_="num")
        h.el(h.el(tr, "td"), "a", t.text, href=f"#{tid}")
        h.el(tr, "td", _where(w))
        h.el(tr, "td", t.indicator or "")
        h.el(tr, "td", t.comparator)
        value = number(t.value) + (f"–{number(t.value_max)}" if t.comparator == "range" else "")
        h.el(tr, "td", value, class_="num", data_v=repr(t.value))
        h.el(tr, "td", t.unit or "")
        base = f"{number(t.base_value)} {t.base_unit or ''}".strip()
        h.el(tr, "td", base, class_="num", data_v=repr(t.base_value or 0.0))
        h.el(tr, "td", t.kind)
        h.el(tr, "td", str(t.year) if t.year is not None else "", class_="num")
        h.el(tr, "td", t.deadline or "")
        h.el(tr, "td", rule)


def _owners_table(h: Html, parent: Any, doc: Document, collected: Collected) -> None:
    section = h.el(parent, "section", id="owners", aria_labelledby="owners-h")
    h.el(section, "h2", "Who owns what", id="owners-h")
    rows = owners(doc)
    if not rows:
        h.el(section, "p", "No responsible units were found.")
        return
    h.el(
        section,
        "p",
        "One row per unit (by canonical name): the measures it answers for, by role, "
        "and the targets of those measures. Each link goes to where the unit is named.",
    )
    by_unit: dict[str, list[Any]] = {}
    for r in rows:
        by_unit.setdefault(r.unit, []).append(r)
    wrap = h.el(section, "div", class_="tablewrap")
    table = h.el(wrap, "table", id="owners-table", class_="sortable")
    head_row = h.el(h.el(table, "thead"), "tr")
    for name, cls in [
        ("unit", ""),
        ("lead", ""),
        ("responsible", ""),
        ("cooperating", ""),
        ("guiding", ""),
        ("measures", "num"),
        ("targets", "num"),
    ]:
        th = h.el(head_row, "th", class_=cls or None, scope="col")
        h.el(th, "button", name, type="button")
    body = h.el(table, "tbody")
    for unit, unit_rows in by_unit.items():
        tr = h.el(body, "tr")
        first = unit_rows[0]
        first_id = collected.unit_ids.get((first.start, first.end, first.name, first.implied))
        h.el(h.el(tr, "td"), "a", unit, href=f"#{first_id}" if first_id else None)
        for role in _ROLES:
            td = h.el(tr, "td")
            mine = [r for r in unit_rows if r.role == role]
            if not mine:
                continue
            ul = h.el(td, "ul")
            for r in mine:
                uid = collected.unit_ids.get((r.start, r.end, r.name, r.implied))
                li = h.el(ul, "li")
                label = f"{r.path or ''} {r.title or ''}".strip() or "(no heading)"
                if r.targets:
                    label += f" ({len(r.targets)} targets)"
                if r.implied:
                    label += " (implied)"
                h.el(li, "a", label, href=f"#{uid}" if uid else None)
        h.el(tr, "td", str(len(unit_rows)), class_="num")
        h.el(tr, "td", str(sum(len(r.targets) for r in unit_rows)), class_="num")


def _data(collected: Collected) -> dict[str, Any]:
    return {
        "items": {
            i.id: {"h": i.heading or i.hover, "f": [list(f) for f in i.fields]}
            for i in collected.items
            if i.anchored
        }
    }


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
    sub = " · ".join(
        x
        for x in (
            doc.issuer,
            doc.doc_number,
            doc.published.isoformat() if doc.published else None,
            doc.doc_type,
        )
        if x
    )
    h.el(header, "p", sub or "(no metadata found)", class_="sub", lang="zh-CN")
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
    h.raw(body, "script", data_json(_data(collected)), type="application/json", id="pp-data")
    for code in scripts:
        h.raw(body, "script", code)
    return h.serialize(root)
