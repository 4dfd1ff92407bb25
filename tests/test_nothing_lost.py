"""Hostile inputs met through the command line: each gives a result or exit 2 with one line.

Each case runs ``policyparse`` in a subprocess, as a user meets it: boxes that
crashed the outline, numbers past a float, endless inputs, planted symlinks,
closed streams, options at absurd values.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "policyparse"]


def run(
    *args: str | Path, stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def one_line(proc: subprocess.CompletedProcess[str]) -> str:
    """The one line a refused input prints (exit 2, no traceback)."""
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


PLAN = (
    "某市实施方案\n一、目标\n到2025年，新增就业5万人。\n二、任务\n"
    "（一）促进就业。推进服务。（责任单位：市商务局）\n"
)


# -- boxes -------------------------------------------------------------------------------

BOX_CRASH = "专栏1　应用工程。鼓励企业上云。\n数字化转型。\n专栏2　服务化延伸。\n"
BOX_DUP = (
    "（一）推进工业互联网建设。\n专栏1　个性化定制。到2025年培育标杆企业10家。"
    "（责任单位：省工信厅）\n数字化转型加快。\n专栏2　服务化延伸。\n"
)


def test_box_paragraph_box_parses(tmp_path: Path) -> None:
    plan = tmp_path / "box_crash.txt"
    plan.write_text(BOX_CRASH, encoding="utf-8")
    proc = run(plan)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert [n["path"] for n in doc["children"]] == ["B1", "B2"]
    assert doc["children"][0]["text"].endswith("数字化转型。")


def test_a_box_in_a_measure_is_counted_once(tmp_path: Path) -> None:
    plan = tmp_path / "box_dup.txt"
    plan.write_text(BOX_DUP, encoding="utf-8")
    proc = run("units", plan, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = [line for line in proc.stdout.splitlines()[1:] if line]
    assert len(rows) == 1 and ",§1.B1," in rows[0], rows
    doc = json.loads(run(plan).stdout)
    (measure,) = doc["children"]
    assert measure["text"] == "推进工业互联网建设。"
    assert [b["path"] for b in measure["children"]] == ["1.B1", "1.B2"]


def test_an_attachment_after_an_attachments_heading_is_a_second_one(tmp_path: Path) -> None:
    plan = tmp_path / "att.txt"
    plan.write_text("附件\n1.名单\n附件2.表格\n", encoding="utf-8")
    doc = json.loads(run(plan).stdout)
    assert [(n["path"], n["title"]) for n in doc["children"]] == [("A1", None), ("A2", "表格")]
    assert [c["path"] for c in doc["children"][0]["children"]] == ["A1.1"]


# -- numbers past a float --------------------------------------------------------------

HUGE = (
    "一、目标\n到2025年，新增就业"
    + "9" * 400
    + "万人。\n（一）促进就业。到2025年，新增就业5万人。\n"
)


def test_a_number_past_a_float_is_text_with_a_warning(tmp_path: Path) -> None:
    plan = tmp_path / "inf.txt"
    plan.write_text(HUGE, encoding="utf-8")
    proc = run(plan)
    assert proc.returncode == 0, proc.stderr
    assert '"value":null' not in proc.stdout.replace(" ", "")
    doc = json.loads(proc.stdout)
    assert [d["code"] for d in doc["diagnostics"]] == ["number_too_large"]
    from policyparse import Document

    assert Document.model_validate_json(proc.stdout).diagnostics[0].code == "number_too_large"
    for args in (("--format", "csv", "-o", tmp_path / "tables"), ("--format", "akn")):
        assert run(plan, *args).returncode == 0
    assert run("view", plan, "-o", tmp_path / "v.html").returncode == 0


def test_a_batch_with_a_huge_number_keeps_the_document_in_its_tables(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "inf.txt").write_text(HUGE, encoding="utf-8")
    (tmp_path / "in" / "ok.txt").write_text(HUGE.replace("9" * 400, "9"), encoding="utf-8")
    proc = run("batch", tmp_path / "in", "--format", "csv", "-o", tmp_path / "out", "-j", "1")
    assert proc.returncode == 0, proc.stderr
    documents = (tmp_path / "out" / "documents.csv").read_text(encoding="utf-8-sig")
    assert "inf.txt" in documents and "ok.txt" in documents


def test_a_record_with_infinity_is_skipped_by_report(tmp_path: Path) -> None:
    plan = tmp_path / "ok.txt"
    plan.write_text(HUGE.replace("9" * 400, "9"), encoding="utf-8")
    good = run(plan).stdout.strip()
    bad = good.replace('"value":9.0', '"value":Infinity', 1).replace("ok.txt", "bad.txt")
    nan = good.replace('"value":9.0', '"value":NaN', 1).replace("ok.txt", "nan.txt")
    assert "Infinity" in bad and "NaN" in nan
    jsonl = tmp_path / "out.jsonl"
    jsonl.write_text(f"{good}\n{bad}\n{nan}\n", encoding="utf-8")
    proc = run("report", jsonl, "-o", tmp_path / "report.html", "--no-views")
    assert proc.returncode == 0, proc.stderr
    assert "1 document," in proc.stderr, proc.stderr


# -- options at absurd values, closed streams, symlink loops, workers ------------------


def test_absurd_option_values_are_usage_errors(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    for args in (
        ("batch", plan, "-o", out, "--timeout", "1e10"),
        ("batch", plan, "-o", out, "-j", "100000"),
        (plan, "--max-mb", "1e300"),
        (plan, "--indent", "100000"),
    ):
        assert "is more than" in one_line(run(*args))


def test_closed_standard_input_is_one_line(tmp_path: Path) -> None:
    proc = subprocess.run(
        [*CLI, "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=lambda: os.close(0),
    )
    assert "standard input is closed" in one_line(proc)


def test_batch_with_standard_error_closed_still_writes(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [*CLI, "batch", str(plan), "-o", str(out), "-j", "1"],
        stdout=subprocess.PIPE,
        timeout=120,
        preexec_fn=lambda: os.close(2),
    )
    assert proc.returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["source"]["path"] == str(plan)


def test_a_symlink_loop_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert "symlink loop" in one_line(run(tmp_path / "a.txt"))
    (tmp_path / "c.txt").symlink_to(tmp_path / "gone.txt")
    assert "does not exist" in one_line(run(tmp_path / "c.txt"))


def test_explain_escapes_terminal_sequences(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN.replace("促进就业", "促进\x1b]0;owned\x07就业\x1b[2J"), encoding="utf-8")
    proc = run(plan, "--explain")
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout
    assert "\\x1b]0;owned\\x07" in proc.stdout


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError):
            out |= {int(c) for c in (task / "children").read_text().split()}
    return out


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc")
def test_never_more_workers_than_files(tmp_path: Path) -> None:
    for name in ("a.txt", "hang.txt"):
        (tmp_path / name).write_text(PLAN, encoding="utf-8")
    env = {**os.environ, "POLICYPARSE_TEST_HANG_ON": "hang"}
    proc = subprocess.Popen(
        [*CLI, "batch", str(tmp_path / "a.txt"), str(tmp_path / "hang.txt"), "-o",
         str(tmp_path / "out.jsonl"), "-j", "200", "--timeout", "4", "--quiet"],
        env=env, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    most = 0
    try:
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and proc.poll() is None:
            most = max(most, len(_children(proc.pid)))
            time.sleep(0.1)
    finally:
        proc.wait(60)
    assert 1 <= most <= 2, most


# -- endless inputs ----------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_lists_gazetteers_and_results_are_refused(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert "not a list of paths" in one_line(run("batch", "--from", "/dev/zero", "-o", out))
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run(
            [*CLI, "batch", "--from", "-", "-o", str(out)],
            stdin=zero, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert "not a list of paths" in one_line(proc)
    assert "not a gazetteer" in one_line(run(plan, "--gazetteer", "/dev/zero"))
    assert "not a regular file" in one_line(run("report", "/dev/zero", "-o", tmp_path / "r.html"))


# -- CSV formula escaping -------------------------------------------------------------


def test_units_csv_escapes_the_joined_targets(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text("一、目标\n（一）促进就业。=新增就业5万人。（责任单位：市商务局）\n", "utf-8")
    proc = run("units", plan, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    (row,) = proc.stdout.splitlines()[1:]
    assert ",'=" in row and ",=" not in row.replace(",'=", ""), row


def test_csv_escaping_reads_back_exactly(tmp_path: Path) -> None:
    from policyparse import frames, parse_file, read_tables

    plan = tmp_path / "plan.txt"
    titles = ["'=SUM(1)", "=SUM(2)", "'引号", "''两个", "'"]
    plan.write_text(
        "".join(f"{n}、{t}\n推进工作。\n" for n, t in zip("一二三四五", titles, strict=True)),
        "utf-8",
    )
    assert run(plan, "--format", "csv", "-o", tmp_path / "t").returncode == 0
    back = read_tables(tmp_path / "t")["nodes"]
    assert list(back["title"]) == list(frames(parse_file(plan))["nodes"]["title"]) == titles


# -- planted symlinks and tables written at the end --------------------------------------


def _batch_folder(tmp_path: Path, fmt: str) -> tuple[Path, Path]:
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    (src / "plan.txt").write_text(PLAN, encoding="utf-8")
    return src, tmp_path / f"out-{fmt}"


def test_planted_links_in_an_output_folder_are_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    src, out = _batch_folder(tmp_path, "csv")
    out.mkdir()
    for name in ("targets.csv", "units.csv"):
        (out / name).symlink_to(victim)
    assert run("batch", src, "--format", "csv", "-o", out, "-j", "1").returncode == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (out / "targets.csv").is_symlink()
    # documents.jsonl: refused, not written through
    (out / "documents.jsonl").unlink()
    (out / "documents.jsonl").symlink_to(victim)
    assert "symbolic link" in one_line(run("batch", src, "--format", "csv", "-o", out))
    assert victim.read_text(encoding="utf-8") == "keep me"
    # one plan's tables, and the report's views
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "nodes.csv").symlink_to(victim)
    assert run(src / "plan.txt", "--format", "csv", "-o", tables).returncode == 0
    jsonl = tmp_path / "r.jsonl"
    assert run("batch", src, "-o", jsonl, "--with-text", "-j", "1").returncode == 0
    (tmp_path / "report_files").mkdir()
    (tmp_path / "report_files" / "plan.html").symlink_to(victim)  # the view of plan.txt
    assert run("report", jsonl, "-o", tmp_path / "report.html").returncode == 0
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert "<html" in (tmp_path / "report_files" / "plan.html").read_text(encoding="utf-8")


def test_tables_are_replaced_whole_and_stale_ones_are_marked(tmp_path: Path) -> None:
    src, out = _batch_folder(tmp_path, "csv")
    assert run("batch", src, "--format", "csv", "-o", out, "-j", "1").returncode == 0
    assert not (out / "TABLES-STALE").exists()
    before = (out / "targets.csv").read_bytes()
    # a run stopped before its tables are written leaves the old ones, marked stale
    (src / "hang.txt").write_text(PLAN, encoding="utf-8")
    env = {**os.environ, "POLICYPARSE_TEST_HANG_ON": "hang"}
    proc = subprocess.Popen(
        [*CLI, "batch", str(src), "--format", "csv", "-o", str(out), "-j", "1", "--quiet"],
        env=env, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not (out / "TABLES-STALE").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1)
    proc.kill()
    proc.wait(30)
    assert (out / "TABLES-STALE").exists()
    assert (out / "targets.csv").read_bytes() == before
    assert not [p.name for p in out.iterdir() if p.name.endswith(".part")]


# -- report: its output, its summary -------------------------------------------------------


def test_report_refuses_to_overwrite_its_input_and_counts_skipped_lines(tmp_path: Path) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    jsonl = tmp_path / "out.jsonl"
    assert run("batch", plan, "-o", jsonl, "-j", "1").returncode == 0
    kept = jsonl.read_bytes()
    assert "batch result itself" in one_line(run("report", jsonl, "-o", jsonl))
    assert jsonl.read_bytes() == kept
    with jsonl.open("a", encoding="utf-8") as fh:
        fh.write('{"torn": \n')
    proc = run("report", jsonl, "-o", tmp_path / "r.html")
    assert proc.returncode == 0 and "1 line skipped" in proc.stderr, proc.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs mkfifo")
def test_report_checks_its_output_before_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)  # no writer: reading it first would wait for ever
    assert "no folder" in one_line(run("report", fifo, "-o", tmp_path / "no" / "r.html"))
    assert "not a regular file" in one_line(run("report", fifo, "-o", tmp_path / "r.html"))


# -- short texts in other encodings ------------------------------------------------------


def _guessed(tmp_path: Path, name: str, raw: bytes) -> tuple[str, str, list[str]]:
    """(encoding, text, severities of encoding_guessed) as `policyparse FILE --with-text` says."""
    path = tmp_path / name
    path.write_bytes(raw)
    proc = run(path, "--with-text")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    severities = [d["severity"] for d in doc["diagnostics"] if d["code"] == "encoding_guessed"]
    if severities:
        assert "warning" in proc.stderr
    return doc["source"]["encoding"], doc["text"], severities


def test_short_texts_in_another_encoding_are_never_read_silently(tmp_path: Path) -> None:
    # GBK bytes that are valid UTF-8: too few to switch, said
    assert _guessed(tmp_path, "a.txt", "平台".encode("gbk"))[2] == ["warning"]
    assert _guessed(tmp_path, "b.txt", "通知".encode("gbk"))[2] == ["warning"]
    # ... and with enough common characters, read as what they are
    assert _guessed(tmp_path, "c.txt", "平台通知".encode("gbk"))[:2] == ("gb18030", "平台通知")
    # Big5 with no common character
    assert _guessed(tmp_path, "d.txt", "鑫淼".encode("big5"))[2] == ["warning"]
    # one line of UTF-16 without a byte order mark
    text = "关于推进工作的通知"
    assert _guessed(tmp_path, "e.txt", text.encode("utf-16-le"))[:2] == ("utf-16-le", text)
    # a two-character page whose <meta charset> is wrong
    page = '<html><meta charset="utf-8"><body><p>平台</p></body></html>'.encode("gbk")
    assert _guessed(tmp_path, "f.html", page)[2] == ["warning"]


# -- a page of millions of elements -----------------------------------------------------


def test_a_page_of_millions_of_elements_is_refused_at_once(tmp_path: Path) -> None:
    page = tmp_path / "big.html"
    page.write_text("<html><body>" + "<p>a</p>" * 1_100_000 + "</body></html>", "utf-8")
    started = time.monotonic()
    assert "tags, more than" in one_line(run(page))
    assert time.monotonic() - started < 20


# -- memory: limits per document, and per worker --------------------------------------


def _diagnostics(tmp_path: Path, text: str) -> list[dict[str, object]]:
    plan = tmp_path / "shape.txt"
    plan.write_text(text, encoding="utf-8")
    proc = run(plan)
    assert proc.returncode == 0, proc.stderr
    diagnostics: list[dict[str, object]] = json.loads(proc.stdout)["diagnostics"]
    return diagnostics


def test_nodes_quantities_and_diagnostics_are_bounded_per_document(tmp_path: Path) -> None:
    lines = "推进工作。\n" * 10_500  # a paragraph each
    assert "too_many_nodes" in [d["code"] for d in _diagnostics(tmp_path, lines)]
    listed = "新增1个、" * 10_500
    assert "too_many_quantities" in [d["code"] for d in _diagnostics(tmp_path, listed)]
    repeats = _diagnostics(tmp_path, "一、甲\n" + "（一）\n" * 1_000)
    assert len(repeats) <= 101
    assert str(repeats[-1]["message"]).startswith("899 more numbering_repeat")


# Measured from a small process between: a child forked from pytest itself would count
# pytest's own memory, which ru_maxrss keeps across exec.
_MEASURE = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def _peak_mb(*args: str | Path) -> float:
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, *CLI, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return int(proc.stdout) / 1024


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss in KB: Linux")
def test_the_worst_shape_stays_within_the_stated_memory(tmp_path: Path) -> None:
    shape = tmp_path / "paren.txt"
    shape.write_bytes("（一）\n".encode() * 300_000)  # 3 MB, one heading a line
    assert _peak_mb(shape, "-o", tmp_path / "out.json") < 3 * 60 + 60  # docs/performance.md


def test_batch_max_memory_costs_one_record_not_the_host(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "big.txt").write_bytes("（一）\n".encode() * 1_000_000)  # 10 MB
    (src / "plan.txt").write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run("batch", src, "-o", out, "-j", "1", "--max-memory", "256")
    assert proc.returncode == 0, proc.stderr
    big, plan = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert big["error"] == "too_large" and "--max-memory" in big["message"]
    assert plan["source"]["path"].endswith("plan.txt")
    assert "is not 0" in one_line(run("batch", src, "-o", out, "--max-memory", "10"))
