"""A government PDF reads as the government's own web page for it (benchmarks/twins.py).

For every file of ../shared/corpus/originals with a twin page, the outline (paths and
titles), the units and the targets (value, unit, year) must be the same; two PDFs
append an interpretation (解读) whose signature page is an image in the PDF, and
for them only the notice's own items are held to it.  Skipped without the shared corpus.
"""

from __future__ import annotations

import sys

import pytest

import policyparse
import spans
from conftest import REPO, SHARED

sys.path.insert(0, str(REPO / "benchmarks"))
import twins

ORIGINALS = SHARED / "originals"
pytest.importorskip("pypdfium2")
if not (ORIGINALS / "SOURCES.tsv").is_file():
    pytest.skip(f"shared originals not found: {ORIGINALS}", allow_module_level=True)

# The PDF appends a 解读 after the notice, and the page with the notice's signature and
# its 附件 line is an image: the 解读's numbered lines read against other context.
APPENDED = {"dongguan-2023-housing-fund-withdrawal.pdf", "dongguan-2020-housing-fund-rules.pdf"}
ROWS = {r["file"]: r for r in twins.with_twins(ORIGINALS)}


@pytest.mark.parametrize("name", sorted(set(ROWS) - APPENDED))
def test_the_file_and_its_twin_page_give_the_same_items(name: str) -> None:
    c = twins.compare(ROWS[name], ORIGINALS)
    assert c.same, twins.diff(name.rsplit(".", 1)[0], ORIGINALS)
    assert sum(c.both.values()) > 0


@pytest.mark.parametrize("name", sorted(APPENDED))
def test_the_notice_before_an_appended_interpretation_reads_the_same(name: str) -> None:
    c = twins.compare(ROWS[name], ORIGINALS)
    # Every node and unit the page gives, the PDF gives too; the PDF numbers some of the
    # 解读's lines the page keeps as text, and its targets with them.
    assert not c.only_twin["outline"] and not c.only_twin["units"]
    assert c.both["outline"] >= 4


@pytest.mark.parametrize(
    "name", sorted(r["file"] for r in twins.sources(ORIGINALS) if r["text_based"] == "yes")
)
def test_every_span_of_every_original_holds_in_its_text(name: str) -> None:
    doc = policyparse.parse_file(ORIGINALS / name, with_text=True)
    assert doc.text is not None
    spans.check_document(doc, doc.text)
    if doc.source.format == "pdf":
        assert doc.source.pages and all(n.page for n in doc.walk())


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
