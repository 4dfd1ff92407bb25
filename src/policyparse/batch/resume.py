"""``--resume``: what an existing JSONL output already holds, and what to skip."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import shown


@dataclass(slots=True)
class Recorded:
    """What an output file already holds, as ``--resume`` reads it."""

    paths: set[str]
    blank: int = 0  # blank lines, skipped
    foreign: int = 0  # lines that are no record (not JSON, or no path), skipped
    duplicates: int = 0  # records of a path already recorded above (the first counts)
    torn: int = 0  # bytes of a torn last line, dropped

    def report(self, out: str) -> str | None:
        """One line on what was skipped or dropped, or None when the file was clean."""
        parts = []
        if self.duplicates:
            parts.append(
                f"{self.duplicates} duplicated record{_s(self.duplicates)} "
                "(the first of each path counts; the others stay in the file)"
            )
        if self.blank:
            parts.append(f"{self.blank} blank line{_s(self.blank)}")
        if self.foreign:
            parts.append(f"{self.foreign} line{_s(self.foreign)} that are no records")
        if self.torn:
            parts.append(f"dropped a torn last line ({self.torn} bytes)")
        if not parts:
            return None
        return f"policyparse: resume: {shown(out)} holds " + "; ".join(parts)


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def record_path(record: object) -> str | None:
    """The path of a JSONL record (a Document or an error record), None for anything else."""
    if not isinstance(record, dict):
        return None
    path = record.get("path")
    if path is None:
        source = record.get("source")
        path = source.get("path") if isinstance(source, dict) else None
    return path if isinstance(path, str) else None


def read_recorded(out: Path) -> Recorded:
    """The paths recorded in *out*, skipping blank, foreign and duplicated lines.

    Only a torn last line (no line end: the run was interrupted while writing
    it) is cut off the file; nothing else in it is changed.
    """
    found = Recorded(set())
    if not out.exists():
        return found
    good = 0
    with out.open("rb") as fh:
        for raw in fh:
            complete = raw.endswith(b"\n")
            try:
                path = record_path(json.loads(raw)) if raw.strip() else None
            except ValueError:
                path = None
            if not complete:
                if path is None:
                    found.torn = len(raw)
                    break
                raw += b"\n"  # a whole record that lost only its line end: keep it
            good += len(raw)
            if path is None:
                if raw.strip():
                    found.foreign += 1
                else:
                    found.blank += 1
            elif path in found.paths:
                found.duplicates += 1
            else:
                found.paths.add(path)
    size = out.stat().st_size
    if good < size:
        with out.open("r+b") as fh:
            fh.truncate(good)
    elif good > size:
        with out.open("ab") as fh:
            fh.write(b"\n")
    return found


def done_paths(out: Path) -> set[str]:
    """Paths already recorded in *out* (see read_recorded); drops a torn last line."""
    return read_recorded(out).paths
