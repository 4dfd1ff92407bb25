"""PDF files: the text layer page by page, and the PDFs it refuses (inputs/pdf.py).

Synthetic PDFs are drawn with reportlab in Adobe's built-in CJK font
(STSong-Light, not embedded: no font file needed); the government PDFs of
../shared/corpus/originals are read when present.
"""

from __future__ import annotations

import difflib
import io
import re
import struct
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pytest

import policyparse
from conftest import SHARED
from helpers import cli_without
from policyparse.errors import (
    EncryptedError,
    FormatError,
    GarbledTextError,
    InputError,
    MissingExtraError,
    NoTextLayerError,
    TooLargeError,
)
from policyparse.inputs import pdf
from policyparse.inputs.read import load_bytes, sniff

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import pdf_bombs  # the battery's builders (benchmarks/pdf_bombs.py)

ORIGINALS = SHARED / "originals"
MB = 1 << 20


def draw(pages: list[list[str]], **canvas_args: object) -> bytes:
    """A PDF whose pages print *pages*' lines in STSong-Light."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, **canvas_args)
    for lines in pages:
        c.setFont("STSong-Light", 12)
        for i, line in enumerate(lines):
            c.drawString(72, 800 - 18 * i, line)
        c.showPage()
    c.save()
    return buf.getvalue()


PLAN = [
    ["关于印发促进消费若干措施的通知", "一、总体要求", "推动消费提质扩容。"],
    ["二、重点任务", "（一）稳定就业。到2025年，新增城镇就业20万人。", "- 2 -"],
    ["（二）促进增收。"],
]


def test_pages_are_joined_by_form_feeds_and_every_character_knows_its_page() -> None:
    got = pdf.extract(draw(PLAN), 32 * MB)
    assert got.text.split("\f") == ["\n".join(lines) for lines in PLAN]
    assert [p.number for p in got.pages] == [1, 2, 3]
    for page in got.pages:
        assert got.text[page.start : page.end] == "\n".join(PLAN[page.number - 1])
        for offset in range(page.start, page.end + 1):  # the form feed after it too
            assert got.page_at(offset) == page.number
    assert got.page_at(len(got.text) + 5) == 3


def test_a_pdf_parses_into_a_tree_with_its_pages() -> None:
    raw = draw(PLAN)
    assert sniff(raw, None) == "pdf"
    loaded = load_bytes(raw, path="plan.pdf")
    assert loaded.format == "pdf" and len(loaded.pages) == 3
    doc = policyparse.parse_bytes(raw, path="plan.pdf")
    assert doc.source.format == "pdf"
    starts = {n.label: n.span[0] for n in doc.walk() if n.label}
    pages = {label: pdf.page_at(loaded.pages, start) for label, start in starts.items()}
    assert pages == {"一、": 1, "二、": 2, "（一）": 2, "（二）": 3}


def test_a_page_of_images_only_is_no_text_layer_and_names_ocr() -> None:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(72, 72, 300, 300, fill=1)
    c.showPage()
    c.save()
    with pytest.raises(NoTextLayerError, match="ocrmypdf") as err:
        pdf.extract(buf.getvalue(), 32 * MB)
    assert err.value.code == "empty"


def test_fonts_without_a_character_map_are_nonsense() -> None:
    # The codes are read as CIDs of Adobe-GB1 instead of Unicode: CJK, but not Chinese.
    raw = draw(PLAN).replace(b"/UniGB-UCS2-H", b"/Identity-H  ")
    with pytest.raises(GarbledTextError, match="common ones") as err:
        load_bytes(raw, path="x.pdf")
    assert pdf.extract(raw, 32 * MB).pages  # without inputs.read's count: not judged
    assert err.value.code == "undecodable"


def test_a_password_is_asked_for_but_an_owner_password_alone_reads() -> None:
    from reportlab.lib import pdfencrypt

    locked = draw(PLAN[:1], encrypt=pdfencrypt.StandardEncryption("secret"))
    with pytest.raises(EncryptedError, match="qpdf --decrypt"):
        pdf.extract(locked, 32 * MB)
    owner = pdfencrypt.StandardEncryption("", ownerPassword="owner", canCopy=0)
    assert pdf.extract(draw(PLAN[:1], encrypt=owner), 32 * MB).text.startswith("关于印发")


@pytest.mark.parametrize(
    "raw",
    [b"%PDF-1.7\n" + b"\x00garbage" * 100, b"%PDF-1.4"],
    ids=["garbage", "header-only"],
)
def test_a_damaged_pdf_is_a_format_error(raw: bytes) -> None:
    with pytest.raises(FormatError, match="damaged PDF"):
        load_bytes(raw, path="x.pdf")


def _one_page(content: bytes, filters: bytes) -> bytes:
    """A one-page PDF whose content stream holds *content* (already filtered)."""
    objs = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<<>>>>",
        b"<</Length %d/Filter%s>>stream\n" % (len(content), filters) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size 5/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _deflated_spaces(size: int) -> bytes:
    """zlib data inflating to *size* bytes whose first block stores ``endstream`` as is.

    The word then stands inside the compressed data, where a scan that stopped at
    it would miss the rest: the stored block is written by hand, then the spaces
    are deflated after it (raw deflate), then zlib's checksum.
    """
    head = b"endstream\n"
    stored = b"\x00" + struct.pack("<HH", len(head), len(head) ^ 0xFFFF) + head
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    adler = zlib.adler32(head)
    body = []
    for _ in range(size // MB):
        body.append(z.compress(b" " * MB))
        adler = zlib.adler32(b" " * MB, adler)
    return b"\x78\xda" + stored + b"".join(body) + z.flush() + struct.pack(">I", adler)


@pytest.mark.parametrize("hidden", [False, True], ids=["flate", "ascii-hex-then-flate"])
def test_a_decompression_bomb_is_refused_before_pdfium_inflates_it(hidden: bool) -> None:
    bomb = _deflated_spaces(64 * MB)  # 64 KB that inflate to 64 MB
    assert b"endstream" in bomb
    if hidden:
        raw = _one_page(bomb.hex().encode() + b">", b"[/ASCIIHexDecode/FlateDecode]")
    else:
        raw = _one_page(bomb, b"/FlateDecode")
    with pytest.raises(TooLargeError, match="decompression bomb"):
        pdf.extract(raw, 4 * MB)  # 32 MB may inflate: 64 MB may not
    small = _one_page(_deflated_spaces(4 * MB), b"/FlateDecode")
    with pytest.raises(NoTextLayerError):  # within the limit: read (and empty)
        pdf.extract(small, 4 * MB)


def test_a_chain_of_deflates_is_counted_stage_by_stage() -> None:
    raw = pdf_bombs.chained_inflation_bomb(1024 * MB)  # 2 KB: 1 MB, then 1 GB
    assert len(raw) < 4000
    with pytest.raises(TooLargeError, match="decompression bomb"):
        pdf.extract(raw, 32 * MB)


def test_pages_and_text_are_bounded_by_the_input_limit() -> None:
    raw = draw(PLAN)
    with pytest.raises(TooLargeError, match="3 pages: over the 2"):
        pdf.extract(raw, 2 * pdf.BYTES_PER_PAGE)
    with pytest.raises(TooLargeError, match="text of the PDF passes"):
        pdf.extract(draw([["消费" * 40] * 40]), 3 * pdf.BYTES_PER_PAGE)
    assert pdf.extract(raw, None).pages[-1].number == 3  # None: no limit


def test_without_pypdfium2_one_line_names_the_extra(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(draw(PLAN[:1]))
    r = subprocess.run(
        [*cli_without("pypdfium2"), str(path)], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [
        f"policyparse: error: {path}: reading PDF files needs pypdfium2: "
        "pip install 'policyparse[pdf]'"
    ]
    assert issubclass(MissingExtraError, InputError)


def test_threads_share_pdfium_safely() -> None:
    raws = [draw(PLAN), draw(PLAN[::-1])]
    errors: list[BaseException] = []
    texts: list[str] = []

    def work(raw: bytes) -> None:
        try:
            for _ in range(5):
                texts.append(pdf.extract(raw, 32 * MB).text)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(raws[i % 2],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(set(texts)) == 2


# -- the government PDFs of ../shared/corpus/originals -----------------------------------


def _original(name: str) -> Path:
    path = ORIGINALS / name
    if not path.is_file():
        pytest.skip(f"shared originals not found: {path} (set POLICYPARSE_SHARED_CORPUS)")
    return path


def _sources() -> dict[str, dict[str, str]]:
    path = ORIGINALS / "SOURCES.tsv"
    if not path.is_file():
        return {}
    head, *rows = (line.split("\t") for line in path.read_text("utf-8").splitlines())
    return {row[0]: dict(zip(head, row, strict=True)) for row in rows}


TEXT_PDFS = [
    "anqing-2022-housing-fund-loans.pdf",
    "beijing-2026-truck-scrappage-rules.pdf",
    "changle-2024-talent-housing-subsidy.pdf",
    "chongqing-2025-boost-consumption.pdf",
    "dazhou-2023-property-measures.pdf",
    "dongguan-2020-housing-fund-rules.pdf",
    "dongguan-2023-housing-fund-withdrawal.pdf",
    "foshan-2026-good-housing-guide.pdf",
    "fuzhou-2016-property-market.pdf",
    "jiangmen-2026-talent-housing-voucher.pdf",
    "nanjing-2017-purchase-limits.pdf",
]
_CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("name", TEXT_PDFS)
def test_government_pdfs_read_page_by_page_into_a_tree(name: str) -> None:
    path = _original(name)
    got = pdf.extract(path.read_bytes(), 32 * MB)
    assert str(len(got.pages)) == _sources()[name]["pages"]  # pdfinfo's count
    assert len(_CJK.findall(got.text)) > 250
    doc = policyparse.parse_file(path)
    assert doc.source.format == "pdf"
    assert sum(1 for _ in doc.walk()) >= 3


@pytest.mark.parametrize(
    "stem",
    [
        "chongqing-2025-boost-consumption",
        "dongguan-2020-housing-fund-rules",
        "dongguan-2023-housing-fund-withdrawal",
        "fuzhou-2016-property-market",
        "nanjing-2017-purchase-limits",
    ],
)
def test_the_text_layer_matches_the_governments_web_page(stem: str) -> None:
    path = _original(f"{stem}.pdf")
    twin = load_bytes((ORIGINALS / "twins" / f"{stem}.html").read_bytes(), path="t.html").text
    text = pdf.extract(path.read_bytes(), 32 * MB).text
    a, b = "".join(_CJK.findall(text)), "".join(_CJK.findall(twin))
    matched = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    assert sum(m.size for m in matched) / len(a) > 0.9  # in order; the rest is red heads


def test_the_gazettes_founder_fonts_are_nonsense_and_the_scan_has_no_text() -> None:
    gazette = _original("beijing-2025-consumption-action-plan-gazette.pdf")
    with pytest.raises(GarbledTextError):
        policyparse.parse_file(gazette)
    scan = _original("changsha-county-2022-property-measures-scan.pdf")
    r = subprocess.run(
        [sys.executable, "-m", "policyparse", str(scan)], capture_output=True, text=True
    )
    assert r.returncode == 2
    assert r.stderr.strip() == (
        f"policyparse: error: {scan}: no text layer in the PDF (6 pages of images, a scan?): "
        "add one with OCR first, e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`"
    )


def test_the_docx_original_parses() -> None:
    doc = policyparse.parse_file(_original("anhui-2022-consumption-measures.docx"))
    assert doc.source.format == "docx" and sum(1 for _ in doc.walk()) > 5


# -- forms that draw each other (inputs/pdfforms.py) -------------------------------------


def test_forms_that_draw_each_other_in_a_fan_are_refused_before_pdfium_loads_a_page() -> None:
    raw = pdf_bombs.form_fanout(30)  # 3 KB, 2^31 draws: PDFium would run out of memory
    assert len(raw) < 8000
    with pytest.raises(TooLargeError, match=r"forms draw each other 2,147,483,647 times"):
        pdf.extract(raw, 32 * MB)
    small = pdf_bombs.form_fanout(4)  # 31 draws: read
    assert pdf.extract(small, 32 * MB).text.strip() == "a"


def test_form_draws_are_counted_through_object_streams_and_cycles_end() -> None:
    from policyparse.inputs import pdfforms

    def form(k: int, draws: bytes, res: bytes) -> bytes:
        return pdf_bombs.stream(draws, b"/Subtype/Form/BBox[0 0 1 1]/Resources " + res)

    # Forms 10, 11, 12 (12 draws 11 three times, 11 draws 10 three times); their
    # resources are objects 20, 21 packed in an object stream (object 30).
    dicts = [b"<</XObject<</A 10 0 R>>>>", b"<</XObject<</B 11 0 R>>>>"]
    header = b"20 0 21 %d " % (len(dicts[0]) + 1)
    packed, first = header + b" ".join(dicts), len(header)
    objs = {
        10: form(0, b"BT ET", b"<<>>"),
        11: form(1, b"/A Do /A Do /A Do", b"20 0 R"),
        12: form(2, b"/B Do /B Do /B Do", b"21 0 R"),
        30: pdf_bombs.stream(
            zlib.compress(packed), b"/Type/ObjStm/N 2/First %d/Filter/FlateDecode" % first
        ),
        # A form that draws itself: PDFium stops, and so does the count.
        40: form(3, b"/C Do /C Do", b"<</XObject<</C 40 0 R>>>>"),
    }
    raw = b"%PDF-1.7\n" + b"".join(b"%d 0 obj\n%s\nendobj\n" % (n, o) for n, o in objs.items())
    assert pdfforms.draws(raw, MB) == 1 + 3 * (1 + 3)
    assert pdfforms.draws(pdf_bombs.form_fanout(10), MB) == 2**11 - 1
    assert pdfforms.draws(draw(PLAN), MB) == 0
