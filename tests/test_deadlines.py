"""A node's own deadline: the forms plans print, and what they are not."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import ids
from policyparse import parse
from policyparse.export.tables import table_rows


def deadline(statement: str) -> tuple[str, dt.date | None, bool] | None:
    text = f"一、任务\n（一）推进工作。加强统筹协调。{statement}"
    node = parse(text).children[-1].children[0]
    if node.deadline is None:
        return None
    d = node.deadline
    assert text[d.span[0] : d.span[1]] == d.text
    return (d.text, d.date, d.ongoing)


CASES = [
    # a labelled field of the statement
    ("（市商务局负责落实，完成时限：2024年10月）", ("2024年10月", dt.date(2024, 10, 31), False)),
    ("（完成时间：2025年6月30日前）", ("2025年6月30日前", dt.date(2025, 6, 30), False)),
    (
        "（责任单位：市发改委；时间节点：2025年上半年）",
        ("2025年上半年", dt.date(2025, 6, 30), False),
    ),
    # a bracket of its own
    ("（2024年底前完成）", ("2024年底前完成", dt.date(2024, 12, 31), False)),
    ("（2025年三季度）", ("2025年三季度", dt.date(2025, 9, 30), False)),
    ("（持续推进）", ("持续推进", None, True)),
    # the last clause of a bracketed statement
    ("（市商务局负责，2024年底前完成）", ("2024年底前完成", dt.date(2024, 12, 31), False)),
    ("（市商务局牵头，市财政局配合，长期坚持）", ("长期坚持", None, True)),
    # a date, what is done, and the work going on
    (
        "（市商务局负责，2023年10月底前完成首批并持续推进）",
        ("2023年10月底前完成首批并持续推进", dt.date(2023, 10, 31), False),
    ),
    # a Chinese month, and a month's end
    ("（完成时限：2024年十二月底）", ("2024年十二月底", dt.date(2024, 12, 31), False)),
    ("（完成时限：2024年2月底前）", ("2024年2月底前", dt.date(2024, 2, 29), False)),
]

NOT_DEADLINES = [
    "到2025年，新增城镇就业20万人。",  # a target's year, not the task's
    "（完成时限：另行通知）",  # no date and no ongoing word
    "（2024年新建的项目除外）",  # a year inside prose
    "（市商务局负责）",
    "（详见附件2025年目录）",
]


@pytest.mark.parametrize(("statement", "expected"), CASES, ids=ids("due", [c[0] for c in CASES]))
def test_deadline(statement: str, expected: tuple[str, dt.date | None, bool]) -> None:
    assert deadline(statement) == expected


@pytest.mark.parametrize("statement", NOT_DEADLINES, ids=ids("not", NOT_DEADLINES))
def test_not_a_deadline(statement: str) -> None:
    assert deadline(statement) is None


def test_the_deadline_field_does_not_become_a_unit() -> None:
    doc = parse("一、任务\n（一）推进工作。（市商务局负责落实，完成时限：2024年10月）")
    node = doc.children[-1].children[0]
    assert [u.name for u in node.responsible_units] == ["市商务局"]


def test_tables_carry_the_node_deadline() -> None:
    doc = parse(
        "一、任务\n（一）推进工作。新建充电桩500个。（市发改委负责，2024年底前完成）\n"
        "（二）加强保障。推进保障。（持续推进）"
    )
    tables = table_rows(doc)
    measures = {r["path"]: (r["deadline"], r["due"]) for r in tables["nodes"]}
    assert measures["1.1"] == ("2024年底前完成", dt.date(2024, 12, 31))
    assert measures["1.2"] == ("持续推进", None)
    [target] = tables["targets"]
    assert (target["node_deadline"], target["node_due"]) == (
        "2024年底前完成",
        dt.date(2024, 12, 31),
    )
