"""Word 97-2003 .doc and WPS .wps files (inputs/doc.py).

The reader's pieces (piece table, paragraph properties, the text stream's
special characters) are tested on bytes built here; whole files on the
government originals of ../shared/corpus/originals, and on copies of them
altered with olefile (encrypted, Word 95, damaged).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

import policyparse
from conftest import SHARED
from policyparse.errors import BinaryInputError, EncryptedError, FormatError, TooLargeError
from policyparse.inputs import doc
from policyparse.inputs.read import load_bytes, sniff

olefile = pytest.importorskip("olefile")

ORIGINALS = SHARED / "originals"


def _lines(text: str, flags: dict[int, int] | None = None) -> list[str]:
    """The lines of a UTF-16 text stream whose paragraph marks have *flags* (by index)."""
    marks = flags or {}
    starts = sorted(2 * i for i in marks)
    return doc._lines([(text, 0, 2)], starts, [marks[s // 2] for s in starts])


def test_paragraphs_line_breaks_and_special_characters() -> None:
    text = "一、总体要求\r推动\x0b消费\x0c提质\x01\x08扩容\x1e升级\x1f。\r  \r（一）稳定就业\r"
    assert _lines(text) == ["一、总体要求", "推动", "消费", "提质扩容-升级。", "（一）稳定就业"]


def test_fields_keep_their_result_and_drop_their_instructions() -> None:
    text = (
        '见\x13 HYPERLINK "http://x" \x14网站\x15。\r'
        "第\x13 PAGE \x142\x15页\r"
        "\x13 TOC \x13 SEQ x \x141\x15 \x14目录\x15\r"  # nested: the outer result shows
        '\x13 XE "索引" \x15无结果\r'  # no separator: no result
    )
    assert _lines(text) == ["见网站。", "第2页", "目录", "无结果"]


def test_table_cells_are_lines_and_row_ends_give_none() -> None:
    # 甲\r乙\x07 is a cell of two paragraphs; \x07 after a cell is the row's end mark.
    text = "表前\r甲\r乙\x07丙\x07\x07丁\x07\x07表后\r"
    in_table, row_end = 1, 3
    flags = {i: 0 for i, ch in enumerate(text) if ch in "\r\x07"}
    for i in (4, 6, 8, 11):  # the marks inside cells
        flags[i] = in_table
    flags[9] = flags[12] = row_end
    assert _lines(text, flags) == ["表前", "甲乙", "丙", "丁", "表后"]


def test_pieces_decode_cp1252_and_utf16() -> None:
    word = b"\x00" * 16 + "年度计划".encode("utf-16-le") + b"Plan \x93A\x94"
    # Clx: one Prc to skip, then a Pcdt of two pieces: CP 0-4 UTF-16 at 16, 4-12 cp1252 at 24.
    cps = struct.pack("<3I", 0, 4, 12)
    pcds = struct.pack("<HIH", 0, 16, 0) + struct.pack("<HIH", 0, (24 * 2) | 0x40000000, 0)
    plc = cps + pcds
    table = b"\x01\x02\x00xx" + b"\x02" + struct.pack("<I", len(plc)) + plc
    pieces = doc._pieces(table, 0, len(table))
    assert [(p.cp_start, p.cp_end, p.fc, p.compressed) for p in pieces] == [
        (0, 4, 16, False),
        (4, 12, 24, True),
    ]
    runs = doc._main_text(word, pieces, 12, None)
    assert "".join(t for t, _, _ in runs) == "年度计划Plan “A”"
    assert "".join(t for t, _, _ in doc._main_text(word, pieces, 6, None)) == "年度计划Pl"
    with pytest.raises(TooLargeError, match="text of the Word file"):
        doc._main_text(word, pieces, 12, 20)


def test_sprms_read_table_flags_and_skip_the_rest() -> None:
    grpprl = (
        struct.pack("<HB", 0x2416, 1)  # sprmPFInTable
        + struct.pack("<HH", 0x4600, 7)  # a 2-byte operand, skipped
        + struct.pack("<HBBBB", 0xC60D, 3, 1, 2, 3)  # a variable operand, skipped
        + struct.pack("<HB", 0x2417, 1)  # sprmPFTtp
    )
    assert doc._sprms(grpprl) == {0x2416: 1, 0x2417: 1}


def test_an_ole_file_that_is_not_word_stays_binary() -> None:
    assert sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, None) == "doc"
    with pytest.raises(FormatError, match="soffice --headless --convert-to docx"):
        load_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, path="x.doc")


# -- the government files of ../shared/corpus/originals ---------------------------------


def _original(name: str) -> Path:
    path = ORIGINALS / name
    if not path.is_file():
        pytest.skip(f"shared originals not found: {path} (set POLICYPARSE_SHARED_CORPUS)")
    return path


# Chinese characters each file holds, as antiword 0.37 reads them (the same count).
ORIGINAL_DOCS = {
    "beijing-2026-pedestrian-street-indicators.doc": 3131,
    "hainan-2024-farm-machinery-subsidy.doc": 9626,
    "shenyang-2024-house-checkup-plan.doc": 3210,
    "hainan-2026-housing-fund-loans-draft.wps": 603,
}


@pytest.mark.parametrize("name", ORIGINAL_DOCS)
def test_government_doc_and_wps_files_read_whole_into_a_tree(name: str) -> None:
    path = _original(name)
    text = doc.extract(path.read_bytes(), 32 << 20)
    assert sum("\u4e00" <= ch <= "\u9fff" for ch in text) == ORIGINAL_DOCS[name]
    document = policyparse.parse_file(path)
    assert document.source.format == "doc"
    assert sum(1 for _ in document.walk()) >= 3


def test_an_indicator_tables_cells_come_one_per_line() -> None:
    text = doc.extract(_original("beijing-2026-pedestrian-street-indicators.doc").read_bytes())
    lines = text.splitlines()
    start = lines.index("一级指标")
    assert lines[start : start + 6] == [
        "一级指标",
        "二级指标",
        "评分标准",
        "评分说明",
        "一、规划布局（12分）",
        "规划科学（5分）",
    ]


def _altered(tmp_path: Path, change: dict[int, bytes]) -> Path:
    """A copy of the .wps original with bytes of its WordDocument stream replaced."""
    path = tmp_path / "altered.wps"
    shutil.copyfile(_original("hainan-2026-housing-fund-loans-draft.wps"), path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        data = bytearray(ole.openstream("WordDocument").read())
        for at, value in change.items():
            data[at : at + len(value)] = value
        ole.write_stream("WordDocument", bytes(data))
    return path


def test_encrypted_word95_and_damaged_files_name_the_way_out(tmp_path: Path) -> None:
    word = _original("hainan-2026-housing-fund-loans-draft.wps")
    flags = struct.unpack_from(
        "<H", olefile.OleFileIO(str(word)).openstream("WordDocument").read(), 10
    )[0]
    with pytest.raises(EncryptedError, match="without one"):
        policyparse.parse_file(_altered(tmp_path, {10: struct.pack("<H", flags | 0x0100)}))
    with pytest.raises(FormatError, match="Word 6 or Word 95"):
        policyparse.parse_file(_altered(tmp_path, {2: struct.pack("<H", 0x68)}))
    with pytest.raises(FormatError, match=r"damaged Word file.*soffice --headless"):
        policyparse.parse_file(_altered(tmp_path, {0x1A2: struct.pack("<I", 0x7FFFFFF0)}))
    cut = tmp_path / "cut.doc"
    cut.write_bytes(word.read_bytes()[:3000])
    r = subprocess.run(
        [sys.executable, "-m", "policyparse", str(cut)], capture_output=True, text=True
    )
    assert r.returncode == 2 and "soffice --headless --convert-to docx" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_binary_input_error_is_kept_for_other_binaries() -> None:
    with pytest.raises(BinaryInputError):
        load_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
