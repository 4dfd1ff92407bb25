"""Command line: ``policyparse FILE`` prints the Document as JSON.

Exit statuses: 0 success; 1 internal error (a bug: please report it);
2 usage error or input that cannot be read.  Errors are one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import __version__

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_INPUT = 2

_EPILOG = """\
examples:
  policyparse corpus/ningbo-2025-consumption.txt --indent 2
  policyparse plan.txt -o plan.json
  policyparse --schema > schema.json
  policyparse units plan.txt --format csv -o owners.csv    (who owns what)

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


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_INPUT, f"{self.prog}: error: {message}\n")


def _build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="policyparse",
        description="Turn a Chinese government action plan into a source-anchored JSON tree.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("file", nargs="?", help="plan to parse (.txt)")
    p.add_argument("-o", "--output", metavar="PATH", help="write JSON here instead of stdout")
    p.add_argument(
        "--indent",
        type=int,
        metavar="N",
        default=None,
        help="indent JSON by N spaces (default: compact, one line)",
    )
    p.add_argument(
        "--with-text", action="store_true", help="include the decoded text the spans point into"
    )
    p.add_argument(
        "--replace-errors",
        action="store_true",
        help="replace undecodable bytes with U+FFFD (and a diagnostic) instead of failing",
    )
    p.add_argument(
        "--gazetteer", metavar="FILE", help="extra unit names (format of data/gazetteer.txt)"
    )
    p.add_argument(
        "--max-mb", type=float, metavar="N", default=32, help="refuse files over N MB (default 32)"
    )
    p.add_argument("--schema", action="store_true", help="print the JSON Schema of the output")
    p.add_argument("--version", action="version", version=f"policyparse {__version__}")
    return p


def _units_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="policyparse units",
        description="Who owns what: one row per responsible unit and node.",
        epilog=_UNITS_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="plans to read")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("--totals", action="store_true", help="CSV: totals per unit instead of rows")
    p.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")
    p.add_argument("--indent", type=int, metavar="N", default=None, help="indent JSON by N")
    p.add_argument(
        "--gazetteer", metavar="FILE", help="extra unit names (format of data/gazetteer.txt)"
    )
    return p


def _run_units(args: argparse.Namespace) -> int:
    from .api import parse_file
    from .canonical import load
    from .ownership import ROW_COLUMNS, TOTAL_COLUMNS, owners, to_csv, totals

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


def _emit(text: str, output: str | None) -> None:
    data = (text + "\n").encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        with open(output, "wb") as fh:
            fh.write(data)


def schema_json() -> str:
    """The JSON Schema of Document, as committed in docs/schema.json."""
    from .model import Document

    return json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2)


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.schema:
        _emit(schema_json(), args.output)
        return EXIT_OK
    if args.file is None:
        parser.error("a FILE to parse is required (or --schema)")
    from .api import parse_file

    doc = parse_file(
        args.file,
        errors="replace" if args.replace_errors else "strict",
        with_text=args.with_text,
        gazetteer=args.gazetteer,
        max_bytes=int(args.max_mb * 1048576),
    )
    _emit(doc.model_dump_json(indent=args.indent), args.output)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    units = bool(argv) and argv[0] == "units"
    parser = _units_parser() if units else _build_parser()
    args = parser.parse_args(argv[1:] if units else argv)
    from .errors import PolicyParseError

    try:
        return _run_units(args) if units else _run(args, parser)
    except PolicyParseError as exc:
        print(f"policyparse: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except OSError as exc:
        print(f"policyparse: error: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("policyparse: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug; never show a traceback unless asked
        if os.environ.get("POLICYPARSE_DEBUG"):
            raise
        print(
            f"policyparse: internal error: {type(exc).__name__}: {exc} "
            "(set POLICYPARSE_DEBUG=1 for a traceback)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
