"""The records of a batch's JSON lines beside its Documents: a file that failed, a path
left out.  Each line of a batch result is one of the three (docs/record.schema.json)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ..vocab import ErrorCode, SkipReason


class ErrorRecord(BaseModel):
    """A file that could not be parsed: where, which error, why."""

    model_config = ConfigDict(extra="forbid", title="ErrorRecord")

    path: str = Field(description="The path as given (bytes no UTF-8 can hold as \\xNN).")
    error: ErrorCode = Field(description="Why the file failed (docs/exports.md, Error records).")
    message: str = Field(description="The error in words.")


class SkippedRecord(BaseModel):
    """A path a batch found and left out, so that the output accounts for every file:
    a file that is no plan policyparse reads, or a folder it did not walk."""

    model_config = ConfigDict(extra="forbid", title="SkippedRecord")

    path: str = Field(description="The path as found (bytes no UTF-8 can hold as \\xNN).")
    skipped: SkipReason = Field(description="Why it was left out (docs/exports.md).")
    message: str = Field(description="The reason in words, and how to include it.")


def skipped_line(path: str, reason: SkipReason, message: str) -> str:
    """The JSON line of a path left out, written whatever its path holds."""
    from ..inputs.read import escape_surrogates, record_key

    record = SkippedRecord(
        path=record_key(path), skipped=reason, message=escape_surrogates(message)
    )
    return record.model_dump_json()
