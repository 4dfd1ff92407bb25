"""Splitting text on separators that stand outside brackets.

Several stages cut a run of text into items (units in a statement, subjects
in a 分别 list) where a separator inside brackets (各区(县、市)政府) does not count.
"""

from __future__ import annotations

from collections.abc import Container


def split_outside(
    folded: str,
    start: int,
    end: int,
    seps: str,
    opens: str,
    closes: str,
    skip: Container[int] = (),
) -> list[tuple[int, int]]:
    """[start, end) cut at each separator outside brackets (and not at offsets in *skip*)."""
    pieces: list[tuple[int, int]] = []
    depth = 0
    piece = start
    for i in range(start, end):
        ch = folded[i]
        if ch in opens:
            depth += 1
        elif ch in closes:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in seps and i not in skip:
            pieces.append((piece, i))
            piece = i + 1
    pieces.append((piece, end))
    return pieces
