"""The plan's text: the source without the gaps inside joined paragraphs, and the way back.

Where the layout stage joined lines into one paragraph (a PDF's wrapped lines,
a hard-wrapped copy), the line break between them, and on a page break the page
furniture too, is no part of the plan's text: ``市\\n农业农村委`` is one unit,
``2025\\n年`` a year, ``75 万人⏎- 4 -⏎以上`` a target.  Every later stage reads
the plan's text, in which these gaps are closed, so no pattern has to allow for
a line break anywhere; a gap between two Latin letters or digits (``GB/T\\n29912``)
keeps one character, read as a space.

The source is never rewritten: what the user sees (``--with-text``) is the text
as read, and every span of the Document points into it.  ``PlanText`` maps the
plan's offsets back (``to_source``) when the Document is built (model.remap), and
the source's forward (``to_plan``) for what was found before the gaps closed
(decoding notes, furniture).  Without gaps the plan's text is the source itself.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from ..diagnostics import Issue
from .blocks import Block
from .furniture import Piece
from .repair import Gap


@dataclass(frozen=True, slots=True)
class PlanText:
    """Segments of the source kept in the plan's text: (plan start, source start, length)."""

    source: str
    plan_starts: tuple[int, ...]
    source_starts: tuple[int, ...]
    lengths: tuple[int, ...]
    furniture: list[Piece] = field(default_factory=list)  # in source offsets, every piece

    def to_source(self, offset: int) -> int:
        """The source offset of the plan's character at *offset* (or of the end)."""
        k = max(0, bisect_right(self.plan_starts, offset) - 1)
        return self.source_starts[k] + min(offset - self.plan_starts[k], self.lengths[k])

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """A span of the plan's text as a span of the source (gaps inside it included)."""
        if end <= start:
            at = self.to_source(start)
            return at, at
        return self.to_source(start), self.to_source(end - 1) + 1

    def to_plan(self, offset: int) -> int:
        """The plan's offset of the source's *offset*; inside a gap, where the gap closed."""
        k = max(0, bisect_right(self.source_starts, offset) - 1)
        return self.plan_starts[k] + min(offset - self.source_starts[k], self.lengths[k])


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def close_gaps(
    source: str, folded: str, gaps: list[Gap], words: bool = True
) -> tuple[str, str, PlanText]:
    """The plan's text (source and folded) without *gaps*, and its map to the source.

    *words*: lines break between words (a PDF's: a gap between two Latin letters or digits
    keeps a space); False where they break at a count of characters, inside a number too
    (a hard-wrapped copy: ``到20⏎25年`` is 2025).
    """
    plan_starts: list[int] = []
    source_starts: list[int] = []
    lengths: list[int] = []
    src_parts: list[str] = []
    fold_parts: list[str] = []
    pos = plan = 0
    for start, end in sorted(gaps):
        if start < pos:
            continue  # never: gaps come from distinct joins
        keep = words and start > 0 and end < len(source) and _ascii_word(source[start - 1])
        keep = keep and _ascii_word(source[end])
        cut = start + 1 if keep else start  # GB/T⏎29912: the line break kept, as a space
        plan_starts.append(plan)
        source_starts.append(pos)
        lengths.append(cut - pos)
        src_parts.append(source[pos:cut])
        fold_parts.append(folded[pos:start] + (" " if keep else ""))
        plan += cut - pos
        pos = end
    plan_starts.append(plan)
    source_starts.append(pos)
    lengths.append(len(source) - pos)
    src_parts.append(source[pos:])
    fold_parts.append(folded[pos:])
    text = PlanText(source, tuple(plan_starts), tuple(source_starts), tuple(lengths))
    return "".join(src_parts), "".join(fold_parts), text


def plan_blocks(blocks: list[Block], text: PlanText) -> list[Block]:
    """The blocks in the plan's offsets (a block never starts or ends inside a gap)."""
    return [
        Block(text.to_plan(b.start), text.to_plan(b.end - 1) + 1, b.role, b.glued) for b in blocks
    ]


def plan_furniture(pieces: list[Piece], gaps: list[Gap], text: PlanText) -> list[Piece]:
    """The pieces outside every gap, in the plan's offsets (for the metadata stage)."""
    starts = sorted(gaps)
    out = []
    for p in pieces:
        k = bisect_right(starts, (p.start, len(text.source))) - 1
        if k >= 0 and starts[k][0] <= p.start < starts[k][1]:
            continue
        out.append(Piece(p.kind, text.to_plan(p.start), text.to_plan(p.end - 1) + 1))
    return out


def plan_issues(issues: list[Issue], text: PlanText) -> list[Issue]:
    """Diagnostics found before the gaps closed (decoding notes), in the plan's offsets."""
    out = []
    for i in issues:
        span = i.span
        if span is not None:
            span = (text.to_plan(span[0]), max(text.to_plan(span[0]), text.to_plan(span[1])))
        out.append(Issue(i.code, i.message, span, i.severity))
    return out
