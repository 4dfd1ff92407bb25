"""Figures a cell holds more than one of: a task row's yearly figures (节点 | 指标数: 2018年 /
345个 / 2019年 / 440个 …, one per year, the row's task their indicator) and an indicator
cell listing a value per item of its name (98%、98%) (layout/tables.py)."""

from __future__ import annotations

from itertools import pairwise

from ..inputs.columns import clean, year_of
from .cells import Cell
from .values import FIGURE

Span = tuple[int, int]
_YEAR_CELL = 8  # 2025年底前: a year cell is short
_PAIR_SPLIT = "/／"  # 24.3万户/682个: two figures of one year, one per measure


def cell_year(words: str) -> int | None:
    """The year a short cell names (2019年, 2020年底前, “十五五”), else None."""
    return year_of(words) if len(words) <= _YEAR_CELL else None


def yearly_values(folded: str, cells: list[Cell]) -> list[tuple[Span, int, str]]:
    """(value span, year, the year cell as printed) for each year cell of *cells* followed
    by a figure; a figure cell holding two figures split at / gives both."""
    out: list[tuple[Span, int, str]] = []
    for a, b in pairwise(cells):
        year_text = clean(folded[a.start : a.end])
        value = clean(folded[b.start : b.end])
        year = cell_year(year_text)
        if year is None or not FIGURE.match(value) or year_of(value) is not None:
            continue
        out.extend((span, year, year_text) for span in _figures(folded, b))
    return out


def _figures(folded: str, c: Cell) -> list[Span]:
    """The cell's span, or its two parts where / joins two figures (24.3万户/682个)."""
    for k in range(c.start + 1, c.end - 1):
        if folded[k] in _PAIR_SPLIT and folded[k + 1].isdigit() and folded[k - 1] != "/":
            return [(c.start, k), (k + 1, c.end)]
    return [(c.start, c.end)]


def listed_values(folded: str, c: Cell) -> list[Span]:
    """A value cell's figures: one, or one per item where 、 joins figures (98%、98% under
    县道、乡村道优良路率: a value per item of the name)."""
    parts: list[Span] = []
    start = c.start
    for k in range(c.start, c.end):
        if folded[k] == "、":
            parts.append((start, k))
            start = k + 1
    parts.append((start, c.end))
    if len(parts) > 1 and all(FIGURE.match(folded, a, b) for a, b in parts):
        return parts
    return [(c.start, c.end)]
