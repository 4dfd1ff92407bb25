"""What a table gives the stages after layout: its numbered rows (measures), its
indicator targets, its cells (the data shapes of layout/tables.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..inputs.columns import Column, TableKind
from ..vocab import Role
from .blocks import Block
from .cells import TableForm

Span = tuple[int, int]


@dataclass(slots=True)
class Row:
    """A numbered row of a task table: one measure and everything its row says."""

    number: int
    label: Span
    first: Block  # the block the row starts on: the outline opens the measure there
    title: Span
    end: int
    text_start: int  # where the row's first cell after its number starts
    blocks: list[Block] = field(default_factory=list)  # every block of the row
    units: list[tuple[int, int, Role, str]] = field(default_factory=list)  # cell, role, header
    deadline: Span | None = None
    years: list[tuple[int, int, int, str]] = field(default_factory=list)  # cell, year, header
    group: bool = False  # a group row (一 / 推进…): the rows after it stand under it
    depth: int = 0  # a group's level among the table's groups (一、 0, （一） under it 1)


@dataclass(slots=True)
class TableTarget:
    """One indicator row's value in one target column."""

    row: Span
    indicator: Span
    value: Span
    unit: Span | None
    year: int | None
    deadline: str | None  # the column header (or caption) as printed, compact
    base: Span | None = None
    base_year: int | None = None
    binding: bool | None = None
    header: str = ""  # the target column's header, compact (目标值（%）: its unit)
    own_unit: bool = False  # a task row's yearly figure: the unit is the cell's own (345个)
    table_unit: Span | None = None  # the unit a line above the table names (单位：万元)
    owners: Span | None = None  # the row's cell of bodies that answer for it (甲区, 考核责任单位)


@dataclass(slots=True)
class Table:
    """One table: where it is, its form and kind, its columns and what it gives."""

    start: int
    end: int
    form: TableForm
    kind: TableKind
    columns: list[Column]
    blocks: list[Block]
    rows: list[Row] = field(default_factory=list)
    targets: list[TableTarget] = field(default_factory=list)
    prose: list[Span] = field(default_factory=list)  # cells whose sentences are read as prose
    # An indicator table's sentence cells (read as prose), and those with their column's
    # year: (start, end, year, header).
    worded: list[Span] = field(default_factory=list)
    years: list[tuple[int, int, int, str]] = field(default_factory=list)
    cells: list[tuple[int, int, str]] = field(default_factory=list)  # every cell, its column kind
    # Unit cells of rows that print no number (序号 left empty): the enclosing node's.
    loose: list[tuple[int, int, Role, str]] = field(default_factory=list)
    caption: str | None = None  # the caption's words right above it (layout.captions)
