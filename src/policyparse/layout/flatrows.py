"""A table whose header was printed one label per line but whose rows reached us as text.

A page converted without its table markup keeps the header's labels one per line and then
prints each row's cells as lines of text: a goal numbered as an item, its sub-goals, then
the bodies answering for them one per line::

    领域 / 主要目标 / 主要责任单位 / 责任单位
    1.提高出生人口质量。
    ——低出生体重儿发生率控制在4%以下。
    省卫生厅
    省人口计生委

No reader can cut such rows into cells (a row prints as many lines as its cells hold), but
the header says that the lines of bodies are unit cells: each such line is a unit of the
node it stands in (Table.loose), with the role the header's unit columns share
(responsible above: 主要责任单位 and 责任单位).  A run of short lines with a body among
them is read whole (省人口计生, a name the page cut short, stands between bodies).

Takes a header of three or more column words one per line, one of them a unit column,
where no reader read a table; leaves a header whose unit columns name different roles
(牵头单位 / 配合单位: which column a line stood in is lost), a header read as a table, and
every line before the header.  The lines end at an attachment's label or a numbered
heading of the top level (一、).
"""

from __future__ import annotations

import re

from ..inputs.bodies import unit_like
from ..inputs.columns import Column, clean, column
from ..text.fold import compact
from .blocks import Block
from .markers import match_marker
from .roles import opens_attachment
from .tablemodel import Table

_LABELS_MIN = 3  # labels of a header one per line, at least
_LABELS_MAX = 10
_NAME_MAX = 24  # a body's name is shorter than this
_PLAIN = re.compile(r"[^\d，。；：,.;:！？!?、（）()“”—\-]+")  # no sentence, number or list


def flat_tables(folded: str, blocks: list[Block], tables: list[Table]) -> list[Table]:
    """The header of each such table (see the module) with the lines of bodies after it as
    its loose unit cells; none where a table was read."""
    taken = [(t.start, t.end) for t in tables]
    out: list[Table] = []
    i = 0
    while i < len(blocks):
        cols = _header(folded, blocks, i, taken)
        if cols is None:
            i += 1
            continue
        head = blocks[i : i + len(cols)]
        table = Table(head[0].start, head[-1].end, "lines", "other", cols, list(head))
        i = _cells(folded, blocks, i + len(cols), cols, table)
        out.append(table)
    return out


def _header(
    folded: str, blocks: list[Block], i: int, taken: list[tuple[int, int]]
) -> list[Column] | None:
    """The columns of the header whose labels start at block *i*, one per line, or None
    where none starts there."""
    cols: list[Column] = []
    while i + len(cols) < len(blocks) and len(cols) < _LABELS_MAX:
        b = blocks[i + len(cols)]
        words = clean(folded[b.start : b.end])
        col = column(words)
        if not words or len(words) > _NAME_MAX or not col.kind:
            break
        cols.append(col)
    if len(cols) < _LABELS_MIN:
        return None
    roles = {c.role for c in cols if c.role is not None}
    start, end = blocks[i].start, blocks[i + len(cols) - 1].end
    if len(roles) != 1 or any(a < end and start < b for a, b in taken):
        return None
    return cols


def _cells(folded: str, blocks: list[Block], j: int, cols: list[Column], table: Table) -> int:
    """The lines of bodies from block *j* on, as the table's loose unit cells; where they end."""
    col = next(c for c in cols if c.role is not None)
    assert col.role is not None
    run: list[Block] = []
    while j < len(blocks):
        b = blocks[j]
        text = compact(folded[b.start : b.end])
        if opens_attachment(text) or _top_heading(folded, b):
            break
        if (_PLAIN.fullmatch(text) and len(text) <= _NAME_MAX) or unit_like(clean(text)):
            run.append(b)
        else:
            _take(folded, run, col, table)
            run = []
        j += 1
    _take(folded, run, col, table)
    return j


def _take(folded: str, run: list[Block], col: Column, table: Table) -> None:
    """A run of short lines is a unit cell's where a body stands among them."""
    assert col.role is not None
    if any(unit_like(clean(folded[b.start : b.end])) for b in run):
        table.loose.extend((b.start, b.end, col.role, col.header) for b in run)


def _top_heading(folded: str, b: Block) -> bool:
    mk = match_marker(folded, b.start, b.end)
    return mk is not None and not mk.digit_follows and mk.style == "cn_dun"
