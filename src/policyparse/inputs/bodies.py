"""What a cell of bodies looks like (区民政局, 区商务委、区住建委, 各街镇): shared by the
readers of tables in files (inputs.grid) and in text (layout), and by responsibility."""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from .columns import Column, cell_words, clean, kind

_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_LINES = re.compile("[；;]")  # a cell's lines, as inputs.grid joins them (folded: ;)
UNIT_MAX = 24  # one body's name is shorter than this


@cache
def body_ends() -> tuple[str, ...]:
    """How the name of a body ends (lexicon extract/body_suffixes: 局, 委, 专班 …)."""
    return tuple(lexicon.column("extract/body_suffixes"))


@cache
def _ands() -> str:
    """和, 及: the connectors that join two names of a list (lexicon extract/connectors)."""
    return "".join(lexicon.column("extract/connectors", role="and"))


@cache
def _generic_openings() -> tuple[str, ...]:
    return tuple(lexicon.column("extract/generic_bodies", match="opening"))


@cache
def _class_nouns() -> tuple[str, ...]:
    return tuple(lexicon.column("extract/generic_bodies", match="class"))


def unit_like(words: str) -> bool:
    """A cell of bodies: 区绿化市容局, 区商务委、区住建委, 各街镇（园区）, 区民政局、 (a list
    broken over two lines), or a mark for nobody (——, /); also one that states their roles,
    each clause closed by a role verb (区财政局牵头，区税务局配合；各街镇落实)."""
    if words in cell_words("none"):
        return True
    bare = _BRACKETED.sub("", words).rstrip("、")
    if not bare or any(ch.isdigit() for ch in bare):
        return False
    if any(ch in bare for ch in "。；;，,：:"):
        return _role_clauses(bare)
    return _names(bare) or _role_clauses(bare)


def _role_clauses(bare: str) -> bool:
    """Clauses of bodies, each closed by a role verb and any words of manner before it
    (lexicon extract/role_verbs, extract/role_manners): 区财政局牵头，区税务局按职责分工配合."""
    clauses = [c for c in re.split("[，,；;。]", bare) if c]
    if not clauses:
        return False
    for clause in clauses:
        verb = next((v for v in _role_verbs() if clause.endswith(v)), None)
        if verb is None:
            return False
        names = clause[: -len(verb)]
        names = next((names[: -len(m)] for m in _manners() if names.endswith(m)), names)
        if not names or not _names(names):
            return False
    return True


@cache
def _role_verbs() -> tuple[str, ...]:
    return tuple(lexicon.longest_first(lexicon.column("extract/role_verbs")))


@cache
def _manners() -> tuple[str, ...]:
    return tuple(lexicon.longest_first(lexicon.column("extract/role_manners")))


def _names(bare: str) -> bool:
    """Bodies' names alone, in a list (、, 和): 区城管执法局和属地街镇, where 和 joins two; or
    县自然资源和规划局, where it stands inside one name."""
    return all(_name(p) for p in re.split(f"[、{_ands()}]", bare)) or all(
        _name(p) for p in bare.split("、")
    )


def _name(p: str) -> bool:
    return (
        0 < len(p) <= UNIT_MAX
        and (p.endswith(body_ends() + _class_nouns()) or p.startswith(_generic_openings()))
        and not p.endswith(thing_ends())
    )


@cache
def thing_ends() -> tuple[str, ...]:
    """Endings like a body's that close a place's or a thing's name (场所, 住所)."""
    return tuple(lexicon.column("extract/thing_endings"))


SAMPLE_ROWS = 200  # rows read to tell a column of bodies
_BODY_CELLS_MIN = 3  # cells of bodies that make a column of them
_BODY_SHARE = 0.9  # of a column's filled cells, at least this many name bodies


def settle_bodies(cols: list[Column], rows: list[list[str]]) -> None:
    """A table that names no unit column but has a column no header word names whose
    cells are bodies (考核项目 over a group cell and a department: 重点考核部门 | 县水利局):
    that column holds the rows' responsible units.

    Takes the department column of an assessment rubric (序号 | 考核项目 | 分值 | 考核内容,
    the department under the merged 考核项目; a cell may print a body per paragraph);
    leaves a table with a unit column already (its header decides) and a column of a few
    bodies among text (fewer than three, or less than nine in ten of its filled cells).
    Only where the header alone makes no table of tasks, indicators or projects: a
    column of bodies never turns an indicator table into a task table.  *rows* are the
    rows after the header (the first SAMPLE_ROWS of them are read).
    """
    if kind(cols) != "other" or any(c.kind == "unit" for c in cols):
        return
    for k, col in enumerate(cols):
        if col.kind:
            continue
        filled = [clean(r[k]) for r in rows[:SAMPLE_ROWS] if k < len(r) and clean(r[k])]
        named = [t for t in filled if t not in cell_words("none") and _bodies(t)]
        if len(named) >= _BODY_CELLS_MIN and len(named) >= _BODY_SHARE * len(filled):
            col.kind, col.role = "unit", "responsible"
            return


def _bodies(cell: str) -> bool:
    """A cell of bodies, one or more per line (县委宣传部；县教育局: a web page's cell of
    three paragraphs, joined by ；)."""
    return all(unit_like(part) for part in _LINES.split(cell) if part)
