"""What the responsibility rules read: the statements of a node, its state, the two readings.

A node's text may hold five kinds of statement, each an item the chain decides on
(``Statement.kind`` is the chain's alternative):

- ``bracket``: （责任单位：A、B）, （A牵头，B配合）, （各区、县级市）, or an aside naming none;
- ``agent``: 由A牵头，B配合。, unbracketed at the head of a clause;
- ``note``: 以下均需地方人民政府负责, a statement about later nodes;
- ``cell``: a table column whose header gives the role (牵头单位 | 配合单位);
- ``line``: a line of its own opening with a role label (牵头单位：A), under the item it
  belongs to.

The labelled and the verbal readings are shared by several rules, so they live here
and return what they read without changing any state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from functools import cache
from typing import Literal, NamedTuple

from ... import lexicon
from ...text.fold import compact
from ...vocab import NoteCode, Role
from ..deadlines import is_due
from .bodies import Mention, bodies_in, pieces, plausible

# Unbalanced brackets must not make a search quadratic: a statement longer
# than this is not a unit list.
MAX_STATEMENT = 600
LABEL = re.compile(r"(?P<label>[\u4e00-\u9fff]{2,6}):\s{0,3}")
SQUARE_CLOSERS = {"〔": "〕", "【": "】"}

StatementKind = Literal["bracket", "agent", "note", "cell", "line"]


@dataclass(slots=True)
class Note:
    """A statement about later nodes: 列第一位者为牵头单位，下同; 以下均需…落实，不再列出."""

    code: NoteCode
    start: int
    end: int
    unit: str | None = None


@dataclass(slots=True)
class State:
    """What earlier statements say about later ones, in document order."""

    first_is_lead: bool = False
    applies_below: list[Mention] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


class Statement(NamedTuple):
    """One statement of a node: where it opens, its inside [inner, close), and what it is."""

    kind: StatementKind
    start: int  # the opening bracket, 由, the note's first character, the cell's start
    inner: int
    close: int  # the closing bracket, or where the units end
    end: int  # where the whole statement ends
    role: Role | None = None  # a cell's role, from its column
    cue: str = ""  # a cell's column header, the word that gave the role

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass(slots=True)
class NodeState:
    """The state the chain reads and its edits change, for one node."""

    source: str
    folded: str
    start: int
    end: int
    known: Callable[[str], bool]
    carry: State
    mentions: list[Mention] = field(default_factory=list)
    # Brackets opening before this lie inside a statement already read.
    read_to: int = 0

    def add(self, units: list[Mention], notes: list[Note], read_to: int) -> None:
        """Edit: the units read, the notes they carry for later nodes, where reading resumes."""
        self.mentions.extend(units)
        self.note(notes)
        self.read_to = max(self.read_to, read_to)

    def note(self, notes: list[Note]) -> None:
        """Edit: 列第一位者为牵头单位，下同 holds for the rest of the document."""
        for n in notes:
            self.carry.notes.append(n)
            if n.code == "first_listed_is_lead":
                self.carry.first_is_lead = True


@cache
def labels() -> dict[str, Role]:
    return lexicon.roles("extract/role_labels")


@cache
def _verbs() -> dict[str, Role]:
    return lexicon.roles("extract/role_verbs")


@cache
def _manners() -> frozenset[str]:
    return lexicon.words("extract/role_manners")


@cache
def note_pattern(code: str) -> re.Pattern[str]:
    """The pattern of a note about later nodes (lexicon extract/responsibility_notes)."""
    return re.compile(lexicon.mapping("extract/responsibility_notes", "pattern")[code])


def _ends_with(text: str, words: Container[str]) -> str | None:
    for n in range(min(lexicon.MAX_WORD, len(text)), 0, -1):
        if text[-n:] in words:
            return text[-n:]
    return None


def role_verb(text: str) -> tuple[str, Role] | None:
    """The role verb closing *text*, with any words of manner before it.

    （省商务厅按职责分工配合） → (按职责分工配合, cooperating): the manner belongs to the
    verb, so the name is 省商务厅.
    """
    verbs = _verbs()
    verb = _ends_with(text, verbs)
    if verb is None:
        return None
    manner = _ends_with(text[: len(text) - len(verb)], _manners())
    return ((manner or "") + verb, verbs[verb])


def _joint(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """Where 会同 (or another word of joint action) first stands in [start, end)."""
    best: tuple[int, int] | None = None
    for word in lexicon.column("extract/joint_verbs"):
        at = folded.find(word, start, end)
        if at != -1 and (best is None or at < best[0]):
            best = (at, at + len(word))
    return best


def _label_starts(folded: str, first: int, close: int) -> list[re.Match[str]]:
    """Every `word：` that opens a field of the statement (at its start or after ；，)."""
    out = []
    for lm in LABEL.finditer(folded, first, close):
        at = lm.start()
        while at > first and folded[at - 1] in " \n":
            at -= 1
        if at == first or folded[at - 1] in ";,":
            out.append(lm)
    return out


def read_labelled(st: NodeState, inner: int, close: int) -> list[Mention] | None:
    """（责任单位：…）, （牵头单位：…；配合单位：…）; None if not this form.

    A line may break anywhere in a statement copied from a PDF: （\\n牵头单位：A；\\n配合
    单位：B） reads as if the breaks were not there.
    """
    folded = st.folded
    first = inner
    while first < close and folded[first] in " \n":
        first += 1
    labels_at = _label_starts(folded, first, close)
    if (
        not labels_at
        or labels_at[0].start() != first
        or labels_at[0].group("label") not in labels()
    ):
        return None
    out: list[Mention] = []
    for k, lm in enumerate(labels_at):
        label = lm.group("label")
        role = labels().get(label)
        if role is None:
            continue  # 适用范围：… is not a list of units
        list_end = labels_at[k + 1].start() if k + 1 < len(labels_at) else close
        # 〔责任单位：A、B按职责分工负责〕: the role words close the list, they name nothing.
        while list_end > lm.end() and folded[list_end - 1] in " 。":
            list_end -= 1
        closing = role_verb(folded[lm.end() : list_end])
        if closing is not None:
            list_end -= len(closing[0])
        list_start = lm.end()
        if list_start < list_end and folded[list_start] in SQUARE_CLOSERS:
            list_start += 1  # （责任单位：〔A、B〕
        out.extend(bodies_in(st.source, folded, list_start, list_end, role, st.known, label))
    return out


@dataclass(slots=True)
class Verbal:
    """What the verbal reading found: the units (None if the form does not hold) and notes."""

    units: list[Mention] | None
    notes: list[Note] = field(default_factory=list)


def _skipped_clause(folded: str, s: int, e: int, close: int, found: Verbal) -> bool | None:
    """Clauses of a statement that name no units: notes, other fields, deadlines.

    Returns True when the clause is skipped, None when it is the lead note itself
    (the caller marks the statement as naming its first unit the lead), False otherwise.
    """
    text = folded[s:e]
    if note_pattern("first_listed_is_lead").search(text):
        if note_pattern("same_below").search(folded, s, close):
            found.notes.append(Note("first_listed_is_lead", s, e))
        return None
    if note_pattern("same_below").fullmatch(text) or note_pattern("not_listed").fullmatch(text):
        return True
    if note_pattern("applies_below").search(text):
        return True  # 以下均需地方人民政府负责: a note about later nodes (rules.notes)
    label = LABEL.match(text)
    if label is not None and label.group("label") not in labels():
        return True  # 完成时限：2024年10月: another field of the statement
    # 2023年10月底前完成并持续推进: the node's deadline (deadlines)
    return is_due(folded, s, e)


def _verb_clause(
    st: NodeState, s: int, units_end: int, verb: str, role: Role
) -> list[Mention] | None:
    """The units of one clause closed by its role verb, 会同 splitting lead from cooperating."""
    folded = st.folded
    parts: list[tuple[int, int, Role, str]] = [(s, units_end, role, verb)]
    joint = _joint(folded, s, units_end)
    if joint is not None:
        word = folded[joint[0] : joint[1]]
        if joint[0] == s:
            # 会同B协同推进 after A牵头: the bodies joined to the lead work with it.
            parts = [(joint[1], units_end, "cooperating", word)]
        else:
            # A会同有关部门负责: A leads, the others work with it.
            parts = [(s, joint[0], "lead", word), (joint[1], units_end, "cooperating", word)]
    out: list[Mention] = []
    for a, b, r, cue in parts:
        units = bodies_in(st.source, folded, a, b, r, st.known, compact(cue))
        if not plausible(units, st.known):
            return None
        out.extend(units)
    return out


def read_verbal(st: NodeState, inner: int, close: int) -> Verbal:
    """（A牵头，B、C参与）, （A、B等负责。列第一位者为牵头单位，下同）.

    ``units`` is None if the statement is not of this form; ``notes`` holds the
    notes about later nodes it makes either way.
    """
    folded = st.folded
    found = Verbal([])
    out: list[Mention] = []
    leads_first = False
    pending: list[tuple[int, int]] = []
    for s, e in pieces(folded, inner, close, ",;。"):
        skipped = _skipped_clause(folded, s, e, close, found)
        if skipped is None:
            leads_first = True
            continue
        if skipped:
            continue
        closing = role_verb(folded[s:e])
        if closing is None:
            # A、B，各省级人民政府按职责分工负责: a clause with no verb of its
            # own shares the verb of the clause after it.
            pending.append((s, e))
            continue
        units = _closed_clause(st, s, e, closing, pending)
        if units is None:
            return Verbal(None, found.notes)
        pending.clear()
        out.extend(units)
    if not out or pending:
        return Verbal(None, found.notes)
    if leads_first or st.carry.first_is_lead:
        _first_leads(out)
    found.units = out
    return found


def _closed_clause(
    st: NodeState,
    s: int,
    e: int,
    closing: tuple[str, Role],
    pending: list[tuple[int, int]],
) -> list[Mention] | None:
    """The units of the verbless clauses before a clause and of the clause its verb closes."""
    verb, role = closing
    units_end = e - len(verb)
    if units_end <= s:
        return None
    out: list[Mention] = []
    for ps, pe in pending:
        shared = bodies_in(st.source, st.folded, ps, pe, role, st.known, compact(verb))
        if not plausible(shared, st.known):
            return None
        out.extend(shared)
    units = _verb_clause(st, s, units_end, verb, role)
    return None if units is None else out + units


def _first_leads(units: list[Mention]) -> None:
    """列第一位者为牵头单位: the first responsible unit leads, where none is named lead."""
    first = next((u for u in units if u.role == "responsible"), None)
    if first is not None and not any(u.role == "lead" for u in units):
        first.role = "lead"
        first.cue = _LEAD_NOTE


_LEAD_NOTE = "first_listed_is_lead"
