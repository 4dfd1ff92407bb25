"""The target rules, in the order they are tried.

Each quantity of a node becomes a Candidate (reader); ``CHAIN`` asks the rules
in order and the first that decides wins: the quantity becomes a target, a
figure (parameter or baseline), or is left out, and the trace names the rule.
A rule returns None to pass and changes nothing; a rule that decides returns
its edits (edits.take), which the engine applies.

To add a rule, write it in the file of its family with a docstring naming one
form it takes and one it leaves, put it in ``RULES`` where it must run, and
add both examples to its fixture file (tests/fixtures/targets/<rule>.txt).
"""

from __future__ import annotations

from ....ruler import Chain
from ..reader import Candidate, Reader
from .changes import change_then_level, start_value
from .figures import (
    baseline,
    eligibility,
    parameter,
    per_span,
    place_extent,
    score_condition,
    subsidy_condition,
)
from .forms import (
    carried_subject,
    quoted_share,
    respectively,
    subject_form,
    topic_subject,
    unclaimed,
    verb_form,
)
from .names import (
    article_numeral,
    bare_count,
    in_name_or_aside,
    in_object,
    list_size,
    listing_count,
    own_items,
    part_count,
    programme_name,
    size_before_count,
    size_class,
)
from .onsets import count_to_onset
from .pairs import paired_count
from .shares import (
    acting_count,
    object_share,
    ratio_before_verb,
    share_done,
    share_level,
    share_named,
    share_of,
    share_of_base,
)
from .sizes import fund_size, object_count, object_size
from .times import time_amount, within_time

RULES = (
    quoted_share,
    in_name_or_aside,
    start_value,
    size_class,
    in_object,
    size_before_count,
    per_span,
    programme_name,
    article_numeral,
    list_size,
    own_items,
    share_of,
    share_level,
    share_of_base,
    share_named,
    share_done,
    fund_size,
    object_share,
    object_count,
    object_size,
    time_amount,
    parameter,
    eligibility,
    subsidy_condition,
    score_condition,
    place_extent,
    baseline,
    change_then_level,
    respectively,
    paired_count,
    bare_count,
    listing_count,
    subject_form,
    ratio_before_verb,
    acting_count,
    within_time,
    part_count,
    count_to_onset,
    verb_form,
    carried_subject,
    topic_subject,
    unclaimed,
)

CHAIN: Chain[Reader, Candidate] = Chain(
    "targets", RULES, span=lambda c: (c.quantity.start, c.quantity.end)
)

__all__ = ["CHAIN", "RULES"]
