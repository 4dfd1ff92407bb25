"""``policyparse targets`` as a user runs it: which targets, and who answers for each."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from conftest import CORPUS, REPO
from helpers import run_cli as run

NINGBO = CORPUS / "ningbo-2025-consumption.txt"


def test_the_2025_targets_and_who_leads_each_in_one_command() -> None:
    r = run("targets", str(NINGBO), "--year", "2025")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split()[:3] == ["indicator", "cmp", "value"]
    first = next(line for line in lines if line.startswith("新增城镇就业"))
    assert "20" in first and "万人" in first and "宁波市人力资源社会保障局" in first
    assert lines[-1].endswith("targets)")


def test_json_rows_carry_every_role_and_filters_hold() -> None:
    r = run("targets", str(NINGBO), "--format", "json", "--unit", "市发展改革委")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert rows and all(
        any("发展改革委" in (row[f"{role}_units"] or "") for role in ("lead", "responsible"))
        or "发展改革委" in (row["cooperating_units"] or "")
        for row in rows
    )
    every = json.loads(run("targets", str(NINGBO), "--format", "json").stdout)
    assert len(every) > len(rows)
    undated = json.loads(run("targets", str(NINGBO), "--format", "json", "--no-year").stdout)
    assert all(row["year"] is None for row in undated)


def test_csv_from_a_batch_result_and_a_folder_agree(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "policyparse", "batch", str(CORPUS), "-o", str(out)],
        cwd=REPO,
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    from_batch = run("targets", str(out), "--format", "csv")
    from_folder = run("targets", str(CORPUS), "--format", "csv")
    assert from_batch.returncode == 0 and from_folder.returncode == 0
    rows = list(csv.DictReader(io.StringIO(from_batch.stdout.lstrip("\ufeff"))))
    assert rows and rows[0]["path"].startswith("§")
    assert sorted(from_batch.stdout.splitlines()) == sorted(from_folder.stdout.splitlines())


def test_skip_leaves_out_the_sections_asked() -> None:
    every = json.loads(run("targets", str(NINGBO), "--format", "json").stdout)
    kept = json.loads(run("targets", str(NINGBO), "--format", "json", "--skip", "tasks").stdout)
    assert len(kept) == sum(1 for row in every if row["section_function"] != "tasks")


def test_usage_errors_exit_2() -> None:
    assert run("targets", str(NINGBO), "--year", "25").returncode == 2
    assert run("targets", str(NINGBO), "--skip", "nonsense").returncode == 2
    assert run("targets", str(NINGBO), "--year", "2025", "--no-year").returncode == 2
    missing = run("targets", "no-such-plan.txt")
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_indent_is_bounded_as_on_every_other_command() -> None:
    from policyparse.cli.args import MAX_INDENT

    for bad, why in (("-1", "is negative"), (str(MAX_INDENT + 1), "")):
        r = run("targets", str(NINGBO), "--format", "json", "--indent", bad)
        assert r.returncode == 2 and "argument --indent" in r.stderr and why in r.stderr
    r = run("targets", str(NINGBO), "--format", "json", "--indent", "2")
    assert r.returncode == 0 and r.stdout.startswith("[\n  {")
