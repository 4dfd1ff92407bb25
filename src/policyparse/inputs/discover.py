"""The files of a run: paths as given, folders walked, globs matched, --from lists read."""

from __future__ import annotations

import glob
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import PolicyParseError

STDIN = "-"

SUFFIXES = (".txt", ".html", ".htm", ".shtml", ".xhtml", ".docx", ".pdf", ".doc", ".wps")
# Formats plans are published in that policyparse cannot read: a folder walk names
# them instead of passing over them in silence.
UNSUPPORTED = (".rtf", ".xls", ".xlsx", ".ofd")


def expand(items: Iterable[str], unsupported: Counter[str] | None = None) -> Iterator[str]:
    """Files as given, folders recursively, globs; each path once, in order.

    A name that exists is taken as it is, even where it holds ``[ ] * ?``
    (``plan[1].txt``); only a name that matches no file is read as a glob.
    Files of a format policyparse cannot read (.rtf, .ofd …) found in a folder or
    by a glob are counted by suffix in *unsupported*; others are left out.
    """
    seen: set[str] = set()
    skipped: Counter[str] = unsupported if unsupported is not None else Counter()

    def emit(path: str) -> Iterator[str]:
        if path not in seen:
            seen.add(path)
            yield path

    for item in items:
        if os.path.isdir(item):
            for sub in _walk_dir(Path(item), skipped):
                yield from emit(sub)
        elif os.path.lexists(item) or not any(ch in item for ch in "*?["):
            yield from emit(item)  # missing files become error records
        else:
            for match in sorted(glob.glob(item, recursive=True)):
                if Path(match).is_dir():
                    for sub in _walk_dir(Path(match), skipped):
                        yield from emit(sub)
                elif match.lower().endswith(SUFFIXES):
                    yield from emit(match)
                elif match.lower().endswith(UNSUPPORTED):
                    skipped[Path(match).suffix.lower()] += 1


def _walk_dir(folder: Path, skipped: Counter[str]) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            lower = name.lower()
            if lower.endswith(SUFFIXES):
                yield os.path.join(root, name)
            elif lower.endswith(UNSUPPORTED):
                skipped[os.path.splitext(lower)[1]] += 1


# A million paths of 60 bytes: a list longer than this is no list (/dev/zero, yes(1)).
MAX_LIST = 64 * 1024 * 1024


def read_list(name: str) -> list[str]:
    """The paths of a --from list, one a line; a binary file is refused.

    Lines are decoded as file names are (UTF-8, other bytes kept as surrogate
    escapes), so a list can name files whose names are no UTF-8.
    """
    from ..inputs.read import read_file_limited, read_limited

    if name == STDIN:
        if sys.stdin is None:
            raise PolicyParseError("--from -: standard input is closed")
        try:
            raw = read_limited(sys.stdin.buffer, "--from -", MAX_LIST)
        except PolicyParseError:
            raise PolicyParseError(
                f"--from -: over {MAX_LIST // 1048576} MB of paths: not a list of paths"
            ) from None
        name = "standard input"
    else:
        raw = read_file_limited(name, MAX_LIST, "list of paths")
    if b"\0" in raw:
        raise PolicyParseError(
            f"--from {name}: not a list of paths (it holds NUL bytes: a binary file?)"
        )
    lines = (os.fsdecode(line.strip()) for line in raw.splitlines())
    return [line for line in lines if line]
