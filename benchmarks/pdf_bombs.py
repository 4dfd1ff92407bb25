"""Hostile PDF files, written byte by byte, for benchmarks/battery.py and the tests.

Each builder returns the bytes of a small PDF that would cost a reader without limits
far more than its size: many pages, deep nesting, streams that inflate a thousandfold,
form XObjects that draw each other in a fan (2^depth draws), an encrypted file, a
damaged one.  ``policyparse`` must end on each within the input limits with one line.
"""

from __future__ import annotations

import zlib

MB = 1 << 20


def assemble(objs: list[bytes], root: int = 1) -> bytes:
    """A PDF of *objs* (object 1, 2, …) with a cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size %d/Root %d 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1,
        root,
        xref,
    )
    return bytes(out)


def stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<</Length %d%s>>stream\n" % (len(content), extra) + content + b"\nendstream"


def one_page(content: bytes, filters: bytes = b"", resources: bytes = b"<<>>") -> list[bytes]:
    """Catalog, pages, one page and its content stream (objects 1 to 4)."""
    return [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources "
        + resources
        + b">>",
        stream(content, b"/Filter" + filters if filters else b""),
    ]


def many_pages(count: int) -> bytes:
    """*count* pages that all point at one empty page object: tiny, but a huge page tree."""
    kids = b" ".join(b"3 0 R" for _ in range(count))
    return assemble(
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[%s]/Count %d>>" % (kids, count),
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>",
        ]
    )


def deep_nesting(depth: int) -> bytes:
    """A page whose dictionary holds arrays nested *depth* deep."""
    deep = b"[" * depth + b"]" * depth
    return assemble(
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Deep " + deep + b">>",
        ]
    )


def deflated(size: int) -> bytes:
    """zlib data that inflate to *size* spaces (about a thousandth of it deflated)."""
    z = zlib.compressobj(9)
    parts = [z.compress(b" " * MB) for _ in range(size // MB)]
    return b"".join(parts) + z.flush()


def inflation_bomb(size: int) -> bytes:
    """One page whose content stream inflates to *size* bytes."""
    return assemble(one_page(deflated(size), b"/FlateDecode"))


def chained_inflation_bomb(size: int) -> bytes:
    """One page whose content is deflated twice (``[/FlateDecode/FlateDecode]``): 2 KB
    that inflate to 1 MB, which inflates to *size* bytes."""
    return assemble(one_page(zlib.compress(deflated(size), 9), b"[/FlateDecode/FlateDecode]"))


def form_fanout(depth: int) -> bytes:
    """Form XObjects each drawing the one below twice, *depth* deep: 2^depth draws.

    A few KB; a reader that expands every form as it parses a page runs out of memory.
    """
    objs = one_page(b"q /X%d Do Q" % depth, resources=b"<</XObject<</X%d 5 0 R>>>>" % depth)
    # Form k (object 5 + depth - k) draws form k-1 twice; form 0 prints one character.
    for k in range(depth, -1, -1):
        if k == 0:
            content, res = b"BT /F1 12 Tf 72 720 Td (a) Tj ET", b"<<>>"
        else:
            content = b"q /X%d Do Q q /X%d Do Q" % (k - 1, k - 1)
            res = b"<</XObject<</X%d %d 0 R>>>>" % (k - 1, len(objs) + 2)
        objs.append(
            stream(content, b"/Type/XObject/Subtype/Form/BBox[0 0 595 842]/Resources " + res)
        )
    return assemble(objs)


def encrypted_stub() -> bytes:
    """A PDF whose trailer asks for a password handler it cannot satisfy."""
    raw = assemble(one_page(b"BT ET"))
    return raw.replace(
        b"trailer\n<<",
        b"trailer\n<</Encrypt<</Filter/Standard/V 2/R 3/Length 128/O<"
        + b"00" * 32
        + b">/U<"
        + b"11" * 32
        + b">/P -4>>/ID[<0123><0123>]",
    )


def truncated(raw: bytes, keep: float) -> bytes:
    """*raw* cut after its first *keep* share of bytes."""
    return raw[: max(9, int(len(raw) * keep))]
