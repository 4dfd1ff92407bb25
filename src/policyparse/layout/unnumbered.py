"""Task tables printed one cell per line whose header names no 序号, though each row opens
with its number (rows of a list of duties copied from a Word table):

    一级指标 / 二级指标 / 评价指标 / 牵头单位 / 责任单位
    一、坚持依法决策
    （一）健全决策机制
    1 / 每年3月底前报告工作情况。 / 市司法局 / 市政府各部门
    2 / …

A run of three labels or more, one a column of units and none a serial label, then
headings at most and the row numbered 1.  The serial column stands where the first row's
cells, counted from its number to the next, leave it; the labels before it name the levels
the headings print (一、…, （一）…), which the rows read as heading rows of the table
(layout/lines.py).  Leaves a header with no unit column (a rubric of scores), one printing
its 序号 (read as such), and rows not numbered from 1 right after the header.
"""

from __future__ import annotations

from ..inputs.columns import Column, clean, column, serial_label
from ..text.fold import compact
from .align import serial_text
from .blocks import Block
from .cells import Cell
from .linecells import first_row_width, header_cells, header_end, heading, label_line

_MIN = 3  # labels of such a header, and lines of its first row, at least
_HEADINGS_AHEAD = 4  # heading lines between the header and the first row, at most
_NOT_TASK = frozenset({"unit", "deadline", "serial"})  # kinds a row's first cell is not


def _text(folded: str, b: Block) -> str:
    return compact(folded[b.start : b.end])


def _first_row(folded: str, blocks: list[Block], j: int) -> int | None:
    """The line of the row numbered 1 after the header ending at *j*, past headings."""
    k = j
    while k < min(len(blocks), j + _HEADINGS_AHEAD) and heading(folded, blocks[k]):
        k += 1
    if k < len(blocks) and serial_text(_text(folded, blocks[k])) == 1:
        return k
    return None


def unnumbered_header(
    folded: str, blocks: list[Block], i: int
) -> tuple[list[Block], list[Cell], list[Column], int] | None:
    """The header opening at block *i* (its lines, its cells and columns from the serial
    column on, the serial one an empty cell) and the line after it; None where there is none."""
    if i > 0 and label_line(folded, blocks[i - 1]):
        return None  # not the first label of the run
    j = header_end(folded, blocks, i - 1) if label_line(folded, blocks[i]) else i
    labels = [_text(folded, b) for b in blocks[i:j]]
    if len(labels) < _MIN or not any(column(t).role for t in labels):
        return None
    if any(serial_label(t) for t in labels):
        return None  # 考核项目 / 序号 / …: a header printing its 序号, read as such
    k = _first_row(folded, blocks, j)
    width = first_row_width(folded, blocks, k) if k is not None else 0
    at = len(labels) - (width - 1)
    head = blocks[i:j]
    cells = header_cells(folded, head)
    if width < _MIN or not 0 <= at < len(labels) or len(cells) != len(labels):
        return None
    serial = Cell(head[at].start, head[at].start)  # the 序号 the header does not print
    return head, [serial, *cells[at:]], _columns([clean(t) for t in labels[at:]]), j


def _columns(labels: list[str]) -> list[Column]:
    """The serial column, the task (the first label after it), then each label's kind."""
    cols = [Column("serial")]
    for k, t in enumerate(labels):
        c = column(t)
        cols.append(Column("task", t) if k == 0 and c.kind not in _NOT_TASK else c)
    return cols
