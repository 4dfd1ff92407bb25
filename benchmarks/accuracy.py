"""Accuracy against the hand-written oracles: per document, pooled, and on the held-out set.

Run:  python benchmarks/accuracy.py [--corpus ../shared/corpus] [--write SECTION]

For every reference document with oracles (tests/outlines, tests/units,
tests/targets) the parser's output is compared with what a person read:

- nodes: numbered nodes matched by path (precision, recall, F1);
- titles: among matched nodes, the share whose title is the oracle's;
- units: responsible units matched by (path, name); lead units: the same,
  among those whose role is lead on either side;
- targets: matched by (path, value, value_max, unit); among matched targets,
  the share with the oracle's year and with its comparator.

A document of the third held-out set (tests/held_out_3.txt) has a targets
oracle only: it is scored on targets, year and comparator, and its other
cells read "—".

Counts are pooled over documents (micro-averaged).  ``--tables`` scores the real plans
with tables (../shared/corpus/tables/) against tests/table-oracles/: there an oracle covers
the lines given in tests/table-oracles/regions.tsv for each kind (nodes, units, targets),
only parser items whose span starts on those lines count, and an oracle path ``*`` matches
any path (a page whose numbering a reader cannot pin down).  Its held-out documents are
tests/held_out_tables.txt.  The held-out documents
(tests/held_out.txt) are scored only with --held-out, and reported apart: their
errors are not to be looked at while rules are being changed.  --write SECTION
puts the table into docs/accuracy.md between the markers of SECTION.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from policyparse import Document, Node

REPO = Path(__file__).resolve().parents[1]
Key = tuple[str, str, str, str]  # path, value, value_max, unit
TESTS = REPO / "tests"
sys.path.insert(0, str(TESTS))
from targets_io import row as target_row  # noqa: E402  the oracles' own row format

TABLES = TESTS / "table-oracles"
SHARED = Path(os.environ.get("POLICYPARSE_SHARED_CORPUS", REPO.parent / "shared" / "corpus"))
# Held-out documents kept outside the repository and the shared corpus (docs/accuracy.md
# lists where each was published): one folder per set, e.g. external/prose-4/<doc>.txt.
EXTERNAL = Path(os.environ.get("POLICYPARSE_EXTERNAL_CORPUS", REPO.parent / "external"))
KINDS = ("nodes", "units", "lead", "targets")


def held_out(name: str = "held_out.txt") -> set[str]:
    path = TESTS / name
    if not path.is_file():
        return set()
    lines = path.read_text("utf-8").splitlines()
    return {x.strip() for x in lines if x.strip() and not x.startswith("#")}


def fresh() -> set[str]:
    """The second held-out set (tests/held_out_2.txt): pages of govcn-2019 oracled last."""
    return held_out("held_out_2.txt")


def third() -> set[str]:
    """The third held-out set (tests/held_out_3.txt): prose plans with a targets oracle only."""
    return held_out("held_out_3.txt")


# The held-out sets from the fourth on: documents from outside the shared corpus
# (EXTERNAL), each collected after the fixes made on the one before, a targets oracle only
# (tests/held_out_<n>.txt; docs/accuracy.md says what each holds).
_LATER = range(4, 70)


def numbered(n: int) -> set[str]:
    """The *n*-th held-out set (tests/held_out_<n>.txt), from the fourth on."""
    return held_out(f"held_out_{n}.txt")


def _later_sets() -> tuple[tuple[str, set[str]], ...]:
    """The held-out sets after the first, each reported in a pool of its own."""
    return (
        ("held out 2", fresh()),
        ("held out 3", third()),
        *((f"held out {n}", numbered(n)) for n in _LATER),
    )


def targets_only() -> set[str]:
    """Held-out documents oracled for their targets alone."""
    return third().union(*(numbered(n) for n in _LATER))


def source_of(doc: str, shared: Path = SHARED) -> Path | None:
    """Where the document's text is: corpus/ for Ningbo, else the shared corpus."""
    table_plan = shared / "tables" / f"{doc}.md"
    if table_plan.is_file():
        return table_plan
    for folder in (REPO / "corpus", shared / "plans", shared / "plans-2"):
        path = folder / f"{doc}.txt"
        if path.is_file():
            return path
    pages = (shared / "govcn-2019", shared / "originals" / "twins")
    for page in (folder / f"{doc}.html" for folder in pages):
        if page.is_file():
            return page
    if EXTERNAL.is_dir():
        for found in sorted(EXTERNAL.glob(f"*/{doc}.*")):
            if found.suffix in (".txt", ".md", ".html"):
                return found
    return None


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


@dataclass
class Tally:
    """Matched, predicted and expected counts of one kind of item."""

    hit: int = 0
    got: int = 0
    want: int = 0

    def add(self, other: Tally) -> None:
        self.hit += other.hit
        self.got += other.got
        self.want += other.want

    @property
    def precision(self) -> float:
        return self.hit / self.got if self.got else 1.0

    @property
    def recall(self) -> float:
        return self.hit / self.want if self.want else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Share:
    """How many of the matched items agree on one field."""

    right: int = 0
    of: int = 0

    def add(self, other: Share) -> None:
        self.right += other.right
        self.of += other.of

    @property
    def value(self) -> float:
        return self.right / self.of if self.of else 1.0


@dataclass
class Score:
    """One document's (or a pool's) figures."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    titles: Share = field(default_factory=Share)
    years: Share = field(default_factory=Share)
    comparators: Share = field(default_factory=Share)
    # What was scored: a document with a targets oracle only is not scored on nodes and units.
    scored: set[str] = field(default_factory=set)

    def add(self, other: Score) -> None:
        self.scored |= other.scored
        for k in KINDS:
            self.tallies[k].add(other.tallies[k])
        self.titles.add(other.titles)
        self.years.add(other.years)
        self.comparators.add(other.comparators)


def _match(want: Iterable[tuple[str, ...]], got: Iterable[tuple[str, ...]]) -> Tally:
    w, g = Counter(want), Counter(got)
    return Tally(sum((w & g).values()), sum(g.values()), sum(w.values()))


def _num(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _oracle_num(s: str) -> str:
    return "" if s == "" else _num(float(s))


def _compact(s: str | None) -> str:
    return "".join((s or "").split())


Region = tuple[int, int]  # [start, end) offsets of the text an oracle covers
ALL: Region = (0, 1 << 62)


def regions(doc: str, text: str, path: Path = TABLES / "regions.tsv") -> dict[str, Region]:
    """The part of a plan each of its oracles covers (*path*: the table plans' regions, or
    tests/target-regions.tsv for a long plan whose targets were oracled in part)."""
    if not path.is_file():
        return {}
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    out: dict[str, Region] = {}
    for r in _read(path):
        if r["doc"] == doc:
            first = min(int(r["first_line"]), len(starts) - 1)
            last = min(int(r["last_line"]), len(starts) - 1)
            out[r["kind"]] = (starts[first - 1], starts[last])
    return out


def _in(region: Region, span: tuple[int, int]) -> bool:
    return region[0] <= span[0] < region[1]


def _star(want: list[tuple[str, ...]], got: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Parser rows with the path replaced by ``*`` where the oracle does not pin paths."""
    if any(w[0] == "*" for w in want):
        return [("*", *g[1:]) for g in got]
    return got


def score(doc: str, shared: Path = SHARED, folder: Path = TESTS) -> Score | None:
    """The document's figures, or None where its text or an oracle is missing.

    *folder* holds the oracles (tests/, or tests/table-oracles/ for the table plans, whose
    oracles cover the regions of regions.tsv).
    """
    import policyparse

    path = source_of(doc, shared)
    oracles = [folder / kind / f"{doc}.tsv" for kind in ("outlines", "units", "targets")]
    if path is None or not oracles[2].is_file():
        return None
    if not all(o.is_file() for o in oracles) and doc not in targets_only():
        return None
    parsed = policyparse.parse_file(path)
    spans = TABLES / "regions.tsv" if folder == TABLES else folder / "target-regions.tsv"
    where = regions(doc, parsed_text(path), spans)
    s = Score()
    if oracles[0].is_file() and oracles[1].is_file():
        _score_outline(s, parsed, oracles[0], oracles[1], where)
    _score_targets(s, oracles[2], parsed, where.get("targets", ALL))
    return s


def _score_outline(
    s: Score, parsed: Document, outlines: Path, units: Path, where: dict[str, Region]
) -> None:
    """Nodes, titles, units and lead units against their oracles."""
    s.scored |= {"nodes", "units", "lead"}
    oracles = [outlines, units]
    # Nodes and titles.
    nodes_in = where.get("nodes", ALL)
    printed = _read(oracles[0])
    # An oracle that pins no paths (*: a page printing rows 108-121 of a longer table)
    # names its nodes by their labels as printed.
    key = "label" if any(r["path"] == "*" for r in printed) else "path"
    want_nodes = {r[key]: _compact(r["title"]) for r in printed}
    got_nodes = {
        (n.path if key == "path" else n.label or ""): _compact(n.title)
        for n in parsed.walk()
        if n.kind != "paragraph" and n.path and _in(nodes_in, n.span)
    }
    s.tallies["nodes"] = _match([(p,) for p in want_nodes], [(p,) for p in got_nodes])
    for p, title in want_nodes.items():
        if p in got_nodes:
            s.titles.of += 1
            s.titles.right += got_nodes[p] == title
    # Units and lead units.
    units_in = where.get("units", ALL)
    want_units = [(r["path"], _compact(r["name"]), r["role"]) for r in _read(oracles[1])]
    got_units: list[tuple[str, ...]] = []
    for node, listed in listed_nodes(parsed):
        for u in node.responsible_units:
            if _in(units_in, u.span):
                got_units.append((listed, _compact(u.name), u.role))
    got_units = _star(list(want_units), got_units)
    s.tallies["units"] = _match([u[:2] for u in want_units], [u[:2] for u in got_units])
    s.tallies["lead"] = _match(
        [u[:2] for u in want_units if u[2] == "lead"], [u[:2] for u in got_units if u[2] == "lead"]
    )


def parsed_text(path: Path) -> str:
    """The text spans index (the file's own text, for the plain-text table plans)."""
    from policyparse.inputs.read import load_path

    return load_path(path).text


def _score_targets(s: Score, oracle: Path, parsed: Document, region: Region) -> None:
    """Targets matched by where and how much; then year and comparator."""
    s.scored.add("targets")
    want_t: dict[Key, list[tuple[str, str]]] = {}
    star = False
    for r in _read(oracle):
        star = star or r["path"] == "*"
        key: Key = (r["path"], _oracle_num(r["value"]), _oracle_num(r["value_max"]), r["unit"])
        want_t.setdefault(key, []).append((r["year"], r["comparator"]))
    got_t: dict[Key, list[tuple[str, str]]] = {}
    for node, listed in listed_nodes(parsed):
        for t in node.targets:
            if not _in(region, t.span):
                continue
            got_key: Key = ("*" if star else listed, _num(t.value), _num(t.value_max), t.unit or "")
            got_t.setdefault(got_key, []).append((str(t.year or ""), t.comparator))
    hit = 0
    for key, wanted in want_t.items():
        for (wy, wc), (gy, gc) in zip(wanted, got_t.get(key, []), strict=False):
            hit += 1
            s.years.of += 1
            s.years.right += wy == gy
            s.comparators.of += 1
            s.comparators.right += wc == gc
    s.tallies["targets"] = Tally(
        hit, sum(len(v) for v in got_t.values()), sum(len(v) for v in want_t.values())
    )


def listed_nodes(doc: Document) -> list[tuple[Node, str]]:
    """Every node with the path it is listed under (its own, or its numbered ancestor's)."""
    out: list[tuple[Node, str]] = []

    def walk(nodes: list[Node], parent: str) -> None:
        for n in nodes:
            path = n.path or parent
            out.append((n, path))
            walk(n.children, path)

    walk(doc.children, "-")
    return out


def documents(folder: Path = TESTS) -> list[str]:
    """Every document with a targets oracle, in name order."""
    return sorted(p.stem for p in (folder / "targets").glob("*.tsv"))


def _row(name: str, s: Score) -> str:
    t = s.tallies
    cells = [name]
    for k in KINDS:
        ok = k in s.scored
        cells.append(f"{t[k].precision:.2f} / {t[k].recall:.2f} / {t[k].f1:.3f}" if ok else "—")
    cells.append(f"{s.titles.value:.3f}" if "nodes" in s.scored else "—")
    cells += [f"{s.years.value:.3f}", f"{s.comparators.value:.3f}"]
    return "| " + " | ".join(cells) + " |"


HEAD = (
    "| document | nodes P / R / F1 | units P / R / F1 | lead P / R / F1 | targets P / R / F1 "
    "| titles | year | comparator |\n|---|---|---|---|---|---|---|---|"
)


def _group(name: str, folder: Path = TESTS) -> str:
    """The pool a document is scored in (the table plans have their own held-out list)."""
    if folder == TABLES:
        return "held out" if name in held_out("held_out_tables.txt") else "development"
    groups = (*_later_sets(), ("held out", held_out()))
    for group, names in groups:
        if name in names:
            return group
    return "development"


def _absent(names: list[str]) -> str:
    """Say which documents were not scored for want of their text, rather than pool nothing.

    The held-out texts live outside the repository (EXTERNAL); on a machine without them a
    pool would print as empty, and a reader could take an empty pool's 1.000 for a score.
    """
    shown = ", ".join(names[:8]) + (", …" if len(names) > 8 else "")
    return (
        f"\n{len(names)} documents were not scored: their text was not found under "
        f"{SHARED} or {EXTERNAL} ({shown})."
    )


def report(
    names: Sequence[str], shared: Path = SHARED, with_held_out: bool = False, folder: Path = TESTS
) -> tuple[str, dict[str, Score]]:
    """The per-document and pooled table, and the pooled scores by group."""
    pools = {"development": Score()}
    if with_held_out:
        pools.update({"held out": Score(), "all": Score()})
        for group, names_of in _later_sets():
            if names_of and folder != TABLES:
                pools[group] = Score()
    counts = Counter[str]()
    lines = [HEAD]
    absent: list[str] = []
    for name in names:
        group = _group(name, folder)
        if group != "development" and not with_held_out:
            continue
        s = score(name, shared, folder)
        if s is None:
            absent += [name] if source_of(name, shared) is None else []
            continue
        mark = f" ({group})" if group != "development" else ""
        lines.append(_row(name + mark, s))
        pools[group].add(s)
        counts[group] += 1
        if group in ("development", "held out"):
            pools.setdefault("all", Score()).add(s)  # the thirty documents the goals are set for
            counts["all"] += 1
    if not with_held_out:
        pools.pop("all", None)
    for group, s in pools.items():
        if counts[group] or group == "development":
            lines.append(_row(f"**pooled: {group} ({counts[group]} documents)**", s))
    if absent:
        lines.append(_absent(absent))
    if not with_held_out:
        n = sum(_group(name, folder) != "development" for name in names)
        lines.append(f"\nThe {n} held-out documents are not scored here (--held-out).")
    return "\n".join(lines), pools


def rows(
    doc: str, shared: Path = SHARED, folder: Path = TESTS
) -> dict[str, tuple[list[str], list[str]]]:
    """Oracle and parser rows of one document as TSV lines, by kind, for diffing."""
    import policyparse

    path = source_of(doc, shared)
    if path is None:
        raise SystemExit(f"{doc}: no text found")
    parsed = policyparse.parse_file(path)
    listed = listed_nodes(parsed)
    got = {
        "outlines": [
            f"{n.path}\t{n.label or ''}\t{_compact(n.title)}"
            for n in parsed.walk()
            if n.kind != "paragraph" and n.path
        ],
        "units": [
            "\t".join(
                [p, _compact(u.name), "|".join(u.aliases), u.role, "yes" if u.generic else "no"]
            )
            for n, p in listed
            for u in n.responsible_units
        ],
        "targets": ["\t".join(target_row(p, t)) for n, p in listed for t in n.targets],
    }
    out = {}
    for kind, lines in got.items():
        oracle = folder / kind / f"{doc}.tsv"
        if not oracle.is_file():
            continue  # a third held-out document has a targets oracle only
        with oracle.open(encoding="utf-8") as fh:
            want = [line.rstrip("\n") for line in fh][1:]
        out[kind] = (want, lines)
    return out


def diff(doc: str, shared: Path = SHARED, folder: Path = TESTS) -> str:
    """A unified diff per oracle (- oracle, + parser) of one document."""
    import difflib

    parts = []
    for kind, (want, got) in rows(doc, shared, folder).items():
        lines = list(difflib.unified_diff(want, got, f"{kind} oracle", "parser", n=0, lineterm=""))
        parts.append("\n".join(lines) if lines else f"{kind}: same")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED)
    parser.add_argument("--write", metavar="SECTION", help="write the table into docs/accuracy.md")
    parser.add_argument("--held-out", action="store_true", help="score the held-out documents too")
    parser.add_argument(
        "--tables", action="store_true", help="score the plans with tables (tests/table-oracles)"
    )
    parser.add_argument(
        "--diff", metavar="DOC", help="print one document's rows against its oracles"
    )
    parser.add_argument(
        "--analysis",
        action="store_true",
        help="score issuers, citations and the network's edges (benchmarks/analysis_accuracy.py)",
    )
    args = parser.parse_args(argv)
    if args.analysis:
        import analysis_accuracy

        table, _ = analysis_accuracy.report(analysis_accuracy.documents(), args.corpus)
        print(table)
        if args.write:
            from perfdoc import DOCS, write

            write(args.write, table, DOCS / "analysis.md")
        return 0
    folder = TABLES if args.tables else TESTS
    if args.diff:
        hidden = held_out() | fresh() | targets_only() | held_out("held_out_tables.txt")
        if args.diff in hidden and not args.held_out:
            raise SystemExit(f"{args.diff} is held out: add --held-out to look at it")
        print(diff(args.diff, args.corpus, folder))
        return 0
    table, _ = report(documents(folder), args.corpus, args.held_out, folder)
    print(table)
    if args.write:
        from perfdoc import DOCS, write

        write(args.write, table, DOCS / "accuracy.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
