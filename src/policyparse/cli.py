"""Command line: ``policyparse FILE`` prints the Document as JSON.

Exit statuses: 0 success; 1 internal error (a bug: please report it);
2 usage error or input that cannot be read.  Errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import json
import math
import os
import signal
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn

from . import __version__
from .errors import shown

if TYPE_CHECKING:
    from .extract.gazetteer import Gazetteer
    from .inputs.read import Loaded
    from .model.document import Document
    from .vocab import Errors

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INPUT = 2

_EPILOG = """\
examples:
  policyparse corpus/ningbo-2025-consumption.txt --indent 2
  policyparse plan.txt -o plan.json
  cat plan.txt | policyparse -                              (standard input)
  policyparse --schema > schema.json
  policyparse plan.txt --format csv -o tables/             (targets, measures, units)
  policyparse plan.txt --format akn > plan.xml              (Akoma Ntoso)
  policyparse plan.txt --explain                            (the rule behind each decision)
  policyparse units plan.txt --format csv -o owners.csv    (who owns what)
  policyparse batch corpus/ -o out.jsonl -j 4               (a whole corpus)
  policyparse view plan.txt -o plan.html                    (the text, items marked)
  policyparse report out.jsonl -o report.html               (a batch result as a page)

exit status: 0 ok, 1 internal error, 2 usage error or unreadable input.
"""

_UNITS_EPILOG = """\
examples:
  policyparse units corpus/ningbo-2025-consumption.txt
  policyparse units a.txt b.txt --format csv -o owners.csv
  policyparse units a.txt b.txt --totals --format csv

JSON holds {"rows": [...], "totals": [...]}; CSV (UTF-8 with BOM) holds the
rows, or the totals per unit across the files with --totals.
"""


def _whole_number(minimum: int, too_small: str) -> Callable[[str], int]:
    """An argparse type: a whole number of at least *minimum*."""

    def read(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{text} {too_small}")
        return value

    return read


_positive_int = _whole_number(1, "is not at least 1")  # -j
_indent = _whole_number(0, "is negative")  # --indent


def _megabytes(text: str) -> float:
    """--max-mb: a finite size above 0 (nan and inf are no limits a file can be held to)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"{text} is not a size above 0")
    return value


def _seconds(text: str) -> float:
    """--timeout: a finite number of seconds, 0 for no limit."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{text} is not a number of seconds (0: no limit)")
    return value


_FILE_SUFFIXES = (".csv", ".parquet", ".json", ".jsonl", ".xml", ".txt")


def _check_folder(parser: argparse.ArgumentParser, output: str, what: str) -> None:
    """-o must name a folder for tables: not a file, nor a name that reads as one."""
    path = Path(output)
    if path.exists() and not path.is_dir():
        parser.error(f"-o {output} is a file; {what} go into a folder")
    if not path.exists() and path.suffix.lower() in _FILE_SUFFIXES:
        parser.error(
            f"-o {output} looks like a file name; {what} go into a folder (e.g. -o tables/)"
        )


def _need_pyarrow() -> None:
    """--format parquet: fail before any parsing, not after a corpus is read."""
    from .errors import PolicyParseError

    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise PolicyParseError("--format parquet needs pyarrow: pip install pyarrow") from None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_INPUT, f"{self.prog}: error: {shown(message)}\n")


def _input_options(p: argparse.ArgumentParser) -> None:
    """How files are read: shared by the main command and batch."""
    p.add_argument(
        "--replace-errors",
        action="store_true",
        help="replace undecodable bytes with U+FFFD (and a diagnostic) instead of failing",
    )
    p.add_argument(
        "--gazetteer",
        metavar="FILE",
        help="extra unit names (a gazetteer table: docs/responsibility.md)",
    )
    p.add_argument(
        "--max-mb",
        type=_megabytes,
        metavar="N",
        default=32,
        help="refuse files over N MB (default 32)",
    )


def _parse_arguments(p: argparse.ArgumentParser) -> None:
    """The main command: one plan to JSON, tables, AKN or the trace."""
    p.add_argument(
        "file", nargs="?", help="plan to parse (.txt, .html or .docx); - reads standard input"
    )
    p.add_argument(
        "--format",
        type=_format_alias("jsonl", "json"),
        choices=("json", "csv", "parquet", "akn", "html"),
        default="json",
        help="json (default; jsonl is the same, one line); csv or parquet tables into the "
        "folder -o; akn XML; html: the page of policyparse view",
    )
    p.add_argument("-o", "--output", metavar="PATH", help="write JSON here instead of stdout")
    p.add_argument(
        "--indent",
        type=_indent,
        metavar="N",
        default=None,
        help="indent JSON by N spaces (default: compact, one line)",
    )
    p.add_argument(
        "--with-text", action="store_true", help="include the decoded text the spans point into"
    )
    _input_options(p)
    p.add_argument(
        "--explain",
        action="store_true",
        help="print, for every block and quantity, the rule that decided it (tab-separated)",
    )
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="print every diagnostic on stderr (line:column); else a count of the warnings",
    )
    p.add_argument("--schema", action="store_true", help="print the JSON Schema of the output")
    p.add_argument("--version", action="version", version=f"policyparse {__version__}")


def _units_arguments(p: argparse.ArgumentParser) -> None:
    """Who owns what: one row per responsible unit and node."""
    p.add_argument("files", nargs="+", metavar="FILE", help="plans to read")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("--totals", action="store_true", help="CSV: totals per unit instead of rows")
    p.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")
    p.add_argument("--indent", type=_indent, metavar="N", default=None, help="indent JSON by N")
    p.add_argument(
        "--gazetteer",
        metavar="FILE",
        help="extra unit names (a gazetteer table: docs/responsibility.md)",
    )


def _run_units(args: argparse.Namespace) -> int:
    from .api import parse_file
    from .export.owners import ROW_COLUMNS, TOTAL_COLUMNS, owners, to_csv, totals
    from .extract.gazetteer import load

    gazetteer = load(args.gazetteer)
    rows = [row for path in args.files for row in owners(parse_file(path, gazetteer=gazetteer))]
    sums = totals(rows)
    if args.format == "csv":
        text = to_csv(sums, TOTAL_COLUMNS) if args.totals else to_csv(rows, ROW_COLUMNS)
        _emit(text.rstrip("\r\n"), args.output)
    else:
        payload = {
            "rows": [r.model_dump() for r in rows],
            "totals": [t.model_dump() for t in sums],
        }
        _emit(json.dumps(payload, ensure_ascii=False, indent=args.indent), args.output)
    return EXIT_OK


def _stdout() -> BinaryIO:
    """Standard output as bytes; one clear error when it is closed (``>&-``)."""
    if sys.stdout is None:
        from .errors import PolicyParseError

        raise PolicyParseError("standard output is closed: give a file with -o")
    return sys.stdout.buffer


def _write(data: bytes, output: str | None) -> None:
    """*data* into the file *output*, or onto standard output."""
    if output is None:
        out = _stdout()
        out.write(data)
        out.flush()
    else:
        with open(output, "wb") as fh:
            fh.write(data)


def _emit(text: str, output: str | None) -> None:
    _write((text + "\n").encode("utf-8"), output)


def _input_name(args: argparse.Namespace) -> str:
    """The input as messages name it: the file, escaped for a terminal, or <stdin>."""
    return "<stdin>" if args.file == STDIN else shown(args.file)


def schema_json() -> str:
    """The JSON Schema of Document, as committed in docs/schema.json."""
    from .model.document import Document

    return json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2)


STDIN = "-"


def _loaded(args: argparse.Namespace) -> Loaded:
    """The input decoded: the file named, or standard input for ``-``."""
    from .inputs.read import load_bytes, load_path, read_limited

    errors: Errors = "replace" if args.replace_errors else "strict"
    limit = int(args.max_mb * 1048576)
    if args.file != STDIN:
        return load_path(args.file, errors=errors, max_bytes=limit)
    raw = read_limited(sys.stdin.buffer, "standard input", limit)
    return load_bytes(raw, path=None, errors=errors, max_bytes=limit)


def _report(diagnostics: list[dict[str, object]], text: str, args: argparse.Namespace) -> None:
    """Diagnostics on stderr: each with -v (file:line:column), else a count of the warnings."""
    name = _input_name(args)
    if args.verbose:
        from .tracing import line_starts, position

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


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.schema:
        _emit(schema_json(), args.output)
        return EXIT_OK
    if args.file is None:
        parser.error("a FILE to parse is required (- reads standard input; or --schema)")
    if args.format in ("csv", "parquet"):
        if not args.output:
            parser.error(f"--format {args.format} writes three tables: give a folder with -o")
        _check_folder(parser, args.output, f"--format {args.format}")
        if args.format == "parquet":
            _need_pyarrow()
    if args.indent is not None and (args.format != "json" or args.explain):
        parser.error("--indent applies to JSON output only")
    if args.with_text and (args.format in ("csv", "parquet") or args.explain):
        parser.error(f"--with-text applies to JSON and akn output, not {args.format}")
    from .extract.gazetteer import load as load_gazetteer

    loaded = _loaded(args)
    gazetteer = load_gazetteer(args.gazetteer)
    if args.explain:
        from .tracing import explain_loaded, render

        _emit(render(explain_loaded(loaded, gazetteer)), args.output)
        return EXIT_OK
    if args.format == "json":
        # One plan, one process: the writer that needs no pydantic-core import
        # starts faster than the fast one saves (docs/performance.md).
        from .export.json import dumps_python
        from .pipeline import document_dict

        data = document_dict(loaded, with_text=args.with_text, gazetteer=gazetteer)
        _emit(dumps_python(data, args.indent), args.output)
        _report(data["diagnostics"], loaded.text, args)
        return EXIT_OK
    if args.format == "html":
        return _view(loaded, gazetteer, args, rules=True)
    from .pipeline import run

    doc = run(loaded, with_text=args.with_text or args.format == "akn", gazetteer=gazetteer)
    _report([d.model_dump() for d in doc.diagnostics], loaded.text, args)
    if args.format == "akn":
        from .export.akn import to_akn_counted

        xml, replaced = to_akn_counted(doc, doc.text or "")
        if replaced:
            name = _input_name(args)
            print(
                f"policyparse: {name}: {replaced} character(s) XML cannot hold (control "
                "characters) written as U+FFFD in the Akoma Ntoso output",
                file=sys.stderr,
            )
        _write(xml, args.output)
    else:
        from .export.tables import CsvTables, ParquetTables

        tables = CsvTables(args.output) if args.format == "csv" else ParquetTables(args.output)
        tables.add(doc)
        tables.close()
    return EXIT_OK


_BATCH_EPILOG = """\
examples:
  policyparse batch ../shared/corpus -o out.jsonl -j 2
  policyparse batch plans/ 'pages/**/*.html' -o out.jsonl --resume
  policyparse batch corpus/ --format csv -o tables/       (documents.jsonl + 4 CSV tables)
  policyparse batch --from list.txt -o out.jsonl          (one path per line)
  find plans -name '*.txt' | policyparse batch --from - -o out.jsonl

Each line of the JSONL output is a Document, or an error record
{"path", "error", "message"} for a file that failed; the run carries on.
A file that takes longer than --timeout, or whose worker process dies, gets an
error record ("timeout", "worker_died") and the run goes on.
exit status: 0 ok; 1 with --strict if any file failed; 2 if nothing could be
parsed, on a usage error, or when another batch is writing OUT; 130 if
interrupted (Ctrl-C), 143 if terminated (SIGTERM): rerun with --resume.
"""


def _format_alias(alias: str, name: str) -> Callable[[str], str]:
    """--format json for batch is its JSON lines, --format jsonl for one file its one line:
    the same word works for every command."""

    def convert(value: str) -> str:
        return name if value == alias else value

    return convert


def _batch_arguments(p: argparse.ArgumentParser) -> None:
    """A corpus: files, folders (recursively) and globs of .txt, .html, .docx."""
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, globs")
    p.add_argument(
        "--from",
        dest="from_file",
        metavar="FILE",
        help="read more paths from FILE, one per line (- reads standard input)",
    )
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="JSONL file, or folder")
    p.add_argument(
        "--format",
        type=_format_alias("json", "jsonl"),
        choices=("jsonl", "csv", "parquet", "akn"),
        default="jsonl",
        help="jsonl (default; json means the same here); csv, parquet or akn write into "
        "the folder OUT",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: one per core)",
    )
    p.add_argument("--resume", action="store_true", help="skip files already in OUT")
    p.add_argument(
        "--timeout",
        type=_seconds,
        default=60.0,
        metavar="SECONDS",
        help="give up on a file after this long: an error record 'timeout' (default 60; 0: none)",
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
    _input_options(p)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the batch is, to end it as Ctrl-C does."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


def _batch_signals() -> dict[int, Any]:
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
        _check_folder(parser, args.output, f"--format {args.format}")
    elif Path(args.output).is_dir():
        parser.error(f"-o {args.output} is a folder; --format jsonl writes one file")
    if args.format == "parquet":
        _need_pyarrow()
    if args.format != "jsonl":
        folder = Path(args.output)
        folder.mkdir(parents=True, exist_ok=True)
        return folder / "documents.jsonl"
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


def _batch_inputs(
    args: argparse.Namespace, parser: argparse.ArgumentParser, out: Path
) -> list[str]:
    """The files to parse, in order, without the output file itself."""
    from .batch import expand, read_list

    inputs = list(args.paths)
    if args.from_file:
        inputs += read_list(args.from_file)
    unsupported: Counter[str] = Counter()
    paths = list(expand(inputs, unsupported))
    if unsupported:
        kinds = ", ".join(f"{n} {suffix}" for suffix, n in sorted(unsupported.items()))
        print(
            f"policyparse: left out {sum(unsupported.values())} files policyparse cannot read "
            f"({shown(kinds)}): convert them to text, HTML or .docx",
            file=sys.stderr,
        )
    real_out = os.path.realpath(out)
    kept = [p for p in paths if os.path.basename(p) != out.name or os.path.realpath(p) != real_out]
    if len(kept) < len(paths):
        print(
            f"policyparse: left out the output file {shown(str(out))} from the inputs",
            file=sys.stderr,
        )
    if not kept:
        parser.error("no input files found")
    return kept


def _run_batch(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from .batch import (
        LockedOutput,
        Progress,
        akn_name,
        read_recorded,
        run_many,
        tables_from,
        write_akn,
    )
    from .inputs.read import record_key

    out = _batch_output(args, parser)
    paths = _batch_inputs(args, parser, out)
    folder = None if args.format == "jsonl" else out.parent
    output = LockedOutput(out, truncate=not args.resume)  # before reading or truncating
    try:
        recorded = read_recorded(out) if args.resume and out.is_file() else None
        done = recorded.paths if recorded is not None else set()
        note = recorded.report(str(out)) if recorded is not None else None
        if note:
            print(note, file=sys.stderr)
        todo = [p for p in paths if record_key(p) not in done]
        skipped = len(paths) - len(todo)
        options = {
            "errors": "replace" if args.replace_errors else "strict",
            "gazetteer": args.gazetteer,
            "max_bytes": int(args.max_mb * 1048576),
            "akn": args.format == "akn",
            "with_text": args.with_text,
        }
        progress = Progress(len(todo), not args.quiet, terminal=sys.stderr.isatty())
        timeout = args.timeout or None
        try:
            results = run_many(todo, args.jobs, options, timeout=timeout, processes=True)
            with contextlib.closing(results):
                for r in results:
                    if r.akn is not None and folder is not None:
                        write_akn(folder, akn_name(r.path), r.akn)
                    output.write((r.line + "\n").encode("utf-8"))
                    progress.step(r)
        except KeyboardInterrupt as exc:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            how = "terminated (SIGTERM)" if isinstance(exc, Terminated) else "interrupted"
            print(f"{progress.summary(skipped)}; {how}, rerun with --resume", file=sys.stderr)
            return 143 if isinstance(exc, Terminated) else 130
        if args.format in ("csv", "parquet") and folder is not None:
            tables_from(out, folder, args.format)  # under the lock still
    finally:
        output.close()
    print(progress.summary(skipped), file=sys.stderr)
    if progress.ok == 0 and not done:
        return EXIT_INPUT
    if args.strict and progress.failed:
        return EXIT_INTERNAL
    return EXIT_OK


_VIEW_EPILOG = """\
examples:
  policyparse view corpus/ningbo-2025-consumption.txt -o ningbo.html
  policyparse view plan.docx -o plan.html --no-rules

One self-contained HTML file (no network): metadata and diagnostics, an
outline linked to the text, the text with every heading, target, figure,
unit and diagnostic marked in place, a targets table and who owns what
(docs/view.md).  Same as policyparse FILE --format html.
"""

_REPORT_EPILOG = """\
examples:
  policyparse batch corpus/ --with-text -o out.jsonl
  policyparse report out.jsonl -o report.html

A corpus dashboard in one self-contained file: the documents, targets by year
and by unit of measure, the units owning most measures and targets, the
documents with errors or no structure.  Records with text (batch --with-text)
get their own view, written into report_files/ beside the report.
"""


def _view_arguments(p: argparse.ArgumentParser) -> None:
    """One plan as a self-contained HTML page."""
    p.add_argument("file", help="plan to view (.txt, .html or .docx); - reads standard input")
    p.add_argument("-o", "--output", metavar="FILE", help="write the page here, not to stdout")
    p.add_argument(
        "--no-rules",
        dest="rules",
        action="store_false",
        help="do not read the text again to name the rule behind each target",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="print every diagnostic")
    _input_options(p)


def _report_arguments(p: argparse.ArgumentParser) -> None:
    """A batch result as a corpus dashboard."""
    p.add_argument("jsonl", metavar="OUT.jsonl", help="a batch result (policyparse batch -o)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the report's file")
    p.add_argument(
        "--no-views",
        dest="views",
        action="store_false",
        help="do not write a view of each document beside the report",
    )
    p.add_argument(
        "--no-rules",
        dest="rules",
        action="store_false",
        help="views: do not read each text again to name the rule behind each target",
    )


def _view(loaded: Loaded, gazetteer: Gazetteer, args: argparse.Namespace, rules: bool) -> int:
    """The page of policyparse view from one parse: the rules come from its own trace."""
    from .export.view import render_view
    from .pipeline import run_traced
    from .tracing import explain_parse, quantity_decisions

    doc, parse = run_traced(loaded, gazetteer=gazetteer)
    _report([d.model_dump() for d in doc.diagnostics], loaded.text, args)
    decisions = quantity_decisions(explain_parse(parse)) if rules else []
    page = render_view(doc, loaded.text, decisions)
    _write(page.encode("utf-8"), args.output)
    return EXIT_OK


def _run_view(args: argparse.Namespace) -> int:
    from .extract.gazetteer import load as load_gazetteer

    return _view(_loaded(args), load_gazetteer(args.gazetteer), args, args.rules)


def _run_report(args: argparse.Namespace) -> int:
    from .api import render_html
    from .export.report import write_report

    def view(doc: Document, text: str, back: tuple[str, str]) -> str:
        return render_html(doc, text, rules=args.rules, back=back)

    summary = write_report(args.jsonl, args.output, view if args.views else None)
    print(f"policyparse: {summary}", file=sys.stderr)
    return EXIT_OK


_COMMANDS = {
    "parse": (
        "policyparse",
        "parse one plan (the default: policyparse FILE is policyparse parse FILE)",
        "Turn a Chinese government action plan into a source-anchored JSON tree.",
        _EPILOG,
        _parse_arguments,
    ),
    "units": (
        "policyparse units",
        "who owns what: one row per responsible unit and node",
        "Who owns what: one row per responsible unit and node.",
        _UNITS_EPILOG,
        _units_arguments,
    ),
    "batch": (
        "policyparse batch",
        "parse a corpus in parallel, resumable",
        "Parse a corpus: files, folders (recursively) and globs of .txt, .html, .docx.",
        _BATCH_EPILOG,
        _batch_arguments,
    ),
    "view": (
        "policyparse view",
        "one plan as a self-contained HTML page, items marked in the text",
        "One plan as a self-contained HTML page: the text with what was found marked in place.",
        _VIEW_EPILOG,
        _view_arguments,
    ),
    "report": (
        "policyparse report",
        "a batch result as a self-contained HTML corpus report",
        "A batch result (JSONL) as a corpus report in one self-contained HTML file.",
        _REPORT_EPILOG,
        _report_arguments,
    ),
}


def _top_parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """policyparse COMMAND …, with parse the command when none is named."""
    top: argparse.ArgumentParser = _Parser(
        prog="policyparse",
        usage="policyparse [parse] FILE [options] | policyparse {units,batch,view,report} ...",
        description="Turn Chinese government action plans into source-anchored JSON trees.",
        epilog=_EPILOG + "\nEach command has its own --help (policyparse parse --help).\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"policyparse {__version__}")
    sub = top.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    parsers: dict[str, argparse.ArgumentParser] = {}
    for name, (prog, short, description, epilog, add) in _COMMANDS.items():
        p = sub.add_parser(
            name,
            prog=prog,
            help=short,
            description=description,
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        add(p)
        parsers[name] = p
    return top, parsers


def _route(argv: list[str], parsers: dict[str, argparse.ArgumentParser]) -> list[str]:
    """Put the command first: ``--indent 2 units a.txt`` is ``units --indent 2 a.txt``.

    With no command named, the first plain argument is a file for parse.  A plain
    argument that is no file but close to a command's name is a typo: say so.
    """
    takes_value = {
        option
        for p in parsers.values()
        for action in p._actions
        if action.nargs != 0
        for option in action.option_strings
    }
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == STDIN or not token.startswith("-"):
            break
        i += 1 if "=" in token or token not in takes_value else 2
    if i >= len(argv):
        if any(t in ("-h", "--help", "--version") for t in argv):
            return argv
        return ["parse", *argv]
    token = argv[i]
    if token in parsers:
        return [token, *argv[:i], *argv[i + 1 :]]
    if token != STDIN and not os.path.exists(token):
        close = difflib.get_close_matches(token, list(parsers), n=1, cutoff=0.6)
        if close:
            parsers["parse"].error(f"{token}: no such file or command (did you mean {close[0]}?)")
    return ["parse", *argv]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    # The command line uses no pydantic plugins; not scanning the installed
    # packages for them saves a noticeable part of a cold start.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    argv = list(sys.argv[1:] if argv is None else argv)
    top, parsers = _top_parser()
    args = top.parse_args(_route(argv, parsers))
    command = args.command
    parser = parsers[command]
    from .errors import PolicyParseError, shown

    handlers = _batch_signals() if command == "batch" else {}
    try:
        if command == "units":
            return _run_units(args)
        if command == "batch":
            return _run_batch(args, parser)
        if command == "view":
            return _run_view(args)
        if command == "report":
            return _run_report(args)
        return _run(args, parser)
    except Terminated:
        print("policyparse: terminated (SIGTERM)", file=sys.stderr)
        return 143
    except PolicyParseError as exc:
        print(f"policyparse: error: {shown(str(exc))}", file=sys.stderr)
        return EXIT_INPUT
    except OSError as exc:
        name = exc.filename
        where = shown(os.fsdecode(name)) if isinstance(name, str | bytes) else ""
        print(f"policyparse: error: {shown(exc.strerror or str(exc))}: {where}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("policyparse: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug; never show a traceback unless asked
        if os.environ.get("POLICYPARSE_DEBUG"):
            raise
        print(
            f"policyparse: internal error: {type(exc).__name__}: {shown(str(exc))} "
            "(set POLICYPARSE_DEBUG=1 for a traceback)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    finally:
        for signum, handler in handlers.items():
            if handler is not None:  # None: set outside Python, cannot be put back
                signal.signal(signum, handler)
