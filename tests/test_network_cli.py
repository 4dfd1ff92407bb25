"""``policyparse network`` as a user runs it; networkx reads back every graph file written."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, REPO
from helpers import run_cli as run

nx = pytest.importorskip("networkx")

# Two synthetic plans: three units on two measures, a lead and a cooperating unit.
PLAN_A = """某市人民政府办公厅关于印发某项行动方案的通知
一、重点任务
（一）建设某平台。（市甲局牵头，市乙局、市丙局配合）
（二）推进某工作。（责任单位：市甲局、市乙局）
二、保障措施
（一）加强组织领导。（责任单位：市丁局、市甲局）
某市人民政府办公厅
2025年3月1日
"""
PLAN_B = """某省甲厅 某省乙厅关于推进某项工作的实施意见
一、主要任务
（一）完善某机制。（责任单位：省甲厅、省乙厅、各市人民政府）
某省甲厅
某省乙厅
2024年5月6日
"""


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a.txt").write_text(PLAN_A, encoding="utf-8")
    (folder / "b.txt").write_text(PLAN_B, encoding="utf-8")
    return folder


def test_graphml_of_co_responsibility(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "net.graphml"
    r = run("network", str(plans), "-o", str(out))
    assert r.returncode == 0, r.stderr
    g = nx.read_graphml(out)
    assert not g.is_directed()
    assert g["市甲局"]["市乙局"]["weight"] == 2  # named together on two measures
    assert g["市甲局"]["市丁局"]["weight"] == 1
    assert "各市人民政府" not in g  # a class of bodies is no node
    assert g.nodes["市甲局"]["level"] == "city"
    assert g.nodes["某省甲厅"]["issued"] == 1


def test_skip_leaves_out_safeguards(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "net.graphml"
    assert run("network", str(plans), "-o", str(out), "--skip", "safeguards").returncode == 0
    g = nx.read_graphml(out)
    assert not g.has_edge("市甲局", "市丁局")


def test_gexf_of_lead_edges_is_directed(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "lead.gexf"
    assert run("network", str(plans), "-o", str(out), "--kind", "lead").returncode == 0
    g = nx.read_gexf(out)
    assert g.is_directed()
    assert set(g.edges()) == {("市甲局", "市乙局"), ("市甲局", "市丙局")}


def test_co_issuance_edges(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "issuers.graphml"
    assert run("network", str(plans), "-o", str(out), "--kind", "issuers").returncode == 0
    g = nx.read_graphml(out)
    assert g["某省甲厅"]["某省乙厅"]["weight"] == 1


def test_csv_lists_every_kind_and_pandas_networkx_read_them(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "net"
    assert run("network", str(plans), "-o", str(out)).returncode == 0
    with (out / "edges.csv").open(encoding="utf-8-sig") as fh:
        edges = list(csv.DictReader(fh))
    assert {e["kind"] for e in edges} == {"co", "lead", "issuers"}
    import pandas as pd

    frame = pd.read_csv(out / "edges.csv", encoding="utf-8-sig")
    co = frame[frame["kind"] == "co"]
    g = nx.from_pandas_edgelist(co, "source", "target", edge_attr="weight")
    assert g["市甲局"]["市乙局"]["weight"] == 2


def test_a_batch_result_and_slices(tmp_path: Path) -> None:
    jsonl = tmp_path / "out.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "policyparse", "batch", str(CORPUS), "-o", str(jsonl)],
        cwd=REPO,
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    out = tmp_path / "y.graphml"
    r = run("network", str(jsonl), "-o", str(out), "--year", "2025")
    assert r.returncode == 0, r.stderr
    g = nx.read_graphml(out)
    assert g.number_of_edges() > 10 and g.graph["documents"] >= 1
    none = tmp_path / "none.graphml"
    assert run("network", str(jsonl), "-o", str(none), "--year", "1990").returncode == 0
    assert nx.read_graphml(none).number_of_nodes() == 0


def test_usage_errors(plans: Path, tmp_path: Path) -> None:
    assert run("network", str(plans), "-o", str(tmp_path / "x.png")).returncode == 2
    assert run("network", str(plans)).returncode == 2
    assert run("network", str(tmp_path / "missing"), "-o", str(tmp_path / "n")).returncode == 2
