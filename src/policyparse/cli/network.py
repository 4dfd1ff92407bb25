"""``policyparse network``: the co-responsibility network of plans, for Gephi or networkx."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import counted
from .args import add_gazetteer
from .common import EXIT_OK
from .inputs import add_inputs
from .targets import add_skip, year

EPILOG = """\
examples:
  policyparse network plans/ -o network.graphml            # units named on the same measures
  policyparse network out.jsonl -o leads.gexf --kind lead  # lead unit → cooperating unit
  policyparse network out.jsonl -o issuers.graphml --kind issuers   # co-issuers of documents
  policyparse network out.jsonl -o network/ --skip safeguards,review  # nodes.csv, edges.csv
  policyparse network out.jsonl -o y2025.graphml --year 2025 --region 北京市

PATH is a plan, a folder of plans, a glob or a batch result (.jsonl); --from
LIST adds the paths of LIST.  Nodes are units by canonical name (with level and
jurisdiction where the name shows them); classes of bodies (各有关部门) are left out.
Edges: co (two units named on the same node, weight = nodes), lead (a lead unit to
each cooperating unit of a node, directed), issuers (co-issuers of a document,
weight = documents).  .graphml and .gexf hold one kind (--kind) and need networkx
(pip install 'policyparse[network]'); a folder gets nodes.csv and edges.csv with
every kind.  docs/analysis.md has a
recipe for Gephi and networkx.
"""

_GRAPH_SUFFIXES = (".graphml", ".gexf")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The co-responsibility network."""
    add_inputs(p, "plans: files, folders, globs ('plans/**/*.txt'), or batch results (.jsonl)")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PATH",
        help="graph.graphml, graph.gexf, or a folder for nodes.csv and edges.csv",
    )
    p.add_argument(
        "--kind",
        choices=("co", "lead", "issuers"),
        default="co",
        help="the edges of a .graphml or .gexf (default co)",
    )
    add_skip(p)
    p.add_argument("--document", metavar="TEXT", help="only documents whose path or title has it")
    p.add_argument("--year", type=year, metavar="YYYY", help="only documents of this year")
    p.add_argument("--region", metavar="PLACE", help="only documents an issuer of PLACE issued")
    p.add_argument(
        "--min-weight", type=int, default=1, metavar="N", help="edges of weight N or more"
    )
    add_gazetteer(p)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from ..export.network import Slice, build, need_networkx, write
    from ..extract.gazetteer import load
    from .documents import Reading, documents, sources

    out = Path(args.output)
    graph = out.suffix.lower() in _GRAPH_SUFFIXES
    if graph:
        need_networkx()  # before any parsing
    elif out.suffix and not out.is_dir():
        parser.error(f"-o {args.output}: give a .graphml or .gexf file, or a folder for CSV")
    keep = Slice(args.document, args.year, args.region, args.skip)
    reading = Reading()
    net = build(documents(sources(args, parser), load(args.gazetteer), reading), keep)
    reading.report()
    summary = write(net, out, args.kind, args.min_weight)
    print(f"policyparse: {counted(net.documents, 'document')}, {summary}", file=sys.stderr)
    return EXIT_OK
