"""Accuracy of what the analyses read: issuers, citations and the network's edges.

Run:  python benchmarks/accuracy.py --analysis [--write analysis]

Against the hand-written oracles of the thirty plans (tests/issuers, tests/citations,
tests/units; conventions in tests/ORACLES.md):

- issuers: a document is right when its list of canonical names is the oracle's,
  in order; names are also matched one by one (precision, recall);
- citations: matched by title (spaces removed), as a multiset per document; among
  the matched, the share with the oracle's 文号 and with its cue;
- edges: the network's edges follow from the units.  From the unit oracle, two
  units (not classes of bodies) named at the same path make one co-responsibility
  edge; a lead and a cooperating unit there make one lead edge.  The parser's edges
  are made the same way from its units, and matched by (path, unit, unit); distinct
  edges are matched by (unit, unit) per document.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from accuracy import SHARED, TESTS, Share, Tally, source_of
from accuracy import listed_nodes as _listed
from policyparse import Document

KINDS = ("issuer names", "citations", "edges", "distinct edges", "lead edges")


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _compact(s: str | None) -> str:
    return "".join((s or "").split())


def _match(want: Iterable[tuple[str, ...]], got: Iterable[tuple[str, ...]]) -> Tally:
    w, g = Counter(want), Counter(got)
    return Tally(sum((w & g).values()), sum(g.values()), sum(w.values()))


@dataclass
class Scores:
    """One document's (or a pool's) figures."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    exact: Share = field(default_factory=Share)  # documents whose issuers are the oracle's
    numbers: Share = field(default_factory=Share)
    cues: Share = field(default_factory=Share)

    def add(self, other: Scores) -> None:
        for k in KINDS:
            self.tallies[k].add(other.tallies[k])
        self.exact.add(other.exact)
        self.numbers.add(other.numbers)
        self.cues.add(other.cues)


def documents() -> list[str]:
    """The documents with an issuers oracle (the thirty plans), in name order."""
    return sorted(p.stem for p in (TESTS / "issuers").glob("*.tsv"))


def edges(
    rows: Iterable[tuple[str, str, str, bool]],
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """Co-responsibility and lead edges of (path, name, role, generic) unit rows."""
    by_path: dict[str, list[tuple[str, str]]] = {}
    for path, name, role, generic in rows:
        if not generic:
            by_path.setdefault(path, []).append((name, role))
    co: list[tuple[str, str, str]] = []
    lead: list[tuple[str, str, str]] = []
    for path, units in by_path.items():
        names = sorted(set(n for n, _ in units))
        co += [(path, a, b) for a, b in combinations(names, 2)]
        leads = {n for n, r in units if r == "lead"}
        others = {n for n, r in units if r == "cooperating"}
        lead += [(path, a, b) for a in sorted(leads) for b in sorted(others) if a != b]
    return co, lead


def _parsed_units(doc: Document) -> list[tuple[str, str, str, bool]]:
    return [
        (path, _compact(u.name), u.role, u.generic)
        for node, path in _listed(doc)
        for u in node.responsible_units
    ]


def score(name: str, shared: Path = SHARED) -> Scores | None:
    """The document's figures, or None where its text is missing."""
    import policyparse

    path = source_of(name, shared)
    if path is None:
        return None
    doc = policyparse.parse_file(path)
    s = Scores()
    _issuers(s, doc, _read(TESTS / "issuers" / f"{name}.tsv"))
    _citations(s, doc, _read(TESTS / "citations" / f"{name}.tsv"))
    units = TESTS / "units" / f"{name}.tsv"
    if units.is_file():
        want = [
            (r["path"], _compact(r["name"]), r["role"], r["generic"] == "yes") for r in _read(units)
        ]
        want_co, want_lead = edges(want)
        got_co, got_lead = edges(_parsed_units(doc))
        s.tallies["edges"] = _match(want_co, got_co)
        s.tallies["distinct edges"] = _match({e[1:] for e in want_co}, {e[1:] for e in got_co})
        s.tallies["lead edges"] = _match(want_lead, got_lead)
    return s


def _issuers(s: Scores, doc: Document, want: list[dict[str, str]]) -> None:
    got = [(_compact(i.name), i.canonical or i.name) for i in doc.issuers]
    s.tallies["issuer names"] = _match([(r["name"],) for r in want], [(g[0],) for g in got])
    s.exact = Share(int([r["canonical"] for r in want] == [g[1] for g in got]), 1)


def _citations(s: Scores, doc: Document, want: list[dict[str, str]]) -> None:
    got = [(_compact(c.title), c.number or "", c.cue or "") for c in doc.citations]
    s.tallies["citations"] = _match([(_compact(r["title"]),) for r in want], [(g[0],) for g in got])
    pending = list(got)
    for r in want:
        same = [g for g in pending if g[0] == _compact(r["title"])]
        if not same:
            continue
        g = same[0]
        pending.remove(g)
        s.numbers.of += 1
        s.numbers.right += g[1] == r["number"]
        s.cues.of += 1
        s.cues.right += g[2] == r["cue"]


def _cells(name: str, s: Scores) -> str:
    t = s.tallies
    cells = [name, f"{s.exact.right}/{s.exact.of}"]
    for k in KINDS:
        cells.append(f"{t[k].precision:.2f} / {t[k].recall:.2f}")
    cells += [f"{s.numbers.value:.3f}", f"{s.cues.value:.3f}"]
    return "| " + " | ".join(cells) + " |"


HEAD = (
    "| document | issuers exact | issuer names P / R | citations P / R | edges P / R "
    "| distinct edges P / R | lead edges P / R | 文号 | cue |\n"
    "|---|---|---|---|---|---|---|---|---|"
)


def report(names: Sequence[str], shared: Path = SHARED) -> tuple[str, Scores]:
    """The per-document and pooled table, and the pooled scores."""
    pool = Scores()
    lines = [HEAD]
    for name in names:
        s = score(name, shared)
        if s is None:
            continue
        lines.append(_cells(name, s))
        pool.add(s)
    lines.append(_cells(f"**pooled ({pool.exact.of} documents)**", pool))
    t = pool.tallies
    lines.append(
        f"\nIn the oracles: {t['issuer names'].want} issuers, {t['citations'].want} citations, "
        f"{t['edges'].want} co-responsibility edges on measures ({t['distinct edges'].want} "
        f"distinct pairs), {t['lead edges'].want} lead edges."
    )
    return "\n".join(lines), pool
