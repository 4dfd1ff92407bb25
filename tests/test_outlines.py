"""The other reference plans against outlines written by hand.

tests/outlines/<plan>.tsv lists every numbered node (path, label, title) as
read off the source text by a person, not by the parser.  The source texts
stay outside the repository; the tests skip where they are absent.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import policyparse
from conftest import EXACT, OUTLINES, PLANS_2, plan_path, shared_plan
from helpers import numbered
from oracle import assert_rows

OUTLINE_FILES = [OUTLINES / f"{stem}.tsv" for stem in EXACT]


def _read(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    assert rows[0] == ["path", "label", "title"]
    return [(r[0], r[1], r[2]) for r in rows[1:]]


def _text(value: str | None) -> str:
    return "<none>" if value is None else value


def test_every_reference_plan_has_its_three_oracles() -> None:
    tests = OUTLINES.parent
    for stem in EXACT + PLANS_2:
        for kind in ("outlines", "units", "targets"):
            assert (tests / kind / f"{stem}.tsv").is_file(), f"no {kind} oracle for {stem}"
    lines = (tests / "held_out.txt").read_text("utf-8").splitlines()
    held = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    assert len(held) == 8 and held <= set(PLANS_2)


@pytest.mark.parametrize("outline", OUTLINE_FILES, ids=lambda p: p.stem)
def test_outline(outline: Path) -> None:
    doc = policyparse.parse_file(plan_path(outline.stem))
    got = [(_text(n.path), _text(n.label), _text(n.title)) for n in numbered(doc)]
    assert_rows(outline.stem, ["path", "label", "title"], _read(outline), got)


# Metadata read off each source by hand: title, 文号, issuer, date.
METADATA = {
    "govcn-15-agri-mechanization": (
        "国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见",
        "国发〔2018〕42号",
        "国务院",
        "2018-12-21",
    ),
    "govcn-10-innovation-reforms": (
        "国务院办公厅关于推广第二批支持创新相关改革举措的通知",
        "国办发〔2018〕126号",
        "国务院办公厅",
        "2018-12-23",
    ),
    "govcn-32-iit-deductions": (
        "国务院关于印发个人所得税专项附加扣除暂行办法的通知",
        "国发〔2018〕41号",
        "国务院",
        "2018-12-13",
    ),
    "guangzhou-talent-opinions": ("关于推进人才集聚工程的实施意见", None, None, None),
    "liaoning-2024-equipment-renewal": (
        "辽宁省人民政府关于印发《辽宁省推动大规模设备更新和消费品以旧换新实施方案》的通知",
        "辽政发〔2024〕9号",
        "辽宁省人民政府",
        "2024-06-09",
    ),
}

PLAN_TITLES = {
    "govcn-32-iit-deductions": "个人所得税专项附加扣除暂行办法",
    "liaoning-2024-equipment-renewal": "辽宁省推动大规模设备更新和消费品以旧换新实施方案",
}


@pytest.mark.parametrize("stem", sorted(METADATA))
def test_metadata(stem: str) -> None:
    doc = policyparse.parse_file(shared_plan(stem + ".txt"))
    published = doc.published.isoformat() if doc.published else None
    assert (doc.title, doc.doc_number, doc.issuer, published) == METADATA[stem]
    assert doc.plan_title == PLAN_TITLES.get(stem)


def test_covering_notice_paragraphs_are_paragraphs() -> None:
    doc = policyparse.parse_file(shared_plan("govcn-32-iit-deductions.txt"))
    roles = [n.role for n in doc.children if n.kind == "paragraph"]
    assert roles == [
        "title",
        "title",
        "doc_number",
        "addressee",
        None,
        "signature",
        "date",
        "note",
        "title",
    ]
    assert (
        doc.children[4].text == "现将《个人所得税专项附加扣除暂行办法》印发给你们，请认真贯彻执行。"
    )


def test_article_paragraphs_stay_with_the_article() -> None:
    doc = policyparse.parse_file(shared_plan("govcn-32-iit-deductions.txt"))
    art = next(n for n in numbered(doc) if n.path == "6.17")
    kinds = [(c.kind, c.path) for c in art.children]
    assert kinds == [
        ("measure", "6.17.1"),
        ("measure", "6.17.2"),
        ("paragraph", None),
        ("paragraph", None),
    ]
    assert art.children[2].text.startswith("纳税人的配偶在纳税人的主要工作城市有自有住房的")
    fifth = next(n for n in numbered(doc) if n.path == "2.5")
    assert fifth.text.endswith("年满3岁至小学入学前处于学前教育阶段的子女，按本条第一款规定执行。")


def test_goal_paragraphs_belong_to_their_heading() -> None:
    doc = policyparse.parse_file(shared_plan("govcn-15-agri-mechanization.txt"))
    goals = next(n for n in numbered(doc) if n.path == "1.2")
    assert goals.title == "发展目标"
    assert "到2020年，农机装备产业科技创新能力持续提升" in goals.text
    assert "到2025年，农机装备品类基本齐全" in goals.text
    assert [n.role for n in doc.children[-3:]] == ["signature", "date", "note"]


def test_closing_paragraph_after_last_measure() -> None:
    doc = policyparse.parse_file(shared_plan("liaoning-2024-equipment-renewal.txt"))
    last = doc.children[-1]
    assert last.kind == "paragraph" and last.text.startswith("各地区、各有关部门要将坚持党的领导")


def test_attachment_of_a_notice() -> None:
    doc = policyparse.parse_file(shared_plan("govcn-10-innovation-reforms.txt"))
    att = doc.children[-1]
    assert (att.kind, att.label, att.path, att.title) == (
        "attachment",
        "附件",
        "A1",
        "第二批支持创新相关改革举措推广清单",
    )
    assert [c.path for c in att.children] == ["A1.1", "A1.2", "A1.3", "A1.4", "A1.5"]
    listed = [n for n in doc.children if n.role == "attachment_list"]
    assert [n.text for n in listed] == ["附件：第二批支持创新相关改革举措推广清单"]
