"""One name per body: the gazetteer and the document's own place.

The same department goes by several names, sometimes in one plan: 宁波金融监管局
and 宁波市金融监管局; 市发改委 and 市发展和改革委员会.  Names are matched whole
against the national part of the gazetteer; otherwise the document's place
(宁波市, or 宁波) and a level (市, 省, 市委 …) are taken off the front, what is
left is looked up in the local part, and the place is put back.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .. import lexicon
from ..errors import InputError
from .responsibility import Mention


@cache
def _level() -> re.Pattern[str]:
    """A level before a body's name: 市, 省委 … (lexicon extract/place_levels)."""
    return re.compile(lexicon.alternation(lexicon.column("extract/place_levels", kind="level")))


@cache
def _place_endings() -> tuple[str, ...]:
    return tuple(lexicon.longest_first(lexicon.column("extract/place_levels", kind="place")))


@cache
def _place() -> re.Pattern[str]:
    """The place at the head of an issuer's name: 宁波市 in 宁波市人民政府办公厅, 广州市海珠区 in
    广州市海珠区人力资源和社会保障局 (a city and its district)."""
    ending = lexicon.alternation(_place_endings())
    whole = lexicon.alternation(lexicon.column("extract/issuer_heads", match="whole"))
    tail = lexicon.alternation(lexicon.column("extract/issuer_heads", match="ending"))
    # A district's body is the district's: 广州市海珠区 in 广州市海珠区人力资源和社会保障局.
    return re.compile(
        rf"(?P<place>[\u4e00-\u9fff]{{2,7}}?{ending}(?:[\u4e00-\u9fff]{{1,6}}?{ending})?)"
        rf"(?:{whole}|[\u4e00-\u9fff]{{0,12}}{tail})"
    )


@dataclass(slots=True)
class Gazetteer:
    """Names of bodies, national and local, each mapped to its canonical name."""

    national: dict[str, str] = field(default_factory=dict)
    local: dict[str, str] = field(default_factory=dict)
    _words: tuple[str, ...] | None = field(default=None, repr=False, compare=False)

    def add_rows(self, rows: Iterable[tuple[str, ...]]) -> None:
        """Add (scope, canonical, other names …) rows; a later row wins for a name."""
        self._words = None
        for scope, *names in rows:
            section = self.national if scope == "national" else self.local
            for name in names:
                section[name] = names[0]

    def add_text(self, text: str, origin: str) -> None:
        """Read a gazetteer table (the lexicon format of extract/gazetteer.tsv).

        The sectioned format of 0.1.0 files ([national] / [local] headers,
        names separated by spaces) is still read.
        """
        if any(line.strip() in ("[national]", "[local]") for line in text.splitlines()):
            self.add_rows(_sectioned(text, origin))
            return
        try:
            header, rows = lexicon.read_table(text, origin)
        except lexicon.LexiconError as exc:
            raise InputError(str(exc)) from None
        expected = lexicon.SPECS["extract/gazetteer"].columns
        if header != expected:
            raise InputError(
                f"{origin}: the first line must be the header {'<TAB>'.join(expected)} "
                "(or use [national] / [local] sections)"
            )
        for n, row in enumerate(rows, 1):
            if row[0] not in ("national", "local"):
                raise InputError(f"{origin}: row {n}: scope {row[0]!r} is not national or local")
        self.add_rows(rows)

    def names(self) -> list[str]:
        return sorted(set(self.national) | set(self.local))

    def words(self) -> tuple[str, ...]:
        """Every name, sorted, once: the word splitter's dictionary of bodies."""
        if self._words is None:
            self._words = tuple(self.names())
        return self._words

    def known(self, name: str) -> bool:
        return name in self.national or name in self.local

    def _without_place(self, name: str, place: str | None) -> tuple[str, bool]:
        """*name* without the document's place at its head (宁波市X, 宁波X); whether it had it."""
        if not place:
            return name, False
        for p in (place, _short(place)):
            if p and name.startswith(p) and len(name) > len(p):
                if p != place and _nested(place) and name[len(p) :] not in self.local:
                    break  # 广州市天河中央商务区…: a zone's name, no 广州市天河区 body
                return name[len(p) :], True
        return name, False

    def canonical(self, name: str, place: str | None) -> str:
        """The canonical name of *name* in a document issued at *place*."""
        if name in self.national:
            return self.national[name]
        if name in self.local:
            return self.local[name]
        rest, had_place = self._without_place(name, place)
        level = ""
        m = _level().match(rest)
        if m and m.end() < len(rest):
            # 市市场监管局 is 市 + 市场监管局; 市场监管局 alone is no 市 + 场监管局.
            core = rest[m.end() :]
            if core in self.local or rest not in self.local:
                level, rest = m.group(), core
        if not had_place and not level:
            return name
        core = self.local.get(rest, rest)
        if place:
            # 市X and 宁波X and 宁波市X are one body in a Ningbo plan.
            return place + level[1:] + core
        return level + core


def _sectioned(text: str, origin: str) -> list[tuple[str, ...]]:
    """Rows of a gazetteer in the sectioned format: [national] / [local], names by spaces."""
    rows: list[tuple[str, ...]] = []
    scope: str | None = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line in ("[national]", "[local]"):
            scope = line[1:-1]
            continue
        if line.startswith("[") and line.endswith("]"):
            raise InputError(f"{origin}:{n}: unknown section {line}: [national] or [local]")
        if scope is None:
            raise InputError(f"{origin}:{n}: entry before a [national] or [local] header")
        rows.append((scope, *line.split()))
    return rows


def _short(place: str) -> str:
    for suffix in _place_endings():
        if place.endswith(suffix) and len(place) > len(suffix) + 1:
            return place[: -len(suffix)]
    return ""


@cache
def _nested_pattern() -> re.Pattern[str]:
    ending = lexicon.alternation(_place_endings())
    return re.compile(rf"[\u4e00-\u9fff]{{2,7}}?{ending}[\u4e00-\u9fff]{{1,6}}?{ending}")


def _nested(place: str) -> bool:
    """A place in a place: 广州市天河区, whose short form 广州市天河 also opens zones' names."""
    return _nested_pattern().fullmatch(place) is not None


def place_of(issuer: str | None) -> str | None:
    """The place a document is issued at, from its issuer: 宁波市人民政府办公厅 → 宁波市."""
    if not issuer:
        return None
    m = _place().match(issuer)
    return m.group("place") if m else None


# A gazetteer of every body in the country is a few megabytes.
MAX_GAZETTEER = 16 * 1024 * 1024


@cache
def _load(path: str | None) -> Gazetteer:
    g = Gazetteer()
    g.add_rows(lexicon.rows("extract/gazetteer"))
    if path is not None:
        from ..inputs.read import read_file_limited

        p = Path(path)
        raw = read_file_limited(path, MAX_GAZETTEER, "gazetteer")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"{p}: cannot read gazetteer ({exc})") from None
        g.add_text(text, str(p))
    return g


def load(path: str | os.PathLike[str] | None = None) -> Gazetteer:
    """The shipped gazetteer, extended by the user's file at *path* if given."""
    return _load(None if path is None else os.fspath(path))


def canonical_names(
    mentions: Iterable[Mention], gazetteer: Gazetteer, place: str | None
) -> dict[str, str]:
    """Canonical name of every printed name, in document order; 〔…〕 aliases join their body."""
    mentions = list(mentions)
    names: dict[str, str] = {}
    for m in mentions:
        if m.name not in names:
            names[m.name] = m.name if m.generic else gazetteer.canonical(m.name, place)
    for m in mentions:
        for alias in m.aliases:
            # 市数字经济局〔市经信局〕: within this document 市经信局 is 市数字经济局.
            names[alias] = names[m.name]
            names.setdefault(gazetteer.canonical(alias, place), names[m.name])
    for printed, name in list(names.items()):
        names[printed] = names.get(name, name)
    return names
