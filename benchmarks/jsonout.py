"""The JSON writers of docs/performance.md ("Writing JSON"), measured on this machine.

Run:  python benchmarks/jsonout.py [--corpus ../shared/corpus] [--runs 21] [--write]

Four ways to write a Document's JSON, all the same bytes (checked here first):

- ``dumps_python``: export/json.py in plain Python over the document dicts;
- ``dumps``: pydantic-core's ``to_json`` over the same dicts, no model built;
- ``model_dump_json()`` on models that already exist (what the batch workers do);
- ``Document.model_validate`` then ``model_dump_json()``: the models built to be written.

Warm: milliseconds to write one document, best of several rounds, on the Ningbo
plan and per document over the reference corpus (when it is there).  Cold, in
fresh processes, the writers taken in turn so that a noisy machine affects them
alike, medians: the wall and CPU time of the whole one-file command line,
``policyparse corpus/ningbo-2025-consumption.txt``; and the first write in a
fresh process, the writer's imports included, timed inside it (the part the
choice of writer changes, without the noise of the rest of the start).

--write puts the table into docs/performance.md between its markers; --quick
runs a few rounds only (the test suite runs it so) and never writes.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from perfdoc import best, corpus_option, write

REPO = Path(__file__).resolve().parents[1]
NINGBO = REPO / "corpus" / "ningbo-2025-consumption.txt"

# The command line with its JSON writer swapped for another, run in a fresh
# interpreter: ``python -c DRIVER WRITER FILE``.
DRIVER = """\
import sys
from policyparse.export import json as j
writer = sys.argv[1]
if writer == "dumps":
    j.dumps_python = j.dumps
elif writer == "models":
    def _models(data, indent=None):
        from policyparse.model.document import Document
        return Document.model_validate(data).model_dump_json(indent=indent)
    j.dumps_python = _models
from policyparse.cli import main
sys.exit(main(sys.argv[2:]))
"""
# The first write in a fresh process, imports included: ``python -c FIRST WRITER FILE``.
FIRST = """\
import sys, time
from policyparse.inputs.read import load_path
from policyparse.pipeline import document_dict
data = document_dict(load_path(sys.argv[2]))
writer = sys.argv[1]
start = time.perf_counter()
if writer == "python":
    from policyparse.export.json import dumps_python
    dumps_python(data)
elif writer == "dumps":
    from policyparse.export.json import dumps
    dumps(data)
else:
    from policyparse.model.document import Document
    Document.model_validate(data).model_dump_json()
print(time.perf_counter() - start)
"""
COLD = {"dumps_python": "python", "dumps": "dumps", "validate + model_dump_json": "models"}


def corpus_files(corpus: Path) -> list[Path]:
    files = sorted((corpus / "plans").glob("*.txt")) + sorted((corpus / "plans-2").glob("*.txt"))
    return files + sorted((corpus / "govcn-2019").glob("*.html"))


def writers() -> dict[str, Callable[[dict[str, Any], Any], str]]:
    """name -> write(document dict, its models), each giving the same bytes."""
    from policyparse.export.json import dumps, dumps_python
    from policyparse.model.document import Document

    return {
        "dumps_python": lambda data, doc: dumps_python(data),
        "dumps": lambda data, doc: dumps(data),
        "model_dump_json() of existing models": lambda data, doc: doc.model_dump_json(),
        "validate + model_dump_json": lambda data, doc: Document.model_validate(
            data
        ).model_dump_json(),
    }


def warm(paths: list[Path], repeat: int, number: int) -> dict[str, float]:
    """name -> milliseconds per document over *paths* (same bytes checked first)."""
    from policyparse.inputs.read import load_path
    from policyparse.model.document import Document
    from policyparse.pipeline import document_dict

    docs = []
    for path in paths:
        data = document_dict(load_path(path))
        docs.append((data, Document.model_validate(data)))
    ways = writers()
    for data, doc in docs:
        outputs = {way(data, doc) for way in ways.values()}
        if len(outputs) != 1:
            raise SystemExit("the writers disagree: tests/test_jsonout.py should have said so")

    def all_of(way: Callable[[dict[str, Any], Any], str]) -> Callable[[], None]:
        def run() -> None:
            for data, doc in docs:
                way(data, doc)

        return run

    return {
        name: best(all_of(way), repeat, number) * 1000 / len(docs) for name, way in ways.items()
    }


def cold(runs: int) -> dict[str, tuple[float, float, float]]:
    """Writer -> median (wall, CPU) ms of the command line and ms of a first write."""
    # Bytecode allowed and compiled first, as an installed package has it.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    outputs = set()
    for writer in COLD.values():
        cmd = [sys.executable, "-c", DRIVER, writer, str(NINGBO)]
        out = subprocess.run(cmd, env=env, capture_output=True, check=True).stdout
        outputs.add(out)
        subprocess.run(
            [sys.executable, "-c", FIRST, writer, str(NINGBO)],
            env=env,
            stdout=subprocess.DEVNULL,
            check=True,
        )
    if len(outputs) != 1:
        raise SystemExit("the command line's writers disagree")
    walls: dict[str, list[float]] = {name: [] for name in COLD}
    cpus: dict[str, list[float]] = {name: [] for name in COLD}
    firsts: dict[str, list[float]] = {name: [] for name in COLD}
    for _ in range(runs):
        for name, writer in COLD.items():
            cmd = [sys.executable, "-c", DRIVER, writer, str(NINGBO)]
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, check=True)
            walls[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[name].append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
            first = subprocess.run(
                [sys.executable, "-c", FIRST, writer, str(NINGBO)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            firsts[name].append(float(first.stdout))
    return {
        name: (
            statistics.median(walls[name]) * 1000,
            statistics.median(cpus[name]) * 1000,
            statistics.median(firsts[name]) * 1000,
        )
        for name in COLD
    }


def main() -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    corpus_option(p)
    p.add_argument("--runs", type=int, default=21, help="cold runs of each writer (median)")
    p.add_argument("--quick", action="store_true", help="a few rounds, a check that it runs")
    p.add_argument("--write", action="store_true", help="write the table into the docs")
    args = p.parse_args()
    repeat, number, runs = (2, 1, 1) if args.quick else (7, 20, args.runs)
    files = corpus_files(Path(args.corpus))
    if args.quick:
        files = files[:3]
    ningbo = warm([NINGBO], repeat, number * 10)
    corpus = warm(files, repeat, number) if files else {}
    cli = cold(runs)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    import pydantic_core

    rows = [
        f"Last run: {time.strftime('%Y-%m-%d')}, {machine}, pydantic-core "
        f"{pydantic_core.__version__}; cold: median of {runs} runs of each, in turn.",
        "",
        f"| writer | warm ms, Ningbo | warm ms per document, {len(files)} corpus documents "
        "| cold CLI, Ningbo: wall ms | CPU ms | first write in a fresh process, ms |",
        "|---|---|---|---|---|---|",
    ]
    for name, ms in ningbo.items():
        per_doc = f"{corpus[name]:.3f}" if name in corpus else "no corpus"
        if name in cli:
            wall, cpu, first = cli[name]
            cold_cells = f"{wall:.0f} | {cpu:.0f} | {first:.1f}"
        else:
            cold_cells = "(no models in the CLI) | – | –"
        rows.append(f"| `{name}` | {ms:.3f} | {per_doc} | {cold_cells} |")
    table = "\n".join(rows)
    print(table)
    if args.write and not args.quick:
        write("jsonout", table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
