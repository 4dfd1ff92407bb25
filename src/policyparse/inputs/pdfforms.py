"""How often a PDF's forms draw each other, counted before PDFium expands them.

A form XObject may draw other forms (``/X1 Do``), and those others: PDFium expands
every draw as it loads a page, with no limit of its own.  A form that draws the
one below it twice, thirty levels deep, is 2^30 draws from a file of 3 KB, and
PDFium runs until the memory is gone.  This module reads the forms' contents and
resources from the raw file (object streams included, inflated within a budget),
and counts the draws each form sets off: ``draws`` is the most any one form does.
A form whose resources cannot be found is taken to draw nothing more (its ``Do``
may name an image); a form that draws itself (a cycle) PDFium stops, and so does
the count.
"""

from __future__ import annotations

import re
import zlib

_OBJ = re.compile(rb"(?<![\d])(\d{1,10})\s+\d{1,5}\s+obj\b")
_STREAM_AT = re.compile(rb">>\s{0,64}stream(?:\r\n|\n|\r)")
_LOOKBACK = 4096
_FORM = re.compile(rb"/Subtype\s*/Form\b")
_OBJSTM = re.compile(rb"/Type\s*/ObjStm\b")
_FLATE = re.compile(rb"/Filter\s*(?:\[\s*)?/FlateDecode\s*\]?(?=[\s/>])")
_FILTER = re.compile(rb"/Filter\b")
_FLATES = re.compile(rb"/FlateDecode\b")
_DO = re.compile(rb"/([^\s/\[\]<>(){}%]+)\s*Do\b")
_NAME_REF = re.compile(rb"/([^\s/\[\]<>(){}%]+)\s*(\d{1,10})\s+\d{1,5}\s+R")
_RESOURCES = re.compile(rb"/Resources\s*(?:(\d{1,10})\s+\d{1,5}\s+R|<<)")
_XOBJECT = re.compile(rb"/XObject\s*(?:(\d{1,10})\s+\d{1,5}\s+R|<<)")
_INTS = re.compile(rb"\d+")
_FIRST = re.compile(rb"/First\s+(\d+)")
_DICT_MAX = 65536  # a dictionary is read this far at most
_DEPTH = 64  # PDFium stops nesting forms well before this
_STREAM_MAX = 16 << 20  # a form's content or an object stream is read this far at most


def _inflate(data: bytes, budget: int) -> bytes:
    """zlib *data* inflated, at most *budget* bytes (damaged data: what inflated)."""
    z = zlib.decompressobj()
    try:
        return z.decompress(data, budget)
    except zlib.error:
        return b""


class _Objects:
    """The raw file's stream objects, and any object's text when asked for (a few are)."""

    def __init__(self, raw: bytes, budget: int) -> None:
        self.raw = raw
        self.budget = budget
        self.packed: dict[int, bytes] = {}  # objects of object streams
        self.streams: dict[int, tuple[bytes, int]] = {}  # stream objects: dictionary, data start
        for m in _STREAM_AT.finditer(raw):
            window = raw[max(0, m.start() - _LOOKBACK) : m.start() + 2]  # with its ">>"
            heads = list(_OBJ.finditer(window))
            if heads:
                self.streams[int(heads[-1].group(1))] = (window[heads[-1].end() :], m.end())
        for head, start in list(self.streams.values()):
            if _OBJSTM.search(head):
                self._unpack(head, self._data(start))

    def text(self, num: int) -> bytes:
        """An object's text up to its end (at most _DICT_MAX bytes)."""
        if num in self.packed:
            return self.packed[num]
        heads = list(re.finditer(rb"(?<!\d)%d\s+\d{1,5}\s+obj\b" % num, self.raw))
        if not heads:
            return b""
        at = heads[-1].end()  # the last one wins (an update appended to the file)
        end = self.raw.find(b"endobj", at, at + _DICT_MAX)
        return self.raw[at : end if end >= 0 else at + _DICT_MAX]

    def _data(self, start: int) -> bytes:
        end = self.raw.find(b"endstream", start)
        return self.raw[start : end if end >= 0 else len(self.raw)]

    def content(self, num: int) -> tuple[bytes, bytes]:
        """A stream object's dictionary and its data, decoded (b"" if not a stream)."""
        if num not in self.streams:
            return b"", b""
        head, start = self.streams[num]
        return head, self.decoded(head, self._data(start))

    def decoded(self, head: bytes, data: bytes) -> bytes:
        """A stream's data, inflated if deflated, within the budget; b"" for other filters."""
        if _FLATE.search(head):
            out = data
            for _ in range(max(1, len(_FLATES.findall(head)))):  # a chain: each in turn
                out = _inflate(out, min(self.budget, _STREAM_MAX))
        elif _FILTER.search(head):
            return b""
        else:
            out = data
        self.budget = max(0, self.budget - len(out))
        return out

    def _unpack(self, head: bytes, data: bytes) -> None:
        body = self.decoded(head, data)
        first = _FIRST.search(head)
        if not first:
            return
        off = int(first.group(1))
        ints = [int(x) for x in _INTS.findall(body[:off])]
        pairs = list(zip(ints[0::2], ints[1::2], strict=False))
        for k, (num, rel) in enumerate(pairs):
            end = off + pairs[k + 1][1] if k + 1 < len(pairs) else len(body)
            self.packed.setdefault(num, body[off + rel : min(end, off + rel + _DICT_MAX)])


def _subdict(objs: _Objects, text: bytes, pattern: re.Pattern[bytes]) -> bytes:
    """The dictionary *pattern* opens in *text*: inline (to the first >>) or referenced."""
    m = pattern.search(text)
    if m is None:
        return b""
    if m.group(1) is not None:
        return objs.text(int(m.group(1)))
    return text[m.end() : m.end() + _DICT_MAX]


def _calls(objs: _Objects, num: int) -> list[tuple[int, int]]:
    """(times, object) for every XObject a form draws, from its content and resources."""
    head, data = objs.content(num)
    counts: dict[bytes, int] = {}
    for name in _DO.findall(data):
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return []
    xobjects = _subdict(objs, _subdict(objs, head, _RESOURCES), _XOBJECT)
    end = xobjects.find(b">>")
    names = dict(_NAME_REF.findall(xobjects[: end if end >= 0 else len(xobjects)]))
    return [(n, int(names[name])) for name, n in counts.items() if name in names]


def draws(raw: bytes, budget: int) -> int:
    """The most draws any one form of the PDF *raw* sets off (itself included; 0: none).

    *budget*: the bytes the scan may inflate, all streams together.
    """
    if b"/Form" not in raw:
        return 0
    objs = _Objects(raw, budget)
    forms = {num for num, (head, _) in objs.streams.items() if _FORM.search(head)}
    memo: dict[int, int] = {}
    chain: set[int] = set()

    def count(num: int) -> int:
        if num in memo:
            return memo[num]
        if num in chain or len(chain) > _DEPTH:
            return 0  # a form drawing itself: PDFium stops there too
        chain.add(num)
        total = 1 + sum(n * count(t) for n, t in _calls(objs, num) if t in forms)
        chain.discard(num)
        memo[num] = total
        return total

    return max((count(num) for num in forms), default=0)
