"""parse_many under the "spawn" start method (macOS, Windows): scripts as users write them.

Each script runs in a fresh interpreter with the start method forced, so the
workers really import it again; in-process tests could not see that.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, REPO

PLANS = [str(CORPUS / "ningbo-2025-consumption.txt"), str(CORPUS / "synthetic-chapters.txt")]

HEAD = f"""\
import multiprocessing
import policyparse

PATHS = {PLANS!r} + ["no/such.txt"]
"""


def run(tmp_path: Path, body: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "plans_script.py"
    script.write_text(HEAD + body, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script)], cwd=REPO, capture_output=True, text=True, timeout=120
    )


def test_guarded_script_runs_under_spawn(tmp_path: Path) -> None:
    r = run(
        tmp_path,
        """
def main():
    for result in policyparse.parse_many(PATHS, workers=2):
        print(type(result).__name__, getattr(result, "title", None) or result.error)


if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    main()
""",
    )
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["Document", "Document", "ErrorRecord"]
    assert (
        lines[0] == "Document 大力提振和扩大消费专项行动实施方案"
        and lines[2] == "ErrorRecord not_found"
    )
    assert r.stderr == ""


def _one_error(stderr: str) -> str:
    """The last line of stderr, after checking it holds one traceback and nothing else."""
    assert stderr.count("Traceback") == 1, stderr
    assert "BrokenProcessPool" not in stderr and "bootstrapping phase" not in stderr, stderr
    return stderr.strip().splitlines()[-1]


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_unguarded_script_gets_one_clear_error_before_any_worker(
    tmp_path: Path, method: str
) -> None:
    # The script as first written: everything at top level, the start method too.
    r = run(
        tmp_path,
        f"""
multiprocessing.set_start_method({method!r})
print("top level ran")
for result in policyparse.parse_many(PATHS, workers=2):
    print(result)
""",
    )
    assert r.returncode == 1
    assert r.stdout == "top level ran\n"  # once: no worker ran the script again
    last = _one_error(r.stderr)
    assert last.startswith("policyparse.errors.MainGuardError: ")
    assert "plans_script.py, line 8 calls parse_many outside" in last
    assert 'under `if __name__ == "__main__":`' in last and "workers=1" in last
    assert f'"{method}" start method' in last


def test_unguarded_call_inside_another_if_stops_the_workers_quietly(tmp_path: Path) -> None:
    # An `if` is taken for a guard before the workers start; the workers, which
    # run the script again, find themselves asked for workers and end quietly.
    r = run(
        tmp_path,
        """
multiprocessing.set_start_method("spawn", force=True)  # unforced, it fails in the workers
if PATHS:
    for result in policyparse.parse_many(PATHS, workers=2):
        print(result)
""",
    )
    assert r.returncode == 1
    assert r.stdout == ""
    last = _one_error(r.stderr)
    assert last.startswith("policyparse.errors.MainGuardError: the worker processes ended")
    assert "plans_script.py again first" in last and "workers=1" in last


def test_unguarded_script_with_one_worker_starts_nothing(tmp_path: Path) -> None:
    r = run(
        tmp_path,
        """
multiprocessing.set_start_method("spawn")
print(sum(isinstance(r, policyparse.Document) for r in policyparse.parse_many(PATHS, workers=1)))
""",
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout == "2\n"


def test_main_guard_error_is_a_policyparse_error() -> None:
    import policyparse

    assert issubclass(policyparse.MainGuardError, policyparse.PolicyParseError)
    assert policyparse.MainGuardError.code == "main_guard"
