"""``policyparse report``: a batch result as a self-contained HTML corpus report."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from .common import EXIT_OK

if TYPE_CHECKING:
    from ..model.document import Document

EPILOG = """\
examples:
  policyparse batch corpus/ --with-text -o out.jsonl
  policyparse report out.jsonl -o report.html

A corpus dashboard in one self-contained file: the documents, targets by year
and by unit of measure, the units owning most measures and targets, the
documents with errors or no structure.  Records with text (batch --with-text)
get their own view, written into report_files/ beside the report.
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
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


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from ..api import render_html
    from ..export.report import write_report

    def view(doc: Document, text: str, back: tuple[str, str]) -> str:
        return render_html(doc, text, rules=args.rules, back=back)

    summary = write_report(args.jsonl, args.output, view if args.views else None)
    print(f"policyparse: {summary}", file=sys.stderr)
    return EXIT_OK
