"""Where a table's header row is and what its columns hold: the header's words, a second
header row under merged group headers, or the columns a headless list's cells tell
(layout/headless.py)."""

from __future__ import annotations

from ..diagnostics import Issue
from ..inputs.bodies import SAMPLE_ROWS, settle_bodies
from ..inputs.columns import (
    Column,
    assigned_at,
    clean,
    column,
    is_header,
    kind,
    settle_duties,
    settle_years,
)
from .align import binding, serial, text_of, trim_trailing
from .cells import TextTable, TRow
from .values import FIGURE

Span = tuple[int, int]

_LOOK = 8  # rows looked at for the header of a table of assigned targets, and its rows
MAX_TARGET_COLUMNS = 64  # target columns read per table; indicator tables have a few


def columns_of(
    folded: str, t: TextTable, issues: list[Issue]
) -> tuple[list[Column], int, int] | None:
    """The table's columns, its header row (-1: none, the columns read from the cells) and
    the first row after the header; None where no header names the columns."""
    if t.columns is not None:
        return _known(folded, t, t.columns)
    h = _header_at(folded, t.rows)
    assigned = _assigned(folded, t, h)
    if assigned is not None:
        return assigned
    if h is None:
        return None
    head = t.rows[h]
    lines = _header_lines(t.rows, h)
    cols = [
        column("".join(text_of(folded, row.cells[k]) for row in lines))
        for k in range(len(head.cells))
    ]
    start = _second_header(folded, t.rows, h + len(lines) - 1)
    if start == h + 2:
        _refine(folded, cols, t.rows[h + 1])
    settle_years(cols)
    settle_duties(cols)
    rows = t.rows[start : start + SAMPLE_ROWS]  # 序号 | 考核项目 | | 分值: a rubric's bodies
    settle_bodies(cols, [[text_of(folded, c) for c in row.cells] for row in rows])
    _bound_targets(cols, (head.start, head.end), issues)
    return _serial_unlabelled(folded, cols, rows), h, start


_UNLABELLED = 2  # numbered rows one cell wider than the header that tell its serial column


def _serial_unlabelled(folded: str, cols: list[Column], rows: list[TRow]) -> list[Column]:
    """The columns with the serial one the header names not (``指标`` printed over the
    number and the name: ``指标 | 单位 | 2025年`` above ``1 | 森林覆盖率 | % | 30``): where
    numbered rows are one cell wider than the header, an unnamed serial column first."""
    if not cols or any(c.kind == "serial" for c in cols) or cols[0].kind not in _NAMED_FIRST:
        return cols
    wider = sum(
        1
        for row in rows
        if len(row.cells) == len(cols) + 1 and serial(folded, row.cells[0]) is not None
    )
    return [Column("serial"), *cols] if wider >= _UNLABELLED else cols


_NAMED_FIRST = ("indicator", "task")  # a first column that may print over the number


def _header_lines(rows: list[TRow], h: int) -> list[TRow]:
    """The lines of a header a table drawn with rules prints over several lines between
    two rules (单 / 位, 2010年 / 目标值 each in one column): the header row and the rows
    after it, each with as many cells, where a rule closes them; else the header row."""
    k = h + 1
    while k < len(rows) and not rows[k].ruled and len(rows[k].cells) == len(rows[h].cells):
        k += 1
    closed = k < len(rows) and rows[k].ruled and k - h <= _HEADER_LINES
    return rows[h:k] if closed else [rows[h]]


_HEADER_LINES = 4  # lines of a header between two rules, at most


def _known(folded: str, t: TextTable, cols: list[Column]) -> tuple[list[Column], int, int]:
    """The columns a reader knows (layout/scored.py, layout/closedpipes.py), the header row
    and the first row: a header printed above the rows is the table's first row, its
    parts composed where the reader says how many rows it took."""
    if t.header_rows:
        return list(cols), 0, t.header_rows
    first = [clean(text_of(folded, c)) for c in t.rows[0].cells] if t.rows else []
    printed = first == [c.header for c in cols]
    return list(cols), 0 if printed else -1, 1 if printed else 0


def _assigned(folded: str, t: TextTable, h: int | None) -> tuple[list[Column], int, int] | None:
    """A table of targets assigned to bodies (责任单位 | 外贸出口目标 | …, inputs.columns
    assigned_at), where no header of column words makes the table one of another kind:
    its columns, header row and first row (it has no second header row)."""
    if h is not None and (
        h >= _LOOK or _other_kind([column(text_of(folded, c)) for c in t.rows[h].cells])
    ):
        return None
    found = assigned_at([[text_of(folded, c) for c in row.cells] for row in t.rows[:_LOOK]])
    return None if found is None else (found[1], found[0], found[0] + 1)


def _other_kind(cols: list[Column]) -> bool:
    """A header of column words that makes the table one of another kind (a task table's,
    an indicator table's); not 考核单位 | 工业投资目标, whose words are an assigned one's."""
    return bool(cols) and cols[0].kind != "body" and kind(cols) != "other"


def _header_at(folded: str, rows: list[TRow]) -> int | None:
    for k, row in enumerate(rows):
        if is_header([text_of(folded, c) for c in row.cells]):
            return k
    return None


def _second_header(folded: str, rows: list[TRow], h: int) -> int:
    """Where the rows start: after a second header row of short words without a number."""
    if h + 1 >= len(rows) or rows[h + 1].group:
        return h + 1
    cells = trim_trailing(rows[h + 1].cells)
    short = all(len(clean(text_of(folded, c))) <= 12 for c in cells)
    short = short and not any(FIGURE.match(clean(text_of(folded, c))) for c in cells)
    numbered = bool(cells) and serial(folded, cells[0]) is not None
    short = short and not any(binding(folded, c) is not None for c in cells)  # …| 约束性
    if len(cells) >= 2 and short and not numbered:
        return h + 2
    return h + 1


def _refine(folded: str, cols: list[Column], second: TRow) -> None:
    """A second header row names the columns under a merged group header (责任单位 over
    牵头单位 | 配合单位): where its cell is a column word, it wins."""
    for k, c in enumerate(second.cells[: len(cols)]):
        col = column(text_of(folded, c))
        if col.kind:
            cols[k] = col


def _bound_targets(cols: list[Column], where: Span, issues: list[Issue]) -> None:
    """Only the first MAX_TARGET_COLUMNS target columns are read (no plan has more)."""
    targets = [c for c in cols if c.kind == "target"]
    if len(targets) <= MAX_TARGET_COLUMNS:
        return
    for c in targets[MAX_TARGET_COLUMNS:]:
        c.kind = ""
    message = f"a table of {len(targets)} target columns: the first {MAX_TARGET_COLUMNS} read"
    issues.append(Issue("table_too_wide", message, where, "warning"))
