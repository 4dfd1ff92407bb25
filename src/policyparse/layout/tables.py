"""Tables read as tables: task rows become measures, indicator rows become targets.

The rows come from layout.cells (pipe, tab and bar-line forms) or, for a table
rendered one cell per line without bars, from a header of column words here.
Each table's header row (the first row two or more of whose cells are column
words, layout.columns) says what every column holds; the rows after it are:

- a heading row: one cell (``（一）实施设备更新行动``, ``电力方面``); a numbered
  heading's block is cut to the cell, so the outline opens it like any heading;
- a numbered row: 序号 a number; a task table's row is a measure (``Row``), an
  indicator table's row gives a target per target column (``TableTarget``);
- a continuation row: no number, in a task table; its unit cells belong to the
  last numbered row, and so does a row that prints the same number again;
- a repeated header (a page break in the source) or an empty row: skipped.

A short row (a merged cell flattened away) keeps its number first and its other
cells aligned to the right.  A table without a header row of column words is
left as text; a table of projects (项目名称 | 建设地点 | 总投资 …) is a table and
gives neither measures nor targets; neither gives prose targets from its cells.
"""

from __future__ import annotations

from collections import Counter

from ..diagnostics import Issue
from ..inputs.columns import (
    Column,
    cell_words,
    clean,
    column,
    kind,
    names_nobody,
    settle_duties,
    settle_years,
)
from ..text.fold import compact
from ..text.numerals import CN_NUMERAL_CHARS, cn_to_int
from .align import (
    DASH_ONES,
    align,
    align_indicator,
    align_task,
    binding,
    empty_remarks,
    empty_tail,
    header_again,
    misplaced,
    serial,
    text_of,
    trim_trailing,
)
from .blocks import Block
from .captions import caption, caption_words, unit_line
from .cells import MAX_CELLS, Budget, Cell, TextTable, TRow
from .flatrows import flat_tables
from .headers import columns_of
from .markers import Marker, match_marker
from .nested import cell_marks, opening_mark
from .printed import printed_tables
from .reading import Reading
from .rowcells import (
    cell_at,
    figure_cell,
    first_of,
    gives_figures,
    heading_row,
    label_cell,
    next_task_cell,
    row_title,
    span_of,
    title_col,
    whole_cell,
    without_stop,
)
from .spaced import figure_rows, spaced_headers
from .tablemodel import Row, Table, TableTarget
from .unitcells import glued_ends, pieces
from .values import bare_figure, row_figure, sentence
from .yearly import listed_values, yearly_values

Span = tuple[int, int]
_SERIAL_MAX = 6  # digits of a row number
_NAME_MAX = 24  # a body's name is shorter than this


def _titling(r: Reading, rows: list[TRow], width: int) -> int | None:
    """The column that titles a task table's rows: the task column, unless it is merged
    down (printed on a group's first row only, 事项 | 工作措施: the cell is empty on most
    numbered rows while a later text column is filled), then that later column, on every
    row: the merged one groups the rows."""
    title = title_col(r.table.columns)
    if title is None:
        return None
    later: Counter[int] = Counter()
    numbered = 0
    for row in rows:
        cells, _ = _task_cells(r, row, width)
        label = label_cell(r.table.columns, cells)
        if label is None or serial(r.folded, label) is None:
            continue
        numbered += 1
        own = cells[title] if title < len(cells) else None
        if title < len(cells) and (own is None or own.empty):
            nxt = next_task_cell(r.table.columns, cells, title)
            if nxt is not None:
                later[cells.index(nxt)] += 1
    if not later:
        return title
    col, count = later.most_common(1)[0]
    return col if 2 * count > numbered else title


def _heading(r: Reading, row: TRow, cells: list[Cell]) -> None:
    """A one-cell row: a numbered heading's block is cut to its cell."""
    cell = cells[0]
    b = next((b for b in row.blocks if b.start <= cell.start and cell.end <= b.end), None)
    if b is not None and match_marker(r.folded, cell.start, cell.end) is not None:
        b.start, b.end = cell.start, cell.end
        r.headings.append(b)
    r.last = None


def _units(r: Reading, row: Row, cells: list[Cell | None]) -> None:
    """The row's unit cells with their column's role and header; deadline and year cells."""
    for c, col in zip(cells, r.table.columns, strict=False):
        if c is None or c.empty:
            continue
        words = clean(text_of(r.folded, c))
        if col.kind in ("unit", "body") and col.role is not None and not names_nobody(words):
            _add_units(r, row, c, col)
        elif col.kind in ("", "target") and _stray_unit(words):
            _add_units(r, row, c, _unit_column(r.table.columns))
        elif col.kind == "deadline" and row.deadline is None:
            row.deadline = (c.start, c.end)
        elif col.kind == "target" and _year_cell(r, row, c, col, words):
            continue
        if _prose(r, col):
            r.table.prose.append((c.start, c.end))


def _prose(r: Reading, col: Column) -> bool:
    """A cell of words read as prose: a task's, or a project's yearly goal (2023年: 第二终端
    布设25辆次), not a project's content or scale."""
    if r.projects:
        return col.kind == "target"
    return col.kind in ("task", "task_group", "measure", "target", "")


def _year_cell(r: Reading, row: Row, c: Cell, col: Column, words: str) -> bool:
    """A cell under a year column (2025年计划) is the row's for that year; one that is a
    figure alone (200辆) is that year's target of the task, not prose.  Whether it was."""
    if col.year is None:
        return False
    row.years.append((c.start, c.end, col.year, col.header))
    if r.figures and row_figure(words):
        return True  # 序号 | 指标 | … | 2025年 | 牵头单位: the row's figures (_row_targets)
    if not bare_figure(words):
        return False
    span = (row.label[0], row.end)
    target = TableTarget(span, row.title, (c.start, c.end), None, col.year, col.header)
    target.own_unit = True
    r.table.targets.append(target)
    return True


def _stray_unit(words: str) -> bool:
    """A body's name alone in a column of no kind or a year's (a merged cell flattened away
    pushed it there: 区机关事务服务中心 under 2027年目标)."""
    short = 2 < len(words) <= _NAME_MAX
    return short and words.endswith(glued_ends()) and not any(ch.isdigit() for ch in words)


def _unit_column(cols: list[Column]) -> Column:
    return next(c for c in cols if c.kind == "unit")


def _add_units(r: Reading, row: Row, c: Cell, col: Column) -> None:
    """A unit cell's units; a unit printed again on a continuation row is not added twice."""
    assert col.role is not None
    seen = {(compact(r.source[a:b]), role) for a, b, role, _ in row.units}
    people = any(w in col.header for w in cell_words("person"))  # 牵头单位及主要负责人
    for a, b in pieces(r.source, c.start, c.end, r.printed, people):
        if (compact(r.source[a:b]), col.role) not in seen:
            row.units.append((a, b, col.role, col.header))


def _loose(r: Reading, row: TRow, cells: list[Cell | None]) -> None:
    """The row's units are the node's the table stands in (Table.loose)."""
    loose = Row(0, (row.start, row.start), row.blocks[0], (row.start, row.start), row.end,
                row.start)  # fmt: skip
    _units(r, loose, cells)
    r.table.loose.extend(loose.units)


def _continue_row(r: Reading, row: TRow, cells: list[Cell | None]) -> None:
    """A row without a number (or printing the last one again) adds to the last measure;
    a row of a year and its figure (2019年 / 440个) adds that year's target, no units.
    With no measure open (序号 left empty on every row), its units are the node's the
    table stands in (Table.loose)."""
    last = r.last
    if last is None:
        _loose(r, row, cells)
        return
    known = {id(b) for b in last.blocks[-len(row.blocks) :]}
    last.blocks.extend(b for b in row.blocks if id(b) not in known)
    last.end = max(last.end, row.end)
    if not _yearly(r, last, row.cells):
        _units(r, last, cells)


def _yearly(r: Reading, measure: Row, cells: list[Cell]) -> bool:
    """The row's yearly figures (节点 | 指标数: 2018年 / 345个) as targets of its task;
    whether it had any."""
    found = yearly_values(r.folded, cells)
    for value, year, printed in found:
        r.table.targets.append(
            TableTarget(
                (measure.label[0], measure.end),
                measure.title,
                value,
                None,
                year,
                printed,
                own_unit=True,
            )
        )
    return bool(found)


def _task_cells(r: Reading, row: TRow, width: int) -> tuple[list[Cell | None], list[Cell]]:
    """A task row's cells by column, and bodies beyond its unit columns (for the last).

    By position where the row reads so; by what the cells hold (align_task) where the
    position puts a body under a task column or words under a unit column: merged or
    split cells changed the row.
    """
    # A trailing 备注 column no row fills (one cell per line prints no empty cell): the
    # rows stand right-aligned against the column before it.
    kept = width - empty_remarks(r.table.columns, r.left)
    at = first_of(r.table.columns, "serial") or 0
    if at and len(row.cells) == width - at and serial(r.folded, row.cells[0]) is not None:
        kept = width  # 2 | 任务 | 单位 | 进展 under 大类 | 序号 | …: the group cell merged away
    cells = align(r.folded, row.cells, kept, r.left, at) if len(row.cells) <= kept else []
    cells = cells + [None] * (width - kept) if cells else align(r.folded, row.cells, width, r.left)
    long = len(row.cells) > kept
    if not long and not misplaced(r.folded, cells, r.table.columns):
        return cells, []
    # | 2.任务 | 县农业农村局 | 2025年底前 | | |: the cells merged above left out and the
    # row padded at its end, so the padding is no part of what the cells hold.
    by_kind = align_task(r.folded, trim_trailing(row.cells), r.table.columns, long)
    return by_kind if by_kind is not None else (cells, [])


def _task_row(
    r: Reading, row: TRow, cells: list[Cell | None], number: int | None, extras: list[Cell]
) -> None:
    """A numbered row opens a measure; a row without a number (or the same one) continues."""
    cols = r.table.columns
    title_col = r.title_at
    if number is None or (r.last is not None and number == r.last.number):
        _continue_row(r, row, cells)
        return
    label = label_cell(cols, cells)
    title = row_title(r.folded, cols, cells, title_col)
    if label is None or title is None:
        r.issues.append(
            Issue(
                "table_row_unreadable",
                f"table row {number} has no task cell; kept as text",
                (row.start, row.end),
            )
        )
        r.last = None
        return
    after = [c.start for c in cells if c is not None and not c.empty and c.start >= label.end]
    measure = Row(number, (label.start, label.end), row.blocks[0], title,
                  row.end, min(after, default=label.end), list(row.blocks))  # fmt: skip
    _units(r, measure, cells)
    _yearly(r, measure, row.cells)
    last = next((c for c in reversed(cols) if c.kind == "unit" and c.role is not None), None)
    for c in extras:
        if last is not None:  # 区绿化市容局 | 区党政机关: a second list of the last column
            _add_units(r, measure, c, last)
    _jump(r, number, measure.label)
    r.table.rows.append(measure)
    r.last = measure
    r.expected = number + 1


def _group_row(r: Reading, row: TRow) -> None:
    """A group row of the serial column (一 / 推进碳达峰碳中和综合管理): a node the rows
    after it stand under, numbered by its numeral, titled by its other cell."""
    label, title = row.cells[0], row.cells[-1]
    words = compact(r.folded[label.start : label.end])
    numeral = words[len(words.rstrip(CN_NUMERAL_CHARS)) :]  # 行动一 → 一
    number = 1 if words in DASH_ONES else cn_to_int(numeral) if numeral else None
    digits = words.rstrip(".．、")
    if number is None and digits.isascii() and digits.isdigit():
        number = int(digits)  # 1. / 分类投放: a group cell that prints its number
    if number is not None:
        _group_node(r, row, number, label, title)


def _group_node(r: Reading, row: TRow, number: int, label: Cell, title: Cell) -> Row:
    group = Row(number, (label.start, label.end), row.blocks[0], (title.start, title.end),
                row.end, title.start, list(row.blocks), group=True)  # fmt: skip
    r.table.rows.append(group)
    r.last = None
    return group


def _group_heading(r: Reading, row: TRow, cells: list[Cell | None]) -> None:
    """A group cell before the number that prints a numbered heading, merged down and so
    printed on its group's first row (一、提高民生保障 | 1 | 任务 | 单位): a group row the
    rows after it stand under, opened on the same line before the row."""
    cols = r.table.columns
    k, at = first_of(cols, "category", "task_group"), first_of(cols, "serial")
    cell = cell_at(cells, k) if k is not None and at is not None and k < at else None
    mark = opening_mark(r.folded, cell) if cell is not None else None
    if cell is None or mark is None:
        return
    r.table.rows.append(_marked_group(row, cell, mark))  # its text is its cell


def _marked_group(row: TRow, cell: Cell, mark: Marker, depth: int = 0) -> Row:
    """A group row opened by the numbering marker that begins *cell* (一、提高民生保障): its
    text is its cell, at *depth* among the table's groups."""
    return Row(mark.value, (mark.start, mark.end), row.blocks[0], (mark.end, cell.end),
               cell.end, mark.end, [row.blocks[0]], group=True, depth=depth)  # fmt: skip


def _numeral_heading(r: Reading, row: TRow, cells: list[Cell | None]) -> bool:
    """A row whose serial cell is a bare numeral heading (一、 | 通用考核项目 | | 40: a
    rubric's part and its score) is a group row titled by its first text cell after the
    numeral; what else it prints is the group's: its units and its requirements (三、 |
    水岸联动… | 15 | 落实属地管理责任… | 县河长办)."""
    k = first_of(r.table.columns, "serial")
    label = cell_at(cells, k)
    if k is None or label is None:
        return False
    words = compact(text_of(r.folded, label)).rstrip("、")
    if not words or words.strip(CN_NUMERAL_CHARS):
        return False
    title = next((cell_at(cells, i) for i in range(k + 1, len(cells)) if cell_at(cells, i)), None)
    number = cn_to_int(words)
    if title is None or number is None:
        return False
    _units(r, _group_node(r, row, number, label, title), cells)
    return True


def _nested(r: Reading, row: TRow, cells: list[Cell | None]) -> bool:
    """A row of a table with no 序号 numbered inside its cells (layout/nested.py): the
    groups its numbered cells open, then its measure, numbered by its last such cell."""
    cols = r.table.columns
    marks = cell_marks(r.folded, cells, cols) if first_of(cols, "serial") is None else []
    if not marks:
        return False
    *groups, (_, cell, mark) = marks
    for depth, c, m in groups:
        words = compact(r.folded[c.start : c.end])
        if r.groups.get(depth) == words:
            continue  # （一）强化源头治理 printed again on the group's next row
        r.groups = {d: w for d, w in r.groups.items() if d < depth} | {depth: words}
        r.table.rows.append(_marked_group(row, c, m, depth))
    end = without_stop(r.folded, mark.end, cell.end)
    measure = Row(mark.value, (mark.start, mark.end), row.blocks[0], (mark.end, end), row.end,
                  mark.end, list(row.blocks))  # fmt: skip
    _units(r, measure, cells)
    r.table.rows.append(measure)
    r.last = measure
    r.expected = mark.value + 1
    return True


def _jump(r: Reading, number: int, label: Span) -> None:
    if r.expected is not None and number != r.expected:
        message = f"table rows jump from {r.expected - 1} to {number}"
        r.issues.append(Issue("table_rows_missing", message, label, "info"))


def _row_unit(r: Reading, cells: list[Cell | None]) -> Span | None:
    """The row's unit cell; a sub-row with no number and no unit of its own (其中 公园绿地 |
    58.46 | 17.5 under 1 | 新建绿地 | 万平方米 | 90.87 | 35) measures in its parent's unit."""
    cols = r.table.columns
    unit = span_of(cell_at(cells, first_of(cols, "measure_unit")))
    serial_at = first_of(cols, "serial")
    if serial_at is None:
        return unit
    if cell_at(cells, serial_at) is not None:
        r.last_unit = unit
    # a table that places its cells prints a blank unit cell: no unit, none inherited
    return unit if unit is not None or r.placed else r.last_unit


def _worded(r: Reading, c: Cell, year: int | None, deadline: str | None) -> bool:
    """A sentence in a target cell of a table with no 单位 column: read as prose, with
    the column's year."""
    if first_of(r.table.columns, "measure_unit") is not None:
        return False
    if not sentence(clean(text_of(r.folded, c))):
        return False
    r.table.prose.append((c.start, c.end))
    r.table.worded.append((c.start, c.end))
    if year is not None and deadline is not None:
        r.table.years.append((c.start, c.end, year, deadline))
    return True


def _indicator_row(r: Reading, row: TRow, cells: list[Cell | None]) -> None:
    """An indicator row: its targets; 考核责任单位 of the row, who answers for it, a unit
    of the node it stands in."""
    _row_targets(r, row, cells)
    cols = r.table.columns
    _loose(
        r,
        row,
        [whole_cell(r.folded, c) if k.role else None for c, k in zip(cells, cols, strict=False)],
    )


def _row_targets(
    r: Reading, row: TRow, cells: list[Cell | None], named: Cell | None = None
) -> None:
    """One target per target column whose cell is a figure; in a task table (*named*: the
    row's title, where no indicator column names it) only a cell that is a figure alone
    (``≥2%``, ``0.07``: not ``完成改造20个``, a sentence read as prose)."""
    cols = r.table.columns
    name = cell_at(cells, first_of(cols, "indicator")) or named
    if name is None and not r.heads:
        return  # a table of assigned targets names each column's indicator in its header
    base_col = first_of(cols, "base")
    base = cell_at(cells, base_col)
    bound = binding(r.folded, cell_at(cells, first_of(cols, "attribute")))
    unit = _row_unit(r, cells)
    owners = span_of(cell_at(cells, next((k for k, c in enumerate(cols) if c.role), None)))
    for k, col in enumerate(cols):
        c = figure_cell(r.folded, cells, k, col, alone=named is not None)
        if c is None:
            continue
        year, deadline = (col.year, col.header) if col.year is not None else r.caption
        if _worded(r, c, year, deadline):
            continue
        r.table.targets.extend(
            TableTarget(
                (row.start, row.end),
                span_of(name) or (r.heads[k].start, r.heads[k].end),
                value,
                unit,
                year,
                deadline,
                span_of(base),
                cols[base_col].year if base is not None and base_col is not None else None,
                bound,
                col.header,
                owners=owners,
            )
            for value in listed_values(r.folded, c)
        )


def _read_rows(r: Reading, rows: list[TRow], header: list[str]) -> None:
    folded = r.folded
    width = len(r.table.columns)
    for row in rows:
        texts = [clean(text_of(folded, c)) for c in row.cells]
        live = trim_trailing(row.cells)
        if not live or not any(texts):
            continue
        if row.group:
            _group_row(r, row)
            continue
        # A header printed again a page on; not an assigned table's row of figures that
        # read as years (甲县 | 2000 | 2010).
        if texts == header or (not r.heads and header_again(folded, row.cells, texts)):
            _new_header(r, row)
            width = len(r.table.columns)
            continue
        if heading_row(folded, live):
            _heading(r, row, live)
            continue
        if r.table.kind == "task":
            _task(r, row, width)
        elif r.table.kind == "indicator":
            placed: list[Cell | None] = list(row.cells) if r.placed else []
            cells = placed or align_indicator(folded, live, r.table.columns)
            _indicator_row(r, row, r.run_on(row, cells))


def _task(r: Reading, row: TRow, width: int) -> None:
    """A row of a task table: a group heading, a measure, or the measure's continuation."""
    cells, extras = _task_cells(r, row, width)
    if _numeral_heading(r, row, cells):
        return
    label = label_cell(r.table.columns, cells)
    number = serial(r.folded, label) if label is not None else None
    if number is None and _nested(r, row, cells):
        return
    if number is not None:
        _group_heading(r, row, cells)
    _task_row(r, row, cells, number, extras)
    if number is not None and r.figures:
        # 序号 | 指标 | 单位 | 2025年目标 | 牵头单位: each row a measure of its owners and
        # the figures under its target columns that measure's targets
        _row_targets(r, row, cells, cell_at(cells, r.title_at))


def _new_header(r: Reading, row: TRow) -> None:
    """A header printed again (at a page break) may add or drop a column: read it anew."""
    cols = [column(text_of(r.folded, c)) for c in row.cells]
    settle_years(cols)
    settle_duties(cols)
    if kind(cols) == r.table.kind:
        r.table.columns = cols


def interpret(
    source: str, folded: str, blocks: list[Block], t: TextTable, at: int, issues: list[Issue]
) -> tuple[Table, list[Block]] | None:
    """What one table gives; None where it has no header row of column words (nor columns
    read from its cells: layout/headless.py)."""
    read = columns_of(folded, t, issues)
    if read is None:
        return None
    cols, h, start = read
    table = Table(t.start, t.end, t.form, kind(cols), cols, t.blocks)
    r = Reading(folded, source, table, caption(folded, blocks, at), issues)
    table.caption = caption_words(folded, blocks, at)
    r.placed = t.placed
    for row in t.rows[: max(h, 0)]:  # title rows above the header: 附件, the caption
        live = trim_trailing(row.cells)
        if len(live) == 1:
            b = row.blocks[-1]
            b.start, b.end = live[0].start, live[0].end
            r.headings.append(b)
    header = [clean(text_of(folded, c)) for c in t.rows[h].cells] if h >= 0 else []
    if cols and cols[0].kind == "body" and h >= 0:
        r.heads = t.rows[h].cells
    r.left = any(empty_tail(row.cells, len(cols)) for row in t.rows[start:])
    if table.kind == "task":
        r.title_at = _titling(r, t.rows[start:], len(cols))
        r.figures = gives_figures(cols)
        r.projects = any(c.kind == "project" for c in cols)
    _read_rows(r, t.rows[start:], header)
    above = unit_line(folded, blocks, at)  # 金额单位：万美元 above the table: its figures'
    for tt in table.targets:
        tt.table_unit = above
    for row in t.rows:
        for c, col in zip(row.cells, cols, strict=False):
            table.cells.append((c.start, c.end, col.kind))
    return table, r.headings


def find(
    source: str, folded: str, blocks: list[Block]
) -> tuple[list[Row], list[Table], list[Issue]]:
    """Every table of the text read as a table: task rows, tables, diagnostics."""
    issues: list[Issue] = []
    budget = Budget()
    found = printed_tables(source, folded, blocks, budget)
    if budget.cut is not None:
        message = (
            f"more than {MAX_CELLS:,} table cells: the rows from here on, and the tables "
            "after, are read as text (no plan has so many)"
        )
        issues.append(Issue("too_many_cells", message, (budget.cut, budget.cut)))
    index = {id(b): k for k, b in enumerate(blocks)}
    tables: list[Table] = []
    for t in found:
        read = interpret(source, folded, blocks, t, index.get(id(t.blocks[0]), 0), issues)
        if read is None:
            # Kept, of no kind: where it ends still tells where a box printed as a table ends.
            tables.append(Table(t.start, t.end, t.form, "other", [], t.blocks))
            if len(t.rows) >= 3:
                issues.append(
                    Issue(
                        "table_unread",
                        f"a table of {len(t.rows)} rows without a header row of column words; "
                        "kept as text",
                        (t.start, t.end),
                        "info",
                    )
                )
            continue
        tables.append(read[0])
    tables = sorted(tables + flat_tables(folded, blocks, tables), key=lambda t: t.start)
    spans = [(t.start, t.end) for t in tables]
    issues.extend(spaced_headers(folded, blocks, spans) + figure_rows(folded, blocks, spans))
    rows = [row for table in tables for row in table.rows]
    return rows, tables, issues
