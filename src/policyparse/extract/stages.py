"""The extract stage as the pipeline runs it (pipeline.STAGES): metadata, whole-input
checks, the units, targets and deadline of every node, canonical names."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Issue
from ..inputs.read import Loaded
from ..layout.blocks import Block
from ..layout.furniture import Piece
from ..layout.tables import Table
from ..ruler import Step
from ..structure.nodes import INode, Outline, walk
from ..text.fold import INVISIBLE_PATTERN
from . import frames, metadata, responsibility, targets
from .deadlines import Due, cell_due, find_due
from .gazetteer import Gazetteer, canonical_names, place_of
from .responsibility import Mention
from .table_targets import TableIndex, column_years

_BREAK = "<br>"  # a line break inside a markdown table's cell


@dataclass(slots=True)
class Extracted:
    """What the extract stage found in one node's own text."""

    mentions: list[Mention] = field(default_factory=list)
    implied: list[Mention] = field(default_factory=list)
    found: list[targets.Found] = field(default_factory=list)
    due: Due | None = None  # the node's own deadline (完成时限：2024年10月)


def read_metadata(
    source: str,
    folded: str,
    blocks: list[Block],
    furniture: list[Piece],
    outline: Outline,
    loaded: Loaded,
) -> tuple[metadata.Meta, list[Issue]]:
    """Title, 文号, issuer, dates, doc type and horizon."""
    return metadata.extract(source, folded, blocks, furniture, outline, loaded.meta)


def check_text(source: str, folded: str, outline: Outline, joins: int) -> list[Issue]:
    """Whole-input diagnostics: wraps joined, invisible characters, brackets that do not
    pair, no text, no structure."""
    issues = []
    if joins:
        message = f"{joins} lines hard-wrapped at a fixed width were joined"
        issues.append(Issue("hard_wrap", message, None, "info"))
    invisible = [m.start() for m in INVISIBLE_PATTERN.finditer(source)]
    if invisible:
        message = (
            f"{len(invisible)} invisible or control characters (zero-width, bidi, soft "
            "hyphen, C0/C1 controls) were read as spaces"
        )
        issues.append(
            Issue("invisible_characters", message, (invisible[0], invisible[0] + 1), "warning")
        )
    opened, closed = folded.count("("), folded.count(")")
    if opened != closed:
        message = f"{opened} opening and {closed} closing round brackets"
        issues.append(Issue("unbalanced_brackets", message, None, "info"))
    if not source.strip():
        issues.append(Issue("empty", "the input holds no text", None))
    elif not any(n.kind != "paragraph" for n in outline.children):
        message = "no numbered headings found; paragraphs only"
        issues.append(Issue("no_structure", message, None, "info"))
    return issues


@dataclass(slots=True)
class _Reading:
    """What reading the nodes in order carries: the document, and notes and conditions so far."""

    source: str
    folded: str
    doc_year: int | None
    gazetteer: Gazetteer
    trace: list[Step] | None
    tables: TableIndex
    plan_year: int | None = None  # a plan for one year (frames.plan_year)
    past: set[int] = field(default_factory=set)  # id() of nodes under a heading on the past
    carry: responsibility.State = field(default_factory=responsibility.State)
    under_conditions: set[int] = field(default_factory=set)


def extract_nodes(
    source: str,
    folded: str,
    outline: Outline,
    meta: metadata.Meta,
    gazetteer: Gazetteer,
    trace: list[Step] | None,
    tables: list[Table],
) -> tuple[dict[int, Extracted], responsibility.State]:
    """Units and targets of every node, in document order (notes carry forward)."""
    dated = meta.signed or meta.published
    index = TableIndex(source, folded, tables)
    r = _Reading(source, folded, dated.year if dated else None, gazetteer, trace, index)
    r.plan_year = frames.plan_year(meta.plan_title or meta.title)
    nothing = Extracted()  # a notice part (title, signature …) holds no units or targets
    extracted: dict[int, Extracted] = {}
    for node in walk(outline.children):
        inherited = _conditions(r, node)
        if node.kind != "paragraph" and frames.past_heading(node.title):
            r.past.add(id(node))
            r.past.update(id(n) for n in walk(node.children))
        if node.kind == "paragraph" and node.role is not None:
            extracted[id(node)] = nothing
        else:
            extracted[id(node)] = _node(r, node, inherited)
    return extracted, r.carry


def _conditions(r: _Reading, node: INode) -> bool:
    """Whether a heading above names conditions (申报条件); marks the node's descendants."""
    inherited = id(node) in r.under_conditions
    if not inherited and targets.heads_conditions(
        r.folded, node.title_span, node.text_start, node.text_end
    ):
        # An inherited node's descendants are marked already, with its ancestor's.
        r.under_conditions.update(id(n) for n in walk(node.children))
    return inherited


def _node(r: _Reading, node: INode, inherited: bool) -> Extracted:
    """The units, targets and deadline of one node's own text."""
    source, folded, start, end = r.source, r.folded, node.text_start, node.text_end
    implied = list(r.carry.applies_below) if node.kind != "paragraph" else []
    mentions = responsibility.find_mentions(
        source,
        folded,
        start,
        end,
        r.carry,
        r.gazetteer.known,
        cells=node.table_units,
        trace=r.trace,
    )
    if node.table_units:
        for m in mentions:  # a name broken over two lines of a cell: 市生态环境局<br>某某分局
            m.name = m.name.replace(_BREAK, "")
    body_start = None
    if node.title_span and node.title_span[1] < end:
        # After a run-in title (促进充分就业。…) the body opens a paragraph.
        body_start = node.title_span[1] + 1
    found = targets.read(
        source,
        folded,
        start,
        end,
        r.doc_year,
        body_start,
        r.gazetteer.words(),
        targets.conditions_from(folded, start, end, inherited),
        trace=r.trace,
    )
    found = _with_tables(r, node, found, start, end)
    frames.subject_year(found, r.trace)
    if r.plan_year is not None:
        frames.one_year(folded, start, found, r.plan_year, r.trace)
    if id(node) in r.past:
        frames.past(found, r.trace)
    due = find_due(folded, start, end) if node.table_deadline is None else None
    if node.table_deadline is not None:
        due = cell_due(folded, *node.table_deadline)
    if due is not None and r.trace is not None:
        when = "ongoing" if due.date is None else due.date.isoformat()
        r.trace.append(Step("deadline", due.rule, due.start, due.end, when))
    return Extracted(mentions, implied, found, due)


def _with_tables(r: _Reading, node: INode, found: list[targets.Found], start: int, end: int
                 ) -> list[targets.Found]:  # fmt: skip
    """Prose targets outside the tables' prose cells dropped; the tables' own targets added.

    A task row's targets take the year of their cell's column (2025年目标).
    """
    index = r.tables
    if not index.tables:
        return found
    kept = [f for f in found if not index.outside_prose(f.start)]
    column_years(kept, node.table_years)
    table = index.in_range(start, end)
    if not table:
        return kept
    if r.trace is not None:
        for f in table:
            r.trace.append(Step("targets", f.rule, f.start, f.end, "target", "an indicator row"))
    return sorted(kept + table, key=lambda f: f.start)


def name_units(
    extracted: dict[int, Extracted], meta: metadata.Meta, gazetteer: Gazetteer
) -> dict[str, str]:
    """One canonical name per body, with the document's own place."""
    mentions = (m for ex in extracted.values() for m in ex.mentions + ex.implied)
    return canonical_names(mentions, gazetteer, place_of(meta.issuer))
