"""Tables rendered one cell per line, as in the 附件 of many notices.

序号 / 改革举措 / 主要内容 / 指导部门 / 推广范围, then per row a bare number and
its cells.  A table whose header names a responsibility column (指导部门,
责任单位 …, see lexicon extract/role_labels) turns each row into a measure: the row
number is its label, the first cell after 序号 its title, and the units of
that column answer for it.  A row that does not have its full set of cells
is left as text, with a diagnostic: guessing would attach units to the
wrong measure.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import lexicon
from ..diagnostics import Issue
from ..text.fold import compact
from ..vocab import Role
from .blocks import Block
from .markers import match_marker

_HEADER_MAX = 12  # a header cell is a short label


@dataclass(slots=True)
class Row:
    """One table row: its number block, its cells, and the units column."""

    number: int
    number_block: Block
    cells: list[Block]
    title: int  # index into cells of the title column
    units: int | None  # index into cells of the responsibility column
    role: Role | None


def _serial(folded: str, b: Block) -> int | None:
    text = compact(folded[b.start : b.end])
    # isascii: ① and ² are str.isdigit() too, but no int() reads them.
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 4 else None


def find(folded: str, blocks: list[Block]) -> tuple[list[Row], list[Issue]]:
    """Tables with a 序号 header and a responsibility column; their rows."""
    roles = lexicon.roles("extract/role_labels")
    serial = lexicon.words("layout/table_headers")
    rows: list[Row] = []
    issues: list[Issue] = []
    i = 0
    n = len(blocks)
    while i < n:
        if compact(folded[blocks[i].start : blocks[i].end]) not in serial:
            i += 1
            continue
        j = _header_end(folded, blocks, i)
        names = [compact(folded[b.start : b.end]) for b in blocks[i:j]]
        unit_col = next((k for k, name in enumerate(names) if name in roles), None)
        if j - i < 3 or unit_col is None:
            i = j
            continue
        role = roles[names[unit_col]]
        i = _rows(folded, blocks, j, j - i, unit_col, role, rows, issues)
    return rows, issues


def _header_end(folded: str, blocks: list[Block], i: int) -> int:
    """The end of the header that opens at block *i*: short labels, no number, no marker."""
    j = i + 1
    while j < len(blocks):
        text = compact(folded[blocks[j].start : blocks[j].end])
        if not text or len(text) > _HEADER_MAX or _serial(folded, blocks[j]) is not None:
            break
        if match_marker(folded, blocks[j].start, blocks[j].end) is not None:
            break
        j += 1
    return j


def _rows(
    folded: str,
    blocks: list[Block],
    j: int,
    width: int,
    unit_col: int,
    role: Role,
    rows: list[Row],
    issues: list[Issue],
) -> int:
    """The numbered rows of a table of *width* columns from block *j*; where they end.

    A row without its full set of cells is left as text with a diagnostic, and
    a jump in the numbering is noted: the rows read are added to *rows*.
    """
    expected: int | None = None
    while j < len(blocks):
        number = _serial(folded, blocks[j])
        if number is None:
            if match_marker(folded, blocks[j].start, blocks[j].end) is not None:
                j += 1  # a group heading inside the table: 一、知识产权保护方面
                continue
            break
        cells = blocks[j + 1 : j + width]
        if _broken(folded, cells, width):
            issues.append(
                Issue(
                    "table_row_unreadable",
                    f"table row {number} lacks some of its {width - 1} cells; kept as text",
                    (blocks[j].start, blocks[j].end),
                )
            )
            j += 1
            continue
        if expected is not None and number != expected:
            issues.append(
                Issue(
                    "table_rows_missing",
                    f"table rows jump from {expected - 1} to {number}",
                    (blocks[j].start, blocks[j].end),
                    "info",
                )
            )
        rows.append(Row(number, blocks[j], list(cells), 0, unit_col - 1, role))
        expected = number + 1
        j += width
    return j


def _broken(folded: str, cells: list[Block], width: int) -> bool:
    """A row short of cells, or whose cells run into the next row's number or a marker."""
    return len(cells) < width - 1 or any(
        _serial(folded, c) is not None or match_marker(folded, c.start, c.end) is not None
        for c in cells
    )
