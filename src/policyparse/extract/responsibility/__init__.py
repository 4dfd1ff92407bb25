"""Responsible units from the statements in a node's text, decided by one rule chain.

Four forms of statement (statements.Statement), each decided by the named rules
of ``rules.CHAIN``:

- labelled: （责任单位：A、B）, （牵头单位：A；配合单位：B）, （负责部门：A，适用范围：…）;
- verbs: （A牵头，B、C参与）, （A、B等负责）, （A指导，B负责落实）, （A会同有关部门负责）,
  with notes such as 列第一位者为牵头单位，下同 that hold for later nodes too;
- a bare list of bodies at the end of a measure: （各区、县级市）;
- an unbracketed sentence of the verb form opened by 由: 由A牵头，B配合。;
- a line of its own opening with a role label: 牵头单位：A (under the item it belongs to)

and the unit columns of a table.  Every statement gets a step in the trace, read or
not, and every unit a step naming the word that gave its role
(``市人社局 ← verbal (牵头 → lead)``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from itertools import accumulate

from ... import lexicon
from ...ruler import Step
from ...text.brackets import round_pairs
from ...vocab import Role
from .bodies import Mention, bodies_in, is_body, is_generic
from .rules import CHAIN
from .statements import (
    LABEL,
    MAX_STATEMENT,
    SQUARE_CLOSERS,
    NodeState,
    Note,
    State,
    Statement,
    labels,
    note_pattern,
)

__all__ = [
    "CHAIN",
    "Mention",
    "Note",
    "State",
    "bodies_in",
    "find_mentions",
    "is_body",
    "is_generic",
]

_STATEMENT_OPENERS = re.compile(r"[(〔【]")
_CLAUSE_HEAD = ",;:。\n"
_SENTENCE_END = ";。\n"


@cache
def _agent() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.column("extract/agent_words")))


def _notes(folded: str, start: int, end: int) -> Iterator[Statement]:
    for m in note_pattern("applies_below").finditer(folded, start, end):
        yield Statement("note", m.start(), m.start("unit"), m.end("unit"), m.end())


def _agents(folded: str, start: int, end: int) -> Iterator[Statement]:
    """由 at the head of a clause, the statement running to the end of its sentence."""
    for m in _agent().finditer(folded, start, end):
        at = m.start()
        if at > start and folded[at - 1] not in _CLAUSE_HEAD:
            continue
        stops = (folded.find(ch, m.end(), end) for ch in _SENTENCE_END)
        stop = min((i for i in stops if i != -1), default=end)
        if stop - m.end() > MAX_STATEMENT:
            continue
        yield Statement("agent", at, m.end(), stop, stop)


def _labelled_pairs(folded: str, start: int, end: int) -> dict[int, int]:
    """〔责任单位：…〕 and 【牵头单位：…】: square brackets hold a statement only with a label."""
    pairs: dict[int, int] = {}
    for m in re.finditer(r"[(〔【]", folded[start:end]):
        at = start + m.start()
        lm = LABEL.match(folded, at + 1, end)
        if lm is None or lm.group("label") not in labels():
            continue
        if folded[at] == "(":
            # （责任单位：〔A、B〕 with its round bracket never closed: the square
            # bracket after the label closes the statement.
            opener = folded[lm.end()] if lm.end() < end else ""
            if opener not in SQUARE_CLOSERS:
                continue
            closer = SQUARE_CLOSERS[opener]
        else:
            closer = SQUARE_CLOSERS[folded[at]]
        close = folded.find(closer, at + 1, min(end, at + MAX_STATEMENT))
        if close != -1:
            pairs[at] = close
    return pairs


_LINE_LEAD = " \t\u3000"  # what may indent a labelled line


def _labelled_lines(
    folded: str, start: int, end: int, pairs: dict[int, int]
) -> Iterator[Statement]:
    """Lines of their own opening with a role label (牵头单位：区发改局), outside brackets
    (a PDF may break a bracket's labelled fields onto lines: those are the bracket's)."""
    opens = sorted(pairs)
    reach = list(accumulate((pairs[a] for a in opens), max))  # the furthest close so far
    for lm in LABEL.finditer(folded, start, end):
        at = lm.start()
        if lm.group("label") not in labels():
            continue
        k = at
        while k > start and folded[k - 1] in _LINE_LEAD:
            k -= 1
        if k > start and folded[k - 1] != "\n":
            continue
        i = bisect_left(opens, at) - 1
        if i >= 0 and reach[i] > at:
            continue  # inside a bracket opened before it
        stop = folded.find("\n", at, end)
        stop = end if stop == -1 else stop
        if stop - at <= MAX_STATEMENT:
            yield Statement("line", at, at, stop, stop)


def _brackets(folded: str, start: int, end: int) -> dict[int, int]:
    """Every bracket that may hold a statement: round pairs, labelled square ones."""
    if not _STATEMENT_OPENERS.search(folded, start, end):
        return {}
    rounds = round_pairs(folded, start, end, MAX_STATEMENT)
    pairs = _labelled_pairs(folded, start, end)
    return {a: c for a, c in pairs.items() if folded[a] != "(" or a not in rounds} | rounds


def find_mentions(
    source: str,
    folded: str,
    start: int,
    end: int,
    state: State | None = None,
    known: Callable[[str], bool] | None = None,
    *,
    cells: Iterable[tuple[int, int, Role, str]] = (),
    trace: list[Step] | None = None,
) -> list[Mention]:
    """Every unit named by a responsibility statement inside [start, end), or a table cell.

    *state* carries notes from earlier nodes (列第一位者为牵头单位，下同) and is
    updated by this node's; *known* says whether a name is in the gazetteer;
    *cells* are the node's unit cells (start, end, role, header); *trace* gets one
    step per statement and one per unit.
    """
    st = NodeState(
        source, folded, start, end, known or (lambda name: False), state or State(), read_to=start
    )
    for s in _notes(folded, start, end):
        CHAIN.decide(st, s, trace, s.kind)
    for s in _agents(folded, start, end):
        _decide(st, s, trace)
    pairs = _brackets(folded, start, end)
    for open_at in sorted(pairs):
        if open_at < st.read_to:
            continue  # inside a statement already read
        _decide(
            st,
            Statement("bracket", open_at, open_at + 1, pairs[open_at], pairs[open_at] + 1),
            trace,
        )
    for s in _labelled_lines(folded, start, end, pairs):
        _decide(st, s, trace)
    for a, b, role, header in cells:
        _decide(st, Statement("cell", a, a, b, b, role, header), trace)
    return _distinct(st.mentions)


def _distinct(mentions: list[Mention]) -> list[Mention]:
    """Each mention once: a unit cell whose line also reads as a labelled statement
    (``牵头单位: | 市某局 |``, a table printed sideways) names its unit at one span twice."""
    seen: set[tuple[int, int, str]] = set()
    out: list[Mention] = []
    for m in mentions:
        key = (m.start, m.end, m.role)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _decide(st: NodeState, s: Statement, trace: list[Step] | None) -> None:
    """Ask the chain about one statement; trace each unit it read with the word behind its role."""
    before = len(st.mentions)
    decision = CHAIN.decide(st, s, trace, s.kind)
    if trace is None or decision is None or decision.outcome != "read":
        return
    for m in st.mentions[before:]:
        why = f"{m.cue} → {m.role}" if m.cue else m.role
        trace.append(Step("unit", decision.rule, m.start, m.end, m.role, why))
