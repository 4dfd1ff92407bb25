"""Who owns what: owners(), totals(), and `policyparse units`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import policyparse
from conftest import CORPUS
from policyparse.cli import main
from policyparse.export.owners import ROW_COLUMNS, short_target

NINGBO = CORPUS / "ningbo-2025-consumption.txt"
WIDE = CORPUS / "ningbo-2025-consumption-fullwidth.txt"


def test_one_row_per_unit_and_node() -> None:
    rows = policyparse.owners(policyparse.parse_file(NINGBO))
    assert len(rows) == 106  # no measure names a body twice
    first = rows[0]
    assert (first.unit, first.name, first.role, first.path, first.title) == (
        "宁波市人力资源社会保障局",
        "市人力社保局",
        "responsible",
        "1.1",
        "促进充分就业",
    )
    assert first.targets == ["新增城镇就业 >20万人 (2025)", "重点群体就业帮扶 >14万人 (2025)"]
    assert first.document == str(NINGBO)


def test_short_forms_of_targets() -> None:
    doc = policyparse.parse(
        "一、任务\n（一）甲。到2025年，新建站点5—10个，销售额增长10%，失业率控制在5.5%以内。"
    )
    assert [short_target(t) for t in doc.children[0].children[0].targets] == [
        "新建站点 5–10个 (2025)",
        "销售额 +10% (2025)",
        "失业率 ≤5.5% (2025)",
    ]


def test_totals_across_documents() -> None:
    rows = policyparse.owners(policyparse.parse_file(NINGBO)) + policyparse.owners(
        policyparse.parse_file(WIDE)
    )
    sums = {t.unit: t for t in policyparse.totals(rows)}
    commerce = sums["宁波市商务局"]
    assert (commerce.documents, commerce.nodes, commerce.responsible) == (2, 26, 26)
    assert commerce.targets == 30  # 15 targets in its 13 measures, in each document


def test_cli_units_csv_has_a_bom_and_the_columns(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    assert main(["units", str(NINGBO), "--format", "csv"]) == 0
    raw = capsysbinary.readouterr().out
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ROW_COLUMNS
    assert len(rows) == 107
    assert rows[1][1:4] == ["宁波市人力资源社会保障局", "市人力社保局", "responsible"]


def test_cli_units_json_with_totals(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["units", str(NINGBO), str(WIDE)]) == 0
    data = json.loads(capsysbinary.readouterr().out)
    assert len(data["rows"]) == 212
    top = data["totals"][0]
    assert top["unit"] == "宁波市商务局" and top["documents"] == 2


def test_cli_units_totals_csv(tmp_path: Path) -> None:
    out = tmp_path / "totals.csv"
    assert (
        main(["units", str(NINGBO), str(WIDE), "--totals", "--format", "csv", "-o", str(out)]) == 0
    )
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["unit", "documents", "nodes"]
    assert len(rows) == 1 + 38


def test_user_gazetteer(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_text("[local]\n投资促进局\t投促局\n", encoding="utf-8")
    text = "来源:宁波市人民政府办公厅 发布时间:2025-08-01 11:42\n一、任务\n(一)招商。内容。(责任单位:市投促局)"
    plain = policyparse.parse(text)
    extended = policyparse.parse(text, gazetteer=extra)
    assert plain.children[0].children[0].responsible_units[0].canonical == "宁波市投促局"
    assert extended.children[0].children[0].responsible_units[0].canonical == "宁波市投资促进局"
    plan = tmp_path / "plan.txt"
    plan.write_text(text, encoding="utf-8")
    assert main(["units", str(plan), "--gazetteer", str(extra)]) == 0
    assert json.loads(capsysbinary.readouterr().out)["rows"][0]["unit"] == "宁波市投资促进局"


def test_bad_gazetteer_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("投资促进局 投促局\n", encoding="utf-8")
    assert main([str(NINGBO), "--gazetteer", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.txt: the first line must be the header scope<TAB>canonical<TAB>name*" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "text,message",
    [
        ("scope\tcanonical\tname*\nregional\t投资促进局\n", "scope 'regional' is not national"),
        ("scope\tcanonical\tname*\nlocal\n", "bad.tsv:2: 1 fields, at least 2"),
        ("[local]\n投资促进局 投促局\n[county]\n", "bad.tsv:3: unknown section [county]"),
        ("投资促进局 投促局\n[local]\n", "bad.tsv:1: entry before a [national] or [local] header"),
    ],
    ids=["unknown scope", "short row", "unknown section", "entry before a section"],
)
def test_gazetteer_errors_name_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(text, encoding="utf-8")
    assert main([str(NINGBO), "--gazetteer", str(bad)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


GAZETTEER_TABLE = "scope\tcanonical\tname*\nlocal\t投资促进局\t投促局\n"
GAZETTEER_SECTIONS = "[local]\n投资促进局 投促局\n"


@pytest.mark.parametrize("text", [GAZETTEER_TABLE, GAZETTEER_SECTIONS], ids=["table", "sections"])
def test_user_gazetteer_in_either_format(tmp_path: Path, text: str) -> None:
    path = tmp_path / "g.tsv"
    path.write_text(text, encoding="utf-8")
    plan = "一、任务\n（一）招商。引进项目10个。（责任单位：市投促局）\n"
    doc = policyparse.parse(plan, gazetteer=path)
    [unit] = doc.children[0].children[0].responsible_units
    assert unit.canonical == "市投资促进局"


def test_user_gazetteer_reaches_the_word_splitter(tmp_path: Path) -> None:
    """A 分别 list of bodies only the user knows splits at their edges (0.1.0 did not)."""
    path = tmp_path / "g.tsv"
    path.write_text(
        "scope\tcanonical\tname*\nnational\t市会展办\nnational\t市投促中心\n", encoding="utf-8"
    )
    plan = "一、目标\n（一）招商。到2026年，市投促中心、市会展办引进项目数分别达到30个、20个。\n"
    without = policyparse.parse(plan).children[0].children[0].targets
    with_user = policyparse.parse(plan, gazetteer=path).children[0].children[0].targets
    assert [t.indicator for t in with_user] == ["市投促中心引进项目数", "市会展办引进项目数"]
    assert [t.indicator for t in without] != [t.indicator for t in with_user]
