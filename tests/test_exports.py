"""Table and Akoma Ntoso exports, checked against the rules in docs/exports.md."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

import policyparse
from conftest import CORPUS
from helpers import cli_without
from policyparse.export.akn import AKN, PP, to_akn
from policyparse.export.tables import COLUMNS, NODE_COLUMNS, TARGET_COLUMNS

NINGBO = CORPUS / "ningbo-2025-consumption.txt"


def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", *args], capture_output=True, timeout=120
    )


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode()), f"{path.name} lacks its BOM"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_documented_column_sets() -> None:
    # Columns are only ever added at the end: the 0.x columns keep their places.
    assert TARGET_COLUMNS[:18] == [
        "document", "path", "node_title", "indicator", "comparator", "value", "value_max", "unit",
        "base_value", "base_unit", "kind", "year", "deadline", "period", "units", "text",
        "node_deadline", "node_due",
    ]  # fmt: skip
    assert TARGET_COLUMNS[18:] == [
        "start", "end", "owner_path", "lead_units", "responsible_units", "cooperating_units",
        "guiding_units", "doc_title", "doc_number", "issuer", "published", "sha256",
        "baseline_value", "baseline_year", "binding",
    ]  # fmt: skip
    assert NODE_COLUMNS == [
        "document", "path", "kind", "level", "label", "number", "title", "units", "targets", "text",
        "deadline", "due", "start", "end", "doc_title", "doc_number", "issuer", "published",
        "sha256",
    ]  # fmt: skip
    docs = (Path(__file__).resolve().parents[1] / "docs" / "exports.md").read_text(encoding="utf-8")
    for name, columns in COLUMNS.items():
        assert f"`{name}.csv`" in docs
        for column in columns:
            assert f"`{column}`" in docs, (name, column)


def test_csv_tables_of_one_file(tmp_path: Path) -> None:
    out = tmp_path / "tables"
    r = cli(str(NINGBO), "--format", "csv", "-o", str(out))
    assert r.returncode == 0, r.stderr
    targets = read_csv(out / "targets.csv")
    nodes = read_csv(out / "nodes.csv")
    units = read_csv(out / "units.csv")
    assert targets[0] == TARGET_COLUMNS and nodes[0] == NODE_COLUMNS
    documents = read_csv(out / "documents.csv")
    assert len(documents) == 2
    assert len(targets) - 1 == 48
    assert len(units) - 1 == 106
    doc = policyparse.parse_file(NINGBO)
    assert len(nodes) - 1 == sum(1 for _ in doc.walk())
    first = dict(zip(TARGET_COLUMNS, targets[1], strict=True))
    assert first == {
        "document": str(NINGBO),
        "path": "§1.1",
        "node_title": "促进充分就业",
        "indicator": "新增城镇就业",
        "comparator": ">",
        "value": "20",
        "value_max": "",
        "unit": "万人",
        "base_value": "200000",
        "base_unit": "人",
        "kind": "level",
        "year": "2025",
        "deadline": "2025年",
        "period": "",
        "units": "宁波市人力资源社会保障局；宁波市发展改革委",
        "text": "新增城镇就业超20万人",
        "node_deadline": "",
        "node_due": "",
        # counted by hand in the source: the clause's first and past-last characters
        "start": "246",
        "end": "257",
        # (责任单位:市人力社保局、市发改委): two responsible units, no lead named
        "owner_path": "§1.1",
        "lead_units": "",
        "responsible_units": "宁波市人力资源社会保障局；宁波市发展改革委",
        "cooperating_units": "",
        "guiding_units": "",
        # the source's second line, and its 来源: … 发布时间:2025-08-01 line
        "doc_title": "大力提振和扩大消费专项行动实施方案",
        "doc_number": "",
        "issuer": "宁波市人民政府办公厅",
        "published": "2025-08-01",
        "sha256": doc.source.sha256,
        # a target read from prose: no table gave a base year or a 属性
        "baseline_value": "",
        "baseline_year": "",
        "binding": "",
    }
    text = NINGBO.read_text(encoding="utf-8")
    assert text[int(first["start"]) : int(first["end"])] == first["text"]


def test_csv_needs_a_folder() -> None:
    r = cli(str(NINGBO), "--format", "csv")
    assert r.returncode == 2 and b"give a folder with -o" in r.stderr


def test_batch_csv_tables(tmp_path: Path) -> None:
    out = tmp_path / "tables"
    r = cli("batch", str(CORPUS), "--format", "csv", "-o", str(out), "-j", "2")
    assert r.returncode == 0, r.stderr
    assert (out / "documents.jsonl").is_file()
    targets = read_csv(out / "targets.csv")
    docs = {row[0] for row in targets[1:]}
    assert str(CORPUS / "ningbo-2025-consumption.txt") in docs
    assert sum(1 for row in targets[1:] if row[0].endswith("ningbo-2025-consumption.txt")) == 48


def test_parquet_needs_pyarrow(tmp_path: Path) -> None:
    r = subprocess.run(
        [*cli_without("pyarrow"), str(NINGBO), "--format", "parquet", "-o", str(tmp_path / "p")],
        capture_output=True,
        timeout=120,
    )
    assert r.returncode == 2 and b"--format parquet needs pyarrow" in r.stderr
    assert not (tmp_path / "p").exists()


# -- Akoma Ntoso -----------------------------------------------------------------------

CONTAINERS = {"part", "chapter", "section", "article", "hcontainer"}


def q(tag: str) -> str:
    return f"{{{AKN}}}{tag}"


def check_akn(xml: bytes, doc: policyparse.Document) -> None:
    """The element rules of docs/exports.md, one by one."""
    from lxml import etree

    root = etree.fromstring(xml)
    assert root.tag == q("akomaNtoso")
    (body,) = list(root)
    assert body.tag == q("doc") and body.get("name")
    meta, *rest = list(body)
    assert meta.tag == q("meta")
    assert [el.tag for el in rest][-1] == q("mainBody")
    ident = meta.find(q("identification"))
    assert ident is not None and ident.get("source") == "#policyparse"
    for level in ("FRBRWork", "FRBRExpression", "FRBRManifestation"):
        el = ident.find(q(level))
        assert el is not None, level
        for child in ("FRBRthis", "FRBRuri", "FRBRdate", "FRBRauthor"):
            assert el.find(q(child)) is not None, (level, child)
    assert ident.find(f"{q('FRBRWork')}/{q('FRBRcountry')}").get("value") == "cn"
    assert ident.find(f"{q('FRBRExpression')}/{q('FRBRlanguage')}").get("language") == "zho"
    refs = {el.get("eId") for el in meta.find(q("references"))}
    # containers: unique eIds, num and heading as the tree says, content or children
    eids = [
        el.get("eId")
        for el in root.iter()
        if el.get("eId") is not None and el.tag != q("TLCOrganization")
    ]
    eids = [e for e in eids if not e.startswith("tgt_")]
    assert len(eids) == len(set(eids))
    numbered = [n for n in doc.walk() if n.kind != "paragraph"]
    containers = [
        el
        for el in body.find(q("mainBody")).iter()
        if el.tag.split("}")[1] in CONTAINERS and el.get("name") != "paragraph"
    ]
    assert len(containers) == len(numbered)
    for el, node in zip(containers, numbered, strict=True):
        assert el.findtext(q("num")) == node.label
        assert el.findtext(q("heading")) == node.title
        kids = [c.tag.split("}")[1] for c in el]
        if node.children:
            assert "content" not in kids
        else:
            assert kids[-1] == "content"
            text = "\n".join("".join(p.itertext()) for p in el.find(q("content")))
            assert "".join(text.split()) == "".join(node.text.split())
    # inline units refer to declared organisations
    orgs = list(root.iter(q("organization")))
    assert len(orgs) == sum(len(n.responsible_units) for n in doc.walk())
    for org in orgs:
        assert org.get("refersTo")[1:] in refs
    targets = list(root.iter(f"{{{PP}}}target"))
    assert len(targets) == sum(len(n.targets) for n in doc.walk())
    for t in targets:
        assert t.get("href")[1:] in eids


def test_akn_of_the_ningbo_plan() -> None:
    doc = policyparse.parse_file(NINGBO, with_text=True)
    check_akn(to_akn(doc, doc.text or ""), doc)


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_akn_of_every_corpus_plan(name: str) -> None:
    doc = policyparse.parse_file(CORPUS / name, with_text=True)
    check_akn(to_akn(doc, doc.text or ""), doc)


def test_akn_eids_come_from_paths() -> None:
    doc = policyparse.parse_file(CORPUS / "synthetic-chapters.txt", with_text=True)
    from lxml import etree

    root = etree.fromstring(to_akn(doc, doc.text or ""))
    eids = [el.get("eId") for el in root.iter(q("article"))]
    assert eids == [
        "part_1__chp_1__art_1",
        "part_1__chp_1__art_2",
        "part_1__chp_2__sec_1__art_3",
        "part_1__chp_2__sec_1__art_4",
        "part_1__chp_2__sec_2__art_5",
        "part_2__chp_3__art_6",
    ]


def test_akn_from_the_command_line_and_batch(tmp_path: Path) -> None:
    r = cli(str(NINGBO), "--format", "akn")
    assert r.returncode == 0 and r.stdout.startswith(b"<?xml")
    out = tmp_path / "akn"
    r = cli("batch", str(CORPUS), "--format", "akn", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert len(list(out.glob("*.akn.xml"))) == len(list(CORPUS.glob("*.txt")))
