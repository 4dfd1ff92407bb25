"""The whole shared corpus plus one file of each hostile class, in one batch.

What a user running a real corpus gets: every good file parsed, one error record per
file that cannot be read, exit 0 (1 with --strict), and the same records after the run
is killed with SIGKILL and resumed.  Skips without ../shared/corpus.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, SHARED
from docx_builder import build, paragraph

sys.path.insert(0, str(REPO / "benchmarks"))
import docx_shapes

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SHARED.is_dir(), reason=f"no shared corpus at {SHARED}"),
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals"),
]

GOOD_TEXT = (
    "某市实施方案\n一、目标\n（一）促进就业。2025年，新增就业5万人。（责任单位：市人社局）\n"
)


def hostile(folder: Path) -> dict[str, str | None]:
    """One file per class in *folder*: name -> the error code expected (None: it parses)."""
    folder.mkdir()
    expected: dict[str, str | None] = {}

    def put(name: str | bytes, raw: bytes, code: str | None) -> None:
        path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else name.encode())
        with open(path, "wb") as fh:
            fh.write(raw)
        # a name that is not UTF-8 is recorded with its odd bytes as \xNN
        expected[path.decode("utf-8", "backslashreplace")] = code

    put("lying.docx", docx_shapes.lying_member(4096, 20 * 1024 * 1024), "bad_format")
    put("bzip2.docx", docx_shapes.compressed_bomb("bzip2", 64 * 1024 * 1024), "bad_format")
    put("inflates.docx", docx_shapes.compressed_bomb("deflate", 64 * 1024 * 1024), "too_large")
    put("noise.docx", os.urandom(3000), "binary")
    put("image.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(500), "binary")
    put("empty.txt", b"", "empty")
    put("\xb7\xbd\xb0\xb8.txt".encode("latin-1"), GOOD_TEXT.encode("gb18030"), None)  # GBK name
    put("controls.txt", GOOD_TEXT.replace("促进", "促\x00\x07进").encode(), "binary")
    put("bell.txt", GOOD_TEXT.replace("促进", "促\x07\x1b进").encode(), None)
    put("deep.html", ("<div>" * 3000 + GOOD_TEXT + "</div>" * 3000).encode(), None)
    put("hidden.html", f'<p style="display:none">x</p><p>{GOOD_TEXT}</p>'.encode(), None)
    put("plain.docx", build(paragraph("一、目标") + paragraph("（一）促进就业。")), None)
    return expected


RESUME = ["-j", "2", "--max-mb", "8", "--quiet", "--resume"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", "batch", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


def outcomes(out: Path) -> dict[str, str | None]:
    """Path -> error code (None for a Document, "skipped" for a path left out: the corpus's
    oracle tables), every record; no path twice."""
    found: dict[str, str | None] = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        path = record["source"]["path"] if "source" in record else record["path"]
        assert path not in found, f"{path} recorded twice"
        found[path] = "skipped" if "skipped" in record else record.get("error")
    return found


def complete_lines(out: Path) -> int:
    """Records written in full so far, counted in bytes: what ends in a newline.

    The batch may be in the middle of writing a record (some are over 1 MB) while
    this reads: the partial last line is left out, never decoded (it may end inside
    a character).
    """
    if not out.exists():
        return 0
    *complete, _partial = out.read_bytes().split(b"\n")
    return len(complete)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict[str, str | None]]:
    folder = tmp_path_factory.mktemp("hostile") / "files"
    expected = hostile(folder)
    sources = [str(SHARED / "plans"), str(SHARED / "plans-2"), str(SHARED / "govcn-2019")]
    return [*sources, str(folder)], expected


def test_a_corpus_with_hostile_files(
    inputs: tuple[list[str], dict[str, str | None]], tmp_path: Path
) -> None:
    paths, expected = inputs
    out = tmp_path / "out"
    r = run(*paths, "--format", "akn", "-o", str(out), "-j", "2", "--max-mb", "8", "--quiet")
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    found = outcomes(out / "documents.jsonl")
    hostile_found = {p: c for p, c in found.items() if p in expected}
    assert hostile_found == expected
    skipped = [p for p, c in found.items() if c == "skipped"]
    assert skipped and all(p.endswith(".tsv") for p in skipped)  # found, left out, recorded
    good = {p: c for p, c in found.items() if p not in expected and c != "skipped"}
    assert len(good) >= 85 and all(c is None for c in good.values()), {
        p: c for p, c in good.items() if c
    }
    assert not [c for c in found.values() if c == "internal"]
    # one Akoma Ntoso file per Document
    assert len(list(out.glob("*.akn.xml"))) == sum(1 for c in found.values() if c is None)
    strict = run(*paths, "-o", str(tmp_path / "strict.jsonl"), "-j", "2", "--max-mb", "8")
    assert strict.returncode == 0
    strict = run(
        *paths, "-o", str(tmp_path / "strict2.jsonl"), "-j", "2", "--max-mb", "8", "--strict"
    )
    assert strict.returncode == 1 and "Traceback" not in strict.stderr


def test_killed_and_resumed_gives_the_same_records(
    inputs: tuple[list[str], dict[str, str | None]], tmp_path: Path
) -> None:
    paths, _ = inputs
    whole = tmp_path / "whole.jsonl"
    assert run(*paths, "-o", str(whole), "-j", "2", "--max-mb", "8", "--quiet").returncode == 0
    reference = outcomes(whole)
    out = tmp_path / "out.jsonl"
    for _ in range(3):  # killed three times at different points, then let finish
        proc = subprocess.Popen(
            [sys.executable, "-m", "policyparse", "batch", *paths, *RESUME, "-o", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        before = complete_lines(out)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            now = complete_lines(out)
            if now >= before + 15 or proc.poll() is not None:
                break
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    r = run(*paths, "-o", str(out), "-j", "2", "--max-mb", "8", "--quiet", "--resume")
    assert r.returncode == 0, r.stderr
    assert outcomes(out) == reference
