"""Quantities before 的 and what they describe: the size of a fund, a count of objects."""

from __future__ import annotations

from ....ruler import Decision
from ....text.fold import compact
from ..breaks import object_end
from ..context import ends_with
from ..reader import Candidate, Reader
from .edits import take
from .helpers import dimension, verb_before, verb_quantity_of


def fund_size(reader: Reader, c: Candidate) -> Decision | None:
    """A sum after a word of size and before 的 and what is set up: the size is the goal.

    Takes 设立总规模不低于5亿元的产业引导基金 (indicator 设立产业引导基金总规模, >= 5亿元)
    and 设立规模2000万元的人才发展专项资金; leaves 对总投资5000万元以上的项目给予补助
    (no word of size, and a parameter cue: the sum is a threshold, a parameter).
    """
    w, f, pre = reader.words, reader.folded, c.prefix
    if not c.next_char or c.next_char not in w.of or dimension(c.draft) != "money":
        return None
    n = ends_with(f, pre.start, pre.end, w.sizes)
    if not n or w.parameter.search(c.window):
        return None
    v_start, v_end, _ = verb_before(f, pre.start, pre.end - n)
    if v_end == v_start:
        return None
    o_end = object_end(f, c.suffix_end + 1, c.clause[1], reader.starts)
    if o_end is None or o_end == c.suffix_end + 1:
        return None
    found = c.draft.copy()
    found.start = v_start
    found.end = o_end
    found.verb = compact(reader.source[v_start:v_end])
    obj = compact(reader.source[c.suffix_end + 1 : o_end])
    found.indicator = found.verb + obj + compact(reader.source[pre.end - n : pre.end])
    return take(c, found, o_end)


def object_count(reader: Reader, c: Candidate) -> Decision | None:
    """A count a verb commits to, before 的 and its object: 培育30个左右的特色基地.

    Takes 培育30个左右的特色基地 (indicator 培育特色基地, ~ 30 个) and 建设10个以上的
    社区服务站点; leaves 人口超过100万的城市 and 年营业收入500万元以上的企业 (no verb
    right before the number, or a sum: a threshold, a parameter).
    """
    if dimension(c.draft) != "count":
        return None
    return verb_quantity_of(reader, c)


_PHYSICAL = frozenset(
    {"length", "area", "volume", "power", "energy", "mass", "container", "computing", "data"}
)


def object_size(reader: Reader, c: Candidate) -> Decision | None:
    """A physical size a verb commits to, before 的 and its object: 完成2000万平方米以上的
    既有建筑节能改造示范项目.

    Takes 引导完成2000万平方米以上的改造项目 (indicator 引导完成改造项目, >= 2000 万平方米)
    and 建成50公里的绿道; leaves 引进投资5000万元以上的项目 (money before 的: a threshold,
    a parameter) and 面积超过1000平方米的商场 (no verb right before the number).
    """
    if dimension(c.draft) not in _PHYSICAL:
        return None
    return verb_quantity_of(reader, c)
