"""How fast policyparse reads PDF files and how much memory a page costs, beside pdftotext.

Run:  python benchmarks/pdf_speed.py [--runs 5] [--write]

Over every PDF of ../shared/corpus/originals with a text layer, in one run, each
reader in a process of its own pinned to one core, best of --runs per file:

- ``policyparse reader``: ``inputs.pdf.extract`` with the default limits: the
  bomb checks, PDFium's text, the character boxes for lines and margins;
- ``policyparse parse``: ``policyparse.parse_file``, the whole pipeline on the PDF;
- ``pypdfium2 text``: PDFium's text alone (``get_text_range``), the reader's floor;
- ``pdftotext``: poppler's program, one process per file (its start included).

Pages per second are the files' pages over the sum of their best times.  Memory:
the process's peak resident size, and the memory a page costs: the peak after
reading the longest file (25 pages) less the peak after reading a 2-page one, per
page between them (pdftotext: its own process's peak on each).  ``--write`` puts
the table into docs/performance.md (section ``pdf-speed``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("POLICYPARSE_SHARED_CORPUS", REPO.parent / "shared" / "corpus"))
ORIGINALS = SHARED / "originals"
SMALL, LARGE = "anqing-2022-housing-fund-loans.pdf", "changle-2024-talent-housing-subsidy.pdf"


def text_pdfs() -> list[Path]:
    """The PDFs with a readable text layer (SOURCES.tsv: text_based yes)."""
    import csv

    with (ORIGINALS / "SOURCES.tsv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    wanted = [r for r in rows if r["format"] == "pdf" and r["text_based"] == "yes"]
    return [ORIGINALS / r["file"] for r in wanted]


def _reader(path: Path) -> int:
    from policyparse.inputs import pdf

    return len(pdf.extract(path.read_bytes(), 32 << 20).pages)


def _parse(path: Path) -> int:
    import policyparse

    return policyparse.parse_file(path).source.pages or 0


def _pdfium(path: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(path.read_bytes())
    try:
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
        return len(doc)
    finally:
        doc.close()


def _pdftotext(path: Path) -> int:
    r = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True)
    return r.stdout.count(b"\f")


READERS: dict[str, Callable[[Path], int]] = {
    "policyparse reader": _reader,
    "policyparse parse": _parse,
    "pypdfium2 text": _pdfium,
    "pdftotext": _pdftotext,
}


def _peak_kb(name: str) -> int:
    who = resource.RUSAGE_CHILDREN if name == "pdftotext" else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss


def worker(name: str, runs: int, only: str | None) -> dict[str, Any]:
    """One reader over the files (or over *only*): pages, best seconds, peak memory."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    read = READERS[name]
    read(ORIGINALS / SMALL)  # imports, first calls
    paths = [ORIGINALS / only] if only else text_pdfs()
    pages = 0
    seconds = 0.0
    for path in paths:
        best = float("inf")
        for _ in range(runs):
            t0 = time.perf_counter()
            n = read(path)
            best = min(best, time.perf_counter() - t0)
        pages += n
        seconds += best
    return {"pages": pages, "seconds": seconds, "peak_kb": _peak_kb(name)}


def _run(name: str, runs: int, only: str | None = None) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--worker", name, "--runs", str(runs)]
    r = subprocess.run(
        cmd + (["--only", only] if only else []), capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(r.stdout)
    return result


def table(runs: int) -> str:
    lines = [
        "| reader | pages | pages/s (one core) | peak MB | KB per page |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in READERS:
        whole = _run(name, runs)
        small, large = _run(name, 1, SMALL), _run(name, 1, LARGE)
        grown = max(0, large["peak_kb"] - small["peak_kb"])
        per_page = grown / max(1, large["pages"] - small["pages"])
        lines.append(
            f"| {name} | {whole['pages']} | {whole['pages'] / whole['seconds']:.0f} | "
            f"{whole['peak_kb'] / 1024:.0f} | {per_page:.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--worker", help=argparse.SUPPRESS)
    p.add_argument("--only", help=argparse.SUPPRESS)
    p.add_argument("--write", action="store_true", help="write the table into docs/performance.md")
    args = p.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.runs, args.only)))
        return 0
    if not (ORIGINALS / "SOURCES.tsv").is_file():
        raise SystemExit(f"no originals at {ORIGINALS} (set POLICYPARSE_SHARED_CORPUS)")
    text = table(args.runs)
    print(text)
    if args.write:
        sys.path.insert(0, str(REPO / "benchmarks"))
        from perfdoc import DOCS, write

        write("pdf-speed", text, DOCS / "performance.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
