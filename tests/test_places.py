"""The place a document is issued at, and the canonical names of the bodies of that place."""

from __future__ import annotations

import pytest

from policyparse.extract.gazetteer import load, place_of


@pytest.mark.parametrize(
    ("issuer", "place"),
    [
        ("宁波市人民政府办公厅", "宁波市"),
        ("北京市政务服务和数据管理局", "北京市"),  # a long name after the place
        ("某某市某某区人力资源和社会保障局", "某某市某某区"),  # a district's body
        ("某某省人民政府", "某某省"),
        ("国务院办公厅", None),
    ],
)
def test_place_of_an_issuer(issuer: str, place: str | None) -> None:
    assert place_of(issuer) == place


def test_a_district_plan_names_its_district_bodies() -> None:
    g = load()
    place = "某某市某某区"
    # The district's own bureaus, however printed.
    assert (
        g.canonical("某某市某某区人力资源和社会保障局", place) == "某某市某某区人力资源社会保障局"
    )
    assert g.canonical("区人社局", place) == "某某市某某区人力资源社会保障局"
    # 某某市某某 opens a zone's name here, not a body of the district.
    assert g.canonical("某某市某某中央商务区管理委员会", place) == "某某市某某中央商务区管理委员会"
