"""The lexicon: every word the parser matches, as tables in one format, and their loader.

Words live here and nowhere else: a pattern that needs comparator words,
deadline words or role verbs builds its alternation from these tables, so a
reviewer reads and extends the words without reading code.  The files are
grouped by the stage that uses them (``layout/``, ``extract/``, ``text/``).

One format for every file (see CONTRIBUTING.md):

- UTF-8, one row per line, fields separated by a tab;
- lines starting with ``#`` and blank lines are ignored;
- the first other line is the header naming the columns; a last column whose
  name ends in ``*`` takes any number of fields (zero or more);
- no field is empty or has spaces around it.

``SPECS`` states what each file holds; ``tests/test_lexicon.py`` checks every
file against it (duplicates, closed values, words too long for their matcher,
words that two files would read in contradictory ways).  Files are read once,
on first use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import cast

from ..vocab import ROLES, SECTION_FUNCTIONS, NodeStyle, Role

# The longest word the suffix matchers look at (a word ending right before a
# number or at the end of a clause); a longer word would silently never match.
MAX_WORD = 8


class LexiconError(ValueError):
    """A lexicon table that does not follow the format."""


@dataclass(frozen=True, slots=True)
class Spec:
    """What one table holds: its columns, closed vocabularies, and its matcher's limit."""

    columns: tuple[str, ...]
    closed: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # The longest word (first column) its matcher reads; None: no limit.
    max_len: int | None = None
    # Columns whose values together must be unique (default: the first).
    key: tuple[str, ...] = ()
    doc: str = ""


_ROLES = frozenset(ROLES)
_COMPARATORS = frozenset({"=", ">", ">=", "<", "<=", "~", "."})

SPECS: dict[str, Spec] = {
    # inputs
    "inputs/page_fields": Spec(
        ("label", "field"),
        {
            "field": frozenset(
                {"issuer", "signed", "title", "doc_number", "published", "index", "subject"}
            )
        },
    ),
    # The characters most Chinese text is made of: how the decoder tells a right
    # reading of GB18030 or Big5 bytes from a wrong one (one character a row).
    "inputs/common_characters": Spec(
        ("character", "form"),
        {"form": frozenset({"shared", "simplified", "traditional", "symbol"})},
        max_len=1,
    ),
    # text
    "text/domain_dict": Spec(("word", "frequency"), doc="jieba's small dictionary"),
    # layout
    "layout/web_trailer": Spec(("word",)),
    "layout/note_openings": Spec(("word",)),
    "layout/signer_suffixes": Spec(("suffix",)),
    "layout/marker_units": Spec(
        ("word", "style"),
        {"style": frozenset({"zh_part", "zh_chapter", "zh_section", "zh_article"})},
    ),
    "layout/range_joins": Spec(("word",)),
    "layout/glued_unit_ends": Spec(("ending",)),
    "layout/legal_forms": Spec(("form",)),
    "layout/group_labels": Spec(("word",)),
    "layout/branch_ends": Spec(("ending",)),
    "layout/table_columns": Spec(
        ("word", "kind"),
        {
            "kind": frozenset(
                {
                    "serial",
                    "task",
                    "task_group",
                    "measure",
                    "deadline",
                    "indicator",
                    "measure_unit",
                    "attribute",
                    "category",
                    "project",
                    "body",
                    "target",
                    "base",
                    "remark",
                    "duty",
                    "duty_body",
                }
            )
        },
    ),
    "layout/table_cells": Spec(
        ("word", "kind"),
        {
            "kind": frozenset(
                {
                    "base_words",
                    "binding",
                    "expected",
                    "measure_type",
                    "none",
                    "decrease",
                    "cumulative",
                    "period_total",
                    "total",
                    "person",
                    "growth",
                    "whole",
                    "each_year",
                    "period_each",
                }
            )
        },
    ),
    "layout/source_line": Spec(("word", "field"), {"field": frozenset({"issuer", "date"})}),
    "layout/attachment_words": Spec(("word",)),
    "layout/annex_mentions": Spec(("word",)),
    "layout/key_marks": Spec(("word",)),
    "layout/score_labels": Spec(("word",)),
    "layout/unit_labels": Spec(("word",)),
    "layout/project_names": Spec(("word",)),
    "layout/edition_words": Spec(("word",)),
    "extract/level_marks": Spec(("word",)),
    "extract/commitment_leads": Spec(("word",)),
    "extract/topic_marks": Spec(("word",)),
    "extract/report_marks": Spec(("word",)),
    "extract/done_openers": Spec(("word",)),
    "extract/onset_verbs": Spec(("word", "role"), {"role": frozenset({"bring", "onset"})}),
    "extract/lone_scales": Spec(("word", "not_after")),
    "extract/person_units": Spec(("word",)),
    "extract/recipient_units": Spec(("word",)),
    "extract/state_words": Spec(("word",)),
    "extract/object_units": Spec(("word",)),
    "extract/rate_denominators": Spec(("word",)),
    "extract/programme_heads": Spec(("word",)),
    "layout/box_words": Spec(("word",)),
    "layout/issuer_head": Spec(("ending",)),
    "layout/closing_lines": Spec(
        ("word", "kind", "form"),
        {
            "kind": frozenset({"closing", "page_note"}),
            "form": frozenset({"label", "dated_end", "whole"}),
        },
    ),
    # structure
    "structure/sentence_words": Spec(("word",)),
    "structure/sentence_word_compounds": Spec(("word",)),
    "structure/section_functions": Spec(
        ("word", "function"), {"function": frozenset(SECTION_FUNCTIONS)}
    ),
    # A 解读, 起草说明 … printed after the notice it explains opens a part of its own.
    "structure/appended_parts": Spec(
        ("word", "kind"), {"kind": frozenset({"title_end", "closing"})}
    ),
    # extract: targets
    "extract/comparators": Spec(
        ("word", "comparator", "kind", "position", "marks"),
        {
            "comparator": _COMPARATORS,
            "kind": frozenset({"level", "increase", "decrease", "."}),
            "position": frozenset({"before", "after", "inside"}),
            "marks": frozenset({"parameter", "."}),
        },
        max_len=MAX_WORD,
    ),
    "extract/indicator_adverbs": Spec(
        ("word", "distributes"), {"distributes": frozenset({"yes", "no"})}, max_len=MAX_WORD
    ),
    "extract/indicator_leads": Spec(("word",)),
    "extract/indicator_heads": Spec(("ending",)),
    "extract/period_words": Spec(("word",), max_len=MAX_WORD),
    "extract/action_verbs": Spec(("word",), max_len=MAX_WORD),
    "extract/weak_verbs": Spec(("word",), max_len=MAX_WORD),
    "extract/verb_prepositions": Spec(("word",), max_len=MAX_WORD),
    "extract/verb_adverbs": Spec(("word",), max_len=MAX_WORD),
    "extract/listing_words": Spec(("word",)),
    "extract/open_list_words": Spec(("word",), max_len=MAX_WORD),
    "extract/own_items": Spec(("word",), max_len=MAX_WORD),
    "extract/field_words": Spec(("word",), max_len=MAX_WORD),
    "extract/goal_nouns": Spec(("word",), max_len=MAX_WORD),
    "extract/class_words": Spec(("word",), max_len=MAX_WORD),
    "extract/currency_names": Spec(("word",), max_len=MAX_WORD),
    "extract/effort_phrases": Spec(("word",), max_len=MAX_WORD),
    "extract/proposal_verbs": Spec(("word",), max_len=MAX_WORD),
    "extract/standard_tails": Spec(("word", "role"), {"role": frozenset({"verb", "end"})}),
    "extract/prepositions": Spec(
        ("word", "where", "opens"),
        {"where": frozenset({"any", "opening"}), "opens": frozenset({"place", "object"})},
        max_len=MAX_WORD,
    ),
    "extract/extent_cues": Spec(("word",), max_len=MAX_WORD),
    "extract/unit_compounds": Spec(("word",), max_len=MAX_WORD),
    "extract/present_openers": Spec(("word",), max_len=MAX_WORD),
    "extract/review_words": Spec(
        ("word", "role"), {"role": frozenset({"opener", "end"})}, max_len=MAX_WORD
    ),
    "extract/frame_openers": Spec(("word",), max_len=MAX_WORD),
    "extract/age_measures": Spec(("word",), max_len=MAX_WORD),
    "extract/year_measures": Spec(("word", "unit"), max_len=MAX_WORD),
    "extract/level_heads": Spec(("word",), max_len=MAX_WORD),
    "extract/part_leads": Spec(("word",), max_len=MAX_WORD),
    "extract/other_items": Spec(("word",), max_len=MAX_WORD),
    "extract/score_marks": Spec(("word", "role"), {"role": frozenset({"verb", "unit"})}),
    "extract/stative_verbs": Spec(("word",), max_len=MAX_WORD),
    "extract/parameter_cues": Spec(("word",)),
    "extract/parameter_terms": Spec(("word",)),
    "extract/per_areas": Spec(("word",)),
    "extract/minimum_words": Spec(("word",)),
    "extract/baseline_cues": Spec(("word",)),
    "extract/condition_openers": Spec(("word",)),
    "extract/condition_headings": Spec(("word",)),
    "extract/deadline_words": Spec(
        ("word", "role"),
        {
            "role": frozenset(
                {
                    "lead",
                    "by",
                    "as_of",
                    "part",
                    "before",
                    "since",
                    "within",
                    "through",
                    "period_span",
                }
            )
        },
        key=("word", "role"),
    ),
    "extract/comparison_bases": Spec(
        ("word", "role"),
        {"role": frozenset({"compare", "base", "year_part", "start", "frame", "frame_end"})},
    ),
    "extract/scope_words": Spec(("word",)),
    "extract/area_scopes": Spec(("word",)),
    "extract/actor_leads": Spec(("word",), max_len=MAX_WORD),
    "extract/numeral_terms": Spec(("word",)),
    "extract/half_words": Spec(("word",)),
    "extract/unitless_measures": Spec(("word",), max_len=MAX_WORD),
    "extract/span_marks": Spec(("word",), max_len=MAX_WORD),
    "extract/existing_marks": Spec(("word",), max_len=MAX_WORD),
    "extract/size_words": Spec(("word",), max_len=MAX_WORD),
    "extract/budget_words": Spec(("word",)),
    "extract/copulas": Spec(("word",), max_len=1),
    # Connectors are read one character at a time.
    "extract/connectors": Spec(
        ("word", "role"),
        {"role": frozenset({"and", "verbs", "with", "to", "of", "share", "or"})},
        max_len=1,
    ),
    "extract/units": Spec(
        ("word", "dimension"),
        {
            "dimension": frozenset(
                {
                    "count",
                    "money",
                    "length",
                    "area",
                    "volume",
                    "power",
                    "energy",
                    "mass",
                    "container",
                    "ratio",
                    "concentration",
                    "computing",
                    "rate",
                    "data",
                    "score",
                }
            )
        },
    ),
    "extract/closing_units": Spec(("word",), max_len=2),
    "extract/rate_units": Spec(("word",), max_len=2),
    "extract/time_units": Spec(
        ("word", "dimension", "scan"),
        {"dimension": frozenset({"time", "age"}), "scan": frozenset({"yes", "no"})},
    ),
    "extract/duration_goals": Spec(("word",), max_len=6),
    "extract/duration_amounts": Spec(("word",), max_len=4),
    "extract/elapsed_marks": Spec(("word",), max_len=1),
    "extract/response_times": Spec(
        ("word", "role"), {"role": frozenset({"within", "after"})}, max_len=6
    ),
    "extract/plan_periods": Spec(("word", "year")),
    "extract/frames": Spec(
        ("word", "kind"),
        {
            "kind": frozenset(
                {
                    "one_year_plan",
                    "within_year",
                    "past_heading",
                    "list_opener",
                    "refers_back",
                    "future_mark",
                    "this_year",
                    "subject_name",
                    "convene",
                    "annual_meeting",
                }
            )
        },
        key=("word", "kind"),
    ),
    "extract/node_deadlines": Spec(
        ("word", "role", "month"),
        {"role": frozenset({"label", "ongoing", "part", "before", "done", "joins"})},
    ),
    "extract/scales": Spec(("word", "factor", "alone"), {"alone": frozenset({"yes", "no"})}),
    # extract: responsibility
    "extract/role_labels": Spec(("label", "role"), {"role": _ROLES}),
    "extract/role_verbs": Spec(("verb", "role"), {"role": _ROLES}, max_len=MAX_WORD),
    "extract/joint_verbs": Spec(("word",)),
    "extract/agent_words": Spec(("word",)),
    "extract/role_manners": Spec(("word",), max_len=MAX_WORD),
    "extract/drop_tails": Spec(("word",)),
    "extract/body_suffixes": Spec(("suffix",)),
    "extract/thing_endings": Spec(("ending",)),
    "extract/base_heads": Spec(("word",)),
    "extract/responsibility_notes": Spec(
        ("code", "pattern"),
        {"code": frozenset({"first_listed_is_lead", "same_below", "applies_below", "not_listed"})},
    ),
    "extract/generic_bodies": Spec(
        ("word", "match"),
        {"match": frozenset({"opening", "whole", "class", "kind", "ending", "counter", "paired"})},
    ),
    # extract: canonical names and metadata
    "extract/gazetteer": Spec(
        ("scope", "canonical", "name*"),
        {"scope": frozenset({"national", "local"})},
        key=("scope", "canonical"),
    ),
    "extract/place_levels": Spec(
        ("word", "kind"), {"kind": frozenset({"level", "place"})}, key=("word", "kind")
    ),
    "extract/place_ranks": Spec(
        ("word", "kind", "level"),
        {
            "kind": frozenset({"ending", "national", "national_end", "prefix"}),
            "level": frozenset(
                {"province", "city", "prefecture", "district", "county", "national", "-"}
            ),
        },
    ),
    "extract/issuer_heads": Spec(("word", "match"), {"match": frozenset({"whole", "ending"})}),
    "extract/title_words": Spec(
        ("word", "role"),
        {
            "role": frozenset(
                {"issuer_end", "issued_end", "forward", "joint", "joint_count", "seal"}
            )
        },
    ),
    "extract/doc_types": Spec(("word", "doc_type")),
    "extract/citation_words": Spec(
        ("word", "role"),
        {"role": frozenset({"cue", "document", "form", "order", "shorthand"})},
        max_len=MAX_WORD,
    ),
}

Row = tuple[str, ...]


def read_table(text: str, origin: str) -> tuple[Row, list[Row]]:
    """(header, rows) of a table in the lexicon format; LexiconError names origin:line."""
    header: Row | None = None
    rows: list[Row] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = tuple(line.split("\t"))
        for f in fields:
            if not f or f != f.strip():
                what = "an empty field" if not f else f"spaces around {f.strip()!r}"
                raise LexiconError(f"{origin}:{n}: {what} (fields are separated by one tab)")
        if header is None:
            header = fields
            continue
        width = len(header)
        if header[-1].endswith("*"):
            if len(fields) < width - 1:
                raise LexiconError(f"{origin}:{n}: {len(fields)} fields, at least {width - 1}")
        elif len(fields) != width:
            raise LexiconError(f"{origin}:{n}: {len(fields)} fields, the header has {width}")
        rows.append(fields)
    if header is None:
        raise LexiconError(f"{origin}: no header line")
    return header, rows


@cache
def rows(name: str) -> tuple[Row, ...]:
    """The rows of lexicon table *name* (``extract/comparators``), header checked."""
    spec = SPECS[name]
    stage, _, stem = name.partition("/")
    text = resources.files(__package__).joinpath(stage, f"{stem}.tsv").read_text("utf-8")
    header, body = read_table(text, f"lexicon/{name}.tsv")
    if header != spec.columns:
        raise LexiconError(f"lexicon/{name}.tsv: header {header}, expected {spec.columns}")
    return tuple(body)


@cache
def column(name: str, col: str | None = None, **where: str) -> tuple[str, ...]:
    """One column (default: the first) of the rows whose columns equal *where*, in file order."""
    spec = SPECS[name]
    k = spec.columns.index(col) if col else 0
    tests = [(spec.columns.index(c), v) for c, v in where.items()]
    return tuple(r[k] for r in rows(name) if all(r[i] == v for i, v in tests))


@cache
def words(name: str, **where: str) -> frozenset[str]:
    """The first column as a set."""
    return frozenset(column(name, **where))


@cache
def mapping(name: str, value: str) -> dict[str, str]:
    """First column → column *value* (the first row wins where a word repeats)."""
    k = SPECS[name].columns.index(value)
    out: dict[str, str] = {}
    for r in rows(name):
        out.setdefault(r[0], r[k])
    return out


def roles(name: str) -> dict[str, Role]:
    """A word → role table (extract/role_labels, extract/role_verbs), typed.

    The role column is closed to vocab.Role, which tests/test_lexicon.py checks.
    """
    return cast("dict[str, Role]", mapping(name, SPECS[name].columns[1]))


def styles(name: str) -> dict[str, NodeStyle]:
    """A word → numbering style table (layout/marker_units), typed like roles()."""
    return cast("dict[str, NodeStyle]", mapping(name, "style"))


def longest_first(words: tuple[str, ...] | frozenset[str]) -> list[str]:
    """Words ordered for a regex alternation: longer first, so 及以上 wins over 以上."""
    return sorted(words, key=lambda w: (-len(w), w))


def alternation(words: tuple[str, ...] | frozenset[str]) -> str:
    """A regex alternation of *words*, escaped, longest first, as a non-capturing group."""
    import re

    return "(?:" + "|".join(re.escape(w) for w in longest_first(words)) + ")"
