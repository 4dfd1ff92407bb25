"""A task table whose rows print no number (its 序号 column left empty), one cell per line:
each row is its words and then its unit cells, and a row ends where a line of words follows
a unit cell.  Such rows open no measure; their units belong to the node the table stands in
(layout/tables.py: Table.loose)."""

from __future__ import annotations

from collections.abc import Callable

from ..inputs.bodies import unit_like
from ..inputs.columns import clean
from ..text.fold import compact
from .blocks import Block
from .cells import Budget, Cell
from .markers import match_marker
from .roles import opens_attachment

_WORDS_RUN = 4  # lines of words a row prints before its unit cells, at most per column
Add = Callable[[list[Cell], list[Block]], None]


def loose_rows(
    blocks: list[Block], folded: str, j: int, width: int, add: Add, budget: Budget
) -> int:
    """The rows from block *j* (see the module); where they end."""
    start = j
    units = 0
    while j < len(blocks):
        b = blocks[j]
        text = compact(folded[b.start : b.end])
        if b.role is not None or opens_attachment(text) or _heading(folded, b):
            break
        unit = unit_like(clean(text))
        if not unit and units and j > start:  # words after the unit cells: the next row
            if not _add(blocks[start:j], add, budget):
                return start
            start, units = j, 0
        elif not unit and j - start > _WORDS_RUN * width:
            break  # no unit cell in sight: the table has ended
        units += unit
        j += 1
    if units and _add(blocks[start:j], add, budget):
        return j
    return start


def _add(row: list[Block], add: Add, budget: Budget) -> bool:
    if not row or not budget.take(len(row), row[0].start):
        return False
    add([Cell(b.start, b.end) for b in row], row)
    return True


def _heading(folded: str, b: Block) -> bool:
    mk = match_marker(folded, b.start, b.end)
    return mk is not None and not mk.digit_follows and mk.style in ("cn_dun", "zh")
