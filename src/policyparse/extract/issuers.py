"""Every body that issues a document, in order: the co-issuers of a joint notice.

``Document.issuer`` is one string (today's); ``Document.issuers`` lists each
issuing body once, as a co-issuance network needs it.  They are read from:

- the signature block: the short lines of body names right above the date line,
  as many as there are (nine ministries sign nine lines), a seal note
  (（某局代章）) between them and the date passed over;
- the title: the names before 关于 (or 印发), separated by spaces or 、, with a
  trailing 等四部门 taken off (某局等四部门关于…); or, in a title that has no such
  word, two places printed at its head (广州开发区 广州市黄埔区促进…);
- the portal's source line or the page's metadata, when nothing else names one.

The signature's order wins; a body the title names and the signature does not
(the signature cut off) follows.  Canonical names are given later, with the
units' (extract.stages.name_units).
"""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..layout.blocks import SHORT_LINE, Block
from ..layout.furniture import Piece

Found = tuple[str, int, int]  # name as printed, its span in the source

_MAX_SIGNERS = 12  # lines of a signature block read above its date
_NAME = r"[\u4e00-\u9fff“”\"()（）]{2,60}"


@cache
def _title_end() -> re.Pattern[str]:
    """关于 or 印发: the word that ends the issuers at the head of a title."""
    ends = lexicon.column("extract/title_words", role="issuer_end")
    ends += lexicon.column("extract/title_words", role="issued_end")
    forward = lexicon.alternation(lexicon.column("extract/title_words", role="forward"))
    return re.compile(f"(?P<forward>{forward})|{lexicon.alternation(ends)}")


@cache
def _joint_count() -> re.Pattern[str]:
    """等四部门 after the first issuer of a title: the others are in the signature."""
    joint = lexicon.alternation(lexicon.column("extract/title_words", role="joint"))
    words = lexicon.alternation(lexicon.column("extract/title_words", role="joint_count"))
    return re.compile(rf"{joint}[一二三四五六七八九十\d]{{1,3}}{words}$")


@cache
def _seal() -> re.Pattern[str]:
    """（某局代章）: the body whose seal stands in, under a signature; not an issuer."""
    words = lexicon.alternation(lexicon.column("extract/title_words", role="seal"))
    return re.compile(rf"[(（][^()（）]{{2,40}}{words}[)）]")


@cache
def _place() -> re.Pattern[str]:
    """A place at the head of a title: 广州开发区, 广州市黄埔区 (its endings from the lexicon)."""
    ending = lexicon.alternation(lexicon.column("extract/place_levels", kind="place"))
    return re.compile(rf"(?:[\u4e00-\u9fff]{{1,6}}?{ending}){{1,3}}")


def _suffixes() -> tuple[str, ...]:
    return tuple(lexicon.column("layout/signer_suffixes"))


def _signer_line(text: str) -> bool:
    """A short line of body names only: 国务院办公厅, or 海关总署 国家移民局 民航局.

    Names may hold quotes and brackets (某“三地一区”建设领导小组办公室), which the
    layout's signature lines do not take.
    """
    parts = text.split()
    return (
        len(text) <= SHORT_LINE
        and bool(parts)
        and all(re.fullmatch(_NAME, p) and p.endswith(_suffixes()) for p in parts)
    )


def _names(text: str, offset: int) -> list[Found]:
    """The names of *text* separated by spaces or 、, with their spans."""
    return [(m.group(), offset + m.start(), offset + m.end()) for m in re.finditer(_NAME, text)]


def forwards(source: str, span: tuple[int, int] | None) -> bool:
    """Whether the title is a notice forwarding another body's document (某办公厅转发…)."""
    end = _title_end().search(source, *span) if span else None
    return end is not None and end.group("forward") is not None


def from_title(source: str, span: tuple[int, int] | None) -> list[Found]:
    """The issuers a title names before 关于, 印发 or 转发, or the two places at its head."""
    if span is None:
        return []
    a, b = span
    text = source[a:b]
    end = _title_end().search(text)
    if end is None:
        return _places(text, a)
    names = _names(text[: end.start()], a)
    if names:
        name, start, _ = names[-1]
        count = _joint_count().search(name)
        if count:  # 某局等四部门: the first issuer; the others sign
            names[-1] = (name[: count.start()], start, start + count.start())
    if not names or not all(n[0].endswith(_suffixes()) for n in names):
        return []
    return names


def _places(text: str, offset: int) -> list[Found]:
    """广州开发区 广州市黄埔区促进…: two governments issuing by their places' names."""
    parts = text.split(maxsplit=1)
    if len(parts) < 2 or not _place().fullmatch(parts[0]):
        return []
    head = _place().match(parts[1])
    if head is None or head.end() < 3:
        return []
    second = text.index(parts[1])
    return [
        (parts[0], offset, offset + len(parts[0])),
        (head.group(), offset + second, offset + second + head.end()),
    ]


def from_signature(source: str, folded: str, blocks: list[Block]) -> list[Found]:
    """The body names on the lines right above the first date that has any, in order."""
    for i, b in enumerate(blocks):
        if b.role != "date":
            continue
        j = i - 1
        if j >= 0 and _seal().fullmatch(folded[blocks[j].start : blocks[j].end].strip()):
            j -= 1  # （某局代章）
        lines: list[Block] = []
        while j >= 0 and i - j <= _MAX_SIGNERS and blocks[j].role in (None, "signature"):
            if not _signer_line(folded[blocks[j].start : blocks[j].end]):
                break
            lines.append(blocks[j])
            j -= 1
        if lines:
            lines.reverse()
            return [n for line in lines for n in _names(source[line.start : line.end], line.start)]
    return []


def from_portal(folded: str, pieces: list[Piece], issuer: str | None) -> list[Found]:
    """The portal's source line's issuer (来源：某办公厅), where it prints one."""
    if not issuer:
        return []
    for p in pieces:
        if p.kind == "source_line":
            at = folded.find(issuer, p.start, p.end)
            if at >= 0:
                return [(issuer, at, at + len(issuer))]
    return []


def _same(a: str, b: str) -> bool:
    """One body printed two ways: 市工业和信息化局 and 深圳市工业和信息化局, 中国民航局, 民航局."""
    return a.endswith(b) or b.endswith(a)


def merge(signed: list[Found], titled: list[Found], other: list[Found]) -> list[Found]:
    """The signature's names, then the title's it lacks; else the source line's."""
    out = list(signed)
    for name in titled:
        if not any(_same(name[0], o[0]) for o in out):
            out.append(name)
    return out or other
