"""The documents an analysis command reads: plans, folders of plans, or a batch result.

``policyparse targets`` and ``policyparse network`` take any mix of plan files
(parsed here), folders (walked as ``batch`` walks them) and ``.jsonl`` batch
results (read back one record at a time, error records counted and passed over).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import shown

if TYPE_CHECKING:
    from ..extract.gazetteer import Gazetteer
    from ..model.document import Document


@dataclass
class Reading:
    """What was read: how many documents, and what could not be read."""

    documents: int = 0
    failed: list[str] = field(default_factory=list)

    def report(self) -> None:
        """One line on stderr when something could not be read."""
        if self.failed:
            names = ", ".join(shown(x) for x in self.failed[:5])
            more = f" and {len(self.failed) - 5} more" if len(self.failed) > 5 else ""
            print(
                f"policyparse: {len(self.failed)} inputs could not be read: {names}{more}",
                file=sys.stderr,
            )


def is_jsonl(path: str) -> bool:
    return path.lower().endswith((".jsonl", ".ndjson"))


def documents(
    inputs: Sequence[str], gazetteer: Gazetteer, reading: Reading | None = None
) -> Iterator[Document]:
    """Each document of *inputs*, in order: parsed plans, or a batch result's records."""
    from ..api import parse_file
    from ..batch.discover import expand
    from ..errors import InputError, NotFoundError
    from ..export.records import records

    seen = reading if reading is not None else Reading()
    for item in inputs:
        if is_jsonl(item) and os.path.isfile(item):
            for record in records(item):
                if record is None or isinstance(record, dict):
                    seen.failed.append(str(record.get("path", item)) if record else item)
                else:
                    seen.documents += 1
                    yield record
            continue
        if not os.path.exists(item):
            raise NotFoundError(f"{item}: no such file or folder")
        for path in expand([item]):
            try:
                doc = parse_file(path, gazetteer=gazetteer)
            except InputError:
                if not os.path.isdir(item):
                    raise  # a file named on its own that cannot be read is an error
                seen.failed.append(path)
                continue
            seen.documents += 1
            yield doc
