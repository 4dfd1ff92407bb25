"""``policyparse batch``: a corpus on all cores into one JSONL file (or tables, or XML files).

The work is ``policyparse.batch``'s; here are the arguments, the output and
inputs they name, resuming, and how the run ends (Ctrl-C, SIGTERM, exit status).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import shown
from .args import (
    DEFAULT_MAX_MEMORY,
    check_folder,
    format_alias,
    input_options,
    memory_mb,
    need_pyarrow,
    positive_int,
    seconds,
)
from .common import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK
from .inputs import add_inputs, given, none_found, say_left_out

if TYPE_CHECKING:
    from ..batch import LockedOutput, Progress, Result, Skipped

EPILOG = """\
examples:
  policyparse batch ../shared/corpus -o out.jsonl -j 2
  policyparse batch plans/ 'pages/**/*.html' -o out.jsonl --resume
  policyparse batch corpus/ --format csv -o tables/       (documents.jsonl + 4 CSV tables)
  policyparse batch --from list.txt -o out.jsonl          (one path per line)
  find plans -name '*.txt' | policyparse batch --from - -o out.jsonl

Each line of the JSONL output is a Document, or an error record
{"path", "error", "message"} for a file that failed; the run carries on.  A path
a folder walk or a glob found and left out (an image, an .ofd file, a hidden
folder) gets a skipped record {"path", "skipped", "message"}, written first: the
output accounts for every file found (docs/exports.md; policyparse --schema record).
A file that takes longer than --timeout, or whose worker process dies, gets an
error record ("timeout", "worker_died") and the run goes on.
exit status: 0 ok; 1 with --strict if any file failed; 2 if nothing could be
parsed, on a usage error, or when another batch is writing OUT; 130 if
interrupted (Ctrl-C), 143 if terminated (SIGTERM): rerun with --resume.
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    """A corpus: files, folders (recursively) and globs of .txt, .html, .docx, .pdf, .doc."""
    add_inputs(p)
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="JSONL file, or folder")
    p.add_argument(
        "--format",
        type=format_alias("json", "jsonl"),
        choices=("jsonl", "csv", "parquet", "akn"),
        default="jsonl",
        help="jsonl (default; json means the same here); csv, parquet or akn write into "
        "the folder OUT",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=positive_int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: one per core; never more than files to parse, "
        "nor four per core)",
    )
    p.add_argument("--resume", action="store_true", help="skip files already in OUT")
    p.add_argument(
        "--timeout",
        type=seconds,
        default=60.0,
        metavar="SECONDS",
        help="give up on a file after this long: an error record 'timeout' (default 60; 0: none)",
    )
    p.add_argument(
        "--max-memory",
        type=memory_mb,
        default=DEFAULT_MAX_MEMORY,
        metavar="MB",
        help="hold each worker process to MB megabytes of data: a file that needs more gets "
        f"an error record 'too_large' (default {DEFAULT_MAX_MEMORY}; 0: no limit)",
    )
    p.add_argument("--strict", action="store_true", help="exit 1 if any file failed")
    p.add_argument(
        "--with-text",
        action="store_true",
        help="keep each document's decoded text in its JSONL record, for viewing it later",
    )
    p.add_argument(
        "--quiet",
        action="store_true",
        help="no progress (a bar on a terminal, else a line every 10 seconds)",
    )
    input_options(p)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the batch is, to end it as Ctrl-C does."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


def batch_signals() -> dict[int, Any]:
    """SIGTERM ends a batch as Ctrl-C does; the handlers before, to put back after."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return {}  # signal handlers can only be set from the main thread
    before: dict[int, Any] = {signal.SIGINT: signal.getsignal(signal.SIGINT)}
    before[signal.SIGTERM] = signal.signal(signal.SIGTERM, _on_sigterm)
    return before


def _batch_output(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Path:
    """The JSONL file of the run (inside the folder -o for tables and akn)."""
    if args.format != "jsonl":
        check_folder(parser, args.output, args.format)
    elif Path(args.output).is_dir():
        parser.error(f"-o {args.output} is a folder; --format jsonl writes one file")
    if args.format == "parquet":
        need_pyarrow()
    if args.format != "jsonl":
        folder = Path(args.output)
        folder.mkdir(parents=True, exist_ok=True)
        return folder / "documents.jsonl"
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


def _batch_inputs(
    args: argparse.Namespace, parser: argparse.ArgumentParser, out: Path
) -> tuple[list[str], list[Skipped]]:
    """The files to parse, in order, and what was left out, without the output itself."""
    from ..batch import expand

    inputs = given(args)
    skipped: list[Skipped] = []
    paths = list(expand(inputs, skipped))
    mine = _output_test(args, out)
    kept = [p for p in paths if not mine(p)]
    left = [s for s in skipped if not mine(s.path)]
    if len(kept) + len(left) < len(paths) + len(skipped):
        what = "file" if args.format == "jsonl" else "folder"
        where = out if args.format == "jsonl" else out.parent
        print(
            f"policyparse: left out the output {what} {shown(str(where))} from the inputs",
            file=sys.stderr,
        )
    if not kept:
        parser.error(none_found(inputs, left))
    say_left_out(left, f"; each has a skipped record in {shown(str(out))}")
    return kept, left


def _output_test(args: argparse.Namespace, out: Path) -> Callable[[str], bool]:
    """Whether a path found is the run's own output: the JSONL file, or (in the folder
    -o of tables or XML files) a file the run writes there."""
    from ..batch.output import written_here

    real_out = os.path.realpath(out)
    if args.format == "jsonl":
        return lambda p: os.path.basename(p) == out.name and os.path.realpath(p) == real_out
    folder = os.path.realpath(out.parent)

    def mine(p: str) -> bool:
        name = os.path.basename(p)
        return written_here(name) and os.path.dirname(os.path.realpath(p)) == folder

    return mine


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from ..batch import LockedOutput, Progress, mark_stale, run_many, skipped_line, tables_from
    from ..inputs.read import record_key

    out = _batch_output(args, parser)
    paths, left = _batch_inputs(args, parser, out)
    folder = None if args.format == "jsonl" else out.parent
    # before reading or truncating
    output = LockedOutput(out, truncate=not args.resume, nofollow=folder is not None)
    try:
        if args.format in ("csv", "parquet") and folder is not None:
            mark_stale(folder)
        done = _already_done(args, out)
        todo = [p for p in paths if record_key(p) not in done]
        skipped = len(paths) - len(todo)
        progress = Progress(len(todo), not args.quiet, terminal=sys.stderr.isatty())
        progress.left_out = len(left)
        for s in left:  # before the documents: the record of what the run left out
            if record_key(s.path) not in done:
                output.write((skipped_line(s.path, s.reason, s.message) + "\n").encode("utf-8"))
        timeout = args.timeout or None
        try:
            results = run_many(todo, args.jobs, _options(args), timeout=timeout, processes=True)
            _write_results(results, output, folder, progress)
        except KeyboardInterrupt as exc:
            return _interrupted(exc, progress, skipped)
        if args.format in ("csv", "parquet") and folder is not None:
            tables_from(out, folder, args.format)  # under the lock still
    finally:
        output.close()
    print(progress.summary(skipped), file=sys.stderr)
    return _exit_status(args, progress, done)


def _already_done(args: argparse.Namespace, out: Path) -> set[str]:
    """With --resume, the paths *out* already records (and a note on what it skipped)."""
    from ..batch import read_recorded

    if not (args.resume and out.is_file()):
        return set()
    recorded = read_recorded(out)
    note = recorded.report(str(out))
    if note:
        print(note, file=sys.stderr)
    return recorded.paths


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """What every worker needs to know of the command line."""
    return {
        "errors": "replace" if args.replace_errors else "strict",
        "gazetteer": args.gazetteer,
        "max_bytes": int(args.max_mb * 1048576),
        "akn": args.format == "akn",
        "with_text": args.with_text,
        "max_memory": args.max_memory or None,
    }


def _write_results(
    results: Generator[Result, None, None],
    output: LockedOutput,
    folder: Path | None,
    progress: Progress,
) -> None:
    """Each record as it comes (and its XML file, for akn), the workers stopped after."""
    from ..batch import akn_name, write_akn

    with contextlib.closing(results):
        for r in results:
            if r.akn is not None and folder is not None:
                write_akn(folder, akn_name(r.path), r.akn)
            output.write((r.line + "\n").encode("utf-8"))
            progress.step(r)


def _interrupted(exc: KeyboardInterrupt, progress: Progress, skipped: int) -> int:
    """Ctrl-C or SIGTERM: what was done, how to carry on, and the exit status that says so."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    how = "terminated (SIGTERM)" if isinstance(exc, Terminated) else "interrupted"
    print(f"{progress.summary(skipped)}; {how}, rerun with --resume", file=sys.stderr)
    return 143 if isinstance(exc, Terminated) else 130


def _exit_status(args: argparse.Namespace, progress: Progress, done: set[str]) -> int:
    """2 when nothing could be parsed (nor was before), 1 for a failure under --strict."""
    if progress.ok == 0 and not done:
        return EXIT_INPUT
    if args.strict and progress.failed:
        return EXIT_INTERNAL
    return EXIT_OK
