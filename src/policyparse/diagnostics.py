"""What every stage may report: a diagnostic with a code, a message and a span.

Stages return Issues beside their results; the pipeline gathers them into
``Document.diagnostics``.  The codes are a closed vocabulary (vocab.DiagnosticCode).
"""

from __future__ import annotations

from dataclasses import dataclass

from .vocab import DiagnosticCode, Severity


@dataclass(slots=True)
class Issue:
    """A diagnostic raised by a stage: code, message, span (None: the whole input)."""

    code: DiagnosticCode
    message: str
    span: tuple[int, int] | None
    severity: Severity = "warning"
