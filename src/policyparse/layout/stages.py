"""The layout stage as the pipeline runs it (pipeline.STAGES): blocks, furniture, repairs,
roles, tables."""

from __future__ import annotations

from ..diagnostics import Issue
from .blocks import Block, split_blocks
from .furniture import Piece, set_aside_furniture
from .repair import unglue, unwrap
from .roles import assign_roles
from .tables import Row
from .tables import find as find_tables


def cut_blocks(folded: str, source: str) -> tuple[list[Block], list[Piece]]:
    """One block per non-blank line; page furniture set aside."""
    return set_aside_furniture(folded, split_blocks(folded), source)


def repair_blocks(folded: str, blocks: list[Block]) -> tuple[list[Block], int]:
    """Hard-wrapped lines joined; headings glued to the text before them split off."""
    blocks, joins = unwrap(folded, blocks)
    return unglue(folded, blocks), joins


def mark_roles(folded: str, blocks: list[Block]) -> list[Block]:
    """文号, signature, date, notes and 附件 lines get their fixed role."""
    assign_roles(folded, blocks)
    return blocks


def read_tables(folded: str, blocks: list[Block]) -> tuple[list[Row], list[Issue]]:
    """Tables rendered one cell per line whose rows are measures."""
    return find_tables(folded, blocks)
