"""The text stage as the pipeline runs it (pipeline.STAGES)."""

from __future__ import annotations

from ..diagnostics import Issue
from ..inputs.read import Loaded
from .fold import fold


def fold_text(loaded: Loaded) -> tuple[str, list[Issue]]:
    """Full-width forms folded one character for one character: offsets stay the source's.

    The notes decoding made (what it repaired) join the document's diagnostics here.
    """
    return fold(loaded.text), list(loaded.notes)
