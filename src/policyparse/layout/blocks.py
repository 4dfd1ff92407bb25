"""Cut the folded text into blocks: one trimmed, non-blank line each.

A block's span is exact in the source (folding keeps offsets).  Later layout
stages set furniture aside, repair wraps and glued headings, and give some
blocks a fixed role in a notice; the structure stage turns blocks into nodes.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..vocab import BlockRole

# Role and furniture patterns only ever see short lines, so even a pattern
# with a lazy quantifier stays linear in the size of the document.
SHORT_LINE = 200


@dataclass(slots=True)
class Block:
    """One trimmed, non-blank line and the part it plays, if a fixed one."""

    start: int
    end: int
    role: BlockRole | None = None
    glued: bool = False  # split off the paragraph before it (…。(二)加强…)


def split_blocks(folded: str) -> list[Block]:
    """Non-blank lines of *folded*, trimmed of surrounding spaces."""
    blocks: list[Block] = []
    pos = 0
    for line in folded.split("\n"):
        stripped = line.strip(" ")
        if stripped:
            lead = len(line) - len(line.lstrip(" "))
            blocks.append(Block(pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return blocks


_PIPE_RUN = 3  # lines in a row that make a flattened table's cells, at least


def trim_cell_pipes(folded: str, blocks: list[Block]) -> list[Block]:
    """Cells of a pipe table flattened one per line, each closed by a pipe (序号 | /
    目标与任务 | / 80 |, as some sites print a table): the pipe ends the cell and is no
    part of its words.  A run of three or more lines that each end in a pipe and hold no
    other, or only the bars of empty cells after it (责任单位 | |), is trimmed of them (and
    the spaces before them); a markdown row holds several."""
    out = list(blocks)
    i, n = 0, len(blocks)
    while i < n:
        j = i
        while j < n and (closed_by_pipe(folded, blocks[j]) or _padded(folded, blocks[j])):
            j += 1
        if j - i >= _PIPE_RUN and not _pipe_rows_around(folded, blocks, i, j):
            caption = _caption_above(folded, blocks, i)
            for k in [*([caption] if caption < i else []), *range(i, j)]:
                b = blocks[k]
                end = b.end
                while end > b.start and folded[end - 1] in " |":
                    end -= 1
                out[k] = Block(b.start, end, b.role, b.glued)
        i = max(j, i + 1)
    return out


def _caption_above(folded: str, blocks: list[Block], i: int) -> int:
    """Where a long run of cells closed by pipes starts with its caption: the line closed
    by a pipe above a line of pipes alone (专栏2 某某主要指标简表 | / |||| / 具体指标 | …)."""
    if i >= 2 and _bars(folded, blocks[i - 1]) and closed_by_pipe(folded, blocks[i - 2]):
        return i - 2
    return i


def _bars(folded: str, b: Block) -> bool:
    return b.end > b.start and not folded[b.start : b.end].strip("| ")


_ROW_CELLS = 16  # cells of one row of a pipe table broken at its cells, at most


def _pipe_rows_around(folded: str, blocks: list[Block], i: int, j: int) -> bool:
    """The run stands between lines of a pipe table broken at its cells (a lone | between
    rows, ||||| closing a row): that form is read as pipe rows, the pipes kept.  A line
    of pipes next to a run longer than a row (专栏2 … | / |||| / then every cell of the
    table) is no such border: those cells are one per line."""
    near = [folded[blocks[k].start : blocks[k].end] for k in (i - 1, j) if 0 <= k < len(blocks)]
    if any(line == "|" for line in near):
        return True
    return j - i <= _ROW_CELLS and any("||" in line for line in near)


def _padded(folded: str, b: Block) -> bool:
    """A line of one cell closed by a pipe, then the bars of empty cells a merged cell left
    (责任单位 | |, 市司法局 | ||): part of a run of cells one per line, its bars trimmed."""
    text = folded[b.start : b.end]
    bar = text.find("|")
    return bar > 1 and text[bar - 1] == " " and not text[bar:].replace("|", "").strip()


def closed_by_pipe(folded: str, b: Block) -> bool:
    """A line of one cell closed by a pipe (序号 |, 主要指标 |), the only pipe it holds."""
    return (
        b.end - b.start > 1 and folded[b.end - 1] == "|" and folded.count("|", b.start, b.end) == 1
    )
