"""The outline rules, in the order they are tried, one block at a time.

Each rule takes the state (builder.OutlineState) and a block with its marker
(base.Seen) and returns a Decision carrying its edits (the builder's
operations), or None to pass; ``CHAIN`` applies the edits of the first that
decides and keeps its name in the trace (``policyparse PLAN --explain``).  Two
rules only move the phase on (leave_front, leave_after_signature): their
decisions are not final, the next rule places the block.  A rule marked
``only_in`` runs only in the notice's phases it names (the chain's alternatives).

To add a rule: write it in the file of its family with a docstring naming one
block it takes and one it leaves, put it in ``RULES`` where it must run, and
add a small document that needs it to tests/test_structure.py.
"""

from __future__ import annotations

from ...ruler import Chain
from ..builder import OutlineState
from .base import PHASES, Seen, seen
from .notice import (
    addressee,
    appended_part,
    attachment,
    attachment_title,
    front_title,
    issued_part,
    leave_after_signature,
    leave_front,
    next_attachment,
    notice_part,
    plan_title,
)
from .numbering import box, numbered
from .tables import table_cell, table_part, table_row, table_value
from .text import body

RULES = (
    table_row,
    table_cell,
    table_value,
    issued_part,
    appended_part,
    attachment,
    next_attachment,
    notice_part,
    attachment_title,
    front_title,
    addressee,
    leave_front,
    plan_title,
    leave_after_signature,
    table_part,
    box,
    numbered,
    body,
)

CHAIN: Chain[OutlineState, Seen] = Chain(
    "outline", RULES, span=lambda s: (s.block.start, s.block.end), alts=PHASES
)

__all__ = ["CHAIN", "RULES", "Seen", "seen"]
