"""The layout stage as the pipeline runs it (pipeline.STAGES): blocks, furniture, repairs,
roles, tables."""

from __future__ import annotations

from ..diagnostics import Issue
from .blocks import Block, split_blocks
from .furniture import Piece, set_aside_furniture
from .repair import unglue, unwrap
from .roles import assign_roles
from .tables import Row, Table
from .tables import find as find_tables


def cut_blocks(folded: str, source: str) -> tuple[list[Block], list[Piece]]:
    """One block per non-blank line; page furniture set aside."""
    return set_aside_furniture(folded, split_blocks(folded), source)


def repair_blocks(folded: str, blocks: list[Block], tables: list[Table]) -> tuple[list[Block], int]:
    """Hard-wrapped lines joined; headings glued to the text before them split off.

    The lines of a table read are left as they are: a row is no wrapped line.
    """
    keep = {id(b) for t in tables if t.columns for b in t.blocks}
    if not keep:
        blocks, joins = unwrap(folded, blocks)
        return unglue(folded, blocks), joins
    out: list[Block] = []
    joins = 0
    run: list[Block] = []
    for b in [*blocks, None]:
        if b is not None and id(b) not in keep:
            run.append(b)
            continue
        if run:
            fixed, n = unwrap(folded, run)
            out.extend(unglue(folded, fixed))
            joins += n
            run = []
        if b is not None:
            out.append(b)
    return out, joins


def mark_roles(folded: str, blocks: list[Block]) -> list[Block]:
    """文号, signature, date, notes and 附件 lines get their fixed role."""
    assign_roles(folded, blocks)
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
    """Everything on a table's lines outside its cells (bars, tabs, padding) made ``;``."""
    chars = list(folded)
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
                    k += 1
                    continue
                chars[pos] = ";"
                pos += 1
    return "".join(chars)
