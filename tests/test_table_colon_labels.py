"""A task printed sideways as a card of pipe rows whose labels close with a colon (a key
work's record, one item a page: `重点工作: | 12.… |` / `牵头单位: | 市某局 |` / its goals /
its progress, the last label on a line of its own above its value).  Synthetic; nothing
copied from a document."""

from __future__ import annotations

import policyparse

CARD = """重点工作: | 12.推进老旧小区改造,提升居住品质。 |
牵头单位: | 市住房城乡建设局 |
年度阶段性工作目标: | 第一季度:完成改造任务的20%以上。 第二季度:完成改造任务的60%以上。 |
进展情况、存在问题 及下一步工作建议: |
已完成。 全市改造老旧小区180个,完成年度目标150个。 |
"""


def test_a_card_with_labels_closed_by_colons_is_a_task_with_its_lead_unit() -> None:
    doc = policyparse.parse(CARD)
    nodes = [n for n in doc.walk() if n.path]
    assert [(n.path, [(u.name, u.role) for u in n.responsible_units]) for n in nodes] == [
        ("12", [("市住房城乡建设局", "lead")])
    ]
    unit = nodes[0].responsible_units[0]
    assert CARD[unit.span[0] : unit.span[1]] == "市住房城乡建设局"


def test_its_goals_are_targets_and_its_progress_is_not() -> None:
    doc = policyparse.parse(CARD)
    got = [(t.value, t.unit, t.comparator) for n in doc.walk() for t in n.targets]
    assert got == [(20.0, "%", ">="), (60.0, "%", ">=")]
