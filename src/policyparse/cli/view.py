"""``policyparse view``: one plan as a self-contained HTML page (also ``--format html``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .args import input_options
from .common import EXIT_OK, read_input, report_diagnostics, write
from .inputs import add_inputs, one_plan

if TYPE_CHECKING:
    from ..extract.gazetteer import Gazetteer
    from ..inputs.read import Loaded

EPILOG = """\
examples:
  policyparse view corpus/ningbo-2025-consumption.txt -o ningbo.html
  policyparse view plan.docx -o plan.html --no-rules

One self-contained HTML file (no network): metadata and diagnostics, an
outline linked to the text, the text with every heading, target, figure,
unit and diagnostic marked in place, a targets table and who owns what
(docs/view.md).  Same as policyparse FILE --format html.
"""


# What to run instead when the inputs name several plans.
MANY = (
    "view shows one: policyparse batch PATHS --with-text -o out.jsonl, then "
    "policyparse report out.jsonl -o report.html, gives a view of each"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """One plan as a self-contained HTML page."""
    add_inputs(
        p,
        "the plan to view (.txt, .html, .docx, .pdf, .doc, .wps), or a folder or glob "
        "naming one; - reads standard input",
        "FILE",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write the page here, not to stdout")
    p.add_argument(
        "--no-rules",
        dest="rules",
        action="store_false",
        help="do not read the text again to name the rule behind each target",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="print every diagnostic")
    input_options(p)


def render_page(loaded: Loaded, gazetteer: Gazetteer, args: argparse.Namespace, rules: bool) -> int:
    """The page of policyparse view from one parse: the rules come from its own trace."""
    from ..export.view import render_view
    from ..pipeline import run_traced
    from ..tracing import explain_parse, quantity_decisions

    doc, parse = run_traced(loaded, gazetteer=gazetteer)
    report_diagnostics([d.model_dump() for d in doc.diagnostics], loaded.text, args)
    decisions = quantity_decisions(explain_parse(parse)) if rules else []
    page = render_view(doc, loaded.text, decisions)
    write(page.encode("utf-8"), args.output)
    return EXIT_OK


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from ..extract.gazetteer import load as load_gazetteer

    args.file = one_plan(args, parser, MANY)
    return render_page(read_input(args), load_gazetteer(args.gazetteer), args, args.rules)
