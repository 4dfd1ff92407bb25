"""A list of powers and duties (权力和责任清单) printed one cell per line: a body column
headed 行使主体, cells that are numbered lists of sentences.  Synthetic; nothing copied."""

from __future__ import annotations

import policyparse

_LIST = (
    "某区人民政府\n2021年5月6日\n附件1\n某区公路管理权力和责任清单\n"
    "序号\n权力责任名称\n行使  主体\n权力责任类别\n设定依据\n行使层级\n权力责任事项\n"
    "1\n公路的具体管理\n区交通委\n管理\n1.《某某公路法》第八条；2.《某市公路条例》第五条\n区级\n"
    "区交通委负责所辖区域内公路的具体管理。\n"
    "2\n乡道、村道的相关工作\n各街镇\n管理\n1.《某某公路法》第八条\n镇级\n"
    "街镇负责本行政区域内乡道、村道的相关工作。\n"
)


def test_a_cell_that_is_a_numbered_list_of_sentences_stays_in_its_row() -> None:
    doc = policyparse.parse(_LIST)
    rows = [(n.path, n.title) for n in doc.walk() if n.path and n.path.startswith("A1.")]
    assert rows == [("A1.1", "公路的具体管理"), ("A1.2", "乡道、村道的相关工作")]


def test_a_body_column_headed_xingshi_zhuti_gives_responsible_units() -> None:
    doc = policyparse.parse(_LIST)
    units = [(n.path, u.name, u.role) for n in doc.walk() if n.path for u in n.responsible_units]
    assert units == [("A1.1", "区交通委", "responsible"), ("A1.2", "各街镇", "responsible")]


def test_a_numbered_heading_between_rows_still_heads_the_rows_after_it() -> None:
    text = (
        "附件1\n某区任务清单\n序号\n重点任务\n牵头单位\n"
        "一、推进污染防治\n1\n加强大气治理\n区生态环境局\n2\n推进水环境整治\n区水务局\n"
    )
    doc = policyparse.parse(text)
    paths = [n.path for n in doc.walk() if n.path]
    assert paths == ["A1", "A1.1", "A1.1.1", "A1.1.2"]
