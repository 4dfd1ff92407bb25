"""The files of a run: paths as given, folders walked, globs matched, --from lists read.

What a walk or a glob finds and leaves out is noted too (``Skipped``): a batch writes
a skipped record for each, so that its output accounts for every file it saw.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import PolicyParseError
from ..vocab import SkipReason

STDIN = "-"

SUFFIXES = (".txt", ".html", ".htm", ".shtml", ".xhtml", ".docx", ".pdf", ".doc", ".wps")
# Formats plans are published in that policyparse cannot read: named apart from other
# files left out, with the advice to convert them.
UNSUPPORTED = (".rtf", ".xls", ".xlsx", ".ofd")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path a walk or a glob found and left out, and why."""

    path: str
    reason: SkipReason
    message: str

    @property
    def kind(self) -> str:
        """How a summary counts it: the file's suffix, or what the folder was."""
        folder = _FOLDER_KINDS.get(self.reason)
        return folder or os.path.splitext(self.path)[1].lower() or "no suffix"


_FOLDER_KINDS = {
    "link_to_folder": "link to a folder",
    "hidden_folder": "hidden folder",
    "unreadable_folder": "unreadable folder",
}


def _left_file(path: str) -> Skipped:
    """A file a walk or a glob found that is no plan policyparse reads."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in UNSUPPORTED:
        return Skipped(
            path,
            "unsupported_format",
            f"policyparse cannot read {suffix} files: convert it to text, HTML, .docx or PDF",
        )
    what = f"a {suffix} file" if suffix else "a file with no suffix"
    return Skipped(
        path, "not_a_plan", f"{what}, not a plan by its name: name it on its own to parse it"
    )


def expand(items: Iterable[str], skipped: list[Skipped] | None = None) -> Iterator[str]:
    """Files as given, folders recursively, globs; each path once, in order.

    A name that exists is taken as it is, even where it holds ``[ ] * ?``
    (``plan[1].txt``); only a name that matches no file is read as a glob.  A file
    named on its own is taken whatever its suffix; a folder's files and a glob's
    matches are taken when their suffix is a plan's (SUFFIXES).  What they leave out
    goes into *skipped*: other files, links to folders, hidden folders (``.git``)
    below the one named, folders that cannot be listed.
    """
    seen: set[str] = set()
    left: list[Skipped] = skipped if skipped is not None else []

    def emit(path: str) -> Iterator[str]:
        if path not in seen:
            seen.add(path)
            yield path

    for item in items:
        if os.path.isdir(item):
            for sub in _walk_dir(Path(item), left):
                yield from emit(sub)
        elif os.path.lexists(item) or not any(ch in item for ch in "*?["):
            yield from emit(item)  # missing files become error records
        else:
            for sub in _glob(item, left):
                yield from emit(sub)


def _glob(pattern: str, left: list[Skipped]) -> Iterator[str]:
    for match in sorted(glob.glob(pattern, recursive=True)):
        if os.path.isdir(match):
            yield from _walk_dir(Path(match), left)
        elif match.lower().endswith(SUFFIXES):
            yield match
        else:
            left.append(_left_file(match))


def _walk_dir(folder: Path, left: list[Skipped]) -> Iterator[str]:
    def unreadable(exc: OSError) -> None:
        name = os.fsdecode(exc.filename) if exc.filename is not None else str(folder)
        reason = exc.strerror or str(exc)
        left.append(Skipped(name, "unreadable_folder", f"cannot list this folder: {reason}"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs.sort()
        for name in list(dirs):
            sub = os.path.join(root, name)
            if os.path.islink(sub):  # os.walk does not follow it: say so
                left.append(Skipped(sub, "link_to_folder", _LINK))
            elif name.startswith("."):
                dirs.remove(name)
                left.append(Skipped(sub, "hidden_folder", _HIDDEN))
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.lower().endswith(SUFFIXES):
                yield path
            else:
                left.append(_left_file(path))


_LINK = "a link to a folder, not followed: name the folder itself to include it"
_HIDDEN = "a hidden folder, not walked: name it on its own to include it"


# A million paths of 60 bytes: a list longer than this is no list (/dev/zero, yes(1)).
MAX_LIST = 64 * 1024 * 1024


def read_list(name: str) -> list[str]:
    """The paths of a --from list, one a line; a binary file is refused.

    Lines are decoded as file names are (UTF-8, other bytes kept as surrogate
    escapes), so a list can name files whose names are no UTF-8.
    """
    from .read import read_file_limited, read_limited

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
