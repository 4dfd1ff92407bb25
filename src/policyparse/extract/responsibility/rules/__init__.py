"""The responsibility rules, in the order they are tried.

One chain decides every statement of a node (statements.Statement); its
alternative is the statement's kind, so a rule runs only on the kinds it
reads.  The first rule that decides finally wins; ``not_read`` always does,
so a bracket no rule reads is still in the trace (``policyparse FILE
--explain``: ``bracket not read``).  To add a rule, write it in the file of its
family with a docstring naming one statement it takes and one it leaves, put
it in ``RULES`` where it must run, and add a case to the fixture file of its
form (tests/fixtures/responsibility/).
"""

from __future__ import annotations

from ....ruler import Chain
from ..statements import NodeState, Statement
from .labelled import labelled, labelled_line
from .lists import bare_list, table_column
from .notes import applies_below
from .unread import not_read
from .verbal import agent_sentence, cell_verbs, verbal

RULES = (
    applies_below,
    agent_sentence,
    cell_verbs,
    table_column,
    labelled,
    labelled_line,
    verbal,
    bare_list,
    not_read,
)

# The kinds of statement each rule reads (a rule not named here reads every kind).
KINDS = {
    "applies_below": ("note",),
    "agent_sentence": ("agent",),
    "cell_verbs": ("cell",),
    "table_column": ("cell",),
    "labelled": ("bracket",),
    "labelled_line": ("line",),
    "verbal": ("bracket",),
    "bare_list": ("bracket",),
}

CHAIN: Chain[NodeState, Statement] = Chain(
    "responsibility", RULES, span=lambda s: s.span, alts=KINDS
)

__all__ = ["CHAIN", "RULES"]
