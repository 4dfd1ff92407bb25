"""Every table printed in a text, of every form: each form's reader, one read per stretch.

The readers each know one way a table reaches us in text (docs/structure.md, "Tables"):
pipe, tab and bar-line rows (layout/cells.py, tables printed sideways turned upright by
layout/sideways.py), one cell per line under a header (layout/lines.py), indicator rows
ended by their 属性 word (layout/attributed.py), task rows numbered in their first cell
(layout/keyed.py), member units and their duties (layout/duties.py), numbered rows whose
header was lost (layout/headless.py), rows one space apart (layout/spacedrows.py),
indicator rows of a name and its figures (layout/figured.py), rows whose cells were
printed with nothing between them (layout/gluedrows.py), assessed targets with a score
column (layout/scored.py), targets assigned to bodies one row per line
(layout/assigned.py), cells opened by pipes one per line (layout/openpipes.py),
targets assigned to bodies in cells closed by pipes (layout/closedpipes.py).
Where two read the same stretch, the one that starts first keeps it.
"""

from __future__ import annotations

from .assigned import assigned_tables
from .attributed import attribute_tables
from .blocks import Block
from .cells import Budget, TextTable, text_tables
from .closedpipes import closed_pipe_tables
from .duties import duty_tables
from .figured import figured_tables
from .gluedrows import glued_row_tables
from .headless import headless_tables
from .keyed import keyed_tables
from .linetables import line_tables
from .openpipes import opened_pipe_tables
from .scored import scored_tables
from .sideways import card_tables, upright
from .spacedrows import spaced_row_tables


def _apart(tables: list[TextTable]) -> list[TextTable]:
    """The tables in order, one read per stretch of text: a table that starts inside an
    earlier one (read by another form's reader) is dropped."""
    out: list[TextTable] = []
    for t in tables:
        if not out or t.start >= out[-1].end:
            out.append(t)
    return out


def printed_tables(
    source: str, folded: str, blocks: list[Block], budget: Budget | None = None
) -> list[TextTable]:
    """Every table printed in the text, of every form, in order (one form per stretch)."""
    budget = Budget() if budget is None else budget
    return _apart(
        sorted(
            opened_pipe_tables(folded, blocks, budget)
            + closed_pipe_tables(folded, blocks, budget)
            + [u for t in text_tables(source, folded, blocks, budget) for u in upright(folded, t)]
            + line_tables(folded, blocks, budget)
            + attribute_tables(folded, blocks, budget)
            + keyed_tables(folded, blocks, budget)
            + duty_tables(folded, blocks, budget)
            + headless_tables(folded, blocks, budget)
            + card_tables(folded, blocks, budget)
            + spaced_row_tables(folded, blocks, budget)
            + figured_tables(folded, blocks, budget)
            + glued_row_tables(folded, blocks, budget)
            + scored_tables(folded, blocks, budget)
            + assigned_tables(folded, blocks, budget),
            key=lambda t: t.start,
        )
    )
