"""The text stage as the pipeline runs it (pipeline.STAGES)."""

from __future__ import annotations

from ..diagnostics import Issue
from ..inputs.read import Loaded
from .fold import fold
from .markdown import blank_marks


def fold_text(loaded: Loaded) -> tuple[str, list[Issue]]:
    """Full-width forms folded one character for one character: offsets stay the source's.

    The notes decoding made (what it repaired) join the document's diagnostics here.
    A markdown file's marks (#, **, front matter) read as spaces (text.markdown).
    """
    folded = fold(loaded.text)
    if loaded.format == "markdown":
        folded = blank_marks(folded)
    return folded, list(loaded.notes)
