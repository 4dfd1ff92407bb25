"""What goes on the view of a plan: the items marked in its text, and the rows of its tables.

Every heading, target, figure, responsible unit and diagnostic with a span
becomes an ``Item`` (its id, span, classes, hover line and the fields the
details panel lists); the metadata list, the targets table and the owners table
get their rows here too.  ``page`` draws all of it; nothing here knows HTML.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ...errors import counted
from ...inputs.columns import is_header
from ...layout.blocks import split_blocks
from ...layout.gluedrows import glued_table_blocks
from ...layout.printed import printed_tables
from ...layout.spacedrows import glued_headers
from ...model.document import Document, Figure, Node, ResponsibleUnit, Target
from ...text.fold import fold
from ...vocab import NODE_KINDS, ROLES
from ..owners import OwnerRow, owners, short_target

# A table in the text: where it stands and its rows' cells, [start, end) each.
# A table drawn in the view: start, end, its rows of cell spans, whether the first row is a
# header of column words (drawn as one).
TextGrid = tuple[int, int, list[list[tuple[int, int]]], bool]

# A quantity decision of the target reader: (start, end, outcome, rule, why).
# Plain tuples, so that this module needs nothing from the tracing layer.
Decision = tuple[int, int, str, str, str]

KIND_NAMES = {
    "section": "Section",
    "measure": "Measure",
    "paragraph": "Paragraph",
    "attachment": "Attachment",
    "box": "Box",
}
OUTLINE_KINDS = frozenset(k for k in NODE_KINDS if k != "paragraph")


def role_name(role: str) -> str:
    """How the page names a role: Lead unit, Cooperating unit …"""
    return f"{role.capitalize()} unit"


def number(x: float | None) -> str:
    """20 for 20.0, 0.5 for 0.5, empty for None."""
    if x is None:
        return ""
    return str(int(x)) if x == int(x) else repr(x)


def amount(q: Target | Figure) -> str:
    """The value as shown: 20, or 10–20 for a range."""
    if q.comparator == "range":
        return f"{number(q.value)}–{number(q.value_max)}"
    return number(q.value)


def base_value(q: Target | Figure) -> str:
    """The value in its unit without the scale, with that unit: "200000 人" for 20万人
    (``base_value``, ``base_unit``), or empty.  Not a baseline: that is a figure's kind."""
    return f"{number(q.base_value)} {q.base_unit or ''}".strip()


def unscaled(q: Target | Figure) -> tuple[str, str]:
    """The detail line of the value without its scale: ("value in 人", "200000") for
    20万人; nothing when the unit has no scale (25% is 25 %, said already)."""
    if q.base_value is None or (q.base_value == q.value and q.base_unit == q.unit):
        return ("", "")
    return (f"value in {q.base_unit}" if q.base_unit else "value, unscaled", number(q.base_value))


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
class Walked:
    """A node in document order, with what the page says of where it stands."""

    node: Node
    index: int
    top: Node  # its top-level ancestor
    parent_path: str | None  # its own path, or its nearest numbered ancestor's


def walk(doc: Document) -> list[Walked]:
    out: list[Walked] = []

    def visit(nodes: list[Node], top: Node | None, path: str | None) -> None:
        for node in nodes:
            here = node.path if node.path else path
            out.append(Walked(node, len(out), top or node, here))
            visit(node.children, top or node, here)

    visit(doc.children, None, None)
    return out


def where(w: Walked) -> str:
    """Where a node stands, as its row or its item says: "§1.2 促进就业", else its kind."""
    node = w.node
    path = w.parent_path or ""
    title = node.title or ""
    return f"{path} {title}".strip() or KIND_NAMES[node.kind]


def counts(node: Node) -> tuple[int, int]:
    """The targets and the unit mentions in *node* and below it."""
    n_t = sum(len(x.targets) for x in node.walk())
    n_u = sum(len(x.responsible_units) + len(x.implied_units) for x in node.walk())
    return n_t, n_u


def _rules(doc_nodes: list[Walked], decisions: Sequence[Decision]) -> dict[int, tuple[str, str]]:
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


def owners_text(t: Target) -> str:
    """Who answers for a target, by role: "lead: 市发展改革委; cooperating: 市财政局"."""
    parts = []
    for role, names in t.owners.items():
        parts.append(f"{role}: {'、'.join(names)}")
    return "; ".join(parts)


def _target_fields(t: Target, where: str, rule: tuple[str, str] | None) -> list[tuple[str, str]]:
    rows = [
        ("text", t.text),
        ("indicator", t.indicator or ""),
        ("comparator", t.comparator),
        ("value", amount(t)),
        ("unit", t.unit or ""),
        unscaled(t),
        ("kind", t.kind),
        ("year", str(t.year) if t.year is not None else ""),
        ("deadline", t.deadline or ""),
        ("period", t.period or ""),
        ("owners", owners_text(t)),
        ("owned at", t.owner_path or ""),
        ("section", where),
        ("span", f"{t.span[0]}–{t.span[1]}"),
    ]
    if rule is not None:
        rows.append(("rule", rule[0] + (f" ({rule[1]})" if rule[1] else "")))
    return [(k, v) for k, v in rows if v]


def _figure_fields(f: Figure, where: str, rule: tuple[str, str] | None) -> list[tuple[str, str]]:
    rows = [
        ("text", f.text),
        ("kind", f.kind),
        ("comparator", f.comparator),
        ("value", amount(f)),
        ("unit", f.unit or ""),
        unscaled(f),
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


def _heading(w: Walked) -> Item | None:
    """The item of a node's label and title (none for a paragraph, nor for a node with neither)."""
    node = w.node
    spans = [s for s in (node.label_span, node.title_span) if s is not None]
    if not spans or node.kind == "paragraph":
        return None
    a, b = min(s[0] for s in spans), max(s[1] for s in spans)
    n_t, n_u = counts(node)
    name = KIND_NAMES[node.kind]
    hover = f"{name} {node.path or ''}: {node.title or ''} ({_targets_units(n_t, n_u, ', ')})"
    fields = _heading_fields(node, n_t, n_u)
    return Item(f"head-{w.index}", a, b, ("hd",), hover, f"{name} {node.path or ''}", fields)


def _heading_fields(node: Node, n_t: int, n_u: int) -> list[tuple[str, str]]:
    rows = [
        ("kind", node.kind),
        ("label", node.label or ""),
        ("path", node.path or ""),
        ("title", node.title or ""),
        ("style", node.style or ""),
        ("targets", str(n_t)),
        ("units", str(n_u)),
        ("page", str(node.page) if node.page else ""),
    ]
    if node.deadline is not None:
        rows.append(("deadline", node.deadline.text))
    return [(k, v) for k, v in rows if v]


@dataclass
class Collected:
    """Everything marked, and how the tables refer to it."""

    items: list[Item]
    walked: list[Walked]
    target_ids: dict[int, str]  # id(Target) -> item id
    unit_ids: dict[tuple[int, int, str, bool], str]  # (start, end, name, implied) -> item id
    rules: dict[str, str]  # target item id -> the rule that decided it
    # The tables printed in the text, drawn as tables: (start, end, rows of cell spans).
    tables: list[TextGrid] = field(default_factory=list)


class _Collector:
    """The items of the nodes met so far; targets, figures and units numbered in text order."""

    def __init__(self, walked: list[Walked], rules: dict[int, tuple[str, str]]) -> None:
        self.rules = rules
        self.found = Collected([], walked, {}, {}, {})
        self.numbered: dict[str, int] = {}

    def next_id(self, prefix: str) -> str:
        """tgt-0, tgt-1 …: each kind numbered on its own, in text order."""
        n = self.numbered.get(prefix, 0)
        self.numbered[prefix] = n + 1
        return f"{prefix}-{n}"

    def node(self, w: Walked) -> None:
        """A node's heading, then its targets, figures, and units (named, then implied)."""
        heading = _heading(w)
        if heading is not None:
            self.found.items.append(heading)
        here = where(w)
        for t in w.node.targets:
            self.target(t, here)
        for f in w.node.figures:
            self.figure(f, here)
        for implied, units in ((False, w.node.responsible_units), (True, w.node.implied_units)):
            for u in units:
                self.unit(u, here, implied)

    def target(self, t: Target, here: str) -> None:
        tid = self.next_id("tgt")
        self.found.target_ids[id(t)] = tid
        rule = self.rules.get(id(t))
        hover = f"Target ({t.kind}): {short_target(t)}"
        if rule is not None:
            self.found.rules[tid] = rule[0]
            hover += f" · rule {rule[0]}"
        fields = _target_fields(t, here, rule)
        heading = f"Target · {t.kind}"
        self.found.items.append(
            Item(tid, t.span[0], t.span[1], ("tg", f"tg-{t.kind}"), hover, heading, fields)
        )

    def figure(self, f: Figure, here: str) -> None:
        fid = self.next_id("fig")
        hover = f"Figure ({f.kind}, not a target): {number(f.value)}{f.unit or ''}"
        fields = _figure_fields(f, here, self.rules.get(id(f)))
        heading = f"Figure · {f.kind}"
        self.found.items.append(
            Item(fid, f.span[0], f.span[1], ("fg", f"fg-{f.kind}"), hover, heading, fields)
        )

    def unit(self, u: ResponsibleUnit, here: str, implied: bool) -> None:
        uid = self.next_id("unit")
        self.found.unit_ids[(u.span[0], u.span[1], u.name, implied)] = uid
        canonical = u.canonical or u.name
        classes = ("un", f"un-{u.role}") + (("un-implied",) if implied else ())
        hover = f"{role_name(u.role)}: {u.name}"
        if canonical != u.name:
            hover += f" → {canonical}"
        if implied:
            hover += f" (implied for {here})"
        heading = role_name(u.role) + (" (implied)" if implied else "")
        fields = _unit_fields(u, here, implied)
        self.found.items.append(Item(uid, u.span[0], u.span[1], classes, hover, heading, fields))


def _diagnostic_items(doc: Document) -> list[Item]:
    return [
        Item(
            f"diag-{k}",
            d.span[0],
            d.span[1],
            ("dg", f"dg-{d.severity}"),
            f"{d.severity} {d.code}: {d.message}",
            f"Diagnostic · {d.severity}",
            [("code", d.code), ("message", d.message), ("severity", d.severity)],
        )
        for k, d in enumerate(doc.diagnostics)
        if d.span is not None
    ]


def collect(doc: Document, text: str, decisions: Sequence[Decision] = ()) -> Collected:
    """The items of *doc* in document order, with ids tgt-…, fig-…, unit-…, head-…, diag-…."""
    walked = walk(doc)
    collector = _Collector(walked, _rules(walked, decisions))
    items = collector.found.items
    if doc.title_span is not None:
        a, b = doc.title_span
        items.append(Item("doc-title", a, b, ("hd", "hd-title"), f"Title: {doc.title or ''}"))
    for w in walked:
        collector.node(w)
    items += _diagnostic_items(doc)
    for f_ in doc.furniture:
        items.append(
            Item("", f_.span[0], f_.span[1], ("fu",), f"Page furniture: {f_.kind}", anchored=False)
        )
    size = len(text)
    for item in items:  # a span past the text (a text that does not match) is cut to it
        item.start = max(0, min(item.start, size))
        item.end = max(item.start, min(item.end, size))
    collector.found.tables = grids(text)
    return collector.found


def grids(text: str) -> list[TextGrid]:
    """The tables printed in *text*, as cells: pipe, tab and bar-line rows (layout.cells)
    and tables printed one cell per line (layout.tables.printed_tables reads every form)."""
    folded = fold(text)
    out: list[TextGrid] = []
    blocks = glued_table_blocks(folded, glued_headers(folded, split_blocks(folded)))
    for t in printed_tables(text, folded, blocks):
        rows = [[(c.start, c.end) for c in row.cells] for row in t.rows]
        first = t.rows[0].cells if t.rows else []
        head = (
            t.columns is None
            and bool(first)
            and is_header([folded[c.start : c.end] for c in first])
        )
        out.append((t.start, t.end, rows, head))
    return out


# ---------------------------------------------------------------- the page's lists and tables


def meta_rows(doc: Document) -> list[tuple[str, str | None]]:
    """The metadata list: what the document says of itself, and how much was found."""
    horizon = f"{doc.horizon.start}–{doc.horizon.end}" if doc.horizon else None
    return [
        ("title", doc.title),
        ("plan title", doc.plan_title),
        ("文号", doc.doc_number),
        ("issuer", doc.issuer),
        ("published", doc.published.isoformat() if doc.published else None),
        ("signed", doc.signed.isoformat() if doc.signed else None),
        ("doc type", doc.doc_type),
        ("horizon", horizon),
        ("source", _source(doc)),
        ("sha256", doc.source.sha256),
        ("found", _found(doc)),
    ]


def _source(doc: Document) -> str:
    """The file, its format and encoding, and a PDF's page count."""
    src = doc.source
    pages = f", {src.pages} page{'s' if src.pages != 1 else ''}" if src.pages else ""
    return f"{src.path or '(text)'} ({src.format}, {src.encoding}{pages})"


def outline_counts(node: Node) -> str:
    """What the outline says beside a node: its targets and units, and a PDF's page."""
    n_t, n_u = counts(node)
    page = f" · p. {node.page}" if node.page else ""
    return f"{_targets_units(n_t, n_u, ' · ')}{page}"


def _targets_units(targets: int, units: int, between: str) -> str:
    return f"{counted(targets, 'target')}{between}{counted(units, 'unit')}"


def _found(doc: Document) -> str:
    nodes = list(doc.walk())
    mentions = sum(len(n.responsible_units) + len(n.implied_units) for n in nodes)
    return (
        f"{counted(sum(1 for n in nodes if n.kind == 'section'), 'section')}, "
        f"{counted(sum(1 for n in nodes if n.kind == 'measure'), 'measure')}, "
        f"{counted(sum(len(n.targets) for n in nodes), 'target')}, "
        f"{counted(sum(len(n.figures) for n in nodes), 'figure')}, "
        f"{counted(mentions, 'unit mention')}"
    )


def subtitle(doc: Document) -> str:
    """The line under the title: issuer · 文号 · date · type, as far as known."""
    published = doc.published.isoformat() if doc.published else None
    return " · ".join(x for x in (doc.issuer, doc.doc_number, published, doc.doc_type) if x)


def outline_label(node: Node) -> str:
    """A node as the outline names it: its label and title, else its kind."""
    return f"{node.label or ''} {node.title or KIND_NAMES[node.kind]}".strip()


@dataclass(frozen=True)
class TargetRow:
    """A row of the targets table: its cells, and what its filters match."""

    item: str  # the target's item id
    kind: str
    text: str
    where: str
    indicator: str
    comparator: str
    value: str
    value_key: str  # how the value column sorts
    unit: str
    base: str
    base_key: str
    year: str
    deadline: str
    rule: str
    section: str  # its top-level section, for the filter
    owners: str = ""  # who answers for it, by role


def target_rows(collected: Collected) -> list[TargetRow]:
    """One row per target, in document order."""
    return [_target_row(t, w, collected) for w in collected.walked for t in w.node.targets]


def _target_row(t: Target, w: Walked, collected: Collected) -> TargetRow:
    tid = collected.target_ids[id(t)]
    return TargetRow(
        item=tid,
        kind=t.kind,
        text=t.text,
        where=where(w),
        indicator=t.indicator or "",
        comparator=t.comparator,
        value=amount(t),
        value_key=repr(t.value),
        unit=t.unit or "",
        base=base_value(t),
        base_key=repr(t.base_value or 0.0),
        year=str(t.year) if t.year is not None else "",
        deadline=t.deadline or "",
        rule=collected.rules.get(tid, ""),
        section=f"{w.top.path or ''} {w.top.title or ''}".strip(),
        owners=owners_text(t),
    )


def target_filters(rows: list[TargetRow]) -> list[tuple[str, list[str]]]:
    """The filters over the targets table and the values each offers."""
    sections: list[str] = []
    for row in rows:
        if row.section not in sections:
            sections.append(row.section)
    return [
        ("year", sorted({row.year for row in rows})),
        ("unit", sorted({row.unit for row in rows})),
        ("comparator", sorted({row.comparator for row in rows})),
        ("section", sections),
    ]


@dataclass(frozen=True)
class UnitRow:
    """A row of the owners table: a unit, by role the measures it answers for."""

    unit: str
    first: str | None  # the item id of where it is first named
    roles: list[list[tuple[str, str | None]]]  # per ROLES: (measure, item id of the mention)
    measures: int
    targets: int


def unit_rows(doc: Document, collected: Collected) -> list[UnitRow]:
    """One row per unit (by canonical name), in the order the units are first named."""
    by_unit: dict[str, list[OwnerRow]] = {}
    for r in owners(doc):
        by_unit.setdefault(r.unit, []).append(r)
    return [_unit_row(unit, rows, collected) for unit, rows in by_unit.items()]


def _unit_row(unit: str, rows: list[OwnerRow], collected: Collected) -> UnitRow:
    def mention(r: OwnerRow) -> str | None:
        return collected.unit_ids.get((r.start, r.end, r.name, r.implied))

    def label(r: OwnerRow) -> str:
        text = f"{r.path or ''} {r.title or ''}".strip() or "(no heading)"
        if r.targets:
            text += f" ({counted(len(r.targets), 'target')})"
        if r.implied:
            text += " (implied)"
        return text

    roles = [[(label(r), mention(r)) for r in rows if r.role == role] for role in ROLES]
    targets = sum(len(r.targets) for r in rows)
    return UnitRow(unit, mention(rows[0]), roles, len(rows), targets)


def script_data(collected: Collected) -> dict[str, Any]:
    """What the page's script shows when an item is clicked: its heading and fields."""
    return {
        "items": {
            i.id: {"h": i.heading or i.hover, "f": [list(f) for f in i.fields]}
            for i in collected.items
            if i.anchored
        }
    }
