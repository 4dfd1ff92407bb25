"""Names of bodies inside a responsibility statement: where one ends and the next begins.

Units are split on 、 and ，, and on 和/及 only where both sides are bodies
(工业和信息化部 stays whole); a trailing 等, 等有关部门 or 等部门 is dropped; the
〔…〕 part of a name is an alias.  A class of bodies (各有关部门, 市各相关部门) is kept
whole and marked generic.  Words live in lexicon/extract/*.tsv.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from ... import lexicon
from ...inputs.bodies import thing_ends
from ...text.brackets import LISTS, split_outside
from ...text.fold import compact
from ...text.numerals import CN_NUMERAL_CHARS
from ...vocab import Role


@dataclass(slots=True)
class Mention:
    """One unit as printed inside a responsibility statement.

    *cue* (not in the output) is the word that gave the role (牵头单位, 配合, 会同),
    empty where the form itself gives it (a bare list): the trace shows it.
    """

    name: str
    role: Role
    start: int
    end: int
    aliases: list[str] = field(default_factory=list)
    generic: bool = False
    cue: str = ""


@cache
def _suffixes() -> tuple[str, ...]:
    return tuple(sorted(lexicon.column("extract/body_suffixes"), key=len, reverse=True))


def is_body(name: str) -> bool:
    """Whether *name* reads as the name of a body (ends 局, 委, 政府 …)."""
    return bool(name) and name.endswith(_suffixes()) and not name.endswith(thing_ends())


@cache
def _generic() -> tuple[tuple[str, ...], frozenset[str]]:
    return (
        lexicon.column("extract/generic_bodies", match="opening"),
        lexicon.words("extract/generic_bodies", match="whole"),
    )


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


_TRAILING_ASIDE = re.compile(r"[（(][^（）()]{1,8}[）)]$")


@cache
def _paired() -> frozenset[str]:
    return frozenset(lexicon.column("extract/generic_bodies", match="paired"))


@cache
def _counted() -> re.Pattern[str]:
    """A count of bodies before their class: 13个街道 (extract/generic_bodies, counter)."""
    counters = lexicon.alternation(lexicon.column("extract/generic_bodies", match="counter"))
    return re.compile(rf"^[\d{CN_NUMERAL_CHARS}]+(?:{counters})")


def is_generic(name: str) -> bool:
    """A class of bodies (各省级人民政府, 有关部门, 县级市, 工作组成员单位) rather than one body.

    A level or a place before the class changes nothing: 市各相关部门, 河北省相关部门; nor
    does a field of work before a short class: 全区经济运行各专班.
    A government of a lower level named by its level alone is each such government:
    镇人民政府, 镇人民政府（街道） (lexicon extract/generic_bodies, whole); so is a count
    of them: 13个街道.
    """
    openings, whole = _generic()
    core = _counted().sub("", _TRAILING_ASIDE.sub("", name))  # 镇人民政府（街道）: the class
    core = core.split("、")[0]  # 13个街道、镇: a class and its kinds after it
    if core in whole or name.startswith(openings) or name.endswith(_generic_endings()):
        return True
    for word in openings:
        at = name.find(word, 1)
        if at != -1 and name[:at].endswith(_place_ends()):
            return True
        if at != -1 and 0 < len(name) - at - len(word) <= _CLASS_TAIL:
            return True  # 全区经济运行各专班: a short class closes the name after 各
    return False


_CLASS_TAIL = 4  # characters of the class after an opening word inside a name (各专班)


@cache
def _place_ends() -> tuple[str, ...]:
    return tuple(lexicon.column("extract/place_levels"))


@cache
def _generic_endings() -> tuple[str, ...]:
    return lexicon.column("extract/generic_bodies", match="ending")


def pieces(folded: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
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


@cache
def _etc() -> str:
    """等: the word that leaves a list of bodies open (lexicon extract/open_list_words)."""
    return min(lexicon.column("extract/open_list_words"), key=len)


def _split_etc(folded: str, s: int, e: int) -> list[tuple[int, int]]:
    """区财政局等区政府有关部门: the bodies named, then the class 等 closes them with (区财政局
    and 区政府有关部门, generic); a piece opening with 等 (、等区政府有关部门) is the class
    alone.  Leaves 区财政局等部门 and 区财政局等有关部门 (a tail that names no class of its
    own, dropped: strip_tail)."""
    etc = _etc()
    if folded.startswith(etc, s, e):
        return [(s + len(etc), e)] if e > s + len(etc) else []
    at = folded.find(etc, s + 1, e - 1)
    if at == -1 or folded[at:e] in _drop_tails():
        return [(s, e)]  # 区财政局等有关部门: the tail names no class of its own
    if is_body(folded[s:at]) and is_generic(compact(folded[at + len(etc) : e])):
        return [(s, at), (at + len(etc), e)]
    return [(s, e)]


def _split_and(folded: str, s: int, e: int, known: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Split on 和/及 where both sides are bodies: 农业农村部和财政部, not 工业和信息化部, nor
    a place's pair of leading bodies (各县党委和人民政府: the second names no place)."""
    if known(strip_tail(folded[s:e])[0]):
        return [(s, e)]
    for m in _and().finditer(folded, s + 1, e - 1):
        i = m.start()
        left = strip_tail(folded[s:i])[0]
        right = folded[i + 1 : e]
        if compact(strip_tail(right)[0]) in _paired():
            continue
        if (is_body(left) or strip_tail(folded[s:i])[1] > 0) and (
            is_body(strip_tail(right)[0]) or is_generic(right)
        ):
            return [(s, i), *_split_and(folded, i + 1, e, known)]
    return [(s, e)]


def strip_tail(name: str) -> tuple[str, int]:
    """Drop a trailing 等 / 等有关部门 / 等部门; returns the name and what was cut."""
    tails = _drop_tails()
    if not name.endswith(tails):
        return name, 0
    for tail in tails:
        if name.endswith(tail) and len(name) > len(tail):
            return name[: -len(tail)], len(tail)
    return name, 0


def _mention(
    source: str, folded: str, start: int, end: int, role: Role, cue: str
) -> Mention | None:
    """One unit: its name, aliases in 〔…〕, with 等… dropped."""
    _, cut = strip_tail(folded[start:end])
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
        if opener == "(" and is_generic(compact(source[start:open_at])):
            break  # 各街镇（园区）: a class widened, not another name of one body
        aliases.insert(0, alias)
        name_end = open_at
    name = compact(source[start:name_end])
    if not name:
        return None
    return Mention(
        name=name,
        role=role,
        start=start,
        end=end,
        aliases=aliases,
        generic=is_generic(name),
        cue=cue,
    )


def bodies_in(
    source: str,
    folded: str,
    start: int,
    end: int,
    role: Role,
    known: Callable[[str], bool],
    cue: str = "",
) -> list[Mention]:
    """The units listed in [start, end), each with *role* (and the *cue* that gave it)."""
    spans = _level_chains(folded, _spans(folded, start, end, known))
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        joined = bool(merged) and "、" in folded[merged[-1][1] : a]  # not across ，or ；
        if joined and _bare_place(compact(folded[merged[-1][0] : merged[-1][1]])):
            name = compact(folded[a:b])
            if is_generic(name) and not name.startswith(_generic()[0]):
                merged[-1] = (merged[-1][0], b)  # 天津市、河北省相关部门: both places' departments
                continue
        merged.append((a, b))
    out = []
    for a, b in merged:
        m = _mention(source, folded, a, b, role, cue)
        if m is not None:
            out.append(m)
    _shared_class(out)
    return out


def _spans(
    folded: str, start: int, end: int, known: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """The names' spans: pieces split on 等 and 和, a class noun joined to the class before
    it (各有关部门和单位, 相关部门、单位, 相关委、办、局)."""
    spans: list[tuple[int, int]] = []
    for s, e in pieces(folded, start, end, "、,;"):
        for a, b in (x for p in _split_etc(folded, s, e) for x in _split_and(folded, *p, known)):
            if (
                spans
                and _class_noun(folded[a:b])
                and is_generic(compact(folded[spans[-1][0] : spans[-1][1]]))
            ):
                spans[-1] = (spans[-1][0], b)
            else:
                spans.append((a, b))
    return spans


def _level_chains(folded: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """各县、市、区政府: one class of bodies whose levels are listed one character each after
    各 and share the head closing the last (each county's, city's and district's
    government; lexicon extract/level_heads), not 各县, 市 and 区政府.  Leaves 各县、
    市场监管局 (市场 is no level: the head is not one of those)."""
    one = _one_char_levels()
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out:
            prev = compact(folded[out[-1][0] : out[-1][1]])
            name = compact(folded[a:b])
            chain = prev.startswith(_generic()[0]) and all(
                part[-1:] in one and len(part) <= 2 for part in prev.split("、")
            )
            if chain and name[:1] in one and (len(name) == 1 or name[1:] in _level_heads()):
                out[-1] = (out[-1][0], b)
                continue
        out.append((a, b))
    return out


@cache
def _level_heads() -> frozenset[str]:
    return lexicon.words("extract/level_heads")


@cache
def _one_char_levels() -> frozenset[str]:
    return frozenset(w for w in lexicon.column("extract/place_levels", kind="level") if len(w) == 1)


_CLASS_MAX = 4  # characters of a bare class noun after 各…、 (园区, 街道)


def _shared_class(mentions: list[Mention]) -> None:
    """各镇、园区: the 各 of a list's first item reaches a bare class noun after it (each
    park, not one), while a named body (各镇、区经委) keeps its own level."""
    openings = _generic()[0]
    reach = False
    for m in mentions:
        if m.name.startswith(openings):
            reach = True
        elif reach and not m.generic and len(m.name) <= _CLASS_MAX:
            m.generic = not m.name.startswith(_levels())


_PLACE_MAX = 8


def _bare_place(name: str) -> bool:
    """天津市, 河北省: a place's name alone, which a generic class after it may share."""
    return (
        1 < len(name) <= _PLACE_MAX
        and name.endswith(tuple(lexicon.column("extract/place_levels", kind="place")))
        and not is_generic(name)
    )


@cache
def _class_chars() -> tuple[str, ...]:
    return lexicon.column("extract/generic_bodies", match="kind")


def _class_noun(text: str) -> bool:
    """单位, 部门, 配合部门, 办: a bare class of bodies, continuing a generic name before it."""
    text = compact(text)
    if len(text) == 1:
        return text in _class_chars()  # 相关委、办、局: a class's kinds, one character each
    return text in _class_nouns() or (
        len(text) <= 4 and text.endswith(_class_nouns()) and not text.startswith(_levels())
    )


NAME_MAX = 30


def plausible(units: list[Mention], known: Callable[[str], bool]) -> bool:
    """Whether a list read before a role verb names bodies.

    One name without a known ending (供销合作总社 before the suffixes knew 总社) must
    not sink the others: the list holds when at least one name is a body, a class of
    bodies or a gazetteer name, and none runs longer than a name does.  Leaves
    （企业自主负责） and （按规定程序负责）, where nothing is a body.
    """
    if not units or any(len(u.name) > NAME_MAX for u in units):
        return False
    return any(u.generic or is_body(u.name) or known(u.name) for u in units)
