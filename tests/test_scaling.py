"""The Dask example of docs/scaling.md runs as documented, on a local scheduler."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, REPO

pytest.importorskip("dask.bag", reason="dask is in the test extra: pip install -e '.[test]'")


def _blocks() -> list[str]:
    text = (REPO / "docs" / "scaling.md").read_text(encoding="utf-8")
    dask_part = text.split("## Dask", 1)[1].split("## Spark", 1)[0]
    return re.findall(r"```python\n(.*?)```", dask_part, flags=re.S)


def test_documented_dask_example_runs_as_a_script(tmp_path: Path) -> None:
    # As a user runs it: a file of its own, in a fresh interpreter, so a missing
    # __main__ guard (worker processes re-import the script) fails here.
    script = tmp_path / "dask_example.py"
    script.write_text("\n".join(_blocks()), encoding="utf-8")
    r = subprocess.run(
        [sys.executable, str(script)], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert r.returncode == 0, r.stderr
    plans = len(list(CORPUS.glob("*.txt")))
    ningbo_and_others = r.stdout.strip().split()
    assert ningbo_and_others[0] == str(plans)
    assert r.stdout.strip().endswith("targets")
