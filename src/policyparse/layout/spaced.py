"""Tables laid out with runs of spaces, as a PDF's text layer prints them.

Their rows shift from line to line and wrap their names over lines above and below
the row's number, so no column can be told by position; the header can. Such a
table stays text, and its header line gets the diagnostic ``table_unread``.
"""

from __future__ import annotations

import re

from ..diagnostics import Issue
from ..inputs.columns import column, is_header, kind, settle_years
from ..text.fold import compact
from .blocks import Block

_WIDE_GAP = re.compile(r" {2,}")
_SPACED_MIN = 4  # header cells of a table laid out with spaces, at least
_FIGURE = re.compile(r"[-+≥≤<>]?\d+(?:\.\d+)?%?")
_FIGURES_MIN = 3  # figures of a line of a name and figures, at least
_WORDS_MAX = 3  # pieces of words beside them (a number, a name printed with spaces), at most
_ROWS_MIN = 3  # such lines one after another, at least


def spaced_headers(folded: str, blocks: list[Block], spans: list[tuple[int, int]]) -> list[Issue]:
    """A table laid out with runs of spaces (a PDF's text layer) is not read: say so.

    Takes the line ``类别    指标名称    单位    2020 年    2025 年    属性`` (four or more
    cells of column words, an indicator or task table's): its rows shift from line to
    line and wrap their names, so they stay text, with the diagnostic ``table_unread``.
    Leaves a line of one gap (``专栏 1  主要指标``) and every table read already (*spans*).
    """
    out: list[Issue] = []
    for b in blocks:
        if any(a <= b.start < z for a, z in spans):
            continue
        pos = b.start
        for line in folded[b.start : b.end].split("\n"):
            start, pos = pos, pos + len(line) + 1
            cells = [c for c in _WIDE_GAP.split(line.strip()) if c]
            if len(cells) < _SPACED_MIN or not is_header(cells):
                continue
            cols = [column(c) for c in cells]
            settle_years(cols)
            if kind(cols) not in ("indicator", "task"):
                continue
            message = (
                "a table laid out with spaces (a PDF's text layer): its header is "
                f"{' | '.join(compact(c) for c in cells)}, its rows are kept as text"
            )
            out.append(Issue("table_unread", message, (start, start + len(line)), "warning"))
    return out


def figure_rows(folded: str, blocks: list[Block], spans: list[tuple[int, int]]) -> list[Issue]:
    """Lines of a name and figures, one after another, that no table reader read: say so.

    Takes ``1 成都 40000 21804 30000`` / ``2 自贡 16800 3208 14000`` / … (three lines or
    more, each three figures or more beside a few pieces of words: a table whose header
    the readers did not know), so the figures in it are known not to be read.  Leaves a
    line of prose with figures (more words than that), and every table read (*spans*).
    """
    out: list[Issue] = []
    run: list[Block] = []
    for b in [*blocks, None]:
        if b is not None and _figure_row(folded, b) and not any(a <= b.start < z for a, z in spans):
            run.append(b)
            continue
        if len(run) >= _ROWS_MIN:
            message = (
                f"{len(run)} lines of names and figures that no table reader took: their "
                "figures are not read as targets"
            )
            out.append(Issue("table_unread", message, (run[0].start, run[-1].end), "warning"))
        run = []
    return out


def _figure_row(folded: str, b: Block) -> bool:
    pieces = folded[b.start : b.end].split()
    figures = sum(1 for p in pieces if _FIGURE.fullmatch(p))
    return figures >= _FIGURES_MIN and len(pieces) - figures <= _WORDS_MAX
