"""``policyparse units``: who owns what, one row per responsible unit and node."""

from __future__ import annotations

import argparse
import json

from .args import add_gazetteer, indent
from .common import EXIT_OK, emit
from .inputs import add_inputs

EPILOG = """\
examples:
  policyparse units corpus/ningbo-2025-consumption.txt
  policyparse units a.txt b.txt --format csv -o owners.csv
  policyparse units plans/ --totals --format csv
  policyparse units out.jsonl --format csv -o owners.csv   (a batch result)

PATH is a plan, a folder of plans, a glob or a batch result (.jsonl); --from LIST
adds the paths of LIST.  JSON holds {"rows": [...], "totals": [...]}; CSV (UTF-8
with BOM) holds the rows, or the totals per unit across the files with --totals.
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Who owns what: one row per responsible unit and node."""
    add_inputs(p, "plans: files, folders, globs ('plans/**/*.txt'), or batch results (.jsonl)")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("--totals", action="store_true", help="CSV: totals per unit instead of rows")
    p.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")
    p.add_argument("--indent", type=indent, metavar="N", default=None, help="indent JSON by N")
    add_gazetteer(p)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from ..export.owners import ROW_COLUMNS, TOTAL_COLUMNS, owners, to_csv, totals
    from ..extract.gazetteer import load
    from .documents import Reading, documents, sources

    found = sources(args, parser)
    reading = Reading()
    rows = [row for doc in documents(found, load(args.gazetteer), reading) for row in owners(doc)]
    reading.report()
    sums = totals(rows)
    if args.format == "csv":
        text = to_csv(sums, TOTAL_COLUMNS) if args.totals else to_csv(rows, ROW_COLUMNS)
        emit(text.rstrip("\r\n"), args.output)
    else:
        payload = {
            "rows": [r.model_dump() for r in rows],
            "totals": [t.model_dump() for t in sums],
        }
        emit(json.dumps(payload, ensure_ascii=False, indent=args.indent), args.output)
    return EXIT_OK
