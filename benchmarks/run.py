"""The four figures of docs/performance.md, measured on this machine.

Run:  python benchmarks/run.py [--corpus ../shared/corpus] [--write]

1. Warm parse time of the Ningbo plan as a ratio to one pass of a single
   simple regex over the same bytes, decode included (goal: 15 or less).
2. Throughput in MB/s over the reference corpus (55 portal pages and the
   plans), with one worker and with two (goal: a speedup of 1.8 or more).
3. Cold `policyparse corpus/ningbo-2025-consumption.txt`: wall time and peak
   memory, as ratios to `python -c "import pydantic, lxml.etree"`
   (goal: 2.5 or less).
4. Peak memory of `policyparse batch` over 1,000 and 10,000 documents (the
   corpus repeated): it must not grow with the count.

--write puts the results into docs/performance.md between its markers.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from perfdoc import best, corpus_option, write

REPO = Path(__file__).resolve().parents[1]
NINGBO = REPO / "corpus" / "ningbo-2025-consumption.txt"


def warm_ratio() -> tuple[float, float, float]:
    import policyparse

    raw = NINGBO.read_bytes()
    pattern = re.compile(r"\d+")

    def one_regex_pass() -> int:
        return sum(1 for _ in pattern.finditer(raw.decode("utf-8")))

    def parse() -> object:
        return policyparse.parse_file(NINGBO)

    parse()  # warm: imports, word lists, jieba's small dictionary
    base = best(one_regex_pass, 7, 500)
    ours = best(parse, 7, 20)
    return ours, base, ours / base


def corpus_files(corpus: Path) -> list[str]:
    files = sorted(str(p) for p in (corpus / "govcn-2019").glob("*.html"))
    files += sorted(str(p) for p in (corpus / "plans").glob("*.txt"))
    return files


def throughput(files: list[str], workers: int, rounds: int) -> float:
    from policyparse.batch import run_many

    paths = files * rounds
    size = sum(os.path.getsize(p) for p in paths)
    start = time.perf_counter()
    for _ in run_many(paths, workers, {"errors": "strict", "gazetteer": None, "max_bytes": None}):
        pass
    return size / 1048576 / (time.perf_counter() - start)


def measured(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and peak RSS (MB) of *cmd*, each run in a fresh wrapper."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    # An installed package has its bytecode compiled; a developer's environment
    # may forbid writing it (PYTHONDONTWRITEBYTECODE), which would time the
    # compiler instead.  Allow it, and run once to fill the caches.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
    walls, peaks = [], []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", probe, *cmd],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        wall, rss = out.stdout.split()
        walls.append(float(wall))
        peaks.append(int(rss) / 1024)
    return statistics.median(walls), max(peaks)


def cold(runs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    base = measured([sys.executable, "-c", "import pydantic, lxml.etree"], runs)
    ours = measured([sys.executable, "-m", "policyparse", str(NINGBO)], runs)
    return ours, base


def batch_memory(files: list[str], count: int) -> tuple[float, float]:
    paths = (files * (count // len(files) + 1))[:count]
    with tempfile.TemporaryDirectory() as tmp:
        # Distinct names, so that every document is a record of its own.
        links = []
        for k, path in enumerate(paths):
            link = Path(tmp) / f"d{k:05d}{Path(path).suffix}"
            os.symlink(path, link)
            links.append(str(link))
        listing = Path(tmp) / "list.txt"
        listing.write_text("\n".join(links), encoding="utf-8")
        out = Path(tmp) / "out.jsonl"
        cmd = [
            sys.executable,
            "-m",
            "policyparse",
            "batch",
            "--from",
            str(listing),
            "-o",
            str(out),
            "-j",
            "2",
            "--quiet",
        ]
        wall, peak = measured(cmd, 1)
        lines = sum(1 for _ in out.open(encoding="utf-8"))
        assert lines == count, (lines, count)
    return wall, peak


def main() -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    corpus_option(p)
    p.add_argument("--rounds", type=int, default=30, help="corpus repetitions for throughput")
    p.add_argument("--write", action="store_true")
    args = p.parse_args()
    files = corpus_files(Path(args.corpus))
    if not files:
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    rows = [f"Last run: {time.strftime('%Y-%m-%d')}, {machine}.", ""]

    def row(figure: str, measured: str, goal: str, met: bool) -> None:
        rows.append(f"| {figure} | {measured} | {goal} | {'yes' if met else 'no'} |")

    rows += ["| figure | measured | goal | met |", "|---|---|---|---|"]
    ours, base, ratio = warm_ratio()
    row(
        "warm parse of the Ningbo plan / one regex pass (decode included)",
        f"{ours * 1000:.2f} ms / {base * 1000:.3f} ms = **{ratio:.0f}×**",
        "≤ 15×",
        ratio <= 15,
    )
    one = throughput(files, 1, args.rounds)
    two = throughput(files, 2, args.rounds)
    size = sum(os.path.getsize(f) for f in files) / 1048576
    row(
        f"throughput, {len(files)} files ({size:.1f} MB) × {args.rounds}",
        f"1 worker {one:.2f} MB/s, 2 workers {two:.2f} MB/s: speedup **{two / one:.2f}×**",
        "≥ 1.8×",
        two / one >= 1.8,
    )
    (c_wall, c_mem), (b_wall, b_mem) = cold(9)
    row(
        "cold `policyparse corpus/ningbo-2025-consumption.txt` / "
        '`python -c "import pydantic, lxml.etree"`',
        f"wall {c_wall:.3f} s / {b_wall:.3f} s = **{c_wall / b_wall:.1f}×**; "
        f"peak memory {c_mem:.0f} MB / {b_mem:.0f} MB = **{c_mem / b_mem:.1f}×**",
        "≤ 2.5×",
        c_wall / b_wall <= 2.5 and c_mem / b_mem <= 2.5,
    )
    small_wall, small_mem = batch_memory(files, 1000)
    big_wall, big_mem = batch_memory(files, 10000)
    row(
        "peak memory of `batch -j 2`: 1,000 → 10,000 documents",
        f"{small_mem:.0f} MB ({small_wall:.0f} s) → {big_mem:.0f} MB ({big_wall:.0f} s): "
        f"**{big_mem / small_mem:.2f}×**",
        "flat",
        big_mem / small_mem < 1.2,
    )
    table = "\n".join(rows)
    print(table)
    if args.write:
        write("figures", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
