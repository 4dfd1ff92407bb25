"""The co-responsibility network of a corpus: who is named together on the same measures.

部门协同 studies code by hand which departments answer for each measure and draw the
network of departments named together.  Here it is read from the parsed plans:

- nodes are units by canonical name, with their level and jurisdiction where the
  name shows them (宁波市发展改革委: city, 宁波市), and counts by role;
- ``co`` edges join two units named on the same node (measure, section or row):
  undirected, weight = the number of such nodes;
- ``lead`` edges go from a lead unit to each cooperating unit of the same node:
  directed, kept apart from the ``co`` edges;
- ``issuers`` edges join the co-issuers of a document (Document.issuers): weight =
  the number of documents they issued together.

Classes of bodies (各有关部门, 各区) are left out; so, on request, are the sections
whose function is given (safeguards, review).  The counting is plain Python; the
graph formats (GraphML, GEXF) are networkx's, an optional extra
(``pip install 'policyparse[network]'``), so the attributes are the ones Gephi and
networkx read.  CSV node and edge lists need nothing.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .. import lexicon
from ..errors import PolicyParseError, counted
from ..model.document import Document, Node
from ..vocab import ROLES, SectionFunction

if TYPE_CHECKING:
    import networkx as nx

EdgeKind = Literal["co", "lead", "issuers"]
EDGE_KINDS: tuple[EdgeKind, ...] = ("co", "lead", "issuers")
NODE_COLUMNS = ["id", "label", "level", "jurisdiction", "documents", "measures", *ROLES, "issued"]
EDGE_COLUMNS = ["source", "target", "kind", "directed", "weight", "documents"]


@dataclass
class Unit:
    """A node of the network: a unit's counts across the documents read."""

    documents: set[int] = field(default_factory=set)
    measures: int = 0
    roles: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    issued: int = 0


@dataclass
class Link:
    """An edge: how many nodes (or documents) join its two units, in how many documents."""

    weight: int = 0
    documents: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Slice:
    """Which documents and sections count: by text in the path or title, year, place."""

    document: str | None = None
    year: int | None = None
    region: str | None = None
    skip: frozenset[SectionFunction] = frozenset()

    def takes(self, doc: Document) -> bool:
        if self.document and not any(
            self.document in (x or "") for x in (doc.source.path, doc.title)
        ):
            return False
        dated = doc.published or doc.signed
        if self.year is not None and (dated is None or dated.year != self.year):
            return False
        if self.region:
            names = [doc.issuer or "", *(i.canonical or i.name for i in doc.issuers)]
            return any(self.region in n for n in names)
        return True


@dataclass
class Network:
    """Units and the edges between them, accumulated one document at a time."""

    units: dict[str, Unit] = field(default_factory=dict)
    links: dict[tuple[EdgeKind, str, str], Link] = field(default_factory=dict)
    documents: int = 0

    def add(self, doc: Document, keep: Slice = Slice()) -> None:
        """Count the document's measures and issuers (when the slice takes it)."""
        if not keep.takes(doc):
            return
        k = self.documents
        self.documents += 1
        for node in _nodes(doc, keep.skip):
            self._node(node, k)
        issuers = _distinct(i.canonical or i.name for i in doc.issuers)
        for name in issuers:
            self._unit(name, k).issued += 1
        for a, b in combinations(sorted(issuers), 2):
            self._link("issuers", a, b, k)

    def _unit(self, name: str, k: int) -> Unit:
        u = self.units.setdefault(name, Unit())
        u.documents.add(k)
        return u

    def _link(self, kind: EdgeKind, a: str, b: str, k: int) -> None:
        link = self.links.setdefault((kind, a, b), Link())
        link.weight += 1
        link.documents.add(k)

    def _node(self, node: Node, k: int) -> None:
        owners = units_of(node)
        names = _distinct(name for name, _ in owners)
        for name in names:
            u = self._unit(name, k)
            u.measures += 1
        for name, role in owners:
            self.units[name].roles[role] += 1
        for a, b in combinations(sorted(names), 2):
            self._link("co", a, b, k)
        leads = _distinct(name for name, role in owners if role == "lead")
        for lead in leads:
            for other in _distinct(name for name, role in owners if role == "cooperating"):
                if other != lead:
                    self._link("lead", lead, other, k)

    def edges(self, kind: EdgeKind | None = None, min_weight: int = 1) -> list[tuple[Any, ...]]:
        """(kind, a, b, weight, documents) of the edges of *kind* (all kinds when None)."""
        out = [
            (key[0], key[1], key[2], link.weight, len(link.documents))
            for key, link in self.links.items()
            if (kind is None or key[0] == kind) and link.weight >= min_weight
        ]
        return sorted(out, key=lambda e: (EDGE_KINDS.index(e[0]), -e[3], e[1], e[2]))


def units_of(node: Node) -> list[tuple[str, str]]:
    """The units a node names (printed and implied) as (canonical name, role), each once,
    classes of bodies left out."""
    out: list[tuple[str, str]] = []
    for u in [*node.responsible_units, *node.implied_units]:
        key = (u.canonical or u.name, u.role)
        if not u.generic and key not in out:
            out.append(key)
    return out


def _distinct(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _nodes(doc: Document, skip: frozenset[SectionFunction]) -> Iterator[Node]:
    """Every node of the document but those under a top-level section of a skipped function."""
    for top in doc.children:
        if top.function in skip:
            continue
        yield from top.walk()


def build(docs: Iterable[Document], keep: Slice = Slice()) -> Network:
    """The network of *docs*."""
    net = Network()
    for doc in docs:
        net.add(doc, keep)
    return net


# ---------------------------------------------------------------- level and jurisdiction


@cache
def _ranks() -> tuple[re.Pattern[str], dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """The place at the head of a name, the level of each place ending, national names,
    and the level words a name may start with (市发展改革委: a city's)."""
    rows = lexicon.rows("extract/place_ranks")
    endings = {w: level for w, kind, level in rows if kind == "ending"}
    ending = lexicon.alternation(tuple(endings))
    party = lexicon.alternation(tuple(w for w, kind, _ in rows if kind == "prefix"))
    national = lexicon.alternation(tuple(w for w, kind, _ in rows if kind == "national"))
    national_end = lexicon.alternation(tuple(w for w, kind, _ in rows if kind == "national_end"))
    levels = lexicon.alternation(lexicon.column("extract/place_levels", kind="level"))
    place = re.compile(
        rf"(?:{party})?(?P<place>(?:[\u4e00-\u9fff]{{1,6}}?{ending}(?!{ending})){{1,3}})"
        r"(?=[\u4e00-\u9fff])"
    )
    return (
        place,
        endings,
        re.compile(f"{national}|[\u4e00-\u9fff]{{2,12}}{national_end}$"),
        re.compile(f"(?:{party})?(?P<level>{levels})"),
    )


def level_of(name: str, national: frozenset[str]) -> tuple[str, str]:
    """(level, jurisdiction) a canonical name shows: ("city", "宁波市"), ("national", "").

    A name that starts with a place gives both; one that starts with a level word
    (市发展改革委, 省商务厅) its level only; a national body's name (the gazetteer's,
    or 国务院…, 某某部, 某某总署) is national.
    """
    place, endings, heads, level = _ranks()
    m = place.match(name)
    if m is not None:
        where = m.group("place")
        for ending in sorted(endings, key=len, reverse=True):
            if where.endswith(ending):
                return endings[ending], where
    if name in national:
        return "national", ""
    word = level.match(name)
    if word is not None and word.end() < len(name):
        return endings.get(word.group("level")[0], ""), ""
    return ("national", "") if heads.match(name) else ("", "")


def _national() -> frozenset[str]:
    from ..extract.gazetteer import load

    return frozenset(load().national.values())


def node_rows(net: Network) -> list[dict[str, Any]]:
    """One row per unit (NODE_COLUMNS), most measures first."""
    national = _national()
    rows = []
    for name, u in sorted(net.units.items(), key=lambda kv: (-kv[1].measures, kv[0])):
        level, where = level_of(name, national)
        rows.append(
            {
                "id": name,
                "label": name,
                "level": level,
                "jurisdiction": where,
                "documents": len(u.documents),
                "measures": u.measures,
                **u.roles,
                "issued": u.issued,
            }
        )
    return rows


def edge_rows(
    net: Network, kind: EdgeKind | None = None, min_weight: int = 1
) -> list[dict[str, Any]]:
    """One row per edge (EDGE_COLUMNS)."""
    return [
        {
            "source": a,
            "target": b,
            "kind": k,
            "directed": k == "lead",
            "weight": w,
            "documents": d,
        }
        for k, a, b, w, d in net.edges(kind, min_weight)
    ]


# ---------------------------------------------------------------- writers


def need_networkx() -> None:
    try:
        import networkx  # noqa: F401
    except ImportError:
        raise PolicyParseError(
            "GraphML and GEXF need networkx: pip install 'policyparse[network]' "
            "(or write CSV node and edge lists: -o folder/)"
        ) from None


def to_networkx(net: Network, kind: EdgeKind = "co", min_weight: int = 1) -> nx.Graph[str]:
    """The network as a networkx graph: a DiGraph for lead edges, else a Graph.

    Every unit is a node (with its attributes), joined or not; edges carry weight
    and documents.
    """
    need_networkx()
    import networkx as nx

    graph: nx.Graph[str] = nx.DiGraph() if kind == "lead" else nx.Graph()
    graph.graph["edges"] = kind
    graph.graph["documents"] = net.documents
    for row in node_rows(net):
        graph.add_node(row["id"], **{k: v for k, v in row.items() if k != "id"})
    for row in edge_rows(net, kind, min_weight):
        graph.add_edge(
            row["source"], row["target"], weight=row["weight"], documents=row["documents"]
        )
    return graph


def network(
    docs: Document | Iterable[Document],
    kind: EdgeKind = "co",
    skip: Iterable[SectionFunction] = (),
    min_weight: int = 1,
) -> nx.Graph[str]:
    """The network of one document or many as a networkx graph (``policyparse.network``).

    *kind* is co (units named on the same node, weight = nodes), lead (lead →
    cooperating, a DiGraph) or issuers (co-issuers, weight = documents); sections of
    the functions in *skip* (safeguards, review) are left out.
    """
    items = [docs] if isinstance(docs, Document) else docs
    return to_networkx(build(items, Slice(skip=frozenset(skip))), kind, min_weight)


FORMATS = ("graphml", "gexf", "csv")


def write(net: Network, output: str | Path, kind: EdgeKind = "co", min_weight: int = 1) -> str:
    """Write the network by the output's suffix; a one-line summary of what was written.

    .graphml and .gexf: one graph of *kind* (networkx); anything else is a folder of
    nodes.csv and edges.csv (every kind, told apart by the kind column).
    """
    out = Path(output)
    suffix = out.suffix.lower().lstrip(".")
    if suffix in ("graphml", "gexf"):
        import networkx as nx

        graph = to_networkx(net, kind, min_weight)
        (nx.write_graphml if suffix == "graphml" else nx.write_gexf)(graph, out)
        units = counted(graph.number_of_nodes(), "unit")
        return f"{units}, {counted(graph.number_of_edges(), f'{kind} edge')} → {out}"
    if (out / "targets.csv").exists() or (out / "documents.jsonl").exists():
        raise PolicyParseError(
            f"{out} holds policyparse tables, whose nodes.csv the network's would replace: "
            "write the network into another folder"
        )
    out.mkdir(parents=True, exist_ok=True)
    nodes, edges = node_rows(net), edge_rows(net, None, min_weight)
    _csv(out / "nodes.csv", NODE_COLUMNS, nodes)
    _csv(out / "edges.csv", EDGE_COLUMNS, edges)
    return (
        f"{counted(len(nodes), 'unit')}, {counted(len(edges), 'edge')} → {out}/nodes.csv, edges.csv"
    )


def _csv(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> None:
    from .owners import cell

    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n")
        writer.writerow(columns)
        # A node's label is a unit's name, not a printed label: no § in front.
        names = [c if c != "label" else "" for c in columns]
        writer.writerows([cell(r[c], n) for c, n in zip(columns, names, strict=True)] for r in rows)
