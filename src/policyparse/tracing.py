"""Which rule decided what: the one trace of every chain, in text order.

``policyparse PLAN --explain`` prints one line per decision: each block (the
outline rule that placed it, and the phase changes), each quantity (the target
rule that made it a target, a figure, or left it out, and why) with the rules
that gave its comparator and year, each responsibility statement (read, or
not read) and each unit with the word that gave its role, and each node's
title and deadline.  The same lines are ``policyparse.explain`` and
``policyparse.explain_file`` in the API, for tests and for debugging a rule on
a real plan.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from typing import Literal, get_args

from .errors import shown
from .extract.gazetteer import Gazetteer
from .inputs.read import Loaded
from .layout.plan import PlanText
from .pipeline import Parse, run_stages
from .ruler import Step
from .structure.nodes import INode, walk

__all__ = ["Explained", "What", "explain_loaded", "render"]

What = Literal[
    "phase",
    "block",
    "title",
    "quantity",
    "comparator",
    "year",
    "frame",
    "statement",
    "unit",
    "deadline",
    "citation",
]
# The chain of each step, as --explain names it; the order sorts decisions at one place.
_WHAT: dict[str, What] = {
    "outline": "block",
    "title": "title",
    "targets": "quantity",
    "comparator": "comparator",
    "year": "year",
    "frames": "frame",
    "responsibility": "statement",
    "unit": "unit",
    "deadline": "deadline",
    "citations": "citation",
}
_ORDER = {what: k for k, what in enumerate(get_args(What))}


@dataclass(frozen=True, slots=True)
class Explained:
    """One decision: of which chain (what), where, in which node, its outcome, rule and why."""

    what: What
    span: tuple[int, int]
    line: int  # 1-based
    column: int  # 1-based, in characters
    path: str | None  # the node it belongs to (its nearest numbered ancestor for text)
    # block: the node kind it went to; phase: the phase entered; quantity: target,
    # parameter, baseline, skipped; comparator and year: their value; statement: read,
    # note or not_read; unit: its role; title and deadline: the form that gave them;
    # citation: citation, own_document or not_a_document.
    outcome: str
    rule: str
    text: str
    why: str = ""


def line_starts(text: str) -> list[int]:
    """Offsets where the lines of *text* start, for position()."""
    return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


def position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of *offset*."""
    k = bisect.bisect_right(starts, offset)
    return k, offset - starts[k - 1] + 1


def _owners(nodes: list[INode]) -> list[tuple[int, int, INode]]:
    """Numbered nodes as (start, end, node), outermost first, for finding a span's node."""
    return [(n.start, n.end, n) for n in walk(nodes) if n.path is not None]


def _owner(owners: list[tuple[int, int, INode]], start: int) -> INode | None:
    best: INode | None = None
    for a, b, node in owners:
        if a <= start < b or (a == start == b):
            best = node  # later in document order means deeper for nested spans
    return best


def explain_parse(p: Parse) -> list[Explained]:
    """The decisions of a finished parse, in the order of the text."""
    assert p.outline is not None
    source = p.source
    starts = line_starts(p.loaded.text)
    owners = _owners(p.outline.children)
    assert p.trace is not None, "run the stages with traced=True"
    out = [_explained(step, source, starts, owners) for step in p.trace]
    if p.plan is not None:  # decisions on the plan's text: where they are in the source
        out = [_in_source(e, p.plan, starts) for e in out]
    # Stable: decisions at one place keep the order they were taken in, by chain.
    out.sort(key=lambda e: (e.span[0], _ORDER[e.what]))
    return out


def _explained(
    step: Step,
    source: str,
    starts: list[int],
    owners: list[tuple[int, int, INode]],
) -> Explained:
    line, col = position(starts, step.start)
    what = _WHAT[step.chain]
    outcome = step.outcome
    if what == "block" and not step.final:
        what = "phase"
    node = _owner(owners, step.start)
    if what == "block" and step.final:
        outcome = node.kind if node is not None and node.start == step.start else "text"
    return Explained(
        what,
        (step.start, step.end),
        line,
        col,
        node.path if node is not None else None,
        outcome,
        step.rule,
        source[step.start : step.end],
        step.why,
    )


def _in_source(e: Explained, plan: PlanText, starts: list[int]) -> Explained:
    """A decision taken on the plan's text, placed in the source (layout.plan)."""
    span = plan.span_to_source(*e.span)
    line, col = position(starts, span[0])
    return dataclasses.replace(e, span=span, line=line, column=col)


def _path_of(owners: list[tuple[int, int, INode]], start: int) -> str | None:
    node = _owner(owners, start)
    return node.path if node is not None else None


def explain_loaded(loaded: Loaded, gazetteer: Gazetteer | None = None) -> list[Explained]:
    """Run the pipeline on decoded text and return its decisions."""
    return explain_parse(run_stages(loaded, gazetteer, traced=True))


def quantity_decisions(explained: list[Explained]) -> list[tuple[int, int, str, str, str]]:
    """The target reader's decisions, as the view names them: (start, end, outcome, rule, why)."""
    return [
        (e.span[0], e.span[1], e.outcome, e.rule, e.why) for e in explained if e.what == "quantity"
    ]


def render(decisions: list[Explained]) -> str:
    """One tab-separated line per decision: where, what, node, outcome, rule, text, why.

    The text and the why quote the document: their control characters are escaped
    (errors.shown), so an ESC or OSC sequence in a plan cannot drive a terminal.
    """
    lines = ["where\twhat\tpath\toutcome\trule\ttext\twhy"]
    for e in decisions:
        text = e.text if len(e.text) <= 40 else e.text[:39] + "…"
        lines.append(
            "\t".join(
                (
                    f"{e.line}:{e.column}",
                    e.what,
                    e.path or "-",
                    e.outcome,
                    e.rule,
                    shown(text.replace("\t", " ").replace("\n", " ")),
                    shown(e.why),
                )
            )
        )
    return "\n".join(lines)
