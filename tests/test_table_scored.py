"""Tables of assessed targets printed one cell per line with a score column and no 序号
(项目 | 分值 | 目标任务 | 监考单位), merged cells printed on their first row only.
Synthetic; nothing copied from a document."""

from __future__ import annotations

import policyparse
from policyparse.layout.blocks import split_blocks
from policyparse.layout.cells import Budget
from policyparse.layout.scored import scored_tables
from policyparse.text.fold import fold

_TABLE = (
    "附件\n某区2024年度经济发展目标任务分解表\n项 目\n分值\n目标任务\n监考单位\n"
    "经济发展\n"
    "地区生产总值增长率\n3\n年终综合考核\n区发改局区统计局\n"
    "服务业增加值增长率\n3\n"  # target and units merged with the row above
    "固定资产投资额\n3\n120\n区发改局\n"
    "建筑业总产值\n1\n85\n"  # units merged with the row below's
    "工业投资\n1\n40\n区经信局\n"
    "民生保障\n"
    "城镇新增就业人数\n1\n3000\n区人社局\n"
    "城镇登记失业率\n1\n低于 4\n"
)


def _doc() -> policyparse.Document:
    return policyparse.parse(_TABLE)


def test_each_figure_under_the_target_column_is_a_target_of_its_indicator() -> None:
    got = [(t.indicator, t.comparator, t.value, t.year) for n in _doc().walk() for t in n.targets]
    assert got == [
        ("固定资产投资额", "=", 120, 2024),
        ("建筑业总产值", "=", 85, 2024),
        ("工业投资", "=", 40, 2024),
        ("城镇新增就业人数", "=", 3000, 2024),
        ("城镇登记失业率", "<", 4, 2024),
    ]


def test_the_assessing_units_are_the_tables_node_and_scores_are_no_targets() -> None:
    doc = _doc()
    [annex] = [n for n in doc.walk() if n.path == "A1"]
    assert [(u.name, u.role) for u in annex.responsible_units] == [
        ("区发改局", "guiding"),
        ("区统计局", "guiding"),
        ("区发改局", "guiding"),
        ("区经信局", "guiding"),
        ("区人社局", "guiding"),
    ]
    assert not any(t.value == 3 for n in doc.walk() for t in n.targets)
    # the groups' labels (经济发展, 民生保障) are cells, no nodes
    assert [n.path for n in doc.walk() if n.path] == ["A1"]


def test_a_header_with_no_score_column_is_no_such_table() -> None:
    """The score column right after the first tells this form; 备注 there does not."""
    for text, tables in ((_TABLE, 1), (_TABLE.replace("分值\n", "备注\n"), 0)):
        folded = fold(text)
        found = scored_tables(folded, split_blocks(folded), Budget())
        assert len(found) == tables
