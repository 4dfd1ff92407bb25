"""Closed vocabularies reach every output: every value of vocab.Role (and of the node and
figure kinds) goes through owners, the tables, the view and the report, and a new role
is one vocab line and one lexicon row, nothing else."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import policyparse
from conftest import REPO
from policyparse.export.owners import TOTAL_COLUMNS
from policyparse.vocab import FIGURE_KINDS, NODE_KINDS, ROLES

# Every role, node kind and figure kind of vocab, in one small plan.
PLAN = """某市促进就业实施方案
一、重点任务
（一）稳定就业。到2025年，新增城镇就业不低于5万人。对吸纳就业的企业每人补贴1000元。截至2023年底，已建成零工市场3个。（市人社局牵头，市财政局配合，各区负责，市发展改革委指导）
专栏1　就业服务工程。建成就业驿站20个。（责任单位：市人社局）
做好宣传工作。
附件
1.重点项目清单
"""


def _units(doc: policyparse.Document) -> set[tuple[str, str]]:
    return {(u.name, u.role) for n in doc.walk() for u in n.responsible_units}


def test_unit_totals_declare_every_role() -> None:
    assert [f for f in policyparse.UnitTotal.model_fields if f in ROLES] == list(ROLES)
    assert list(policyparse.UnitTotal.model_fields) == TOTAL_COLUMNS


def test_the_plan_uses_every_value() -> None:
    doc = policyparse.parse(PLAN)
    assert {role for _, role in _units(doc)} == set(ROLES)
    assert {n.kind for n in doc.walk()} == set(NODE_KINDS)
    assert {f.kind for n in doc.walk() for f in n.figures} == set(FIGURE_KINDS)


def test_every_role_goes_through_owners_tables_view_and_report(tmp_path: Path) -> None:
    doc = policyparse.parse(PLAN)
    assert {r.role for r in policyparse.owners(doc)} == set(ROLES)
    frames = policyparse.frames(doc)
    targets = frames["targets"]
    for role in ROLES:
        assert f"{role}_units" in targets.columns
    row = targets[targets["value"] == 5].iloc[0]
    assert row["lead_units"] == "市人力资源社会保障局" and row["guiding_units"] == "市发展改革委"
    page = policyparse.render_html(doc, PLAN)
    for role in ROLES:
        assert f"un-{role}" in page and f"{role.capitalize()} unit" in page
    plan = tmp_path / "plans" / "plan.txt"
    plan.parent.mkdir()
    plan.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cli = [sys.executable, "-m", "policyparse"]
    subprocess.run([*cli, "batch", str(plan.parent), "-o", str(out)], check=True)
    subprocess.run([*cli, "report", str(out), "-o", str(tmp_path / "r.html")], check=True)
    report = (tmp_path / "r.html").read_text("utf-8")
    for role in ROLES:
        assert f">{role}</button>" in report


NEW_ROLE = "supervising"


def _copy_with_a_new_role(tmp_path: Path) -> Path:
    """The package in a temporary folder, with one vocab line and one lexicon row added."""
    src = tmp_path / "src"
    shutil.copytree(
        REPO / "src" / "policyparse",
        src / "policyparse",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    vocab = src / "policyparse" / "vocab.py"
    text = vocab.read_text("utf-8")
    old = 'Role = Literal["lead", "responsible", "cooperating", "guiding"]'
    assert old in text
    vocab.write_text(text.replace(old, old[:-1] + f', "{NEW_ROLE}"]'), "utf-8")
    verbs = src / "policyparse" / "lexicon" / "extract" / "role_verbs.tsv"
    with verbs.open("a", encoding="utf-8") as f:
        f.write(f"督办\t{NEW_ROLE}\n")
    return src


@pytest.mark.slow
def test_a_new_role_is_one_vocab_line_and_one_lexicon_row(tmp_path: Path) -> None:
    src = _copy_with_a_new_role(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(src))
    plan = tmp_path / "plans" / "plan.txt"
    plan.parent.mkdir()
    plan.write_text(
        "一、重点任务\n（一）加强督查。到2025年，办结率达到95%。（市人社局督办，市财政局配合）\n",
        encoding="utf-8",
    )

    def run(*args: str) -> str:
        r = subprocess.run(
            [sys.executable, "-m", "policyparse", *args],
            env=env,
            capture_output=True,
            text=True,
        )
        assert r.returncode == 0, r.stderr
        return r.stdout

    doc = json.loads(run(str(plan)))
    [node] = doc["children"][0]["children"]
    assert [(u["name"], u["role"]) for u in node["responsible_units"]] == [
        ("市人社局", NEW_ROLE),
        ("市财政局", "cooperating"),
    ]
    owners = list(
        csv.DictReader(run("units", str(plan), "--format", "csv").lstrip("\ufeff").splitlines())
    )
    assert {(r["name"], r["role"]) for r in owners} >= {("市人社局", NEW_ROLE)}
    tables = tmp_path / "tables"
    run(str(plan), "--format", "csv", "-o", str(tables))
    targets = pd.read_csv(tables / "targets.csv")
    assert targets.loc[0, f"{NEW_ROLE}_units"] == "市人力资源社会保障局"
    run("view", str(plan), "-o", str(tmp_path / "v.html"))
    page = (tmp_path / "v.html").read_text("utf-8")
    assert f"un-{NEW_ROLE}" in page and "Supervising unit" in page
    explain = run(str(plan), "--explain")
    assert f"市人社局\t督办 → {NEW_ROLE}" in explain
    folder = tmp_path / "pq"
    run("batch", str(plan.parent), "-o", str(folder), "--format", "parquet")
    parquet = pd.read_parquet(folder / "targets.parquet")
    assert parquet.loc[0, f"{NEW_ROLE}_units"] == "市人力资源社会保障局"
    run("report", str(folder / "documents.jsonl"), "-o", str(tmp_path / "r.html"))
    assert f">{NEW_ROLE}</button>" in (tmp_path / "r.html").read_text("utf-8")
    akn = run(str(plan), "--format", "akn")
    assert f'class="{NEW_ROLE}"' in akn
