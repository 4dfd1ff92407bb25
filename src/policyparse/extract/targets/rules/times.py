"""Times a plan commits to act within: a duration, 内, and the action it bounds."""

from __future__ import annotations

from ....ruler import Decision
from ....text.fold import compact
from ...durations import amount_end, response_words
from ..reader import Candidate, Reader
from .edits import leave, take, take_list
from .forms import item_names, items_end


def within_time(reader: Reader, c: Candidate) -> Decision | None:
    """A response time in an indicator table's cell: a duration, 内, then the action it
    bounds.

    Takes 地震应急响应保障水平 | 震后20分钟内提供快速评估结果 (→ 提供快速评估结果 <= 20分钟);
    leaves 接到指令后30分钟内抵达现场 in prose (a time limit for an action: a rule of
    procedure, tests/ORACLES.md) and 30分钟提供意见 (no 内: the rules after read it).  The
    quantity reader keeps only durations in minutes or seconds before 内 (lexicon
    extract/response_times), so 3个月内完成 never comes here.
    """
    f = reader.folded
    if c.draft.unit not in response_words("within"):
        return None
    q = c.quantity.start
    if not any(a <= q < b for a, b in reader.worded):
        return leave("a time limit for an action outside an indicator's cell: a procedure")
    at = c.suffix_end
    word = c.suffix if c.suffix in response_words("after") else None
    word = word or next((w for w in response_words("after") if f.startswith(w, at)), None)
    if word is None:
        return None
    start = at if c.suffix == word else at + len(word)
    end = c.clause[1]
    while end > start and f[end - 1] in "。；;，,: ":
        end -= 1
    if end - start < 2:
        return None
    found = c.draft.copy()
    found.comparator = "<="
    found.comparator_by = ("within_time", word)
    found.indicator = compact(reader.source[start:end])
    found.end = end
    return take(c, found, end)


def time_amount(reader: Reader, c: Candidate) -> Decision | None:
    """An amount of time the plan provides, named by the noun of time closing its phrase.

    Takes 形成20天的储备能力 (indicator 储备能力, 20 天) and 保障学生每天校内、校外各1个小时
    体育活动时间 (各 hands the hour to each item: 学生校内体育活动时间 and 校外…, 1 个小时
    each); leaves 5个工作日内办结 (内 after the duration: a limit, which the quantity reader
    does not read as an amount), and a duration in a sentence with a parameter cue.
    """
    f = reader.folded
    end = amount_end(f, c.quantity.start, c.quantity.end, c.clause[1])
    if end is None or c.draft.unit in reader.words.dimensions:
        return None
    if reader.words.parameter.search(c.window):
        return None  # 给予不少于10天的带薪休假时间: what a grant provides, a parameter
    start = c.quantity.end + (f[c.quantity.end] in reader.words.of)
    noun = compact(reader.source[start:end])
    handed = items_end(reader, c)
    names = item_names(reader, c, 1, *handed) if handed is not None else None
    found = []
    for name in names or [""]:
        one = c.draft.copy()
        one.indicator, one.end = name + noun, end
        found.append(one)
    return take_list(c, tuple(found), end, ((c.quantity.start, c.quantity.end),))
