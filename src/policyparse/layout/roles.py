"""Blocks that play a fixed part in a notice: 文号, signature, date, notes, 附件 lines."""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..inputs.columns import serial_label
from ..text.dates import is_date_line
from ..text.fold import compact
from ..vocab import BlockRole
from .blocks import SHORT_LINE, Block
from .captions import is_unit_line
from .markers import match_marker

DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,15}\s{0,2}[〔\[(【](?:19|20)\d{2}[〕\])】]\s{0,2}\d{1,5}\s{0,2}号"
)
_NOTE = re.compile(r"\((?P<w>[\u4e00-\u9fff]{2})[^()\n]{0,20}\)")
_LIST_CONTINUATION = re.compile(r"\d{1,2}\s{0,2}[.、]")
_SENTENCE_PUNCT = re.compile(r"[，。；：,;:！？!?]")
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff()（）]{2,40}")
# Entities a page printed literally (&sp;, &nbsp;): layout noise on a signature line.
_STRAY_ENTITY = re.compile(r"&[a-zA-Z]{2,8};")


def _note_openings() -> frozenset[str]:
    return lexicon.words("layout/note_openings")


@cache
def _attachment() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """附件2 (or 附件1—2, or 附件2. with its stop and the title on the next line) alone on
    its line; 附件：1.… (a list of them); 附件1：标题, 附件：标题 (one annex, titled)."""
    word = lexicon.alternation(lexicon.column("layout/attachment_words"))
    number = r"\d{1,2}(?:[.．]\d{1,2}(?=[:：]|$))?|[一二三四五六七八九十]{1,3}"  # 附件1.1：
    joins = lexicon.alternation(lexicon.column("layout/range_joins"))
    marker = re.compile(rf"{word}(?:(?P<n>{number})(?:(?:{joins})(?:{number}))?[.、:]?)?")
    listing = re.compile(rf"{word}\d{{0,2}}:")
    # The title opens with no figure (附件：1.… lists annexes), unless a year: 2026年…; nor
    # with a word that makes the line a sentence about the annex (附件1中需要提供…).
    mentions = lexicon.alternation(lexicon.column("layout/annex_mentions"))
    titled = re.compile(
        rf"{word}(?:(?P<n>\d{{1,2}})(?::|(?!{mentions}))|:)"
        rf"(?P<title>(?:(?:19|20)\d\d年|[^\d.、:]).{{0,59}})"
    )
    return marker, listing, titled


_LOOK = 4  # a list of attachments stands this many lines above the signature at most


def _annex_follows(folded: str, blocks: list[Block], i: int) -> bool:
    """The annex an unnumbered 附件：标题 names is printed right below it: its table's
    serial label (序号, 项目序号) or its first numbered heading opens the next line.
    A closing line, or a label after it (政策解读：…), names an annex not printed."""
    if i + 1 >= len(blocks):
        return False
    nxt = blocks[i + 1]
    head = compact(folded[nxt.start : nxt.end])
    return serial_label(head) or match_marker(folded, nxt.start, nxt.end) is not None


def _title_over_table(
    folded: str, blocks: list[Block], i: int, tables: frozenset[int]
) -> str | None:
    """The line after block *i* when it reads as a title (no sentence, no list item) and a
    table read starts right below it: 附件：某某清单 / 某某清单 / 序号 / … (the annex's
    title printed again as the caption), 附件： / 某某重点任务清单 / 类别 / …, a line naming
    the unit of its figures between (附件1： / 某某目标任务分解表 / 金额单位：万美元 / …);
    else None."""
    k = i + 2
    if k + 1 < len(blocks) and is_unit_line(folded, blocks[k]):
        k += 1
    if k >= len(blocks) or blocks[k].start not in tables:
        return None
    title = compact(folded[blocks[i + 1].start : blocks[i + 1].end])
    if _SENTENCE_PUNCT.search(title) or _LIST_CONTINUATION.match(title):
        return None
    return title


def _titled_marker(
    folded: str, blocks: list[Block], i: int, squeezed: str, tables: frozenset[int]
) -> bool:
    """附件1：某某行动计划 (or 附件1 某某行动计划, or 附件：某某分解表 with no number) opens an
    attachment with its title.

    Not when it is one line of the covering notice's list: another 附件 line follows,
    or the signature or date stands within a few lines below it.  Where the annex's
    table (序号) or first heading follows at once, it opens whatever lines come after:
    附件：某某计划 / 序号 / 项目名称 / 牵头单位 / … / 区绿容局 (a unit cell, no signature).
    """
    m = _attachment()[2].fullmatch(squeezed)
    if m is None or _SENTENCE_PUNCT.search(m.group("title")):
        return False
    if _annex_follows(folded, blocks, i) or _title_over_table(folded, blocks, i, tables):
        return True  # its table's 序号 or first heading next: the bodies below are cells
    if m.group("n") is None:
        return False  # 附件：某某清单 naming an annex not printed below it
    for b in blocks[i + 1 : i + 1 + _LOOK]:
        line = folded[b.start : b.end]
        if is_date_line(line) or _is_signer_line(line):
            return False
    if i + 1 < len(blocks):
        after = compact(folded[blocks[i + 1].start : blocks[i + 1].end])
        if _attachment()[1].match(after) or _attachment()[2].fullmatch(after):
            return False
    return True


def _bare_marker(folded: str, blocks: list[Block], i: int, tables: frozenset[int]) -> bool:
    """附件： alone on its line, the annex's title on the next and a table read right below
    the title (附件： / 某某重点任务清单 / 类别 / 项目 / …): the annex itself opens here, not a
    list of annexes (附件： / 1.某某方案 / 2.…, whose second line is no title)."""
    title = _title_over_table(folded, blocks, i, tables)
    if title is None:
        return False
    return not (_attachment()[1].match(title) or _attachment()[0].fullmatch(title))


# A document's title in 《》, as a notice quotes what it issues (structure.parts too).
QUOTED_TITLE = re.compile(r"《(?P<name>[^《》\n]{2,80})》")
_NOTICE_LINES = 6  # the notice's title stands among the first lines


def _wrapped_plan(folded: str, blocks: list[Block], i: int, squeezed: str) -> bool:
    """附件 with no number right after the notice's date, above the title of the document
    the notice issues (印发《2026年某区某某实施方案》的通知 … 2026年2月12日 / 附件 /
    2026年某区某某实施方案 / 一、…): the plan the notice wraps, whose nodes stay at the top
    (tests/ORACLES.md), not an annex of it.  Roles are assigned in order: the date's role
    is known when 附件 is read."""
    m = _attachment()[0].fullmatch(squeezed)
    if m is None or m.group("n") is not None or not 0 < i < len(blocks) - 1:
        return False
    if blocks[i - 1].role not in ("date", "signature"):
        return False  # right after the notice's signature and date, nothing between
    quoted = {
        compact(q.group("name"))
        for b in blocks[: min(i, _NOTICE_LINES)]
        for q in QUOTED_TITLE.finditer(folded, b.start, b.end)
    }
    return compact(folded[blocks[i + 1].start : blocks[i + 1].end]) in quoted


def opens_attachment(squeezed: str) -> bool:
    """附件2, 附件2：标题 alone on a line (whitespace removed): a line that opens an annex.

    The table readers run before roles are assigned; a table ends at such a line.
    """
    marker, _, titled = _attachment()
    return marker.fullmatch(squeezed) is not None or titled.fullmatch(squeezed) is not None


def holds_no_row(folded: str, b: Block) -> bool:
    """A line no table row of the one-cell-per-line readers holds: a heading, a fixed part
    of a notice (a role), 附件."""
    return (
        b.role is not None
        or opens_attachment(compact(folded[b.start : b.end]))
        or match_marker(folded, b.start, b.end) is not None
    )


@cache
def _attachment_head() -> re.Pattern[str]:
    """附件2.表格: the label, a stop, the title on the same line."""
    word = lexicon.alternation(lexicon.column("layout/attachment_words"))
    return re.compile(
        rf"{word}\s{{0,2}}(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s{{0,2}}[.、]\s{{0,2}}"
    )


def attachment_head(folded: str, start: int, end: int) -> tuple[int, int] | None:
    """附件2.表格 → (end of 附件2, start of 表格); None for any other line."""
    m = _attachment_head().match(folded, start, end)
    if m is None or m.end() >= end:
        return None
    return start + len(folded[start : m.end()].rstrip(" .、")), m.end()


def signers(content: str) -> list[str]:
    """The bodies on a signature line: 国务院办公厅　中央军委办公厅 → both."""
    if len(content) > SHORT_LINE:
        return []
    names = _STRAY_ENTITY.sub(" ", content).split()
    suffixes = tuple(lexicon.words("layout/signer_suffixes"))
    if names and all(_CJK_ONLY.fullmatch(n) and n.endswith(suffixes) for n in names):
        return names
    return []


def _is_signer_line(content: str) -> bool:
    return bool(signers(content))


def assign_roles(folded: str, blocks: list[Block], tables: frozenset[int] = frozenset()) -> None:
    """Mark the blocks that are fixed parts of a notice, in place (*tables*: where the
    tables read start, the first line of each)."""
    in_list = False
    for i, b in enumerate(blocks):
        if b.end - b.start > SHORT_LINE:
            in_list = False
            continue
        content = folded[b.start : b.end]
        squeezed = compact(content)
        if in_list and _LIST_CONTINUATION.match(squeezed) and not _SENTENCE_PUNCT.search(squeezed):
            b.role = "attachment_list"
            continue
        in_list = False
        if is_date_line(content):
            b.role = "date"
            _signers_above(folded, blocks, i)
        elif DOC_NUMBER.fullmatch(squeezed):
            b.role = "doc_number"
        elif (m := _NOTE.fullmatch(squeezed)) and m.group("w") in _note_openings():
            b.role = "note"
        else:
            b.role = _attachment_role(folded, blocks, i, squeezed, tables)
            in_list = b.role == "attachment_list" and _attachment()[1].match(squeezed) is not None


def _attachment_role(
    folded: str, blocks: list[Block], i: int, squeezed: str, tables: frozenset[int]
) -> BlockRole | None:
    """An 附件 line's role: the marker of an annex, a list of annexes, or none."""
    if _wrapped_plan(folded, blocks, i, squeezed):
        return "attachment_list"  # 附件 / the plan the notice issues: no annex
    if (
        _attachment()[0].fullmatch(squeezed)
        or _titled_marker(folded, blocks, i, squeezed, tables)
        or (_attachment()[1].fullmatch(squeezed) and _bare_marker(folded, blocks, i, tables))
    ):
        return "attachment_marker"
    if _attachment()[1].match(squeezed):
        return "attachment_list"
    return None


def _signers_above(folded: str, blocks: list[Block], i: int) -> None:
    """Signers stand on the lines right above the date (block *i*): up to four of them."""
    j = i - 1
    while j >= 0 and i - j <= 4 and blocks[j].role is None:
        prev = folded[blocks[j].start : blocks[j].end]
        if not _is_signer_line(prev):
            break
        blocks[j].role = "signature"
        j -= 1
