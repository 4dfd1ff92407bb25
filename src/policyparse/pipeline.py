"""The stages in the order the data flows, as one explicit list that declares what each
stage reads and writes (spaCy's ``requires``/``assigns``).

inputs (bytes → text, in api) → text (fold) → layout (blocks, furniture,
repairs, roles, tables) → structure (outline) → extract (metadata, units,
targets, canonical names) → model (plain data, then pydantic).

Each stage is a function in its stage's folder (``<stage>/stages.py``); here it is
only named, with the ``Parse`` fields it reads (its parameters, in order) and the
fields its result fills.  ``tests/test_pipeline.py`` checks that every field a
stage reads was written by an earlier stage (or is given), so a newcomer (or a
test) can run the pipeline up to any stage and look at the state.
"""

from __future__ import annotations

import dataclasses
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .diagnostics import Issue
from .extract import responsibility
from .extract.citations import Cited
from .extract.gazetteer import Gazetteer
from .extract.gazetteer import load as load_gazetteer
from .extract.metadata import Meta
from .extract.stages import (
    Extracted,
    check_text,
    extract_nodes,
    name_units,
    read_citations,
    read_metadata,
)
from .inputs.read import Loaded
from .layout.blocks import Block
from .layout.furniture import Piece
from .layout.plan import PlanText
from .layout.repair import Gap
from .layout.stages import cut_blocks, mark_roles, plan_text, read_tables, repair_blocks
from .layout.tablemodel import Row, Table
from .model import remap
from .model.build import document_dict as build_dict
from .ruler import Step
from .structure.nodes import Outline
from .structure.stages import build_outline, mark_functions
from .text.stages import fold_text
from .vocab import SectionFunction

if TYPE_CHECKING:
    from .model.document import Document


@dataclass(slots=True)
class Parse:
    """Everything the stages know about one input, filled in stage by stage."""

    loaded: Loaded
    gazetteer: Gazetteer
    trace: list[Step] | None = None  # every rule's decision; None: not kept (a plain parse)
    folded: str = ""
    blocks: list[Block] = field(default_factory=list)
    furniture: list[Piece] = field(default_factory=list)
    joins: int = 0
    gaps: list[Gap] = field(default_factory=list)
    plan: PlanText | None = None  # the way back to the source, where gaps were closed
    rows: list[Row] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    outline: Outline | None = None
    meta: Meta | None = None
    issues: list[Issue] = field(default_factory=list)
    extracted: dict[int, Extracted] = field(default_factory=dict)
    responsibility: responsibility.State = field(default_factory=responsibility.State)
    names: dict[str, str] = field(default_factory=dict)
    functions: dict[int, SectionFunction] = field(default_factory=dict)
    citations: list[Cited] = field(default_factory=list)
    # The text the stages read: the source, then the plan's text (layout.plan).
    source: str = ""

    def __post_init__(self) -> None:
        if not self.source:
            self.source = self.loaded.text


GIVEN = ("loaded", "gazetteer", "trace", "source")  # what a Parse holds before any stage


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of the pipeline: its function, the fields it reads, the fields it fills.

    The function takes the *reads* in order and returns the *writes* (a tuple when
    several), then the lists it adds to *appends* (the diagnostics).  A stage that
    traces reads ``trace`` and adds its steps to that list itself.
    """

    fn: Callable[..., Any]
    reads: tuple[str, ...]
    writes: tuple[str, ...] = ()
    appends: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.fn.__name__

    def run(self, p: Parse) -> None:
        result = self.fn(*(getattr(p, name) for name in self.reads))
        outputs = self.writes + self.appends
        values = result if len(outputs) > 1 else (result,)
        for name, value in zip(outputs, values, strict=True):
            if name in self.appends:
                getattr(p, name).extend(value)
            else:
                setattr(p, name, value)


STAGES: tuple[Stage, ...] = (
    # text: full-width forms folded, offsets kept
    Stage(fold_text, ("loaded",), ("folded",), ("issues",)),
    # layout: blocks, furniture set aside, wraps joined, roles, tables
    Stage(cut_blocks, ("folded", "loaded"), ("blocks", "furniture")),
    Stage(read_tables, ("source", "folded", "blocks"), ("rows", "tables", "folded"), ("issues",)),
    Stage(repair_blocks, ("loaded", "folded", "blocks", "tables"), ("blocks", "joins", "gaps")),
    # the plan's text: the gaps inside joined paragraphs closed, the map back kept
    Stage(
        plan_text,
        ("loaded", "source", "folded", "blocks", "furniture", "gaps", "issues", "rows", "tables"),
        ("source", "folded", "blocks", "furniture", "issues", "plan", "rows", "tables"),
    ),
    Stage(mark_roles, ("folded", "blocks", "tables"), ("blocks",)),
    # structure: the tree
    Stage(
        build_outline,
        ("source", "folded", "blocks", "rows", "trace", "tables"),
        ("outline",),
        ("issues",),
    ),
    Stage(mark_functions, ("outline",), ("functions",)),
    # extract: metadata, whole-input checks, every node's units and targets, names
    Stage(
        read_metadata,
        ("source", "folded", "blocks", "furniture", "outline", "loaded"),
        ("meta",),
        ("issues",),
    ),
    Stage(read_citations, ("source", "folded", "outline", "meta", "trace"), ("citations",)),
    Stage(check_text, ("source", "folded", "outline", "joins"), (), ("issues",)),
    Stage(
        extract_nodes,
        ("source", "folded", "outline", "meta", "gazetteer", "trace", "tables"),
        ("extracted", "responsibility"),
        ("issues",),
    ),
    Stage(name_units, ("extracted", "meta", "gazetteer"), ("names",)),
)


def to_dict(p: Parse, with_text: bool) -> dict[str, Any]:
    """The Document as plain data (model.build), from a finished parse."""
    assert p.outline is not None and p.meta is not None
    # Built from the plan's text, then mapped back to the source (model.remap).
    loaded = p.loaded if p.plan is None else dataclasses.replace(p.loaded, text=p.source)
    d = build_dict(
        loaded,
        p.meta,
        p.outline,
        p.extracted,
        p.names,
        p.functions,
        p.furniture,
        p.responsibility,
        p.citations,
        p.issues,
        with_text,
    )
    if p.plan is not None:
        remap.to_source(d, p.plan, with_text)
    remap.add_pages(d, p.loaded.pages)
    return d


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


def run_stages(
    loaded: Loaded, gazetteer: Gazetteer | None = None, *, traced: bool = False
) -> Parse:
    """Run every stage on decoded text; the state they leave behind (with its trace if asked)."""
    p = Parse(loaded, gazetteer or load_gazetteer(), [] if traced else None)
    for stage in STAGES:
        stage.run(p)
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
    return _run(loaded, with_text, gazetteer, traced=False)[0]


def run_traced(
    loaded: Loaded,
    *,
    with_text: bool = False,
    gazetteer: Gazetteer | None = None,
) -> tuple[Document, Parse]:
    """The Document and the state that made it, whose trace names every rule (tracing)."""
    return _run(loaded, with_text, gazetteer, traced=True)


def _run(
    loaded: Loaded, with_text: bool, gazetteer: Gazetteer | None, traced: bool
) -> tuple[Document, Parse]:
    from .export import notebook  # noqa: F401  (registers how Jupyter shows a Document)
    from .model.document import Document

    with _no_gc():
        p = run_stages(loaded, gazetteer, traced=traced)
        return Document.model_validate(to_dict(p, with_text)), p
