"""Word 97-2003 files (.doc), and .wps files, which WPS Office writes the same way.

The file is an OLE compound file (read with olefile) whose ``WordDocument``
stream holds the text and whose table stream (``0Table`` or ``1Table``) holds
the piece table: the runs of characters that make up the document, each 8-bit
("compressed", cp1252) or UTF-16.  Only the main document is read (the first
``ccpText`` characters), as the .docx reader reads only the body.

The text comes out as the .docx reader gives it: a line per paragraph, a line
per table cell (a cell's paragraphs joined), lines stripped of spaces, empty
ones dropped.  Which paragraph marks end a cell, and which end a table row, is
read from the paragraphs' properties (the FKPs of PlcBtePapx: sprmPFInTable,
sprmPFTtp).  Fields keep their result and drop their instructions (a
``PAGE`` field prints its number, a hyperlink its text); pictures, drawn
objects and note references are dropped.  Numbering Word draws itself is not
rendered (the shared .doc and .wps files type their numbers).
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from ..errors import (
    RAISE_LIMIT,
    BinaryInputError,
    EncryptedError,
    FormatError,
    MissingExtraError,
    TooLargeError,
    size_limit,
)

INSTALL = "pip install 'policyparse[pdf]'"
CONVERT = "soffice --headless --convert-to docx FILE"
_WORD97 = 0x00C1  # nFib of Word 97 and later; Word 6 and 95 keep text another way
_F_WHICH_TABLE = 0x0200
_F_ENCRYPTED = 0x0100
# Pairs (fc, lcb) of FibRgFcLcb97, by index.
_CLX = 33
_BTE_PAPX = 13
_SPRM_IN_TABLE = 0x2416
_SPRM_TTP = 0x2417
_SPRM_INNER_TTP = 0x244C
_SPRM_ITAP = 0x6649
# Characters with a meaning of their own in Word's text stream.
_PARA, _CELL, _LINE, _PAGE, _COLUMN = "\r", "\x07", "\x0b", "\x0c", "\x0e"
_FIELD_BEGIN, _FIELD_SEP, _FIELD_END = "\x13", "\x14", "\x15"
_KEEP = {"\t": "\t", "\x1e": "-", "\xa0": "\xa0"}  # tab, non-breaking hyphen, NBSP


class _Damaged(Exception):
    """A structure of the file points outside it, or holds an impossible value."""


@dataclass(frozen=True, slots=True)
class _Piece:
    cp_start: int
    cp_end: int
    fc: int  # byte offset in WordDocument of the piece's first character
    compressed: bool


def _u16(data: bytes, at: int) -> int:
    if at < 0 or at + 2 > len(data):
        raise _Damaged(f"a 2-byte value at {at} lies outside a {len(data)}-byte stream")
    return int(struct.unpack_from("<H", data, at)[0])


def _u32(data: bytes, at: int) -> int:
    if at < 0 or at + 4 > len(data):
        raise _Damaged(f"a 4-byte value at {at} lies outside a {len(data)}-byte stream")
    return int(struct.unpack_from("<I", data, at)[0])


def _pieces(table: bytes, fc_clx: int, lcb_clx: int) -> list[_Piece]:
    """The piece table (PlcPcd) from the Clx at *fc_clx* of the table stream."""
    pos, end = fc_clx, fc_clx + lcb_clx
    if end > len(table):
        raise _Damaged("the piece table lies past the end of the table stream")
    while pos < end and table[pos] == 0x01:  # Prc: formatting, skipped
        pos += 3 + _u16(table, pos + 1)
    if pos >= end or table[pos] != 0x02:
        raise _Damaged("no piece table (Pcdt) in the Clx")
    lcb = _u32(table, pos + 1)
    pos += 5
    if lcb < 4 or (lcb - 4) % 12 or pos + lcb > len(table):
        raise _Damaged(f"a piece table of {lcb} bytes")
    n = (lcb - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", table, pos)
    pieces = []
    for i in range(n):
        raw_fc = _u32(table, pos + 4 * (n + 1) + 8 * i + 2)
        compressed = bool(raw_fc & 0x40000000)
        fc = raw_fc & 0x3FFFFFFF
        if cps[i + 1] < cps[i]:
            raise _Damaged("piece table positions go backwards")
        pieces.append(_Piece(cps[i], cps[i + 1], fc // 2 if compressed else fc, compressed))
    return pieces


def _sprms(grpprl: bytes) -> dict[int, int]:
    """The paragraph sprms of *grpprl* that the reader needs, with their operands."""
    out: dict[int, int] = {}
    pos = 0
    while pos + 2 <= len(grpprl):
        sprm = _u16(grpprl, pos)
        pos += 2
        spra = sprm >> 13
        if spra in (0, 1):
            size = 1
        elif spra in (2, 4, 5):
            size = 2
        elif spra == 3:
            size = 4
        elif spra == 7:
            size = 3
        else:  # variable: a size byte (two for sprmPChgTabs and sprmTDefTable)
            if pos >= len(grpprl):
                break
            size = (_u16(grpprl, pos) if sprm == 0xD608 else grpprl[pos]) + 1
        if sprm in (_SPRM_IN_TABLE, _SPRM_TTP, _SPRM_INNER_TTP, _SPRM_ITAP):
            operand = grpprl[pos : pos + size]
            out[sprm] = int.from_bytes(operand, "little") if operand else 0
        pos += size
    return out


def _paragraph_props(word: bytes, table: bytes, fc: int, lcb: int) -> tuple[list[int], list[int]]:
    """Where table paragraphs end: (FC starts, flags), flags 1 = in a table, 2 = row end.

    Read from the formatted disk pages (FKPs) PlcBtePapx points to; the flags of
    the paragraph whose mark is at file offset f are flags[bisect(starts, f) - 1].
    """
    if lcb < 4 or (lcb - 4) % 8 or fc + lcb > len(table):
        return [], []
    n = (lcb - 4) // 8
    starts: list[int] = []
    flags: list[int] = []
    for i in range(n):
        pn = _u32(table, fc + 4 * (n + 1) + 4 * i) & 0x3FFFFF
        page = word[pn * 512 : pn * 512 + 512]
        if len(page) < 512:
            raise _Damaged(f"a paragraph property page ({pn}) lies outside the document")
        crun = page[511]
        for j in range(crun):
            b_offset = page[4 * (crun + 1) + 13 * j] * 2
            props: dict[int, int] = {}
            if b_offset:
                cb = page[b_offset]
                if cb:
                    grpprl = page[b_offset + 1 + 2 : b_offset + 2 * cb]
                else:
                    cb = page[b_offset + 1]
                    grpprl = page[b_offset + 2 + 2 : b_offset + 2 + 2 * cb]
                props = _sprms(grpprl)  # after the 2-byte istd
            flag = 0
            if props.get(_SPRM_IN_TABLE) or props.get(_SPRM_ITAP, 0) > 0:
                flag |= 1
            if props.get(_SPRM_TTP) or props.get(_SPRM_INNER_TTP):
                flag |= 2
            starts.append(_u32(page, 4 * j))
            flags.append(flag)
    order = sorted(range(len(starts)), key=starts.__getitem__)
    return [starts[k] for k in order], [flags[k] for k in order]


def _main_text(
    word: bytes, pieces: list[_Piece], ccp: int, max_bytes: int | None
) -> list[tuple[str, int, int]]:
    """The main document's characters: (text, first FC, bytes per character) per piece."""
    out: list[tuple[str, int, int]] = []
    size = 0
    for p in pieces:
        if p.cp_start >= ccp:
            break
        n = min(p.cp_end, ccp) - p.cp_start
        width = 1 if p.compressed else 2
        data = word[p.fc : p.fc + n * width]
        if len(data) < n * width:
            raise _Damaged("a piece of text lies past the end of the WordDocument stream")
        text = data.decode("cp1252" if p.compressed else "utf-16-le", "replace")
        size += n * 3  # at most this many UTF-8 bytes
        if max_bytes is not None and size > max_bytes:
            raise TooLargeError(
                f"the text of the Word file passes the {size_limit(max_bytes)} limit "
                f"({RAISE_LIMIT})"
            )
        out.append((text, p.fc, width))
    return out


class _Lines:
    """Word's text stream read into lines: paragraphs, table cells, the results of fields."""

    def __init__(self, starts: list[int], flags: list[int]) -> None:
        self.starts, self.flags = starts, flags
        self.lines: list[str] = []
        self.line: list[str] = []
        self.cell: list[str] = []  # the paragraphs of the open table cell
        self.depth = 0  # open fields
        self.shown = [True]  # per open field: is its result (after the separator) being read?

    def flag_at(self, fc: int) -> int:
        i = bisect_right(self.starts, fc) - 1
        return self.flags[i] if i >= 0 else 0

    def field(self, ch: str) -> bool:
        """A field mark: its code is left out, its result kept; whether *ch* was one."""
        if ch == _FIELD_BEGIN:
            self.depth += 1
            self.shown.append(False)
            return True
        if ch == _FIELD_SEP and self.depth:
            self.shown[-1] = all(self.shown[:-1])  # shows if every field around it does
            return True
        if ch == _FIELD_END and self.depth:
            self.depth -= 1
            self.shown.pop()
            return True
        return False

    def paragraph_end(self, ch: str, flag: int) -> None:
        """A paragraph or cell mark: the line ends, as a paragraph or inside a table cell."""
        para = "".join(self.line)
        self.line = []
        if ch == _CELL or flag & 1:
            if flag & 2:  # a row's end mark: no text of its own
                return
            self.cell.append(para)
            if ch == _CELL:
                self.lines.append("".join(self.cell))
                self.cell = []
            return
        if self.cell:  # a table ended inside a cell: keep what it held
            self.lines.append("".join(self.cell))
            self.cell = []
        self.lines.append(para)

    def char(self, ch: str, fc: int) -> None:
        if self.field(ch):
            return
        if ch in (_PARA, _CELL):
            self.paragraph_end(ch, self.flag_at(fc))
        elif not self.shown[-1]:
            return
        elif ch in (_LINE, _PAGE, _COLUMN):
            self.lines.append("".join(self.line))
            self.line = []
        elif ch in _KEEP:
            self.line.append(_KEEP[ch])
        elif ch >= " ":
            self.line.append(ch)


def _lines(runs: list[tuple[str, int, int]], starts: list[int], flags: list[int]) -> list[str]:
    """Word's text stream to lines: paragraphs, table cells, fields (see module doc)."""
    reader = _Lines(starts, flags)
    for text, fc0, width in runs:
        for k, ch in enumerate(text):
            reader.char(ch, fc0 + k * width)
    if reader.cell or reader.line:
        reader.lines.append("".join(reader.cell) + "".join(reader.line))
    return [s for s in (x.strip(" ") for x in reader.lines) if s]


def _olefile() -> Any:
    try:
        import olefile
    except ImportError:
        raise MissingExtraError(f"reading .doc and .wps files needs olefile: {INSTALL}") from None
    return olefile


def extract(raw: bytes, max_bytes: int | None = None) -> str:
    """The text of a .doc or .wps file, a paragraph or table cell per line."""
    olefile = _olefile()
    try:
        ole = olefile.OleFileIO(raw)
    except Exception as exc:  # olefile raises OSError and its own errors on damage
        raise FormatError(f"not a readable OLE compound file ({exc}); try `{CONVERT}`") from None
    try:
        if not ole.exists("WordDocument"):
            raise BinaryInputError(
                "an OLE compound file, but not a Word document (an Excel or PowerPoint file?)"
            )
        try:
            word: bytes = ole.openstream("WordDocument").read()
            if _u16(word, 0) != 0xA5EC:
                raise _Damaged("no Word signature (0xA5EC) at the start of WordDocument")
            nfib, flags = _u16(word, 2), _u16(word, 10)
            if flags & _F_ENCRYPTED:
                raise EncryptedError(
                    "the Word file is encrypted with a password: open it in Word or WPS "
                    f"and save it without one (then `{CONVERT}` also works)"
                )
            if nfib < _WORD97:
                raise FormatError(
                    f"a Word 6 or Word 95 file (nFib {nfib:#x}), which keeps its text another "
                    f"way: convert it with `{CONVERT}`"
                )
            name = "1Table" if flags & _F_WHICH_TABLE else "0Table"
            if not ole.exists(name):
                raise _Damaged(f"no {name} stream")
            table: bytes = ole.openstream(name).read()
            lw = 36 + 2 * _u16(word, 32)  # FibBase, csw, fibRgW: then cslw, fibRgLw
            ccp = _u32(word, lw + 12)  # fibRgLw.ccpText
            fclcb = lw + 4 * _u16(word, lw - 2) + 2  # after cbRgFcLcb
            clx, bte = fclcb + 8 * _CLX, fclcb + 8 * _BTE_PAPX
            pieces = _pieces(table, _u32(word, clx), _u32(word, clx + 4))
            starts, marks = _paragraph_props(word, table, _u32(word, bte), _u32(word, bte + 4))
            runs = _main_text(word, pieces, ccp, max_bytes)
        except (_Damaged, OSError, struct.error, IndexError, ValueError) as exc:
            raise FormatError(f"a damaged Word file ({exc}); try `{CONVERT}`") from None
    finally:
        ole.close()
    return "\n".join(_lines(runs, starts, marks))
