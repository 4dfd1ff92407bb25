"""The command line as a user meets it: output, options, errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, REPO
from helpers import cli_without
from policyparse import SCHEMA_VERSION, __version__
from policyparse.cli import main

NINGBO = CORPUS / "ningbo-2025-consumption.txt"


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", *args], cwd=cwd, capture_output=True, timeout=60
    )


def test_prints_json_to_stdout() -> None:
    r = run(str(NINGBO))
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout.decode("utf-8"))
    assert doc["title"] == "大力提振和扩大消费专项行动实施方案"
    assert r.stdout.count(b"\n") == 1  # compact by default
    assert r.stderr == b""


def test_indent_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    assert main([str(NINGBO), "--indent", "2", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith('{\n  "schema_version": "' + SCHEMA_VERSION + '"')
    assert "宁波市人民政府办公厅" in text


def test_with_text_adds_the_decoded_text(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main([str(NINGBO), "--with-text"]) == 0
    doc = json.loads(capsysbinary.readouterr().out)
    text = doc["text"]
    first = doc["children"][2]
    assert text[first["span"][0] : first["span"][1]].startswith("一、实施居民增收促进行动")


def test_schema_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Document"
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"policyparse {__version__}"


def test_help_has_an_example() -> None:
    r = run("--help")
    assert r.returncode == 0
    assert b"policyparse corpus/ningbo-2025-consumption.txt" in r.stdout
    assert b"exit status" in r.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no/such/file.txt"], "no such file"),
        (["corpus"], "corpus names 4 plans; policyparse FILE reads one"),
        ([], "a FILE to parse is required"),
        (["--indent", "x", "plan.txt"], "argument --indent: 'x' is not a whole number"),
    ],
)
def test_errors_are_one_line_without_traceback(args: list[str], message: str) -> None:
    r = run(*args)
    assert r.returncode == 2
    err = r.stderr.decode("utf-8")
    assert message in err
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("policyparse: error:")


def test_unreadable_bytes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x81\x30\xff\xfe\xfd plan")
    r = run(str(bad))
    assert r.returncode == 2
    assert "not valid utf-8 or gb18030" in r.stderr.decode()
    r = run(str(bad), "--replace-errors")
    assert r.returncode == 0
    doc = json.loads(r.stdout)
    assert next(d["code"] for d in doc["diagnostics"]) == "replaced_bytes"


def test_json_output_builds_no_model(tmp_path: Path) -> None:
    code = (
        "import sys; from policyparse.cli import main; "
        f"main([{str(NINGBO)!r}, '-o', {str(tmp_path / 'o.json')!r}]); "
        "print('policyparse.model.document' in sys.modules)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "False"


def _piped(stdin: bytes, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", *args],
        cwd=REPO,
        input=stdin,
        capture_output=True,
        timeout=60,
    )


def test_standard_input_gives_the_same_document() -> None:
    from_file = json.loads(run(str(NINGBO)).stdout)
    r = _piped(NINGBO.read_bytes(), "-")
    assert r.returncode == 0, r.stderr
    from_stdin = json.loads(r.stdout)
    assert from_stdin["source"]["path"] is None
    assert from_stdin["source"]["sha256"] == from_file["source"]["sha256"]
    del from_stdin["source"], from_file["source"]
    assert from_stdin == from_file


def test_standard_input_for_every_format_and_explain(tmp_path: Path) -> None:
    raw = NINGBO.read_bytes()
    assert b"<akomaNtoso" in _piped(raw, "-", "--format", "akn").stdout
    assert b"quantity" in _piped(raw, "-", "--explain").stdout
    r = _piped(raw, "-", "--format", "csv", "-o", str(tmp_path / "t"))
    assert r.returncode == 0 and (tmp_path / "t" / "targets.csv").is_file()


def test_standard_input_over_the_limit_is_one_line() -> None:
    r = _piped(b"x" * 2_000_000, "-", "--max-mb", "1")
    assert r.returncode == 2
    assert r.stderr.decode().strip() == (
        "policyparse: error: standard input: over the 1 MB limit "
        "(raise it with --max-mb or max_bytes=)"
    )


def test_batch_reads_paths_from_standard_input(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    paths = f"{NINGBO}\n\n{NINGBO.with_name('synthetic-chapters.txt')}\n".encode()
    r = _piped(paths, "batch", "--from", "-", "-o", str(out), "-j", "1", "--quiet")
    assert r.returncode == 0, r.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_help_lists_every_command() -> None:
    r = run("--help")
    assert r.returncode == 0
    for command in ("parse", "units", "batch"):
        assert f"    {command} " in r.stdout.decode()


def test_options_may_come_before_the_command() -> None:
    r = run("--indent", "2", "units", str(NINGBO))
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().startswith('{\n  "rows"')


def test_a_misspelt_command_gets_a_suggestion() -> None:
    r = run("unit", str(NINGBO))
    assert r.returncode == 2
    assert r.stderr.decode().strip() == (
        "policyparse: error: unit: no such file or command (did you mean units?)"
    )


def test_parse_is_the_command_when_none_is_named() -> None:
    assert run("parse", str(NINGBO)).stdout == run(str(NINGBO)).stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["batch", "corpus", "-o", "x.jsonl", "-j", "0"],
            "argument -j/--jobs: 0 is not at least 1",
        ),
        (
            ["batch", "corpus", "-o", "x.jsonl", "-j", "-3"],
            "argument -j/--jobs: -3 is not at least 1",
        ),
        (["--max-mb", "-1", "x.txt"], "argument --max-mb: -1 is not a size above 0"),
        (["--max-mb", "nan", "x.txt"], "argument --max-mb: nan is not a size above 0"),
        (["--max-mb", "inf", "x.txt"], "argument --max-mb: inf is not a size above 0"),
        (["--indent", "-4", "x.txt"], "argument --indent: -4 is negative"),
        (["x.txt", "--format", "csv", "--indent", "2", "-o", "t"], "--indent applies to JSON"),
        (
            ["x.txt", "--format", "csv", "-o", "targets.csv"],
            "-o targets.csv looks like a file name",
        ),
        (["batch", "corpus", "--format", "csv", "-o", "t.csv"], "-o t.csv looks like a file name"),
    ],
)
def test_meaningless_options_are_refused(args: list[str], message: str) -> None:
    r = run(*args)
    assert r.returncode == 2
    assert message in r.stderr.decode()


def test_warnings_are_counted_and_listed_with_v(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("一、甲\n二、乙\n二、乙又一次\n四、丁\n", encoding="utf-8")
    quiet = run(str(plan))
    assert quiet.returncode == 0
    assert quiet.stderr.decode().strip() == f"policyparse: {plan}: 2 warnings (-v lists them)"
    loud = run(str(plan), "-v").stderr.decode().splitlines()
    assert f"{plan}:3:1: warning: numbering_repeat: number 2 repeats; kept as text" in loud
    assert f"{plan}:4:1: warning: numbering_gap: numbering jumps from 2 to 4" in loud


def test_batch_names_failed_files_and_unsupported_formats(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a.txt").write_bytes(NINGBO.read_bytes())
    (folder / "b.shtml").write_bytes(NINGBO.read_bytes())  # a web page, walked like .html
    (folder / "c.pdf").write_bytes(b"%PDF-1.4")  # read like any input: here a damaged one
    (folder / "d.txt").write_bytes(b"")
    (folder / "e.ofd").write_bytes(b"PK")
    out = tmp_path / "out.jsonl"
    r = run("batch", str(folder), "-o", str(out), "-j", "1")
    err = r.stderr.decode()
    assert r.returncode == 0, err
    assert "left out 1 file (1 .ofd); policyparse cannot read .rtf, .xls, .xlsx or .ofd" in err
    assert f"failed:\n  {folder / 'c.pdf'} (bad_format)\n  {folder / 'd.txt'} (empty)" in err
    assert "4/4 files" in err and "elapsed, ETA" in err  # a line even when stderr is a pipe
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5  # the .ofd is accounted for: a skipped record, first
    assert records[0]["path"] == str(folder / "e.ofd")
    assert records[0]["skipped"] == "unsupported_format"


def test_parquet_without_pyarrow_fails_before_parsing(tmp_path: Path) -> None:
    r = subprocess.run(
        [
            *cli_without("pyarrow"),
            "batch",
            str(CORPUS),
            "--format",
            "parquet",
            "-o",
            str(tmp_path / "t"),
        ],
        capture_output=True,
        timeout=60,
    )
    assert r.returncode == 2
    assert (
        r.stderr.decode().strip()
        == "policyparse: error: --format parquet needs pyarrow: pip install pyarrow"
    )


def test_json_and_jsonl_are_the_same_word_for_every_command(tmp_path: Path) -> None:
    plain = run(str(NINGBO))
    one_line = run(str(NINGBO), "--format", "jsonl")
    assert one_line.returncode == 0 and one_line.stdout == plain.stdout
    out = tmp_path / "out.jsonl"
    r = run("batch", str(NINGBO), "--format", "json", "-o", str(out), "--quiet")
    assert r.returncode == 0, r.stderr
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["title"] == json.loads(plain.stdout)["title"]
