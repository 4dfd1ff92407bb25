"""The structure stage as the pipeline runs it (pipeline.STAGES)."""

from __future__ import annotations

from ..diagnostics import Issue
from ..layout.blocks import Block
from ..layout.tablemodel import Row, Table
from ..ruler import Step
from ..text.fold import compact
from ..vocab import SectionFunction
from .functions import section_functions
from .nodes import Outline, walk
from .outline import build


def build_outline(
    source: str,
    folded: str,
    blocks: list[Block],
    rows: list[Row],
    trace: list[Step] | None,
    tables: list[Table],
) -> tuple[Outline, list[Issue]]:
    """Blocks to the tree of sections, measures, paragraphs and attachments."""
    outline = build(source, folded, blocks, rows, trace, tables)
    _unmarked_titles(source, folded, outline)
    return outline, outline.issues


def mark_functions(outline: Outline) -> dict[int, SectionFunction]:
    """What each top-level section is for (goals, tasks, safeguards …), by id() of the node."""
    return section_functions(outline)


def _unmarked_titles(source: str, folded: str, outline: Outline) -> None:
    """Titles without the markdown marks the folded text blanked (**（一）目标**)."""
    for node in walk(outline.children):
        if node.title is None or node.title_span is None:
            continue
        a, b = node.title_span
        if folded[a:b] == source[a:b]:
            continue
        kept = (
            s for s, f in zip(source[a:b], folded[a:b], strict=True) if f != " " or s not in "*#_"
        )
        node.title = compact("".join(kept))
