"""Finding the tables printed one cell per line and reading each from its header: a header
opened by its serial label (序号, or group columns and then 序号), one printing no 序号 over
numbered rows (layout/unnumbered.py), a table of projects with no 序号
(layout/projectlines.py); the rows are read line by line by layout/lines.py."""

from __future__ import annotations

from ..inputs.columns import column, serial_label
from ..text.fold import compact
from .blankcells import BlankCells, blank_cells
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow
from .linecells import (
    group_cell_out,
    header_cells,
    header_end,
    header_start,
    without_group_header,
    years_under_group,
    years_under_labels,
)
from .lines import Rows, rows_from
from .loose import loose_rows
from .paragraphs import Paragraphs, spaced
from .projectlines import project_table
from .unnumbered import unnumbered_header
from .wraplabels import header_fitted


def _text(folded: str, b: Block | Cell) -> str:
    return compact(folded[b.start : b.end])


def line_tables(folded: str, blocks: list[Block], budget: Budget | None = None) -> list[TextTable]:
    """Every table rendered one cell per line under a header of column labels (within *budget*)."""
    budget = Budget() if budget is None else budget
    tables: list[TextTable] = []
    i = floor = 0
    n = len(blocks)
    paras: Paragraphs | None = None
    while i < n and not budget.spent:
        if not serial_label(_text(folded, blocks[i])):
            found = _unnumbered(folded, blocks, i, budget)
            if found is None and column(_text(folded, blocks[i])).kind == "project":
                head_end = header_end(folded, blocks, i)
                projects, end = project_table(folded, blocks, i, head_end, budget)
                found = None if projects is None else (projects, end)
            if found is not None:
                tables.append(found[0])
                i = floor = found[1]
                continue
            i += 1
            continue
        start = max(header_start(folded, blocks, i), floor)
        j = header_end(folded, blocks, i)
        if j - start < 3:
            i = j
            continue
        j = group_cell_out(folded, blocks, start, i, j)
        head = blocks[start:j]
        if not budget.take(len(head), head[0].start):
            break
        layout = None
        if spaced(folded, head):
            paras = layout = paras or Paragraphs(folded, blocks)
        table, end = _table_under(folded, blocks, (start, i, j), budget, layout)
        if len(table.rows) > 1:
            tables.append(table)
            floor = end
        i = max(end, i + 1)
    return tables


def _unnumbered(
    folded: str, blocks: list[Block], i: int, budget: Budget
) -> tuple[TextTable, int] | None:
    """A task table whose header prints no 序号 over numbered rows (layout/unnumbered.py),
    read from its header's serial column on; the line its rows end at."""
    found = unnumbered_header(folded, blocks, i)
    if found is None:
        return None
    head, cells, cols, j = found
    table = TextTable("lines", [TRow(cells, head)], head)
    table.columns = cols
    r = Rows(folded, blocks, table, len(cells), 0, budget)
    r.tasks = True
    return table, _read(r, None, j, len(blocks))


def _table_under(
    folded: str,
    blocks: list[Block],
    where: tuple[int, int, int],
    budget: Budget,
    paras: Paragraphs | None,
) -> tuple[TextTable, int]:
    """The table whose header runs over lines [start, j) with its serial label at line i
    (*where*), read by line, by paragraph (*paras*: labels a blank line apart) or with its
    blank lines as empty cells (layout/blankcells.py); the line its rows end at."""
    start, i, j = where
    head = blocks[start:j]
    cells = header_cells(folded, head) if paras is None else paras.cells(start, j)
    cells = years_under_labels(folded, without_group_header(folded, cells))
    cells = years_under_group(folded, cells)
    cells = header_fitted(folded, blocks, j, cells)
    layout: Paragraphs | BlankCells | None = paras
    if paras is None and blank_cells(folded, blocks, j, len(cells) - (i - start)):
        layout = BlankCells(folded, blocks, j)  # 人均地区生产总值 / (blank) / 130000: a cell
    table = TextTable("lines", [TRow(cells, list(head))], list(head))
    r = Rows(folded, layout.units if layout else blocks, table, len(cells), i - start, budget)
    r.tasks = any(column(compact(folded[c.start : c.end])).role is not None for c in cells)
    r.attributed = column(compact(folded[cells[-1].start : cells[-1].end])).kind == "attribute"
    r.exact = table.placed = isinstance(layout, BlankCells)  # each cell under its column
    return table, _read(r, layout, j, len(blocks))


def _read(r: Rows, layout: Paragraphs | BlankCells | None, j: int, n: int) -> int:
    """The rows from line *j*, by line or (*layout*) by paragraph; the line they end at."""
    if layout is not None:
        if j not in layout.index:
            return n  # the header ends the text: no row
        r.lines = layout.lines
        j = layout.index[j]
    r.first = j
    end = rows_from(r, j)
    if end == j and r.tasks:  # no numbered row: rows whose 序号 was left empty
        end = loose_rows(r.blocks, r.folded, j, r.width, r.add, r.budget)
    if layout is None:
        return end
    return layout.first[end] if end < len(layout.first) else n
