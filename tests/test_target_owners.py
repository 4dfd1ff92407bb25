"""Target.owners: the units that answer for each target, as the tables compute them."""

from __future__ import annotations

import policyparse
from conftest import CORPUS
from policyparse.export.tables import table_rows
from policyparse.vocab import ROLES

PLAN = """一、扩大就业
（一）稳定重点群体就业。（责任单位：市人社局、市发改委）
2025年，新增城镇就业20万人。
（二）发展新业态。
新增就业岗位1万个。
（三）推进学校建设。到2025年，建成学校5所。（市教育局牵头，市财政局配合）
"""


def test_a_paragraph_target_is_owned_by_its_measure() -> None:
    doc = policyparse.parse(PLAN)
    first = next(t for n in doc.walk() for t in n.targets if t.value == 20)
    assert first.owners == {"responsible": ["市人力资源社会保障局", "市发展改革委"]}
    assert first.owner_path == "1.1"
    school = next(t for n in doc.walk() for t in n.targets if t.value == 5)
    assert school.owners == {"lead": ["市教育局"], "cooperating": ["市财政局"]}


def test_a_target_under_no_units_has_no_owners() -> None:
    doc = policyparse.parse(PLAN)
    jobs = next(t for n in doc.walk() for t in n.targets if t.value == 1)
    assert jobs.owners == {} and jobs.owner_path is None


def test_owners_agree_with_the_csv_columns_on_the_corpus() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        doc = policyparse.parse_file(path)
        targets = [t for n in doc.walk() for t in n.targets]
        rows = table_rows(doc)["targets"]
        assert len(rows) == len(targets)
        for t, row in zip(targets, rows, strict=True):
            for role in ROLES:
                names = t.owners.get(role, [])
                assert ("；".join(names) or None) == row[f"{role}_units"], (path.name, t.text)
