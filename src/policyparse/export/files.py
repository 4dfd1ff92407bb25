"""Files written into an output folder: a new temporary file, renamed over the name at the end.

A folder given with -o may be shared, and a name in it may be a symbolic link
someone planted (documents.csv → ~/.bashrc).  Opening the name would write
through the link; a temporary file made with O_EXCL beside it, then renamed
over the name, replaces the link itself.  The rename also means a reader never
sees half a file: a run killed while writing leaves the previous file (or
none), and a stray ``.part`` file.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


@functools.cache
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def temporary(path: Path) -> tuple[int, str]:
    """A new file beside *path* (O_EXCL: no link can stand there), readable as any file is."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    if hasattr(os, "fchmod"):  # mkstemp's 0600 would hide the output from others
        os.fchmod(fd, 0o666 & ~_umask())
    return fd, tmp


def discard(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def write_bytes(path: Path, data: bytes) -> None:
    """*data* into *path* through a temporary file and a rename."""
    fd, tmp = temporary(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        discard(tmp)
        raise


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


class Pending:
    """A file being written under a temporary name; ``commit`` renames it into place."""

    def __init__(self, path: Path, mode: str = "w", **kwargs: Any) -> None:
        self.path = path
        fd, self.tmp = temporary(path)
        try:
            self.fh: IO[Any] = os.fdopen(fd, mode, **kwargs)
        except BaseException:
            os.close(fd)
            discard(self.tmp)
            raise

    def commit(self) -> None:
        self.fh.close()
        os.replace(self.tmp, self.path)

    def abandon(self) -> None:
        self.fh.close()
        discard(self.tmp)


@contextlib.contextmanager
def pending(path: Path, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """Write *path* as a Pending file: renamed into place if the block ends well."""
    p = Pending(path, mode, **kwargs)
    try:
        yield p.fh
    except BaseException:
        p.abandon()
        raise
    p.commit()
