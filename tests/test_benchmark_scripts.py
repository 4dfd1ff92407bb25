"""The benchmark scripts honour the corpus location a user sets (they are run, not imported)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import REPO


def test_run_reads_the_corpus_named_by_the_environment() -> None:
    env = dict(os.environ, POLICYPARSE_SHARED_CORPUS=str(REPO / "no-such-corpus"))
    r = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2
    assert r.stderr.strip() == f"no corpus at {REPO / 'no-such-corpus'}"


@pytest.mark.slow
def test_jsonout_runs_quickly_and_leaves_the_docs_alone() -> None:
    doc = REPO / "docs" / "performance.md"
    before = doc.read_bytes()
    r = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "jsonout.py"), "--quick", "--write"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert "| `dumps_python` |" in r.stdout and "| `dumps` |" in r.stdout
    assert doc.read_bytes() == before


@pytest.mark.slow
def test_linear_measures_a_shape_in_fresh_processes() -> None:
    script = REPO / "benchmarks" / "linear.py"
    r = subprocess.run(
        [sys.executable, str(script), "--max-mb", "1", "--only", "glued measures"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    (row,) = r.stdout.splitlines()
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[0] == "glued measures, one line" and len(cells) == 6
    assert all(c.endswith(" s") for c in cells[1:4])
    assert len(cells[4].split(" / ")) == 3 and float(cells[5]) > 0


@pytest.mark.slow
def test_linear_bound_measures_the_worst_shapes_and_a_batch() -> None:
    script = REPO / "benchmarks" / "linear.py"
    r = subprocess.run(
        [sys.executable, str(script), "--bound", "--size-mb", "0.2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    rows = r.stdout.splitlines()
    assert len(rows) == 8 and rows[-1].startswith("| `batch -j 2`")
    assert [row.split(",")[0] for row in rows[4:7]] == [
        "| a pipe table (markdown)",
        "| a table of many rows (HTML)",
        "| a table of 10 000 columns",
    ]
    assert all(row.rstrip().endswith("| 0 |") for row in rows)  # every run exits 0
