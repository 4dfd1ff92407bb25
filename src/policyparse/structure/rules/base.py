"""What the outline rules see of a block, and the decisions they return."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ...layout.blocks import SHORT_LINE, Block
from ...layout.markers import Marker
from ...ruler import Decision
from ..builder import OutlineState, Phase

RuleFn = Callable[[OutlineState, "Seen"], "Decision | None"]


class Seen(NamedTuple):
    """A block as the rules see it: its text, whether it is short, its marker."""

    block: Block
    content: str
    short: bool
    marker: Marker | None


def seen(st: OutlineState, b: Block, marker: Marker | None) -> Seen:
    return Seen(b, st.folded[b.start : b.end], b.end - b.start <= SHORT_LINE, marker)


# The phases a rule may place a block in, by rule name (a rule not named runs in all).
PHASES: dict[str, tuple[Phase, ...]] = {}


def only_in(*phases: Phase) -> Callable[[RuleFn], RuleFn]:
    """Mark a rule as one that runs only in these phases of the notice."""

    def mark(rule: RuleFn) -> RuleFn:
        PHASES[rule.__name__] = phases
        return rule

    return mark
