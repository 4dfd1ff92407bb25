"""Which cell of a task or indicator row is which, by the table's columns: the row's
number, its title (the task cell, or the next task column's where the task cell was
merged above), a cell at a column.  Pure functions of the columns and the cells."""

from __future__ import annotations

from ..inputs.columns import Column, clean
from ..text.fold import compact
from .align import serial
from .blocks import Block
from .cells import Cell
from .linecells import heading
from .tablemodel import Span
from .values import after_part_lead, row_figure


def label_cell(cols: list[Column], cells: list[Cell | None]) -> Cell | None:
    """The row's number cell: under 序号 where group columns stand before it (任务类型 |
    序号 | …), else the first."""
    at = first_of(cols, "serial") or 0
    return cells[at] if at < len(cells) else None


def first_of(cols: list[Column], *kinds: str) -> int | None:
    return next((k for k, c in enumerate(cols) if c.kind in kinds), None)


def row_title(
    folded: str, cols: list[Column], cells: list[Cell | None], title_col: int | None
) -> Span | None:
    """The span of a task row's title: its task cell, else the next task column's (where
    the task cell was merged above), without a closing stop (建立联席会议制度。)."""
    title = cells[title_col] if title_col is not None and title_col < len(cells) else None
    if title is None or title.empty:
        title = next_task_cell(cols, cells, title_col)
    if title is None or title.empty:
        return None
    return (title.start, without_stop(folded, title.start, title.end))


def without_stop(folded: str, start: int, end: int) -> int:
    """Where a title cell [start, end) ends without its closing stop (建立联席会议制度。),
    one character kept at least."""
    while end > start + 1 and folded[end - 1] in "。;；. ":
        end -= 1
    return end


def next_task_cell(
    cols: list[Column], cells: list[Cell | None], title_col: int | None
) -> Cell | None:
    """Where the task column's cell was merged with the rows above (任务名称 spanning
    several tasks), the next task column's cell names the row: 任务内容."""
    if title_col is None:
        return None
    for k in range(title_col + 1, min(len(cols), len(cells))):
        c = cells[k]
        if cols[k].kind in TITLE_KINDS and c is not None and not c.empty:
            return c
    return None


TITLE_KINDS = ("task", "measure", "", "target")  # a year column of tasks (2024年工作任务) too


def title_col(cols: list[Column]) -> int | None:
    """The task column, else a task group's (任务类型 | 重点内容: the type names the row;
    任务类型 | 改革任务: the task does), else the project's (项目名称 | 牵头单位), else the
    indicator's (序号 | 指标 | 单位 | 2025年目标 | 牵头单位: targets assigned to their
    owners), else the first column of no other use, else a group column after the number
    (序号 | 创建领域 | 责任单位: the field is what the row is about)."""
    for kind_ in ("task", "task_group", "project", "indicator"):
        at = first_of(cols, kind_)
        if at is not None:
            return at
    plain = next((k for k, c in enumerate(cols) if c.kind in ("", "measure")), None)
    serial_at = first_of(cols, "serial")
    if plain is not None or serial_at is None:
        return plain
    return next((k for k in range(serial_at + 1, len(cols)) if cols[k].kind == "category"), None)


def cell_at(cells: list[Cell | None], k: int | None) -> Cell | None:
    c = cells[k] if k is not None and k < len(cells) else None
    return None if c is None or c.empty else c


def span_of(c: Cell | None) -> Span | None:
    return None if c is None else (c.start, c.end)


def gives_figures(cols: list[Column]) -> bool:
    """A task table with a target column and an indicator or a measure-unit column (序号 |
    指标 | 单位 | 2025年目标 | 牵头单位; 序号 | 考核内容 | 单位 | 年度目标 | 责任部门): each row
    a measure of its owners, its figures that measure's targets."""
    kinds = {c.kind for c in cols}
    return "target" in kinds and bool(kinds & {"indicator", "measure_unit"})


def heading_row(folded: str, live: list[Cell]) -> bool:
    """A row that is a heading: one cell, no number (``一、推进污染防治``, ``电力方面``); or
    a numbered heading printing its group's totals (``一、核心指标（2项） | 50``, the
    group's weight) with figures alone after it."""
    first = live[0]
    if serial(folded, first) is not None:
        return False
    if len(live) == 1:
        return True
    if not heading(folded, Block(first.start, first.end)):
        return False
    return all(c.empty or _number_only(compact(folded[c.start : c.end])) for c in live[1:])


def _number_only(words: str) -> bool:
    return words.isascii() and words.replace(".", "", 1).isdigit()


def figure_cell(
    folded: str, cells: list[Cell | None], k: int, col: Column, alone: bool = False
) -> Cell | None:
    """The row's cell under target column *k* where it prints a figure (*alone*: and
    nothing else but its unit or a comparison word); not 持续下降, 完成市下达指标 (words)."""
    c = cell_at(cells, k)
    if col.kind != "target" or c is None:
        return None
    words = folded[c.start : c.end]
    if alone and not row_figure(clean(words)):
        return None
    return c if any(ch.isdigit() for ch in words) else None


def whole_cell(folded: str, c: Cell | None) -> Cell | None:
    """A body cell without the word opening a part of the row above (其中:经济技术开发区,
    a zone of the county above, names 经济技术开发区)."""
    if c is None:
        return None
    at = c.start + after_part_lead(folded[c.start : c.end])
    return Cell(at, c.end) if c.start < at < c.end else c
