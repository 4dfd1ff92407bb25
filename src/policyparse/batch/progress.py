"""Progress on stderr while a batch runs, and the summary after."""

from __future__ import annotations

import sys
import time

from ..errors import shown
from .worker import Result

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
