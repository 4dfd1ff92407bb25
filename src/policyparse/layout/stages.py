"""The layout stage as the pipeline runs it (pipeline.STAGES): blocks, furniture, repairs,
roles, tables."""

from __future__ import annotations

from ..diagnostics import Issue
from ..inputs.read import Loaded
from .blocks import Block, split_blocks
from .furniture import Piece, set_aside_furniture
from .plan import PlanText, close_gaps, plan_blocks, plan_furniture, plan_issues
from .repair import Gap, join_wrapped, unglue, unwrap
from .roles import assign_roles
from .tables import Row
from .tables import find as find_tables


def cut_blocks(folded: str, loaded: Loaded) -> tuple[list[Block], list[Piece]]:
    """One block per non-blank line; page furniture set aside (a PDF's page by page)."""
    blocks = split_blocks(folded)
    return set_aside_furniture(folded, blocks, loaded.text, loaded.pages, loaded.margins)


def repair_blocks(
    loaded: Loaded, folded: str, blocks: list[Block]
) -> tuple[list[Block], int, list[Gap]]:
    """Wrapped lines joined (a PDF's by its margins, other text by a common width, which
    the ``hard_wrap`` diagnostic counts); headings glued to the text before them split off."""
    if loaded.margins is not None:
        blocks, gaps = join_wrapped(loaded.text, folded, blocks, loaded.margins)
        joins = 0  # a PDF's lines wrap by nature: nothing to report
    else:
        blocks, gaps = unwrap(folded, blocks)
        joins = len(gaps)
    return unglue(folded, blocks), joins, gaps


def plan_text(
    loaded: Loaded,
    source: str,
    folded: str,
    blocks: list[Block],
    furniture: list[Piece],
    gaps: list[Gap],
    issues: list[Issue],
) -> tuple[str, str, list[Block], list[Piece], list[Issue], PlanText | None]:
    """The plan's text: the gaps inside joined paragraphs closed (layout.plan).

    Every later stage reads it; the Document's spans are mapped back to the source.
    """
    if not gaps:
        return source, folded, blocks, furniture, issues, None
    # A PDF's lines break between words; a hard-wrapped copy's anywhere.
    plan_source, plan_folded, text = close_gaps(source, folded, gaps, loaded.margins is not None)
    text.furniture.extend(furniture)
    return (
        plan_source,
        plan_folded,
        plan_blocks(blocks, text),
        plan_furniture(furniture, gaps, text),
        plan_issues(issues, text),
        text,
    )


def mark_roles(folded: str, blocks: list[Block]) -> list[Block]:
    """文号, signature, date, notes and 附件 lines get their fixed role."""
    assign_roles(folded, blocks)
    return blocks


def read_tables(folded: str, blocks: list[Block]) -> tuple[list[Row], list[Issue]]:
    """Tables rendered one cell per line whose rows are measures."""
    return find_tables(folded, blocks)
