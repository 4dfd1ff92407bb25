"""Document metadata from the header line, the title block and the signature."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import cache

from .. import lexicon
from ..diagnostics import Issue
from ..layout.blocks import Block
from ..layout.furniture import Piece, source_line
from ..layout.roles import signers
from ..structure.nodes import Outline
from ..text.dates import DATE, parse_date
from ..text.fold import compact
from . import issuers
from .targets.context import plan_periods


@dataclass(slots=True)
class Meta:
    """Metadata fields as found in the text."""

    title: str | None = None
    title_span: tuple[int, int] | None = None
    plan_title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    published: _dt.date | None = None
    signed: _dt.date | None = None
    doc_type: str | None = None
    horizon: dict[str, object] | None = None
    issuers: list[issuers.Found] = field(default_factory=list)  # every issuing body, in order


_HORIZON_WINDOW = 400  # characters of opening text searched when the title has none


@cache
def _horizon() -> re.Pattern[str]:
    """2024—2026年, 2024年至2026年: the span words (至, 到) come from the lexicon."""
    through = [w for w in lexicon.column("extract/deadline_words", role="through") if w.isalpha()]
    joiner = "|".join(["—{1,2}", "-", "–", "~", *through])
    return re.compile(
        rf"(?P<a>(?:19|20)\d{{2}})\s{{0,2}}年?\s{{0,2}}(?:{joiner})\s{{0,2}}"
        r"(?P<b>(?:19|20)\d{2})\s{0,2}年"
    )


@cache
def _issuer_in_title() -> re.Pattern[str]:
    """国务院办公厅关于…: the issuer before the word that ends it in a title."""
    end = lexicon.alternation(lexicon.column("extract/title_words", role="issuer_end"))
    return re.compile(rf"(?P<issuer>[\u4e00-\u9fff、]{{2,40}}?){end}")


def doc_type(title: str | None) -> str | None:
    """实施方案, 意见, 通知 …: the kind a title ends with (before a closing bracket)."""
    if not title:
        return None
    core = re.sub(r"[(（][^()（）]*[)）]$", "", title)
    for word, kind in sorted(lexicon.rows("extract/doc_types"), key=lambda r: -len(r[0])):
        if core.endswith(word):
            return kind
    return None


def issuer_from_title(title: str | None) -> str | None:
    """国务院办公厅关于… → 国务院办公厅."""
    if not title:
        return None
    m = _issuer_in_title().match(title)
    if not m:
        return None
    name = m.group("issuer")
    return name if name.endswith(tuple(lexicon.column("layout/signer_suffixes"))) else None


def horizon(
    source: str, folded: str, spans: list[tuple[int, int]], titles: int = 0
) -> dict[str, object] | None:
    """The years a plan covers (2024—2026年) from the title, else the opening text; else
    the five-year period a title names (某区“十五五”规划 → 2026–2030).

    The first *titles* spans are titles. A period name counts only there, and only in a
    title that prints no year of its own: 2024年落实“十四五”规划工作要点 is a plan for
    2024, and the opening text cites other plans' periods (根据《某省“十四五”规划》).
    """
    for start, end in spans:
        m = _horizon().search(folded, start, end)
        if m:
            a, b = int(m.group("a")), int(m.group("b"))
            if a <= b:
                return {
                    "start": a,
                    "end": b,
                    "text": source[m.start() : m.end()],
                    "span": (m.start(), m.end()),
                }
    for start, end in spans[:titles]:
        if _A_YEAR.search(folded, start, end):
            continue
        p = _period().search(folded, start, end)
        if p:
            last = plan_periods()[p.group()]
            return {
                "start": last - 4,
                "end": last,
                "text": source[p.start() : p.end()],
                "span": (p.start(), p.end()),
            }
    return None


_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


@cache
def _period() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(tuple(plan_periods())))


def _join(source: str, blocks: list[Block]) -> tuple[str, tuple[int, int]] | None:
    if not blocks:
        return None
    text = "".join(compact(source[b.start : b.end]) for b in blocks)
    return text, (blocks[0].start, blocks[-1].end)


# The page's fields that are checked against the text, and the label to name them by.
_CHECKED = ("title", "doc_number", "issuer", "signed")


def _page_labels() -> dict[str, str]:
    labels = {field: label for label, field in lexicon.rows("inputs/page_fields")}
    return {field: labels[field] for field in _CHECKED}


def _page(meta: Meta, page: dict[str, str], issues: list[Issue]) -> None:
    """Fill gaps from the page's own metadata; say where page and text differ."""
    for name, label in _page_labels().items():
        value = page.get(name)
        if not value:
            continue
        ours = getattr(meta, name)
        theirs: object = parse_date(value) if name == "signed" else compact(value)
        if theirs is None:
            issues.append(
                Issue("bad_page_metadata", f"page {label} {value!r} is not readable", None)
            )
        elif ours is None:
            setattr(meta, name, theirs)
        elif ours != theirs:
            issues.append(
                Issue(
                    "metadata_mismatch",
                    f"the page's {label} is {value!r} but the text gives {str(ours)!r}",
                    None,
                )
            )
    if page.get("published"):
        published = parse_date(page["published"].split()[0])
        if published is not None:
            meta.published = published


def extract(
    source: str,
    folded: str,
    blocks: list[Block],
    pieces: list[Piece],
    outline: Outline,
    page: dict[str, str] | None = None,
) -> tuple[Meta, list[Issue]]:
    """Collect title, 文号, issuer and dates; report what does not parse."""
    meta = Meta()
    issues: list[Issue] = []
    _titles(meta, source, outline)
    _portal(meta, folded, pieces)
    signed_by = _header_and_signature(meta, source, folded, blocks, issues)
    if signed_by and meta.issuer is None:
        meta.issuer = "、".join(signed_by)
    if page:
        _page(meta, page, issues)
    if meta.signed is None:
        meta.signed = closing_date(folded)
    if meta.published is None:
        meta.published = meta.signed or dateline(folded)
    meta.issuer = meta.issuer or issuer_from_title(meta.title)
    meta.issuers = _issuers(meta, source, folded, blocks, pieces)
    meta.doc_type = doc_type(meta.title)
    spans = [s for s in (meta.title_span,) if s]
    if outline.plan_title_blocks:
        spans.append((outline.plan_title_blocks[0].start, outline.plan_title_blocks[-1].end))
    titles = len(spans)
    spans.append((0, min(len(folded), _HORIZON_WINDOW)))
    meta.horizon = horizon(source, folded, spans, titles)
    return meta, issues


def _issuers(
    meta: Meta, source: str, folded: str, blocks: list[Block], pieces: list[Piece]
) -> list[issuers.Found]:
    """Every issuing body: the signature's, the title's, else the source line's or page's."""
    titled = issuers.from_title(source, meta.title_span)
    # A forwarding notice's signature, if any is found, is the forwarded document's.
    forwarding = issuers.forwards(source, meta.title_span)
    signed = [] if forwarding else issuers.from_signature(source, folded, blocks)
    found = issuers.merge(signed, titled, issuers.from_portal(folded, pieces, meta.issuer))
    if not found and meta.issuer:  # the page's metadata: no place in the text
        found = [(meta.issuer, -1, -1)]
    return found


# A date and a clock time, as a page's byline prints when it was posted.
_STAMP = re.compile(
    r"(?:(?:19|20)\d{2}(?:年\d{1,2}月\d{1,2}日|([./-])\d{1,2}\1\d{1,2}))"
    r"\s{0,3}(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)"
)
_STAMP_LINES = 6  # lines from the top a byline may stand in


def dateline(folded: str) -> _dt.date | None:
    """The date of a page's byline near the top, printed with its clock time (中国电力报·
    2026-01-20 07:15; 时间：2022-12-26 18:00 | 来源：某区人民政府办): when the news item or
    the page was posted, so a year before it is past.  A date with no time (a plan's
    2025年1月1日起施行) is no byline; None where the first lines print none."""
    head = "\n".join(folded.split("\n", _STAMP_LINES)[:_STAMP_LINES])
    m = _STAMP.search(head)
    return parse_date(m.group()) if m else None


def closing_date(folded: str) -> _dt.date | None:
    """A date that ends the text, where no line of its own holds it: a notice whose lines were
    run together (…电网企业不得擅自为违规项目办理接入系统手续。国务院办公厅二○○五年二月二十二日)
    still ends with its signing date.  None where the text ends otherwise."""
    tail = folded.rstrip()[-_CLOSING_LOOK:]
    found = [m for m in DATE.finditer(tail) if m.end() == len(tail)]
    return parse_date(found[-1].group()) if found else None


_CLOSING_LOOK = 30  # characters at the end of the text searched for its closing date


def _titles(meta: Meta, source: str, outline: Outline) -> None:
    """The title, and the plan's own title; the plan's stands in when there is no other."""
    joined = _join(source, outline.title_blocks)
    if joined:
        meta.title, meta.title_span = joined
    plan = _join(source, outline.plan_title_blocks)
    if plan:
        meta.plan_title = plan[0]
        if meta.title is None:
            meta.title, meta.title_span = plan


def _portal(meta: Meta, folded: str, pieces: list[Piece]) -> None:
    """Issuer and publication date from a portal's source line (来源：… 发布时间：…), else
    the date of the closing line that says when the document was issued (…2023年9月11日印发)."""
    for p in pieces:
        if p.kind == "source_line":
            portal = source_line(folded[p.start : p.end])
            if portal:
                meta.issuer = meta.issuer or portal[0]
                meta.published = meta.published or parse_date(portal[1])
    for p in pieces:
        if p.kind == "closing" and meta.published is None:
            meta.published = parse_date(compact(folded[p.start : p.end]))


def _header_and_signature(
    meta: Meta, source: str, folded: str, blocks: list[Block], issues: list[Issue]
) -> list[str]:
    """文号 and signing date from their lines; the signers of the first signature run.

    The signers are returned rather than set: they name the issuer only when
    nothing better (the portal's line) has, which the caller decides.
    """
    signed_by: list[str] = []
    for i, b in enumerate(blocks):
        if b.role == "doc_number" and meta.doc_number is None:
            meta.doc_number = compact(source[b.start : b.end])
        elif b.role == "signature" and not signed_by:
            k = i
            while k < len(blocks) and blocks[k].role == "signature":
                signed_by.extend(signers(folded[blocks[k].start : blocks[k].end]))
                k += 1
        elif b.role == "date" and meta.signed is None:
            meta.signed = parse_date(compact(folded[b.start : b.end]))
            if meta.signed is None:
                issues.append(Issue("bad_date", "date line is not a valid date", (b.start, b.end)))
    return signed_by
