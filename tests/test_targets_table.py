"""Target rules, case by case: the fixture files of tests/fixtures/targets/.

Each file holds the cases of one rule of ``extract.targets.rules.RULES`` (and
no_quantity.txt those with no quantity a rule sees): a sentence, then the targets
expected, one tab-separated row each; tests/fixtures/README.md gives the format.
A case must come out as written, and the rule of its file must have decided at
least one of its quantities, so a case filed under the wrong rule fails.  Known
misses run in tests/test_known_misses.py.  Below the fixture tests: cases that
check more than the targets (figures, dated documents).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import fixtures_io as fx
from fixtures_io import Case
from policyparse import parse
from policyparse.extract.targets.rules import RULES

CASES = fx.load("targets", ("dev", "regression", "negative"))


@pytest.mark.parametrize("case", CASES, ids=fx.case_ids(CASES))
def test_case(case: Case) -> None:
    fx.check(case)


def test_files_are_named_after_rules() -> None:
    names = {rule.__name__ for rule in RULES} | {fx.NO_QUANTITY}
    files = {p.stem for p in (fx.FIXTURES / "targets").glob("*.txt")}
    assert files <= names, f"not a rule of targets.rules.RULES: {sorted(files - names)}"


def test_past_year_is_a_baseline_in_a_dated_document() -> None:
    text = "一、现状\n2017年，全国农机总动力达到9.88亿千瓦。\n二、目标\n到2020年，全国农机总动力超过10亿千瓦。\n国务院\n2018年12月21日"
    doc = parse(text)
    goals = [t for n in doc.children for t in n.targets]
    figures = [f for n in doc.children for f in n.figures]
    assert [(t.value, t.year) for t in goals] == [(10, 2020)]
    assert [(f.kind, f.value, f.year) for f in figures] == [("baseline", 9.88, 2017)]


def test_a_past_plan_period_is_a_baseline_in_a_dated_document() -> None:
    text = (
        "一、现状\n“十三五”时期，全市累计新增就业80万人。\n"
        "二、目标\n“十四五”期间，新增城镇就业100万人。\n某某市人民政府\n2021年3月1日"
    )
    doc = parse(text)
    goals = [(t.value, t.year, t.deadline) for n in doc.children for t in n.targets]
    figures = [(f.kind, f.value, f.year) for n in doc.children for f in n.figures]
    assert goals == [(100, 2025, "“十四五”期间")]
    assert figures == [("baseline", 80, 2020)]


def test_quantities_under_a_heading_of_conditions_are_parameters() -> None:
    text = (
        "一、工作目标\n到2027年，培育企业100家。\n"
        "二、申报条件与奖励标准\n（一）申报条件\n1.销售总额不低于200万元。\n"
        "（二）奖励标准\n1.按合同金额的30%给予支持。\n"
        "三、保障措施\n（三）项目申报需满足下列条件之一：\n1.研发投入不低于500万元；\n"
        "2.带动10家以上企业。"
    )
    doc = parse(text)
    goals = [(t.indicator, t.value) for n in doc.walk() for t in n.targets]
    figures = sorted(f.value for n in doc.walk() for f in n.figures)
    assert goals == [("培育企业", 100)]
    assert figures == [10, 30, 200, 500]


def test_a_cap_on_a_share_of_a_base_keeps_its_comparator() -> None:
    text = "一、任务\n（一）补助。对重点项目给予补助，原则上不超过项目投资额的5%。"
    doc = parse(text)
    figures = [(f.kind, f.comparator, f.value) for n in doc.walk() for f in n.figures]
    assert figures == [("parameter", "<=", 5)]


def test_parameters_are_figures() -> None:
    doc = parse("对新购置的新能源公交车，每台最高补助15万元。")
    figures = doc.children[0].figures
    assert [(f.kind, f.value, f.unit, f.text) for f in figures] == [
        ("parameter", 15, "万元", "每台最高补助15万元")
    ]
    assert doc.children[0].targets == []


# -- the fixture format (tests/fixtures_io.py) --------------------------------------------------

GOOD = (
    "# Cases of one rule.\n"
    f"{fx.column_line('targets')}\n\n"
    "## dev\n\n"
    "# a comment above a case is its note\n"
    "新建充电桩1,000个。\n"
    "新建充电桩\t=\t1000\t-\t个\t1000\t个\tlevel\t-\t-\n\n"
    "一、目标\n到2025年，新增就业20万人。\n"
    "新增就业\t=\t20\t-\t万人\t200000\t人\tlevel\t2025\t到2025年\n"
    "## negative\n"
    "办好第三届技能大赛。\n\n"
    "## known miss\n"
    "# why it is missed\n"
    "旅游总收入实现翻番。\n"
    "旅游总收入\t=\t1\t-\t倍\t1\t倍\tincrease\t-\t-\n"
)


def _read(tmp_path: Path, text: str) -> list[Case]:
    path = tmp_path / "verb_form.txt"
    path.write_text(text, encoding="utf-8")
    return fx.read(path, "targets")


def test_format_reads_cases_groups_notes_and_documents(tmp_path: Path) -> None:
    cases = _read(tmp_path, GOOD)
    assert [(c.rule, c.group, c.note, len(c.rows)) for c in cases] == [
        ("verb_form", "dev", "a comment above a case is its note", 1),
        ("verb_form", "dev", "", 1),
        ("verb_form", "negative", "", 0),
        ("verb_form", "known miss", "why it is missed", 1),
    ]
    assert cases[1].text == "一、目标\n到2025年，新增就业20万人。"
    assert fx.target_row(cases[1].rows[0]) == (
        "新增就业", "=", 20, None, "万人", 200000, "人", "level", 2025, "到2025年"
    )  # fmt: skip
    assert fx.case_ids(cases)[0] == "verb_form-dev01-新建充电桩1,000个。"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("新建充电桩\t=\t1000\t-\t个\t1000\t个\tlevel\t-\t-", "新建充电桩 = 1000 - 个 1000 个 level - -", "use one tab"),
        ("\tlevel\t2025\t到2025年\n", "\tlevel\t2025\t到2025年\n新增就业20万人。\n", "after the rows"),
        ("个\t1000\t个\tlevel\t-\t-", "个\t1000\t个\tlevel\t-", "9 fields, the file has 10"),
        ("\t1000\t-\t个", "\t1,000\t-\t个", "not a number"),
        ("\t2025\t到2025年", "\t二〇二五\t到2025年", "not a year"),
        ("## negative\n", "## negatives\n", "unknown group"),
        ("## negative\n办好第三届技能大赛。\n", "## negative\n新建1个。\n新建\t=\t1\t-\t个\t1\t个\tlevel\t-\t-\n", "no rows"),
        ("# why it is missed\n", "", "reason"),
        ("## dev\n", "", "before any"),
        (fx.column_line("targets"), "# columns", "column line"),
    ],
    ids=["spaces", "text-after-rows", "short-row", "number", "year", "group", "negative", "reason", "group-first", "columns"],
)  # fmt: skip
def test_format_errors_name_the_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in GOOD
    with pytest.raises(fx.FixtureError, match=message):
        _read(tmp_path, GOOD.replace(old, new, 1))


def test_readme_examples_are_cases_of_the_files() -> None:
    """The examples of tests/fixtures/README.md read as fixtures, and stand in the files."""
    readme = (fx.FIXTURES / "README.md").read_text(encoding="utf-8")
    blocks = [b for b in readme.split("```")[1::2] if b.startswith("\n## ")]
    assert len(blocks) == 4
    known = {(c.group, c.text, c.rows) for c in fx.load("targets")}
    for block in blocks:
        text = f"{fx.column_line('targets')}\n{block}"
        cases = fx.read_text(text, fx.FIXTURES / "README.md", "targets")
        assert cases
        for case in cases:
            assert (case.group, case.text, case.rows) in known, case.text
