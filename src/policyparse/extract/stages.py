"""The extract stage as the pipeline runs it (pipeline.STAGES): metadata, whole-input
checks, the units, targets and deadline of every node, canonical names."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from .. import lexicon
from ..diagnostics import Issue
from ..errors import counted
from ..inputs.read import Loaded
from ..layout.blocks import Block
from ..layout.furniture import Piece
from ..layout.tablemodel import Table
from ..ruler import Step
from ..structure.nodes import INode, Outline, walk
from ..text.fold import INVISIBLE_PATTERN, compact
from . import citations, frames, metadata, quantities, responsibility, targets
from .deadlines import Due, cell_due, find_due
from .gazetteer import Gazetteer, canonical_names, place_of
from .responsibility import Mention
from .table_targets import TableIndex, column_years
from .targets.phrases import DASH_LEAD

_BREAK = "<br>"  # a line break inside a markdown table's cell


@dataclass(slots=True)
class Extracted:
    """What the extract stage found in one node's own text."""

    mentions: list[Mention] = field(default_factory=list)
    implied: list[Mention] = field(default_factory=list)
    found: list[targets.Found] = field(default_factory=list)
    due: Due | None = None  # the node's own deadline (完成时限：2024年10月)


def read_metadata(
    source: str,
    folded: str,
    blocks: list[Block],
    furniture: list[Piece],
    outline: Outline,
    loaded: Loaded,
) -> tuple[metadata.Meta, list[Issue]]:
    """Title, 文号, issuer, dates, doc type and horizon."""
    return metadata.extract(source, folded, blocks, furniture, outline, loaded.meta)


def read_citations(
    source: str, folded: str, outline: Outline, meta: metadata.Meta, trace: list[Step] | None
) -> list[citations.Cited]:
    """The documents the text cites in 《…》, with their 文号 and cue (extract.citations)."""
    return citations.read(source, folded, outline, meta.title, meta.plan_title, trace)


def check_text(source: str, folded: str, outline: Outline, joins: int) -> list[Issue]:
    """Whole-input diagnostics: wraps joined, invisible characters, brackets that do not
    pair, no text, no structure."""
    issues = []
    if joins:
        wrapped = counted(joins, "line", "lines")
        message = (
            f"{wrapped} hard-wrapped at a fixed width {'was' if joins == 1 else 'were'} joined"
        )
        issues.append(Issue("hard_wrap", message, None, "info"))
    invisible = [m.start() for m in INVISIBLE_PATTERN.finditer(source)]
    if invisible:
        message = (
            f"{counted(len(invisible), 'invisible or control character')} (zero-width, "
            f"bidi, soft hyphen, C0/C1 controls) {'was' if len(invisible) == 1 else 'were'} "
            "read as spaces"
        )
        issues.append(
            Issue("invisible_characters", message, (invisible[0], invisible[0] + 1), "warning")
        )
    opened, closed = folded.count("("), folded.count(")")
    if opened != closed:
        message = f"{opened} opening and {closed} closing round brackets"
        issues.append(Issue("unbalanced_brackets", message, None, "info"))
    for span in quantities.oversized(folded)[:1]:
        message = (
            f"a number of {span[1] - span[0]} characters is longer than any figure "
            f"({quantities.MAX_DIGITS} digits at most); read as text"
        )
        issues.append(Issue("number_too_large", message, span, "warning"))
    if not source.strip():
        issues.append(Issue("empty", "the input holds no text", None))
    elif not any(n.kind != "paragraph" for n in outline.children):
        message = "no numbered headings found; paragraphs only"
        issues.append(Issue("no_structure", message, None, "info"))
    return issues


# Real plans state tens to hundreds of quantities (the corpus at most 104); each
# becomes records, models and JSON.  Past this many, the rest are not read, with a
# diagnostic, so that memory stays within docs/performance.md.
MAX_QUANTITIES = 10_000


@dataclass(slots=True)
class _Reading:
    """What reading the nodes in order carries: the document, and notes and conditions so far."""

    source: str
    folded: str
    doc_year: int | None
    gazetteer: Gazetteer
    trace: list[Step] | None
    tables: TableIndex
    plan_year: int | None = None  # a plan for one year (frames.plan_year)
    first_year: int | None = None  # the first year the plan covers (frames.first_year)
    past: set[int] = field(default_factory=set)  # id() of nodes under a heading on the past
    captions: dict[int, int] = field(default_factory=dict)  # row id → its table's year
    # Paragraph id → the year of the plan for one year a paragraph introducing its table
    # names (_introduced).
    listed: dict[int, int] = field(default_factory=dict)
    carry: responsibility.State = field(default_factory=responsibility.State)
    under_conditions: set[int] = field(default_factory=set)
    # Node id → the year phrase of the goals paragraph it stands under.
    years_below: dict[int, targets.YearPhrase] = field(default_factory=dict)
    budget: quantities.Budget = field(default_factory=lambda: quantities.Budget(MAX_QUANTITIES))
    issues: list[Issue] = field(default_factory=list)


def extract_nodes(
    source: str,
    folded: str,
    outline: Outline,
    meta: metadata.Meta,
    gazetteer: Gazetteer,
    trace: list[Step] | None,
    tables: list[Table],
) -> tuple[dict[int, Extracted], responsibility.State, list[Issue]]:
    """Units and targets of every node, in document order (notes carry forward)."""
    dated = meta.signed or meta.published
    index = TableIndex(source, folded, tables)
    doc_year = dated.year if dated else frames.announced_year(folded)
    r = _Reading(source, folded, doc_year, gazetteer, trace, index)
    r.plan_year = frames.plan_year(meta.plan_title or meta.title) or frames.subject_plan_year(
        folded
    )
    r.first_year = frames.first_year(meta.horizon, dated.year if dated else None)
    nothing = Extracted()  # a notice part (title, signature …) holds no units or targets
    extracted: dict[int, Extracted] = {}
    _introduced(r, outline.children)
    for node in walk(outline.children):
        inherited = _conditions(r, node)
        _mark_frames(r, node)
        if node.kind == "paragraph" and node.role is not None:
            extracted[id(node)] = nothing
        else:
            extracted[id(node)] = _node(r, node, inherited)
    _row_owners(list(extracted.values()))
    return extracted, r.carry, r.issues


def _row_owners(extracted: list[Extracted]) -> None:
    """Each table target whose row names who answers for it (Found.owner_cell) gets the
    units read in that cell, wherever the outline placed the cell's line."""
    cells = [f for ex in extracted for f in ex.found if f.owner_cell is not None]
    if not cells:
        return
    mentions = sorted((m.start, m.end, m.role, m.name) for ex in extracted for m in ex.mentions)
    starts = [m[0] for m in mentions]
    for f in cells:
        a, b = f.owner_cell or (0, 0)
        inside = mentions[bisect_left(starts, a) : bisect_left(starts, b)]
        f.row_owners = [(role, name) for _, e, role, name in inside if e <= b]


def _mark_frames(r: _Reading, node: INode) -> None:
    """Mark the nodes a heading frames: under a heading on the past, or the rows of a table
    whose annex, or else its caption, or else the document, is titled as a plan for one
    year (2022年度民生实事项目进度表: 序号 | 项目内容 | …); and every node of a document
    issued under the notice so titled (社会保障工程2020年工作要点 as A1), as the plan for one
    year it is (an annex so titled frames its table rows only)."""
    if node.kind != "paragraph" and frames.past_heading(node.title, r.first_year):
        r.past.add(id(node))
        r.past.update(id(n) for n in walk(node.children))
    captioned = frames.plan_year(node.title) if node.kind == "attachment" else None
    if captioned is not None:
        rows = (n for n in walk(node.children) if n.style == "table_row")
        r.captions.update((id(n), captioned) for n in rows)
        if node.title_rule == "issued_title":  # 社会保障工程2020年工作要点 issued as A1
            for n in (node, *walk(node.children)):
                r.listed.setdefault(id(n), captioned)
    elif node.style == "table_row":
        # Its table's own caption (常熟市2018年政府工作任务分解表 above 序号 | 名称 | …), else
        # the document's title.
        year = frames.plan_year(r.tables.caption_at(node.start)) or r.plan_year
        if year is not None:
            r.captions.setdefault(id(node), year)


def _conditions(r: _Reading, node: INode) -> bool:
    """Whether a heading above names conditions (申报条件); marks the node's descendants."""
    inherited = id(node) in r.under_conditions
    if not inherited and targets.heads_conditions(
        r.folded, node.title_span, node.text_start, node.text_end
    ):
        # An inherited node's descendants are marked already, with its ancestor's.
        r.under_conditions.update(id(n) for n in walk(node.children))
    return inherited


# Nodes whose year phrase governs the nodes under them: a numbered section or measure, or
# a box; not the plan under a covering notice (its preamble is no goals paragraph).
_PASSES_YEAR = frozenset({"section", "measure", "box"})


_INTRODUCES = "：:"  # an introducing sentence ends so: …安排如下：
_Dashes = INode | targets.YearPhrase | None  # the paragraph before dash lines, or its year


def _introduced(r: _Reading, nodes: list[INode]) -> None:
    """An introducing paragraph's year passes to the numbered parts after it.

    2023年，全省将重点抓好50项民生实事，具体安排如下：  一、… 二、… gives 2023 to the
    parts (a goals paragraph before its items, at any level).  One that names a plan for
    one year (…确定2025年民生实事项目，共15项，分别是：) frames the rows of the table read
    as text right after it as that plan (序号 | 项目名称 / 1 | …新建托位60个: 2025).
    Leaves a paragraph that ends otherwise (现将…印发给你们。) and an attachment after it.
    """
    year: targets.YearPhrase | None = None
    listed: int | None = None
    goals: targets.YearPhrase | None = None  # a goals heading over unnumbered paragraphs
    dashes: _Dashes = None  # a goals paragraph over dash lines, or its year
    for node in nodes:
        if node.kind == "paragraph" and listed is not None and r.tables.holds(node.text_start):
            r.listed[id(node)] = listed  # a row of the list of one year's projects
            continue
        goals = _under_goals(r, node, goals)
        dashes = _dash_lines(r, node, dashes)
        if node.kind == "paragraph":
            year = listed = None
            end = node.text_end
            while end > node.text_start and r.folded[end - 1] in " \n":
                end -= 1
            if end > node.text_start and r.folded[end - 1] in _INTRODUCES:
                year = targets.closing_year(r.folded, node.text_start, end, r.doc_year, None)
                listed = frames.plan_year(compact(r.source[node.text_start : end]))
        elif year is not None and node.kind in _PASSES_YEAR:
            r.years_below.setdefault(id(node), year)
        _introduced(r, node.children)


def _dash_lines(r: _Reading, node: INode, dashes: _Dashes) -> _Dashes:
    """The year governing the end of a goals paragraph passes to the dash lines after it,
    each a paragraph of its own in a text with no numbering (…其中提到，到2025年，…显著增强。
    / ——高端制造引领功能大幅提升。…比重达45%: 2025); the first paragraph that is no dash
    line ends it.  Leaves dash lines after a paragraph whose end no year governs.

    *dashes* is the paragraph before, until a dash line follows it and its year is read
    (most paragraphs have none after them), then that year."""
    if node.kind != "paragraph" or node.role is not None:
        return None
    if not r.folded.startswith(DASH_LEAD, node.text_start):
        return node
    if isinstance(dashes, INode):
        dashes = targets.ending_year(r.folded, dashes.text_start, dashes.text_end, r.doc_year)
    if dashes is not None:
        r.years_below.setdefault(id(node), dashes)
    return dashes


def _under_goals(
    r: _Reading, node: INode, goals: targets.YearPhrase | None
) -> targets.YearPhrase | None:
    """The year of the goals heading an unnumbered paragraph stands under (_goals_heading),
    given to it; a paragraph opening with its own year phrase ends the heading's scope."""
    if node.kind != "paragraph" or node.role is not None:
        return goals
    heading = _goals_heading(r, node)
    if heading is not None:
        goals = heading
    elif goals is not None and _dated(r, node):
        goals = None  # a year phrase of its own ends the heading's scope
    if goals is not None:
        r.years_below.setdefault(id(node), goals)
    return goals


_HEADING_MAX = 40  # characters of a goals heading: a line, not a paragraph of goals


def _goals_heading(r: _Reading, node: INode) -> targets.YearPhrase | None:
    """A short paragraph opening with a year phrase and naming the goals that follow, with
    no figure of its own (2020年，全省交通运输工作的主要预期目标有哪些？): its year governs
    the unnumbered paragraphs after it, until one opens with a year phrase of its own.
    A year already past, in a line that ends with a colon (2019年，全省： in a text of 2020),
    heads a review: what follows states the past.  Leaves a paragraph that states goals
    itself (figures of its own: its phrase governs it alone) and one naming no goal in a
    year not known to be past (2020年，全省：)."""
    start, end = node.text_start, node.text_end
    text = r.folded[start:end]
    if end - start > _HEADING_MAX or any(ch.isdigit() for ch in text[_YEAR_AT:]):
        return None
    year = targets.closing_year(r.folded, start, end, r.doc_year, None, past=True)
    if year is not None and year.baseline:
        return year if text.rstrip().endswith(tuple(_INTRODUCES)) else None
    return year if any(w in text for w in _goal_nouns()) else None


_YEAR_AT = 8  # the year phrase opening the heading stands in its first characters


def _dated(r: _Reading, node: INode) -> bool:
    """Whether the paragraph opens with a year phrase of its own."""
    return (
        targets.closing_year(r.folded, node.text_start, node.text_end, r.doc_year, None) is not None
    )


@cache
def _goal_nouns() -> tuple[str, ...]:
    return tuple(lexicon.column("extract/goal_nouns"))


def _pass_year(r: _Reading, node: INode, body_start: int | None) -> targets.YearPhrase | None:
    """The year phrase governing the node from above, and marks what its children inherit.

    A goals paragraph (（一）主要目标。到2027年，…：) gives its year to the items under it,
    until a phrase of their own; the year above passes on through a node with none.
    """
    above = r.years_below.get(id(node))
    if node.kind in _PASSES_YEAR and node.children:
        own = targets.closing_year(r.folded, node.text_start, node.text_end, r.doc_year, body_start)
        passed = own or above
        if passed is not None:
            r.years_below.update((id(ch), passed) for ch in node.children)
    return above


def _node(r: _Reading, node: INode, inherited: bool) -> Extracted:
    """The units, targets and deadline of one node's own text."""
    source, folded, start, end = r.source, r.folded, node.text_start, node.text_end
    implied = list(r.carry.applies_below) if node.kind != "paragraph" else []
    mentions = responsibility.find_mentions(
        source,
        folded,
        start,
        end,
        r.carry,
        r.gazetteer.known,
        cells=[*node.table_units, *r.tables.loose_in(start, end)],
        trace=r.trace,
    )
    if node.table_units:
        for m in mentions:  # a name broken over two lines of a cell: 市生态环境局<br>某某分局
            m.name = m.name.replace(_BREAK, "")
    body_start = None
    if node.title_span and node.title_span[1] < end:
        # After a run-in title (促进充分就业。…) the body opens a paragraph.
        body_start = node.title_span[1] + 1
    found = targets.read(
        source,
        folded,
        start,
        end,
        r.doc_year,
        body_start,
        r.gazetteer.words(),
        targets.conditions_from(folded, start, end, inherited),
        trace=r.trace,
        inherited=_pass_year(r, node, body_start),
        budget=r.budget,
        worded=r.tables.worded,
    )
    _spend(r, found, end)
    found = _framed(r, node, _with_tables(r, node, found, start, end), start)
    due = _due(folded, node, start, end)
    if due is not None and r.trace is not None:
        when = "ongoing" if due.date is None else due.date.isoformat()
        r.trace.append(Step("deadline", due.rule, due.start, due.end, when))
    return Extracted(mentions, implied, found, due)


def _spend(r: _Reading, found: list[targets.Found], end: int) -> None:
    """Say where the document's budget of quantities ran out, once."""
    if r.budget.left <= 0 and not r.issues:
        where = max((f.q_start for f in found), default=end)
        message = (
            f"more than {MAX_QUANTITIES:,} quantities: those after this one are not read "
            "(no plan states so many)"
        )
        r.issues.append(Issue("too_many_quantities", message, (where, where)))


def _with_tables(r: _Reading, node: INode, found: list[targets.Found], start: int, end: int
                 ) -> list[targets.Found]:  # fmt: skip
    """Prose targets outside the tables' prose cells dropped; the tables' own targets added.

    A task row's targets take the year of their cell's column (2025年目标), and so do
    those of an indicator table's sentence cells (2025年规划值).
    """
    index = r.tables
    if not index.tables:
        return found
    kept = [f for f in found if not index.outside_prose(f.start)]
    column_years(kept, node.table_years + index.years)
    table = index.in_range(start, end)
    if not table:
        return kept
    _named_by_task(table, kept)
    if r.trace is not None:
        for f in table:
            r.trace.append(Step("targets", f.rule, f.start, f.end, "target", "an indicator row"))
    return sorted(kept + table, key=lambda f: f.start)


def _named_by_task(table: list[targets.Found], kept: list[targets.Found]) -> None:
    """A year column's bare figure (200辆 under 2025年计划) takes the indicator of the task's
    own target in that unit (每年投运中小车型公交车200辆 → 投运中小车型公交车), not the
    task's whole sentence."""
    for f in table:
        if f.rule != "task_figure" or f.indicator is None:
            continue
        g = next((g for g in kept if g.unit == f.unit and g.indicator and g.start < f.start
                  and g.indicator in f.indicator), None)  # fmt: skip
        if g is not None:
            f.indicator = g.indicator


def _framed(
    r: _Reading, node: INode, found: list[targets.Found], start: int
) -> list[targets.Found]:
    """The frame the sentences stand in (extract.frames): a year after the subject, a plan
    for one year, a row of a table captioned for one year, a heading on the past, a year
    before the plan's horizon."""
    frames.subject_year(found, r.trace)
    plan_year = r.listed.get(id(node), r.plan_year)
    if plan_year is not None:
        frames.one_year(r.folded, start, found, plan_year, r.trace)
    elif (listed := frames.listed_year(r.folded, node.text_start, node.text_end)) is not None:
        after = [f for f in found if f.start >= listed[0]]  # the works listed after the colon
        frames.one_year(r.folded, start, after, listed[1], r.trace)
    if id(node) in r.captions:
        year = r.captions[id(node)]
        cell = node.table_deadline
        due = compact(r.source[cell[0] : cell[1]]) if cell else f"{year}年"
        frames.captioned(found, year, due, r.trace)
    elif node.table_deadline is not None:
        cell = node.table_deadline
        frames.row_deadline(found, compact(r.source[cell[0] : cell[1]]), r.trace)
    if id(node) in r.past:
        frames.past(found, r.trace)
    if r.first_year is not None:
        frames.before_horizon(found, r.first_year, r.trace)
    return found


def _due(folded: str, node: INode, start: int, end: int) -> Due | None:
    """The node's deadline: a table row's 完成时限 cell, else what its own text prints."""
    if node.table_deadline is not None:
        return cell_due(folded, *node.table_deadline)
    return find_due(folded, start, end)


def name_units(
    extracted: dict[int, Extracted], meta: metadata.Meta, gazetteer: Gazetteer
) -> dict[str, str]:
    """One canonical name per body (the units', the issuers'), with the document's own place."""
    mentions = (m for ex in extracted.values() for m in ex.mentions + ex.implied)
    place = place_of(meta.issuer)
    names = canonical_names(mentions, gazetteer, place)
    for name, _, _ in meta.issuers:  # the issuers' names, with the units'
        names.setdefault(name, gazetteer.canonical(name, place))
    return names
