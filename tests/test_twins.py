"""A government PDF reads as the government's own web page for it (benchmarks/twins.py).

For every file of ../shared/corpus/originals with a twin page, the outline (paths and
titles), the units and the targets (value, unit, year) must be the same.  Both Dongguan
PDFs append an interpretation (解读) of the notice, its title on a line of its own; it
is a part of its own (A1) in the PDF and on the page alike.  The corpus tests are
skipped without the shared corpus; the comparison itself is tested on a made-up pair.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import policyparse
import spans
from conftest import REPO, SHARED

sys.path.insert(0, str(REPO / "benchmarks"))
import twins

ORIGINALS = SHARED / "originals"
pytest.importorskip("pypdfium2")
corpus = pytest.mark.skipif(
    not (ORIGINALS / "SOURCES.tsv").is_file(), reason=f"shared originals not found: {ORIGINALS}"
)
ROWS = {r["file"]: r for r in twins.with_twins(ORIGINALS)} if ORIGINALS.is_dir() else {}
SOURCES = twins.sources(ORIGINALS) if (ORIGINALS / "SOURCES.tsv").is_file() else []
APPENDED = {"dongguan-2023-housing-fund-withdrawal.pdf", "dongguan-2020-housing-fund-rules.pdf"}


@corpus
@pytest.mark.parametrize("name", sorted(ROWS))
def test_the_file_and_its_twin_page_give_the_same_items(name: str) -> None:
    c = twins.compare(ROWS[name], ORIGINALS)
    assert c.same, twins.diff(name.rsplit(".", 1)[0], ORIGINALS)
    assert sum(c.both.values()) > 0
    # A 解读 after the notice is a part of its own on both sides, compared as a whole.
    assert c.appended == ([("A1 in both", True)] if name in APPENDED else [])


@corpus
@pytest.mark.parametrize("name", sorted(r["file"] for r in SOURCES if r["text_based"] == "yes"))
def test_every_span_of_every_original_holds_in_its_text(name: str) -> None:
    doc = policyparse.parse_file(ORIGINALS / name, with_text=True)
    assert doc.text is not None
    spans.check_document(doc, doc.text)
    if doc.source.format == "pdf":
        assert doc.source.pages and all(n.page for n in doc.walk())


@corpus
def test_the_bad_pdfs_say_so_in_one_line_and_every_word_file_is_a_tree() -> None:
    said = dict(twins.refusals(ORIGINALS))
    assert said["beijing-2025-consumption-action-plan-gazette.pdf"].startswith(
        "GarbledTextError: the PDF's text layer does not decode to Chinese text"
    )
    assert said["changsha-county-2022-property-measures-scan.pdf"].startswith(
        "NoTextLayerError: no text layer in the PDF (6 pages of images"
    )
    assert all("\n" not in line for line in said.values())
    for name, nodes, _ in twins.word_files(ORIGINALS):
        assert nodes >= 4, name


NOTICE = (
    "某市住房公积金管理委员会关于调整某项提取政策的通知\n"
    "各缴存人：\n"
    "现将有关事项通知如下：\n"
    "一、调整提取比例。租房提取比例从60%提高至80%。\n"
    "二、延长受理期限。\n"
    "特此通知\n"
)
INTERPRETATION = (
    "关于调整某项提取政策的\n"
    "解读\n"
    "一、关于调整提取比例\n"
    "本次调整后，提取比例提高到80%。\n"
    "二、关于延长受理期限\n"
    "受理期限延长。\n"
)


def _pair(tmp_path: Path, file_text: str, page_text: str) -> twins.Compared:
    """A made-up file and twin page (a .txt file and an .html page) compared."""
    (tmp_path / "twins").mkdir(parents=True)
    (tmp_path / "SOURCES.tsv").write_text(
        "file\tformat\ttwin\ttext_based\nplan.txt\ttxt\ttwins/plan.html\tyes\n", "utf-8"
    )
    (tmp_path / "plan.txt").write_text(file_text, "utf-8")
    paras = "".join(f"<p>{line}</p>" for line in page_text.splitlines())
    page = f"<html><body>{paras}</body></html>"
    (tmp_path / "twins" / "plan.html").write_text(page, "utf-8")
    return twins.compare(twins.with_twins(tmp_path)[0], tmp_path)


def test_an_interpretation_the_page_leaves_out_is_left_out_of_the_file(tmp_path: Path) -> None:
    c = _pair(tmp_path, NOTICE + INTERPRETATION, NOTICE)
    assert c.same and c.appended == [("A1 in the file only", False)]
    # 从60%提高至80%: the starting 60% is a baseline, 80% the one target
    assert c.both["outline"] == 2 and c.both["targets"] == 1


def test_an_interpretation_both_print_is_compared(tmp_path: Path) -> None:
    c = _pair(tmp_path, NOTICE + INTERPRETATION, NOTICE + INTERPRETATION)
    assert c.same and c.appended == [("A1 in both", True)]
    assert c.both["outline"] == 5
    other = INTERPRETATION.replace("二、关于延长受理期限", "二、关于延长办理期限")
    c = _pair(tmp_path / "other", NOTICE + INTERPRETATION, NOTICE + other)
    assert not c.same and c.only_file["outline"] == [("A1.2", "关于延长受理期限")]
