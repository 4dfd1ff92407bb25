"""The outline rules: an ordered list of small named rules, one block at a time.

Each rule takes the state (builder.OutlineState) and a block with its marker,
and returns True when it has placed the block.  ``RULES`` are tried in order;
the name of the rule that placed a block is kept in the outline's trace
(``policyparse PLAN --explain`` prints it).  Two rules only move the phase on
and place nothing (leave_front, leave_after_signature).

To add a rule: write it with a docstring naming one block it takes and one it
leaves, put it in RULES where it must run, and add a small document that
needs it to tests/test_structure.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..layout.blocks import SHORT_LINE, Block
from ..layout.markers import Marker, match_box
from ..text.fold import compact
from .builder import ARTICLE, OutlineState, Phase, title_like

_PART_END_ROLES = frozenset({"signature", "date"})
_TOP_ROLES = frozenset({"signature", "date", "note", "attachment_list", "doc_number"})


class Seen(NamedTuple):
    """A block as the rules see it: its text, whether it is short, its marker."""

    block: Block
    content: str
    short: bool
    marker: Marker | None


Rule = Callable[[OutlineState, Seen], bool]
_ALL_PHASES: frozenset[Phase] = frozenset({"front", "body", "after_signature"})
_PHASES: dict[str, frozenset[Phase]] = {}


def only_in(*phases: Phase) -> Callable[[Rule], Rule]:
    """Mark a rule as able to place a block only in these phases (it passes in others)."""

    def mark(rule: Rule) -> Rule:
        _PHASES[rule.__name__] = frozenset(phases)
        return rule

    return mark


def table_row(st: OutlineState, s: Seen) -> bool:
    """The number cell of a table row (found by layout.tables) opens the row's measure.

    Takes 1 under 序号/改革举措/…/指导部门; leaves 1 in a table with no responsibility column.
    """
    row = st.rows.get(id(s.block))
    if row is None:
        return False
    if not st.open_row(row):
        body(st, s)  # its path is taken: kept as text
    return True


def table_cell(st: OutlineState, s: Seen) -> bool:
    """The other cells of a row belong to the row opened above; they open nothing.

    Takes 专利快速审查 in a row; leaves a line after the table.
    """
    return id(s.block) in st.cells


def issued_part(st: OutlineState, s: Seen) -> bool:
    """The title line of one of several documents a notice issues opens part A<k>.

    Takes 支持工业互联网发展若干政策 on its own line after a notice issuing it and one
    more document (structure.parts); leaves the title of the one plan a notice wraps
    (plan_title).
    """
    if id(s.block) not in st.part_openers:
        return False
    st.open_part(s.block)
    return True


def attachment(st: OutlineState, s: Seen) -> bool:
    """附件2 alone on its line opens an attachment at the top (path A2).

    Takes 附件1; leaves 附件：1.实施细则 (a list of attachments: notice_part).
    """
    if s.block.role != "attachment_marker":
        return False
    st.open_attachment(s.block)
    return True


def notice_part(st: OutlineState, s: Seen) -> bool:
    """Signature, date, notes, 附件 lists and 文号 stand at the top, whatever is open.

    A signature or date ends the part: the title of a wrapped plan may follow.
    Takes 国务院 over 2018年12月21日; leaves 国务院各部委要… (a sentence).
    """
    role = s.block.role
    if role not in _TOP_ROLES:
        return False
    st.flush_pending_to_top()
    st.top_paragraph(s.block, role)
    if role in _PART_END_ROLES:
        st.end_part()
        st.phase = "after_signature"
    elif role != "doc_number" and st.phase == "front":
        st.phase = "body"  # a note or a list of attachments ends the front matter
    return True


def attachment_title(st: OutlineState, s: Seen) -> bool:
    """The first short line of an attachment, before any text, is its title.

    Takes 附件1 / 重点任务清单; leaves a numbered line (一、…) right after 附件1.
    """
    root = st.part_root
    if s.marker is not None or root is None:
        return False
    if root.title is not None or root.text_end > root.text_start:
        return False
    b = s.block
    if not title_like(s.content):
        return False
    if root.text_start == root.text_end:
        root.text_start = b.start
    root.text_end = b.end
    root.title_span = (b.start, b.end)
    root.title = compact(st.source[b.start : b.end])
    return True


def _title_line(st: OutlineState, s: Seen, run: list[Block]) -> bool:
    """A short unnumbered title-like line that continues *run* (at most three) joins it."""
    if not s.short or s.marker is not None:
        return False
    if not st.continues(run, s.block) or not title_like(s.content):
        return False
    run.append(s.block)
    st.top_paragraph(s.block, "title")
    return True


@only_in("front")
def front_title(st: OutlineState, s: Seen) -> bool:
    """Short unnumbered lines at the very top, one run of up to three, are the title.

    Takes 国务院关于… / …的指导意见 over two lines; leaves 各省、自治区、直辖市人民政府：.
    """
    return st.phase == "front" and _title_line(st, s, st.title_blocks)


@only_in("front")
def addressee(st: OutlineState, s: Seen) -> bool:
    """A short line ending in a colon at the top is the 主送 line.

    Takes 各区县（市）人民政府，市直各单位：; leaves 一、总体要求：… (numbered).
    """
    if st.phase != "front" or not s.short or s.marker is not None:
        return False
    if not s.content.endswith(":") or "。" in s.content:
        return False
    st.phase = "body"
    st.top_paragraph(s.block, "addressee")
    return True


@only_in("front")
def leave_front(st: OutlineState, s: Seen) -> bool:
    """Any other block ends the front matter; it places nothing.

    Takes (as a phase change) 为贯彻落实…，制定本方案。; leaves nothing placed.
    """
    if st.phase == "front":
        st.phase = "body"
    return False


@only_in("after_signature")
def plan_title(st: OutlineState, s: Seen) -> bool:
    """Right after a signature or date, short lines are the title of the wrapped plan.

    Takes 宁波市大力提振消费专项行动实施方案 under the covering notice's date; leaves
    为进一步… (a sentence).
    """
    return st.phase == "after_signature" and _title_line(st, s, st.plan_title_blocks)


@only_in("after_signature")
def leave_after_signature(st: OutlineState, s: Seen) -> bool:
    """Any other block after the signature is the body again; it places nothing."""
    if st.phase == "after_signature":
        st.phase = "body"
    return False


def box(st: OutlineState, s: Seen) -> bool:
    """专栏N opens a box inside the deepest open node: path <node>.BN, its lines follow it.

    Takes 专栏2  工业互联网标识解析体系增强工程; leaves 专栏目录 (no number) and
    一、设立专栏 (a numbered heading).
    """
    if s.marker is not None:
        return False
    found = match_box(st.folded, s.block.start, s.block.end)
    return found is not None and st.open_box(s.block, found)


def numbered(st: OutlineState, s: Seen) -> bool:
    """A marker that continues a sequence opens a node at the depth its style gives.

    Takes （二） after （一）; leaves （二） repeated (kept as text, with a diagnostic)
    and 3. opening a paragraph where no 1. or 2. came before.
    """
    mk = s.marker
    if mk is None:
        return False
    depth = st.accept(mk)
    return depth is not None and st.open(s.block, mk, depth)


def body(st: OutlineState, s: Seen) -> bool:
    """Unnumbered text belongs to the deepest open node (or the top); it always places.

    Takes any paragraph; leaves nothing.
    """
    b = s.block
    if not st.stack:
        root = st.part_root
        if root is not None and not root.children:
            # An attachment's own text: table headers, notes before its first heading.
            if root.text_start == root.text_end:
                root.text_start = b.start
            root.text_end = b.end
        else:
            st.flush_pending_to_top()
            st.top_paragraph(b)
        return True
    node = st.stack[-1]
    if len(st.stack) >= 2 and st.stack[-2].style == ARTICLE and node.style != ARTICLE:
        st.stack.pop()  # items of an article are one paragraph each
        node = st.stack[-1]
    if node.children:
        node.children.append(st.paragraph(b, node.level + 1))
    elif node.title is None and node.text_end == node.text_start:
        # "第一章" alone on its line, title on the next.
        node.text_start = b.start
        node.text_end = b.end
        if title_like(st.folded[b.start : b.end]):
            node.title_span = (b.start, b.end)
            node.title = compact(st.source[b.start : b.end])
            node.heading_only = True
    elif node.heading_only or node.style == ARTICLE or b.glued:
        # A glued piece whose marker opened nothing was part of this text all along.
        node.text_end = b.end
        st.pending.clear()  # what lay between is inside the text now
    else:
        st.pending.append(b)
    return True


RULES: tuple[Rule, ...] = (
    table_row,
    table_cell,
    issued_part,
    attachment,
    notice_part,
    attachment_title,
    front_title,
    addressee,
    leave_front,
    plan_title,
    leave_after_signature,
    box,
    numbered,
    body,
)


# The rules a block is offered to, by the phase at its start.  A rule marked
# only_in(phase) returns False in any other phase, so leaving it out there
# changes nothing but the time taken.
RULES_BY_PHASE: dict[Phase, tuple[Rule, ...]] = {
    phase: tuple(r for r in RULES if phase in _PHASES.get(r.__name__, _ALL_PHASES))
    for phase in _ALL_PHASES
}


def seen(st: OutlineState, b: Block, marker: Marker | None) -> Seen:
    return Seen(b, st.folded[b.start : b.end], b.end - b.start <= SHORT_LINE, marker)
