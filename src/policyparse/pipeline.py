"""The stages in the order the data flows, as one explicit list.

inputs (bytes → text, in api) → text (fold) → layout (blocks, furniture,
repairs, roles, tables) → structure (outline) → extract (metadata, units,
targets, canonical names) → model (plain data, then pydantic).

Each stage is a small function that reads and writes fields of one
``Parse`` state; ``STAGES`` lists them in order, so a newcomer (or a test)
can run the pipeline up to any stage and look at the state.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .diagnostics import Issue
from .extract import metadata, responsibility, targets
from .extract.deadlines import find_due
from .extract.gazetteer import Gazetteer, canonical_names, place_of
from .extract.gazetteer import load as load_gazetteer
from .inputs.read import Loaded
from .layout.blocks import Block, split_blocks
from .layout.furniture import Piece, set_aside_furniture
from .layout.repair import unglue, unwrap
from .layout.roles import assign_roles
from .layout.tables import Row
from .layout.tables import find as find_tables
from .model.build import (
    Extracted,
    furniture_dict,
    issue_dict,
    issue_order,
    node_dict,
    note_dict,
)
from .structure.nodes import Outline, walk
from .structure.outline import build
from .text.fold import INVISIBLE_PATTERN, fold
from .version import SCHEMA_VERSION

if TYPE_CHECKING:
    from .model.document import Document


@dataclass(slots=True)
class Parse:
    """Everything the stages know about one input, filled in stage by stage."""

    loaded: Loaded
    gazetteer: Gazetteer
    folded: str = ""
    blocks: list[Block] = field(default_factory=list)
    furniture: list[Piece] = field(default_factory=list)
    joins: int = 0
    rows: list[Row] = field(default_factory=list)
    outline: Outline | None = None
    meta: metadata.Meta | None = None
    issues: list[Issue] = field(default_factory=list)
    extracted: dict[int, Extracted] = field(default_factory=dict)
    responsibility: responsibility.State = field(default_factory=responsibility.State)
    names: dict[str, str] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return self.loaded.text


# -- text -------------------------------------------------------------------------


def fold_text(p: Parse) -> None:
    """Full-width forms folded one character for one character: offsets stay the source's."""
    p.folded = fold(p.source)
    p.issues += p.loaded.notes


# -- layout -----------------------------------------------------------------------


def cut_blocks(p: Parse) -> None:
    """One block per non-blank line; page furniture set aside."""
    p.blocks, p.furniture = set_aside_furniture(p.folded, split_blocks(p.folded), p.source)


def repair_blocks(p: Parse) -> None:
    """Hard-wrapped lines joined; headings glued to the text before them split off."""
    p.blocks, p.joins = unwrap(p.folded, p.blocks)
    p.blocks = unglue(p.folded, p.blocks)


def mark_roles(p: Parse) -> None:
    """文号, signature, date, notes and 附件 lines get their fixed role."""
    assign_roles(p.folded, p.blocks)


def read_tables(p: Parse) -> None:
    """Tables rendered one cell per line whose rows are measures."""
    p.rows, issues = find_tables(p.folded, p.blocks)
    p.issues += issues


# -- structure --------------------------------------------------------------------


def build_outline(p: Parse) -> None:
    """Blocks to the tree of sections, measures, paragraphs and attachments."""
    p.outline = build(p.source, p.folded, p.blocks, p.rows)
    p.issues += p.outline.issues


# -- extract ----------------------------------------------------------------------


def read_metadata(p: Parse) -> None:
    """Title, 文号, issuer, dates, doc type and horizon."""
    assert p.outline is not None
    p.meta, issues = metadata.extract(
        p.source, p.folded, p.blocks, p.furniture, p.outline, p.loaded.meta
    )
    p.issues += issues


def check_text(p: Parse) -> None:
    """Whole-input diagnostics: wraps joined, brackets that do not pair, no structure."""
    assert p.outline is not None
    if p.joins:
        p.issues.append(
            Issue(
                "hard_wrap",
                f"{p.joins} lines hard-wrapped at a fixed width were joined",
                None,
                "info",
            )
        )
    invisible = [m.start() for m in INVISIBLE_PATTERN.finditer(p.source)]
    if invisible:
        p.issues.append(
            Issue(
                "invisible_characters",
                f"{len(invisible)} invisible or control characters (zero-width, bidi, soft "
                "hyphen, C0/C1 controls) were read as spaces",
                (invisible[0], invisible[0] + 1),
                "warning",
            )
        )
    opened, closed = p.folded.count("("), p.folded.count(")")
    if opened != closed:
        p.issues.append(
            Issue(
                "unbalanced_brackets",
                f"{opened} opening and {closed} closing round brackets",
                None,
                "info",
            )
        )
    if not p.source.strip():
        p.issues.append(Issue("empty", "the input holds no text", None))
    elif not any(n.kind != "paragraph" for n in p.outline.children):
        p.issues.append(
            Issue("no_structure", "no numbered headings found; paragraphs only", None, "info")
        )


def extract_nodes(p: Parse) -> None:
    """Units and targets of every node, in document order (notes carry forward)."""
    assert p.outline is not None and p.meta is not None
    dated = p.meta.signed or p.meta.published
    doc_year = dated.year if dated else None
    state = p.responsibility
    known = p.gazetteer.known
    bodies = p.gazetteer.words()
    source, folded = p.source, p.folded
    nothing = Extracted()  # a notice part (title, signature …) holds no units or targets
    under_conditions: set[int] = set()
    for node in walk(p.outline.children):
        inherited = id(node) in under_conditions
        if not inherited and targets.heads_conditions(
            folded, node.title_span, node.text_start, node.text_end
        ):
            # An inherited node's descendants are marked already, with its ancestor's.
            under_conditions.update(id(n) for n in walk(node.children))
        if node.kind == "paragraph" and node.role is not None:
            p.extracted[id(node)] = nothing
            continue
        implied = list(state.applies_below) if node.kind != "paragraph" else []
        mentions = responsibility.find_mentions(
            source, folded, node.text_start, node.text_end, state, known
        )
        for start, end, role in node.table_units:
            mentions.extend(responsibility.bodies_in(source, folded, start, end, role, known))
        body_start = None
        if node.title_span and node.title_span[1] < node.text_end:
            # After a run-in title (促进充分就业。…) the body opens a paragraph.
            body_start = node.title_span[1] + 1
        conditions_at = targets.conditions_from(folded, node.text_start, node.text_end, inherited)
        reading = targets.read(
            source,
            folded,
            node.text_start,
            node.text_end,
            doc_year,
            body_start,
            bodies,
            conditions_at,
        )
        due = find_due(folded, node.text_start, node.text_end)
        p.extracted[id(node)] = Extracted(mentions, implied, reading.found, reading.trace, due)


def name_units(p: Parse) -> None:
    """One canonical name per body, with the document's own place."""
    assert p.meta is not None
    mentions = (m for ex in p.extracted.values() for m in ex.mentions + ex.implied)
    p.names = canonical_names(mentions, p.gazetteer, place_of(p.meta.issuer))


Stage = Callable[[Parse], None]

STAGES: tuple[Stage, ...] = (
    fold_text,
    cut_blocks,
    repair_blocks,
    mark_roles,
    read_tables,
    build_outline,
    read_metadata,
    check_text,
    extract_nodes,
    name_units,
)


# -- model ------------------------------------------------------------------------


def to_dict(p: Parse, with_text: bool) -> dict[str, Any]:
    """The Document as plain data, every field present, in the model's order."""
    assert p.outline is not None and p.meta is not None
    meta, source, loaded = p.meta, p.source, p.loaded
    return {
        "schema_version": SCHEMA_VERSION,
        "title": meta.title,
        "title_span": meta.title_span,
        "plan_title": meta.plan_title,
        "doc_number": meta.doc_number,
        "issuer": meta.issuer,
        "published": meta.published,
        "signed": meta.signed,
        "doc_type": meta.doc_type,
        "horizon": meta.horizon,
        "source": {
            "path": loaded.path,
            "format": loaded.format,
            "encoding": loaded.encoding,
            "sha256": loaded.sha256,
        },
        "children": [node_dict(n, source, p.extracted, p.names) for n in p.outline.children],
        "furniture": [furniture_dict(piece, source) for piece in p.furniture],
        "responsibility_notes": [note_dict(n, source) for n in p.responsibility.notes],
        "diagnostics": [issue_dict(i) for i in sorted(p.issues, key=issue_order)],
        "text": source if with_text else None,
    }


_gc_lock = threading.Lock()
_gc_holders = 0  # parses running with the collector held off
_gc_was_on = False  # whether it was on when the first of them began


@contextmanager
def _no_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector off while a parse builds its objects.

    A parse allocates many small objects and makes no reference cycles; on a
    large input the collector's repeated full passes over them cost nearly as
    much as the parse itself.  Parses in several threads share one count: the
    first turns the collector off, the last turns it back on if it was on, so
    overlapping parses never leave it off (each reading ``gc.isenabled()`` for
    itself would see another's "off" and keep it).
    """
    global _gc_holders, _gc_was_on
    with _gc_lock:
        if _gc_holders == 0:
            _gc_was_on = gc.isenabled()
            gc.disable()
        _gc_holders += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0 and _gc_was_on:
                gc.enable()


def run_stages(loaded: Loaded, gazetteer: Gazetteer | None = None) -> Parse:
    """Run every stage on decoded text; the state they leave behind."""
    p = Parse(loaded, gazetteer or load_gazetteer())
    for stage in STAGES:
        stage(p)
    return p


def document_dict(
    loaded: Loaded,
    *,
    with_text: bool = False,
    gazetteer: Gazetteer | None = None,
) -> dict[str, Any]:
    """The Document as plain data, every field present, in the model's order."""
    with _no_gc():
        return to_dict(run_stages(loaded, gazetteer), with_text)


def run(
    loaded: Loaded,
    *,
    with_text: bool = False,
    gazetteer: Gazetteer | None = None,
) -> Document:
    """Parse decoded text into a Document."""
    return run_traced(loaded, with_text=with_text, gazetteer=gazetteer)[0]


def run_traced(
    loaded: Loaded,
    *,
    with_text: bool = False,
    gazetteer: Gazetteer | None = None,
) -> tuple[Document, Parse]:
    """The Document and the state that made it, whose trace names every rule (tracing)."""
    from .model.document import Document

    with _no_gc():
        p = run_stages(loaded, gazetteer)
        return Document.model_validate(to_dict(p, with_text)), p
