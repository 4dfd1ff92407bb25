"""The documents an analysis command reads: plans, folders of plans, or a batch result.

``policyparse units``, ``targets`` and ``network`` take any mix of plan files
(parsed here), folders and globs (walked as ``batch`` walks them), ``--from`` lists
and ``.jsonl`` batch results (read back one record at a time, error records counted
and passed over, skipped records counted).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import counted, shown
from .inputs import Source, given, none_found, resolve, say_left_out

if TYPE_CHECKING:
    from ..extract.gazetteer import Gazetteer
    from ..model.document import Document


@dataclass
class Reading:
    """What was read: how many documents, what could not be read, what a result left out."""

    documents: int = 0
    failed: list[str] = field(default_factory=list)
    skipped: int = 0  # skipped records of the batch results read

    def report(self) -> None:
        """One line on stderr when something could not be read, one when a result left
        files out."""
        if self.failed:
            names = ", ".join(shown(x) for x in self.failed[:5])
            more = f" and {len(self.failed) - 5} more" if len(self.failed) > 5 else ""
            inputs = counted(len(self.failed), "input")
            print(f"policyparse: {inputs} could not be read: {names}{more}", file=sys.stderr)
        if self.skipped:
            paths = counted(self.skipped, "path")
            print(
                f"policyparse: {paths} left out by the batch, not plans (skipped records)",
                file=sys.stderr,
            )


def sources(args: argparse.Namespace, parser: argparse.ArgumentParser) -> list[Source]:
    """What the command's inputs name, before anything is parsed: a usage error when
    they name no plan nor batch result."""
    items = given(args)
    found, skipped = resolve(items, results=True)
    if not found:
        parser.error(none_found(items, skipped))
    say_left_out(skipped)
    return found


def documents(
    inputs: Sequence[Source], gazetteer: Gazetteer, reading: Reading | None = None
) -> Iterator[Document]:
    """Each document of *inputs*, in order: parsed plans, or a batch result's records."""
    from ..api import parse_file
    from ..errors import InputError
    from ..export.records import records

    seen = reading if reading is not None else Reading()
    for source in inputs:
        if source.jsonl:
            for record in records(source.path):
                if record is None:
                    seen.failed.append(source.path)
                elif isinstance(record, dict):
                    if "skipped" in record:
                        seen.skipped += 1
                    else:
                        seen.failed.append(str(record.get("path", source.path)))
                else:
                    seen.documents += 1
                    yield record
            continue
        try:
            doc = parse_file(source.path, gazetteer=gazetteer)
        except InputError:
            if source.named:
                raise  # a file named on its own that cannot be read is an error
            seen.failed.append(source.path)
            continue
        seen.documents += 1
        yield doc
