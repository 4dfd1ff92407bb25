"""What each top-level section of a plan is for: goals, tasks, safeguards …

Researchers code plans by part: the goals (总体要求, 主要目标), the tasks (重点任务),
the safeguards (保障措施, 组织实施), a review of the past (发展基础).  A table of
targets or a co-responsibility network that leaves out the safeguards and the
review counts what the plan sets out to do, not who signs the closing duties.

The words are the lexicon's (structure/section_functions).  A numbered top-level
section whose title holds none of them is a tasks section; an attachment (附件) is
an annex, and so is a document appended to explain the notice (a 解读); the
paragraphs before the first section are the preamble.  The plans a notice issues
together (parts A1, A2 …) have their own top-level sections.
"""

from __future__ import annotations

from functools import cache
from typing import cast

from .. import lexicon
from ..vocab import SectionFunction
from .nodes import INode, Outline


@cache
def _words() -> tuple[tuple[str, SectionFunction], ...]:
    rows = lexicon.rows("structure/section_functions")
    return tuple((word, cast("SectionFunction", function)) for word, function in rows)


def by_title(title: str | None) -> SectionFunction | None:
    """The function a title names (保障措施 → safeguards), or None when it names none."""
    if not title:
        return None
    for word, function in _words():
        if word in title:
            return function
    return None


def _top(nodes: list[INode], out: dict[int, SectionFunction]) -> None:
    """The functions of one plan's top-level nodes (the document's, or a part's)."""
    seen_section = False
    for node in nodes:
        if node.kind == "paragraph":
            if node.role is None and not seen_section:
                out[id(node)] = "preamble"
        elif node.kind == "attachment":
            seen_section = True
            if node.label is None and node.title_rule != "appended_title":
                _top(node.children, out)  # a plan the notice issues: its sections are its own
            else:
                out[id(node)] = "annex"
        else:
            seen_section = True
            out[id(node)] = by_title(node.title) or "tasks"


def section_functions(outline: Outline) -> dict[int, SectionFunction]:
    """The function of every top-level node that has one, by id() of the node."""
    out: dict[int, SectionFunction] = {}
    _top(outline.children, out)
    return out
