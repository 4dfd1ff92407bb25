"""Two counts of one group side by side (为431户684人低保对象投保: households and people),
each a target of the one action (rule paired_count)."""

from __future__ import annotations

from dataclasses import replace

from ....ruler import Decision
from ....text.fold import is_han
from ..reader import Candidate, Reader
from .edits import take_list
from .forms import verb_target
from .helpers import dimension


def paired_count(reader: Reader, c: Candidate) -> Decision | None:
    """A count, then at once a count of the same group in another unit, then the object they
    count and its action: each count is a goal of that action.

    Takes 为辖区431户684人低保对象投保意外保险 (为辖区低保对象投保意外保险: 431 户 and
    684 人) and 搬迁安置120户360人群众 (read as verb_form reads the first count, the object
    after the second); leaves 完成危旧房改造120户360人 (the pair closes its item:
    subject_form and carried_subject), 改造燃煤机组12台600万千瓦 (the second no count),
    完成3.5万户50户以上村寨农户改造 (the second bounded, and in the same unit: the size
    of what is counted) and 2个10万吨级泊位 (the second names the class of the object).
    """
    if c.suffix is not None or c.draft.value_max is not None or dimension(c.draft) != "count":
        return None
    i = c.index + 1
    if i >= len(reader.quantities) or reader.quantities[i].start != c.suffix_end:
        return None
    second = reader.candidate(i)
    if second.suffix is not None or second.draft.value_max is not None:
        return None  # 3.5万户50户以上…村寨: a bound, the size of what is counted
    if dimension(second.draft) != "count" or second.draft.base_unit == c.draft.base_unit:
        return None
    if second.closes or not is_han(second.next_char):
        return None
    inner = replace(c, suffix_end=second.suffix_end, closes=False, next_char=second.next_char)
    read = verb_target(reader, inner)
    if isinstance(read, Decision):
        return None
    first, o_end, _ = read
    other = first.copy()
    for name in ("value", "value_max", "unit", "base_value", "base_unit", "comparator"):
        setattr(other, name, getattr(second.draft, name))
    other.comparator_by, other.q_start = second.draft.comparator_by, second.quantity.start
    spans = ((c.quantity.start, c.quantity.end), (second.quantity.start, second.quantity.end))
    return take_list(c, (first, other), o_end, spans)
