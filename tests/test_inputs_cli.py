"""Every command that reads plans takes files, folders, globs and --from the same way
(cli/inputs.py over inputs/discover.py), as a user meets it: the command line in a
subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS

NINGBO = CORPUS / "ningbo-2025-consumption.txt"
FOUR = CORPUS / "synthetic-four-level.txt"


def run(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", *args],
        cwd=cwd,
        capture_output=True,
        encoding="utf-8",
        input=stdin,
        timeout=300,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """plans/ with two plans (one in a subfolder) and an image; one/ with one plan."""
    (tmp_path / "plans" / "sub").mkdir(parents=True)
    (tmp_path / "plans" / "a.txt").write_bytes(NINGBO.read_bytes())
    (tmp_path / "plans" / "sub" / "b.txt").write_bytes(FOUR.read_bytes())
    (tmp_path / "plans" / "cover.png").write_bytes(b"\x89PNG")
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "only.txt").write_bytes(NINGBO.read_bytes())
    (tmp_path / "list.txt").write_text("plans/a.txt\nplans/sub/b.txt\n", encoding="utf-8")
    return tmp_path


# The same two plans, named four ways.
WAYS = [
    ["plans"],
    ["plans/**/*.txt"],
    ["--from", "list.txt"],
    ["plans/a.txt", "plans/sub/b.txt"],
]


def _units_documents(r: subprocess.CompletedProcess[str]) -> set[str]:
    assert r.returncode == 0, r.stderr
    return {row["document"] for row in json.loads(r.stdout)["rows"]}


@pytest.mark.parametrize("way", WAYS, ids=["folder", "glob", "from", "files"])
def test_every_analysis_command_reads_the_plans_named_any_way(home: Path, way: list[str]) -> None:
    expected = {"plans/a.txt", "plans/sub/b.txt"}
    assert _units_documents(run(home, "units", *way)) == expected
    targets = run(home, "targets", *way, "--format", "json")
    assert targets.returncode == 0, targets.stderr
    assert {row["document"] for row in json.loads(targets.stdout)} <= expected
    net = run(home, "network", *way, "-o", "net")
    assert net.returncode == 0 and "policyparse: 2 documents, " in net.stderr, net.stderr
    out = home / "out.jsonl"
    assert run(home, "batch", *way, "-o", str(out), "--quiet").returncode == 0
    parsed = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert {r["source"]["path"] for r in parsed if "source" in r} == expected
    left = "left out 1 file (1 .png)"
    assert (left in targets.stderr) == (way == ["plans"])


def test_units_reads_a_batch_result_as_targets_and_network_do(home: Path) -> None:
    assert run(home, "batch", "plans", "-o", "out.jsonl", "--quiet").returncode == 0
    assert _units_documents(run(home, "units", "out.jsonl")) == {"plans/a.txt", "plans/sub/b.txt"}


@pytest.mark.parametrize("command", [[], ["view"]], ids=["parse", "view"])
def test_one_document_commands_take_a_folder_glob_or_list_naming_one_plan(
    home: Path, command: list[str]
) -> None:
    (home / "one.txt").write_text("one/only.txt\n", encoding="utf-8")
    outputs = []
    for way in (["one"], ["one/*.txt"], ["--from", "one.txt"], ["one/only.txt"]):
        r = run(home, *command, *way)
        assert r.returncode == 0, (way, r.stderr)
        outputs.append(r.stdout)
    assert len(set(outputs)) == 1  # the same document (the same page) each way
    via_stdin = run(home, *command, "--from", "-", stdin="one/only.txt\n")
    assert via_stdin.returncode == 0 and via_stdin.stdout == outputs[0]


@pytest.mark.parametrize(
    ("command", "advice"),
    [
        ([], "policyparse FILE reads one: policyparse batch reads many"),
        (["view"], "view shows one: policyparse batch PATHS --with-text -o out.jsonl, then"),
    ],
    ids=["parse", "view"],
)
def test_one_document_commands_name_the_command_for_many(
    home: Path, command: list[str], advice: str
) -> None:
    r = run(home, *command, "plans")
    assert r.returncode == 2
    assert r.stderr.startswith(
        f"policyparse{' view' if command else ''}: error: plans names 2 plans; "
    )
    assert advice in r.stderr and r.stderr.count("\n") == 1


def test_a_missing_file_is_an_error_for_analysis_commands(home: Path) -> None:
    for command in ("units", "targets"):
        r = run(home, command, "plans", "nowhere.txt")
        assert r.returncode == 2 and "nowhere.txt: no such file or folder" in r.stderr
