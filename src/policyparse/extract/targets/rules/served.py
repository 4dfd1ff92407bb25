"""Lists whose items share what closes the list: those a preposition serves (为8000户困难家庭
和1000个服务场所实施改造, each item served by the one action closing the clause), and counts
that share the object printed after the last item (新建5所、改扩建10所中小学); read by the
rules verb_form and subject_form."""

from __future__ import annotations

from ....text.fold import compact
from ....text.tokenizer import cut
from ..breaks import object_end
from ..reader import Candidate, Reader
from .helpers import dictionary_verb, verb_before


def joined_at(reader: Reader, start: int, later: int) -> int | None:
    """Where the join stands (和, 、) when a later count of the clause is the next item of
    the list the preposition opens (为8000户困难家庭和1000个服务场所实施改造: both are
    served), not the goal of a verb of its own (在10个街道组建20个…); else None."""
    f = reader.folded
    at = later - 1
    if (
        at > start
        and f[at] in reader.words.list_joins
        and not reader.words.any_verb.search(f, start, at)
    ):
        return at
    return None


def served_list(reader: Reader, c: Candidate, o_end: int) -> str | None:
    """The indicator's object where the preposition's count is the first item of a list of
    those served (为8000户困难家庭和1000个服务场所实施改造 → 困难家庭实施改造): the item's
    own words and the action closing the clause; None where no later count is so joined."""
    later = reader.next_quantity(c.suffix_end, o_end)
    if later is None:
        return None
    at = joined_at(reader, c.suffix_end, later.start)
    if at is None:
        return None
    if reader.next_quantity(later.end, o_end) is not None:
        return None  # …和5个园区组建20个…: the action has a count of its own
    verb = _action_word(reader, later.end, o_end)
    own = compact(reader.source[c.suffix_end : at])
    return own + compact(reader.source[verb:o_end]) if own and verb is not None else None


def _action_word(reader: Reader, start: int, end: int) -> int | None:
    """Where the first word that is a verb of the lexicon stands in [start, end), words cut
    as jieba cuts them (服务场 | 所 | 实施: 实施, not the 服务 of a place's name)."""
    pos = start
    for word in cut(reader.folded[start:end]):
        if word in reader.words.verbs:
            return pos
        pos += len(word)
    return None


def is_preposition(reader: Reader, verb: str) -> bool:
    """The verb is a preposition (在), an area after it at most (为全州)."""
    w = reader.words
    return verb in w.prepositions or any(
        verb.startswith(p) and verb[len(p) :] in w.areas for p in w.prepositions
    )


def shared_object(reader: Reader, c: Candidate) -> str:
    """The object a count shares with the next item of its list, printed after that item
    alone (新建5所、改扩建10所中小学: 5 所 are 中小学 too; 分别增加400个左右、撤并30个左右农村
    养老服务设施): where 、 follows the count and the next item is a verb, a count in the same
    unit and its object, that object; "" otherwise (新建5所、10个: no object after it)."""
    f, end = reader.folded, c.clause[1]
    if f[c.suffix_end : c.suffix_end + 1] != "、":
        return ""
    later = reader.next_quantity(c.suffix_end + 1, end)
    if later is None or later.unit != c.quantity.unit:
        return ""
    start = c.suffix_end + 1
    v_start, v_end, _ = verb_before(f, start, later.start)
    whole = (v_start, v_end) == (start, later.start)
    if not whole and dictionary_verb(f, start, later.start) != later.start - start:
        return ""  # the next item is a verb and its count, nothing else
    _, after = reader.suffix_of(later, end)
    o_end = object_end(f, after, end, reader.starts)
    return compact(reader.source[after:o_end]) if o_end is not None else ""
