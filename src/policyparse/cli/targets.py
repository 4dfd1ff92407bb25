"""``policyparse targets``: every target with who answers for it, filtered."""

from __future__ import annotations

import argparse
import sys
from typing import cast

from ..vocab import ROLES, SECTION_FUNCTIONS, SectionFunction
from .args import add_gazetteer, indent
from .common import EXIT_OK, emit
from .inputs import add_inputs

EPILOG = """\
examples:
  policyparse targets plan.txt --year 2025          # the 2025 targets and who leads each
  policyparse targets plans/ --unit 市发展改革委       # the targets a unit answers for
  policyparse targets out.jsonl --no-year --format csv -o undated.csv
  policyparse targets plan.txt --skip safeguards,review

PATH is a plan, a folder of plans, a glob or a batch result (.jsonl); --from
LIST adds the paths of LIST.  The lead and responsible units of a target are those
of its node, or of the nearest node above it that names units.  --unit matches
part of a unit's canonical name (市发展改革委 matches 宁波市发展改革委).  CSV is UTF-8
with a BOM; JSON is a list of rows with the same columns (docs/analysis.md).
"""


def add_skip(p: argparse.ArgumentParser) -> None:
    """--skip F,F: the sections of these functions left out (targets and network alike)."""
    p.add_argument(
        "--skip",
        type=functions,
        default=frozenset(),
        metavar="F,F",
        help="leave out sections of these functions (safeguards,review …)",
    )


def functions(text: str) -> frozenset[SectionFunction]:
    """--skip: a comma-separated list of section functions."""
    wanted = {w.strip() for w in text.split(",") if w.strip()}
    unknown = wanted - set(SECTION_FUNCTIONS)
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown section function {', '.join(sorted(unknown))} "
            f"(one of {', '.join(SECTION_FUNCTIONS)})"
        )
    return frozenset(cast("set[SectionFunction]", wanted))


def year(text: str) -> int:
    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year like 2025")
    return int(text)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Targets with their owners."""
    add_inputs(p, "plans: files, folders, globs ('plans/**/*.txt'), or batch results (.jsonl)")
    p.add_argument(
        "--year", type=year, action="append", metavar="YYYY", help="targets of this year"
    )
    p.add_argument("--no-year", action="store_true", help="only the targets with no year")
    p.add_argument("--unit", metavar="NAME", help="targets a unit answers for (part of its name)")
    p.add_argument("--role", choices=ROLES, help="with --unit")
    add_skip(p)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")
    p.add_argument("--indent", type=indent, metavar="N", default=None, help="indent JSON by N")
    add_gazetteer(p)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from ..export.targets import Filter, target_rows, to_csv, to_json, to_text
    from ..extract.gazetteer import load
    from .documents import Reading, documents, sources

    if args.no_year and args.year:
        parser.error("--year and --no-year exclude each other")
    keep = Filter(
        years=frozenset(args.year or ()),
        no_year=args.no_year,
        unit=args.unit,
        role=args.role,
        skip=args.skip,
    )
    reading = Reading()
    rows = target_rows(documents(sources(args, parser), load(args.gazetteer), reading), keep)
    reading.report()
    if args.format == "csv":
        emit(to_csv(rows).rstrip("\r\n"), args.output)
    elif args.format == "json":
        emit(to_json(rows, args.indent), args.output)
    else:
        many = len({r["document"] for r in rows}) > 1
        emit(to_text(rows, with_document=many), args.output)
    if not rows and args.format == "table":
        print("policyparse: no target matches", file=sys.stderr)
    return EXIT_OK
