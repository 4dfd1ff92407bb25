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

import re
from dataclasses import dataclass, field
from functools import cache

from .. import lexicon
from ..diagnostics import Issue
from ..inputs.columns import (
    Column,
    TableKind,
    cell_words,
    clean,
    column,
    is_header,
    kind,
    settle_years,
    year_of,
)
from ..text.fold import compact
from ..vocab import Role
from .blocks import Block
from .cells import MAX_CELLS, Budget, Cell, TableForm, TextTable, TRow, text_tables
from .lines import line_tables
from .markers import match_marker
from .spaced import spaced_headers

Span = tuple[int, int]
_SERIAL_MAX = 6  # digits of a row number
MAX_TARGET_COLUMNS = 64  # target columns read per table; indicator tables have a few
_CAPTION_LINES = 2  # a caption stands this many lines above the table at most
_NAME_MAX = 24  # a body's name is shorter than this
_SEARCHES = 64  # look-ups of a name in the whole text, per table


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
    cells: list[tuple[int, int, str]] = field(default_factory=list)  # every cell, its column kind


def _text(folded: str, c: Cell) -> str:
    return folded[c.start : c.end]


def serial(folded: str, c: Cell) -> int | None:
    """The row number a cell holds, if it is one (1, 12; not ① or 2025)."""
    text = compact(folded[c.start : c.end]).rstrip(".、")
    # isascii: ① and ² are str.isdigit() too, but no int() reads them.
    ok = text.isascii() and text.isdigit() and len(text) <= _SERIAL_MAX
    return int(text) if ok else None


def _trim_trailing(cells: list[Cell]) -> list[Cell]:
    end = len(cells)
    while end > 0 and cells[end - 1].empty:
        end -= 1
    return cells[:end]


def _empty_tail(cells: list[Cell], width: int) -> bool:
    """A row as wide as the header whose last cells are printed empty."""
    return len(cells) >= width and bool(cells) and cells[-1].empty and not cells[0].empty


def _align(folded: str, cells: list[Cell], width: int, left: bool = False) -> list[Cell | None]:
    """The row's cells by column; a short or long row keeps its number first, the rest right.

    In a table that prints its empty cells (*left*: ``| 1 | 任务 | 县财政局 | | |``, or
    ``||||`` after the cells of a row of bar lines), a short row has only lost its empty
    tail: its cells stand from the left (``| 5 | 任务 | 措施 | 县农业 |`` under seven columns).
    """
    cells = _trim_trailing(cells) if len(cells) > width else cells
    if len(cells) == width:
        return list(cells)
    if left and len(cells) < width:
        return [*cells, *([None] * (width - len(cells)))]
    out: list[Cell | None] = [None] * width
    head = 1 if cells and serial(folded, cells[0]) is not None else 0
    if head:
        out[0] = cells[0]
    rest = cells[head:]
    room = width - head
    for k, c in enumerate(rest[-room:] if room > 0 else []):
        out[width - min(room, len(rest)) + k] = c
    return out


@cache
def _value_words() -> frozenset[str]:
    """Cells that stand after an indicator's name: units, 属性 words, 'none' marks."""
    kinds = ("none", "binding", "expected")
    words = {w for k in kinds for w in cell_words(k)}
    return frozenset(words | set(lexicon.column("extract/units")) | {"%"})


_FIGURE = re.compile(r"[\[<>≥≤~]?\d")


def _value_like(folded: str, c: Cell) -> bool:
    """A figure (67, >90, [13.5]), a unit, a 属性 word or a mark for nothing (/, ——)."""
    words = clean(_text(folded, c))
    return _FIGURE.match(words) is not None or words in _value_words()


def _align_indicator(folded: str, cells: list[Cell], cols: list[Column]) -> list[Cell | None]:
    """An indicator row by column, whatever merged or collapsed cells did to its width.

    A row as wide as the header is read as it stands.  Else its number stays first,
    its name is the first cell followed by a figure, a unit or a 属性 word (a 类别
    printed only on a group's first row comes before it), the name goes under the
    indicator column and the cells after it are aligned to the right: 新建客运枢纽（个）
    | 6 puts 6 under the last (target) column.
    """
    width = len(cols)
    if len(cells) == width:
        return list(cells)
    out: list[Cell | None] = [None] * width
    head = 1 if cells and serial(folded, cells[0]) is not None and cols[0].kind == "serial" else 0
    if head:
        out[0] = cells[0]
    rest = cells[head:]
    ind = next((k for k, c in enumerate(cols) if c.kind == "indicator"), head)
    name = next(
        (i for i in range(len(rest) - 1) if _value_like(folded, rest[i + 1])), 0 if rest else -1
    )
    if name < 0:
        return out
    out[ind] = rest[name]
    after = rest[name + 1 :][-(width - ind - 1) :] if width - ind - 1 > 0 else []
    for k, c in enumerate(after):
        out[width - len(after) + k] = c
    return out


@dataclass(slots=True)
class _Reading:
    """One table's reading: what its header said and what its rows gave so far."""

    folded: str
    source: str
    table: Table
    caption: tuple[int | None, str | None]
    issues: list[Issue]
    headings: list[Block] = field(default_factory=list)
    last: Row | None = None
    searches: int = 0  # look-ups of a name in the whole text, bounded (_SEARCHES)

    def printed(self, name: str) -> bool:
        """Whether *name* stands in the text outside this table (a bounded number of times)."""
        if self.searches >= _SEARCHES:
            return False
        self.searches += 1
        t = self.table
        return name in self.folded[: t.start] or name in self.folded[t.end :]

    expected: int | None = None  # the next row number, if the numbering runs on
    left: bool = False  # the table prints its rows' empty tails: short rows stand left


def _first(cols: list[Column], *kinds: str) -> int | None:
    return next((k for k, c in enumerate(cols) if c.kind in kinds), None)


def _title_col(cols: list[Column]) -> int | None:
    """The task column, else the first column of no other use after the number."""
    task = _first(cols, "task")
    if task is not None:
        return task
    return next((k for k, c in enumerate(cols) if c.kind in ("", "measure")), None)


def _heading(r: _Reading, row: TRow, cells: list[Cell]) -> None:
    """A one-cell row: a numbered heading's block is cut to its cell."""
    cell = cells[0]
    b = row.blocks[-1] if len(row.blocks) > 1 else row.blocks[0]
    inside = b.start <= cell.start and cell.end <= b.end
    if inside and match_marker(r.folded, cell.start, cell.end) is not None:
        b.start, b.end = cell.start, cell.end
        r.headings.append(b)
    r.last = None


def _units(r: _Reading, row: Row, cells: list[Cell | None]) -> None:
    """The row's unit cells with their column's role and header; deadline and year cells."""
    none = cell_words("none")
    for c, col in zip(cells, r.table.columns, strict=False):
        if c is None or c.empty:
            continue
        words = clean(_text(r.folded, c))
        if col.kind == "unit" and col.role is not None and words not in none:
            _add_units(r, row, c, col)
        elif col.kind in ("", "target") and _stray_unit(words):
            _add_units(r, row, c, _unit_column(r.table.columns))
        elif col.kind == "deadline" and row.deadline is None:
            row.deadline = (c.start, c.end)
        elif col.kind == "target" and col.year is not None:
            row.years.append((c.start, c.end, col.year, col.header))
        if col.kind in ("task", "measure", "target", ""):
            r.table.prose.append((c.start, c.end))


def _stray_unit(words: str) -> bool:
    """A body's name alone in a column of no kind or a year's (a merged cell flattened away
    pushed it there: 区机关事务服务中心 under 2027年目标)."""
    short = 2 < len(words) <= _NAME_MAX
    return short and words.endswith(_glued_ends()) and not any(ch.isdigit() for ch in words)


def _unit_column(cols: list[Column]) -> Column:
    return next(c for c in cols if c.kind == "unit")


def _add_units(r: _Reading, row: Row, c: Cell, col: Column) -> None:
    """A unit cell's units; a unit printed again on a continuation row is not added twice."""
    assert col.role is not None
    seen = {(compact(r.source[a:b]), role) for a, b, role, _ in row.units}
    for a, b in _pieces(r, c):
        if (compact(r.source[a:b]), col.role) not in seen:
            row.units.append((a, b, col.role, col.header))


def _pieces(r: _Reading, c: Cell) -> list[Span]:
    """A unit cell split at its <br> line breaks, a name broken over two lines kept whole.

    ``区发展改革委<br>区财政局`` is two cells' worth of units; ``市生态环境局<br>某某分局``
    is one name where the document prints 市生态环境局某某分局 elsewhere.
    """
    source = r.source
    parts: list[Span] = []
    pos = c.start
    while True:
        at = source.find("<br>", pos, c.end)
        if at == -1:
            parts.append((pos, c.end))
            break
        parts.append((pos, at))
        pos = at + 4
    out: list[Span] = [parts[0]]
    for a, b in parts[1:]:
        joined = compact(source[out[-1][0] : out[-1][1]]) + compact(source[a:b])
        if len(joined) <= _NAME_MAX and r.printed(joined):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return [cut for a, b in out for cut in _unglued(r, a, b)]


def _unglued(r: _Reading, a: int, b: int) -> list[Span]:
    """Two names printed with nothing between them, cut apart: 区住建局区市场监管局.

    A cut falls after an ending of lexicon layout/glued_unit_ends when what follows
    ends so too; the whole is kept where the document prints it elsewhere.
    """
    text = r.source[a:b]
    if len(text) > _NAME_MAX * 4 or any(ch.isspace() for ch in text) or "<" in text:
        return [(a, b)]
    ends = _glued_ends()
    cuts = [
        i
        for i in range(3, len(text) - 2)
        if text[:i].endswith(ends) and text[i:].endswith(ends) and text[i - 1] != text[i]
    ]
    if not cuts or r.printed(text):
        return [(a, b)]
    out: list[Span] = []
    start = 0
    for i in cuts:
        if text[start:i].endswith(ends) and i - start >= 3:
            out.append((a + start, a + i))
            start = i
    out.append((a + start, b))
    return out


@cache
def _glued_ends() -> tuple[str, ...]:
    return tuple(lexicon.column("layout/glued_unit_ends"))


def _continue_row(r: _Reading, row: TRow, cells: list[Cell | None]) -> None:
    """A row without a number (or printing the last one again) adds to the last measure."""
    last = r.last
    if last is not None:
        known = {id(b) for b in last.blocks[-len(row.blocks) :]}
        last.blocks.extend(b for b in row.blocks if id(b) not in known)
        last.end = max(last.end, row.end)
        _units(r, last, cells)


def _task_row(r: _Reading, row: TRow, cells: list[Cell | None], number: int | None) -> None:
    """A numbered row opens a measure; a row without a number (or the same one) continues."""
    cols = r.table.columns
    title_col = _title_col(cols)
    if number is None or (r.last is not None and number == r.last.number):
        _continue_row(r, row, cells)
        return
    label = cells[0]
    title = cells[title_col] if title_col is not None and title_col < len(cells) else None
    if label is None or title is None or title.empty:
        r.issues.append(
            Issue(
                "table_row_unreadable",
                f"table row {number} has no task cell; kept as text",
                (row.start, row.end),
            )
        )
        r.last = None
        return
    after = [c.start for c in cells if c is not None and not c.empty and c.start > label.end]
    measure = Row(number, (label.start, label.end), row.blocks[0], (title.start, title.end),
                  row.end, min(after, default=label.end), list(row.blocks))  # fmt: skip
    _units(r, measure, cells)
    _jump(r, number, measure.label)
    r.table.rows.append(measure)
    r.last = measure
    r.expected = number + 1


def _jump(r: _Reading, number: int, label: Span) -> None:
    if r.expected is not None and number != r.expected:
        message = f"table rows jump from {r.expected - 1} to {number}"
        r.issues.append(Issue("table_rows_missing", message, label, "info"))


def _caption(folded: str, blocks: list[Block], i: int) -> tuple[int | None, str | None]:
    """The year a table's caption names (长宁区“十五五”期间…主要指标), and the phrase."""
    for b in blocks[max(0, i - _CAPTION_LINES) : i][::-1]:
        words = compact(folded[b.start : b.end])
        year = year_of(words)
        if year is not None:
            return year, words
    return None, None


def _at(cells: list[Cell | None], k: int | None) -> Cell | None:
    c = cells[k] if k is not None and k < len(cells) else None
    return None if c is None or c.empty else c


def _span(c: Cell | None) -> Span | None:
    return None if c is None else (c.start, c.end)


def _indicator_row(r: _Reading, row: TRow, cells: list[Cell | None]) -> None:
    """An indicator row: one target per target column whose cell is a figure."""
    cols = r.table.columns
    name = _at(cells, _first(cols, "indicator"))
    if name is None:
        return
    base_col = _first(cols, "base")
    base = _at(cells, base_col)
    binding = _binding(r.folded, _at(cells, _first(cols, "attribute")))
    for k, col in enumerate(cols):
        c = _at(cells, k)
        if col.kind != "target" or c is None or not any(ch.isdigit() for ch in _text(r.folded, c)):
            continue  # 持续下降, 完成市下达指标: words, no figure
        year, deadline = (col.year, col.header) if col.year is not None else r.caption
        r.table.targets.append(
            TableTarget(
                (row.start, row.end),
                (name.start, name.end),
                (c.start, c.end),
                _span(_at(cells, _first(cols, "measure_unit"))),
                year,
                deadline,
                _span(base),
                cols[base_col].year if base is not None and base_col is not None else None,
                binding,
            )
        )


def _binding(folded: str, c: Cell | None) -> bool | None:
    if c is None:
        return None
    words = clean(_text(folded, c))
    if any(w in words for w in cell_words("binding")):
        return True
    if any(w in words for w in cell_words("expected")):
        return False
    return None


def _read_rows(r: _Reading, rows: list[TRow], header: list[str]) -> None:
    folded = r.folded
    width = len(r.table.columns)
    for row in rows:
        texts = [clean(_text(folded, c)) for c in row.cells]
        live = _trim_trailing(row.cells)
        if not live or not any(texts):
            continue
        if texts == header or is_header([_text(folded, c) for c in row.cells]):  # a page on
            _new_header(r, row)
            width = len(r.table.columns)
            continue
        if len(live) == 1 and serial(folded, live[0]) is None:
            _heading(r, row, live)
            continue
        if r.table.kind == "task":
            cells = _align(folded, row.cells, width, r.left)
            number = serial(folded, cells[0]) if cells[0] is not None else None
            _task_row(r, row, cells, number)
        elif r.table.kind == "indicator":
            _indicator_row(r, row, _align_indicator(folded, live, r.table.columns))


def _new_header(r: _Reading, row: TRow) -> None:
    """A header printed again (at a page break) may add or drop a column: read it anew."""
    cols = [column(_text(r.folded, c)) for c in row.cells]
    settle_years(cols)
    if kind(cols) == r.table.kind:
        r.table.columns = cols


def _header_at(folded: str, rows: list[TRow]) -> int | None:
    for k, row in enumerate(rows):
        if is_header([_text(folded, c) for c in row.cells]):
            return k
    return None


def _second_header(folded: str, rows: list[TRow], h: int) -> int:
    """Where the rows start: after a second header row of short words without a number."""
    if h + 1 >= len(rows):
        return h + 1
    cells = _trim_trailing(rows[h + 1].cells)
    short = all(len(clean(_text(folded, c))) <= 12 for c in cells)
    short = short and not any(_FIGURE.match(clean(_text(folded, c))) for c in cells)
    numbered = bool(cells) and serial(folded, cells[0]) is not None
    if len(cells) >= 2 and short and not numbered:
        return h + 2
    return h + 1


def _refine(folded: str, cols: list[Column], second: TRow) -> None:
    """A second header row names the columns under a merged group header (责任单位 over
    牵头单位 | 配合单位): where its cell is a column word, it wins."""
    for k, c in enumerate(second.cells[: len(cols)]):
        col = column(_text(folded, c))
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


def interpret(
    source: str, folded: str, blocks: list[Block], t: TextTable, at: int, issues: list[Issue]
) -> tuple[Table, list[Block]] | None:
    """What one table gives; None where it has no header row of column words."""
    h = _header_at(folded, t.rows)
    if h is None:
        return None
    head = t.rows[h]
    cols = [column(_text(folded, c)) for c in head.cells]
    start = _second_header(folded, t.rows, h)
    if start == h + 2:
        _refine(folded, cols, t.rows[h + 1])
    settle_years(cols)
    _bound_targets(cols, (head.start, head.end), issues)
    table = Table(t.start, t.end, t.form, kind(cols), cols, t.blocks)
    r = _Reading(folded, source, table, _caption(folded, blocks, at), issues)
    for row in t.rows[:h]:  # title rows above the header: 附件, the table's caption
        live = _trim_trailing(row.cells)
        if len(live) == 1:
            b = row.blocks[-1]
            b.start, b.end = live[0].start, live[0].end
            r.headings.append(b)
    header = [clean(_text(folded, c)) for c in head.cells]
    r.left = any(_empty_tail(row.cells, len(cols)) for row in t.rows[start:])
    _read_rows(r, t.rows[start:], header)
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
    found = sorted(
        text_tables(source, folded, blocks, budget) + line_tables(folded, blocks, budget),
        key=lambda t: t.start,
    )
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
    issues.extend(spaced_headers(folded, blocks, [(t.start, t.end) for t in tables]))
    rows = [row for table in tables for row in table.rows]
    return rows, tables, issues
