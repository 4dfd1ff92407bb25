"""A batch's JSON lines read back: one record per path, the first, as ``--resume`` counts.

The tables built after a batch run and the corpus report read the same file the
same way: a line is a Document, an error record, a skipped record (a path the batch
left out), or no record at all (a torn
line left by an interruption, a blank or foreign line); a path's second record
(two runs on one file before the output was locked) is passed over.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from ..errors import PolicyParseError
from ..model.document import Document


def _open_regular(jsonl: str | Path) -> TextIO:
    """*jsonl* open for reading, or an error if it is no regular file.

    A pipe or a device (/dev/zero) may never end, nor hold a line end; opened
    without O_NONBLOCK, a pipe with no writer would not even open.
    """
    fd = os.open(jsonl, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise PolicyParseError(f"{jsonl}: not a regular file (a batch result is a file)")
    return open(fd, encoding="utf-8", errors="replace")


def records(jsonl: str | Path) -> Iterator[Document | dict[str, Any] | None]:
    """Each line of *jsonl*: a Document, an error or skipped record (a dict: ``"error"``
    or ``"skipped"`` says which), or None for no record.

    A path already read gives nothing; blank lines give nothing either.
    """
    seen: set[str] = set()
    with _open_regular(jsonl) as fh:
        for line in fh:
            if not line.strip():
                continue
            item: Document | dict[str, Any] | None = None
            path: object = None
            if '"schema_version"' in line[:40]:
                try:
                    item = Document.model_validate_json(line)
                    path = item.source.path
                except ValueError:  # pydantic's ValidationError is a ValueError
                    item = None
            else:
                try:
                    record = json.loads(line)
                except ValueError:
                    record = None
                if isinstance(record, dict) and ("error" in record or "skipped" in record):
                    item, path = record, record.get("path")
            if isinstance(path, str):
                if path in seen:
                    continue
                seen.add(path)
            yield item
