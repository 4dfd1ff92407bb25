"""The worker pool: files out in chunks, results back in input order, stuck workers replaced.

Results come back in input order through a bounded window of tasks in flight:
memory does not grow with the size of the corpus.
"""

from __future__ import annotations

import os
import signal
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from ..errors import MainGuardError, PolicyParseError
from ..model.records import ErrorRecord
from ..vocab import Errors
from .guard import broken_message, check_main_guard, rerun_script
from .worker import (
    STOP_SIGNALS,
    Result,
    error_result,
    init_worker,
    parse_one,
    worker_main,
)

if TYPE_CHECKING:
    from ..model.document import Document


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
            target=worker_main,
            args=(theirs, self.options),
            name="policyparse-worker",
            daemon=True,
        )
        # The new process starts with Ctrl-C and SIGTERM blocked, until it has set
        # its own handlers: neither can reach it while it still has the parent's.
        blocked = hasattr(signal, "pthread_sigmask")
        if blocked:
            mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
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


# Parsing is bound by the processor: more workers than this per core only wait their turn,
# each holding its own memory.
PER_CORE = 4


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
        init_worker(options)
        for path in paths:
            yield parse_one(path)
        return
    workers = min(workers, PER_CORE * (os.cpu_count() or 1))
    if isinstance(paths, Sequence):  # small corpora: share them out among the workers
        if not paths:
            return
        workers = min(workers, len(paths))  # a worker with no file costs memory for nothing
        chunk = max(1, min(chunk, len(paths) // (workers * 4)))
    check_main_guard(workers)
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
                script = rerun_script()
                if script is not None and not pool.ever_ready:
                    raise MainGuardError(broken_message(script))
                raise PolicyParseError(
                    f"the worker processes ended before taking work ({_how(slot.proc.exitcode)})"
                )
        self.lost(slot, "worker_died", _died_message(slot.proc.exitcode))
        pool.replace(slot, kill=False)


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    workers: int | None = None,
    *,
    errors: Errors = "strict",
    gazetteer: str | None = None,
    progress: Callable[[int, int | None], object] | None = None,
) -> Iterator[Document | ErrorRecord]:
    """Parse many files on *workers* processes (default: all cores), in input order.

    Yields a Document for each file that parses and an ErrorRecord for each
    that does not; the run carries on past bad files.  *progress*, if given, is
    called after each file with the number done and the total (None when *paths*
    has no length): a notebook's progress bar (``tqdm``'s ``update``, an
    ``ipywidgets.IntProgress``) follows the run.

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
    from ..inputs.read import check_errors
    from ..model.document import Document

    check_errors(errors)
    options = {"errors": errors, "gazetteer": gazetteer, "max_bytes": 32 * 1024 * 1024}
    count = workers or os.cpu_count() or 1
    total = len(paths) if isinstance(paths, Sized) else None
    for done, r in enumerate(run_many((os.fspath(p) for p in paths), count, options), 1):
        yield (
            Document.model_validate_json(r.line)
            if r.ok
            else ErrorRecord.model_validate_json(r.line)
        )
        if progress is not None:
            progress(done, total)
