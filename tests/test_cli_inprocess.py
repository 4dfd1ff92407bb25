"""The commands called from Python, as a script or a notebook calls ``policyparse.cli.main``.

The other CLI tests run ``python -m policyparse`` in a subprocess, as a user at a
terminal does; these call ``main(argv)`` in the test process, one corpus through
every command that reads or writes a corpus (batch to JSON lines and to tables,
report, targets, network, units, view), and check what each wrote.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from conftest import CORPUS
from policyparse.cli import main

PLANS = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plans")
    for plan in PLANS:
        shutil.copy(plan, folder / plan.name)
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def batch(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "out.jsonl"
    assert main(["batch", str(corpus), "-o", str(out), "-j", "1", "--with-text"]) == 0
    return out


def test_batch_writes_a_record_per_file(batch: Path) -> None:
    records = [json.loads(line) for line in batch.read_text("utf-8").splitlines()]
    documents = [r for r in records if "schema_version" in r]
    errors = [r for r in records if "error" in r]
    assert len(documents) == len(PLANS)
    assert [e["error"] for e in errors] == ["empty"]
    ningbo = next(
        d for d in documents if d["source"]["path"].endswith("ningbo-2025-consumption.txt")
    )
    assert sum(len(_list(n["targets"])) for n in _walk(ningbo["children"])) == 48


def _list(value: object) -> list[object]:
    assert isinstance(value, list)
    return value


def _walk(nodes: list[dict[str, object]]) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for n in nodes:
        out.append(n)
        children = n["children"]
        assert isinstance(children, list)
        out.extend(_walk(children))
    return out


def test_batch_writes_tables(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    assert main(["batch", str(corpus), "--format", "csv", "-o", str(out), "-j", "1"]) == 0
    with (out / "targets.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert sum(r["document"].endswith("ningbo-2025-consumption.txt") for r in rows) == 48
    assert (out / "documents.jsonl").is_file()


def test_report_from_a_batch(batch: Path, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    assert main(["report", str(batch), "-o", str(page)]) == 0
    text = page.read_text("utf-8")
    assert "Corpus report" in text and "Who works with whom" in text
    views = sorted(p.name for p in (tmp_path / "report_files").glob("*.html"))
    assert "ningbo-2025-consumption.html" in views


def test_targets_of_a_year_with_their_owners(
    batch: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["targets", str(batch), "--year", "2025", "--format", "csv"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.lstrip("\ufeff").splitlines()))
    assert rows and all(r["year"] == "2025" for r in rows)
    jobs = next(r for r in rows if r["indicator"] == "新增城镇就业")
    assert "宁波市人力资源社会保障局" in jobs["responsible_units"]


def test_network_files(batch: Path, tmp_path: Path) -> None:
    pytest.importorskip("networkx")
    import networkx as nx

    graph = tmp_path / "graph.graphml"
    assert main(["network", str(batch), "-o", str(graph)]) == 0
    g = nx.read_graphml(graph)
    assert g.number_of_nodes() > 10 and g.number_of_edges() > 10
    folder = tmp_path / "lists"
    assert main(["network", str(batch), "-o", str(folder) + "/"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["edges.csv", "nodes.csv"]


def test_units_and_view_of_one_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ningbo = str(CORPUS / "ningbo-2025-consumption.txt")
    assert main(["units", ningbo, "--format", "csv"]) == 0
    assert "宁波市人力资源社会保障局" in capsys.readouterr().out
    page = tmp_path / "ningbo.html"
    assert main(["view", ningbo, "-o", str(page)]) == 0
    assert page.read_text("utf-8").count('class="m tg tg-') == 48
