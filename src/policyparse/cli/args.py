"""What the commands share in reading their arguments: types, option groups, checks."""

from __future__ import annotations

import argparse
import difflib
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, NoReturn

from ..errors import shown
from .common import EXIT_INPUT, Runner


class Command(NamedTuple):
    """A command of the command line: its help, its arguments and what runs it."""

    prog: str
    short: str  # its line in the list of commands
    description: str
    epilog: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Runner


def whole_number(minimum: int, too_small: str, maximum: int | None = None) -> Callable[[str], int]:
    """An argparse type: a whole number of at least *minimum* (and at most *maximum*)."""

    def read(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{shown(text)!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{text} {too_small}")
        if maximum is not None and value > maximum:
            raise argparse.ArgumentTypeError(f"{text} is more than {maximum}")
        return value

    return read


# -j: past this many workers a run only waits on memory and the scheduler.
MAX_JOBS = 256
positive_int = whole_number(1, "is not at least 1", MAX_JOBS)  # -j
# --indent: wider than this is no layout anyone reads, and it multiplies the output.
MAX_INDENT = 16
indent = whole_number(0, "is negative", MAX_INDENT)  # --indent
# --max-mb: a bound on the input a parse holds in memory (docs/performance.md);
# larger than this, a parse would need more memory than a machine has.
MAX_MB = 1024
# --timeout: a day; past it, a file is stuck, and the clock has no larger wait.
MAX_SECONDS = 86400


def megabytes(text: str) -> float:
    """--max-mb: a finite size above 0 (nan and inf are no limits a file can be held to)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{shown(text)!r} is not a number") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text} is not a size above 0")
    if value > MAX_MB:
        raise argparse.ArgumentTypeError(f"{text} is more than {MAX_MB} (MB)")
    return value


# batch --max-memory: a parse within the default limits needs about 1.5 GB at worst
# (docs/performance.md); a worker is held to this much, so the host never runs out.
DEFAULT_MAX_MEMORY = 4096


def memory_mb(text: str) -> float:
    """--max-memory: megabytes a worker may hold, 0 for no limit (at least 256 otherwise:
    a worker needs about 100 MB before it reads anything)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{shown(text)!r} is not a number") from None
    if not math.isfinite(value) or value < 0 or 0 < value < 256:
        raise argparse.ArgumentTypeError(f"{text} is not 0 (no limit) or at least 256 (MB)")
    if value > 1048576:
        raise argparse.ArgumentTypeError(f"{text} is more than 1048576 (MB)")
    return value


def seconds(text: str) -> float:
    """--timeout: a finite number of seconds, 0 for no limit."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{shown(text)!r} is not a number") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{text} is not a number of seconds (0: no limit)")
    if value > MAX_SECONDS:
        raise argparse.ArgumentTypeError(f"{text} is more than {MAX_SECONDS} seconds (a day)")
    return value


def format_alias(alias: str, name: str) -> Callable[[str], str]:
    """--format json for batch is its JSON lines, --format jsonl for one file its one line:
    the same word works for every command."""

    def convert(value: str) -> str:
        return name if value == alias else value

    return convert


_FILE_SUFFIXES = (".csv", ".parquet", ".json", ".jsonl", ".xml", ".txt")


def check_folder(parser: argparse.ArgumentParser, output: str, fmt: str) -> None:
    """-o must name a folder for tables: not a file, nor a name that reads as one."""
    what = f"the {'XML files' if fmt == 'akn' else 'four tables'} of --format {fmt}"
    path = Path(output)
    if path.exists() and not path.is_dir():
        parser.error(f"-o {output} is a file; {what} go into a folder")
    if not path.exists() and path.suffix.lower() in _FILE_SUFFIXES:
        parser.error(
            f"-o {output} looks like a file name; {what} go into a folder (e.g. -o tables/)"
        )


def need_pyarrow() -> None:
    """--format parquet: fail before any parsing, not after a corpus is read."""
    from ..errors import PolicyParseError

    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise PolicyParseError("--format parquet needs pyarrow: pip install pyarrow") from None


_INVALID_CHOICE = re.compile(r"invalid choice: '([^']*)' \(choose from (.*)\)$")


class Parser(argparse.ArgumentParser):
    """Usage errors exit 2, their message escaped for the terminal; a mistyped choice
    gets the choice meant (``--format cvs``: did you mean csv?)."""

    def error(self, message: str) -> NoReturn:
        wrong = _INVALID_CHOICE.search(message)
        if wrong:
            choices = re.findall(r"'([^']*)'", wrong.group(2))
            close = difflib.get_close_matches(wrong.group(1), choices, n=1, cutoff=0.5)
            if close:
                message += f" (did you mean {close[0]}?)"
        self.exit(EXIT_INPUT, f"{self.prog}: error: {shown(message)}\n")


def add_gazetteer(p: argparse.ArgumentParser) -> None:
    """--gazetteer, the same on every command that reads units."""
    p.add_argument(
        "--gazetteer",
        metavar="FILE",
        help="extra unit names (a gazetteer table: docs/responsibility.md)",
    )


def input_options(p: argparse.ArgumentParser) -> None:
    """How files are read: shared by the main command and batch."""
    p.add_argument(
        "--replace-errors",
        action="store_true",
        help="replace undecodable bytes with U+FFFD (and a diagnostic) instead of failing",
    )
    add_gazetteer(p)
    p.add_argument(
        "--max-mb",
        type=megabytes,
        metavar="N",
        default=32,
        help="refuse files over N MB (default 32)",
    )
