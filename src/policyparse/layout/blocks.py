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
