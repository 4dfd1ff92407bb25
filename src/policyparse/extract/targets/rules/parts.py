"""The parts of a total: a word opening a part (其中) before a count's subject."""

from __future__ import annotations

from ..reader import Reader
from .helpers import LEAD_EDGE


def opens_part(reader: Reader, clause_start: int, start: int) -> bool:
    """Whether a word opening a part of a total (其中: lexicon extract/part_leads) stands
    between the clause's start and *start* (…，其中企业3518户)."""
    lead = reader.folded[clause_start:start].strip(LEAD_EDGE)
    if lead.startswith(reader.words.part_leads):
        return True
    # 其中：指令性计划814.5万公斤: the lead and its colon close the clause before
    before = reader.folded[max(0, clause_start - _LEAD_BACK) : clause_start].rstrip(LEAD_EDGE)
    return before.endswith(reader.words.part_leads)


_LEAD_BACK = 6  # characters of a part lead and the marks after it, at most
