"""Compare PDF text extractors on the government PDFs of ../shared/corpus/originals.

    python benchmarks/pdf_compare.py [--runs 3] [--only pypdfium2,pdftotext]

Each extractor runs in a process of its own, pinned to one core where the
system allows, over every PDF of originals/ (best of --runs per file), and
reports pages, characters, seconds and its peak resident memory.  An
extractor whose library (or, for pdftotext, whose program) is missing is
skipped with a line on stderr.  The texts are then scored against the
government's own web page for the same document (originals/twins/, read by
policyparse's HTML reader):

- ``order``: the share of the PDF's CJK characters and full-width punctuation
  (curly quotes included) that a longest in-order alignment (difflib, no junk
  heuristic) finds in the twin's.  Text out of reading order, or characters
  read wrongly (“ read as "), lower it; the twin's portal furniture does not
  (it is extra text on the twin's side).
- ``starts``: the share of the twin's paragraphs (lines of 8 CJK characters
  or more) whose first 8 CJK characters open a line of the PDF text: does the
  line structure survive, or are lines glued together or broken up?
- ``gap``: spaces the extractor put between two CJK characters, per 1,000 CJK
  characters (the documents have none).

Without twins, ``cjk`` (the share of CJK among non-space characters) and
``common`` (policyparse's common-character share, inputs/read.py) show a text
layer read right (0.8-0.9) or as nonsense (the Beijing gazette's Founder fonts).
Prints Markdown tables (docs/inputs.md, "Reading PDF files").
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("POLICYPARSE_SHARED_CORPUS", REPO.parent / "shared" / "corpus"))
ORIGINALS = SHARED / "originals"
TWINS = ORIGINALS / "twins"

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Ideographs, CJK punctuation (、。《》〔〕), full-width forms (，：；（）) and curly quotes.
_NOT_CJK = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff5e“”‘’]+")
_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")
_START = 8

Extract = Callable[[Path], list[str]]


def _pypdfium2(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            text = page.get_textpage()
            out.append(text.get_text_range().replace("\r\n", "\n"))
            text.close()
            page.close()
        return out
    finally:
        pdf.close()


def _pdfplumber(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        out = []
        for page in pdf.pages:
            out.append(page.extract_text() or "")
            page.close()  # frees the page's cached objects
        return out


def _pdfminer(path: Path) -> list[str]:
    from pdfminer.high_level import extract_text

    text: str = extract_text(str(path))
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def _docling_parse(path: Path) -> list[str]:
    from docling_core.types.doc.page import TextCellUnit
    from docling_parse.pdf_parser import DoclingPdfParser

    doc = DoclingPdfParser(loglevel="fatal").load(path_or_stream=str(path))
    out = []
    for _, page in doc.iterate_pages():
        out.append("\n".join(cell.text for cell in page.iterate_cells(TextCellUnit.LINE)))
    doc.unload()
    return out


def _pdftotext(path: Path) -> list[str]:
    r = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    pages = r.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


EXTRACTORS: dict[str, tuple[str, Extract]] = {
    # name: (distribution or program whose version is shown, extractor)
    "pypdfium2": ("pypdfium2", _pypdfium2),
    "pdfplumber": ("pdfplumber", _pdfplumber),
    "pdfminer.six": ("pdfminer.six", _pdfminer),
    "docling-parse": ("docling-parse", _docling_parse),
    "pdftotext": ("pdftotext", _pdftotext),
}


def _version(name: str) -> str | None:
    """The installed version, or None when the extractor cannot run here."""
    if name == "pdftotext":
        exe = shutil.which("pdftotext")
        if exe is None:
            return None
        r = subprocess.run([exe, "-v"], capture_output=True, text=True)
        m = re.search(r"version ([\d.]+)", r.stderr + r.stdout)
        return f"poppler {m.group(1)}" if m else "poppler"
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _peak_kb(children: bool) -> int:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    peak = resource.getrusage(who).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # macOS counts bytes


def worker(name: str, runs: int) -> dict[str, Any]:
    """Run one extractor over every PDF; what it read and what it cost."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    dist, extract = EXTRACTORS[name]
    t0 = time.perf_counter()
    extract(sorted(ORIGINALS.glob("*.pdf"))[0])  # imports the library, warms it up
    warm = time.perf_counter() - t0
    files: dict[str, Any] = {}
    for path in sorted(ORIGINALS.glob("*.pdf")):
        best = float("inf")
        pages: list[str] = []
        try:
            for _ in range(runs):
                t0 = time.perf_counter()
                pages = extract(path)
                best = min(best, time.perf_counter() - t0)
        except Exception as exc:
            files[path.name] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        files[path.name] = {"seconds": best, "pages": pages}
    return {
        "name": name,
        "version": _version(dist),
        "first_call_s": warm,
        "peak_kb": max(_peak_kb(False), _peak_kb(True)),
        "files": files,
    }


def _cjk(text: str) -> str:
    return _NOT_CJK.sub("", text)


def twin_text(stem: str) -> str | None:
    """The twin web page's text as policyparse reads it, or None."""
    path = TWINS / f"{stem}.html"
    if not path.exists():
        return None
    sys.path.insert(0, str(REPO / "src"))
    from policyparse.inputs.read import load_path

    return load_path(path).text


def order_score(pdf: str, twin: str) -> float:
    """Share of the PDF's CJK characters found, in order, in the twin's."""
    a, b = _cjk(pdf), _cjk(twin)
    if not a:
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(a)


def starts_score(pdf: str, twin: str) -> float:
    """Share of the twin's paragraphs whose opening characters open a PDF line."""
    opened = {_cjk(line)[:_START] for line in pdf.splitlines()}
    paragraphs = [_cjk(line)[:_START] for line in twin.splitlines()]
    wanted = [p for p in paragraphs if len(p) == _START]
    # Only paragraphs the PDF holds at all: the twin's portal text is not in it.
    flat = _cjk(pdf)
    wanted = [p for p in wanted if p in flat]
    return sum(p in opened for p in wanted) / len(wanted) if wanted else 0.0


def common_share(text: str) -> float:
    sys.path.insert(0, str(REPO / "src"))
    from policyparse.inputs.read import _common

    hits, counted = _common(text)
    return hits / counted if counted else 0.0


def _run_workers(names: list[str], runs: int) -> list[dict[str, Any]]:
    results = []
    for name in names:
        if _version(EXTRACTORS[name][0]) is None:
            print(f"pdf_compare: {name} is not installed here: skipped", file=sys.stderr)
            continue
        r = subprocess.run(
            [sys.executable, __file__, "--worker", name, "--runs", str(runs)],
            capture_output=True,
            text=True,
            env=dict(os.environ, OMP_NUM_THREADS="1"),
        )
        if r.returncode != 0:
            print(f"pdf_compare: {name} failed: {r.stderr.strip()[-500:]}", file=sys.stderr)
            continue
        results.append(json.loads(r.stdout))
    return results


def _tables(results: list[dict[str, Any]]) -> str:
    twins = {p.stem: twin_text(p.stem) for p in sorted(ORIGINALS.glob("*.pdf"))}
    head = "| extractor | version | pages/s | peak MB | order | starts | gap | failed |"
    lines = [head, "|---|---|---:|---:|---:|---:|---:|---|"]
    per_file: list[str] = [
        "Per file: characters / ms / common-character share / order (where a twin exists)",
        "",
        "| file | " + " | ".join(r["name"] for r in results) + " |",
        "|---|" + "---:|" * len(results),
    ]
    cells: dict[str, list[str]] = {}
    for r in results:
        pages = seconds = 0.0
        orders: list[float] = []
        starts: list[float] = []
        gaps = cjk_total = 0
        failed = []
        for name, f in r["files"].items():
            stem = Path(name).stem
            if "error" in f:
                failed.append(f"{stem} ({f['error'][:60]})")
                cells.setdefault(name, []).append("error")
                continue
            pages += len(f["pages"])
            seconds += f["seconds"]
            text = "\n".join(f["pages"])
            cjk = len(_CJK.findall(text))
            cjk_total += cjk
            gaps += len(_GAP.findall(text))
            twin = twins.get(stem)
            share = common_share(text)
            cell = f"{len(text):,} / {1000 * f['seconds']:.0f} / {share:.2f}"
            if twin is not None and share > 0.5:
                o, s = order_score(text, twin), starts_score(text, twin)
                orders.append(o)
                starts.append(s)
                cell += f" / {o:.3f}"
            cells.setdefault(name, []).append(cell)
        order = sum(orders) / len(orders) if orders else 0.0
        start = sum(starts) / len(starts) if starts else 0.0
        gap = 1000 * gaps / cjk_total if cjk_total else 0.0
        lines.append(
            f"| {r['name']} | {r['version']} | {pages / seconds:.0f} | "
            f"{r['peak_kb'] / 1024:.0f} | {order:.3f} | {start:.2f} | {gap:.1f} | "
            f"{'; '.join(failed) or '-'} |"
        )
    for name, row in cells.items():
        per_file.append(f"| {Path(name).stem} | " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n\n" + "\n".join(per_file)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="runs per file; the best is kept")
    ap.add_argument("--only", help="comma-separated extractors (default: all)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if not ORIGINALS.is_dir():
        print(f"no corpus at {ORIGINALS}", file=sys.stderr)
        return 2
    if args.worker:
        json.dump(worker(args.worker, args.runs), sys.stdout, ensure_ascii=False)
        return 0
    names = args.only.split(",") if args.only else list(EXTRACTORS)
    unknown = [n for n in names if n not in EXTRACTORS]
    if unknown:
        ap.error(f"unknown extractor {unknown[0]!r}: one of {', '.join(EXTRACTORS)}")
    print(_tables(_run_workers(names, args.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
