"""Document.issuers: every issuing body of a (joint) document, in order, on synthetic notices."""

from __future__ import annotations

import policyparse

BODY = "一、总体要求\n加强统筹协调。\n"
NINE = ["甲部", "乙部", "丙委", "丁部", "戊部", "己部", "庚委", "辛局", "壬局"]


def names(text: str) -> list[str]:
    return [i.name for i in policyparse.parse(text).issuers]


def test_a_joint_notice_of_nine_bodies_gives_nine() -> None:
    title = " ".join(NINE) + "关于推进某项工作的指导意见"
    signature = "\n".join(NINE)
    assert names(f"{title}\n{BODY}{signature}\n2024年12月8日\n") == NINE


def test_the_signature_names_those_the_title_counts() -> None:
    text = (
        "某市甲局等四部门关于印发《某项工作方案》的通知\n某甲发〔2022〕9号\n各区人民政府：\n"
        "现将《某项工作方案》印发给你们。\n某市甲局\n某市乙局\n某市丙局\n某市丁局\n"
        "2022年6月1日\n"
    )
    assert names(text) == ["某市甲局", "某市乙局", "某市丙局", "某市丁局"]


def test_a_seal_note_under_the_signature_is_no_issuer() -> None:
    text = (
        "某市甲办公室关于印发《某项工作方案》的通知\n各区人民政府：\n现将《某项工作方案》印发。\n"
        "某市甲办公室\n（某市乙局代章）\n2021年7月1日\n"
    )
    assert names(text) == ["某市甲办公室"]


def test_the_title_alone_names_joint_issuers() -> None:
    doc = policyparse.parse("中共某市委 某市人民政府关于推进某项工作的实施意见\n" + BODY)
    assert [i.name for i in doc.issuers] == ["中共某市委", "某市人民政府"]
    assert all(i.span is not None for i in doc.issuers)


def test_a_forwarding_notice_is_issued_by_the_forwarder_alone() -> None:
    text = (
        "某省人民政府办公厅转发某省甲局关于某项工作意见的通知\n各市人民政府：\n"
        "某省甲局《关于某项工作的意见》已经省政府同意，现转发给你们。\n"
        "某省甲局\n2019年3月1日\n"
    )
    assert names(text) == ["某省人民政府办公厅"]


def test_the_source_line_names_the_issuer_when_nothing_else_does() -> None:
    text = "来源:某市人民政府办公厅 发布时间:2025-08-01 11:42\n某项行动实施方案\n" + BODY
    doc = policyparse.parse(text)
    assert [i.name for i in doc.issuers] == ["某市人民政府办公厅"]


def test_canonical_names_follow_the_gazetteer() -> None:
    title = "中国人民银行 国家外汇局关于金融支持某项工作的意见"
    doc = policyparse.parse(f"{title}\n{BODY}中国人民银行\n国家外汇局\n2025年1月2日\n")
    assert [(i.name, i.canonical) for i in doc.issuers] == [
        ("中国人民银行", "人民银行"),
        ("国家外汇局", "外汇局"),
    ]
