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
import signal
import sys
import time
import tokenize
from collections import Counter, deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, get_args

from pydantic import BaseModel, ConfigDict

from .errors import MainGuardError, PolicyParseError, shown
from .inputs.read import escape_surrogates, record_key
from .vocab import ErrorCode, Errors

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
    error: ErrorCode
    message: str


@dataclass(slots=True)
class Result:
    """What a worker sends back for one file."""

    path: str  # the path as given (it may hold surrogate escapes); record_key(path) is in line
    line: str  # the JSON record, without the line end
    ok: bool
    size: int
    akn: bytes | None = None
    error: str | None = None  # the error code of a file that failed


_ERROR_CODES = frozenset(get_args(ErrorCode))


def expand(items: Iterable[str], unsupported: Counter[str] | None = None) -> Iterator[str]:
    """Files as given, folders recursively, globs; each path once, in order.

    A name that exists is taken as it is, even where it holds ``[ ] * ?``
    (``plan[1].txt``); only a name that matches no file is read as a glob.
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


# -- workers ---------------------------------------------------------------------

_OPTIONS: dict[str, Any] = {}
_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}

# Test hooks, for the test suite (tests/test_batch_reliability.py) only, never
# needed in use; read from the environment when a worker process starts, never
# in the calling process.  A worker parsing a path that contains the value of
# POLICYPARSE_TEST_DIE_ON kills itself with SIGKILL (as the out-of-memory killer
# would); one parsing a path that contains POLICYPARSE_TEST_HANG_ON sleeps for
# an hour (a file that never finishes).
_DIE_ON = "POLICYPARSE_TEST_DIE_ON"
_HANG_ON = "POLICYPARSE_TEST_HANG_ON"


def _init(options: dict[str, Any]) -> None:
    """Runs once per worker process: remember options, load the gazetteer once."""
    from .extract.gazetteer import load

    _OPTIONS.clear()
    _OPTIONS.update(options)
    _OPTIONS["gazetteer_obj"] = load(options.get("gazetteer"))


def _test_hooks(path: str) -> None:
    die_on, hang_on = _OPTIONS.get("die_on"), _OPTIONS.get("hang_on")
    if die_on and die_on in path:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
    if hang_on and hang_on in path:
        time.sleep(3600)


def error_result(path: str, code: str, message: str, size: int = 0) -> Result:
    """The error record of *path*, written whatever its path and message hold."""
    error: ErrorCode = code if code in _ERROR_CODES else "error"  # type: ignore[assignment]
    record = ErrorRecord(path=record_key(path), error=error, message=escape_surrogates(message))
    return Result(path, record.model_dump_json(), False, size, error=error)


def _work(path: str) -> Result:
    """One file to its record; every failure, serialising included, is an error record."""
    try:
        size = os.path.getsize(path)
    except (OSError, ValueError):
        size = 0
    try:
        return _parse(path, size)
    except PolicyParseError as exc:
        return error_result(path, getattr(exc, "code", "error"), str(exc), size)
    except Exception as exc:  # a bug must not stop a corpus run
        return error_result(path, "internal", f"{type(exc).__name__}: {exc}", size)


def _parse(path: str, size: int) -> Result:
    from .api import parse_file

    _test_hooks(path)
    doc = parse_file(
        path,
        errors=_OPTIONS.get("errors", "strict"),
        gazetteer=_OPTIONS.get("gazetteer_obj"),
        max_bytes=_OPTIONS.get("max_bytes"),
        with_text=bool(_OPTIONS.get("akn") or _OPTIONS.get("with_text")),
    )
    akn = None
    if _OPTIONS.get("akn"):
        from .export.akn import to_akn

        akn = to_akn(doc, doc.text or "")
        if not _OPTIONS.get("with_text"):
            doc = doc.model_copy(update={"text": None})
    return Result(path, doc.model_dump_json(), True, size, akn)


def _watch_parent() -> None:
    """End this worker when the parent process is gone (kill -9 included).

    A daemon thread waits on the parent's sentinel (a pipe that closes when the
    parent dies) and checks that ``os.getppid()`` has not changed, twice a second:
    portable, no prctl.  (Under "forkserver" the process above a worker is the
    fork server, which ends when the parent does.)
    """
    import multiprocessing
    import threading
    from multiprocessing.connection import wait

    parent = os.getppid()
    proc = multiprocessing.parent_process()
    sentinel = proc.sentinel if proc is not None else None

    def watch() -> None:
        while True:
            if sentinel is not None:
                if wait([sentinel], timeout=0.5):
                    os._exit(1)
            else:
                time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="policyparse-parent-watch", daemon=True).start()


def _portable(exc: BaseException) -> BaseException:
    """*exc* if it survives pickling, else a PolicyParseError saying the same."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return PolicyParseError(f"{type(exc).__name__}: {exc}")


def _worker_main(conn: Connection, options: dict[str, Any]) -> None:
    """A worker process: chunks of paths in, one ("result", Result) per file out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler (fork)
    if hasattr(signal, "pthread_sigmask"):  # blocked by the parent while it started us
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    _watch_parent()
    try:
        # Standard output is the parent's: a worker must not hold `batch … | cat` open.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass
    try:
        try:
            _init(options)
            # The test hooks act in worker processes only, never in a caller's own.
            _OPTIONS["die_on"] = os.environ.get(_DIE_ON) or None
            _OPTIONS["hang_on"] = os.environ.get(_HANG_ON) or None
        except Exception as exc:
            conn.send(("init_error", _portable(exc)))
            return
        conn.send(("ready", None))
        while True:
            paths = conn.recv()
            if paths is None:
                return
            for path in paths:
                conn.send(("result", _work(path)))
    except (EOFError, OSError):  # the parent is gone or closed the pipe
        return


@dataclass(slots=True)
class _Slot:
    """One worker process and the files it was sent that it has not answered yet."""

    proc: Any  # multiprocessing.process.BaseProcess
    conn: Connection
    task: deque[tuple[int, str]]
    since: float = 0.0  # when its current file began
    ready: bool = False


class _Pool:
    """Worker processes the parent can tell apart, restart, and stop at any time.

    Unlike ProcessPoolExecutor, the parent knows which file each worker is on:
    a worker that dies (the out-of-memory killer) or overruns the time limit
    costs one error record for that file, and a new worker takes the rest.
    """

    def __init__(self, workers: int, options: dict[str, Any]) -> None:
        import multiprocessing

        self.ctx = multiprocessing.get_context()
        self.options = options
        self.slots: list[_Slot] = []
        self.ever_ready = False
        self.failed_starts = 0
        for _ in range(workers):
            self.slots.append(self.start())

    def start(self) -> _Slot:
        mine, theirs = self.ctx.Pipe()
        proc = self.ctx.Process(
            target=_worker_main,
            args=(theirs, self.options),
            name="policyparse-worker",
            daemon=True,
        )
        # The new process starts with Ctrl-C and SIGTERM blocked, until it has set
        # its own handlers: neither can reach it while it still has the parent's.
        blocked = hasattr(signal, "pthread_sigmask")
        if blocked:
            mask = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        try:
            proc.start()
        finally:
            if blocked:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        theirs.close()
        return _Slot(proc, mine, deque())

    def replace(self, slot: _Slot, kill: bool) -> None:
        if kill:
            slot.proc.kill()
        slot.proc.join(5)
        slot.conn.close()
        self.slots[self.slots.index(slot)] = self.start()

    def close(self) -> None:
        """Stop every worker now: idle ones are asked to end, busy ones killed."""
        for slot in self.slots:
            try:
                if slot.task or not slot.ready:
                    slot.proc.kill()  # a worker holds nothing that needs cleaning up
                else:
                    slot.conn.send(None)
            except (OSError, ValueError):
                pass
        deadline = time.monotonic() + 2.0
        for slot in self.slots:
            slot.proc.join(max(0.0, deadline - time.monotonic()))
            if slot.proc.is_alive():
                slot.proc.kill()
                slot.proc.join(1)
            slot.conn.close()


def _how(exitcode: int | None) -> str:
    """How a process ended: "killed by SIGKILL", "exit status 1"."""
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"


def _died_message(exitcode: int | None) -> str:
    return (
        f"the worker process parsing this file ended ({_how(exitcode)}; the out-of-memory killer "
        "does this to a file that needs too much memory); a new worker took the other files"
    )


def run_many(
    paths: Iterable[str],
    workers: int,
    options: dict[str, Any],
    chunk: int = 8,
    timeout: float | None = None,
    processes: bool = False,
) -> Generator[Result, None, None]:
    """Results in input order; a few small chunks of files per worker in flight.

    Chunks keep the cost of passing tasks between processes small next to the
    parsing itself; a window of chunks bounds memory.  Each file's result comes
    back on its own, so the parent always knows which file a worker is on: a
    worker that dies gives that file a ``worker_died`` record, one that spends
    more than *timeout* seconds on one file is killed and gives it a ``timeout``
    record, and a new worker carries on with the rest.  Workers end when the
    parent does, however it ends.  With one worker, no *timeout* and not
    *processes*, files are parsed in this process.  Before any worker starts,
    ``check_main_guard`` stops a script that would start them again in every
    worker (the spawn start method).
    """
    if workers <= 1 and timeout is None and not processes:
        _init(options)
        for path in paths:
            yield _work(path)
        return
    check_main_guard(workers)
    if isinstance(paths, Sequence):  # small corpora: share them out among the workers
        chunk = max(1, min(chunk, len(paths) // (workers * 4)))
    pool = _Pool(max(1, workers), options)
    try:
        yield from _Schedule(pool, iter(paths), chunk, timeout).run()
    finally:
        pool.close()


class _Schedule:
    """Hands chunks to idle workers, collects results, yields them in input order."""

    def __init__(
        self, pool: _Pool, paths: Iterator[str], chunk: int, timeout: float | None
    ) -> None:
        self.pool, self.paths, self.chunk, self.timeout = pool, paths, chunk, timeout
        self.window = len(pool.slots) * 3 * chunk  # files out beyond the next one to write
        self.retry: deque[deque[tuple[int, str]]] = deque()  # what dead workers left, first
        self.results: dict[int, Result] = {}
        self.issued = self.written = 0
        self.exhausted = False

    def run(self) -> Iterator[Result]:
        from multiprocessing.connection import wait

        while True:
            while self.written in self.results:
                yield self.results.pop(self.written)
                self.written += 1
            self.dispatch()
            slots = self.pool.slots
            if self.exhausted and not self.retry and not any(s.task for s in slots):
                return  # every file handed out has its result, all written above
            ready = set(
                wait([s.conn for s in slots] + [s.proc.sentinel for s in slots], self.wait_for())
            )
            for slot in list(slots):
                if slot.conn in ready:
                    self.receive(slot)
                elif slot.proc.sentinel in ready:
                    self.dead(slot)
                elif self.overdue(slot):
                    self.lost(
                        slot,
                        "timeout",
                        f"parsing this file took more than {self.timeout:g} seconds "
                        "(--timeout): its worker was stopped",
                    )
                    self.pool.replace(slot, kill=True)

    def next_task(self) -> deque[tuple[int, str]] | None:
        if self.retry:
            return self.retry.popleft()
        if self.exhausted or self.issued - self.written >= self.window:
            return None
        task: deque[tuple[int, str]] = deque()
        for path in self.paths:
            task.append((self.issued, path))
            self.issued += 1
            if len(task) == self.chunk:
                break
        else:
            self.exhausted = True
        return task or None

    def dispatch(self) -> None:
        for slot in self.pool.slots:
            if slot.ready and not slot.task:
                task = self.next_task()
                if task is None:
                    return
                slot.conn.send([path for _, path in task])
                slot.task, slot.since = task, time.monotonic()

    def wait_for(self) -> float | None:
        """Seconds until the first busy worker runs out of time (None: no limit)."""
        if self.timeout is None:
            return None
        ends = [s.since + self.timeout for s in self.pool.slots if s.task]
        return max(0.0, min(ends) - time.monotonic()) + 0.01 if ends else None

    def overdue(self, slot: _Slot) -> bool:
        return (
            self.timeout is not None
            and bool(slot.task)
            and time.monotonic() - slot.since > self.timeout
            and not slot.conn.poll()  # an answer came in just now: read it first
        )

    def receive(self, slot: _Slot) -> None:
        try:
            kind, value = slot.conn.recv()
        except (EOFError, OSError):
            kind, value = "closed", None
        if kind == "closed":  # outside the except: an error raised here stands alone
            self.dead(slot)
        elif kind == "result":
            index, _ = slot.task.popleft()
            self.results[index] = value
            slot.since = time.monotonic()
        elif kind == "ready":
            slot.ready = self.pool.ever_ready = True
            self.pool.failed_starts = 0
        elif kind == "init_error":
            raise value

    def lost(self, slot: _Slot, code: str, message: str) -> None:
        """The worker of *slot* is gone: its file gets an error record, the rest waits."""
        if slot.task:
            index, path = slot.task.popleft()
            self.results[index] = error_result(path, code, message)
            if slot.task:
                self.retry.appendleft(slot.task)
            slot.task = deque()

    def dead(self, slot: _Slot) -> None:
        """A worker ended on its own: record its file, start another, or give up at the start."""
        pool = self.pool
        slot.proc.join(5)
        if not slot.ready:
            pool.failed_starts += 1
            if not pool.ever_ready or pool.failed_starts > 3:
                script = _rerun_script()
                if script is not None and not pool.ever_ready:
                    raise MainGuardError(_broken_message(script))
                raise PolicyParseError(
                    f"the worker processes ended before taking work ({_how(slot.proc.exitcode)})"
                )
        self.lost(slot, "worker_died", _died_message(slot.proc.exitcode))
        pool.replace(slot, kill=False)


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
                self.failures.append(f"{shown(result.path)} ({result.error})")
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

    def __init__(self, out: Path, truncate: bool) -> None:
        import errno
        import stat

        self.fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
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
