"""The documents a plan cites: 根据《国务院关于…的通知》（国发〔2021〕3号）.

Policy-diffusion and lineage studies code which earlier documents a plan
implements.  Every title in 《…》 (a title nested in it, 〈…〉 or <…>, is part of
it) is decided by one chain of named rules:

- ``own_document``: the document itself is no citation: its title, the plan it
  issues (关于印发《…》的通知, 现将《…》印发给你们), a part or attachment of it;
- ``short_name``: a short name for a document named in full before (《规划》,
  《总体规划》 after 以下简称) is no new citation;
- ``not_a_document``: a form, a certificate or a list (《营业执照》, 《新生入学通知书》)
  or a title with no document word at its end (a book, a declaration);
- ``cited_document``: anything else whose title ends with a document word (通知,
  意见, 办法, 条例 …) is a citation, with its 文号 where one is printed in the
  bracket after it and its cue (the last cue word before it in its clause: 根据,
  按照, 贯彻落实, 为落实 …).

The words are the lexicon's (extract/citation_words, extract/title_words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, partial

from .. import lexicon
from ..ruler import Chain, Decision, Step
from ..structure.nodes import Outline
from ..text.fold import compact

_LONGEST = 300  # characters a title may run to
_CLAUSE = 600  # characters before a title searched for its cue (titles in a list are long)
_CLAUSE_BREAK = re.compile(r"[。;；!！?？\n,，:：]")
_TITLE = re.compile(r"《[^《》\n]{1,300}》")
_NESTED = re.compile(r"《[^《》\n]*》")  # a previous title in a cue's clause is masked
_MARKS = re.compile(r"[\s《》〈〉<>“”\"'‘’]")  # brackets and quotes, ignored when comparing


@dataclass(frozen=True, slots=True)
class Mention:
    """A title in 《…》 as printed: the span of the brackets and what stands inside."""

    start: int
    end: int
    title: str  # inside the brackets, layout whitespace removed


@dataclass(frozen=True, slots=True)
class Cited:
    """A citation as read: the title, its 文号, its cue, where the title stands."""

    title: str
    number: str | None
    cue: str | None
    start: int
    end: int


@dataclass(slots=True)
class CitationState:
    """The document's own titles, and the citations read so far."""

    source: str
    folded: str
    own: frozenset[str]  # the document's own titles, brackets and quotes ignored
    issued: str  # the document's title from its 印发 or 转发 on, brackets and quotes ignored
    found: list[Cited] = field(default_factory=list)

    def add(self, cited: Cited) -> None:
        self.found.append(cited)


def same_title(title: str) -> str:
    """A title as titles are compared: no spaces, brackets or quotes."""
    return _MARKS.sub("", title)


@cache
def _words() -> dict[str, str]:
    """Ending → document or form, for the title's head noun."""
    return {
        w: role
        for w, role in lexicon.rows("extract/citation_words")
        if role in ("document", "form")
    }


@cache
def _cues() -> re.Pattern[str]:
    return re.compile(lexicon.alternation(lexicon.column("extract/citation_words", role="cue")))


@cache
def _number() -> re.Pattern[str]:
    """The bracket after a title holding its 文号, an order's number or a standard's."""
    order = lexicon.alternation(lexicon.column("extract/citation_words", role="order"))
    return re.compile(
        r"\s{0,2}\(\s{0,2}(?P<n>[\u4e00-\u9fff]{1,16}\s{0,2}[〔\[【](?:19|20)\d{2}[〕\]】]\s{0,2}"
        rf"\d{{1,5}}\s{{0,2}}号|[\u4e00-\u9fff]{{1,16}}{order}第\s{{0,2}}\d{{1,5}}\s{{0,2}}号"
        r"|[A-Z]{2,4}\d{0,3}(?:/[A-Z]{1,2})?\s{0,2}\d{1,6}(?:\.\d{1,3})?\s{0,2}[—\-–]\s{0,2}"
        r"(?:19|20)\d{2})\s{0,2}\)"
    )


@cache
def _issued_word() -> re.Pattern[str]:
    """印发, 转发: what a notice does to the documents it issues."""
    words = lexicon.column("extract/title_words", role="issued_end")
    words += lexicon.column("extract/title_words", role="forward")
    return re.compile(lexicon.alternation(words))


def head(title: str) -> str | None:
    """document or form: what the title's last word makes it (a bracket after it aside)."""
    core = re.sub(r"[(（][^()（）]{1,20}[)）]$", "", title)
    for n in range(min(len(core), lexicon.MAX_WORD), 0, -1):
        role = _words().get(core[-n:])
        if role is not None:
            return role
    return None


def mentions(folded: str, source: str) -> list[Mention]:
    """Every title in 《…》 of the text, outermost only, in order."""
    return [
        Mention(m.start(), m.end(), compact(source[m.start() + 1 : m.end() - 1]))
        for m in _TITLE.finditer(folded)
        if m.end() - m.start() - 2 <= _LONGEST
    ]


def own_titles(meta_title: str | None, plan_title: str | None, outline: Outline) -> frozenset[str]:
    """The document's title, its plan's, and the titles of its parts and attachments."""
    titles = [meta_title, plan_title]
    titles += [n.title for n in outline.children if n.kind == "attachment"]
    return frozenset(same_title(t) for t in titles if t)


def issued_part(meta_title: str | None) -> str:
    """What follows 印发 (or 转发) in the title: the documents the notice issues."""
    if not meta_title:
        return ""
    m = _issued_word().search(meta_title)
    return same_title(meta_title[m.end() :]) if m else ""


# ---------------------------------------------------------------- the rules


def own_document(st: CitationState, m: Mention) -> Decision | None:
    """The document's own title is no citation: the plan a notice issues, an attachment.

    Takes 现将《某某实施方案》印发给你们 in a notice titled 关于印发《某某实施方案》的通知;
    leaves 根据《国务院关于某事的通知》 (another document).
    """
    title = same_title(m.title)
    if title in st.own or (title and title in st.issued):
        return Decision("own_document", why="the document's own title")
    return None


@cache
def _shorthand() -> re.Pattern[str]:
    """A document word alone, or after 总体, 本 … (the lexicon's shorthand words)."""
    words = lexicon.column("extract/citation_words", role="document")
    before = lexicon.column("extract/citation_words", role="shorthand")
    return re.compile(f"{lexicon.alternation(before)}?{lexicon.alternation(words)}")


def short_name(st: CitationState, m: Mention) -> Decision | None:
    """A short name for a document named in full before it is no new citation.

    Takes 《规划》 and 《总体规划》 (以下简称《总体规划》); leaves 《宪法》 (宪 is no shorthand).
    """
    if _shorthand().fullmatch(m.title):
        return Decision("short_name", why="a short name")
    return None


def not_a_document(st: CitationState, m: Mention) -> Decision | None:
    """A form, a certificate, a list or a book is no citation.

    Takes 《新生录取通知书》 and 《某某宣言》; leaves 《某某管理办法》.
    """
    kind = head(m.title)
    if kind == "document":
        return None
    return Decision("not_a_document", why=kind or "no document word at its end")


def cited_document(st: CitationState, m: Mention) -> Decision | None:
    """Any other title is a cited document, with its 文号 and its cue.

    Takes 根据《某省某某办法》（某政发〔2021〕3号）; leaves nothing (the last rule).
    """
    number = _number().match(st.folded, m.end)
    cue = _cue(st.folded, m.start)
    cited = Cited(
        m.title,
        compact(st.source[number.start("n") : number.end("n")]) if number else None,
        cue,
        m.start,
        m.end,
    )
    return Decision("citation", (partial(CitationState.add, cited=cited),), why=cue or "")


def _cue(folded: str, start: int) -> str | None:
    """The last cue word before *start* in its clause (earlier titles in it masked)."""
    a = max(0, start - _CLAUSE)
    breaks = list(_CLAUSE_BREAK.finditer(folded, a, start))
    if breaks:
        a = breaks[-1].end()
    clause = _NESTED.sub(lambda t: "□" * len(t.group()), folded[a:start])
    # The alternation tries longer words first: 贯彻落实 is one match, not 贯彻 and 落实.
    found = list(_cues().finditer(clause))
    return found[-1].group() if found else None


CHAIN: Chain[CitationState, Mention] = Chain(
    "citations",
    (own_document, short_name, not_a_document, cited_document),
    span=lambda m: (m.start, m.end),
)


def read(
    source: str,
    folded: str,
    outline: Outline,
    title: str | None,
    plan_title: str | None,
    trace: list[Step] | None = None,
) -> list[Cited]:
    """The citations of the text, in order."""
    st = CitationState(source, folded, own_titles(title, plan_title, outline), issued_part(title))
    for m in mentions(folded, source):
        CHAIN.decide(st, m, trace)
    return st.found
