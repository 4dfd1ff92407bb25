"""Hostile and oversized Word files, built as bytes for benchmarks and tests.

Each function returns the bytes of a .docx; nothing is timed here.  The
shapes are the ones of issues 12 and 14:

- document_xml(size): an ordinary plan, numbered by Word, whose
  word/document.xml holds about *size* bytes of paragraphs;
- numbering(n): n numbering definitions, each used by one paragraph;
- numbering_text(label, paragraphs): a list level whose label text is *label*
  characters long, drawn before each of *paragraphs* paragraphs;
- lying_member(declared, actual): word/document.xml declares *declared* bytes
  in the zip directory but inflates to *actual*;
- compressed_bomb(method, actual): word/document.xml inflating to *actual*
  bytes, compressed with *method* (deflate, bzip2, lzma, or deflate64 / method
  99, which only get their method number: nothing reads them).

Every member is produced in chunks, so building a 3 GiB bomb costs time
(compressing it) but no memory in proportion.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_HEAD = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'
).encode()
_TAIL = b"</w:body></w:document>"
_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/></Types>'
)
_NUMBERING = (
    f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%3."/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
).encode()
_CHUNK = 1 << 20
METHODS = {"stored": 0, "deflate": 8, "deflate64": 9, "bzip2": 12, "lzma": 14, "method99": 99}


def _p(text: str, level: int | None = None, num_id: int = 1) -> str:
    num_pr = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
    num = "" if level is None else f"<w:pPr>{num_pr}</w:pPr>"
    return f'<w:p>{num}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _plan_paragraphs() -> Iterator[bytes]:
    """Paragraphs of a plan, numbered by Word, for ever: a section heading, then
    measures with their details, as plans are written."""
    section = 0
    while True:
        section += 1
        parts = [_p(f"重点任务第{section}部分", 0)]
        for measure in range(1, 6):
            parts.append(
                _p(
                    f"促进就业{measure}。2025年，新增城镇就业超20万人，"
                    "城镇调查失业率控制在5.5%以内。（责任单位：市人力社保局、市财政局）",
                    1,
                )
            )
            parts.append(_p("细则：加强组织领导，落实工作责任。", 2))
        parts.append(_p("各地区各部门要结合实际抓好落实。"))
        yield "".join(parts).encode()


def _document_chunks(size: int) -> Iterator[bytes]:
    yield _HEAD
    produced = len(_HEAD) + len(_TAIL)
    for block in _plan_paragraphs():
        if produced >= size:
            break
        produced += len(block)
        yield block
    yield _TAIL


def _package(
    members: list[tuple[str, Iterator[bytes]]],
    method: int = zipfile.ZIP_DEFLATED,
    zip64: bool = True,
) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        for name, chunks in members:
            with zf.open(name, "w", force_zip64=zip64) as fh:
                for chunk in chunks:
                    fh.write(chunk)
    return buf.getvalue()


def document_xml(size_bytes: int) -> bytes:
    """A .docx whose word/document.xml is ~*size_bytes* of ordinary numbered paragraphs."""
    return _package(
        [
            ("word/numbering.xml", iter([_NUMBERING])),
            ("word/document.xml", _document_chunks(size_bytes)),
        ]
    )


def numbering(n: int) -> bytes:
    """n numbering definitions (abstractNum + num) referenced by n paragraphs, one each."""

    def definitions() -> Iterator[bytes]:
        yield f'<w:numbering xmlns:w="{W_NS}">'.encode()
        for i in range(n):
            yield (
                f'<w:abstractNum w:abstractNumId="{i}">'
                '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                '<w:lvlText w:val="%1."/></w:lvl>'
                '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
                '<w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>'
            ).encode()
        for i in range(n):
            yield f'<w:num w:numId="{i + 1}"><w:abstractNumId w:val="{i}"/></w:num>'.encode()
        yield b"</w:numbering>"

    def body() -> Iterator[bytes]:
        yield _HEAD
        for i in range(n):
            yield _p(f"第{i}项措施。加强组织领导。", 0, i + 1).encode()
        yield _TAIL

    return _package([("word/numbering.xml", definitions()), ("word/document.xml", body())])


def numbering_text(label: int, paragraphs: int) -> bytes:
    """A list level whose lvlText is *label* characters, on each of *paragraphs* paragraphs:
    a few kilobytes that render to label × paragraphs characters."""
    text = "%1" + "条" * (label - 2)
    xml = (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    ).encode()
    para = _p("措施。", 0).encode()
    return _package(
        [
            ("word/numbering.xml", iter([xml])),
            ("word/document.xml", iter([_HEAD, *(para for _ in range(paragraphs)), _TAIL])),
        ]
    )


def _spaces(actual: int) -> Iterator[bytes]:
    """word/document.xml of exactly *actual* bytes: one paragraph, then blanks."""
    head = _HEAD + _p("一、总体要求").encode()
    left = actual - len(head) - len(_TAIL)
    yield head
    while left > 0:
        yield b" " * min(left, _CHUNK)
        left -= _CHUNK
    yield _TAIL


def patch_member(raw: bytes, name: str, **fields: int) -> bytes:
    """Rewrite fields of member *name* in its local header and central directory entry.

    Fields: method, crc, size (uncompressed, as declared), flags.
    """
    data = bytearray(raw)
    encoded = name.encode()
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        info = zf.getinfo(name)
    local = info.header_offset
    start = 0
    while True:
        central = data.find(b"PK\x01\x02", start)
        if central < 0:
            raise ValueError(f"no central directory entry for {name}")
        name_len = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + name_len]) == encoded:
            break
        start = central + 4
    for offset, base in ((local, 0), (central, 2)):  # the central entry has 2 more bytes first
        if "flags" in fields:
            struct.pack_into("<H", data, offset + base + 6, fields["flags"])
        if "method" in fields:
            struct.pack_into("<H", data, offset + base + 8, fields["method"])
        if "crc" in fields:
            struct.pack_into("<I", data, offset + base + 14, fields["crc"])
        if "size" in fields:
            size = fields["size"]
            if info.file_size >= 0xFFFFFFFF or info.compress_size >= 0xFFFFFFFF:
                raise ValueError("the declared size of a zip64 member is not patched")
            struct.pack_into("<I", data, offset + base + 22, size)
    return bytes(data)


def lying_member(declared: int, actual: int) -> bytes:
    """word/document.xml declares *declared* bytes (directory and local header) but
    inflates to *actual*; its CRC is the one of the first *declared* bytes, so a
    reader that trusts the directory finds nothing wrong."""
    raw = _deflated_small_directory(actual)
    crc = zlib.crc32(_prefix(actual, declared))
    return patch_member(raw, "word/document.xml", size=declared, crc=crc)


def _prefix(actual: int, n: int) -> bytes:
    out = bytearray()
    for chunk in _spaces(actual):
        out += chunk
        if len(out) >= n:
            break
    return bytes(out[:n])


def _deflated_small_directory(actual: int) -> bytes:
    """A deflated member of *actual* bytes whose directory entry is not zip64
    (so that its sizes can be patched), however large *actual* is."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = bytearray()
    crc = 0
    for chunk in _spaces(actual):
        crc = zlib.crc32(chunk, crc)
        body += compressor.compress(chunk)
    body += compressor.flush()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("word/document.xml", bytes(body))  # stored: patched to deflate below
    raw = patch_member(buf.getvalue(), "word/document.xml", method=8, crc=crc)
    return patch_member(raw, "word/document.xml", size=min(actual, 0xFFFFFFFE))


def compressed_bomb(method: str, actual: int, declared: int | None = None) -> bytes:
    """word/document.xml of *actual* bytes compressed with *method*: "deflate",
    "bzip2", "lzma", "deflate64" or "method99" (the last two are deflate data
    labelled with that method number).  With *declared* (deflate, bzip2, lzma,
    *actual* under 2 GiB) the member declares that size instead."""
    if declared is not None:
        raw = _package([("word/document.xml", _spaces(actual))], METHODS[method], zip64=False)
        return patch_member(raw, "word/document.xml", size=declared)
    if method in ("deflate", "bzip2", "lzma"):
        return _package(
            [("word/document.xml", _spaces(actual))],
            {"deflate": zipfile.ZIP_DEFLATED, "bzip2": zipfile.ZIP_BZIP2, "lzma": zipfile.ZIP_LZMA}[
                method
            ],
        )
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}: one of {', '.join(METHODS)}")
    return patch_member(
        _deflated_small_directory(actual), "word/document.xml", method=METHODS[method]
    )


def run_cli(raw: bytes, args: list[str], src: str, timeout: float) -> tuple[float, float, int, str]:
    """Run ``python -m policyparse FILE *args`` with PYTHONPATH=*src* on *raw*:
    (wall seconds, peak RSS in MB, exit status or -9 on timeout, last stderr line)."""
    import os
    import subprocess
    import sys
    import tempfile
    import threading
    import time

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "shape.docx")
        with open(path, "wb") as fh:
            fh.write(raw)
        del raw
        env = dict(os.environ, PYTHONPATH=src)
        err = os.path.join(tmp, "stderr")
        with open(err, "wb") as fh:
            t0 = time.perf_counter()
            proc = subprocess.Popen(
                [sys.executable, "-m", "policyparse", path, *args],
                stdout=subprocess.DEVNULL,
                stderr=fh,
                env=env,
            )
            timer = threading.Timer(timeout, proc.kill)
            timer.start()
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - t0
            timer.cancel()
            proc.returncode = os.waitstatus_to_exitcode(status)
        with open(err, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().strip().splitlines()
    message = lines[-1] if lines else ""
    return wall, usage.ru_maxrss / 1024, proc.returncode, message


SHAPES: dict[str, tuple[Callable[[], bytes], list[str]]] = {
    "document.xml 25 MB": (lambda: document_xml(25 << 20), []),
    "document.xml 100 MB": (lambda: document_xml(100 << 20), []),
    "document.xml 100 MB, --max-mb 128": (lambda: document_xml(100 << 20), ["--max-mb", "128"]),
    "10,000 numbering definitions": (lambda: numbering(10_000), []),
    "label of 1,000 chars on 100,000 paragraphs": (lambda: numbering_text(1000, 100_000), []),
    "lying member 1 GiB, --max-mb 32": (lambda: lying_member(4096, 1 << 30), ["--max-mb", "32"]),
    "bzip2 member 3 GiB": (lambda: compressed_bomb("bzip2", 3 << 30), []),
    "deflate member 3 GiB (honest header)": (lambda: compressed_bomb("deflate", 3 << 30), []),
    "bzip2 member 2 GiB declaring 4 KB": (
        lambda: compressed_bomb("bzip2", (2 << 30) - 1, declared=4096),
        [],
    ),
}


def main() -> None:
    """Measure every shape (or those named) through the command line."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--src", default="src", help="PYTHONPATH of the policyparse to measure")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("shapes", nargs="*", help="substrings of the shape names")
    ns = parser.parse_args()
    print("| shape | .docx size | wall | peak RSS | exit | message |")
    print("|---|---:|---:|---:|---:|---|")
    for name, (build, args) in SHAPES.items():
        if ns.shapes and not any(s in name for s in ns.shapes):
            continue
        raw = build()
        size = len(raw)
        wall, rss, status, message = run_cli(raw, args, ns.src, ns.timeout)
        shown = "(killed at the timeout)" if status == -9 else message[:90]
        print(
            f"| {name} | {size / 1024:,.0f} KB | {wall:.1f} s | {rss:,.0f} MB "
            f"| {status} | {shown} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
