"""Batch runs over a corpus: order, bad files, exit statuses, resume after a kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import policyparse
from conftest import CORPUS, SHARED
from policyparse.batch import done_paths, expand

PLANS = sorted(str(p) for p in CORPUS.glob("*.txt"))


def batch(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", "batch", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


def records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _path(record: dict[str, object]) -> str:
    if "error" in record:
        return str(record["path"])
    source = record["source"]
    assert isinstance(source, dict)
    return str(source["path"])


def test_expand_files_folders_and_globs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("一、甲", encoding="utf-8")
    (tmp_path / "a" / "y.html").write_text("<p>一、甲</p>", encoding="utf-8")
    (tmp_path / "a" / "notes.md").write_text("#", encoding="utf-8")
    (tmp_path / "b.docx").write_bytes(b"")
    got = list(
        expand([str(tmp_path / "a"), str(tmp_path / "*.docx"), str(tmp_path / "a" / "x.txt")])
    )
    assert got == [
        str(tmp_path / "a" / "x.txt"),
        str(tmp_path / "a" / "y.html"),
        str(tmp_path / "b.docx"),
    ]


def test_jsonl_in_input_order_with_error_records(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = tmp_path / "out.jsonl"
    r = batch(*PLANS, str(bad), str(tmp_path / "missing.txt"), "-o", str(out), "-j", "2")
    assert r.returncode == 0, r.stderr
    recs = records(out)
    assert [_path(x) for x in recs] == [*PLANS, str(bad), str(tmp_path / "missing.txt")]
    assert recs[-2]["error"] == "binary" and recs[-1]["error"] == "not_found"
    doc = policyparse.Document.model_validate(
        recs[PLANS.index(str(CORPUS / "ningbo-2025-consumption.txt"))]
    )
    assert doc.title == "大力提振和扩大消费专项行动实施方案"
    lines = r.stderr.strip().splitlines()
    summary = lines[-4]
    assert summary.startswith(
        f"policyparse: {len(PLANS) + 2} files, {len(PLANS)} succeeded, 2 failed, "
    )
    assert summary.endswith("MB/s")
    assert lines[-3:] == [
        "failed:",
        f"  {bad} (binary)",
        f"  {tmp_path / 'missing.txt'} (not_found)",
    ]


def test_strict_and_nothing_parsed(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert batch(str(bad), "-o", str(out)).returncode == 2  # nothing could be parsed
    assert batch(PLANS[0], str(bad), "-o", str(out)).returncode == 0
    assert batch(PLANS[0], str(bad), "-o", str(out), "--strict").returncode == 1
    r = batch(str(tmp_path / "empty-folder-*"), "-o", str(out))
    assert r.returncode == 2 and "no plans found in" in r.stderr


def test_parse_many_in_order() -> None:
    results = list(policyparse.parse_many([*PLANS, "no/such.txt"], workers=2))
    docs = [r for r in results if isinstance(r, policyparse.Document)]
    assert [d.source.path for d in docs] == PLANS
    assert isinstance(results[-1], policyparse.ErrorRecord) and results[-1].error == "not_found"


def test_resume_drops_a_torn_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert batch(*PLANS[:2], "-o", str(out)).returncode == 0
    with out.open("ab") as fh:
        fh.write(b'{"schema_version":"1.0","title":"torn')
    assert done_paths(out) == set(PLANS[:2])
    assert out.read_bytes().endswith(b"}\n")
    r = batch(*PLANS, "-o", str(out), "--resume")
    assert r.returncode == 0
    assert [_path(x) for x in records(out)] == PLANS
    assert f"{len(PLANS) - 2} files" in r.stderr and "2 already done" in r.stderr


@pytest.mark.slow
def test_resume_after_kill_loses_and_doubles_nothing(tmp_path: Path) -> None:
    if not SHARED.is_dir():
        pytest.skip(f"reference corpus not found: {SHARED}")
    files = sorted(str(p) for p in (SHARED / "govcn-2019").glob("*.html"))
    files += sorted(str(p) for p in (SHARED / "plans").glob("*.txt"))
    # The same corpus many times over under distinct names, so the run lasts long enough to kill.
    corpus = tmp_path / "corpus"
    for k in range(8):
        folder = corpus / f"copy{k}"
        folder.mkdir(parents=True)
        for f in files:
            os.symlink(f, folder / Path(f).name)
    expected = list(expand([str(corpus)]))
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "policyparse", "batch", str(corpus), "-o", str(out), "-j", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if out.exists() and out.stat().st_size > 200_000:
            break
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    before = len(done_paths(out))
    assert 0 < before < len(expected), "the run should have been stopped midway"
    r = batch(str(corpus), "-o", str(out), "-j", "2", "--resume")
    assert r.returncode == 0, r.stderr
    got = [_path(x) for x in records(out)]
    assert got == expected[:before] + [p for p in expected if p not in set(expected[:before])]
    assert sorted(got) == sorted(expected) and len(got) == len(set(got))


def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    # Without a terminal: no bar, but a plain progress line (every 10 s, and at the end).
    r = batch(PLANS[0], "-o", str(tmp_path / "o.jsonl"))
    assert "\r[" not in r.stderr
    progress, summary = r.stderr.splitlines()
    assert progress.startswith("policyparse: 1/1 file, ") and "elapsed, ETA" in progress
    assert summary.startswith("policyparse: 1 file, 1 succeeded")
    quiet = batch(PLANS[0], "-o", str(tmp_path / "q.jsonl"), "--quiet")
    assert quiet.stderr.count("\n") == 1


def test_parse_pickles_and_jieba_loads_once_per_process() -> None:
    import pickle

    assert pickle.loads(pickle.dumps(policyparse.parse)) is policyparse.parse
    assert pickle.loads(pickle.dumps(policyparse.parse_file)) is policyparse.parse_file
    code = (
        "import policyparse; from policyparse.text import tokenizer; "
        f"[policyparse.parse_file(p) for p in {PLANS!r} * 3]; "
        "print(tokenizer._tokenizer.cache_info().misses)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "1"
