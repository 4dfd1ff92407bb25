"""The figures of docs/analysis.md from the shared corpus: the network picture, its
measures, the most-cited documents.

Run:  python benchmarks/analysis_figures.py [--corpus ../shared/corpus] [--write]

Parses plans/, plans-2/ and the govcn-2019 pages, builds the co-responsibility
network (policyparse.network) and draws docs/network.png with matplotlib (spring
layout, fixed seed: the same corpus gives the same picture).  --write puts the
tables (units by degree and betweenness, communities, most-cited documents) into
docs/analysis.md between the markers of its "figures" section.  Needs networkx and
matplotlib (both in the test extra); without matplotlib the picture is skipped.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

import networkx as nx

import policyparse
from policyparse.export.report.picture import layout
from policyparse.extract.citations import same_title

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("POLICYPARSE_SHARED_CORPUS", REPO.parent / "shared" / "corpus"))
PICTURE = REPO / "docs" / "network.png"
LEVEL_COLOURS = {
    "national": "#d55e00",
    "province": "#0072b2",
    "city": "#009e73",
    "prefecture": "#56b4e9",
    "district": "#cc79a7",
    "county": "#cc79a7",
}


def documents(corpus: Path) -> list[policyparse.Document]:
    paths = sorted((corpus / "plans").glob("*.txt")) + sorted((corpus / "plans-2").glob("*.txt"))
    paths += sorted((corpus / "govcn-2019").glob("*.html"))
    return [policyparse.parse_file(p) for p in paths]


def draw(g: nx.Graph[str], out: Path, most: int = 45) -> bool:
    """The picture of the *most* units by weighted degree; False without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib import font_manager
    except ImportError:
        print("matplotlib is not installed: no picture", file=sys.stderr)
        return False
    cjk = [
        f.name
        for f in font_manager.fontManager.ttflist
        if any(k in f.name for k in ("CJK", "WenQuanYi", "Droid Sans Fallback", "Hei"))
    ]
    if cjk:
        plt.rcParams["font.family"] = cjk[0]
    degree = dict(g.degree(weight="weight"))
    keep = sorted(degree, key=lambda n: (-degree[n], n))[:most]
    sub = g.subgraph(keep)
    sub = sub.subgraph([n for n in sub if sub.degree(n) > 0])
    # The report's layout: each connected group by force, the groups packed in rows.
    names = sorted(sub, key=lambda n: (-degree[n], n))
    edges = [(a, b, int(d["weight"])) for a, b, d in sub.edges(data=True)]
    pos = {n: (x, -y) for n, (x, y) in zip(names, layout(names, edges), strict=True)}
    fig, ax = plt.subplots(figsize=(13, 9), dpi=110)
    widths = [0.4 + 3 * d["weight"] / 15 for _, _, d in sub.edges(data=True)]
    nx.draw_networkx_edges(sub, pos, ax=ax, width=widths, edge_color="#9aa4b1", alpha=0.6)
    sizes = [40 + 18 * g.nodes[n].get("measures", 1) for n in sub]
    colours = [LEVEL_COLOURS.get(g.nodes[n].get("level", ""), "#8a8a8a") for n in sub]
    nx.draw_networkx_nodes(sub, pos, ax=ax, node_size=sizes, node_color=colours, linewidths=0)
    nx.draw_networkx_labels(sub, pos, ax=ax, font_size=8, font_family=plt.rcParams["font.family"])
    present = {g.nodes[n].get("level", "") for n in sub}
    for level, colour in LEVEL_COLOURS.items():
        if level in present:
            ax.scatter([], [], color=colour, label=level)
    ax.scatter([], [], color="#8a8a8a", label="level unknown")
    ax.legend(loc="lower right", frameon=False, title="level")
    ax.set_title(
        f"Co-responsibility network of the shared corpus: the {len(sub)} units of most "
        "weighted degree (edge: named on the same measures)"
    )
    ax.axis("off")
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
    return True


def tables(docs: list[policyparse.Document], g: nx.Graph[str]) -> str:
    """The markdown of the figures section."""
    degree = dict(g.degree(weight="weight"))
    between = nx.betweenness_centrality(g, weight=None)
    top = sorted(degree, key=lambda n: (-degree[n], n))[:10]
    lines = [
        f"{len(docs)} documents; {g.number_of_nodes()} units, {g.number_of_edges()} "
        "co-responsibility edges.",
        "",
        "| unit | level | measures | weighted degree | betweenness |",
        "|---|---|---|---|---|",
    ]
    for n in top:
        node = g.nodes[n]
        lines.append(
            f"| {n} | {node['level'] or '—'} | {node['measures']} | {degree[n]} | "
            f"{between[n]:.3f} |"
        )
    communities = nx.community.greedy_modularity_communities(g, weight="weight")
    lines += ["", f"{len(communities)} communities (greedy modularity); the five largest:", ""]
    for k, members in enumerate(communities[:5], 1):
        shown = sorted(members, key=lambda n: (-degree[n], n))[:6]
        lines.append(f"{k}. {len(members)} units: {'、'.join(shown)} …")
    lines += ["", "The documents cited by the most documents of the corpus:", ""]
    lines += _cited(docs)
    return "\n".join(lines)


def _cited(docs: list[policyparse.Document]) -> list[str]:
    citing: dict[str, set[int]] = {}
    mentions: Counter[str] = Counter()
    shown: dict[str, str] = {}
    own = {same_title(t) for d in docs for t in (d.title, d.plan_title) if t}
    for k, doc in enumerate(docs):
        for c in doc.citations:
            key = same_title(c.title)
            shown.setdefault(key, c.title)
            citing.setdefault(key, set()).add(k)
            mentions[key] += 1
    ranked = sorted(citing, key=lambda t: (-len(citing[t]), -mentions[t], t))[:10]
    lines = [
        "| document cited | citing documents | mentions | in the corpus |",
        "|---|---|---|---|",
    ]
    for key in ranked:
        lines.append(
            f"| 《{shown[key]}》 | {len(citing[key])} | {mentions[key]} | "
            f"{'yes' if key in own else 'no'} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED)
    parser.add_argument("--write", action="store_true", help="write docs/analysis.md's tables")
    args = parser.parse_args(argv)
    if not (args.corpus / "plans-2").is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    docs = documents(args.corpus)
    g = policyparse.network(docs)
    if draw(g, PICTURE):
        print(f"wrote {PICTURE.relative_to(REPO)}")
    text = tables(docs, g)
    print(text)
    if args.write:
        sys.path.insert(0, str(REPO / "benchmarks"))
        from perfdoc import DOCS, write

        write("figures", text, DOCS / "analysis.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
