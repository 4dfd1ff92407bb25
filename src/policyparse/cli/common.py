"""What the commands share: exit statuses, the one writer to -o or standard output,
the input read and named in messages, diagnostics on stderr."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from ..errors import shown

if TYPE_CHECKING:
    from ..inputs.read import Loaded
    from ..vocab import Errors

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INPUT = 2

STDIN = "-"

# What runs a command: its arguments and its parser (for usage errors) to an exit status.
Runner = Callable[[argparse.Namespace, argparse.ArgumentParser], int]


def _stdout() -> BinaryIO:
    """Standard output as bytes; one clear error when it is closed (``>&-``)."""
    if sys.stdout is None:
        from ..errors import PolicyParseError

        raise PolicyParseError("standard output is closed: give a file with -o")
    return sys.stdout.buffer


def write(data: bytes, output: str | None) -> None:
    """*data* into the file *output*, or onto standard output."""
    if output is None:
        out = _stdout()
        out.write(data)
        out.flush()
    else:
        with open(output, "wb") as fh:
            fh.write(data)


@contextlib.contextmanager
def opened(output: str | None) -> Iterator[BinaryIO]:
    """The file *output* open for writing bytes, or standard output; flushed at the end."""
    if output is None:
        out = _stdout()
        yield out
        out.flush()
    else:
        with open(output, "wb") as fh:
            yield fh


def emit(text: str, output: str | None) -> None:
    write((text + "\n").encode("utf-8"), output)


def input_name(args: argparse.Namespace) -> str:
    """The input as messages name it: the file, escaped for a terminal, or <stdin>."""
    return "<stdin>" if args.file == STDIN else shown(args.file)


def read_input(args: argparse.Namespace) -> Loaded:
    """The input decoded: the file named, or standard input for ``-``."""
    from ..inputs.read import load_bytes, load_path, read_limited

    errors: Errors = "replace" if args.replace_errors else "strict"
    limit = int(args.max_mb * 1048576)
    if args.file != STDIN:
        return load_path(args.file, errors=errors, max_bytes=limit)
    if sys.stdin is None:
        from ..errors import PolicyParseError

        raise PolicyParseError("-: standard input is closed")
    raw = read_limited(sys.stdin.buffer, "standard input", limit)
    return load_bytes(raw, path=None, errors=errors, max_bytes=limit)


def report_diagnostics(
    diagnostics: list[dict[str, object]], text: str, args: argparse.Namespace
) -> None:
    """Diagnostics on stderr: each with -v (file:line:column), else a count of the warnings."""
    name = input_name(args)
    if args.verbose:
        from ..tracing import line_starts, position

        starts = line_starts(text)
        for d in diagnostics:
            span = d.get("span")
            where = ""
            if isinstance(span, (list, tuple)) and span:
                line, column = position(starts, int(span[0]))
                where = f"{line}:{column}:"
            message = shown(str(d["message"]))
            print(f"{name}:{where} {d['severity']}: {d['code']}: {message}", file=sys.stderr)
        return
    warnings = sum(1 for d in diagnostics if d.get("severity") in ("warning", "error"))
    if warnings:
        plural = "s" if warnings > 1 else ""
        print(f"policyparse: {name}: {warnings} warning{plural} (-v lists them)", file=sys.stderr)
