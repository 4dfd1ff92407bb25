"""What a batch writes: the locked JSONL file, the Akoma Ntoso files, the tables after."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from pathlib import Path

from ..errors import PolicyParseError, shown
from ..inputs.read import record_key


def akn_name(path: str) -> str:
    """A file name for a document's XML: its stem and a short hash of its path."""
    digest = hashlib.sha1(record_key(path).encode("utf-8")).hexdigest()[:8]
    return f"{Path(path).stem}.{digest}.akn.xml"


class OutputLockedError(PolicyParseError):
    """Another batch is writing the same output file."""


class LockedOutput:
    """The output file open for appending, under an exclusive lock for the whole run.

    The lock is taken before anything is truncated or read, so two runs on one
    ``-o`` cannot interleave: the second is refused.  POSIX: ``flock`` on the
    output itself.  Windows: ``msvcrt.locking`` on a lock file beside it
    (``OUT.lock``).  Either lock goes with the process, however it ends.
    """

    def __init__(self, out: Path, truncate: bool, nofollow: bool = False) -> None:
        import errno
        import stat

        # A name policyparse chose inside a folder (documents.jsonl) is never a link
        # to follow: one planted there would have the run write anywhere.
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
        if nofollow:
            flags |= getattr(os, "O_NOFOLLOW", 0)
        try:
            self.fd = os.open(out, flags, 0o644)
        except OSError as exc:
            if exc.errno == errno.ELOOP and nofollow:
                raise PolicyParseError(
                    f"{out}: a symbolic link; policyparse does not write through links "
                    "in its output folder (remove it)"
                ) from None
            raise
        self.lock_fd: int | None = None
        regular = stat.S_ISREG(os.fstat(self.fd).st_mode)  # not /dev/stdout, a pipe
        if regular:
            try:
                self._lock(out)
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EDEADLK):
                    # No locks on this file system (ENOLCK …): go on without one.
                    print(f"policyparse: cannot lock {shown(str(out))} ({exc.strerror}); "
                          "going on unlocked", file=sys.stderr)  # fmt: skip
                else:
                    self.close()
                    raise OutputLockedError(
                        f"{out}: another policyparse batch is writing this file; "
                        "wait for it to end, or write to another -o"
                    ) from None
        if truncate and regular:
            os.ftruncate(self.fd, 0)

    def _lock(self, out: Path) -> None:
        if sys.platform == "win32":
            import msvcrt

            self.lock_fd = os.open(f"{out}.lock", os.O_RDWR | os.O_CREAT, 0o644)
            msvcrt.locking(self.lock_fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]

    def close(self) -> None:
        for fd in (self.fd, self.lock_fd):
            if fd is not None and fd >= 0:
                os.close(fd)
        self.fd, self.lock_fd = -1, None


def write_akn(folder: Path, name: str, xml: bytes) -> None:
    """Write *xml* to folder/name through a new temporary file (O_EXCL), then rename."""
    from ..export.files import write_bytes

    write_bytes(folder / name, xml)


STALE = "TABLES-STALE"


def written_here(name: str) -> bool:
    """Whether *name* is one a batch writes into its output folder (tables, XML files,
    the JSONL file), so that a run over that folder does not read it as an input."""
    from ..export.tables import TABLE_FILES

    return name in TABLE_FILES or name in (STALE, "documents.jsonl") or name.endswith(".akn.xml")


def mark_stale(folder: Path) -> None:
    """Say in *folder* that its tables are not of its documents.jsonl, until tables_from ends.

    A batch rewrites documents.jsonl as it goes; the tables of the run before stay
    beside it until the run ends, and stay there for good if it is stopped.
    """
    from ..export.files import write_text

    write_text(
        folder / STALE,
        "The tables in this folder (documents, targets, nodes, units) are not those of\n"
        "documents.jsonl: a policyparse batch was writing it, and the tables are only\n"
        "replaced when a run ends. Rerun the batch (--resume carries on) to bring them\n"
        "up to date; this file goes when they are.\n",
    )


def tables_from(jsonl: Path, folder: Path, fmt: str) -> None:
    """The documents, targets, nodes and units tables from a JSONL file, streaming:
    each path's first Document (export.records)."""
    from ..export.records import records
    from ..export.tables import CsvTables, ParquetTables
    from ..model.document import Document

    tables = CsvTables(folder) if fmt == "csv" else ParquetTables(folder)
    try:
        for item in records(jsonl):
            if isinstance(item, Document):
                tables.add(item)
    except BaseException:
        tables.abandon()
        raise
    tables.close()
    with contextlib.suppress(FileNotFoundError):
        os.unlink(folder / STALE)
