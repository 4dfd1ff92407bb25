"""Corpora: many files in, one record per file out, on all cores, resumable.

Workers parse files and send back finished JSON lines (and Akoma Ntoso XML
when asked), so the parent only writes.  Results come back in input order
through a bounded window of tasks in flight: memory does not grow with the
size of the corpus.  Each record is one line written with one system call,
so an interrupted run leaves at most one torn line at the end, which
``--resume`` drops before carrying on.
"""

from __future__ import annotations

import ast
import glob
import hashlib
import json
import os
import sys
import time
import tokenize
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from .errors import MainGuardError, PolicyParseError
from .vocab import Errors

if TYPE_CHECKING:
    from .model.document import Document

SUFFIXES = (".txt", ".html", ".htm", ".shtml", ".xhtml", ".docx")
# Formats plans are published in that policyparse cannot read: a folder walk names
# them instead of passing over them in silence.
UNSUPPORTED = (".pdf", ".doc", ".wps", ".rtf", ".xls", ".xlsx", ".ofd")


class ErrorRecord(BaseModel):
    """A file that could not be parsed: where, which error, why."""

    model_config = ConfigDict(extra="forbid")

    path: str
    error: str
    message: str


@dataclass(slots=True)
class Result:
    """What a worker sends back for one file."""

    path: str
    line: str  # the JSON record, without the line end
    ok: bool
    size: int
    akn: bytes | None = None
    error: str | None = None  # the error code of a file that failed


def expand(items: Iterable[str], unsupported: Counter[str] | None = None) -> Iterator[str]:
    """Files as given, folders recursively, globs; each path once, in order.

    Files of a format policyparse cannot read (.pdf, .doc …) found in a folder or
    by a glob are counted by suffix in *unsupported*; others are left out.
    """
    seen: set[str] = set()
    skipped: Counter[str] = unsupported if unsupported is not None else Counter()

    def emit(path: str) -> Iterator[str]:
        if path not in seen:
            seen.add(path)
            yield path

    for item in items:
        if any(ch in item for ch in "*?["):
            for match in sorted(glob.glob(item, recursive=True)):
                if Path(match).is_dir():
                    for sub in _walk_dir(Path(match), skipped):
                        yield from emit(sub)
                elif match.lower().endswith(SUFFIXES):
                    yield from emit(match)
                elif match.lower().endswith(UNSUPPORTED):
                    skipped[Path(match).suffix.lower()] += 1
        elif Path(item).is_dir():
            for sub in _walk_dir(Path(item), skipped):
                yield from emit(sub)
        else:
            yield from emit(item)  # missing files become error records


def _walk_dir(folder: Path, skipped: Counter[str]) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            lower = name.lower()
            if lower.endswith(SUFFIXES):
                yield os.path.join(root, name)
            elif lower.endswith(UNSUPPORTED):
                skipped[os.path.splitext(lower)[1]] += 1


# -- workers ---------------------------------------------------------------------

_OPTIONS: dict[str, Any] = {}


def _init(options: dict[str, Any]) -> None:
    """Runs once per worker process: remember options, load the gazetteer once."""
    from .extract.gazetteer import load

    _OPTIONS.clear()
    _OPTIONS.update(options)
    _OPTIONS["gazetteer_obj"] = load(options.get("gazetteer"))


def _work(path: str) -> Result:
    from .api import parse_file

    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    try:
        doc = parse_file(
            path,
            errors=_OPTIONS.get("errors", "strict"),
            gazetteer=_OPTIONS.get("gazetteer_obj"),
            max_bytes=_OPTIONS.get("max_bytes"),
            with_text=bool(_OPTIONS.get("akn") or _OPTIONS.get("with_text")),
        )
    except PolicyParseError as exc:
        record = ErrorRecord(path=path, error=getattr(exc, "code", "error"), message=str(exc))
        return Result(path, record.model_dump_json(), False, size, error=record.error)
    except Exception as exc:  # a bug must not stop a corpus run
        record = ErrorRecord(path=path, error="internal", message=f"{type(exc).__name__}: {exc}")
        return Result(path, record.model_dump_json(), False, size, error=record.error)
    akn = None
    if _OPTIONS.get("akn"):
        from .export.akn import to_akn

        akn = to_akn(doc, doc.text or "")
        if not _OPTIONS.get("with_text"):
            doc = doc.model_copy(update={"text": None})
    return Result(path, doc.model_dump_json(), True, size, akn)


def _work_chunk(paths: list[str]) -> list[Result]:
    return [_work(p) for p in paths]


def run_many(
    paths: Iterable[str], workers: int, options: dict[str, Any], chunk: int = 8
) -> Iterator[Result]:
    """Results in input order; a few small chunks of files per worker in flight.

    Chunks keep the cost of passing tasks and results between processes
    small next to the parsing itself; the window bounds memory.  Before any
    worker starts, ``check_main_guard`` stops a script that would start them
    again in every worker (the spawn start method).
    """
    if workers <= 1:
        _init(options)
        for path in paths:
            yield _work(path)
        return
    check_main_guard(workers)
    window = workers * 3
    started = False  # a worker has sent a result back
    with ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=(options,)) as pool:
        pending: deque[Future[list[Result]]] = deque()
        batch: list[str] = []
        try:
            for path in paths:
                batch.append(path)
                if len(batch) == chunk:
                    pending.append(pool.submit(_work_chunk, batch))
                    batch = []
                if len(pending) >= window:
                    yield from pending.popleft().result()
                    started = True
            if batch:
                pending.append(pool.submit(_work_chunk, batch))
            while pending:
                yield from pending.popleft().result()
                started = True
        except BaseException as exc:
            for f in pending:
                f.cancel()
            broken_at_start = isinstance(exc, BrokenProcessPool) and not started
            script = _rerun_script() if broken_at_start else None
            if script is None:
                raise
            raise MainGuardError(_broken_message(script)) from None


# -- worker processes that run the main module again (spawn) -------------------------
#
# Under the "spawn" start method (the default on macOS and Windows) and under
# "forkserver" (the default on Linux from Python 3.14), a worker process imports
# the main module again, as __mp_main__, before it takes work.  A script that
# starts workers from its top-level code, outside ``if __name__ == "__main__":``,
# would start them again in every worker.  Two checks stop that with one clear
# error, raised in the parent:
#
# - before any worker starts, the parent reads the script and finds the
#   top-level statement that led to the call; outside any ``if`` (the guard, or
#   whatever stands for it), it raises MainGuardError;
# - a worker that nevertheless reaches run_many while importing the main module
#   ends quietly (no traceback per worker), and the parent, whose pool breaks
#   before any result came back, raises MainGuardError naming the script.

_GUARD_HINT = (
    'put the code that calls parse_many under `if __name__ == "__main__":` '
    "(or pass workers=1 to parse in this process)"
)


def _start_method() -> str:
    """The start method a new pool uses, without fixing it as a side effect."""
    import multiprocessing

    method = multiprocessing.get_start_method(allow_none=True)
    return method or multiprocessing.get_all_start_methods()[0]  # the first is the default


def _rerun_script() -> str | None:
    """The file every new worker process runs again as its main module, if any.

    Mirrors ``multiprocessing.spawn``: a package's ``__main__.py`` and the
    interactive interpreter (no file) are left alone; so is every main module
    under the "fork" start method.
    """
    if _start_method() not in ("spawn", "forkserver"):
        return None
    main = sys.modules.get("__main__")
    name = getattr(getattr(main, "__spec__", None), "name", None)
    if name is not None and (name == "__main__" or name.endswith(".__main__")):
        return None
    path = getattr(main, "__file__", None)
    if not isinstance(path, str) or Path(path).stem == "ipython":
        return None
    return path


def _top_level_line(main: dict[str, Any]) -> int | None:
    """The line of the main module's top-level code that led to this call."""
    line = None
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:  # outwards: the last top-level frame of __main__ is the one
        if frame.f_globals is main and frame.f_code.co_name == "<module>":
            line = frame.f_lineno
        frame = frame.f_back
    return line


def _unguarded(source: str, line: int) -> bool:
    """Whether top-level *line* is outside every ``if`` (and names no ``__name__``).

    Lenient on purpose: any ``if`` or conditional expression around the line
    counts as a guard, so that only plain top-level code is refused here.
    """
    tree = ast.parse(source)
    for stmt in tree.body:
        if not stmt.lineno <= line <= (stmt.end_lineno or stmt.lineno):
            continue
        for node in ast.walk(stmt):
            if isinstance(node, ast.Name) and node.id == "__name__":
                return False
            if isinstance(node, ast.If | ast.IfExp | ast.Match) and node.lineno <= line <= (
                node.end_lineno or node.lineno
            ):
                return False
        return True
    return False


def _in_bootstrap() -> bool:
    """Whether this process is a new worker still importing the main module again."""
    import multiprocessing

    # Set by multiprocessing.spawn (and the fork server) while it prepares the
    # process, the same flag its own "bootstrapping phase" check reads.
    return bool(getattr(multiprocessing.current_process(), "_inheriting", False))


def check_main_guard(workers: int) -> None:
    """Refuse to start *workers* processes that would run the calling script again."""
    if _in_bootstrap():
        # A worker running an unguarded script again: end it without a traceback;
        # the parent, whose pool breaks before any result, says why.
        raise SystemExit(1)
    script = _rerun_script()
    if script is None:
        return
    line = _top_level_line(vars(sys.modules["__main__"]))
    if line is None:
        return
    try:
        with tokenize.open(script) as fh:
            unguarded = _unguarded(fh.read(), line)
    except (OSError, SyntaxError, ValueError):
        return  # the script cannot be read: the second check still stands
    if unguarded:
        raise MainGuardError(
            f"{script}, line {line} calls parse_many outside "
            f'`if __name__ == "__main__":`; with the "{_start_method()}" start method each '
            f"of the {workers} worker processes runs {script} again first, and so would "
            "start workers of its own: " + _GUARD_HINT
        )


def _broken_message(script: str) -> str:
    return (
        f'the worker processes ended before taking work: with the "{_start_method()}" '
        f"start method each of them runs {script} again first, and where that top-level "
        f'code calls parse_many outside `if __name__ == "__main__":` (under some other '
        f"`if`, say), the workers stop there; {_GUARD_HINT}. "
        "(A worker killed by the system, e.g. for want of memory, ends the same way.)"
    )


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    workers: int | None = None,
    *,
    errors: Errors = "strict",
    gazetteer: str | None = None,
) -> Iterator[Document | ErrorRecord]:
    """Parse many files on *workers* processes (default: all cores), in input order.

    Yields a Document for each file that parses and an ErrorRecord for each
    that does not; the run carries on past bad files.

    With more than one worker, worker processes start.  Under the "spawn" start
    method (the default on macOS and Windows; also "forkserver") each of them
    first runs the main script again, so call parse_many from code under
    ``if __name__ == "__main__":``.  A script that calls it from plain top-level
    code gets MainGuardError (a PolicyParseError) before any worker starts,
    instead of workers that each run the script again; it is not run serially
    behind your back.  ``workers=1`` parses in the calling process and starts
    nothing.  From a notebook, or under "fork" (Linux up to Python 3.13), no
    guard is needed.
    """
    from .inputs.read import check_errors
    from .model.document import Document

    check_errors(errors)
    options = {"errors": errors, "gazetteer": gazetteer, "max_bytes": 32 * 1024 * 1024}
    count = workers or os.cpu_count() or 1
    for r in run_many((os.fspath(p) for p in paths), count, options):
        yield (
            Document.model_validate_json(r.line)
            if r.ok
            else ErrorRecord.model_validate_json(r.line)
        )


# -- output and resume ---------------------------------------------------------------


def done_paths(out: Path) -> set[str]:
    """Paths already recorded in *out*; drops a torn last line left by an interruption."""
    done: set[str] = set()
    if not out.exists():
        return done
    good = 0
    with out.open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            try:
                record = json.loads(raw)
            except ValueError:
                break
            path = record.get("path") or (record.get("source") or {}).get("path")
            if path is None:
                break
            done.add(path)
            good += len(raw)
    if good != out.stat().st_size:
        with out.open("r+b") as fh:
            fh.truncate(good)
    return done


_QUIET_EVERY = 10.0  # seconds between progress lines when stderr is no terminal
_FAILED_SHOWN = 10


def _clock(seconds: float) -> str:
    m, sec = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{sec:02d}"


class Progress:
    """Progress on stderr (a bar on a terminal, a line every few seconds elsewhere)."""

    def __init__(self, total: int, enabled: bool, terminal: bool = True) -> None:
        self.total, self.enabled, self.terminal = total, enabled, terminal
        self.done = self.ok = self.failed = self.bytes = 0
        self.failures: list[str] = []  # "path (error)" of the first failed files
        self.start = self.last = time.monotonic()

    def step(self, result: Result) -> None:
        self.done += 1
        self.bytes += result.size
        if result.ok:
            self.ok += 1
        else:
            self.failed += 1
            if len(self.failures) < _FAILED_SHOWN:
                self.failures.append(f"{result.path} ({result.error})")
        now = time.monotonic()
        if not self.enabled:
            return
        if self.terminal and (now - self.last > 0.1 or self.done == self.total):
            self.last = now
            width = 30
            filled = width * self.done // max(self.total, 1)
            bar = "#" * filled + "." * (width - filled)
            sys.stderr.write(f"\r[{bar}] {self.line()}")
            sys.stderr.flush()
        elif not self.terminal and (now - self.last >= _QUIET_EVERY or self.done == self.total):
            self.last = now
            print(f"policyparse: {self.line()}", file=sys.stderr, flush=True)

    def line(self) -> str:
        """3/10 files, 1.2 MB/s, 1 failed, 0:00:04 elapsed, ETA 0:00:09."""
        elapsed = time.monotonic() - self.start
        left = (self.total - self.done) * elapsed / self.done if self.done else 0.0
        failed = f", {self.failed} failed" if self.failed else ""
        return (
            f"{self.done}/{self.total} files, {self.rate():.1f} MB/s{failed}, "
            f"{_clock(elapsed)} elapsed, ETA {_clock(left)}"
        )

    def rate(self) -> float:
        secs = max(time.monotonic() - self.start, 1e-9)
        return self.bytes / 1048576 / secs

    def summary(self, skipped: int) -> str:
        if self.enabled and self.terminal:
            sys.stderr.write("\n")
        secs = time.monotonic() - self.start
        extra = f", {skipped} already done" if skipped else ""
        text = (
            f"policyparse: {self.done} files, {self.ok} succeeded, {self.failed} failed{extra}, "
            f"{secs:.1f} seconds, {self.rate():.2f} MB/s"
        )
        if self.failures:
            more = self.failed - len(self.failures)
            shown = "\n  ".join(self.failures)
            tail = f"\n  … and {more} more (error records in the output)" if more else ""
            text += f"\nfailed:\n  {shown}{tail}"
        return text


def akn_name(path: str) -> str:
    """A file name for a document's XML: its stem and a short hash of its path."""
    digest = hashlib.sha1(path.encode("utf-8")).hexdigest()[:8]
    return f"{Path(path).stem}.{digest}.akn.xml"
