"""Known misses: forms the parser does not read right yet, as strict expected failures.

Each case states what a person reads in the sentence (synthetic sentences of
forms seen in real plans).  They are ``xfail(strict=True)``: a change that
fixes one makes its test pass, which fails the suite until the case is moved
to the regression group of its table test (tests/test_targets_table.py,
tests/test_responsibility_table.py, tests/test_structure.py).
"""

from __future__ import annotations

import pytest

from helpers import ids
from policyparse import parse

Target = tuple[str | None, str, float, str | None, int | None]


def _targets(text: str) -> list[Target]:
    doc = parse(text)
    return [
        (t.indicator, t.comparator, t.value, t.unit, t.year) for n in doc.walk() for t in n.targets
    ]


TARGETS: list[tuple[str, list[Target]]] = [
    # A share of a base named before it: read as a parameter (…的15%), though it is a
    # standard every new estate must meet.
    (
        "（一）设施。新建小区充电车位不低于停车位总数的15%。",
        [("新建小区充电车位", ">=", 15, "%", None)],
    ),
]

Figure = tuple[str, str, float, str | None]


def _figures(text: str) -> list[Figure]:
    doc = parse(text)
    return [(f.kind, f.comparator, f.value, f.unit) for n in doc.walk() for f in n.figures]


FIGURES: list[tuple[str, list[Figure]]] = [
    # A cap on a payment stated as a share of a base: the comparator before the base
    # is lost (the figure reads = 5, not <= 5).
    (
        "（一）补助。对重点项目给予补助，原则上不超过项目投资额的5%。",
        [("parameter", "<=", 5, "%")],
    ),
]


@pytest.mark.xfail(strict=True, reason="known miss: see the comment above the case")
@pytest.mark.parametrize(("text", "expected"), TARGETS, ids=ids("target", [t for t, _ in TARGETS]))
def test_known_target_miss(text: str, expected: list[Target]) -> None:
    assert _targets(text) == expected


@pytest.mark.xfail(strict=True, reason="known miss: see the comment above the case")
@pytest.mark.parametrize(("text", "expected"), FIGURES, ids=ids("figure", [t for t, _ in FIGURES]))
def test_known_figure_miss(text: str, expected: list[Figure]) -> None:
    assert _figures(text) == expected


def _units(text: str) -> list[tuple[str, str]]:
    doc = parse(text)
    return [(u.name, u.role) for n in doc.walk() for u in n.responsible_units]


UNITS: list[tuple[str, list[tuple[str, str]]]] = [
    # A closing article naming who carries the whole document out: 由 stands inside
    # the clause (本措施具体由…) and the verb has an object, so it is not read.
    (
        "第一条 支持企业发展。\n第二条 本措施具体由某区人力资源和社会保障局负责组织实施。",
        [("某区人力资源和社会保障局", "responsible")],
    ),
    # 和 joining two event names that share one head: both sides end like a body (会),
    # so the name is split in two.
    (
        "一、任务\n（一）办好赛事。（责任单位：十五运会和残特奥会某赛区执委会）",
        [("十五运会和残特奥会某赛区执委会", "responsible")],
    ),
]


@pytest.mark.xfail(strict=True, reason="known miss: see the comment above the case")
@pytest.mark.parametrize(("text", "expected"), UNITS, ids=ids("unit", [t for t, _ in UNITS]))
def test_known_unit_miss(text: str, expected: list[tuple[str, str]]) -> None:
    assert _units(text) == expected
