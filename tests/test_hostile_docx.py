"""Hostile and broken Word files: one clear error (exit 2), or a Document with a
diagnostic, never an internal error, and never memory beyond the limit.

The shapes come from benchmarks/docx_shapes.py, at sizes a test can afford;
benchmarks measure them large (docs/performance.md, "Hostile Word files").
"""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policyparse
from conftest import REPO
from docx_builder import W_NS, build, paragraph
from policyparse.errors import FormatError, InputError, TooLargeError

sys.path.insert(0, str(REPO / "benchmarks"))
import docx_shapes

DOC = "word/document.xml"
PLAIN = build(paragraph("一、总体要求") + paragraph("（一）目标。内容。"), numbering=False)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", *args], capture_output=True, text=True, timeout=120
    )


def _data_offset(raw: bytes, name: str) -> int:
    """Where the compressed data of member *name* start."""
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        offset = zf.getinfo(name).header_offset
    name_len, extra_len = struct.unpack_from("<HH", raw, offset + 26)
    return int(offset + 30 + name_len + extra_len)


def _corrupt_deflate() -> bytes:
    raw = bytearray(PLAIN)
    raw[_data_offset(PLAIN, DOC)] = 0xFF  # block type 3: no such deflate block
    return bytes(raw)


# (id, bytes, --max-mb, exception, words the one line must hold)
BROKEN = [
    (
        "bad-crc",
        lambda: docx_shapes.patch_member(PLAIN, DOC, crc=12345),
        None,
        FormatError,
        "bad CRC-32",
    ),
    (
        "encrypted",
        lambda: docx_shapes.patch_member(PLAIN, DOC, flags=1),
        None,
        FormatError,
        "is encrypted",
    ),
    (
        "deflate64",
        lambda: docx_shapes.compressed_bomb("deflate64", 100_000),
        None,
        FormatError,
        "compressed with deflate64: Word writes only stored and deflate",
    ),
    (
        "method99",
        lambda: docx_shapes.compressed_bomb("method99", 100_000),
        None,
        FormatError,
        "compressed with AES encryption (method 99)",
    ),
    (
        "bzip2",
        lambda: docx_shapes.compressed_bomb("bzip2", 20 << 20),
        None,
        FormatError,
        "compressed with bzip2",
    ),
    (
        "lzma",
        lambda: docx_shapes.compressed_bomb("lzma", 20 << 20),
        None,
        FormatError,
        "compressed with lzma",
    ),
    ("corrupt-deflate", _corrupt_deflate, None, FormatError, "corrupt deflate data"),
    (
        # zipfile stops at the declared 4 KB, so the XML ends early; at most a chunk
        # is ever inflated past what is declared
        "lying-size",
        lambda: docx_shapes.lying_member(4096, 20 << 20),
        "1",
        FormatError,
        "broken Word XML in word/document.xml",
    ),
    (
        # the same lie, with the CRC of all 20 MB: the checksum gives it away
        "lying-size-crc",
        lambda: docx_shapes.patch_member(docx_shapes.lying_member(4096, 20 << 20), DOC, crc=1),
        "1",
        FormatError,
        "bad CRC-32",
    ),
    (
        "honest-deflate-bomb",
        lambda: docx_shapes.compressed_bomb("deflate", 20 << 20),
        "1",
        TooLargeError,
        "declares 20.0 MB uncompressed: over the 1 MB limit",
    ),
    (
        # numbering.xml and document.xml each under 1 MB, together over it
        "total-over-limit",
        lambda: build(
            paragraph("一、总体要求" + "内容。" * 60_000),
            numbering=docx_shapes._NUMBERING.decode() + " " * 600_000,
        ),
        "1",
        TooLargeError,
        "over the 1 MB limit on the Word parts read",
    ),
    (
        "numbering-text",
        lambda: docx_shapes.numbering_text(1000, 2000),
        "1",
        TooLargeError,
        "the text of the Word file (numbering labels included) passes the 1 MB limit",
    ),
    (
        # honest sizes, under the limit, but 130 times smaller stored than inflated:
        # made to cost memory (1.2 GB before), refused once past 100 times
        "honest-ratio-bomb",
        lambda: docx_shapes.document_xml(25 << 20),
        "32",
        FormatError,
        "inflates more than 100 times its stored size",
    ),
    ("truncated-zip", lambda: PLAIN[: len(PLAIN) // 2], None, FormatError, "not a readable zip"),
]


# Builds and inflates a 25 MB document: over 20 s.
SLOW = {"honest-ratio-bomb"}


@pytest.mark.parametrize(
    ("raw", "max_mb", "error", "words"),
    [pytest.param(*b[1:], id=b[0], marks=[pytest.mark.slow] * (b[0] in SLOW)) for b in BROKEN],
)
def test_broken_word_files_are_one_line_and_exit_2(
    tmp_path: Path, raw: object, max_mb: str | None, error: type[InputError], words: str
) -> None:
    assert callable(raw)
    data: bytes = raw()
    path = tmp_path / "plan.docx"
    path.write_bytes(data)
    limit = 32 << 20 if max_mb is None else int(max_mb) << 20  # the CLI's default, or --max-mb
    with pytest.raises(error) as caught:
        policyparse.parse_file(path, max_bytes=limit)
    assert words in str(caught.value)
    with pytest.raises(error):
        policyparse.parse_bytes(data, path="plan.docx", max_bytes=limit)
    args = [] if max_mb is None else ["--max-mb", max_mb]
    r = cli(str(path), *args)
    assert r.returncode == 2, r.stderr
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith(f"policyparse: error: {path}: ") and words in r.stderr
    out = tmp_path / "out.jsonl"
    r = cli("batch", str(path), "-o", str(out), "--quiet", *args)
    assert r.returncode == 2, r.stderr
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["path"] == str(path) and record["error"] == error.code
    assert words in record["message"]


NUMBERING = f"""<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="{{start0}}"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="{{ilvl1}}"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"""


@pytest.mark.parametrize(
    ("start0", "ilvl1", "first", "second"),
    [
        ("1", "1", "一、总体要求", "（一）目标。"),
        ("abc", "1", "一、总体要求", "（一）目标。"),
        ("-3", "1", "一、总体要求", "（一）目标。"),
        ("9" * 5000, "1", "一、总体要求", "（一）目标。"),
        ("1", "15", "一、总体要求", "目标。"),
        ("1", "x", "一、总体要求", "目标。"),
        ("1", "-1", "一、总体要求", "目标。"),
    ],
    ids=[
        "good",
        "start-not-a-number",
        "start-negative",
        "start-5000-digits",
        "ilvl-15",
        "ilvl-x",
        "ilvl-negative",
    ],
)
def test_bad_numbering_values_read_with_a_diagnostic(
    tmp_path: Path, start0: str, ilvl1: str, first: str, second: str
) -> None:
    """A level with a bad w:ilvl is left out (its paragraphs are unnumbered), a bad
    w:start starts at 1; each kind of oddity is one bad_word_numbering diagnostic."""
    numbering = NUMBERING.format(start0=start0, ilvl1=ilvl1)
    raw = build(paragraph("总体要求", 0) + paragraph("目标。", 1), numbering=numbering)
    doc = policyparse.parse_bytes(raw, path="n.docx", with_text=True)
    assert doc.text == f"{first}\n{second}"
    codes = [d.code for d in doc.diagnostics if d.code == "bad_word_numbering"]
    assert len(codes) == (0 if (start0, ilvl1) == ("1", "1") else 1)
    path = tmp_path / "n.docx"
    path.write_bytes(raw)
    assert cli(str(path)).returncode == 0


def test_a_paragraph_level_outside_0_to_8_is_unnumbered() -> None:
    numbering = NUMBERING.format(start0="1", ilvl1="1")
    body = paragraph("总体要求", 0) + paragraph("目标。", 15) + paragraph("任务。", 1)
    doc = policyparse.parse_bytes(build(body, numbering=numbering), path="p.docx", with_text=True)
    assert doc.text == "一、总体要求\n目标。\n（一）任务。"
    (issue,) = [d for d in doc.diagnostics if d.code == "bad_word_numbering"]
    assert issue.message.startswith("1 numbered paragraph(s) with a w:ilvl outside 0 to 8")


def test_deep_nesting_is_a_format_error() -> None:
    body = "<w:sdt><w:sdtContent>" * 300 + paragraph("深") + "</w:sdtContent></w:sdt>" * 300
    with pytest.raises(FormatError, match=r"broken Word XML in word/document\.xml"):
        policyparse.parse_bytes(build(body), path="deep.docx")


def test_an_entity_is_not_expanded() -> None:
    """A DTD in document.xml is neither loaded nor used: the entity stays unread."""
    raw = build(paragraph("一、总体要求&ent;"))
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        xml = zf.read(DOC).decode()
    xml = xml.replace("?>", '?><!DOCTYPE d [<!ENTITY ent "扩展的实体">]>', 1)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(DOC, xml)
    doc = policyparse.parse_bytes(buf.getvalue(), path="e.docx", with_text=True)
    assert doc.text is not None and "扩展的实体" not in doc.text


def test_the_shapes_read_within_the_limit() -> None:
    """The benchmark shapes at small sizes: ordinary files that read."""
    doc = policyparse.parse_bytes(docx_shapes.document_xml(200_000), path="d.docx", with_text=True)
    assert doc.text is not None and doc.text.startswith("一、重点任务第1部分\n（一）促进就业1。")
    doc = policyparse.parse_bytes(docx_shapes.numbering(50), path="n.docx", with_text=True)
    assert doc.text is not None and doc.text.split("\n")[:2] == [
        "1.第0项措施。加强组织领导。",
        "1.第1项措施。加强组织领导。",
    ]


# -- generated hostile packages -------------------------------------------------------

PARTS = ["word/document.xml", "word/numbering.xml", "word/styles.xml", "[Content_Types].xml"]
VALUES = st.one_of(
    st.sampled_from(["0", "1", "8", "9", "15", "-1", "x", "", "1.5", "9" * 5000, "0" * 30 + "3"]),
    st.integers(-(10**6), 10**6).map(str),
)


@st.composite
def numbering_xml(draw: st.DrawFn) -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{draw(VALUES)}"><w:start w:val="{draw(VALUES)}"/>'
        f'<w:numFmt w:val="{draw(st.sampled_from(["decimal", "chineseCounting", "lowerLetter", "decimalEnclosedCircle", "none", "bogus"]))}"/>'
        f'<w:lvlText w:val="{draw(st.sampled_from(["%1、", "（%2）", "%1.%2.%3", "%9%10", "", "%1" * 50]))}"/></w:lvl>'
        for _ in range(draw(st.integers(0, 4)))
    )
    nums = "".join(
        f'<w:num w:numId="{draw(VALUES)}"><w:abstractNumId w:val="{draw(VALUES)}"/></w:num>'
        for _ in range(draw(st.integers(0, 3)))
    )
    return f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="{draw(VALUES)}">{levels}</w:abstractNum>{nums}</w:numbering>'


@st.composite
def body(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 8))):
        ilvl = draw(st.one_of(st.none(), VALUES))
        num = draw(st.one_of(st.none(), VALUES))
        props = ""
        if ilvl is not None or num is not None:
            i = "" if ilvl is None else f'<w:ilvl w:val="{ilvl}"/>'
            n = "" if num is None else f'<w:numId w:val="{num}"/>'
            props = f"<w:pPr><w:numPr>{i}{n}</w:numPr></w:pPr>"
        text = draw(st.sampled_from(["一、总体要求", "内容。", "", "a\tb"]))
        parts.append(f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>")
    return "".join(parts)


@st.composite
def packages(draw: st.DrawFn) -> bytes:
    members: dict[str, bytes] = {}
    xml = f'<w:document xmlns:w="{W_NS}"><w:body>{draw(body())}</w:body></w:document>'
    members[DOC] = xml.encode()
    if draw(st.booleans()):
        members["word/numbering.xml"] = draw(numbering_xml()).encode()
    for _ in range(draw(st.integers(0, 2))):
        members[draw(st.sampled_from(PARTS))] = draw(st.binary(max_size=200))
    if draw(st.integers(0, 9)) == 0:
        del members[DOC]
    buf = io.BytesIO()
    method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    raw = buf.getvalue()
    damage = draw(st.sampled_from(["none", "truncate", "flip", "patch"]))
    if damage == "truncate":
        raw = raw[: draw(st.integers(0, len(raw)))]
    elif damage == "flip" and raw:
        i = draw(st.integers(0, len(raw) - 1))
        raw = raw[:i] + bytes([raw[i] ^ draw(st.integers(1, 255))]) + raw[i + 1 :]
    elif damage == "patch" and DOC in members:
        raw = docx_shapes.patch_member(
            raw,
            DOC,
            **draw(
                st.sampled_from(
                    [
                        {"crc": 7},
                        {"flags": 1},
                        {"method": 9},
                        {"method": 12},
                        {"method": 99},
                        {"size": 3},
                        {"size": 10**6},
                    ]
                )
            ),
        )
    return raw


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packages(), st.sampled_from([None, 2000, 1 << 20]))
def test_hostile_packages_give_a_document_or_an_input_error(raw: bytes, limit: int | None) -> None:
    try:
        doc = policyparse.parse_bytes(raw, path="h.docx", max_bytes=limit)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(doc, policyparse.Document)  # a truncated zip may read as text
