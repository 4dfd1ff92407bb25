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
