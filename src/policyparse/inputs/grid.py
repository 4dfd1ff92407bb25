"""A table of a web page or Word file as tab-separated lines, merged cells laid out.

Both readers give each table row one line, its cells separated by tabs, so the layout
stage reads every table the same way (layout.cells, the tab form).  A cell's own
lines (paragraphs, line breaks) are joined by ``；`` where the line does not end a
sentence already, so each stays a clause of its own (改造管网20公里；新建泵站2座) and
units printed one per line stay apart.  A merged cell is laid out
as a grid would show it: a cell spanning rows (rowspan, w:vMerge) is printed again
on each row it covers, so each row carries its 序号, its task and its units; a cell
spanning columns (colspan, w:gridSpan) is followed by empty cells, so the columns
keep their places.  Spans are capped (``MAX_SPAN``) so a hostile file cannot make a
small table print a huge one.

Only a table whose header (one of its first rows) makes it a table of tasks,
indicators or projects (inputs.columns) is laid out so; any other table (a page laid
out in a table, a table of criteria whose cells are headings) is read as one line per
cell, as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .bodies import SAMPLE_ROWS, settle_bodies
from .columns import assigned_at, header_at, kind

MAX_SPAN = 1000  # rows or columns one merged cell may cover
HEADER_ROWS = 4  # the header is one of a table's first rows


@dataclass(slots=True)
class GridCell:
    """A cell as the file states it: its text and how many rows and columns it covers."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    continues: bool = False  # Word's w:vMerge without "restart": the cell above goes on


@dataclass(slots=True)
class Grid:
    """The rows of one table, cells in order."""

    rows: list[list[GridCell]] = field(default_factory=list)

    def is_data(self) -> bool:
        """A table of tasks, indicators or projects by its header, rows after it (a column
        of bodies under no unit header makes a table of tasks too: inputs.bodies), or of
        targets assigned to bodies (inputs.columns.assigned_at)."""
        if len(self.rows) < 2:
            return False
        laid = [line.split("\t") for line in lines(Grid(self.rows[:SAMPLE_ROWS]))]
        found = header_at(laid[:HEADER_ROWS])
        if found is not None:
            h, cols = found
            settle_bodies(cols, laid[h + 1 :])
            if kind(cols) != "other":
                return True
        return assigned_at(laid, HEADER_ROWS) is not None  # 地区 | 指标甲 | 指标乙


_ENDS = frozenset("。；;，,、：:")


def one_line(text: str) -> str:
    """A cell's text on one line: its lines joined as clauses, tabs made spaces."""
    parts = [p.strip() for p in text.replace("\t", " ").split("\n") if p.strip()]
    out = ""
    for part in parts:
        out += part if not out or out[-1] in _ENDS else "；" + part
    return out


def lines(grid: Grid) -> list[str]:
    """One tab-separated line per row, merged cells laid out (see the module's doc)."""
    out: list[str] = []
    above: dict[int, tuple[str, int]] = {}  # column → (text, rows it still covers)
    for row in grid.rows:
        cells: dict[int, str] = {}
        for col, (text, left) in list(above.items()):
            cells[col] = text
            if left <= 1:
                del above[col]
            else:
                above[col] = (text, left - 1)
        col = 0
        for cell in row:
            while col in cells:
                col += 1
            text = one_line(cell.text)
            if cell.continues:
                cells[col] = _above(out, col)
            else:
                cells[col] = text
            rows = min(max(cell.rowspan, 1), MAX_SPAN)
            if rows > 1:
                above[col] = (text, rows - 1)
            for extra in range(1, min(max(cell.colspan, 1), MAX_SPAN)):
                cells.setdefault(col + extra, "")
            col += min(max(cell.colspan, 1), MAX_SPAN)
        width = max(cells, default=-1) + 1
        out.append("\t".join(cells.get(k, "") for k in range(width)))
    return out


def _above(out: list[str], col: int) -> str:
    """The text of column *col* in the last line laid out (a Word cell merged down)."""
    if not out:
        return ""
    cells = out[-1].split("\t")
    return cells[col] if col < len(cells) else ""
