"""PDF files: the text layer, page by page, read with PDFium (pypdfium2).

The pages' texts are PDFium's lines, in the order the page draws its text (each
stripped of the spaces around it, a wide gap written as a tab: inputs.pdflines),
joined by form feeds, the page break every later stage already knows (text.fold
reads it as a line end, layout.furniture as a page edge).  Page furniture, wrapped
lines and tables are the layout stage's: what this module adds is where each page
starts in the joined text (``PdfText.pages``, ``Loaded.pages``, ``page_at``), so
that a node can name its page, and where its lines meet the margins
(``PdfText.margins``), so that the layout can join a paragraph's lines.

Refused, each with one clear error: a PDF with no text layer (a scan: OCR it
first), a text layer that is nonsense (fonts without a character map: judged
by the share of common characters, as encodings are in inputs.read), a PDF
that needs a password, and one PDFium cannot open.  Work is bounded by the
input limit (``max_bytes``) before PDFium reads anything it would have to
inflate (_check_streams) or expand (_check_forms: forms drawing forms), and
again on pages and text as they are read.  PDFium is not thread-safe: one lock
serialises every call into it.
"""

from __future__ import annotations

import base64
import binascii
import re
import threading
import zlib
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import (
    RAISE_LIMIT,
    EncryptedError,
    FormatError,
    GarbledTextError,
    MissingExtraError,
    NoTextLayerError,
    TooLargeError,
    size_limit,
)
from . import pdfforms
from .pdflines import Line, Margins, margins, page_lines

# inputs.read's common-character share: (common characters, characters counted) of a text.
Common = Callable[[str], tuple[int, int]]

INSTALL = "pip install 'policyparse[pdf]'"
# The streams PDFium inflates to read text (page contents, forms, fonts, object
# streams; not images) may come to this many times the input limit together.
# Government PDFs inflate 4 to 6 times in all (docs/inputs.md).
INFLATE_FACTOR = 8
# One page per this many bytes of the input limit: 16,384 pages at 32 MB.
BYTES_PER_PAGE = 2048
# One form drawn (by another form, inputs.pdfforms) per this many bytes of the input
# limit: 131,072 draws at 32 MB, about 200 MB in PDFium.
BYTES_PER_DRAW = 256
# A text layer is Chinese when more than half its characters counted are common
# ones, judged from this many characters on (inputs.read's thresholds for encodings).
_PLAUSIBLE = 0.5
_EVIDENCE = 20
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Page:
    """One page: its number (from 1) and where its text lies in the joined text."""

    number: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PdfText:
    """The pages' texts joined by form feeds, and where each page lies in it."""

    text: str
    pages: tuple[Page, ...]
    margins: Margins = field(default_factory=Margins)

    @property
    def starts(self) -> tuple[int, ...]:
        """Where each page starts in the text: ``Loaded.pages`` of a PDF."""
        return tuple(p.start for p in self.pages)

    def page_at(self, offset: int) -> int:
        """The number of the page the character at *offset* is on (see page_at)."""
        return page_at(self.starts, offset)


def page_at(starts: Sequence[int], offset: int) -> int:
    """The number (from 1) of the page the character at *offset* is on.

    *starts* are the pages' starts in the joined text (``Loaded.pages``).  The form
    feed after a page belongs to that page; an offset past the end is on the last.
    """
    return max(1, bisect_right(starts, offset))


# -- bounding the work before PDFium inflates anything ------------------------------

_STREAM = re.compile(rb">>\s{0,64}stream(?:\r\n|\n|\r)")
_OBJ = re.compile(rb"\d\s+\d+\s+obj\b")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]{0,512}\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_LOOKBACK = 4096
_CHUNK = 1 << 16
# Filters whose data decode only when a page is drawn, never to read its text.
_IMAGE_FILTERS = frozenset({b"DCTDecode", b"JPXDecode", b"JBIG2Decode", b"CCITTFaxDecode"})


def _stream_dict(raw: bytes, at: int) -> bytes:
    """The dictionary before the ``stream`` keyword at *at* (or the bytes before it)."""
    window = raw[max(0, at - _LOOKBACK) : at]
    starts = [m.end() for m in _OBJ.finditer(window)]
    return window[starts[-1] :] if starts else window


def _feed(zs: list[Any], k: int, data: bytes, budget: int) -> int:
    """Push *data* through decoder *k* and the ones after it: the bytes they all put out."""
    size = 0
    z = zs[k]
    while data and size <= budget and not z.eof:
        out = z.decompress(data, _CHUNK)
        size += len(out)
        if out and k + 1 < len(zs):
            size += _feed(zs, k + 1, out, budget - size)
        if not out and z.unconsumed_tail == data:
            break
        data = z.unconsumed_tail
    return size


def _inflated(raw: bytes, start: int, budget: int, depth: int = 1) -> int:
    """How many bytes the zlib data at *start* inflate to, through *depth* FlateDecode
    filters one after the other (each stage's output counted: PDFium holds each whole),
    counting up to *budget*.  The stages run chunk by chunk: nothing is kept."""
    zs = [zlib.decompressobj() for _ in range(depth)]
    size = 0
    pos = start
    try:
        while not zs[0].eof and pos < len(raw) and size <= budget:
            data = raw[pos : pos + _CHUNK]
            pos += len(data)
            size += _feed(zs, 0, data, budget - size)
    except zlib.error:
        pass  # damaged or encrypted data: PDFium stops there too (or decrypts: see docs)
    return size


def _lzw_size(data: bytes, budget: int) -> int:
    """The length of what LZW *data* decode to (PDF's LZWDecode, early change)."""
    lengths: list[int] = []
    size = 0
    width = 9
    prev = -1
    bits = nbits = 0
    for byte in data:
        bits = (bits << 8) | byte
        nbits += 8
        while nbits >= width:
            nbits -= width
            code = (bits >> nbits) & ((1 << width) - 1)
            if code == 256:  # clear table
                lengths = []
                width = 9
                prev = -1
                continue
            if code == 257:  # end of data
                return size
            index = code - 258
            if code < 256:
                length = 1
            elif index < len(lengths):
                length = lengths[index]
            elif index == len(lengths) and prev >= 0:
                length = (1 if prev < 256 else lengths[prev - 258]) + 1
            else:
                return size  # a bad code: decoders stop here
            if prev >= 0 and len(lengths) < 4096 - 258:
                lengths.append((1 if prev < 256 else lengths[prev - 258]) + 1)
            prev = code
            size += length
            if size > budget:
                return size
            width = min(12, (len(lengths) + 259).bit_length())
    return size


def _decoded_size(raw: bytes, start: int, filters: list[bytes], budget: int) -> int:
    """What the stream at *start* decodes to through *filters*, counted up to *budget*.

    Flate data are counted as they inflate, from the stream's start to zlib's end
    of data (not to the first ``endstream``, which compressed data may contain),
    through every FlateDecode of a chain (each stage's output counted).
    ASCII filters before it are undone first (they only shrink); LZW and
    run-length data are counted code by code.  Other filters are not counted.
    """
    if filters and filters[0] in (b"ASCIIHexDecode", b"ASCII85Decode"):
        body = _ascii_decoded(raw, start, filters[0])
        return 0 if body is None else _decoded_size(body, 0, filters[1:], budget)
    if not filters:
        return 0  # stored: within the file's size
    if filters[0] == b"FlateDecode":
        # [/FlateDecode/FlateDecode]: 2 KB may hold 1 GB; each stage is counted.
        depth = next((k for k, f in enumerate(filters) if f != b"FlateDecode"), len(filters))
        return _inflated(raw, start, budget, depth)
    end = raw.find(b"endstream", start)
    body = raw[start : end if end >= 0 else len(raw)]
    if filters[0] == b"LZWDecode":
        return _lzw_size(body, budget)
    if filters[0] == b"RunLengthDecode":
        return _run_length_size(body, budget)
    return 0


def _ascii_decoded(raw: bytes, start: int, kind: bytes) -> bytes | None:
    """The bytes an ASCII-hex or ASCII-85 stream holds (they only shrink); None if damaged."""
    end = raw.find(b">", start) if kind == b"ASCIIHexDecode" else raw.find(b"~>", start)
    body = raw[start : end if end >= 0 else len(raw)]
    try:
        if kind == b"ASCIIHexDecode":
            return binascii.unhexlify(re.sub(rb"\s", b"", body) + b"0" * (len(body) % 2))
        return base64.a85decode(re.sub(rb"\s", b"", body).removeprefix(b"<~") + b"~>", adobe=True)
    except ValueError:
        return None


def _run_length_size(body: bytes, budget: int) -> int:
    """What run-length data decode to, counted code by code up to *budget*."""
    size = i = 0
    while i < len(body) and body[i] != 128 and size <= budget:
        n = body[i]
        size += n + 1 if n < 128 else 257 - n
        i += n + 2 if n < 128 else 2
    return size


def _check_streams(raw: bytes, budget: int) -> None:
    """Refuse a PDF whose streams would inflate past *budget* bytes together.

    PDFium inflates a stream whole, in memory, without a limit of its own: 1 MB
    of deflated zeros becomes 1 GB.  Every stream PDFium may inflate to read the
    text is counted here first, without keeping what it inflates to.
    """
    total = 0
    for m in _STREAM.finditer(raw):
        head = _stream_dict(raw, m.start())
        if _IMAGE.search(head):
            continue
        f = _FILTER.search(head)
        filters = _NAME.findall(f.group(1)) if f else []
        if not filters or _IMAGE_FILTERS.intersection(filters):
            continue
        total += _decoded_size(raw, m.end(), filters, budget - total)
        if total > budget:
            raise TooLargeError(
                f"the PDF's streams inflate past {size_limit(budget)} "
                f"({INFLATE_FACTOR} times the {size_limit(budget // INFLATE_FACTOR)} limit): "
                f"refused as a decompression bomb ({RAISE_LIMIT})"
            )


def _check_forms(raw: bytes, max_bytes: int) -> None:
    """Refuse a PDF whose forms draw each other more often than the limit allows.

    PDFium expands every draw of a form as it loads a page, without a limit of its
    own: forms that each draw the next twice, 30 deep, run it out of memory.
    """
    allowed = max_bytes // BYTES_PER_DRAW
    count = pdfforms.draws(raw, INFLATE_FACTOR * max_bytes)
    if count > allowed:
        raise TooLargeError(
            f"the PDF's forms draw each other {count:,} times: over the {allowed:,} the "
            f"{size_limit(max_bytes)} limit allows (one per {BYTES_PER_DRAW} bytes): "
            f"refused as a form bomb ({RAISE_LIMIT})"
        )


# -- reading ---------------------------------------------------------------------------


def _pdfium() -> Any:
    try:
        import pypdfium2
    except ImportError:
        raise MissingExtraError(f"reading PDF files needs pypdfium2: {INSTALL}") from None
    return pypdfium2


def _open(pdfium: Any, raw: bytes) -> Any:
    import pypdfium2.raw as c

    try:
        return pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (c.FPDF_ERR_PASSWORD, c.FPDF_ERR_SECURITY):
            raise EncryptedError(
                "the PDF is encrypted with a password: decrypt it first "
                "(qpdf --decrypt --password=PASSWORD in.pdf out.pdf)"
            ) from None
        raise FormatError(
            f"a damaged PDF that PDFium cannot open ({exc}); "
            "`qpdf in.pdf out.pdf` may repair it, or fetch the file again"
        ) from None


def _page_lines(pdf: Any, pdfium: Any, max_bytes: int | None) -> Iterator[list[Line]]:
    """Each page's lines (pdflines), within *max_bytes* of text."""
    size = 0
    for i in range(len(pdf)):
        try:
            page = pdf[i]
            textpage = page.get_textpage()
        except pdfium.PdfiumError as exc:
            raise FormatError(f"a damaged PDF: page {i + 1} cannot be read ({exc})") from None
        try:
            text: str = textpage.get_text_range()
            size += len(text.encode("utf-8", "surrogatepass"))
            if max_bytes is not None and size > max_bytes:
                raise TooLargeError(
                    f"the text of the PDF passes the {size_limit(max_bytes)} limit "
                    f"at page {i + 1} ({RAISE_LIMIT})"
                )
            lines = page_lines(textpage, text)
        finally:
            textpage.close()
            page.close()
        yield lines


def _judge(texts: list[str], common: Common | None) -> None:
    """Refuse pages without text, or whose text is not Chinese (see module doc)."""
    if not any(t.strip() for t in texts):
        pages = f"{len(texts)} page{'s' if len(texts) != 1 else ''}"
        raise NoTextLayerError(
            f"no text layer in the PDF ({pages} of images, a scan?): "
            "add one with OCR first, e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`"
        )
    if common is None:
        return
    hits = counted = 0
    for text in texts:
        h, c = common(text)
        hits += h
        counted += c
    if counted >= _EVIDENCE and hits <= _PLAUSIBLE * counted:
        raise GarbledTextError(
            f"the PDF's text layer does not decode to Chinese text ({hits} of {counted} "
            "characters are common ones; fonts without a character map?): OCR the pages, "
            "e.g. `ocrmypdf --force-ocr -l chi_sim in.pdf out.pdf`, or find the plan as a web page"
        )


def extract(raw: bytes, max_bytes: int | None, common: Common | None = None) -> PdfText:
    """The text layer of the PDF *raw*, page by page (see module doc).

    *common* is inputs.read's common-character count; without it a text layer is
    not judged for nonsense.
    """
    pdfium = _pdfium()
    if max_bytes is not None:
        _check_streams(raw, INFLATE_FACTOR * max_bytes)
        _check_forms(raw, max_bytes)
    with _LOCK:
        pdf = _open(pdfium, raw)
        try:
            count = len(pdf)
            if max_bytes is not None and count > max_bytes // BYTES_PER_PAGE:
                raise TooLargeError(
                    f"the PDF has {count:,} pages: over the {max_bytes // BYTES_PER_PAGE:,} "
                    f"the {size_limit(max_bytes)} limit allows (one per "
                    f"{BYTES_PER_PAGE // 1024} KB; {RAISE_LIMIT})"
                )
            lines = list(_page_lines(pdf, pdfium, max_bytes))
        finally:
            pdf.close()
    texts = ["\n".join(ln.text for ln in page) for page in lines]
    _judge(texts, common)
    pages = []
    start = 0
    for number, text in enumerate(texts, 1):
        pages.append(Page(number, start, start + len(text)))
        start += len(text) + 1  # the form feed
    edges = margins(lines, [p.start for p in pages])
    return PdfText("\f".join(texts), tuple(pages), edges)
