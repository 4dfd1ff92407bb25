"""The parts of a notice: title, 主送, signature and date, attachments, the wrapped plan's title."""

from __future__ import annotations

from functools import partial

from ...layout.markers import match_box
from ...layout.roles import attachment_head
from ...ruler import Decision
from ...text.fold import compact
from ..builder import OutlineState, title_like
from ..nodes import INode
from .base import Seen, only_in

_TOP_ROLES = frozenset({"signature", "date", "note", "attachment_list", "doc_number"})


def issued_part(st: OutlineState, s: Seen) -> Decision | None:
    """The title line of one of several documents a notice issues opens part A<k>.

    Takes 支持工业互联网发展若干政策 on its own line after a notice issuing it and one
    more document (structure.parts); leaves the title of the one plan a notice wraps
    (plan_title).
    """
    rest = st.part_openers.get(id(s.block))
    if rest is None:
        return None
    return Decision("attachment", (partial(OutlineState.open_part, b=s.block, rest=rest),))


@only_in("body", "after_signature")
def appended_part(st: OutlineState, s: Seen) -> Decision | None:
    """A 解读 (起草说明, 答记者问 …) titled on its own line(s) after a notice opens part A<k>.

    Its numbering restarts and its targets and units are its own, not the notice's last
    item's.  Takes 关于调整某项政策的解读 (or 关于阶段性实施某项 / 政策的解读 over two
    lines, structure.parts) after 四、…。 / 特此通知; leaves 三、政策解读 (a numbered
    heading), 做好政策解读。 (a sentence), the same line at the top of a page that is
    the 解读 (the document's title: front_title), and the line right after 附件 (the
    attachment's title: attachment_title).
    """
    if id(s.block) in st.title_rest:
        return Decision("title", (partial(OutlineState.title_rest_line, b=s.block),))
    run = st.appended.get(id(s.block))
    if run is None or _awaits_title(st.part_root):
        return None
    edit = partial(OutlineState.open_part, b=run[0], rest=run[1:], rule="appended_title")
    return Decision("attachment", (edit,), why=f"{len(run)} title line(s)")


def _awaits_title(root: INode | None) -> bool:
    """An attachment opened by 附件 alone, nothing read in it yet: its title comes next."""
    if root is None or root.title is not None or root.children:
        return False
    return root.text_end == root.text_start


def attachment(st: OutlineState, s: Seen) -> Decision | None:
    """附件2 alone on its line opens an attachment at the top (path A2).

    Takes 附件1; leaves 附件：1.实施细则 (a list of attachments: notice_part).
    """
    if s.block.role != "attachment_marker":
        return None
    return Decision("attachment", (partial(OutlineState.open_attachment, b=s.block),))


def next_attachment(st: OutlineState, s: Seen) -> Decision | None:
    """Inside an attachment, 附件2.表格 opens the next one (A2), titled by the rest of its line.

    Takes 附件2.表格 after 附件 / 1.名单; leaves 附件1.docx before any attachment
    (a list of files at the end of a notice) and 附件2.关于…的通知。 (a sentence).
    """
    if st.part_root is None or s.marker is not None or s.block.role is not None:
        return None
    head = attachment_head(st.folded, s.block.start, s.block.end)
    if head is None or not title_like(st.folded[head[1] : s.block.end]):
        return None
    edit = partial(OutlineState.open_attachment, b=s.block, head=head)
    return Decision("attachment", (edit,))


def notice_part(st: OutlineState, s: Seen) -> Decision | None:
    """Signature, date, notes, 附件 lists and 文号 stand at the top, whatever is open.

    A signature or date ends the part: the title of a wrapped plan may follow.
    Takes 国务院 over 2018年12月21日; leaves 国务院各部委要… (a sentence).
    """
    role = s.block.role
    if role not in _TOP_ROLES:
        return None
    assert role is not None
    return Decision(role, (partial(OutlineState.notice, b=s.block, role=role),))


def attachment_title(st: OutlineState, s: Seen) -> Decision | None:
    """The first short line of an attachment, before any text, is its title.

    Takes 附件1 / 重点任务清单; leaves a numbered line (一、…) right after 附件1, and
    any line after the attachment's first heading (its text, or a box).
    """
    root = st.part_root
    if s.marker is not None or root is None or root.children:
        return None
    if root.title is not None or root.text_end > root.text_start:
        return None
    if not title_like(s.content):
        return None
    why = compact(st.source[s.block.start : s.block.end])
    return Decision("title", (partial(OutlineState.title_attachment, b=s.block),), why=why)


def _title_line(st: OutlineState, s: Seen, run: list) -> bool:  # type: ignore[type-arg]
    """Whether a short unnumbered title-like line continues *run* (at most three lines)."""
    if not s.short or s.marker is not None:
        return False
    return st.continues(run, s.block) and title_like(s.content)


@only_in("front")
def front_title(st: OutlineState, s: Seen) -> Decision | None:
    """Short unnumbered lines at the very top, one run of up to three, are the title.

    Takes 国务院关于… / …的指导意见 over two lines; leaves 各省、自治区、直辖市人民政府：
    and 专栏2 某某主要指标 (a box at the top of an excerpt: rule box).
    """
    if not _title_line(st, s, st.title_blocks):
        return None
    found = match_box(st.folded, s.block.start, s.block.end)
    if found is not None and found.value > 0:
        return None
    return Decision("title", (partial(OutlineState.title_line, run=st.title_blocks, b=s.block),))


@only_in("front")
def addressee(st: OutlineState, s: Seen) -> Decision | None:
    """A short line ending in a colon at the top is the 主送 line.

    Takes 各区县（市）人民政府，市直各单位：; leaves 一、总体要求：… (numbered) and a
    sentence that introduces a list (2023年，全省将抓好50项民生实事，安排如下：): a 主送
    line names bodies and prints no figure.
    """
    if not s.short or s.marker is not None:
        return None
    if not s.content.endswith(":") or "。" in s.content:
        return None
    if any("0" <= ch <= "9" for ch in s.content):
        return None
    return Decision("addressee", (partial(OutlineState.addressee, b=s.block),))


@only_in("front")
def leave_front(st: OutlineState, s: Seen) -> Decision | None:
    """Any other block ends the front matter; it places nothing (the next rules do).

    Takes (as a phase change) 为贯彻落实…，制定本方案。; leaves nothing placed.
    """
    return Decision("phase: body", (partial(OutlineState.set_phase, phase="body"),), final=False)


@only_in("after_signature")
def plan_title(st: OutlineState, s: Seen) -> Decision | None:
    """Right after a signature or date, short lines are the title of the wrapped plan.

    Takes 宁波市大力提振消费专项行动实施方案 under the covering notice's date; leaves
    为进一步… (a sentence). Where the notice numbers items of its own (一、…意见寄送
    二、…截止日期, then the signature), the plan opens part A<k> titled by these
    lines, so that its 一、 starts its own outline.
    """
    if not _title_line(st, s, st.plan_title_blocks):
        return None
    if st.plan_part is not None:
        return Decision("plan_title", (partial(OutlineState.plan_part_line, b=s.block),))
    if not st.plan_title_blocks and _numbered_notice(st):
        edit = partial(OutlineState.open_plan_part, b=s.block)
        return Decision("attachment", (edit,), why="the notice has numbered items")
    edit = partial(OutlineState.title_line, run=st.plan_title_blocks, b=s.block)
    return Decision("plan_title", (edit,))


def _numbered_notice(st: OutlineState) -> bool:
    """Whether the notice before the plan numbers items of its own (一、意见寄送…).

    The plan's 一、 restarts that numbering, so the plan opens a part of its own;
    a notice of paragraphs only leaves the plan's sections at the top.
    """
    return st.part_root is None and any(n.kind != "paragraph" for n in st.top)


@only_in("after_signature")
def leave_after_signature(st: OutlineState, s: Seen) -> Decision | None:
    """Any other block after the signature is the body again; it places nothing.

    Takes (as a phase change) 一、总体要求 right after the date; leaves nothing placed.
    """
    return Decision("phase: body", (partial(OutlineState.set_phase, phase="body"),), final=False)
