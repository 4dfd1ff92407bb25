"""What runs in a worker process: one file to one finished JSON line, never an exception.

A worker sends back ``Result``s (the record already serialised, and the Akoma
Ntoso XML when asked), so the parent only writes.
"""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, get_args

from ..errors import PolicyParseError
from ..inputs.read import escape_surrogates, record_key
from ..model.records import ErrorRecord
from ..vocab import ErrorCode


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


_OPTIONS: dict[str, Any] = {}
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}

# Test hooks, for the test suite (tests/test_batch_reliability.py) only, never
# needed in use; read from the environment when a worker process starts, never
# in the calling process.  A worker parsing a path that contains the value of
# POLICYPARSE_TEST_DIE_ON kills itself with SIGKILL (as the out-of-memory killer
# would); one parsing a path that contains POLICYPARSE_TEST_HANG_ON sleeps for
# an hour (a file that never finishes).
_DIE_ON = "POLICYPARSE_TEST_DIE_ON"
_HANG_ON = "POLICYPARSE_TEST_HANG_ON"


def init_worker(options: dict[str, Any]) -> None:
    """Runs once per worker process: remember options, load the gazetteer once."""
    from ..extract.gazetteer import load

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


def limit_memory(megabytes: float | None) -> None:
    """Hold this process to *megabytes* of data (RLIMIT_DATA, else RLIMIT_AS): past it,
    an allocation fails with MemoryError instead of the host running out."""
    if not megabytes:
        return
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the run goes on unlimited
        return
    limit = int(megabytes * 1048576)
    which = getattr(resource, "RLIMIT_DATA", None) or resource.RLIMIT_AS
    _, hard = resource.getrlimit(which)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(which, (limit, hard))


def parse_one(path: str) -> Result:
    """One file to its record; every failure, serialising included, is an error record."""
    try:
        size = os.path.getsize(path)
    except (OSError, ValueError):
        size = 0
    try:
        return _parse(path, size)
    except MemoryError:
        cap = _OPTIONS.get("max_memory")
        message = (
            f"parsing this file needed more than the worker's {cap:g} MB (--max-memory)"
            if cap
            else "parsing this file ran out of memory"
        )
        return error_result(path, "too_large", message, size)
    except PolicyParseError as exc:
        return error_result(path, getattr(exc, "code", "error"), str(exc), size)
    except Exception as exc:  # a bug must not stop a corpus run
        return error_result(path, "internal", f"{type(exc).__name__}: {exc}", size)


def _parse(path: str, size: int) -> Result:
    from ..api import parse_file

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
        from ..export.akn import to_akn

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


def worker_main(conn: Connection, options: dict[str, Any]) -> None:
    """A worker process: chunks of paths in, one ("result", Result) per file out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler (fork)
    if hasattr(signal, "pthread_sigmask"):  # blocked by the parent while it started us
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
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
            limit_memory(options.get("max_memory"))
            init_worker(options)
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
                conn.send(("result", parse_one(path)))
    except (EOFError, OSError):  # the parent is gone or closed the pipe
        return
