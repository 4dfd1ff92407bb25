"""Tables of targets assigned to bodies printed one cell per line, each cell closed by a
pipe, as some law-database pages print a Word table: the cells are one stream.

    考核单位 |
    合同外资 (万美元) |
    市外境内资金 (亿元) |
    备 注 | |
    本年任务 |
    其中:外省 |
    | |
    合 计 |
    85000 |
    280 |
    142 |
    |
    甲县 |
    …

Each pipe closes a cell: a bare ``|`` is an empty cell, ``| |`` two, and the header's first
row ends at its line closing two (``备 注 | |``): its cells, padding included, are the
width of every row.  A second header row of labels (``本年任务`` / ``其中:外省``, a group head
split into its parts) names the columns under the first: a label opening with a word of a
part (lexicon extract/part_leads: 其中) is a column of its own, the part of the head before
it (``市外境内资金外省``, its unit the head's).  The rows are a name and figures, the
first cell a column of bodies (``考核单位``, inputs.columns.assigned_at).  Other tables
closed by pipes are read one cell per line (layout/blocks.py, trim_cell_pipes).
"""

from __future__ import annotations

from ..inputs.columns import Column, assigned_at, clean, is_figure
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow, trimmed
from .values import after_part_lead

_BAR = "|"
_RUN = 12  # lines of such a table, at least
_WIDTH_MAX = 16  # cells of a row, at most


def _line(folded: str, b: Block) -> tuple[int, int]:
    """The whole line of block *b*, its closing pipe included (trim_cell_pipes left it out)."""
    end = folded.find("\n", b.start)
    return b.start, len(folded) if end < 0 else end


def _closed(folded: str, b: Block) -> bool:
    start, end = _line(folded, b)
    return folded[start:end].rstrip().endswith(_BAR)


def _cells(folded: str, lines: list[Block]) -> list[tuple[Cell, Block]]:
    """Every cell of the run, each with its line: the words before each pipe."""
    out: list[tuple[Cell, Block]] = []
    for b in lines:
        start, end = _line(folded, b)
        pos = start
        bar = folded.find(_BAR, pos, end)
        while bar >= 0:
            out.append((trimmed(folded, pos, bar), b))
            pos = bar + 1
            bar = folded.find(_BAR, pos, end)
    return out


def _width(folded: str, lines: list[Block]) -> int:
    """The cells of the header's first row: up to its line closing two (备 注 | |)."""
    n = 0
    for b in lines:
        start, end = _line(folded, b)
        bars = folded.count(_BAR, start, end)
        n += bars
        if bars >= 2:
            return n if 2 < n <= _WIDTH_MAX else 0
        if n > _WIDTH_MAX:
            return 0
    return 0


def _text(folded: str, c: Cell) -> str:
    return clean(folded[c.start : c.end])


def _composed(folded: str, head: list[Cell], sub: list[Cell]) -> list[Cell] | None:
    """The header row by column where a second row of labels splits a head into parts:
    per column the cell naming it (the head's, or the part's); None where the labels do
    not fit the rows' width."""
    heads = [c for c in head[1:] if _text(folded, c)]
    parts = [c for c in sub if _text(folded, c)]
    if not parts or len(parts) < len(heads) - 1:
        return None
    out = [head[0]]
    k = 0
    for p in parts:
        if after_part_lead(_text(folded, p)) and len(out) > 1:
            out.append(p)
            continue
        if k >= len(heads):
            return None
        out.append(heads[k])
        k += 1
    out += heads[k:]  # 备注: a remark column no part splits
    return out if len(out) == len(head) else None


def _labels(folded: str, cells: list[Cell]) -> bool:
    """A row of labels only, two at least (本年任务 | 其中:外省 | …)."""
    texts = [_text(folded, c) for c in cells if _text(folded, c)]
    return len(texts) >= 2 and not any(is_figure(t) for t in texts)


def _columns(folded: str, head: list[Cell], cols: list[Column]) -> list[Column]:
    """The columns assigned_at read, a part's named by its head and part (市外境内资金外省
    (亿元): the head's unit)."""
    out = list(cols)
    for k, c in enumerate(head[: len(out)]):
        words = _text(folded, c)
        at = after_part_lead(words)
        if not at or k == 0:
            continue
        name, bracket = _split_bracket(_text(folded, head[k - 1]))
        out[k] = Column("target", f"{name}{words[at:]}{bracket}", None, out[k].year)
    return out


def _split_bracket(words: str) -> tuple[str, str]:
    """合同外资(万美元) → (合同外资, (万美元))."""
    for opening in ("(", "（"):
        at = words.find(opening)
        if at > 0:
            return words[:at], words[at:]
    return words, ""


def closed_pipe_tables(folded: str, blocks: list[Block], budget: Budget) -> list[TextTable]:
    """Every table of assigned targets printed one cell per line, closed by pipes, read as
    one stream of cells (see the module), within *budget*."""
    tables: list[TextTable] = []
    i, n = 0, len(blocks)
    while i < n and not budget.spent:
        j = i
        while j < n and _closed(folded, blocks[j]):
            j += 1
        table = _table(folded, blocks[i:j], budget) if j - i >= _RUN else None
        if table is not None:
            tables.append(table)
        i = max(j, i + 1)
    return tables


def _table(folded: str, lines: list[Block], budget: Budget) -> TextTable | None:
    """The run of lines as a table of assigned targets, or None."""
    if _row_lines(folded, lines):
        return None  # 乡镇 | 新种任务(亩) | 备注 |: pipe rows, read whole by layout/cells.py
    cells, rows = _rows(folded, lines)
    read = _header(folded, rows) if len(rows) >= 3 else None
    if read is None:
        return None
    head, taken = read
    body = rows[taken:]
    texts = [[folded[c.start : c.end] for c in head]]
    texts += [[folded[c.start : c.end] for c, _ in row] for row in body]
    found = assigned_at(texts, 1)
    if found is None or found[0] != 0 or not budget.take(len(cells), lines[0].start):
        return None
    first = [line for row in rows[:taken] for _, line in row]
    out = TextTable("pipe", [TRow(head, _distinct(first))], list(lines))
    out.rows += [TRow([c for c, _ in row], _distinct([line for _, line in row])) for row in body]
    out.columns = _columns(folded, head, found[1])
    out.header_rows = 1
    return out


def _row_lines(folded: str, lines: list[Block]) -> bool:
    """Most lines print two cells of words or figures or more (甲镇 | 600 | |): a pipe table
    whose rows lack the leading bar, one row per line, not one stream of cells."""
    full = 0
    for b in lines:
        start, end = _line(folded, b)
        parts = folded[start:end].split(_BAR)[:-1]
        full += sum(1 for p in parts if p.strip()) >= 2
    return 2 * full > len(lines)


def _rows(
    folded: str, lines: list[Block]
) -> tuple[list[tuple[Cell, Block]], list[list[tuple[Cell, Block]]]]:
    """The run's cells and its rows, each as wide as the header's first row ([] where no
    first row closes so)."""
    width = _width(folded, lines)
    if not width:
        return [], []
    cells = _cells(folded, lines)
    return cells, [cells[k : k + width] for k in range(0, len(cells) - width + 1, width)]


def _header(folded: str, rows: list[list[tuple[Cell, Block]]]) -> tuple[list[Cell], int] | None:
    """The header by column and the rows it takes: the first row, or the first two where
    the second is labels splitting heads into parts; None where they do not fit."""
    head = [c for c, _ in rows[0]]
    second = [c for c, _ in rows[1]]
    if not _labels(folded, second):
        return head, 1
    composed = _composed(folded, head, second)
    return (composed, 2) if composed is not None else None


def _distinct(lines: list[Block]) -> list[Block]:
    out: list[Block] = []
    for b in lines:
        if not out or out[-1] is not b:
            out.append(b)
    return out
