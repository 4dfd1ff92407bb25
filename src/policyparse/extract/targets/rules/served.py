"""Lists of those a preposition serves: 为8000户困难家庭和1000个服务场所实施改造, each item
served by the one action closing the clause (rule verb_form)."""

from __future__ import annotations

from ....text.fold import compact
from ....text.tokenizer import cut
from ..reader import Candidate, Reader


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
