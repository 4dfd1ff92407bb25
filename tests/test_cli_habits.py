"""The habits of a command line people like: the option meant for a mistyped one, shell
completion, a progress line that fits the terminal, messages in plain English (1 file,
four tables)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from conftest import CORPUS
from policyparse.batch import Progress

NINGBO = CORPUS / "ningbo-2025-consumption.txt"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", *args],
        cwd=cwd,
        capture_output=True,
        encoding="utf-8",
        timeout=300,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["batch", "corpus/", "--outptu", "x.jsonl"],
            "unrecognized option --outptu (did you mean --output?)",
        ),
        ([str(NINGBO), "--fromat", "csv"], "unrecognized option --fromat (did you mean --format?)"),
        (["--fromat=csv", str(NINGBO)], "unrecognized option --fromat (did you mean --format?)"),
        (
            ["targets", str(NINGBO), "--yaer", "2025"],
            "unrecognized option --yaer (did you mean --year?)",
        ),
        (
            ["units", str(NINGBO), "--role", "lead"],
            "unrecognized option --role (an option of policyparse targets)",
        ),
        (
            ["view", str(NINGBO), "--zzz"],
            "unrecognized option --zzz (policyparse view --help lists the options)",
        ),
        (
            [str(NINGBO), "--format", "cvs"],
            "invalid choice: 'cvs' (choose from 'json', 'csv', 'parquet', 'akn', 'html') (did you mean csv?)",
        ),
        (["bacth", "corpus/"], "bacth: no such file or command (did you mean batch?)"),
    ],
)
def test_a_mistyped_option_gets_the_one_meant(args: list[str], message: str) -> None:
    r = run(*args)
    assert r.returncode == 2
    assert message in r.stderr and r.stderr.count("\n") == 1, r.stderr


def test_options_as_argparse_takes_them_are_not_refused() -> None:
    # abbreviations, values attached, negative numbers and - for standard input
    r = subprocess.run(
        [sys.executable, "-m", "policyparse", "--form", "json", "--indent=2", "-"],
        input=NINGBO.read_bytes(),
        capture_output=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    batch = run("batch", "-j1", "--timeout=0", str(NINGBO), "-o", os.devnull, "--quiet")
    assert batch.returncode == 0, batch.stderr


def _complete(script: str, words: list[str]) -> list[str]:
    """What bash offers for the last of *words*, with the script loaded."""
    line = " ".join(f"'{w}'" for w in words)
    probe = (
        f"{script}\nCOMP_WORDS=({line}); COMP_CWORD={len(words) - 1}; _policyparse\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    r = subprocess.run(
        ["bash", "--norc", "-c", probe], capture_output=True, text=True, check=True, cwd=CORPUS
    )
    return r.stdout.split()


@pytest.mark.skipif(
    not Path("/bin/bash").exists() and not Path("/usr/bin/bash").exists(), reason="no bash"
)
def test_bash_completion_from_the_parsers() -> None:
    r = run("--completion", "bash")
    assert r.returncode == 0
    script = r.stdout
    assert subprocess.run(["bash", "-n"], input=script, text=True).returncode == 0
    assert "complete -o filenames -F _policyparse policyparse" in script
    assert _complete(script, ["policyparse", "ba"]) == ["batch"]
    assert "--format" in _complete(script, ["policyparse", "batch", "--fo"])
    assert _complete(script, ["policyparse", "batch", "x", "--format", ""]) == [
        "jsonl",
        "csv",
        "parquet",
        "akn",
    ]
    assert _complete(script, ["policyparse", "--schema", ""]) == ["document", "record", "tables"]
    # with no command named, the options are parse's
    assert set(_complete(script, ["policyparse", "plan.txt", "--ex"])) == {"--explain"}
    assert "--totals" in _complete(script, ["policyparse", "units", "--"])
    # plain words: file names (and the commands, first)
    assert "ningbo-2025-consumption.txt" in _complete(script, ["policyparse", "ning"])
    assert _complete(script, ["policyparse", "targets", "x.txt", "--role", "co"]) == ["cooperating"]
    assert _complete(script, ["policyparse", "batch", "-j", ""]) == []  # a number to type


def test_zsh_completion_runs_the_bash_script_through_bashcompinit() -> None:
    r = run("--completion", "zsh")
    assert r.returncode == 0
    assert "autoload -U +X bashcompinit && bashcompinit" in r.stdout
    assert "_policyparse()" in r.stdout
    assert subprocess.run(["bash", "-n"], input=r.stdout, text=True).returncode == 0


def test_the_readme_shows_completion() -> None:
    readme = (CORPUS.parent / "README.md").read_text("utf-8")
    assert 'eval "$(policyparse --completion bash)"' in readme


@pytest.mark.parametrize("columns", [40, 60, 80, 200])
def test_the_progress_line_fits_the_terminal(columns: int) -> None:
    progress = Progress(1000, True, terminal=True)
    progress.done, progress.failed, progress.bytes = 999, 123, 10**9
    line = progress.bar_line(columns)
    assert len(line) == columns - 1  # padded over a longer line before, never wrapped
    assert line.startswith("999/1000 files, ") or line.startswith("[")
    if columns >= 60:
        assert "123 failed" in line and "ETA 0:" in line
    if columns == 200:
        assert line.startswith("[" + "#" * 29 + ".] 999/1000 files, ") and "elapsed" in line


def test_progress_on_a_60_column_terminal_never_wraps(tmp_path: Path) -> None:
    """The batch itself, its standard error a 60-column terminal (standard output not)."""
    plans = tmp_path / "plans"
    plans.mkdir()
    for k in range(6):
        (plans / f"p{k}.txt").write_bytes(NINGBO.read_bytes())
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 60, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "policyparse", "batch", "plans", "-o", "out.jsonl", "-j", "1"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            break
        try:
            data = os.read(master, 4096)
        except OSError:  # the other end closed (Linux: EIO)
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=60) == 0
    text = b"".join(chunks).decode("utf-8")
    segments = [seg for line in text.split("\n") for seg in line.split("\r")]
    bars = [seg for seg in segments if " files, " in seg and not seg.startswith("policyparse")]
    assert bars and all(len(seg) <= 59 for seg in bars), bars
    assert "6/6 files" in bars[-1]
    assert "policyparse: 6 files, 6 succeeded" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [str(NINGBO), "--format", "csv"],
            "--format csv writes four tables (documents, targets, nodes, units): give a folder with -o",
        ),
        (
            [str(NINGBO), "--format", "csv", "-o", "t.csv"],
            "-o t.csv looks like a file name; the four tables of --format csv go into a folder",
        ),
        (
            ["batch", str(NINGBO), "--format", "akn", "-o", "x.xml"],
            "the XML files of --format akn go into a folder",
        ),
    ],
)
def test_messages_count_right(args: list[str], message: str, tmp_path: Path) -> None:
    r = run(*args, cwd=tmp_path)
    assert r.returncode == 2 and message in r.stderr, r.stderr


def test_one_of_a_thing_is_singular(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.txt").write_bytes(NINGBO.read_bytes())
    (plans / "a.ofd").write_bytes(b"PK")
    r = run("batch", "plans", "-o", "out.jsonl", cwd=tmp_path)
    assert "left out 1 file (1 .ofd)" in r.stderr
    assert "policyparse: 1 file, 1 succeeded, 0 failed, 1 left out," in r.stderr
    r = run("report", "out.jsonl", "-o", "r.html", cwd=tmp_path)
    assert "policyparse: 1 document, 0 failed, 1 left out" in r.stderr
    plan = tmp_path / "one.txt"
    plan.write_text("一、目标\n到2025年，新增就业1万人。（责任单位：市人社局）\n", encoding="utf-8")
    r = run("targets", str(plan), cwd=tmp_path)
    assert r.stdout.rstrip().endswith("(1 target)")
    r = run("network", str(plan), "-o", "net", cwd=tmp_path)
    assert "policyparse: 1 document, 1 unit, 0 edges" in r.stderr, r.stderr
