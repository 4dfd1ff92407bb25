"""The Spark example of docs/scaling.md runs as documented: a script, a local SparkSession.

pyspark is not in the test extra (it is large and starts a JVM); install it
(``pip install pyspark``, with Java 17 or later) to run this test.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CORPUS, EXPECTED, REPO

if importlib.util.find_spec("pyspark") is None:
    pytest.skip(
        "pyspark is not installed (not in the test extra): pip install pyspark",
        allow_module_level=True,
    )
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip(
        "Java is not installed (pyspark needs it): no java on PATH, no JAVA_HOME",
        allow_module_level=True,
    )


def _spark_block() -> str:
    text = (REPO / "docs" / "scaling.md").read_text(encoding="utf-8")
    part = text.split("## Spark", 1)[1].split("\n## ", 1)[0]
    blocks: list[str] = re.findall(r"```python\n(.*?)```", part, flags=re.S)
    assert len(blocks) == 1, "one python block under ## Spark"
    return blocks[0]


def _targets(record: dict[str, Any]) -> int:
    """Targets of a Document as JSON, counted without the library."""
    stack = list(record["children"])
    count = 0
    while stack:
        node = stack.pop()
        count += len(node["targets"])
        stack.extend(node["children"])
    return count


def test_documented_spark_example_runs_as_a_script(tmp_path: Path) -> None:
    script = tmp_path / "spark_example.py"
    script.write_text(_spark_block(), encoding="utf-8")
    out = tmp_path / "plans.jsonl"
    r = subprocess.run(
        [sys.executable, str(script), "corpus", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr[-4000:]

    golden = {
        f"corpus/{p.stem}.txt": json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(EXPECTED.glob("*.json"))
    }
    assert sorted(golden) == sorted(f"corpus/{p.name}" for p in CORPUS.glob("*.txt"))
    expected_targets = sum(_targets(d) for d in golden.values())
    assert r.stdout.splitlines()[-1] == f"{len(golden)} documents, {expected_targets} targets"

    # The saved JSON lines are the golden Documents, one per plan.
    lines = [
        line
        for part in sorted(out.glob("part-*"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    records = {d["source"]["path"]: d for d in map(json.loads, lines)}
    assert len(lines) == len(records) == len(golden)
    assert records == golden
