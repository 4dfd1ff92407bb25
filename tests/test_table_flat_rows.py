"""A table whose header was printed one label per line and whose rows reached us as text:
the lines of bodies are the unit cells of the item they stand under.  Synthetic; nothing
copied from a document."""

from __future__ import annotations

import policyparse

_HEADER = "某省妇女发展规划目标责任分解\n领域\n主要目标\n主要责任单位\n责任单位\n"
_ROWS = (
    "1.提高出生人口质量。\n"
    "——低出生体重儿发生率控制在4%以下。\n"
    "省卫生厅\n"
    "省人口计生\n"  # a name the page cut short, between bodies
    "——新生儿听力筛查率达90%以上。\n"
    "省卫生厅\n"
    "2.提高妇女体质。\n"
    "——城乡妇女体质合格率达90%以上。\n"
    "省体育局\n"
    "省总工会、省妇联\n"
)


def _units(text: str) -> list[tuple[str | None, str, str]]:
    doc = policyparse.parse(text)
    return [(n.path, u.name, u.role) for n in doc.walk() for u in n.responsible_units]


def test_lines_of_bodies_are_the_units_of_the_item_they_stand_under() -> None:
    assert _units(_HEADER + _ROWS) == [
        ("1", "省卫生厅", "responsible"),
        ("1", "省人口计生", "responsible"),
        ("1", "省卫生厅", "responsible"),
        ("2", "省体育局", "responsible"),  # the last item's too, not the notice's
        ("2", "省总工会", "responsible"),
        ("2", "省妇联", "responsible"),
    ]
    targets = [t.value for n in policyparse.parse(_HEADER + _ROWS).walk() for t in n.targets]
    assert targets == [4, 90, 90]


def test_with_no_header_or_with_two_roles_lines_of_bodies_name_nobody() -> None:
    """Without the header, a body alone on a line is no statement; under 牵头单位 and
    配合单位 which column a line stood in is lost, so no role can be given."""
    assert _units(_ROWS) == []
    two_roles = _HEADER.replace("主要责任单位\n责任单位\n", "牵头单位\n配合单位\n")
    assert _units(two_roles + _ROWS) == []


def test_the_lines_end_at_a_top_heading_and_a_line_of_words_ends_a_run() -> None:
    text = _HEADER + _ROWS + "二、保障措施\n省妇儿工委办公室\n"
    assert [u[1] for u in _units(text)][-1] == "省妇联"
    # a line with a colon is no cell: 主办单位：… at a page's foot
    footer = _HEADER + _ROWS + "主办单位：某省妇女儿童工作委员会办公室\n"
    assert [u[1] for u in _units(footer)][-1] == "省妇联"
