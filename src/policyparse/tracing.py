"""Which rule decided what: the traces of the outline and the target reader, in text order.

``policyparse PLAN --explain`` prints one line per block (the outline rule
that placed it) and per quantity (the target rule that made it a target, a
figure, or left it out, and why).  The same lines are ``policyparse.explain``
and ``policyparse.explain_file`` in the API, for tests and for debugging a
rule on a real plan.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Literal

from .extract.gazetteer import Gazetteer
from .inputs.read import Loaded
from .pipeline import Parse, run_stages
from .structure.nodes import INode, walk

__all__ = ["Explained", "explain_loaded", "render"]


@dataclass(frozen=True, slots=True)
class Explained:
    """One decision: a block placed by an outline rule, or a quantity by a target rule."""

    what: Literal["block", "quantity"]
    span: tuple[int, int]
    line: int  # 1-based
    column: int  # 1-based, in characters
    path: str | None  # the node it belongs to (its nearest numbered ancestor for text)
    outcome: str  # block: the node kind it went to; quantity: target, parameter, baseline, skipped
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
    starts = line_starts(source)
    owners = _owners(p.outline.children)
    out: list[tuple[int, int, Explained]] = []
    for step in p.outline.trace:
        node = _owner(owners, step.start)
        line, col = position(starts, step.start)
        kind = node.kind if node is not None and node.start == step.start else "text"
        out.append(
            (
                step.start,
                0,
                Explained(
                    "block",
                    (step.start, step.end),
                    line,
                    col,
                    node.path if node is not None else None,
                    kind,
                    step.rule,
                    source[step.start : step.end],
                ),
            )
        )
    for node in walk(p.outline.children):
        ex = p.extracted.get(id(node))
        if ex is None:
            continue
        path = node.path if node.path is not None else _path_of(owners, node.start)
        for q in ex.trace:
            line, col = position(starts, q.start)
            out.append(
                (
                    q.start,
                    1,
                    Explained(
                        "quantity",
                        (q.start, q.end),
                        line,
                        col,
                        path,
                        q.outcome,
                        q.rule,
                        source[q.start : q.end],
                        q.why,
                    ),
                )
            )
    out.sort(key=lambda t: (t[0], t[1]))
    return [e for _, _, e in out]


def _path_of(owners: list[tuple[int, int, INode]], start: int) -> str | None:
    node = _owner(owners, start)
    return node.path if node is not None else None


def explain_loaded(loaded: Loaded, gazetteer: Gazetteer | None = None) -> list[Explained]:
    """Run the pipeline on decoded text and return its decisions."""
    return explain_parse(run_stages(loaded, gazetteer))


def quantity_decisions(explained: list[Explained]) -> list[tuple[int, int, str, str, str]]:
    """The target reader's decisions, as the view names them: (start, end, outcome, rule, why)."""
    return [
        (e.span[0], e.span[1], e.outcome, e.rule, e.why) for e in explained if e.what == "quantity"
    ]


def render(decisions: list[Explained]) -> str:
    """One tab-separated line per decision: where, what, node, outcome, rule, text, why."""
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
                    text.replace("\t", " ").replace("\n", " "),
                    e.why,
                )
            )
        )
    return "\n".join(lines)
