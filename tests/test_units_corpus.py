"""Every responsible-unit mention of every reference plan, against hand-written oracles.

tests/units/<plan>.tsv was written by a person reading each source; the
Ningbo plan's units are in its golden fixture and tests/test_ningbo.py.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import policyparse
from conftest import CORPUS, EXACT, plan_path, shared_plan
from oracle import assert_rows

ORACLES = [Path(__file__).parent / "units" / f"{stem}.tsv" for stem in EXACT]


def _rows(doc: policyparse.Document) -> list[list[str]]:
    out: list[list[str]] = []

    def go(nodes: list[policyparse.Node], parent: str) -> None:
        for n in nodes:
            path = n.path or parent
            for u in n.responsible_units:
                out.append(
                    [path, u.name, "|".join(u.aliases), u.role, "yes" if u.generic else "no"]
                )
            go(n.children, path)

    go(doc.children, "-")
    return out


@pytest.mark.parametrize("oracle", ORACLES, ids=lambda p: p.stem)
def test_units_match_the_oracle(oracle: Path) -> None:
    doc = policyparse.parse_file(plan_path(oracle.stem))
    with oracle.open(encoding="utf-8", newline="") as fh:
        expected = list(csv.reader(fh, delimiter="\t"))
    header = ["path", "name", "aliases", "role", "generic"]
    assert expected[0] == header
    assert_rows(oracle.stem, header, expected[1:], _rows(doc))


# Mentions per plan, counted by hand.
COUNTS = {
    "govcn-15-agri-mechanization": 71,
    "govcn-10-innovation-reforms": 43,
    "govcn-32-iit-deductions": 0,
    "guangzhou-talent-opinions": 181,
    "liaoning-2024-equipment-renewal": 50,
}


@pytest.mark.parametrize("stem", sorted(COUNTS))
def test_mention_counts(stem: str) -> None:
    doc = policyparse.parse_file(shared_plan(stem + ".txt"))
    assert sum(len(n.responsible_units) for n in doc.walk()) == COUNTS[stem]


def test_first_listed_is_lead_holds_for_later_nodes() -> None:
    doc = policyparse.parse_file(shared_plan("govcn-15-agri-mechanization.txt"))
    by_path = {n.path: n for n in doc.walk()}
    assert [(u.name, u.role) for u in by_path["3.7"].responsible_units] == [
        ("农业农村部", "lead"),
        ("发展改革委", "responsible"),
        ("财政部", "responsible"),
    ]
    assert [n.code for n in doc.responsibility_notes] == ["first_listed_is_lead"]
    note = doc.responsibility_notes[0]
    assert note.text == "列第一位者为牵头单位"


def test_table_column_units_are_guiding() -> None:
    doc = policyparse.parse_file(shared_plan("govcn-10-innovation-reforms.txt"))
    row = next(n for n in doc.walk() if n.path == "A1.2.6")
    assert (row.kind, row.label, row.style) == ("measure", "6", "table_row")
    assert row.title == "以事前产权激励为核心的职务科技成果权属改革"
    assert [u.name for u in row.responsible_units] == [
        "科技部",
        "国家发展改革委",
        "财政部",
        "国家知识产权局",
        "教育部",
        "国务院国资委",
        "中科院",
        "司法部",
    ]
    assert {u.role for u in row.responsible_units} == {"guiding"}
    assert row.text.endswith("8个改革试验区域")
    assert [d.code for d in doc.diagnostics] == [
        "heading_without_body",  # 四、军民深度融合方面（共6项） in the table (本文有删减)
        "table_rows_missing",  # rows 15-20
    ]


# The Ningbo plan's 106 mentions name 38 distinct bodies, counted by hand:
# 宁波金融监管局 and 宁波市金融监管局 are one; 市数字经济局〔市经信局〕 is one.
NINGBO_BODIES = 38


def test_ningbo_distinct_canonical_departments() -> None:
    doc = policyparse.parse_file(CORPUS / "ningbo-2025-consumption.txt")
    units = [u for n in doc.walk() for u in n.responsible_units]
    assert len(units) == 106
    assert len({u.canonical for u in units}) == NINGBO_BODIES
    by_name = {u.name: u.canonical for u in units}
    assert by_name["宁波金融监管局"] == by_name["宁波市金融监管局"] == "宁波市金融监管局"
    assert by_name["市发改委"] == "宁波市发展改革委"
    assert by_name["市人力社保局"] == "宁波市人力资源社会保障局"
    assert by_name["市委金融办"] == "宁波市委金融办"
    assert by_name["中国人民银行宁波市分行"] == "中国人民银行宁波市分行"
