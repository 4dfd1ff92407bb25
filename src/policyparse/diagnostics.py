"""What every stage may report: a diagnostic with a code, a message and a span.

Stages return Issues beside their results; the pipeline gathers them into
``Document.diagnostics``.  The codes are a closed vocabulary (a Literal),
so a misspelt code fails the type check rather than reaching users.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

DiagnosticCode = Literal[
    # inputs
    "replaced_bytes",
    "metadata_mismatch",
    "bad_page_metadata",
    # layout
    "hard_wrap",
    "unbalanced_brackets",
    "glued_heading",
    "table_row_unreadable",
    "table_rows_missing",
    # structure
    "numbering_gap",
    "numbering_repeat",
    "duplicate_path",
    "empty_heading",
    "heading_without_body",
    "no_structure",
    "empty",
    # metadata
    "bad_date",
]
Severity = Literal["info", "warning", "error"]


@dataclass(slots=True)
class Issue:
    """A diagnostic raised by a stage: code, message, span (None: the whole input)."""

    code: DiagnosticCode
    message: str
    span: tuple[int, int] | None
    severity: Severity = "warning"
