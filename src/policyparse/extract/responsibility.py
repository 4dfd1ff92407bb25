"""Responsible units from the bracketed statements in a node's text.

Four forms of statement, the first three each a bracket (…) in the text:

- labelled: （责任单位：A、B）, （牵头单位：A；配合单位：B）, （负责部门：A，适用范围：…）;
- verbs: （A牵头，B、C参与）, （A、B等负责）, （A指导，B负责落实）, （A会同有关部门负责）,
  with notes such as 列第一位者为牵头单位，下同 that hold for later nodes too;
- a bare list of bodies at the end of a measure: （各区、县级市）;
- an unbracketed sentence of the verb form opened by 由: 由A牵头，B配合。

Units are split on 、 and ，, and on 和/及 only where both sides are bodies
(工业和信息化部 stays whole); a trailing 等, 等有关部门 or 等部门 is dropped; the
〔…〕 part of a name is an alias.  Word lists live in data/*.txt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from functools import cache

from .. import lexicon
from ..text.brackets import LISTS, round_pairs, split_outside
from ..text.fold import compact
from ..vocab import NoteCode, Role
from .deadlines import is_due

# Unbalanced brackets must not make a search quadratic: a statement longer
# than this is not a unit list.
_MAX_STATEMENT = 600
_LABEL = re.compile(r"(?P<label>[\u4e00-\u9fff]{2,6}):\s{0,3}")


@dataclass(slots=True)
class Mention:
    """One unit as printed inside a responsibility statement."""

    name: str
    role: Role
    start: int
    end: int
    aliases: list[str] = field(default_factory=list)
    generic: bool = False


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


@cache
def _labels() -> dict[str, Role]:
    return lexicon.roles("extract/role_labels")


@cache
def _verbs() -> dict[str, Role]:
    return lexicon.roles("extract/role_verbs")


@cache
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(lexicon.column("extract/body_suffixes"), key=len, reverse=True))


def _ends_with(text: str, words: Container[str]) -> str | None:
    for n in range(min(lexicon.MAX_WORD, len(text)), 0, -1):
        if text[-n:] in words:
            return text[-n:]
    return None


@cache
def _manners() -> frozenset[str]:
    return lexicon.words("extract/role_manners")


def _role_verb(text: str) -> tuple[str, Role] | None:
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


def is_body(name: str) -> bool:
    """Whether *name* reads as the name of a body (ends 局, 委, 政府 …)."""
    return bool(name) and name.endswith(_suffixes())


@cache
def _generic() -> tuple[tuple[str, ...], frozenset[str]]:
    return (
        lexicon.column("extract/generic_bodies", match="opening"),
        lexicon.words("extract/generic_bodies", match="whole"),
    )


@cache
def _note(code: str) -> re.Pattern[str]:
    """The pattern of a note about later nodes (lexicon extract/responsibility_notes)."""
    return re.compile(lexicon.mapping("extract/responsibility_notes", "pattern")[code])


@cache
def _class_nouns() -> tuple[str, ...]:
    return lexicon.column("extract/generic_bodies", match="class")


@cache
def _levels() -> tuple[str, ...]:
    return (
        *lexicon.column("extract/generic_bodies", match="opening"),
        *lexicon.column("extract/place_levels", kind="level"),
    )


@cache
def _and() -> re.Pattern[str]:
    """和/及 between two bodies (农业农村部和财政部)."""
    return re.compile(lexicon.alternation(lexicon.column("extract/connectors", role="and")))


@cache
def _drop_tails() -> tuple[str, ...]:
    """等有关部门, 等部门, 等 …, longest first."""
    return tuple(lexicon.longest_first(lexicon.column("extract/drop_tails")))


def _joint(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """Where 会同 (or another word of joint action) first stands in [start, end)."""
    best: tuple[int, int] | None = None
    for word in lexicon.column("extract/joint_verbs"):
        at = folded.find(word, start, end)
        if at != -1 and (best is None or at < best[0]):
            best = (at, at + len(word))
    return best


def is_generic(name: str) -> bool:
    """A class of bodies (各省级人民政府, 有关部门, 县级市, 工作组成员单位) rather than one body.

    A level or a place before the class changes nothing: 市各相关部门, 河北省相关部门.
    """
    openings, whole = _generic()
    if name in whole or name.startswith(openings) or name.endswith(_generic_endings()):
        return True
    for word in openings:
        at = name.find(word, 1)
        if at != -1 and name[:at].endswith(_place_ends()):
            return True
    return False


@cache
def _place_ends() -> tuple[str, ...]:
    return tuple(lexicon.column("extract/place_levels"))


@cache
def _generic_endings() -> tuple[str, ...]:
    return lexicon.column("extract/generic_bodies", match="ending")


def _pieces(folded: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    """Pieces of [start, end) between separators outside brackets, trimmed."""
    out = []
    for s, e in split_outside(folded, start, end, seps, LISTS):
        while s < e and folded[s] in " ":
            s += 1
        while e > s and folded[e - 1] in " 。":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _split_and(folded: str, s: int, e: int, known: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Split on 和/及 where both sides are bodies: 农业农村部和财政部, not 工业和信息化部."""
    if known(_strip_tail(folded[s:e])[0]):
        return [(s, e)]
    for m in _and().finditer(folded, s + 1, e - 1):
        i = m.start()
        left = _strip_tail(folded[s:i])[0]
        right = folded[i + 1 : e]
        if (is_body(left) or _strip_tail(folded[s:i])[1] > 0) and (
            is_body(_strip_tail(right)[0]) or is_generic(right)
        ):
            return [(s, i), *_split_and(folded, i + 1, e, known)]
    return [(s, e)]


def _strip_tail(name: str) -> tuple[str, int]:
    """Drop a trailing 等 / 等有关部门 / 等部门; returns the name and what was cut."""
    tails = _drop_tails()
    if not name.endswith(tails):
        return name, 0
    for tail in tails:
        if name.endswith(tail) and len(name) > len(tail):
            return name[: -len(tail)], len(tail)
    return name, 0


def _mention(source: str, folded: str, start: int, end: int, role: Role) -> Mention | None:
    """One unit: its name, aliases in 〔…〕, with 等… dropped."""
    _, cut = _strip_tail(folded[start:end])
    end -= cut
    name_end = end
    aliases: list[str] = []
    while name_end > start and folded[name_end - 1] in "〕)":
        opener = "〔" if folded[name_end - 1] == "〕" else "("
        open_at = folded.rfind(opener, start, name_end - 1)
        if open_at <= start:
            break
        alias = compact(source[open_at + 1 : name_end - 1])
        if opener == "(" and ("、" in alias or not is_body(alias)):
            break  # 各省(区、市): a gloss, not another name
        aliases.insert(0, alias)
        name_end = open_at
    name = compact(source[start:name_end])
    if not name:
        return None
    return Mention(
        name=name, role=role, start=start, end=end, aliases=aliases, generic=is_generic(name)
    )


def bodies_in(
    source: str, folded: str, start: int, end: int, role: Role, known: Callable[[str], bool]
) -> list[Mention]:
    spans: list[tuple[int, int]] = []
    for s, e in _pieces(folded, start, end, "、,;"):
        for a, b in _split_and(folded, s, e, known):
            if (
                spans
                and _class_noun(folded[a:b])
                and is_generic(compact(folded[spans[-1][0] : spans[-1][1]]))
            ):
                spans[-1] = (spans[-1][0], b)  # 各有关部门和单位, 相关部门、单位: one generic unit
            else:
                spans.append((a, b))
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and _bare_place(compact(folded[merged[-1][0] : merged[-1][1]])):
            name = compact(folded[a:b])
            if is_generic(name) and not name.startswith(_generic()[0]):
                merged[-1] = (merged[-1][0], b)  # 天津市、河北省相关部门: both places' departments
                continue
        merged.append((a, b))
    out = []
    for a, b in merged:
        m = _mention(source, folded, a, b, role)
        if m is not None:
            out.append(m)
    return out


_PLACE_MAX = 8


def _bare_place(name: str) -> bool:
    """天津市, 河北省: a place's name alone, which a generic class after it may share."""
    return (
        1 < len(name) <= _PLACE_MAX
        and name.endswith(tuple(lexicon.column("extract/place_levels", kind="place")))
        and not is_generic(name)
    )


def _class_noun(text: str) -> bool:
    """单位, 部门, 配合部门: a bare class of bodies, continuing a generic name before it."""
    text = compact(text)
    return text in _class_nouns() or (
        len(text) <= 4 and text.endswith(_class_nouns()) and not text.startswith(_levels())
    )


def _labelled(
    source: str, folded: str, inner: int, close: int, known: Callable[[str], bool]
) -> list[Mention] | None:
    """（责任单位：…）, （牵头单位：…；配合单位：…）; None if not this form.

    A line may break anywhere in a statement copied from a PDF: （\n牵头单位：A；\n配合
    单位：B） reads as if the breaks were not there.
    """
    labels = _labels()
    labels_at = []
    first = inner
    while first < close and folded[first] in " \n":
        first += 1
    for lm in _LABEL.finditer(folded, first, close):
        at = lm.start()
        while at > first and folded[at - 1] in " \n":
            at -= 1
        if at == first or folded[at - 1] in ";,":
            labels_at.append(lm)
    if not labels_at or labels_at[0].start() != first or labels_at[0].group("label") not in labels:
        return None
    out: list[Mention] = []
    for k, lm in enumerate(labels_at):
        role = labels.get(lm.group("label"))
        if role is None:
            continue  # 适用范围：… is not a list of units
        list_end = labels_at[k + 1].start() if k + 1 < len(labels_at) else close
        # 〔责任单位：A、B按职责分工负责〕: the role words close the list, they name nothing.
        while list_end > lm.end() and folded[list_end - 1] in " 。":
            list_end -= 1
        closing = _role_verb(folded[lm.end() : list_end])
        if closing is not None:
            list_end -= len(closing[0])
        list_start = lm.end()
        if list_start < list_end and folded[list_start] in _SQUARE_CLOSERS:
            list_start += 1  # （责任单位：〔A、B〕
        out.extend(bodies_in(source, folded, list_start, list_end, role, known))
    return out


def _verbal(
    source: str, folded: str, inner: int, close: int, state: State, known: Callable[[str], bool]
) -> list[Mention] | None:
    """（A牵头，B、C参与）, （A、B等负责。列第一位者为牵头单位，下同）; None if not this form."""
    out: list[Mention] = []
    leads_first = False
    clauses = _pieces(folded, inner, close, ",;。")
    if not clauses:
        return None
    pending: list[tuple[int, int]] = []
    for s, e in clauses:
        text = folded[s:e]
        if _note("first_listed_is_lead").search(text):
            leads_first = True
            if _note("same_below").search(folded, s, close):
                state.first_is_lead = True
                state.notes.append(Note("first_listed_is_lead", s, e))
            continue
        if _note("same_below").fullmatch(text) or _note("not_listed").fullmatch(text):
            continue
        if _note("applies_below").search(text):
            continue  # 以下均需地方人民政府负责: a note about later nodes (find_mentions)
        label = _LABEL.match(text)
        if label is not None and label.group("label") not in _labels():
            continue  # 完成时限：2024年10月: another field of the statement
        if is_due(folded, s, e):
            continue  # 2023年10月底前完成并持续推进: the node's deadline (deadlines)
        closing = _role_verb(text)
        if closing is None:
            # A、B，各省级人民政府按职责分工负责: a clause with no verb of its
            # own shares the verb of the clause after it.
            pending.append((s, e))
            continue
        verb, role = closing
        units_end = e - len(verb)
        if units_end <= s:
            return None
        for ps, pe in pending:
            units = bodies_in(source, folded, ps, pe, role, known)
            if not _plausible(units, known):
                return None
            out.extend(units)
        pending.clear()
        parts = [(s, units_end, role)]
        joint = _joint(folded, s, units_end)
        if joint is not None and joint[0] == s:
            # 会同B协同推进 after A牵头: the bodies joined to the lead work with it.
            parts = [(joint[1], units_end, "cooperating")]
        elif joint is not None:
            # A会同有关部门负责: A leads, the others work with it.
            parts = [(s, joint[0], "lead"), (joint[1], units_end, "cooperating")]
        for a, b, r in parts:
            units = bodies_in(source, folded, a, b, r, known)
            if not _plausible(units, known):
                return None
            out.extend(units)
    if not out or pending:
        return None
    if leads_first or state.first_is_lead:
        first = next((u for u in out if u.role == "responsible"), None)
        if first is not None and not any(u.role == "lead" for u in out):
            first.role = "lead"
    return out


_NAME_MAX = 30


def _plausible(units: list[Mention], known: Callable[[str], bool]) -> bool:
    """Whether a list read before a role verb names bodies.

    One name without a known ending (供销合作总社 before the suffixes knew 总社) must
    not sink the others: the list holds when at least one name is a body, a class of
    bodies or a gazetteer name, and none runs longer than a name does.  Leaves
    （企业自主负责） and （按规定程序负责）, where nothing is a body.
    """
    if not units or any(len(u.name) > _NAME_MAX for u in units):
        return False
    return any(u.generic or is_body(u.name) or known(u.name) for u in units)


_TRAILING = re.compile(r"[ 。]*")


def _bare(
    source: str,
    folded: str,
    open_at: int,
    inner: int,
    close: int,
    end: int,
    known: Callable[[str], bool],
) -> list[Mention] | None:
    """（各区、县级市） at the end of a measure: a list of bodies with no label or verb."""
    before = folded[open_at - 1] if open_at > 0 else ""
    # Only spaces and 。 may follow; the match stops at the first other character, so a
    # long node is not copied for every bracket in it.
    if before not in "。" or _TRAILING.match(folded, close + 1, end).end() != end:  # type: ignore[union-attr]
        return None
    units = bodies_in(source, folded, inner, close, "responsible", known)
    # （县、市） after a noun is a gloss, not a list: bodies have longer names.
    if units and all(
        len(u.name) > 1 and (u.generic or is_body(u.name) or known(u.name)) for u in units
    ):
        return units
    return None


_STATEMENT_OPENERS = re.compile(r"[(〔【]")
_SQUARE_CLOSERS = {"〔": "〕", "【": "】"}
_CLAUSE_HEAD = ",;:。\n"
_SENTENCE_END = ";。\n"


@cache
def _agent() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.column("extract/agent_words")))


def _agent_statements(
    source: str, folded: str, start: int, end: int, state: State, known: Callable[[str], bool]
) -> list[Mention]:
    """由A牵头，B配合。 at the head of a clause, closing its sentence with role verbs.

    Takes 加强市场监管，由市市场监管局负责。 and 由市市场监管局牵头，市商务局、市公安局
    等配合。; leaves 学校内由教育行政部门负责日常管理 (由 inside a clause, and the
    verb takes an object) and 由企业自主决定。 (no body).
    """
    out: list[Mention] = []
    for m in _agent().finditer(folded, start, end):
        at = m.start()
        if at > start and folded[at - 1] not in _CLAUSE_HEAD:
            continue
        stops = (folded.find(ch, m.end(), end) for ch in _SENTENCE_END)
        stop = min((i for i in stops if i != -1), default=end)
        if stop - m.end() > _MAX_STATEMENT:
            continue
        read = _verbal(source, folded, m.end(), stop, state, known)
        if read is not None:
            out.extend(read)
    return out


def _labelled_pairs(folded: str, start: int, end: int) -> dict[int, int]:
    """〔责任单位：…〕 and 【牵头单位：…】: square brackets hold a statement only with a label."""
    pairs: dict[int, int] = {}
    labels = _labels()
    for m in re.finditer(r"[(〔【]", folded[start:end]):
        at = start + m.start()
        lm = _LABEL.match(folded, at + 1, end)
        if lm is None or lm.group("label") not in labels:
            continue
        if folded[at] == "(":
            # （责任单位：〔A、B〕 with its round bracket never closed: the square
            # bracket after the label closes the statement.
            opener = folded[lm.end()] if lm.end() < end else ""
            if opener not in _SQUARE_CLOSERS:
                continue
            closer = _SQUARE_CLOSERS[opener]
        else:
            closer = _SQUARE_CLOSERS[folded[at]]
        close = folded.find(closer, at + 1, min(end, at + _MAX_STATEMENT))
        if close != -1:
            pairs[at] = close
    return pairs


def find_mentions(
    source: str,
    folded: str,
    start: int,
    end: int,
    state: State | None = None,
    known: Callable[[str], bool] | None = None,
) -> list[Mention]:
    """Every unit named by a responsibility statement inside [start, end).

    *state* carries notes from earlier nodes (列第一位者为牵头单位，下同) and is
    updated by this node's; *known* says whether a name is in the gazetteer.
    """
    state = state if state is not None else State()
    known = known or (lambda name: False)
    mentions: list[Mention] = []
    for m in _note("applies_below").finditer(folded, start, end):
        unit = compact(source[m.start("unit") : m.end("unit")])
        state.notes.append(Note("applies_below", m.start(), m.end(), unit))
        state.applies_below.append(
            Mention(
                name=unit,
                role="responsible",
                start=m.start("unit"),
                end=m.end("unit"),
                generic=is_generic(unit),
            )
        )
    mentions.extend(_agent_statements(source, folded, start, end, state, known))
    if not _STATEMENT_OPENERS.search(folded, start, end):
        return mentions
    rounds = round_pairs(folded, start, end, _MAX_STATEMENT)
    pairs = _labelled_pairs(folded, start, end)
    pairs = {a: c for a, c in pairs.items() if folded[a] != "(" or a not in rounds} | rounds
    pos = start
    for open_at in sorted(pairs):
        if open_at < pos:
            continue  # inside a statement already read
        close = pairs[open_at]
        inner = open_at + 1
        read = _labelled(source, folded, inner, close, known)
        if read is None:
            read = _verbal(source, folded, inner, close, state, known)
        if read is None:
            read = _bare(source, folded, open_at, inner, close, end, known)
        if read is not None:
            mentions.extend(read)
            pos = close + 1
    return mentions
