"""The Dask example of docs/scaling.md runs as documented, on a local scheduler."""

from __future__ import annotations

import re

import pytest

from conftest import CORPUS, REPO

pytest.importorskip("dask.bag", reason="dask is in the test extra: pip install -e '.[test]'")


def _blocks() -> list[str]:
    text = (REPO / "docs" / "scaling.md").read_text(encoding="utf-8")
    dask_part = text.split("## Dask", 1)[1].split("## Spark", 1)[0]
    return re.findall(r"```python\n(.*?)```", dask_part, flags=re.S)


def test_documented_dask_example(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    scope: dict[str, object] = {}
    for block in _blocks():
        exec(compile(block, "docs/scaling.md", "exec"), scope)
    documents = scope["documents"]
    assert isinstance(documents, list)
    plans = sorted(p.name for p in CORPUS.glob("*.txt"))
    assert sorted(d["source"]["path"].split("/")[-1] for d in documents) == plans
    table = scope["table"]
    assert isinstance(table, list)
    ningbo = [r for r in table if r["document"].endswith("ningbo-2025-consumption.txt")]
    assert len(ningbo) == 48
