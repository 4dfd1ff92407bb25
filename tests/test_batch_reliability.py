"""Batch integrity: locks, resume over damaged output, dying and slow workers, signals, names.

Each case runs ``python -m policyparse batch`` in a subprocess and checks the exit
status, that messages are single lines without a traceback, and that no record
is lost or doubled (the paths in the JSONL against the inputs).  Slow and dying
workers come from the test hooks POLICYPARSE_TEST_HANG_ON and
POLICYPARSE_TEST_DIE_ON (src/policyparse/batch.py): a worker parsing a path that
holds the value sleeps for an hour, or kills itself with SIGKILL.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and /proc")

SOURCES = sorted(CORPUS.glob("*.txt"))


def batch(
    *args: str, env: dict[str, str] | None = None, **kw: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", "batch", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        **kw,
    )


def start(*args: str, env: dict[str, str] | None = None, **kw: Any) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "policyparse", "batch", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        **kw,
    )


def plans(tmp_path: Path, n: int = 8) -> list[str]:
    """*n* small plans in tmp_path/in: p0.txt …, copies of the corpus plans."""
    folder = tmp_path / "in"
    folder.mkdir()
    names = []
    for k in range(n):
        target = folder / f"p{k}.txt"
        shutil.copyfile(SOURCES[k % len(SOURCES)], target)
        names.append(str(target))
    return names


def record_paths(out: Path) -> list[str]:
    """The path of every record in *out*, in order (blank and foreign lines left out)."""
    paths = []
    for line in out.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and ("error" in record or "source" in record):
            paths.append(record["path"] if "error" in record else record["source"]["path"])
    return paths


def errors(out: Path) -> dict[str, str]:
    found = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if "error" in record:
            found[record["path"]] = record["error"]
    return found


def assert_clean(stderr: str) -> None:
    """No traceback, and every line one of ours."""
    assert "Traceback" not in stderr, stderr
    for line in stderr.splitlines():
        assert line.startswith(("policyparse", "failed:", "  ")), stderr


def children(pid: int) -> list[int]:
    """Live (not zombie) child processes of *pid*, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == pid and state != "Z":
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def wait_until(test: Callable[[], bool], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not test():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def lines(out: Path) -> int:
    return out.read_bytes().count(b"\n") if out.exists() else 0


@pytest.fixture(scope="module")
def interruptible() -> Callable[[], None]:
    """Child setup: SIGINT back to its default (a shell's `&` leaves it ignored)."""

    def setup() -> None:
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    return setup


@pytest.mark.slow
def test_a_second_batch_on_the_same_output_is_refused(tmp_path: Path) -> None:
    inputs = plans(tmp_path)
    out = tmp_path / "out.jsonl"
    first = start(str(tmp_path / "in"), "-o", str(out), "-j", "2", "--timeout", "0",
                  env={"POLICYPARSE_TEST_HANG_ON": "p5.txt"})  # fmt: skip
    try:
        wait_until(lambda: lines(out) == 5)  # p0-p4 written, p5 hangs: the lock is held
        for extra in ([], ["--resume"]):
            second = batch(str(tmp_path / "in"), "-o", str(out), *extra)
            assert second.returncode == 2
            assert second.stderr.count("\n") == 1 and "another policyparse batch" in second.stderr
            assert str(out) in second.stderr
            assert lines(out) == 5  # nothing truncated, nothing added
    finally:
        first.send_signal(signal.SIGTERM)
        _, stderr = first.communicate(timeout=30)
    assert first.returncode == 143, stderr
    r = batch(str(tmp_path / "in"), "-o", str(out), "--resume")
    assert r.returncode == 0, r.stderr
    assert record_paths(out) == inputs


@pytest.mark.slow
def test_resume_keeps_blank_foreign_and_duplicated_lines(tmp_path: Path) -> None:
    inputs = plans(tmp_path)
    out = tmp_path / "out.jsonl"
    assert batch(*inputs[:4], "-o", str(out), "--quiet").returncode == 0
    first, *rest = out.read_bytes().splitlines(keepends=True)
    damaged = first + b"\n" + b"".join(rest) + first + b'{"no": "path"}\nnot json\n'
    out.write_bytes(damaged + b'{"schema_version":"1.0","title":"torn')
    r = batch(*inputs, "-o", str(out), "--resume", "--quiet")
    assert r.returncode == 0, r.stderr
    assert_clean(r.stderr)
    note = r.stderr.splitlines()[0]
    assert note.startswith("policyparse: resume: ")
    for part in ("1 duplicated record", "1 blank line", "2 lines that are no records",
                 "torn last line"):  # fmt: skip
        assert part in note, note
    assert "4 files, 4 succeeded" in r.stderr and "4 already done" in r.stderr
    data = out.read_bytes()
    assert data.startswith(damaged)  # nothing deleted but the torn line
    got = record_paths(out)
    assert sorted(set(got)) == sorted(inputs) and len(got) == len(inputs) + 1  # the duplicate
    # Tables count each path once.
    r = batch(*inputs, "-o", str(tmp_path / "tables"), "--format", "csv", "--quiet")
    assert r.returncode == 0


def test_a_worker_killed_from_outside_gives_one_error_record(tmp_path: Path) -> None:
    inputs = plans(tmp_path)
    out = tmp_path / "out.jsonl"
    r = batch(*inputs, "-o", str(out), "-j", "2", env={"POLICYPARSE_TEST_DIE_ON": "p2.txt"})
    assert r.returncode == 0, r.stderr
    assert_clean(r.stderr)
    assert record_paths(out) == inputs
    assert errors(out) == {inputs[2]: "worker_died"}
    assert f"{inputs[2]} (worker_died)" in r.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_over_the_time_limit_gives_a_timeout_record(tmp_path: Path, jobs: str) -> None:
    inputs = plans(tmp_path, 4)
    out = tmp_path / "out.jsonl"
    began = time.monotonic()
    r = batch(*inputs, "-o", str(out), "-j", jobs, "--timeout", "1",
              env={"POLICYPARSE_TEST_HANG_ON": "p1.txt"})  # fmt: skip
    assert time.monotonic() - began < 30
    assert r.returncode == 0, r.stderr
    assert_clean(r.stderr)
    assert record_paths(out) == inputs
    assert errors(out) == {inputs[1]: "timeout"}


def test_workers_end_with_a_killed_parent(tmp_path: Path) -> None:
    plans(tmp_path)
    out = tmp_path / "out.jsonl"
    proc = start(str(tmp_path / "in"), "-o", str(out), "-j", "2", "--timeout", "0",
                 env={"POLICYPARSE_TEST_HANG_ON": "p5.txt"})  # fmt: skip
    wait_until(lambda: lines(out) == 5 and len(children(proc.pid)) == 2)
    workers = children(proc.pid)
    proc.kill()
    proc.communicate(timeout=10)  # stdout closes at once: no worker holds it
    wait_until(lambda: not any(alive(w) for w in workers), seconds=5)


@pytest.mark.parametrize(("how", "status", "word"), [
    (signal.SIGTERM, 143, "terminated (SIGTERM)"),
    (signal.SIGINT, 130, "interrupted"),
])  # fmt: skip
def test_a_signal_gives_the_summary_and_ends_the_workers(
    tmp_path: Path, how: int, status: int, word: str, interruptible: Callable[[], None]
) -> None:
    inputs = plans(tmp_path)
    out = tmp_path / "out.jsonl"
    proc = start(str(tmp_path / "in"), "-o", str(out), "-j", "2", "--timeout", "0",
                 env={"POLICYPARSE_TEST_HANG_ON": "p5.txt"}, preexec_fn=interruptible)  # fmt: skip
    wait_until(lambda: lines(out) == 5 and len(children(proc.pid)) == 2)
    workers = children(proc.pid)
    proc.send_signal(how)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == status, stderr
    assert_clean(stderr)
    last = stderr.splitlines()[-1]
    assert last.startswith("policyparse: 5 files, 5 succeeded") and word in last, stderr
    assert not any(alive(w) for w in workers)
    r = batch(str(tmp_path / "in"), "-o", str(out), "--resume")
    assert r.returncode == 0 and "3 files" in r.stderr and "5 already done" in r.stderr
    assert record_paths(out) == inputs


def test_control_characters_in_names_are_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = "x\n[ok] forged \x1b]0;pwned\x07.txt"
    (folder / name).write_bytes(b"")  # empty: it fails, and is listed
    shutil.copyfile(SOURCES[0], folder / "good.txt")
    out = tmp_path / "out.jsonl"
    r = batch(str(folder), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert_clean(r.stderr)
    assert "\x1b" not in r.stderr and "\x07" not in r.stderr
    assert "x\\n[ok] forged \\x1b]0;pwned\\x07.txt (empty)" in r.stderr
    assert sorted(record_paths(out)) == sorted([str(folder / name), str(folder / "good.txt")])
    one = subprocess.run([sys.executable, "-m", "policyparse", str(folder / name)],
                         capture_output=True, text=True)  # fmt: skip
    assert one.returncode == 2 and one.stderr.count("\n") == 1 and "\x1b" not in one.stderr


def test_a_file_name_that_is_no_utf8_keeps_its_record(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/" + "方案".encode("gbk") + b".txt"
    Path(os.fsdecode(raw)).write_bytes(SOURCES[0].read_bytes())
    good = [str(folder / f"p{k}.txt") for k in range(3)]
    for p in good:
        shutil.copyfile(SOURCES[1], p)
    out = tmp_path / "out.jsonl"
    r = batch(str(folder), "-o", str(out), "-j", "2")
    assert r.returncode == 0, r.stderr
    key = str(folder) + "/\\xb7\\xbd\\xb0\\xb8.txt"  # each byte that is no UTF-8 as \xNN
    assert sorted(record_paths(out)) == sorted([*good, key])
    assert not errors(out)
    r = batch(str(folder), "-o", str(out), "-j", "2", "--resume")
    assert r.returncode == 0 and "0 files" in r.stderr and "4 already done" in r.stderr


def test_control_characters_in_the_text_still_give_akoma_ntoso(tmp_path: Path) -> None:
    from lxml import etree

    plan = tmp_path / "plan.txt"
    plan.write_bytes(SOURCES[0].read_bytes().replace("。".encode(), b"\x01\x0b", 3))
    r = batch(str(plan), "-o", str(tmp_path / "akn"), "--format", "akn")
    assert r.returncode == 0, r.stderr
    [xml] = (tmp_path / "akn").glob("*.akn.xml")
    assert b"\x01" not in xml.read_bytes()
    etree.parse(str(xml))
    assert not errors(tmp_path / "akn" / "documents.jsonl")


def test_existing_names_with_brackets_are_taken_literally(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(SOURCES[0], folder / "plan[1].txt")
    shutil.copyfile(SOURCES[1], folder / "plan1.txt")
    literal = str(folder / "plan[1].txt")
    out = tmp_path / "out.jsonl"
    assert batch(literal, "-o", str(out)).returncode == 0
    assert record_paths(out) == [literal]
    listing = tmp_path / "list.txt"
    listing.write_text(literal + "\n", encoding="utf-8")
    assert batch("--from", str(listing), "-o", str(out)).returncode == 0
    assert record_paths(out) == [literal]
    # A pattern that names no file is still a glob.
    assert batch(str(folder / "plan?.txt"), "-o", str(out)).returncode == 0
    assert record_paths(out) == [str(folder / "plan1.txt")]


def test_an_output_inside_the_input_folder_is_not_read_back(tmp_path: Path) -> None:
    inputs = plans(tmp_path, 3)
    out = tmp_path / "in" / "out.txt"
    assert batch(str(tmp_path / "in"), "-o", str(out)).returncode == 0
    r = batch(str(tmp_path / "in"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "left out the output file" in r.stderr
    assert record_paths(out) == inputs


def test_a_planted_part_symlink_is_not_followed(tmp_path: Path) -> None:
    from policyparse.batch import akn_name

    [plan] = plans(tmp_path, 1)
    folder = tmp_path / "akn"
    folder.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    target = folder / akn_name(plan)
    os.symlink(victim, target.with_suffix(".part"))  # the name the writer used to use
    r = batch(plan, "-o", str(folder), "--format", "akn")
    assert r.returncode == 0, r.stderr
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert target.is_file() and not target.is_symlink()
    assert target.read_bytes().startswith(b"<?xml")
    assert not list(folder.glob(".akn-*.part"))


def test_a_binary_list_and_a_closed_stdout_give_one_line(tmp_path: Path) -> None:
    binary = tmp_path / "list.bin"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\xff\xfe")
    r = batch("--from", str(binary), "-o", str(tmp_path / "out.jsonl"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "not a list of paths" in r.stderr
    assert not (tmp_path / "out.jsonl").exists()
    one = subprocess.run(
        [sys.executable, "-m", "policyparse", str(SOURCES[0])],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),
    )
    assert one.returncode == 2 and one.stderr == (
        "policyparse: error: standard output is closed: give a file with -o\n"
    )


def test_every_error_code_is_in_the_closed_vocabulary() -> None:
    # A new InputError subclass with a code of its own must add it to vocab.ErrorCode
    # (and docs/exports.md), or its error records would say "error".
    from typing import get_args

    import policyparse.api  # noqa: F401  (loads the inputs and their exception classes)
    from policyparse.errors import PolicyParseError
    from policyparse.vocab import ErrorCode

    def family(cls: type[PolicyParseError]) -> list[type[PolicyParseError]]:
        return [cls] + [sub for c in cls.__subclasses__() for sub in family(c)]

    codes = {cls.code for cls in family(PolicyParseError)} - {"main_guard"}
    assert codes <= set(get_args(ErrorCode))
