"""Reading a Word file's archive: its members inflated in bounded chunks, their XML as events.

Word files come from anywhere, so nothing in the archive is trusted: members
are inflated in chunks through zipfile's streaming reader and counted as they
come (a member's declared size may lie), only the compression methods Word
writes (stored, deflate) are read, and the XML is parsed incrementally
(lxml's pull parser), each element dropped once read, so memory follows the
text produced rather than the XML.  The bytes inflated and the text produced
are both held to the caller's limit (Budget).  Broken archives and XML are a
FormatError, limits a TooLargeError, both one line.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..errors import RAISE_LIMIT, FormatError, TooLargeError, size_limit

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHUNK = 64 * 1024  # inflated and parsed this much at a time
# The only compression methods Word writes; anything else is refused unread.
_WORD_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_METHOD_NAMES = {
    1: "shrink",
    6: "implode",
    9: "deflate64",
    12: "bzip2",
    14: "lzma",
    93: "zstandard",
    95: "xz",
    98: "ppmd",
    99: "AES encryption (method 99)",
}


@dataclass(slots=True)
class Budget:
    """What reading may cost: bytes inflated (all parts together) and text produced,
    each held to *limit* (None: no limit)."""

    limit: int | None
    inflated: int = 0
    text: int = 0

    def declared(self, info: zipfile.ZipInfo) -> None:
        """Refuse a part whose declared size alone passes the limit (its bytes are counted too)."""
        if self.limit is not None and self.inflated + info.file_size > self.limit:
            raise TooLargeError(
                f"{info.filename} declares {info.file_size / 1048576:.1f} MB uncompressed: "
                f"over the {size_limit(self.limit)} limit on the Word parts read ({RAISE_LIMIT})"
            )

    def inflate(self, name: str, n: int) -> None:
        self.inflated += n
        if self.limit is not None and self.inflated > self.limit:
            raise TooLargeError(
                f"{name} inflates past the {size_limit(self.limit)} limit on the Word parts read "
                f"(its zip entry declares less; {RAISE_LIMIT})"
            )

    def produce(self, n: int) -> None:
        self.text += n
        if self.limit is not None and self.text > self.limit:
            raise TooLargeError(
                f"the text of the Word file (numbering labels included) passes the "
                f"{size_limit(self.limit)} limit ({RAISE_LIMIT})"
            )


def one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


@contextmanager
def _zip_errors(name: str) -> Iterator[None]:
    """Whatever zipfile and zlib raise on a damaged member, as one FormatError naming it."""
    try:
        yield
    except zipfile.BadZipFile as exc:
        what = "bad CRC-32: its data are damaged" if "CRC" in str(exc) else one_line(exc)
        raise FormatError(f"{name}: damaged zip member ({what})") from None
    except zlib.error as exc:
        raise FormatError(f"{name}: corrupt deflate data ({one_line(exc)})") from None
    except EOFError:
        raise FormatError(f"{name}: the archive ends inside this member (truncated)") from None
    except RuntimeError as exc:  # zipfile says "encrypted, password required" so
        raise FormatError(f"{name}: unreadable zip member ({one_line(exc)})") from None
    except NotImplementedError as exc:
        raise FormatError(f"{name}: unsupported zip member ({one_line(exc)})") from None
    except (OSError, ValueError, OverflowError, IndexError, struct.error) as exc:
        raise FormatError(f"{name}: unreadable zip member ({one_line(exc)})") from None


def member(zf: zipfile.ZipFile, name: str, budget: Budget) -> Iterator[bytes] | None:
    """The inflated bytes of part *name* in chunks, counted against *budget*; None if absent.

    The method and the encryption flag are checked before anything is inflated;
    the sizes the archive declares are used only to refuse early, never trusted.
    """
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.flag_bits & 0x1:
        raise FormatError(
            f"{name} is encrypted (a password-protected document): save it without one"
        )
    if info.compress_type not in _WORD_METHODS:
        method = _METHOD_NAMES.get(info.compress_type, f"method {info.compress_type}")
        raise FormatError(
            f"{name} is compressed with {method}: Word writes only stored and deflate members"
        )
    budget.declared(info)
    return _inflate(zf, info, budget)


# Word's XML deflates 5 to 20 times, rarely 50; a part that inflates more than 100 times
# its stored size past the first megabyte is made to (the ratio Apache POI refuses).
_MAX_RATIO = 100
_RATIO_FROM = 1 << 20


def _inflate(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: Budget) -> Iterator[bytes]:
    with _zip_errors(info.filename):
        fh = zf.open(info)
    produced = 0
    with fh:
        while True:
            with _zip_errors(info.filename):
                chunk = fh.read(_CHUNK)  # at most _CHUNK bytes inflated, whatever is declared
            if not chunk:
                return
            produced += len(chunk)
            budget.inflate(info.filename, len(chunk))
            if (
                budget.limit is not None
                and produced > _RATIO_FROM
                and produced > _MAX_RATIO * max(info.compress_size, 1)
            ):
                raise FormatError(
                    f"{info.filename} inflates more than {_MAX_RATIO} times its stored size "
                    f"({info.compress_size:,} bytes): refused as a zip bomb (Word's XML "
                    "deflates 5 to 20 times; the library reads it with max_bytes=None)"
                )
            yield chunk


def xml_events(chunks: Iterator[bytes], name: str) -> Iterator[tuple[str, Any]]:
    """(event, element) pairs of the XML in *chunks*, start and end, parsed as they come.

    An empty part gives no events (an empty numbering or styles part reads as
    none; an empty document.xml then has no body).
    No entity is resolved, no DTD loaded, nothing fetched; libxml2's default
    limits hold (no huge_tree): 256 levels of nesting, 10 MB in one text node.
    The caller clears each element at its end (drop).
    """
    from lxml import etree

    parser = etree.XMLPullParser(
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
    )
    fed = False
    try:
        for chunk in chunks:
            fed = True
            parser.feed(chunk)
            yield from parser.read_events()
        if not fed:
            return
        parser.close()
        yield from parser.read_events()
    except etree.LxmlError as exc:
        what = one_line(exc).removesuffix(" (<string>, line 1)")
        raise FormatError(f"broken Word XML in {name} ({what})") from None


def drop(el: Any) -> None:
    """Forget an element once read, and the siblings before it: memory stays
    the depth of the tree, not its size."""
    el.clear()
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def xml_int(value: str | None) -> int | None:
    """The integer *value* says, None when absent or no integer (or over 4,300 digits)."""
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        return None
