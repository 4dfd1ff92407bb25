"""Write the outputs of every corpus document to a folder, or compare two such folders.

A restructure must not change what the parser says.  Run once before the
change and once after, then compare::

    python scripts/snapshot.py write /tmp/before
    ... change the code ...
    python scripts/snapshot.py write /tmp/after
    python scripts/snapshot.py compare /tmp/before /tmp/after

The documents are corpus/*.txt and, where present, the shared reference
corpus (plans/, plans-2/ and the govcn-2019 pages); ``$POLICYPARSE_SHARED_CORPUS``
points at it when it is not ``../shared/corpus``.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("POLICYPARSE_SHARED_CORPUS", REPO.parent / "shared" / "corpus"))


def documents() -> Iterator[tuple[str, Path]]:
    """(snapshot name, path) of every document the snapshot covers, in a fixed order."""
    for path in sorted((REPO / "corpus").glob("*.txt")):
        yield f"corpus__{path.stem}", path
    for folder, pattern in (("plans", "*.txt"), ("plans-2", "*.txt"), ("govcn-2019", "*.html")):
        for path in sorted((SHARED / folder).glob(pattern)):
            yield f"{folder}__{path.stem}", path


def write(out: Path) -> int:
    """JSON, Akoma Ntoso, CSV tables and the who-owns-what CSV of every document."""
    import policyparse
    from policyparse.cli import main as cli

    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for name, path in documents():
        doc = policyparse.parse_file(path)
        (out / f"{name}.json").write_text(doc.model_dump_json(indent=1) + "\n", "utf-8")
        cli([str(path), "--format", "akn", "-o", str(out / f"{name}.akn.xml")])
        cli([str(path), "--format", "csv", "-o", str(out / f"{name}.tables")])
        for table in sorted((out / f"{name}.tables").glob("*.csv")):
            table.rename(out / f"{name}.{table.name}")
        (out / f"{name}.tables").rmdir()
        cli(["units", str(path), "--format", "csv", "-o", str(out / f"{name}.owners.csv")])
        n += 1
    print(f"{n} documents written to {out}")
    return 0


def compare(before: Path, after: Path, context: int) -> int:
    names = sorted({p.name for p in before.iterdir()} | {p.name for p in after.iterdir()})
    changed = 0
    for name in names:
        a, b = before / name, after / name
        if not a.is_file() or not b.is_file():
            print(f"only in {'after' if b.is_file() else 'before'}: {name}")
            changed += 1
            continue
        old, new = a.read_text("utf-8"), b.read_text("utf-8")
        if old != new:
            changed += 1
            diff = difflib.unified_diff(
                old.splitlines(),
                new.splitlines(),
                f"before/{name}",
                f"after/{name}",
                n=context,
                lineterm="",
            )
            print("\n".join(diff))
    print(f"{len(names)} documents compared, {changed} differ")
    return 1 if changed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write", help="write one JSON file per document")
    w.add_argument("out", type=Path)
    c = sub.add_parser("compare", help="diff two snapshot folders; exit 1 if any differ")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--context", type=int, default=3)
    args = parser.parse_args(argv)
    if args.command == "write":
        return write(args.out)
    return compare(args.before, args.after, args.context)


if __name__ == "__main__":
    sys.exit(main())
