"""A batch result accounts for every file it found: each is a Document, an error record or
a skipped record, and the corpus report says so.

Run as a user would from a fresh clone: the command line in a subprocess, from a folder
of their own (not the repository), on a folder mixing plans with a PDF, a damaged .doc,
an empty file, a bad encoding, a format policyparse cannot read, an image, a hidden
folder and a link to a folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from conftest import CORPUS, REPO

NINGBO = CORPUS / "ningbo-2025-consumption.txt"
SYNTHETIC = CORPUS / "synthetic-four-level.txt"


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", *args],
        cwd=cwd,
        capture_output=True,
        encoding="utf-8",
        timeout=300,
    )


def _mixed(folder: Path) -> None:
    """Plans, and everything else a folder of downloads holds."""
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_bytes(NINGBO.read_bytes())
    (folder / "sub" / "b.html").write_text(
        "<html><body><p>"
        + SYNTHETIC.read_text("utf-8").replace("\n", "</p><p>")
        + "</p></body></html>",
        encoding="utf-8",
    )
    (folder / "d.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))  # damaged
    (folder / "e.txt").write_bytes(b"")  # empty
    (folder / "f.txt").write_bytes(
        "一、总体要求\n".encode("gbk") + b"\xff\xfe\xfd" * 40
    )  # no encoding
    (folder / "g.ofd").write_bytes(b"PK\x03\x04")  # a format plans come in, unreadable
    (folder / "h.jpg").write_bytes(b"\xff\xd8\xff")  # not a plan
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (folder.parent / "elsewhere").mkdir()
    (folder / "link").symlink_to(folder.parent / "elsewhere", target_is_directory=True)


def _records(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


def _path(record: dict[str, Any]) -> str:
    return str(record["source"]["path"] if "schema_version" in record else record["path"])


def test_a_batch_and_its_report_account_for_every_file(tmp_path: Path) -> None:
    pytest.importorskip("pypdfium2")
    from pdf_layout import draw

    home = tmp_path / "work"  # the user's own folder, not the repository
    plans = home / "plans"
    _mixed(plans)
    (plans / "c.pdf").write_bytes(draw(SYNTHETIC.read_text("utf-8")))
    out = home / "out.jsonl"
    r = run(home, "batch", "plans", "-o", "out.jsonl", "-j", "2")
    assert r.returncode == 0, r.stderr
    assert (
        "policyparse: left out 2 files and 2 folders (1 .jpg, 1 .ofd, 1 hidden folder, " in r.stderr
    )
    assert "4 left out" in r.stderr  # the summary

    records = _records(out)
    kinds = {
        _path(x): "document" if "schema_version" in x else x.get("error") or x["skipped"]
        for x in records
    }
    assert kinds == {
        "plans/a.txt": "document",
        "plans/sub/b.html": "document",
        "plans/c.pdf": "document",
        "plans/d.doc": "bad_format",
        "plans/e.txt": "empty",
        "plans/f.txt": "undecodable",
        "plans/g.ofd": "unsupported_format",
        "plans/h.jpg": "not_a_plan",
        "plans/.git": "hidden_folder",
        "plans/link": "link_to_folder",
    }
    # every file under the folder is accounted for, once (the hidden folder's by itself)
    found = {
        os.path.relpath(os.path.join(root, name), home)
        for root, dirs, files in os.walk(plans)
        for name in files
        + [d for d in dirs if d.startswith(".") or os.path.islink(os.path.join(root, d))]
        if ".git" not in Path(root).parts
    }
    assert found == set(kinds)
    assert len(records) == len(kinds)  # and none twice

    r = run(home, "report", "out.jsonl", "-o", "report.html")
    assert r.returncode == 0, r.stderr
    assert "3 documents, 3 failed, 4 left out (skipped records)" in r.stderr
    page = lxml_html.document_fromstring((home / "report.html").read_text("utf-8"))
    cards = {
        li.text_content().lstrip("0123456789"): int(li.findtext("b"))
        for li in page.xpath('//ul[@class="cards"]/li')
    }
    assert (cards["documents"], cards["failed"], cards["left out"]) == (3, 3, 4)
    failed = [li.findtext("code") for li in page.xpath('//ul[@id="failed"]/li')]
    left = [li.findtext("code") for li in page.xpath('//ul[@id="skipped"]/li')]
    assert sorted(failed + left) == sorted(p for p, k in kinds.items() if k != "document")
    heading = page.xpath('//h2[@id="left-out-h"]')[0].text_content()
    assert heading == "Files left out (4)"


def test_resume_keeps_the_skipped_records_once(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.txt").write_bytes(NINGBO.read_bytes())
    (plans / "notes.xlsx").write_bytes(b"PK")
    out = tmp_path / "out.jsonl"
    assert run(tmp_path, "batch", "plans", "-o", "out.jsonl").returncode == 0
    (plans / "b.txt").write_bytes(SYNTHETIC.read_bytes())
    r = run(tmp_path, "batch", "plans", "-o", "out.jsonl", "--resume")
    assert r.returncode == 0, r.stderr
    paths = [_path(x) for x in _records(out)]
    assert sorted(paths) == ["plans/a.txt", "plans/b.txt", "plans/notes.xlsx"]


def test_the_output_folder_is_not_an_input(tmp_path: Path) -> None:
    """Tables written into the folder of plans are the run's own: no skipped records."""
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.txt").write_bytes(NINGBO.read_bytes())
    for _ in range(2):
        r = run(tmp_path, "batch", "plans", "--format", "csv", "-o", "plans")
        assert r.returncode == 0, r.stderr
    assert [_path(x) for x in _records(plans / "documents.jsonl")] == ["plans/a.txt"]
    assert "left out the output folder" in r.stderr


def test_a_folder_of_no_plans_is_a_usage_error_that_says_what_was_left_out(tmp_path: Path) -> None:
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "p1.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "scans" / "p2.ofd").write_bytes(b"PK")
    for command in (
        ["batch", "-o", "out.jsonl"],
        ["targets"],
        ["units"],
        ["network", "-o", "net/"],
        ["view"],
        [],
    ):
        r = run(tmp_path, *command, "scans")
        assert r.returncode == 2, (command, r.stderr)
        assert r.stderr.endswith(
            "error: no plans found in scans (left out 2 files (1 .jpg, 1 .ofd))\n"
        ), r.stderr
        assert r.stderr.count("\n") == 1
    assert not (tmp_path / "out.jsonl").exists()


def test_analysis_commands_pass_over_skipped_records(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.txt").write_bytes(NINGBO.read_bytes())
    (plans / "a.rtf").write_bytes(b"{\\rtf1}")
    assert run(tmp_path, "batch", "plans", "-o", "out.jsonl").returncode == 0
    r = run(tmp_path, "targets", "out.jsonl", "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert "1 path left out by the batch, not plans (skipped records)" in r.stderr
    assert r.stdout.count("\n") == 1 + 48  # the header and Ningbo's 48 targets


def test_the_skipped_record_is_public_and_validated() -> None:
    import policyparse

    record = policyparse.SkippedRecord(path="a.ofd", skipped="unsupported_format", message="m")
    assert json.loads(record.model_dump_json()) == {
        "path": "a.ofd",
        "skipped": "unsupported_format",
        "message": "m",
    }
    with pytest.raises(ValueError):
        policyparse.SkippedRecord(path="a", skipped="because", message="m")  # type: ignore[arg-type]
    assert (
        "SkippedRecord" in policyparse.__all__ and (REPO / "docs" / "record.schema.json").is_file()
    )
