"""The layout stage as the pipeline runs it (pipeline.STAGES): blocks, furniture, repairs,
roles, tables."""

from __future__ import annotations

from ..diagnostics import Issue
from ..inputs.read import Loaded
from .blocks import Block, split_blocks, trim_cell_pipes
from .furniture import Piece, set_aside_furniture
from .gluedrows import glued_table_blocks
from .plan import PlanText, close_gaps, plan_blocks, plan_furniture, plan_issues
from .repair import Gap, join_wrapped, unglue, unwrap
from .roles import assign_roles
from .spacedrows import glued_headers
from .tablemodel import Row, Table
from .tables import find as find_tables


def cut_blocks(folded: str, loaded: Loaded) -> tuple[list[Block], list[Piece]]:
    """One block per non-blank line; page furniture set aside (a PDF's page by page)."""
    blocks = glued_headers(folded, trim_cell_pipes(folded, split_blocks(folded)))
    blocks = glued_table_blocks(folded, blocks)
    return set_aside_furniture(folded, blocks, loaded.text, loaded.pages, loaded.margins)


def repair_blocks(
    loaded: Loaded, folded: str, blocks: list[Block], tables: list[Table]
) -> tuple[list[Block], int, list[Gap]]:
    """Wrapped lines joined (a PDF's by its margins, other text by a common width, which
    the ``hard_wrap`` diagnostic counts); headings glued to the text before them split off.

    The lines of a table read are left as they are: a row is no wrapped line.
    """
    keep = {id(b) for t in tables if t.columns for b in t.blocks}
    out: list[Block] = []
    gaps: list[Gap] = []
    run: list[Block] = []
    for b in [*blocks, None]:
        if b is not None and id(b) not in keep:
            run.append(b)
            continue
        if run:
            fixed, found = _join(loaded, folded, run)
            out.extend(unglue(folded, fixed))
            gaps.extend(found)
            run = []
        if b is not None:
            out.append(b)
    joins = 0 if loaded.margins is not None else len(gaps)  # a PDF's lines wrap by nature
    return out, joins, gaps


def _join(loaded: Loaded, folded: str, blocks: list[Block]) -> tuple[list[Block], list[Gap]]:
    """One run of lines outside tables joined where they wrap."""
    if loaded.margins is not None:
        return join_wrapped(loaded.text, folded, blocks, loaded.margins)
    return unwrap(folded, blocks)


Planned = tuple[
    str, str, list[Block], list[Piece], list[Issue], PlanText | None, list[Row], list[Table]
]


def plan_text(
    loaded: Loaded,
    source: str,
    folded: str,
    blocks: list[Block],
    furniture: list[Piece],
    gaps: list[Gap],
    issues: list[Issue],
    rows: list[Row],
    tables: list[Table],
) -> tuple[
    str, str, list[Block], list[Piece], list[Issue], PlanText | None, list[Row], list[Table]
]:
    """The plan's text: the gaps inside joined paragraphs closed (layout.plan).

    Every later stage reads it; the Document's spans are mapped back to the source.
    The tables, whose lines are never joined, are read again in the plan's offsets
    (their diagnostics were given the first time).
    """
    if not gaps:
        return source, folded, blocks, furniture, issues, None, rows, tables
    # A PDF's lines break between words; a hard-wrapped copy's anywhere.
    plan_source, plan_folded, text = close_gaps(source, folded, gaps, loaded.margins is not None)
    text.furniture.extend(furniture)
    moved = plan_blocks(blocks, text)
    if tables:
        rows, tables, _ = find_tables(plan_source, plan_folded, moved)
    return (
        plan_source,
        plan_folded,
        moved,
        plan_furniture(furniture, gaps, text),
        plan_issues(issues, text),
        text,
        rows,
        tables,
    )


def mark_roles(folded: str, blocks: list[Block], tables: list[Table]) -> list[Block]:
    """文号, signature, date, notes and 附件 lines get their fixed role (a 附件： alone opens
    an annex where a table is read below its title)."""
    assign_roles(folded, blocks, frozenset(t.blocks[0].start for t in tables if t.blocks))
    return blocks


def read_tables(
    source: str, folded: str, blocks: list[Block]
) -> tuple[list[Row], list[Table], str, list[Issue]]:
    """Tables in any text form: task rows (measures), indicator targets, the cells.

    In the folded text the bars and tabs between the cells of a table read become
    ``;``, so a cell's sentence ends at its cell for every later pattern.
    """
    rows, tables, issues = find_tables(source, folded, blocks)
    if tables:
        folded = _cell_borders(source, folded, tables)
    return rows, tables, folded, issues


def _cell_borders(source: str, folded: str, tables: list[Table]) -> str:
    """Everything on a table's lines outside its cells (bars, tabs, padding) made ``;``.

    Built from slices of *folded* (not a list of its characters, which for Chinese text
    costs some 80 bytes a character).
    """
    pieces: list[str] = []
    done = 0  # folded is copied into pieces up to here
    for table in tables:
        if table.form == "lines" or not table.columns:
            continue
        cells = sorted((a, b) for a, b, _ in table.cells if b > a)
        k = 0
        for blk in table.blocks:
            pos = blk.start
            while k < len(cells) and cells[k][1] <= pos:
                k += 1
            while pos < blk.end:
                if k < len(cells) and cells[k][0] <= pos < cells[k][1]:
                    pos = cells[k][1]
                    k += pos <= blk.end  # a cell over two lines (区财政局 / 区税务局) goes on
                    continue
                stop = min(cells[k][0], blk.end) if k < len(cells) else blk.end
                pieces += (folded[done:pos], ";" * (stop - pos))
                done = pos = stop
    pieces.append(folded[done:])
    return "".join(pieces)
