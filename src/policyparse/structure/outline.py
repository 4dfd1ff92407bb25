"""Build the tree from blocks: levels by order of appearance, sequences checked.

Levels come from nesting, not from a fixed table of styles: a style not yet
open nests under whatever is open, a style already open closes what was opened
after it.  A marker opens a node only where it continues a sequence: 1 under a
new parent, or the number after the last one of its style (numbering that runs
straight through sections, as in (一)…(二十) across 一、…八、).

Unnumbered blocks belong to the deepest open node.  Three exceptions follow
drafting practice: paragraphs after the items of an article (第X条) are the
article's own paragraphs (款); paragraphs after the last run-in measure of a
part are the document's closing; notice parts (signature, date, notes, 附件
lists) always stand at the top.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..diagnostics import Issue
from ..layout.blocks import SHORT_LINE, Block
from ..layout.markers import Marker, match_marker
from ..layout.tables import Row
from ..text.fold import compact
from ..vocab import BlockRole, NodeKind, NodeStyle, Role
from .titles import title_span

MAX_GAP = 3  # a numbering gap up to this size still opens a node, with a warning
_ARTICLE = "zh_article"
_PART_END_ROLES = frozenset({"signature", "date"})
_TOP_ROLES = frozenset({"signature", "date", "note", "attachment_list", "doc_number"})
_TITLE_FORBIDDEN = frozenset("。,;:!?")


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
    heading_only: bool = False
    role: BlockRole | None = None
    children: list[INode] = field(default_factory=list)
    end: int = 0
    # Cells whose units answer for a table row: (start, end, role).
    table_units: list[tuple[int, int, Role]] = field(default_factory=list)


@dataclass(slots=True)
class Outline:
    """What the structure stage found: the tree and the notice's parts."""

    children: list[INode]
    title_blocks: list[Block]
    plan_title_blocks: list[Block]
    issues: list[Issue]


def _title_like(content: str) -> bool:
    c = compact(content)
    return 0 < len(c) <= 60 and not (_TITLE_FORBIDDEN & set(c))


class _Builder:
    def __init__(self, source: str, folded: str) -> None:
        self.src = source
        self.folded = folded
        self.top: list[INode] = []
        self.part_root: INode | None = None
        self.stack: list[INode] = []
        self.last_value: dict[str, int] = {}
        self.pending: list[Block] = []
        self.paths: set[str] = set()
        self.issues: list[Issue] = []
        self.title_blocks: list[Block] = []
        self.plan_title_blocks: list[Block] = []
        self.front = True  # still reading title, 文号 and 主送 at the top
        self.after_signature = False
        self.attachments = 0
        self.previous: Block | None = None
        self.rows: dict[int, Row] = {}
        self.cells: set[int] = set()

    # -- containers ---------------------------------------------------------
    def _root_children(self) -> list[INode]:
        return self.part_root.children if self.part_root is not None else self.top

    def _root_level(self) -> int:
        return self.part_root.level + 1 if self.part_root is not None else 1

    def _paragraph(self, b: Block, level: int, role: BlockRole | None = None) -> INode:
        return INode("paragraph", b.start, b.start, b.end, level=level, role=role, end=b.end)

    def _top_paragraph(self, b: Block, role: BlockRole | None = None) -> None:
        # A block at the top closes every open node: nothing after it can
        # belong to them without breaking the nesting of spans.
        self.stack.clear()
        self._root_children().append(self._paragraph(b, self._root_level(), role))

    def _flush_pending_to_top(self) -> None:
        for b in self.pending:
            self._top_paragraph(b)
        self.pending.clear()

    def _end_part(self) -> None:
        self._flush_pending_to_top()
        self.stack.clear()
        self.last_value.clear()

    # -- numbered blocks ----------------------------------------------------
    def _accept(self, mk: Marker) -> int | None:
        """Stack depth the new node goes to, or None if the marker is no node."""
        for idx in range(len(self.stack) - 1, -1, -1):
            open_node = self.stack[idx]
            if open_node.style != mk.style:
                continue
            prev = open_node.number or 0
            if mk.value == prev + 1:
                return idx
            if prev + 1 < mk.value <= prev + MAX_GAP and not mk.digit_follows:
                self.issues.append(
                    Issue(
                        "numbering_gap",
                        f"numbering jumps from {prev} to {mk.value}",
                        (mk.start, mk.end),
                    )
                )
                return idx
            if mk.value == prev:
                self.issues.append(
                    Issue(
                        "numbering_repeat",
                        f"number {mk.value} repeats; kept as text",
                        (mk.start, mk.end),
                    )
                )
            return None
        last = self.last_value.get(mk.style)
        if mk.digit_follows:
            ok = last is not None and mk.value == last + 1
        else:
            ok = mk.value == 1 or (last is not None and mk.value == last + 1)
            if not ok and last is not None and last + 1 < mk.value <= last + MAX_GAP:
                self.issues.append(
                    Issue(
                        "numbering_gap",
                        f"numbering jumps from {last} to {mk.value}",
                        (mk.start, mk.end),
                    )
                )
                ok = True
        return len(self.stack) if ok else None

    def _open(self, b: Block, mk: Marker, depth: int) -> bool:
        parent = self.stack[depth - 1] if depth > 0 else self.part_root
        prefix = parent.path + "." if parent is not None and parent.path else ""
        path = f"{prefix}{mk.value}"
        if path in self.paths:
            self.issues.append(
                Issue(
                    "duplicate_path",
                    f"path {path} is already taken; kept as text",
                    (mk.start, mk.end),
                )
            )
            return False
        self.paths.add(path)
        # What was read since the deepest open node belongs to it.
        if self.pending:
            self.stack[-1].text_end = self.pending[-1].end
            self.pending.clear()
        del self.stack[depth:]
        t_start, t_end, heading_only = title_span(self.folded, mk.end, b.end)
        text_start = t_start
        node = INode(
            "section",
            mk.start,
            text_start,
            b.end,
            level=(parent.level + 1) if parent is not None else 1,
            style=mk.style,
            label=(mk.start, mk.end),
            number=mk.value,
            path=path,
            heading_only=heading_only,
        )
        if t_end > t_start:
            node.title_span = (t_start, t_end)
            node.title = compact(self.src[t_start:t_end])
        (parent.children if parent is not None else self.top).append(node)
        self.stack.append(node)
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

    # -- unnumbered blocks --------------------------------------------------
    def _body(self, b: Block) -> None:
        if not self.stack:
            root = self.part_root
            if root is not None and not root.children:
                # An attachment's own text: table headers, notes before its first heading.
                if root.text_start == root.text_end:
                    root.text_start = b.start
                root.text_end = b.end
            else:
                self._flush_pending_to_top()
                self._top_paragraph(b)
            return
        node = self.stack[-1]
        if len(self.stack) >= 2 and self.stack[-2].style == _ARTICLE and node.style != _ARTICLE:
            self.stack.pop()  # items of an article are one paragraph each
            node = self.stack[-1]
        if node.children:
            node.children.append(self._paragraph(b, node.level + 1))
        elif node.title is None and node.text_end == node.text_start:
            # "第一章" alone on its line, title on the next.
            node.text_start = b.start
            node.text_end = b.end
            if _title_like(self.folded[b.start : b.end]):
                node.title_span = (b.start, b.end)
                node.title = compact(self.src[b.start : b.end])
                node.heading_only = True
        elif node.heading_only or node.style == _ARTICLE or b.glued:
            # A glued piece whose marker opened nothing was part of this text all along.
            node.text_end = b.end
            self.pending.clear()  # what lay between is inside the text now
        else:
            self.pending.append(b)

    def _open_attachment(self, b: Block) -> None:
        self._end_part()
        self.attachments += 1
        label_text = compact(self.src[b.start : b.end])
        digits = "".join(ch for ch in label_text if ch.isdigit())
        number = int(digits) if digits else self.attachments
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
            label=(b.start, b.end),
            number=number,
            path=path,
            heading_only=True,
        )
        self.top.append(node)
        self.part_root = node
        self.front = False
        self.after_signature = False

    def _attachment_title(self, b: Block) -> bool:
        root = self.part_root
        if root is None or root.title is not None or root.text_end > root.text_start:
            return False
        content = self.folded[b.start : b.end]
        if not _title_like(content):
            return False
        if root.text_start == root.text_end:
            root.text_start = b.start
        root.text_end = b.end
        root.title_span = (b.start, b.end)
        root.title = compact(self.src[b.start : b.end])
        return True

    # -- driver -------------------------------------------------------------
    def feed(self, b: Block) -> None:
        self._feed(b)
        self.previous = b

    def _continues(self, title_blocks: list[Block], b: Block) -> bool:
        """A title is one run of lines: nothing may stand between them, furniture neither."""
        if not title_blocks:
            return True
        last = title_blocks[-1]
        return (
            len(title_blocks) < 3
            and self.previous is last
            and not self.folded[last.end : b.start].strip()
        )

    def _open_row(self, row: Row) -> None:
        """A table row becomes a measure under the group heading it stands in."""
        if self.pending:
            # What was read since the last node belongs to it, as for any heading.
            self.stack[-1].text_end = self.pending[-1].end
            self.pending.clear()
        if self.stack and self.stack[-1].style == "table_row":
            self.stack.pop()
        parent = self.stack[-1] if self.stack else self.part_root
        prefix = parent.path + "." if parent is not None and parent.path else ""
        path = f"{prefix}{row.number}"
        b = row.number_block
        if path in self.paths:
            self.issues.append(
                Issue("duplicate_path", f"path {path} is already taken", (b.start, b.end))
            )
            self._body(b)
            return
        self.paths.add(path)
        title = row.cells[row.title]
        node = INode(
            "section",
            b.start,
            row.cells[0].start,
            row.cells[-1].end,
            level=(parent.level + 1) if parent is not None else 1,
            style="table_row",
            label=(b.start, b.end),
            number=row.number,
            path=path,
            title=compact(self.src[title.start : title.end]),
            title_span=(title.start, title.end),
        )
        if row.units is not None and row.role is not None:
            cell = row.cells[row.units]
            node.table_units.append((cell.start, cell.end, row.role))
        (parent.children if parent is not None else self.top).append(node)
        self.stack.append(node)

    def _feed(self, b: Block) -> None:
        row = self.rows.get(id(b))
        if row is not None:
            self._open_row(row)
            return
        if id(b) in self.cells:
            return  # inside the row opened above
        content = self.folded[b.start : b.end]
        if b.role == "attachment_marker":
            self._open_attachment(b)
            return
        if b.role in _TOP_ROLES:
            self._flush_pending_to_top()
            self._top_paragraph(b, b.role)
            if b.role in _PART_END_ROLES:
                self._end_part()
                self.after_signature = True
            if b.role != "doc_number":
                self.front = False
            return
        short = b.end - b.start <= SHORT_LINE
        mk = match_marker(self.folded, b.start, b.end)
        if mk is None and self.part_root is not None and self._attachment_title(b):
            return
        if self.front:
            if (
                short
                and mk is None
                and self._continues(self.title_blocks, b)
                and _title_like(content)
            ):
                self.title_blocks.append(b)
                self._top_paragraph(b, "title")
                return
            if short and mk is None and content.endswith(":") and "。" not in content:
                self.front = False
                self._top_paragraph(b, "addressee")
                return
            self.front = False
        if self.after_signature:
            cont = self._continues(self.plan_title_blocks, b)
            if short and mk is None and cont and _title_like(content):
                self.plan_title_blocks.append(b)
                self._top_paragraph(b, "title")
                return
            self.after_signature = False
        if mk is not None:
            depth = self._accept(mk)
            if depth is not None and self._open(b, mk, depth):
                return
        self._body(b)

    def finish(self) -> Outline:
        self._flush_pending_to_top()
        for node in self.top:
            _close(node)
        self._bodiless(self.top, None)
        self.issues.sort(key=lambda i: i.span or (-1, -1))
        return Outline(self.top, self.title_blocks, self.plan_title_blocks, self.issues)

    def _bodiless(self, nodes: list[INode], parent: INode | None) -> None:
        """Flag numbered headings with no title, or with neither a body nor children.

        An item that is one whole sentence (…。) has its body; a bare heading
        line (四、军民深度融合方面（共6项）) followed by the next heading has none.
        """
        for node in nodes:
            if node.kind != "paragraph" and node.title is None and node.label is not None:
                self.issues.append(
                    Issue("empty_heading", "numbered heading with no text", node.label, "info")
                )
            if (
                node.kind == "measure"
                and node.heading_only
                and node.style not in (_ARTICLE, "table_row")
                and (parent is None or parent.style != _ARTICLE)
                and node.title_span is not None
                and not self.folded[node.title_span[1] : node.text_end].strip(" :")
            ):
                self.issues.append(
                    Issue(
                        "heading_without_body",
                        "numbered heading with no text under it",
                        node.label,
                        "info",
                    )
                )
            self._bodiless(node.children, node)


def _close(node: INode) -> int:
    """Set spans and kinds bottom-up; returns the node's end."""
    end = node.text_end
    numbered_child = False
    for child in node.children:
        end = max(end, _close(child))
        numbered_child = numbered_child or child.kind != "paragraph"
    node.end = end
    if node.kind == "section" and not numbered_child:
        node.kind = "measure"
    return end


def build(source: str, folded: str, blocks: list[Block], rows: Iterable[Row] = ()) -> Outline:
    """Turn blocks into the document tree; *rows* are table rows found by tables.find."""
    builder = _Builder(source, folded)
    for row in rows:
        builder.rows[id(row.number_block)] = row
        builder.cells.update(id(c) for c in row.cells)
    for b in blocks:
        builder.feed(b)
    return builder.finish()
