"""The structure stage's output: the tree of INodes, the notice's title blocks, the trace."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Issue
from ..layout.blocks import Block
from ..vocab import BlockRole, NodeKind, NodeStyle, Role


@dataclass(slots=True)
class INode:
    """A node while the tree is being built; model.Node is made from it later."""

    kind: NodeKind
    start: int
    text_start: int
    text_end: int
    level: int = 1
    style: NodeStyle | None = None
    label: tuple[int, int] | None = None
    number: int | None = None
    path: str | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    title_rule: str = ""  # the form that cut the title (structure.titles), for the trace
    heading_only: bool = False
    role: BlockRole | None = None
    children: list[INode] = field(default_factory=list)
    end: int = 0
    # Cells whose units answer for a table row: (start, end, role, the column's header).
    table_units: list[tuple[int, int, Role, str]] = field(default_factory=list)
    table_deadline: tuple[int, int] | None = None  # a task row's 完成时限 cell
    # A task row's cells under a target-year column: (start, end, year, the header).
    table_years: list[tuple[int, int, int, str]] = field(default_factory=list)


@dataclass(slots=True)
class Outline:
    """What the structure stage found: the tree, the notice's parts, and how."""

    children: list[INode]
    title_blocks: list[Block]
    plan_title_blocks: list[Block]
    issues: list[Issue]


def walk(nodes: list[INode]) -> list[INode]:
    """Every node under *nodes*, in document order."""
    out: list[INode] = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node.children))
    return out
