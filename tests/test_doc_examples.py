"""Every ```python block of README.md, CONTRIBUTING.md and docs/*.md runs as a script.

Each block is written to a file of its own and run by a fresh interpreter
(``sys.executable``) with the repository as working directory, as a reader
would run it: relative paths such as ``corpus/ningbo-2025-consumption.txt``
work.  Worker processes start by "spawn" (a ``sitecustomize`` sets it, as
macOS and Windows do by default), so a block that starts them without an
``if __name__ == "__main__":`` guard fails here as it would for those readers.

A block that cannot run on every machine says so in an HTML comment on the
line just above its fence (invisible on GitHub, read here):

    <!-- example: skip-unless pyspark java -->
        run only where each name is importable (a module) or, for ``java``,
        on PATH; elsewhere the test is skipped with a message naming what is
        missing (pytest -ra lists it).
    <!-- example: fragment WHY -->
        not run (it is compiled, so it must still be Python); WHY is required.
        Keep these rare: a block readers copy should run.

Any other ``example:`` comment fails the test, so a misspelt marker is never a
silent skip.  Shell blocks are not run.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import EXPECTED, REPO

DOCS = [REPO / "README.md", REPO / "CONTRIBUTING.md", *sorted((REPO / "docs").glob("*.md"))]
PROGRAMS = {"java"}  # names checked on PATH rather than imported

FENCE = re.compile(
    r"(?:^<!--\s*(?P<marker>example:.*?)\s*-->\n)?^```python\n(?P<code>.*?)^```", re.M | re.S
)
# A marker that does not sit right above a python fence is a mistake too.
ANY_MARKER = re.compile(r"^<!--\s*example:", re.M)


@dataclass(frozen=True)
class Block:
    doc: str  # path relative to the repository
    line: int  # line of the opening fence
    marker: str | None
    code: str

    @property
    def name(self) -> str:
        return f"{self.doc}:{self.line}"


def blocks() -> list[Block]:
    found = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            line = text.count("\n", 0, m.start("code"))  # 1-based line of the fence
            marker = m.group("marker")
            found.append(Block(str(path.relative_to(REPO)), line, marker, m.group("code")))
    return found


BLOCKS = blocks()


def test_markers_sit_above_python_blocks() -> None:
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        used = sum(1 for m in FENCE.finditer(text) if m.group("marker"))
        assert len(ANY_MARKER.findall(text)) == used, (
            f"{path.name}: an <!-- example: … --> comment must be the line just above ```python"
        )


def test_there_are_examples() -> None:
    docs = {b.doc for b in BLOCKS}
    assert "README.md" in docs and "docs/scaling.md" in docs


def _missing(names: list[str]) -> list[str]:
    missing = []
    for name in names:
        if name in PROGRAMS:
            if shutil.which(name) is None:
                missing.append(f"{name} (not on PATH)")
        elif importlib.util.find_spec(name) is None:
            missing.append(f"{name} (not installed)")
    return missing


# Worker processes are started by "spawn", as on macOS and Windows, whatever this
# machine's default: then they import the script again, and a missing guard shows.
SPAWN = 'import multiprocessing\nmultiprocessing.set_start_method("spawn")\n'


def run_block(block: Block, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    script = tmp_path / (Path(block.doc).stem.lower() + f"_line{block.line}.py")
    script.write_text(block.code, encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SPAWN, encoding="utf-8")
    path = os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, str(script)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": path},
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.parametrize("block", BLOCKS, ids=[b.name for b in BLOCKS])
def test_example_runs_as_a_script(block: Block, tmp_path: Path) -> None:
    if block.marker is not None:
        kind, _, rest = block.marker.removeprefix("example:").strip().partition(" ")
        if kind == "fragment":
            assert rest.strip(), f"{block.name}: say why the fragment cannot run"
            compile(block.code, block.name, "exec")
            return
        assert kind == "skip-unless" and rest.split(), f"{block.name}: unknown {block.marker!r}"
        missing = _missing(rest.split())
        if missing:
            pytest.skip(f"{block.name} needs {', '.join(missing)}")
    r = run_block(block, tmp_path)
    assert r.returncode == 0, f"{block.name} exited {r.returncode}:\n{r.stderr[-4000:]}"


# -- what the README's library example prints -----------------------------------------


def _golden_target_lines() -> list[str]:
    """The Ningbo targets as the README prints them, read from the golden JSON."""
    doc = json.loads((EXPECTED / "ningbo-2025-consumption.json").read_text(encoding="utf-8"))
    lines = []

    def visit(node: dict[str, Any]) -> None:
        for t in node["targets"]:
            fields = [t["indicator"], t["comparator"], t["value"], t["unit"], t["year"]]
            lines.append(" ".join(map(str, [node["path"], *fields])))
        for child in node["children"]:
            visit(child)

    for top in doc["children"]:
        visit(top)
    return lines


def test_readme_library_example_prints_every_ningbo_target(tmp_path: Path) -> None:
    (block,) = [b for b in BLOCKS if b.doc == "README.md" and "parse_file(" in b.code]
    r = run_block(block, tmp_path)
    assert r.returncode == 0, r.stderr
    printed = [line for line in r.stdout.splitlines() if re.match(r"\d+(\.\d+)* ", line)]
    expected = _golden_target_lines()
    assert len(expected) == 48  # the golden file's count, not the library's
    assert printed == expected
    rest = r.stdout.splitlines()[len(printed) :]
    assert [line.split(":")[0] for line in rest] == ["owners", "outline", "parsed", "failed"]


def test_scale_out_examples_say_when_they_find_no_plans(tmp_path: Path) -> None:
    """Run from another folder, an example finds no plan: it says so and exits 1, rather
    than printing "0 documents, 0 targets" as if it had run."""
    examples = [
        b
        for b in BLOCKS
        if b.doc == "docs/scaling.md" and "glob.glob" in b.code and not _missing(_needs(b))
    ]
    assert examples, "docs/scaling.md has no runnable example that looks for plans"
    for block in examples:
        script = tmp_path / f"line{block.line}.py"
        script.write_text(block.code, encoding="utf-8")
        r = subprocess.run(
            [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=600
        )
        assert r.returncode == 1, f"{block.name}: exit {r.returncode}\n{r.stdout}{r.stderr}"
        assert "no plans found" in r.stderr and "documents" not in r.stdout, block.name


def _needs(block: Block) -> list[str]:
    if block.marker is None or not block.marker.startswith("example: skip-unless"):
        return []
    return block.marker.removeprefix("example: skip-unless").split()
