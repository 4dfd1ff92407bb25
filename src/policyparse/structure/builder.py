"""The outline's state and the operations the rules perform on it.

One ``OutlineState`` holds everything the rules read and change: the nodes
open on a stack, the last number of each style, the paragraphs waiting for
a node, the notice's phase.  The phase replaces two booleans of 0.1.0:

- ``front``: before the body, where the title, 文号 and 主送 stand;
- ``body``: numbered headings and their text;
- ``after_signature``: right after a signature or date, where the title of
  the plan a covering notice wraps may stand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..diagnostics import Capped, Issue
from ..layout.blocks import Block
from ..layout.markers import BoxMarker, Marker
from ..layout.tablemodel import Row
from ..text.fold import compact
from ..vocab import BlockRole, NodeStyle
from .nodes import INode
from .titles import TitleCut, attachment_label, attachment_number, title_span

Phase = Literal["front", "body", "after_signature"]

MAX_GAP = 3  # a numbering gap up to this size still opens a node, with a warning
TOP_STYLE = "cn_dun"  # 一、: the style of a plan's parts
# Real plans have hundreds of nodes (the corpus at most 454); every node costs a few
# kilobytes through to its JSON.  Past this many the rest of the input is one
# paragraph, with a diagnostic, so that memory stays within docs/performance.md.
MAX_NODES = 10_000
ARTICLE: NodeStyle = "zh_article"
TITLE_MAX = 60
_TITLE_FORBIDDEN = frozenset("。,;:!?")
_PART_END_ROLES = frozenset({"signature", "date"})


def title_like(content: str) -> bool:
    """Short and free of sentence punctuation: a line that can be a title."""
    c = compact(content)
    return 0 < len(c) <= TITLE_MAX and not (_TITLE_FORBIDDEN & set(c))


def _gap(prev: int, mk: Marker) -> Issue:
    return Issue("numbering_gap", f"numbering jumps from {prev} to {mk.value}", (mk.start, mk.end))


def _continue(prev: int, mk: Marker, idx: int) -> tuple[int | None, Issue | None]:
    """The next number of an open style: at its depth, after a small gap, or a repeat."""
    if mk.value == prev + 1:
        return idx, None
    if prev + 1 < mk.value <= prev + MAX_GAP and not mk.digit_follows:
        return idx, _gap(prev, mk)
    if mk.value == prev:
        return None, Issue(
            "numbering_repeat", f"number {mk.value} repeats; kept as text", (mk.start, mk.end)
        )
    return None, None


@dataclass(slots=True)
class OutlineState:
    """Everything the outline rules read and change, block after block."""

    source: str
    folded: str
    phase: Phase = "front"
    top: list[INode] = field(default_factory=list)
    part_root: INode | None = None  # the attachment being read, if any
    stack: list[INode] = field(default_factory=list)  # the open nodes, outermost first
    last_value: dict[str, int] = field(default_factory=dict)  # per style, in this part
    pending: list[Block] = field(default_factory=list)  # text waiting for its node
    paths: set[str] = field(default_factory=set)
    issues: list[Issue] = field(default_factory=Capped)
    title_blocks: list[Block] = field(default_factory=list)
    plan_title_blocks: list[Block] = field(default_factory=list)
    attachments: int = 0
    previous: Block | None = None
    rows: dict[int, list[Row]] = field(default_factory=dict)  # id(number block) → its rows
    cells: set[int] = field(default_factory=set)  # id() of blocks that are row cells
    values: set[int] = field(default_factory=set)  # id() of an indicator table's figures
    # Where lines of bodies a flattened table printed start (layout/flatrows.py): the
    # unit cells of the node above, its text even after the plan's last item.
    owned: set[int] = field(default_factory=set)
    # id() of blocks that open a part → the lines their titles wrap onto
    part_openers: dict[int, tuple[Block, ...]] = field(default_factory=dict)
    # An appended document's title (structure.parts): id() of its first line → its lines;
    # the lines after the first, once the part is open.
    appended: dict[int, tuple[Block, ...]] = field(default_factory=dict)
    title_rest: set[int] = field(default_factory=set)
    plan_part: INode | None = None  # the wrapped plan, as a part after a numbered notice
    made: int = 0  # nodes made so far (MAX_NODES)
    # Boxes printed as tables: where each table starts and ends, where
    # a run of lines ending in a bar ends, and the box being read with where it ends.
    table_ends: dict[int, int] = field(default_factory=dict)
    groups: dict[int, int] = field(default_factory=dict)  # id() of a table's group rows: depth
    # A task table's caption (or its first line where it has none) → whether it is a
    # caption, and the marker of the table's first heading row (一、…): structure.rules.tables.
    table_heads: dict[int, tuple[bool, Marker]] = field(default_factory=dict)
    row_ends: dict[int, int] = field(default_factory=dict)  # id(row's first block) → table end
    table_end: int | None = None  # where the table whose rows are open ends
    row_paths: set[str] = field(default_factory=set)  # the paths of table rows
    bar_ends: dict[int, int] = field(default_factory=dict)
    box: INode | None = None
    box_end: int | None = None
    box_lines: int = 0

    # -- containers ------------------------------------------------------------
    def root_children(self) -> list[INode]:
        return self.part_root.children if self.part_root is not None else self.top

    def root_level(self) -> int:
        return self.part_root.level + 1 if self.part_root is not None else 1

    def paragraph(self, b: Block, level: int, role: BlockRole | None = None) -> INode:
        self.made += 1
        return INode("paragraph", b.start, b.start, b.end, level=level, role=role, end=b.end)

    def top_paragraph(self, b: Block, role: BlockRole | None = None) -> None:
        """A paragraph at the top; it closes every open node (spans must nest)."""
        self.stack.clear()
        self.root_children().append(self.paragraph(b, self.root_level(), role))

    def flush_pending_to_top(self) -> None:
        for b in self.pending:
            self.top_paragraph(b)
        self.pending.clear()

    def absorb_pending(self) -> None:
        """What was read since the deepest open node belongs to it (a heading follows)."""
        if self.pending:
            self.stack[-1].text_end = self.pending[-1].end
            self.pending.clear()

    def end_part(self) -> None:
        self.flush_pending_to_top()
        self.stack.clear()
        self.last_value.clear()

    def enter(self, parent: INode | None, node: INode, cut: TitleCut) -> None:
        """Give a new node its title, attach it and make it the deepest open one."""
        if cut.end > cut.start:
            node.title_span = (cut.start, cut.end)
            node.title = compact(self.source[cut.start : cut.end])
            node.title_rule = cut.rule
        self.attach(parent, node)
        self.stack.append(node)

    def attach(self, parent: INode | None, node: INode) -> None:
        self.made += 1
        (parent.children if parent is not None else self.top).append(node)

    def claim_path(
        self, parent: INode | None, number: int, span: tuple[int, int], note: str
    ) -> str | None:
        """The path of a new child of *parent*, or None (with a diagnostic) if it is taken."""
        prefix = parent.path + "." if parent is not None and parent.path else ""
        path = f"{prefix}{number}"
        if path in self.paths:
            if path in self.row_paths:  # 1、… after a table whose row 1 is A1.1: a list's cell
                message = f"path {path} is a table row's{note}"
                self.issues.append(Issue("duplicate_path", message, span, "info"))
                return None
            self.issues.append(Issue("duplicate_path", f"path {path} is already taken{note}", span))
            return None
        self.paths.add(path)
        return path

    def continues(self, blocks: list[Block], b: Block) -> bool:
        """A title is one run of lines: nothing may stand between them, furniture neither."""
        if not blocks:
            return True
        last = blocks[-1]
        return (
            len(blocks) < 3
            and self.previous is last
            and not self.folded[last.end : b.start].strip()
        )

    # -- numbered blocks -------------------------------------------------------
    def depth_for(self, mk: Marker) -> tuple[int | None, Issue | None]:
        """Stack depth the new node goes to (None if the marker opens no node), and a warning.

        A style already open continues its sequence at its own depth (a small
        gap with a warning; a repeat is kept as text, with a warning); a new
        style opens below the open nodes if it starts at 1 or continues the
        style's last number.  Reads the state only.
        """
        for idx in range(len(self.stack) - 1, -1, -1):
            open_node = self.stack[idx]
            if open_node.style != mk.style:
                continue
            return _continue(open_node.number or 0, mk, idx)
        last = self.last_value.get(mk.style)
        if mk.digit_follows:
            ok = last is not None and mk.value == last + 1
            return (len(self.stack) if ok else None), None
        if mk.value == 1 or (last is not None and mk.value == last + 1):
            return len(self.stack), None
        if last is not None and last + 1 < mk.value <= last + MAX_GAP:
            return len(self.stack), _gap(last, mk)
        if self._first_part(mk):
            return 0, Issue(
                "numbering_gap",
                f"the first part is numbered {mk.value}: the parts before it are not in the text",
                (mk.start, mk.end),
            )
        return None, None

    def _first_part(self, mk: Marker) -> bool:
        """The first numbered line of a text opens a top-level part numbered past 1 (三、2024年
        主要工作安排: a page that prints the later parts of a report alone), where nothing is
        open and no number of any style came before."""
        top = mk.style == TOP_STYLE and 1 < mk.value <= 1 + MAX_GAP
        return top and not self.stack and not self.last_value and self.part_root is None

    def open(self, b: Block, mk: Marker, depth: int) -> bool:
        """Open a numbered node at *depth*; False if its path is taken (kept as text)."""
        parent = self.stack[depth - 1] if depth > 0 else self.part_root
        path = self.claim_path(parent, mk.value, (mk.start, mk.end), "; kept as text")
        if path is None:
            return False
        self.absorb_pending()
        del self.stack[depth:]
        # Articles of a regulation and the items under them are provisions, not plans'
        # measures: their first sentence is no heading phrase.
        provision = mk.style == ARTICLE or any(n.style == ARTICLE for n in self.stack[:depth])
        cut = title_span(self.folded, mk.end, b.end, not provision)
        node = INode(
            "section",
            mk.start,
            cut.start,
            b.end,
            level=(parent.level + 1) if parent is not None else 1,
            style=mk.style,
            label=(mk.start, mk.end),
            number=mk.value,
            path=path,
            heading_only=cut.heading_only,
        )
        self.enter(parent, node, cut)
        self.last_value[mk.style] = mk.value
        if b.glued:
            self.issues.append(
                Issue(
                    "glued_heading",
                    "heading split off the paragraph it was glued to",
                    (mk.start, mk.end),
                    "info",
                )
            )
        return True

    def close_table(self, b: Block) -> None:
        """Past the end of a table, its rows are closed: what follows is the node's the
        table stands in (the numbered lines of the next list are not a row's children)."""
        if self.table_end is None or b.start < self.table_end:
            return
        self.table_end = None
        if not any(n.style == "table_row" for n in self.stack):
            return
        self.absorb_pending()
        while self.stack and self.stack[-1].style == "table_row":
            self.stack.pop()

    def open_row(self, row: Row) -> bool:
        """A table row becomes a measure under the group heading it stands in."""
        self.table_end = self.row_ends.get(id(row.first), self.table_end)
        self.absorb_pending()
        if (
            self.stack
            and self.stack[-1].style == "table_row"
            and id(self.stack[-1]) not in self.groups
        ):
            self.stack.pop()
        while row.group and self.stack and self.groups.get(id(self.stack[-1]), -1) >= row.depth:
            self.stack.pop()  # 二 after the rows of 一: a group closes those of its level
        parent = self.stack[-1] if self.stack else self.part_root
        path = self.claim_path(parent, row.number, row.label, "")
        if path is None:
            return False
        self.row_paths.add(path)
        node = INode(
            "section",
            row.first.start,
            row.text_start,
            row.end,
            level=(parent.level + 1) if parent is not None else 1,
            style="table_row",
            label=row.label,
            number=row.number,
            path=path,
            title=compact(self.source[row.title[0] : row.title[1]]),
            title_span=row.title,
            title_rule="task_cell",
        )
        node.table_units.extend(row.units)
        node.table_deadline = row.deadline
        node.table_years.extend(row.years)
        self.attach(parent, node)
        self.stack.append(node)
        if row.group:
            self.groups[id(node)] = row.depth
        return True

    def open_box(self, b: Block, box: BoxMarker) -> bool:
        """专栏2: a box inside the deepest open node, path <node>.B2; False if the path is taken.

        A box's lines follow it: what was read since the box it ends is its text,
        taken before it is closed (its node's text must end at its first child).
        """
        if self.stack and self.stack[-1].kind == "box":
            self.absorb_pending()
        while self.stack and self.stack[-1].kind == "box":
            self.stack.pop()  # a box ends where the next one starts
        parent = self.stack[-1] if self.stack else self.part_root
        prefix = parent.path + "." if parent is not None and parent.path else ""
        path = f"{prefix}B{box.value or ''}"  # 专栏 with no number: B
        if path in self.paths:
            self.issues.append(
                Issue(
                    "duplicate_path",
                    f"path {path} is already taken; kept as text",
                    (box.start, box.end),
                )
            )
            return False
        self.paths.add(path)
        self.absorb_pending()
        end = b.end
        while end > box.end and self.folded[end - 1] in " |":
            end -= 1  # 专栏2：综合运输通道 |: a one-cell table's bar is no part of the title
        cut = title_span(self.folded, box.end, end, run_in=False)
        node = INode(
            "box",
            box.start,
            cut.start,
            b.end,
            level=(parent.level + 1) if parent is not None else 1,
            style="box",
            label=(box.start, box.end),
            number=box.value,
            path=path,
            heading_only=cut.heading_only,
        )
        self.enter(parent, node, cut)
        return True

    def open_part(self, b: Block, rest: tuple[Block, ...] = (), rule: str = "issued_title") -> None:
        """A document's title line: part A<k>, titled by it and the lines *rest* it wraps onto.

        One of several documents a notice issues (issued_title), or a document printed
        after the notice it explains (appended_title).
        """
        end = rest[-1].end if rest else b.end
        node = self._next_part(b.start, end)
        node.title = compact(self.source[b.start : end])
        node.title_span = (b.start, end)
        node.title_rule = rule
        node.heading_only = True
        self.title_rest = {id(r) for r in rest}

    def open_table_part(self, b: Block, captioned: bool) -> None:
        """A task table printed after the plan as a whole of its own: part A<k>, titled by its
        caption (全面推进…任务分解表), untitled where its header is its first line."""
        if captioned:
            self.open_part(b, rule="table_caption")
            return
        self._next_part(b.start, b.start)
        self.place_text(b)

    def _next_part(self, start: int, end: int) -> INode:
        """Part A<k> at the top, numbered by order, open for the body: the one being read."""
        self.end_part()
        self.attachments += 1
        path = f"A{self.attachments}"
        self.paths.add(path)
        node = INode("attachment", start, start, end, level=1, number=self.attachments, path=path)
        self.made += 1
        self.top.append(node)
        self.part_root = node
        self.phase = "body"
        return node

    def open_plan_part(self, b: Block) -> None:
        """The wrapped plan's first title line after a numbered notice: part A<k>.

        The lines stay the plan's title (Document.plan_title) and later title lines
        extend the part's (plan_part_line) until the body starts.
        """
        self.plan_title_blocks.append(b)
        self.open_part(b, rule="plan_title")
        self.plan_part = self.part_root
        self.phase = "after_signature"

    def plan_part_line(self, b: Block) -> None:
        """One more line of the wrapped plan's title, inside its part."""
        self.plan_title_blocks.append(b)
        node = self.plan_part
        assert node is not None
        start = node.title_span[0] if node.title_span else b.start
        node.title_span = (start, b.end)
        node.title = compact(self.source[start : b.end])
        node.text_end = b.end

    def title_rest_line(self, b: Block) -> None:
        """A later line of a part's title, already inside the part's title span."""
        self.title_rest.discard(id(b))

    def open_attachment(self, b: Block, head: tuple[int, int] | None = None) -> None:
        """附件2: a new part at the top, numbered A2 (or by order where the number is taken).

        附件1：某某行动计划 on one line: the label is 附件1, the title the words after it.
        *head* (end of the label, start of the title) is given by a rule that read the
        line already (附件2.表格 inside an attachment: next_attachment).
        """
        self.end_part()
        self.attachments += 1
        if head is None:
            label_end, title_start = attachment_label(self.folded, b.start, b.end)
        else:
            label_end, title_start = head
        label_text = compact(self.source[b.start : label_end])
        number = attachment_number(label_text) or self.attachments
        path = f"A{number}"
        if path in self.paths:
            number = self.attachments
            path = f"A{number}"
        self.paths.add(path)
        node = INode(
            "attachment",
            b.start,
            b.end,
            b.end,
            level=1,
            label=(b.start, label_end),
            number=number,
            path=path,
            heading_only=True,
        )
        if title_start < b.end:
            node.title_span = (title_start, b.end)
            node.title = compact(self.source[title_start : b.end])
            node.title_rule = "attachment_line"
        self.made += 1
        self.top.append(node)
        self.part_root = node
        self.phase = "body"

    def rest_as_text(self, start: int, end: int) -> None:
        """Past MAX_NODES: everything from *start* on is one paragraph at the top."""
        self.flush_pending_to_top()
        self.stack.clear()
        self.part_root = None
        self.top.append(INode("paragraph", start, start, end, level=1, end=end))
        message = (
            f"more than {MAX_NODES:,} nodes: the rest of the input, from here on, is one "
            "paragraph (no plan has so many; its units and targets are still read)"
        )
        self.issues.append(Issue("too_many_nodes", message, (start, start)))

    # -- boxes printed as tables ------------------------------------------------------
    def close_box_table(self, b: Block) -> None:
        """A box printed as a table ends where its table ends: what follows is the node's."""
        box = self.box
        if box is None or self.box_end is None or b.start < self.box_end:
            return
        if box in self.stack:
            del self.stack[self.stack.index(box) :]
        self.box, self.box_end = None, None

    def note_box_table(self, b: Block) -> None:
        """After a block: a box just opened, or its first line, may say where the box ends.

        专栏2：综合运输通道 | (a one-cell table whose lines end in a bar) ends with the last
        of those lines; 专栏1 followed by a table ends with that table.
        """
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == "box" and top is not self.box:
            self.box, self.box_end, self.box_lines = top, self.bar_ends.get(id(b)), 0
            return
        if self.box is None or top is not self.box:
            return
        self.box_lines += 1
        if self.box_lines == 1 and self.box_end is None and b.start in self.table_ends:
            self.box_end = self.table_ends[b.start]

    # -- edits: what the rules' decisions do -----------------------------------------
    def place_text(self, b: Block) -> None:
        """Unnumbered text belongs to the deepest open node (or the top, or the attachment)."""
        if not self.stack:
            root = self.part_root
            if root is not None and not root.children:
                # An attachment's own text: table headers, notes before its first heading.
                if root.text_start == root.text_end:
                    root.text_start = b.start
                root.text_end = b.end
            else:
                self.flush_pending_to_top()
                self.top_paragraph(b)
            return
        node = self.stack[-1]
        if len(self.stack) >= 2 and self.stack[-2].style == ARTICLE and node.style != ARTICLE:
            self.stack.pop()  # items of an article are one paragraph each
            node = self.stack[-1]
        if node.children:
            node.children.append(self.paragraph(b, node.level + 1))
        elif node.title is None and node.text_end == node.text_start:
            # "第一章" alone on its line, title on the next.
            node.text_start = b.start
            node.text_end = b.end
            if title_like(self.folded[b.start : b.end]):
                node.title_span = (b.start, b.end)
                node.title = compact(self.source[b.start : b.end])
                node.title_rule = "next_line"
                node.heading_only = True
        elif self._runs_on(node, b):
            # A glued piece whose marker opened nothing was part of this text all along.
            node.text_end = b.end
            self.pending.clear()  # what lay between is inside the text now
        else:
            self.pending.append(b)

    def _runs_on(self, node: INode, b: Block) -> bool:
        """Whether *b* is the node's text at once, with no doubt left for later: a heading
        alone on its line, an article's item, a glued piece, a flattened table's bodies."""
        return node.heading_only or node.style == ARTICLE or b.glued or b.start in self.owned

    def row_or_text(self, b: Block, row: Row) -> None:
        """A table row's measure; its number kept as text where the path is taken."""
        if not self.open_row(row):
            self.place_text(b)

    def box_or_text(self, b: Block, box: BoxMarker) -> None:
        """A box; its line kept as text where the path is taken."""
        if not self.open_box(b, box):
            self.place_text(b)

    def open_or_text(self, b: Block, mk: Marker, depth: int) -> None:
        """A numbered node; its line kept as text where the path is taken."""
        if not self.open(b, mk, depth):
            self.place_text(b)

    def notice(self, b: Block, role: BlockRole) -> None:
        """A notice part at the top; a signature or date ends the part, a note the front."""
        self.flush_pending_to_top()
        self.top_paragraph(b, role)
        if role in _PART_END_ROLES:
            self.end_part()
            self.phase = "after_signature"
        elif role != "doc_number" and self.phase == "front":
            self.phase = "body"  # a note or a list of attachments ends the front matter

    def title_attachment(self, b: Block) -> None:
        """The attachment's first short line is its title."""
        root = self.part_root
        assert root is not None
        if root.text_start == root.text_end:
            root.text_start = b.start
        root.text_end = b.end
        root.title_span = (b.start, b.end)
        root.title = compact(self.source[b.start : b.end])
        root.title_rule = "attachment_title"

    def title_line(self, run: list[Block], b: Block) -> None:
        """One more line of a title run (the notice's, or the wrapped plan's)."""
        run.append(b)
        self.top_paragraph(b, "title")

    def addressee(self, b: Block) -> None:
        self.phase = "body"
        self.top_paragraph(b, "addressee")

    def set_phase(self, phase: Phase) -> None:
        self.phase = phase

    def warn(self, issue: Issue) -> None:
        self.issues.append(issue)
