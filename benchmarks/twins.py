"""A published file against the government's own web page for it: do they read the same?

Run:  python benchmarks/twins.py [--originals DIR] [--write] [--diff NAME]

../shared/corpus/originals holds government files as published (PDF, .docx, .doc,
.wps) and, in twins/, the web page of the same document for some of them
(SOURCES.tsv, column ``twin``).  For every file with a twin, both are parsed and
compared item by item:

- outline: numbered nodes as (path, title), titles without spaces;
- units: responsible units as (the path they are listed under, name, role);
- targets: (path, value, upper value, unit, year).

Each kind is a multiset: the table gives the items both have, and those only one
has; ``--diff NAME`` prints the differing rows of one file.  Like is compared with
like: a document appended to explain the notice (a 解读, an 起草说明: a part the
parser opens for it, structure/parts.py) that only one side prints is left out of
that side, and the column ``appended`` says so; one both print is compared.  The files without a
text layer must give their one-line errors, and every Word file (.docx, .doc,
.wps) must parse into a tree of numbered nodes: both are listed below the table.
``--write`` puts the tables into docs/accuracy.md (section ``twins``).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from accuracy import listed_nodes as _listed
from policyparse import Document
from policyparse.structure.parts import appended_title

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("POLICYPARSE_SHARED_CORPUS", REPO.parent / "shared" / "corpus"))
ORIGINALS = SHARED / "originals"
KINDS = ("outline", "units", "targets")
Row = tuple[str, ...]


def _compact(s: str | None) -> str:
    return "".join((s or "").split())


def _num(x: float | None) -> str:
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def appended(doc: Document) -> dict[str, str]:
    """The parts that explain the notice (关于…的解读): title → path."""
    return {
        _compact(n.title): n.path
        for n in doc.children
        if n.kind == "attachment" and n.path and appended_title(n.title)
    }


def _outside(path: str, parts: Collection[str]) -> bool:
    return not any(path == p or path.startswith(p + ".") for p in parts)


def items(doc: Document, leave: Collection[str] = ()) -> dict[str, list[Row]]:
    """The rows compared, by kind; the rows under the parts *leave* are left out."""
    listed = [(n, p) for n, p in _listed(doc) if _outside(p, leave)]
    return {
        "outline": [(p, _compact(n.title)) for n, p in listed if n.kind != "paragraph" and n.path],
        "units": [(p, _compact(u.name), u.role) for n, p in listed for u in n.responsible_units],
        "targets": [
            (p, _num(t.value), _num(t.value_max), t.unit or "", str(t.year or ""))
            for n, p in listed
            for t in n.targets
        ],
    }


@dataclass
class Compared:
    """One file against its twin: per kind, the rows both give and the rows one gives."""

    name: str
    fmt: str
    pages: int | None
    both: dict[str, int] = field(default_factory=dict)
    # Appended parts (解读): where each is, and whether both print it (else left out).
    appended: list[tuple[str, bool]] = field(default_factory=list)
    only_file: dict[str, list[Row]] = field(default_factory=dict)
    only_twin: dict[str, list[Row]] = field(default_factory=dict)

    @property
    def same(self) -> bool:
        return not any(self.only_file.values()) and not any(self.only_twin.values())


def sources(originals: Path = ORIGINALS) -> list[dict[str, str]]:
    with (originals / "SOURCES.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def compare(row: dict[str, str], originals: Path = ORIGINALS) -> Compared:
    """The file of one SOURCES.tsv row against its twin page."""
    import policyparse

    name = row["file"]
    doc = policyparse.parse_file(originals / name)
    twin = policyparse.parse_file(originals / "twins" / (Path(name).stem + ".html"))
    mine, theirs = appended(doc), appended(twin)
    got = items(doc, {p for t, p in mine.items() if t not in theirs})
    want = items(twin, {p for t, p in theirs.items() if t not in mine})
    out = Compared(name, row["format"], doc.source.pages)
    out.appended = [(f"{p} in both", True) for t, p in mine.items() if t in theirs]
    out.appended += [(f"{p} in the file only", False) for t, p in mine.items() if t not in theirs]
    out.appended += [(f"{p} on the page only", False) for t, p in theirs.items() if t not in mine]
    for kind in KINDS:
        a, b = Counter(got[kind]), Counter(want[kind])
        out.both[kind] = sum((a & b).values())
        out.only_file[kind] = sorted((a - b).elements())
        out.only_twin[kind] = sorted((b - a).elements())
    return out


def with_twins(originals: Path = ORIGINALS) -> list[dict[str, str]]:
    """The rows of files with a readable text and a twin page (the gazette has neither)."""
    return [r for r in sources(originals) if r["twin"] and r["text_based"] == "yes"]


def _cell(c: Compared, kind: str) -> str:
    both, f, t = c.both[kind], len(c.only_file[kind]), len(c.only_twin[kind])
    return f"{both}" if not f and not t else f"{both} (+{f} / −{t})"


def table(compared: list[Compared]) -> str:
    lines = [
        "| file | format | pages | appended | outline | units | targets | same |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for c in compared:
        cells = [_cell(c, k) for k in KINDS]
        extra = ", ".join(p + ("" if on_both else ": left out") for p, on_both in c.appended)
        lines.append(
            f"| {c.name} | {c.fmt} | {c.pages or ''} | {extra or '—'} | "
            + " | ".join(cells)
            + f" | {'yes' if c.same else 'no'} |"
        )
    return "\n".join(lines)


def refusals(originals: Path = ORIGINALS) -> list[tuple[str, str]]:
    """The PDFs without a readable text layer, and the one line each gives."""
    import policyparse

    out = []
    for r in sources(originals):
        if r["format"] == "pdf" and r["text_based"] != "yes":
            try:
                policyparse.parse_file(originals / r["file"])
                out.append((r["file"], "(parsed: no error)"))
            except policyparse.InputError as exc:
                message = str(exc).removeprefix(f"{originals / r['file']}: ")
                out.append((r["file"], f"{type(exc).__name__}: {message}"))
    return out


def word_files(originals: Path = ORIGINALS) -> list[tuple[str, int, int]]:
    """Every .docx, .doc and .wps: (file, numbered nodes, targets)."""
    import policyparse

    out = []
    for r in sources(originals):
        if r["format"] in ("docx", "doc", "wps"):
            doc = policyparse.parse_file(originals / r["file"])
            nodes = [n for n in doc.walk() if n.path]
            out.append((r["file"], len(nodes), sum(len(n.targets) for n in doc.walk())))
    return out


def report(originals: Path = ORIGINALS) -> str:
    compared = [compare(r, originals) for r in with_twins(originals)]
    parts = [table(compared), ""]
    parts.append("| file without a readable text layer | what policyparse says |\n|---|---|")
    parts += [f"| {name} | {message.replace('|', '/')} |" for name, message in refusals(originals)]
    parts.append("")
    parts.append("| Word file | numbered nodes | targets |\n|---|---|---|")
    parts += [f"| {name} | {n} | {t} |" for name, n, t in word_files(originals)]
    return "\n".join(parts)


def diff(name: str, originals: Path = ORIGINALS) -> str:
    row = next((r for r in sources(originals) if r["file"].startswith(name)), None)
    if row is None or not row["twin"]:
        raise SystemExit(f"{name}: no file with a twin of that name")
    c = compare(row, originals)
    out = []
    for kind in KINDS:
        out += [f"{kind}\t+file\t" + "\t".join(r) for r in c.only_file[kind]]
        out += [f"{kind}\t-twin\t" + "\t".join(r) for r in c.only_twin[kind]]
    return "\n".join(out) or "same"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--originals", type=Path, default=ORIGINALS)
    p.add_argument("--write", action="store_true", help="write the tables into docs/accuracy.md")
    p.add_argument("--diff", metavar="NAME", help="the differing rows of one file")
    args = p.parse_args(argv)
    if not (args.originals / "SOURCES.tsv").is_file():
        raise SystemExit(f"no originals at {args.originals} (set POLICYPARSE_SHARED_CORPUS)")
    if args.diff:
        print(diff(args.diff, args.originals))
        return 0
    text = report(args.originals)
    print(text)
    if args.write:
        sys.path.insert(0, str(REPO / "benchmarks"))
        from perfdoc import DOCS, write

        write("twins", text, DOCS / "accuracy.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
