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

The decisions are the named rules of structure.rules (one chain), tried in
order for each block over one OutlineState (structure.builder); the trace
keeps the rule that placed each block.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..diagnostics import Capped, Issue
from ..layout.blocks import Block
from ..layout.captions import CAPTION_MAX
from ..layout.markers import Marker, match_marker
from ..layout.tablemodel import Row, Table
from ..ruler import Step
from .builder import ARTICLE, MAX_NODES, OutlineState
from .nodes import INode, Outline, walk
from .parts import appended_openers, part_openers
from .rules import CHAIN, seen

__all__ = ["INode", "Outline", "build"]


def build(
    source: str,
    folded: str,
    blocks: list[Block],
    rows: Iterable[Row] = (),
    trace: list[Step] | None = None,
    tables: Iterable[Table] = (),
) -> Outline:
    """Turn blocks into the document tree; *rows* are table rows found by layout.tables.

    *trace* gets one step per block (the rule that placed it), and one per phase change.
    """
    st = OutlineState(
        source,
        folded,
        part_openers=part_openers(folded, blocks),
        appended=appended_openers(folded, blocks),
    )
    tables = list(tables)
    _note_tables(st, folded, rows, tables)
    _note_table_heads(st, folded, blocks, tables)
    st.bar_ends = _bar_runs(folded, blocks)
    for b in blocks:
        if st.made + len(st.pending) >= MAX_NODES:  # pending lines may each become one
            st.rest_as_text(b.start, blocks[-1].end)
            break
        st.close_box_table(b)
        st.close_table(b)
        CHAIN.decide(st, seen(st, b, match_marker(folded, b.start, b.end)), trace, st.phase)
        st.note_box_table(b)
        st.previous = b
    outline = _finish(st)
    if trace is not None:
        for node in walk(outline.children):
            if node.title_span is not None:
                trace.append(Step("title", node.title_rule, *node.title_span, "title"))
    return outline


def _bar_runs(folded: str, blocks: list[Block]) -> dict[int, int]:
    """For each line ending in a bar (专栏2：… |), where the run of such lines ends."""
    ends: dict[int, int] = {}
    run_end = -1
    for b in reversed(blocks):
        if b.end > b.start and folded[b.end - 1] == "|":
            run_end = b.end if run_end == -1 else run_end
            ends[id(b)] = run_end
        else:
            run_end = -1
    return ends


def _finish(st: OutlineState) -> Outline:
    st.flush_pending_to_top()
    for node in st.top:
        _close(node)
    _bodiless(st, st.top, None)
    issues = st.issues.closed() if isinstance(st.issues, Capped) else st.issues
    issues.sort(key=lambda i: i.span or (-1, -1))
    return Outline(st.top, st.title_blocks, st.plan_title_blocks, issues)


def _close(node: INode) -> int:
    """Set spans and kinds bottom-up: a section with no numbered child is a measure."""
    end = node.text_end
    numbered_child = False
    for child in node.children:
        end = max(end, _close(child))
        # A box is an annex of its node: a measure with a box is still a measure.
        numbered_child = numbered_child or child.kind not in ("paragraph", "box")
    node.end = end
    if node.kind == "section" and not numbered_child:
        node.kind = "measure"
    return end


def _bodiless(st: OutlineState, nodes: list[INode], parent: INode | None) -> None:
    """Flag numbered headings with no title, or with neither a body nor children.

    An item that is one whole sentence (…。) has its body; a bare heading
    line (四、军民深度融合方面（共6项）) followed by the next heading has none.
    """
    for node in nodes:
        if node.kind != "paragraph" and node.title is None and node.label is not None:
            st.issues.append(
                Issue("empty_heading", "numbered heading with no text", node.label, "info")
            )
        if (
            node.kind == "measure"
            and node.heading_only
            and node.style not in (ARTICLE, "table_row")
            and (parent is None or parent.style != ARTICLE)
            and node.title_span is not None
            and not st.folded[node.title_span[1] : node.text_end].strip(" :")
        ):
            st.issues.append(
                Issue(
                    "heading_without_body",
                    "numbered heading with no text under it",
                    node.label,
                    "info",
                )
            )
        _bodiless(st, node.children, node)


def _note_table_heads(
    st: OutlineState, folded: str, blocks: list[Block], tables: list[Table]
) -> None:
    """Where a task table with heading rows starts: its caption (the short unnumbered line
    right above it) or else its first line, with its first heading row's marker, so that
    the rule table_part can tell a table printed after the plan from one inside it."""
    index = {id(b): i for i, b in enumerate(blocks)}
    for t in tables:
        if t.kind != "task" or not t.blocks or id(t.blocks[0]) not in index:
            continue
        mk = _first_heading(st, folded, t)
        if mk is None:
            continue
        i = index[id(t.blocks[0])]
        prev = blocks[i - 1] if i > 0 else None
        captioned = prev is not None and _caption(folded, prev)
        key = prev if captioned and prev is not None else t.blocks[0]
        st.table_heads[id(key)] = (captioned, mk)


def _first_heading(st: OutlineState, folded: str, t: Table) -> Marker | None:
    """The marker of the table's first heading row (一、编制体系规划), a line no row holds."""
    for b in t.blocks:
        if id(b) in st.rows or id(b) in st.cells:
            continue
        mk = match_marker(folded, b.start, b.end)
        if mk is not None:
            return mk
    return None


def _caption(folded: str, b: Block) -> bool:
    """全面推进…任务分解表: a short line with no number that ends no sentence."""
    words = folded[b.start : b.end].strip()
    return (
        0 < len(words) <= CAPTION_MAX
        and match_marker(folded, b.start, b.end) is None
        and words[-1] not in "。；;：:，,"
    )


def _note_tables(
    st: OutlineState, folded: str, rows: Iterable[Row], tables: Iterable[Table]
) -> None:
    """What the tables read tell the outline: the rows that open measures, their cells,
    where each table ends, its borders, and an indicator table's figures."""
    tables = list(tables)
    for row in rows:
        st.rows.setdefault(id(row.first), []).append(row)  # a group heading, then its row
        st.cells.update(id(c) for c in row.blocks if c is not row.first)
    st.table_ends = {t.start: t.end for t in tables}
    st.row_ends = {id(row.first): t.end for t in tables for row in t.rows}
    # A read table's lines that hold no cell (a bar line ``|`` opening a row, ``||||``)
    # are its borders: neither text nor a title's first line.
    st.cells.update(
        id(b) for t in tables for b in t.blocks if not folded[b.start : b.end].strip(";")
    )
    _table_text(st, tables)


def _table_text(st: OutlineState, tables: list[Table]) -> None:
    """The lines of tables that are text of the node they stand in, no headings."""
    # An indicator table's lines (tests/ORACLES.md: a table without a unit column gives no
    # nodes): its group cells and heading rows (（二） / 环境质量改善, 一、发展水平) are no
    # headings of the plan, nor are its figures (4.1左右 after a heading 3.).
    st.values.update(id(b) for t in tables if t.kind == "indicator" for b in t.blocks)
    # The lines of bodies under a flattened table's header (layout/flatrows.py).
    st.owned.update(u[0] for t in tables if t.kind == "other" for u in t.loose)
