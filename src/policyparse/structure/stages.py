"""The structure stage as the pipeline runs it (pipeline.STAGES)."""

from __future__ import annotations

from ..diagnostics import Issue
from ..layout.blocks import Block
from ..layout.tables import Row
from ..ruler import Step
from ..vocab import SectionFunction
from .functions import section_functions
from .nodes import Outline
from .outline import build


def build_outline(
    source: str, folded: str, blocks: list[Block], rows: list[Row], trace: list[Step] | None
) -> tuple[Outline, list[Issue]]:
    """Blocks to the tree of sections, measures, paragraphs and attachments."""
    outline = build(source, folded, blocks, rows, trace)
    return outline, outline.issues


def mark_functions(outline: Outline) -> dict[int, SectionFunction]:
    """What each top-level section is for (goals, tasks, safeguards …), by id() of the node."""
    return section_functions(outline)
