"""Bytes to text: read the file, decide the format, decode.

Plain text is tried as UTF-8 (with or without BOM), UTF-16 with a BOM, then
GB18030, strictly: a wrong guess would corrupt every span, so undecodable
bytes are an error unless the caller asks for replacement characters.  Bytes
that are UTF-8 but for a few damaged sequences are reported as damaged UTF-8
rather than silently read as GB18030.  Big5 bytes are nearly always valid
GB18030 too, so a GB18030 reading that is mostly uncommon characters is tried
as Big5 (cp950), and the reading made of common characters wins, with a
diagnostic saying it was a guess.  A web page's declared charset is kept
unless its reading is not Chinese and UTF-8's, GB18030's or Big5's is
(_declared).  Web pages and Word files are turned into text first (html,
docx); spans then point into that text.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .. import lexicon
from ..diagnostics import Issue
from ..errors import (
    RAISE_LIMIT,
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    FormatError,
    InputError,
    NotAFileError,
    NotFoundError,
    TooLargeError,
    size_limit,
)
from ..vocab import Errors, Severity
from .pdflines import Margins

# Plans run to a few hundred kilobytes; a file far larger is almost surely
# not one, and reading it whole would cost memory in proportion.
MAX_BYTES = 32 * 1024 * 1024

_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"\x1f\x8b",
    b"BM",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",
    b"\x00\x00\x01\x00",
    b"RIFF",
    b"OggS",
    b"\x7fELF",
)
_ZIP = b"PK\x03\x04"
_HTML_EXT = (".html", ".htm", ".shtml", ".xhtml")
_MARKDOWN_EXT = (".md", ".markdown")
_HTML_SNIFF = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|div|p|table|meta)[\s>]", re.IGNORECASE
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_-]{2,20})""", re.IGNORECASE
)
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Big5 is decoded as cp950, Windows' Big5, which writes nearly every Big5 file: it
# reads every byte sequence Python's big5 reads, plus the euro and the ETEN
# extensions (F9D6-F9FE), and maps A1E3 to the full-width ～ of ranges (2024～2026).
BIG5 = "cp950"
_CHARSETS = {
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "gb18030": "gb18030",
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "big5": BIG5,
    "cp950": BIG5,
    "x-x-big5": BIG5,
    "big5-hkscs": "big5hkscs",
}
# Telling a right reading of non-UTF-8 bytes from a wrong one: the share of common
# characters (lexicon inputs/common_characters) among the first _SAMPLE non-ASCII,
# non-space characters.  Plans read right score about 0.9, general text 0.8; Big5
# read as GB18030, or GB18030 as Big5, about 0.05 (docs/inputs.md).  A reading is
# plausible when more than half of it is common characters.
_SAMPLE = 2000
_PLAUSIBLE = 0.5
# A Big5 reading replaces a GB18030 one only with this many common characters.
_MIN_COMMON = 3
# ... and is only a near guess when its share is not this much higher.
_CLEAR = 0.3
# Below this share of common characters a short GB18030 reading is in doubt (real text
# of rarer words: 店、旗舰店、概念, 2 of 8; mojibake of another encoding: about 0.05).
_DOUBT = 0.2
# A GB18030 reading with no plausible rival is doubted aloud from this many characters.
_EVIDENCE = 20
_NON_ASCII = re.compile(r"[^\x00-\x7f\s]+")


@dataclass(slots=True)
class Loaded:
    """Decoded text and where it came from."""

    text: str
    format: str
    encoding: str | None
    sha256: str
    path: str | None = None
    notes: list[Issue] = field(default_factory=list)  # what decoding had to repair
    meta: dict[str, str] = field(default_factory=dict)  # metadata the page itself carries
    pages: tuple[int, ...] = ()  # a PDF's page starts in text (inputs.pdf.page_at)
    margins: Margins | None = None  # a PDF's lines at its margins (inputs.pdflines)


def check_errors(errors: str) -> None:
    """A misspelt errors= must not silently mean strict."""
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")


def _damaged_utf8(raw: bytes) -> bool:
    """Mostly valid UTF-8 with a few bad bytes: damage, not another encoding."""
    good = len(_UTF8_SEQ.findall(raw[:1_000_000]))
    if good < 8:
        return False
    text = raw[:1_000_000].decode("utf-8", errors="replace")
    return text.count("\ufffd") * 100 <= good


def _common(text: str) -> tuple[int, int]:
    """(common, counted): how many of the first non-ASCII characters are common ones."""
    runs: list[str] = []
    size = 0
    for m in _NON_ASCII.finditer(text):  # runs, not characters: a third of the time
        runs.append(m.group())
        size += m.end() - m.start()
        if size >= _SAMPLE:
            break
    sample = "".join(runs)[:_SAMPLE]
    common = lexicon.words("inputs/common_characters")
    return sum(map(common.__contains__, sample)), len(sample)


def _gb18030_or_big5(raw: bytes, text: str) -> tuple[str, str, list[Issue]]:
    """Bytes that read as GB18030 (*text*): keep that reading unless Big5's is Chinese.

    Big5's double bytes all fall inside GB18030's, so Big5 text reads as GB18030
    without an error, as characters few texts use.  GB18030 text keeps its
    reading whenever most of it is common characters, and otherwise too unless
    the bytes read as Big5 are mostly common characters.  A guess is said in a
    diagnostic: Big5 chosen, Big5 plausible but too short to choose, or (on
    enough text) neither reading Chinese.
    """
    hits, counted = _common(text)
    if not counted or hits > _PLAUSIBLE * counted:  # not counted: only full-width spaces
        return text, "gb18030", []
    as_gb = f"{hits} of {counted} as GB18030"
    try:
        big5: str | None = raw.decode(BIG5)
    except UnicodeDecodeError:
        big5 = None
    b_hits, b_counted = _common(big5) if big5 is not None else (0, 0)
    as_big5 = f"{b_hits} of {b_counted} as Big5" if big5 is not None else "not valid Big5"
    if big5 is not None and b_hits > _PLAUSIBLE * b_counted:
        if b_hits >= _MIN_COMMON:
            # A near thing (both readings half common characters) is a warning.
            near = b_hits / b_counted - hits / counted < _CLEAR
            severity: Severity = "warning" if near else "info"
            message = f"read as Big5 ({BIG5}), not GB18030: common characters {as_big5}, {as_gb}"
            return big5, BIG5, [Issue("encoding_guessed", message, None, severity)]
        doubt = f"too short to tell GB18030 from Big5 ({as_gb}, {as_big5}): read as GB18030"
    elif (wide := _utf16(raw)) is not None:
        return wide
    elif _too_little_to_doubt(text, hits, counted):
        return text, "gb18030", []
    else:
        # Chinese in neither reading: EUC-KR or Shift_JIS bytes, or a fragment too
        # short to judge; said either way, never read silently.
        doubt = (
            f"read as GB18030, but few of its characters are common ones ({as_gb}; "
            f"{as_big5}): the bytes may be in another encoding"
        )
    return text, "gb18030", [Issue("encoding_guessed", doubt, None, "warning")]


def _too_little_to_doubt(text: str, hits: int, counted: int) -> bool:
    """A GB18030 reading too short to doubt: one rare character (璩), or a short piece of
    real text half of it rarer characters (办大型演唱会(音乐: 4 of 8).  Mojibake of another
    encoding has hardly any common characters, and private-use ones betray it."""
    if _PRIVATE.search(text):
        return False
    return counted < 2 or (counted < _EVIDENCE and hits >= _DOUBT * counted)


def _utf16(raw: bytes) -> tuple[str, str, list[Issue]] | None:
    """UTF-16 without a byte order mark, read only where it is plausible Chinese."""
    if len(raw) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        hits, counted = _common(text)
        if hits >= _MIN_COMMON and hits > _PLAUSIBLE * counted:
            message = (
                f"read as {enc} without a byte order mark: common characters {hits} of {counted}"
            )
            return text, enc, [Issue("encoding_guessed", message, None, "warning")]
    return None


_PRIVATE = re.compile("[\ue000-\uf8ff]")  # no plan prints these; a wrong reading does
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def _utf8_or_other(raw: bytes, text: str) -> tuple[str, str, list[Issue]]:
    """Valid UTF-8 is kept, but judged when none of its non-ASCII characters is Chinese.

    A few GBK characters can be valid UTF-8 (平台 → ƽ̨): such a reading has no
    Chinese in it, while GB18030's (or Big5's) is common characters.  With at
    least _MIN_COMMON of them that reading wins; with fewer, UTF-8 stays, and
    either way an ``encoding_guessed`` warning says so.
    """
    hits, counted = _common(text)
    if not counted or hits or _CJK.search(text[:100_000]):
        return text, "utf-8", []
    best = _better_reading(raw, "utf-8", minimum=1)
    if best is None:
        return text, "utf-8", []
    _, enc, other, as_other = best
    as_utf8 = f"{hits} of {counted} as utf-8"
    if _common(other)[0] >= _MIN_COMMON:
        message = f"read as {enc}, not UTF-8: common characters {as_other}, {as_utf8}"
        return other, enc, [Issue("encoding_guessed", message, None, "warning")]
    doubt = (
        f"too short to tell UTF-8 from {enc}: read as UTF-8, which has no Chinese "
        f"character ({as_utf8}), though {as_other} are common ones"
    )
    return text, "utf-8", [Issue("encoding_guessed", doubt, None, "warning")]


def _declared(raw: bytes, prefer: str) -> tuple[str, str, list[Issue]] | None:
    """Bytes a web page says are in *prefer*: that reading, unless it is not Chinese.

    The declared reading is kept when it is valid and more than half common
    characters (or has none to judge).  Otherwise UTF-8, GB18030 and Big5 are
    tried, strictly: a reading more than half common characters, and at least
    _MIN_COMMON of them, replaces it with an ``encoding_guessed`` diagnostic.
    Bytes not valid in the declared encoding are read as undeclared ones, said
    in an ``info`` diagnostic.  None: no reading at all (decode reports it).
    """
    try:
        text = raw.decode(prefer)
    except UnicodeDecodeError:
        return _not_as_declared(raw, prefer)
    hits, counted = _common(text)
    if not counted or hits > _PLAUSIBLE * counted:
        return text, prefer, []
    as_declared = f"{hits} of {counted} as {prefer}"
    best = _better_reading(raw, prefer)
    if best is not None:
        share, enc, other, as_other = best
        severity: Severity = "warning" if share - hits / counted < _CLEAR else "info"
        message = (
            f"the page declares {prefer} but reads as {enc}: common characters "
            f"{as_other}, {as_declared}"
        )
        return other, enc, [Issue("encoding_guessed", message, None, severity)]
    if prefer == "utf-8" and _CJK.search(text[:100_000]):
        return text, prefer, []  # valid UTF-8 with Chinese in it is evidence enough
    short = _better_reading(raw, prefer, minimum=1)
    if short is not None:
        doubt = (
            f"too short to tell {prefer}, as the page declares, from {short[1]} "
            f"({as_declared}, {short[3]}): read as {prefer}"
        )
        return text, prefer, [Issue("encoding_guessed", doubt, None, "warning")]
    if counted < _EVIDENCE and prefer != "utf-8":
        return text, prefer, []
    doubt = (
        f"read as {prefer}, as the page declares, but few of its characters are common "
        f"ones ({as_declared}), and no other encoding reads better"
    )
    return text, prefer, [Issue("encoding_guessed", doubt, None, "warning")]


def _not_as_declared(raw: bytes, prefer: str) -> tuple[str, str, list[Issue]] | None:
    """Bytes not valid in their declared encoding, read as undeclared ones (an info note)."""
    try:
        text, enc, notes = decode(raw)
    except DecodeError:
        return None
    if enc == prefer:
        return text, enc, notes
    note = f"the page declares {prefer} but is not valid {prefer}: read as {enc}"
    return text, enc, [Issue("encoding_guessed", note, None, "info"), *notes]


def _better_reading(
    raw: bytes, prefer: str, minimum: int = _MIN_COMMON
) -> tuple[float, str, str, str] | None:
    """The undeclared encoding that reads the bytes as the most plausible Chinese, if any.

    (share of common characters, encoding, text, how it was counted); a reading
    counts only when valid, with at least *minimum* common characters and
    more than _PLAUSIBLE of them.
    """
    best: tuple[float, str, str, str] | None = None
    for enc in ("utf-8", "gb18030", BIG5):
        if enc == prefer:
            continue
        try:
            other = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        o_hits, o_counted = _common(other)
        share = o_hits / o_counted if o_counted else 0.0
        if o_hits >= minimum and share > _PLAUSIBLE and (best is None or share > best[0]):
            best = (share, enc, other, f"{o_hits} of {o_counted} as {enc}")
    return best


_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")  # UTF-8's, UTF-16's two


def decode(
    raw: bytes, *, errors: Errors = "strict", prefer: str | None = None
) -> tuple[str, str, list[Issue]]:
    """Decode *raw*; returns (text, encoding, notes).

    *prefer* is the encoding a web page declares (a Python codec name): tried
    first, and kept unless its reading is not Chinese and another's is
    (_declared); GB18030 read only because UTF-8 failed is second-guessed too.
    A byte order mark wins over the declaration.
    """
    if prefer is not None and not raw.startswith(_BOMS):
        declared = _declared(raw, prefer)
        if declared is not None:
            return declared
    candidates = _candidates(raw, prefer)
    first_error: UnicodeDecodeError | None = None
    for enc in candidates:
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
            if enc == "utf-8" and _damaged_utf8(raw):
                break
        else:
            if enc == "gb18030" and prefer != enc:
                return _gb18030_or_big5(raw, text)
            if enc == "utf-8":
                return _utf8_or_other(raw, text)
            return text, enc, []
    return _undecodable(raw, candidates, first_error, errors)


def _candidates(raw: bytes, prefer: str | None) -> list[str]:
    """The encodings tried in turn: the byte order mark's, else the declared one, UTF-8 …"""
    if raw.startswith(b"\xef\xbb\xbf"):
        return ["utf-8-sig"]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ["utf-16"]
    if prefer is not None and prefer != "utf-8":
        return [prefer, "utf-8"]
    return ["utf-8", "gb18030"]


def _undecodable(
    raw: bytes, candidates: list[str], first_error: UnicodeDecodeError | None, errors: Errors
) -> tuple[str, str, list[Issue]]:
    """No candidate reads the bytes: the first one with U+FFFD for the bad bytes, or an error."""
    bad = f" (first bad byte at offset {first_error.start})" if first_error else ""
    enc = candidates[0]
    if enc == "utf-8" and _damaged_utf8(raw):
        what = f"damaged UTF-8{bad}"
    else:
        what = f"not valid {' or '.join(candidates)}{bad}"
    if errors == "replace":
        text = raw.decode(enc, errors="replace")
        note = Issue("replaced_bytes", f"{what}: undecodable bytes replaced with U+FFFD", None)
        return text, enc, [note]
    raise DecodeError(f"bytes are {what}; --replace-errors reads them with U+FFFD")


def _looks_binary(raw: bytes) -> bool:
    if raw.startswith(_BINARY_MAGIC):
        return True
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in raw[:4096]


def sniff(raw: bytes, path: str | None) -> str:
    """text, markdown, html, docx, pdf or doc (.doc, .wps), from the name and the first bytes."""
    name = (path or "").lower()
    if raw.startswith(_ZIP):
        return "docx"
    if raw.startswith(b"%PDF"):
        return "pdf"
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if name.endswith(_HTML_EXT):
        return "html"
    if name.endswith(_MARKDOWN_EXT):
        return "markdown"
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") and _HTML_SNIFF.search(head):
        return "html"
    return "text"


def load_bytes(
    raw: bytes,
    *,
    path: str | None = None,
    errors: Errors = "strict",
    format: str | None = None,
    max_bytes: int | None = MAX_BYTES,
) -> Loaded:
    """Turn the bytes of a document into text, whatever its format.

    *max_bytes* also bounds what a Word file inflates to and the text it gives
    (None: no limit).
    """
    check_errors(errors)
    digest = hashlib.sha256(raw).hexdigest()
    fmt = format or sniff(raw, path)
    if fmt == "docx":
        if not raw.startswith(_ZIP):
            raise FormatError("not a Word (.docx) file")
        from . import docx  # loaded only for Word files

        text, notes = docx.extract(raw, max_bytes)
        loaded = Loaded(text, "docx", None, digest, path, notes)
    elif fmt == "pdf":
        from . import pdf  # loaded only for PDF files

        got = pdf.extract(raw, max_bytes, common=_common)
        loaded = Loaded(got.text, "pdf", None, digest, path, pages=got.starts, margins=got.margins)
    elif fmt == "doc":
        from . import doc  # loaded only for Word 97 files (.doc, .wps)

        loaded = Loaded(doc.extract(raw, max_bytes), "doc", None, digest, path)
    elif _looks_binary(raw):
        raise BinaryInputError("binary data, not a text document (an image, an archive?)")
    elif fmt == "html":
        m = _META_CHARSET.search(raw[:4096])
        prefer = _CHARSETS.get(m.group(1).decode("ascii").lower()) if m else None
        page, enc, notes = decode(raw, errors=errors, prefer=prefer)
        from . import html  # loaded only for web pages

        text, meta, page_notes = html.extract(page)
        loaded = Loaded(text, "html", enc, digest, path, notes + page_notes, meta)
    else:
        text, enc, notes = decode(raw, errors=errors)
        loaded = Loaded(text, "markdown" if fmt == "markdown" else "text", enc, digest, path, notes)
    if not loaded.text.strip():
        why = next((n.message for n in loaded.notes if n.code == "page_text_dropped"), None)
        raise EmptyInputError("no text in the input" + (f": {why}" if why else ""))
    return loaded


_SURROGATE = re.compile("[\ud800-\udfff]")


def load_str(text: str, path: str | None = None) -> Loaded:
    """Text given as a str: hashed as it came, lone surrogates replaced.

    A str may hold lone surrogates (from ``surrogateescape`` decoding, or a JSON
    ``"\\ud800"``); they are not Unicode text and no JSON writer takes them.
    Each becomes U+FFFD, one character for one, so spans still index the input.
    """
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    notes: list[Issue] = []
    first = _SURROGATE.search(text)
    if first is not None:
        count = len(_SURROGATE.findall(text))
        text = _SURROGATE.sub("\ufffd", text)
        notes.append(
            Issue(
                "replaced_surrogates",
                f"{count} lone surrogates (not Unicode text) were replaced with U+FFFD",
                (first.start(), first.start() + 1),
            )
        )
    return Loaded(text, "text", None, digest, path, notes)


def record_key(path: str) -> str:
    """The path as a Document or a record writes it: *path*, or its bytes escaped
    where it is no UTF-8.

    A file name that is not valid UTF-8 (a GBK name on Linux) reaches Python with
    surrogate escapes, which no UTF-8 file can hold; ``source.path`` and error
    records write each such byte as ``\\xNN`` instead, and ``batch --resume``
    compares inputs by this key.
    """
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return escape_surrogates(path)


def escape_surrogates(text: str) -> str:
    """*text* with the bytes a surrogate escape stands for written as ``\\xNN``."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file name gives: write it as \udXXX
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def too_large(name: str, max_bytes: int, size: int | None = None) -> TooLargeError:
    """The one message for input over the size limit, wherever it is noticed."""
    amount = f"{size / 1048576:.1f} MB is " if size is not None else ""
    return TooLargeError(f"{name}: {amount}over the {size_limit(max_bytes)} limit ({RAISE_LIMIT})")


def read_limited(fh: BinaryIO, name: str, max_bytes: int | None) -> bytes:
    """At most *max_bytes* from *fh*, counted as they are read.

    The size a file reports is not trusted: /proc files say 0 and pipes say
    nothing, yet either can stream without end.
    """
    if max_bytes is None:
        return fh.read()
    raw = fh.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise too_large(name, max_bytes)
    return raw


def read_file_limited(name: str, max_bytes: int, what: str) -> bytes:
    """The bytes of the file *name* (a pipe or a device too), at most *max_bytes* of them.

    For the files beside the documents (a --from list, a gazetteer): /dev/zero
    or an endless pipe must end in one error, not in all the memory there is.
    """
    try:
        with open(name, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{name}: cannot read {what} ({exc.strerror or exc})") from None
    if len(raw) > max_bytes:
        raise InputError(f"{name}: {what} over {size_limit(max_bytes)}: not a {what}")
    return raw


def _missing(p: Path) -> None:
    """Why *p* cannot be opened: a symlink loop, a link to nothing, or no such file."""
    import errno

    try:
        p.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise NotAFileError(f"{p}: a symlink loop (the links point at each other)") from None
        if exc.errno == errno.ENOENT and p.is_symlink():
            target = os.readlink(p)
            message = f"{p}: a symlink to {target}, which does not exist"
            raise NotFoundError(message, str(p)) from None
        if exc.errno not in (errno.ENOENT, errno.ENOTDIR):
            raise NotAFileError(f"{p}: cannot read ({exc.strerror or exc})") from None
    raise NotFoundError(f"{p}: no such file", str(p))


def load_path(
    path: str | os.PathLike[str], *, errors: Errors = "strict", max_bytes: int | None = MAX_BYTES
) -> Loaded:
    """Read and decode the file at *path*."""
    p = Path(path)
    if not p.exists():
        _missing(p)
    if not p.is_file():
        raise NotAFileError(f"{p}: not a regular file")
    size = p.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise too_large(str(p), max_bytes, size)
    try:
        with p.open("rb") as fh:
            raw = read_limited(fh, str(p), max_bytes)
    except OSError as exc:
        raise NotAFileError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    try:
        return load_bytes(raw, path=record_key(str(path)), errors=errors, max_bytes=max_bytes)
    except InputError as exc:
        raise type(exc)(f"{p}: {exc}") from None
