"""What every stage may report: a diagnostic with a code, a message and a span.

Stages return Issues beside their results; the pipeline gathers them into
``Document.diagnostics``.  The codes are a closed vocabulary (vocab.DiagnosticCode).
"""

from __future__ import annotations

from dataclasses import dataclass

from .vocab import DiagnosticCode, Severity

# A diagnostic per repeated heading made 300,000 of them from 3 MB of （一）: past this
# many of one code, the rest are only counted, in one last diagnostic of that code.
MAX_PER_CODE = 100
_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(slots=True)
class Issue:
    """A diagnostic raised by a stage: code, message, span (None: the whole input)."""

    code: DiagnosticCode
    message: str
    span: tuple[int, int] | None
    severity: Severity = "warning"
    more: int = 0  # a count of issues of this code left out (see capped), not one issue


class Capped(list[Issue]):
    """Issues as a stage gathers them, at most MAX_PER_CODE of a code; the rest counted."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: dict[str, int] = {}
        self.left_out: dict[DiagnosticCode, Issue] = {}

    def append(self, issue: Issue) -> None:
        n = self.counts[issue.code] = self.counts.get(issue.code, 0) + 1
        if n <= MAX_PER_CODE:
            super().append(issue)
            return
        first = self.left_out.get(issue.code)
        if first is None:
            self.left_out[issue.code] = Issue(issue.code, "", issue.span, issue.severity, 1)
        else:
            first.more += 1
            if _RANK[issue.severity] > _RANK[first.severity]:
                first.severity = issue.severity

    def closed(self) -> list[Issue]:
        """The issues kept, then one count per code that had more."""
        return [*self, *self.left_out.values()]


def capped(issues: list[Issue]) -> list[Issue]:
    """*issues* with at most MAX_PER_CODE of each code, and one last that counts the rest.

    Counts already made (an Issue with ``more``, from Capped) are added in.
    """
    kept = Capped()
    counted: dict[DiagnosticCode, Issue] = {}
    for issue in issues:
        if issue.more:
            counted[issue.code] = issue
        else:
            kept.append(issue)
    out: list[Issue] = list(kept)
    for code in {**kept.left_out, **counted}:
        parts = [i for i in (kept.left_out.get(code), counted.get(code)) if i is not None]
        n = sum(i.more for i in parts)
        worst = max((i.severity for i in parts), key=_RANK.__getitem__)
        more = "diagnostic" if n == 1 else "diagnostics"
        message = f"{n:,} more {code} {more} like the ones above, not listed"
        out.append(Issue(code, message, parts[0].span, worst))
    return out
