"""``policyparse FILE`` (the default command): one plan to JSON, tables, Akoma Ntoso,
its HTML page, or the trace of its decisions."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..export.schemas import SCHEMAS
from ..version import __version__
from .args import check_folder, format_alias, indent, input_options, need_pyarrow
from .common import EXIT_OK, emit, input_name, opened, read_input, report_diagnostics, write
from .inputs import add_inputs, one_plan
from .view import render_page

if TYPE_CHECKING:
    from ..extract.gazetteer import Gazetteer
    from ..inputs.read import Loaded

EPILOG = """\
examples:
  policyparse corpus/ningbo-2025-consumption.txt --indent 2
  policyparse plan.txt -o plan.json
  cat plan.txt | policyparse -                              (standard input)
  policyparse --schema > schema.json                        (record, tables: the others)
  policyparse plan.txt --format csv -o tables/              (documents, targets, nodes, units)
  policyparse plan.txt --format akn > plan.xml              (Akoma Ntoso)
  policyparse plan.txt --explain                            (the rule behind each decision)
  policyparse units plan.txt --format csv -o owners.csv     (who owns what)
  policyparse batch corpus/ -o out.jsonl -j 4               (a whole corpus)
  policyparse view plan.txt -o plan.html                    (the text, items marked)
  policyparse report out.jsonl -o report.html               (a batch result as a page)
  eval "$(policyparse --completion bash)"                   (shell completion; zsh too)

Plans are named alike for every command: files, folders (walked for plans), quoted
globs ('plans/**/*.txt') and --from LIST (one path a line, - for standard input).
CSV tables (docs/exports.md): a path and a label are written with § in front (§2.10,
§1.) and text a spreadsheet would run with ' in front, so the comparator = is '= in
CSV (df.comparator == "'=" with plain pandas); policyparse.read_tables(DIR) reads
them back as they were.

exit status: 0 ok, 1 internal error, 2 usage error or unreadable input.
"""


# What to run instead when the inputs name several plans.
MANY = (
    "policyparse FILE reads one: policyparse batch reads many "
    "(policyparse batch PATHS -o out.jsonl)"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The main command: one plan to JSON, tables, AKN or the trace."""
    add_inputs(
        p,
        "the plan to parse (.txt, .html, .docx, .pdf, .doc, .wps), or a folder or glob "
        "naming one; - reads standard input",
        "FILE",
    )
    p.add_argument(
        "--format",
        type=format_alias("jsonl", "json"),
        choices=("json", "csv", "parquet", "akn", "html"),
        default="json",
        help="json (default; jsonl is the same, one line); csv or parquet tables into the "
        "folder -o; akn XML; html: the page of policyparse view",
    )
    p.add_argument("-o", "--output", metavar="PATH", help="write JSON here instead of stdout")
    p.add_argument(
        "--indent",
        type=indent,
        metavar="N",
        default=None,
        help="indent JSON by N spaces (default: compact, one line)",
    )
    p.add_argument(
        "--with-text", action="store_true", help="include the decoded text the spans point into"
    )
    input_options(p)
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
    p.add_argument(
        "--schema",
        nargs="?",
        const="document",
        choices=SCHEMAS,
        help="print a published schema: document (the JSON Schema of the output, the "
        "default), record (of a line of batch's JSONL) or tables (the CSV tables, as a "
        "Frictionless data package)",
    )
    p.add_argument(
        "--completion",
        choices=("bash", "zsh"),
        help='print a shell completion script (eval "$(policyparse --completion bash)")',
    )
    p.add_argument("--version", action="version", version=f"policyparse {__version__}")


def schema_json(name: str = "document") -> str:
    """A published schema, as committed in docs/ (docs/schema.json for a Document)."""
    from ..export.schemas import schema_text

    return schema_text(name)


def _check(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """Usage errors, before anything is read: a FILE, and options that fit the format."""
    if not args.inputs and not args.from_file:
        parser.error("a FILE to parse is required (- reads standard input; or --schema)")
    if args.format in ("csv", "parquet"):
        if not args.output:
            parser.error(
                f"--format {args.format} writes four tables (documents, targets, nodes, "
                "units): give a folder with -o"
            )
        check_folder(parser, args.output, args.format)
        if args.format == "parquet":
            need_pyarrow()
    if args.indent is not None and (args.format != "json" or args.explain):
        parser.error("--indent applies to JSON output only")
    if args.with_text and (args.format in ("csv", "parquet") or args.explain):
        parser.error(f"--with-text applies to JSON and akn output, not {args.format}")


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.schema:
        emit(schema_json(args.schema), args.output)
        return EXIT_OK
    _check(args, parser)
    args.file = one_plan(args, parser, MANY)
    from ..extract.gazetteer import load as load_gazetteer

    loaded = read_input(args)
    gazetteer = load_gazetteer(args.gazetteer)
    if args.explain:
        from ..tracing import explain_loaded, render

        emit(render(explain_loaded(loaded, gazetteer)), args.output)
        return EXIT_OK
    if args.format == "json":
        return _json(loaded, gazetteer, args)
    if args.format == "html":
        return render_page(loaded, gazetteer, args, rules=True)
    return _from_models(loaded, gazetteer, args)


def _json(loaded: Loaded, gazetteer: Gazetteer, args: argparse.Namespace) -> int:
    """The Document as JSON, written from plain data.

    One plan, one process: the writer that needs no pydantic-core import
    starts faster than the fast one saves (docs/performance.md).
    """
    from ..export.json import dump_python
    from ..pipeline import document_dict

    data = document_dict(loaded, with_text=args.with_text, gazetteer=gazetteer)
    with opened(args.output) as fh:  # streamed: the JSON text is never held whole
        dump_python(data, fh, args.indent)
        fh.write(b"\n")
    report_diagnostics(data["diagnostics"], loaded.text, args)
    return EXIT_OK


def _from_models(loaded: Loaded, gazetteer: Gazetteer, args: argparse.Namespace) -> int:
    """Akoma Ntoso or the CSV/Parquet tables: the formats written from the models."""
    from ..pipeline import run

    doc = run(loaded, with_text=args.with_text or args.format == "akn", gazetteer=gazetteer)
    report_diagnostics([d.model_dump() for d in doc.diagnostics], loaded.text, args)
    if args.format == "akn":
        from ..export.akn import to_akn_counted

        xml, replaced = to_akn_counted(doc, doc.text or "")
        if replaced:
            name = input_name(args)
            print(
                f"policyparse: {name}: {replaced} character(s) XML cannot hold (control "
                "characters) written as U+FFFD in the Akoma Ntoso output",
                file=sys.stderr,
            )
        write(xml, args.output)
    else:
        from ..export.tables import CsvTables, ParquetTables

        tables = CsvTables(args.output) if args.format == "csv" else ParquetTables(args.output)
        tables.add(doc)
        tables.close()
    return EXIT_OK
