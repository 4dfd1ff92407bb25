"""Progress on stderr while a batch runs, and the summary after."""

from __future__ import annotations

import os
import shutil
import sys
import time

from ..errors import counted, shown
from .worker import Result

_QUIET_EVERY = 10.0  # seconds between progress lines when stderr is no terminal
_FAILED_SHOWN = 10
_BAR, _MIN_BAR = 30, 10  # the widest bar, and the narrowest worth drawing


def _clock(seconds: float) -> str:
    m, sec = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return f"{h}:{m:02d}:{sec:02d}"


def _columns() -> int:
    """The width of the terminal the bar goes to: $COLUMNS when set, else standard
    error's own (standard output may be a file: ``batch … > log``), else
    ``shutil.get_terminal_size``'s answer."""
    env = os.environ.get("COLUMNS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return shutil.get_terminal_size().columns


class Progress:
    """Progress on stderr (a bar on a terminal, a line every few seconds elsewhere)."""

    def __init__(self, total: int, enabled: bool, terminal: bool = True) -> None:
        self.total, self.enabled, self.terminal = total, enabled, terminal
        self.done = self.ok = self.failed = self.bytes = 0
        self.left_out = 0  # paths found and left out (skipped records)
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
            sys.stderr.write("\r" + self.bar_line(_columns()))
            sys.stderr.flush()
        elif not self.terminal and (now - self.last >= _QUIET_EVERY or self.done == self.total):
            self.last = now
            print(f"policyparse: {self.line()}", file=sys.stderr, flush=True)

    def bar_line(self, columns: int) -> str:
        """The progress line for a terminal *columns* wide: a bar as wide as there is room
        for (none on a narrow one), the line cut short rather than wrapped, padded to
        cover a longer line before it.  One column stays free: a line that fills the last
        column wraps on some terminals."""
        room = max(columns - 1, 1)
        text = self.line()
        if len(text) > room:
            text = self.line(short=True)
        width = min(_BAR, room - len(text) - 3)
        if width >= _MIN_BAR:
            filled = width * self.done // max(self.total, 1)
            text = f"[{'#' * filled}{'.' * (width - filled)}] {text}"
        return text[:room].ljust(room)

    def line(self, short: bool = False) -> str:
        """3/10 files, 1.2 MB/s, 1 failed, 0:00:04 elapsed, ETA 0:00:09 (short: the
        files, the failures and the ETA)."""
        elapsed = time.monotonic() - self.start
        left = (self.total - self.done) * elapsed / self.done if self.done else 0.0
        failed = f", {self.failed} failed" if self.failed else ""
        files = f"{self.done}/{counted(self.total, 'file')}"
        if short:
            return f"{files}{failed}, ETA {_clock(left)}"
        return (
            f"{files}, {self.rate():.1f} MB/s{failed}, "
            f"{_clock(elapsed)} elapsed, ETA {_clock(left)}"
        )

    def rate(self) -> float:
        secs = max(time.monotonic() - self.start, 1e-9)
        return self.bytes / 1048576 / secs

    def summary(self, already: int) -> str:
        """The last lines: what was done, what failed; *already*: files an earlier run did."""
        if self.enabled and self.terminal:
            sys.stderr.write("\n")
        secs = time.monotonic() - self.start
        extra = f", {already} already done" if already else ""
        if self.left_out:
            extra += f", {self.left_out} left out"
        text = (
            f"policyparse: {counted(self.done, 'file')}, {self.ok} succeeded, "
            f"{self.failed} failed{extra}, {secs:.1f} seconds, {self.rate():.2f} MB/s"
        )
        if self.failures:
            more = self.failed - len(self.failures)
            shown = "\n  ".join(self.failures)
            tail = f"\n  … and {more} more (error records in the output)" if more else ""
            text += f"\nfailed:\n  {shown}{tail}"
        return text
