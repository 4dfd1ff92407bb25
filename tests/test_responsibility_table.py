"""Responsibility statements, case by case: the fixture files of tests/fixtures/responsibility/.

Each file holds the cases of one statement form (labelled, verbal, bare_list …): a
statement, then the units expected, one tab-separated row each;
tests/fixtures/README.md gives the format.  A one-line case is a statement read at
the end of a measure; a case of several lines is a small document read whole.
Known misses run in tests/test_known_misses.py.  Below the fixture tests: notes
that hold for later measures, and a property test of splitting.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import fixtures_io as fx
from fixtures_io import Case, units
from policyparse import Document, parse

CASES = fx.load("responsibility", ("dev", "regression", "negative"))


@pytest.mark.parametrize("case", CASES, ids=fx.case_ids(CASES))
def test_case(case: Case) -> None:
    fx.check(case)


def test_files_are_named_after_forms() -> None:
    files = {p.stem for p in (fx.FIXTURES / "responsibility").glob("*.txt")}
    assert files == set(fx.FORMS)


def _all(doc: Document) -> list[tuple[str | None, str, str]]:
    out: list[tuple[str | None, str, str]] = []
    stack = list(doc.children)
    while stack:
        n = stack.pop(0)
        out.extend((n.path, u.name, u.role) for u in n.responsible_units)
        stack[0:0] = n.children
    return out


def test_first_listed_lead_note_holds_below() -> None:
    doc = parse(
        "一、任务\n（一）甲。内容。（农业农村部、工业和信息化部等负责。列第一位者为牵头单位，下同）\n"
        "（二）乙。内容。（发展改革委、财政部负责）\n（三）丙。内容。（科技部牵头，财政部参与）"
    )
    assert _all(doc) == [
        ("1.1", "农业农村部", "lead"),
        ("1.1", "工业和信息化部", "responsible"),
        ("1.2", "发展改革委", "lead"),
        ("1.2", "财政部", "responsible"),
        ("1.3", "科技部", "lead"),
        ("1.3", "财政部", "cooperating"),
    ]


def test_several_statements_in_one_node() -> None:
    doc = parse(
        "一、任务\n（一）甲。加强就业服务（市人力社保局负责）。推进培训（市教育局牵头，市财政局配合）。"
    )
    assert _all(doc) == [
        ("1.1", "市人力社保局", "responsible"),
        ("1.1", "市教育局", "lead"),
        ("1.1", "市财政局", "cooperating"),
    ]


def test_applies_below_is_recorded_not_printed() -> None:
    doc = parse(
        "一、试点任务\n（以下均需试点城市政府落实，不再列出）\n（一）甲。内容。（市商务局负责）\n（二）乙。内容。"
    )
    first, second = doc.children[0].children
    assert [u.name for u in first.responsible_units] == ["市商务局"]
    assert [(u.name, u.role) for u in second.implied_units] == [("试点城市政府", "responsible")]
    assert [u.name for u in first.implied_units] == ["试点城市政府"]
    assert [n.code for n in doc.responsibility_notes] == ["applies_below"]


NAMES = [
    "国家发展改革委",
    "财政部",
    "工业和信息化部",
    "文化和旅游部",
    "住房和城乡建设部",
    "市人力资源和社会保障局",
    "国家卫生健康委",
    "各省级人民政府",
    "各区(县、市)政府",
    "中国人民银行宁波市分行",
    "市委金融办",
    "国网宁波供电公司",
    "宁波金融监管局",
    "市数字经济局",
    "最高人民法院",
    "团市委",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(NAMES), min_size=1, max_size=8),
    st.lists(st.sampled_from(["、", "，", "和"]), min_size=8, max_size=8),
    st.sampled_from(["负责", "牵头", "参与", "LABEL"]),
)
def test_split_gives_back_the_names(names: list[str], seps: list[str], verb: str) -> None:
    joined = names[0] + "".join(sep + name for sep, name in zip(seps, names[1:], strict=False))
    statement = f"（责任单位：{joined}）" if verb == "LABEL" else f"（{joined}{verb}）"
    got = [u[0] for u in units(statement)]
    assert got == names


def test_gazetteer_names_are_words_for_jieba() -> None:
    from policyparse.extract.gazetteer import load
    from policyparse.text.tokenizer import cut

    bodies = tuple(load().names())
    assert cut("工业和信息化部", bodies) == ["工业和信息化部"]
    assert cut("人力资源和社会保障局", bodies) == ["人力资源和社会保障局"]
