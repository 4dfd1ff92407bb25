"""How every command that reads plans is told which: files, folders, globs and ``--from``.

``policyparse FILE``, ``units``, ``view``, ``targets``, ``network`` and ``batch`` read
their inputs alike (``inputs.discover.expand``): a file named on its own is read
whatever its name; a folder is walked for plans (.txt, .html, .docx, .pdf, .doc,
.wps); a name that matches no file is a glob (``'plans/**/*.txt'``, for shells that
do not expand it); ``--from LIST`` adds the paths of LIST, one a line (``-``:
standard input).  What a walk or a glob leaves out is said on stderr (a batch also
records it).  The commands that write one document (``policyparse FILE``, ``view``)
need the inputs to name one plan; the analysis commands also read batch results
(``.jsonl``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import counted, shown
from .common import STDIN

if TYPE_CHECKING:
    from ..inputs.discover import Skipped

FROM_HELP = "read more paths from LIST, one per line (- reads standard input)"
# What the inputs of a command may be, for its --help.
PLANS_HELP = "plans: files, folders (walked for plans), globs ('plans/**/*.txt')"


def add_inputs(p: argparse.ArgumentParser, help: str = PLANS_HELP, metavar: str = "PATH") -> None:
    """The inputs of a command that reads plans, and --from."""
    p.add_argument("inputs", nargs="*", metavar=metavar, help=help)
    p.add_argument("--from", dest="from_file", metavar="LIST", help=FROM_HELP)


def given(args: argparse.Namespace) -> list[str]:
    """The inputs on the command line, then those of --from."""
    items = list(args.inputs)
    if args.from_file:
        from ..inputs.discover import read_list

        items += read_list(args.from_file)
    return items


@dataclass(frozen=True, slots=True)
class Source:
    """One thing to read: a plan (named on its own, or found in a folder or by a glob),
    or a batch result."""

    path: str
    named: bool  # named on its own: a failure to read it is an error, not a count
    jsonl: bool = False


def is_jsonl(path: str) -> bool:
    return path.lower().endswith((".jsonl", ".ndjson"))


def resolve(items: Sequence[str], results: bool) -> tuple[list[Source], list[Skipped]]:
    """The plans (and, with *results*, batch results) *items* name, and what was left out."""
    from ..errors import NotFoundError
    from ..inputs.discover import expand

    sources: list[Source] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    for item in items:
        if results and is_jsonl(item) and os.path.isfile(item):
            sources.append(Source(item, True, jsonl=True))
            continue
        glob = not os.path.lexists(item) and any(ch in item for ch in "*?[")
        if not glob and item != STDIN and not os.path.lexists(item):
            raise NotFoundError(f"{item}: no such file or folder")
        named = not glob and not os.path.isdir(item)
        for path in expand([item], skipped):
            if path not in seen:
                seen.add(path)
                sources.append(Source(path, named))
    return sources, skipped


def left_out(skipped: Sequence[Skipped]) -> str:
    """What a walk or a glob left out: ``3 files and 1 folder (2 .jpg, 1 .ofd, 1 hidden
    folder)``."""
    kinds = Counter(s.kind for s in skipped)
    parts = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    folders = sum(1 for s in skipped if s.reason.endswith("_folder"))
    files = len(skipped) - folders
    what = " and ".join(counted(n, word) for n, word in ((files, "file"), (folders, "folder")) if n)
    return f"{what} ({shown(parts)})"


def say_left_out(skipped: Sequence[Skipped], where: str = "") -> None:
    """One line on stderr on what a walk or a glob left out, if anything."""
    if not skipped:
        return
    advice = ""
    if any(s.reason == "unsupported_format" for s in skipped):
        advice = (
            "; policyparse cannot read .rtf, .xls, .xlsx or .ofd: convert them to text, "
            "HTML, .docx or PDF"
        )
    print(f"policyparse: left out {left_out(skipped)}{advice}{where}", file=sys.stderr)


def _named(items: Sequence[str]) -> str:
    return " ".join(shown(i) for i in items[:2]) + (" …" if len(items) > 2 else "")


def none_found(items: Sequence[str], skipped: Sequence[Skipped]) -> str:
    """The usage error when the inputs name no plan (one line: what was left out in it)."""
    if not items:
        return "no plans given: name files, folders or globs, or --from LIST"
    more = f" (left out {left_out(skipped)})" if skipped else ""
    return f"no plans found in {_named(items)}{more}"


def one_plan(args: argparse.Namespace, parser: argparse.ArgumentParser, many: str) -> str:
    """The one plan the inputs name (``-``: standard input), else a usage error.

    ``policyparse FILE`` and ``view`` write one document; given a folder or a glob of
    several plans, they say which command reads *many*.  A file named alone is taken
    at once (nothing is walked, nothing more imported: a cold start stays short).
    """
    items = given(args)
    if len(items) == 1 and _plainly_one(items[0]):
        return items[0]
    sources, skipped = resolve(items, results=False)
    if not sources:
        parser.error(none_found(items, skipped))
    if len(sources) > 1:
        verb = "name" if len(items) > 1 else "names"
        parser.error(f"{_named(items)} {verb} {len(sources)} plans; {many}")
    say_left_out(skipped)
    return sources[0].path


def _plainly_one(item: str) -> bool:
    """Standard input, or a name that is no folder nor a glob: a file, or a missing one
    (which reading it says)."""
    if item == STDIN:
        return True
    if os.path.lexists(item):
        return not os.path.isdir(item)
    return not any(ch in item for ch in "*?[")
