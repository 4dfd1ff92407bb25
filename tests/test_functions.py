"""What each top-level section is for (Node.function), on synthetic plans."""

from __future__ import annotations

import policyparse
from policyparse.structure.functions import by_title

PLAN = """关于推进某项工作的实施方案
为推进某项工作，制定本方案。
一、总体要求
到2025年，建成示范点10个。
二、推进某项建设
（一）建设某平台。（责任单位：市甲局）
三、保障措施
加强组织领导。（责任单位：市乙局）
"""


def test_titles_name_their_function() -> None:
    assert by_title("总体要求和目标任务") == "goals"
    assert by_title("切实加强组织保障") == "safeguards"
    assert by_title("发展基础") == "review"
    assert by_title("推进某项建设") is None


def test_top_level_nodes_get_a_function_and_children_none() -> None:
    doc = policyparse.parse(PLAN)
    tops = [(n.kind, n.title, n.function) for n in doc.children]
    assert ("section", "总体要求", "goals") in tops or ("measure", "总体要求", "goals") in tops
    by_name = {n.title: n.function for n in doc.children if n.title}
    assert by_name["推进某项建设"] == "tasks"
    assert by_name["保障措施"] == "safeguards"
    assert [n.function for n in doc.children if n.kind == "paragraph"][-1] == "preamble"
    assert all(c.function is None for n in doc.children for c in n.walk() if c is not n)
