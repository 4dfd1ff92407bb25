"""Every lexicon table follows the format, holds no duplicates, and no two tables disagree.

The lexicon is where words live (src/policyparse/lexicon); these checks are
what lets a reviewer add a word without reading code: a word too long for its
matcher, a value outside a column's vocabulary or a word two tables would read
in contradictory ways fails here with the file and the word.
"""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path
from typing import get_args

import pytest

from conftest import REPO
from policyparse import lexicon
from policyparse.model.document import Comparator, NodeStyle, Role

LEXICON = REPO / "src" / "policyparse" / "lexicon"
SOURCE = REPO / "src" / "policyparse"
NAMES = sorted(lexicon.SPECS)


def _files() -> set[str]:
    return {str(p.relative_to(LEXICON).with_suffix("")) for p in LEXICON.rglob("*.tsv")}


def test_every_file_has_a_spec_and_every_spec_a_file() -> None:
    assert _files() == set(lexicon.SPECS)


@pytest.mark.parametrize("name", NAMES)
def test_file_reads_with_its_header(name: str) -> None:
    rows = lexicon.rows(name)
    assert rows, f"{name} is empty"


@pytest.mark.parametrize("name", NAMES)
def test_no_duplicate_keys(name: str) -> None:
    spec = lexicon.SPECS[name]
    key = [spec.columns.index(c) for c in (spec.key or spec.columns[:1])]
    seen: dict[tuple[str, ...], int] = {}
    for n, row in enumerate(lexicon.rows(name), 1):
        k = tuple(row[i] for i in key)
        assert k not in seen, f"{name}: {k} in rows {seen[k]} and {n}"
        seen[k] = n


@pytest.mark.parametrize("name", NAMES)
def test_closed_columns_hold_known_values(name: str) -> None:
    spec = lexicon.SPECS[name]
    for col, allowed in spec.closed.items():
        got = set(lexicon.column(name, col))
        assert got <= allowed, f"{name}: unknown {col} {sorted(got - allowed)}"


@pytest.mark.parametrize("name", [n for n in NAMES if lexicon.SPECS[n].max_len])
def test_no_word_longer_than_its_matcher_reads(name: str) -> None:
    limit = lexicon.SPECS[name].max_len
    assert limit is not None
    long = [w for w in lexicon.column(name) if len(w) > limit]
    assert not long, f"{name}: longer than {limit} characters, never matched: {long}"


@pytest.mark.parametrize("name", NAMES)
def test_every_table_is_used_by_the_code(name: str) -> None:
    code = "".join(p.read_text("utf-8") for p in SOURCE.rglob("*.py") if "lexicon" not in p.parts)
    assert f'"{name}"' in code or f"'{name}'" in code, f"{name} is read by no module"


# The grammar of numbers, ordinals and dates stays in code (text/, quantities):
# digits and their financial forms, 十 百 千 万 亿, 第…, …号, 年 月 日, 页 共, 百分之,
# 翻…番 (so many 倍), 一半, 月份.  U+9FFF closes a range check of CJK characters.
GRAMMAR = set(
    "〇零○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億第号年月份日页共分之翻番倍半\u9fff"
)


def _code_strings() -> list[tuple[str, int, str]]:
    """String constants of the package that are not docstrings, messages or descriptions."""
    import ast

    out = []
    for path in sorted(SOURCE.rglob("*.py")):
        if {"lexicon", "model", "export"} & set(path.relative_to(SOURCE).parts):
            continue  # the tables themselves; the contract and the writers match nothing
        tree = ast.parse(path.read_text("utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            text = node.value
            if id(node) in docstrings or re.search(r"[A-Za-z]{3,} [A-Za-z]{2,}", text):
                continue  # a docstring, or an English message or description with examples
            out.append((str(path.relative_to(SOURCE)), node.lineno, text))
    return out


def _words_in(text: str) -> str:
    return "".join(sorted({ch for ch in text if "\u4e00" <= ch <= "\u9fff"} - GRAMMAR))


def test_no_word_is_written_into_code() -> None:
    """Every Chinese word the parser matches comes from the lexicon, but number grammar."""
    found = [
        f"{path}:{line}: {_words_in(text)}"
        for path, line, text in _code_strings()
        if _words_in(text)
    ]
    assert not found, "words in code, not in the lexicon:\n" + "\n".join(found)


# -- vocabularies shared with the model --------------------------------------------


def test_roles_are_the_models_roles() -> None:
    roles = set(get_args(Role))
    assert set(lexicon.column("extract/role_labels", "role")) <= roles
    assert set(lexicon.column("extract/role_verbs", "role")) <= roles


def test_comparators_are_the_models_comparators() -> None:
    used = set(lexicon.column("extract/comparators", "comparator")) - {"."}
    assert used <= set(get_args(Comparator))


def test_marker_styles_are_node_styles() -> None:
    assert set(lexicon.column("layout/marker_units", "style")) <= set(get_args(NodeStyle))


# -- no two tables read a word in contradictory ways ---------------------------------

# Pairs of tables that must not share a word, and why.
DISJOINT = [
    ("extract/units", "extract/time_units", "a unit is a quantity's or a duration's, not both"),
    ("extract/parameter_cues", "extract/baseline_cues", "a clause is a parameter or a baseline"),
    ("extract/role_labels", "extract/role_verbs", "a label opens a list, a verb closes one"),
    ("extract/action_verbs", "extract/comparators", "a verb opens an object, a comparator a value"),
    ("extract/indicator_adverbs", "extract/comparators", "an adverb is dropped, a comparator read"),
    ("extract/indicator_leads", "extract/action_verbs", "a lead word is dropped, a verb kept"),
    ("extract/verb_adverbs", "extract/action_verbs", "an adverb needs a verb after it"),
]


@pytest.mark.parametrize("a,b,why", DISJOINT, ids=[f"{a}|{b}" for a, b, _ in DISJOINT])
def test_disjoint(a: str, b: str, why: str) -> None:
    both = lexicon.words(a) & lexicon.words(b)
    assert not both, f"{sorted(both)} in both {a} and {b}: {why}"


def test_one_comparator_per_word_and_position() -> None:
    seen: dict[tuple[str, str], str] = {}
    for word, comparator, _kind, position, _marks in lexicon.rows("extract/comparators"):
        assert (word, position) not in seen
        seen[word, position] = comparator


def test_a_longer_after_word_agrees_with_the_shorter_it_ends_with() -> None:
    """及以上 and 以上 must give the same comparator (the bug of 0.1.0: = against >=)."""
    after = {
        word: comparator
        for word, comparator, _, position, _ in lexicon.rows("extract/comparators")
        if position == "after"
    }
    for long, short in combinations(sorted(after, key=len, reverse=True), 2):
        if long.endswith(short):
            assert after[long] == after[short], f"{long} {after[long]} but {short} {after[short]}"


def test_each_role_verb_has_one_role() -> None:
    verbs: dict[str, str] = {}
    for verb, role in lexicon.rows("extract/role_verbs"):
        assert verbs.setdefault(verb, role) == role


def test_connectors_have_one_role_each() -> None:
    words = lexicon.column("extract/connectors")
    assert len(words) == len(set(words))


def test_gazetteer_names_have_one_canonical_per_scope() -> None:
    seen: dict[tuple[str, str], str] = {}
    for scope, canonical, *others in lexicon.rows("extract/gazetteer"):
        for name in (canonical, *others):
            prior = seen.setdefault((scope, name), canonical)
            assert prior == canonical, f"{scope} {name}: {prior} and {canonical}"


def test_generic_bodies_are_not_gazetteer_bodies() -> None:
    names = {n for _, *row in lexicon.rows("extract/gazetteer") for n in row}
    assert not names & lexicon.words("extract/generic_bodies", match="whole")


def test_numbers_are_numbers() -> None:
    for word, factor, _ in lexicon.rows("extract/scales"):
        assert re.fullmatch(r"10*", factor) and int(factor) >= 10, word
    for word, frequency in lexicon.rows("text/domain_dict"):
        assert frequency.isdigit() and int(frequency) > 0, word


def test_note_patterns_compile() -> None:
    patterns = lexicon.mapping("extract/responsibility_notes", "pattern")
    for pattern in patterns.values():
        re.compile(pattern)
    assert "unit" in re.compile(patterns["applies_below"]).groupindex


# -- the format and its loader --------------------------------------------------------


@pytest.mark.parametrize(
    "text,message",
    [
        ("", "no header"),
        ("# only a comment\n", "no header"),
        ("word\tkind\n以上\n", "1 fields, the header has 2"),
        ("word\n以上 \n", "spaces around '以上'"),
        ("word\tkind\n以上\t\n", "an empty field"),
        ("scope\tcanonical\tname*\nlocal\n", "at least 2"),
    ],
    ids=["empty", "comment only", "short row", "spaces", "empty field", "short star row"],
)
def test_the_loader_names_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(lexicon.LexiconError, match=re.escape(message)):
        lexicon.read_table(text, "t.tsv")


def test_the_loader_reads_comments_blank_lines_and_star_columns() -> None:
    header, rows = lexicon.read_table(
        "# c\n\nscope\tcanonical\tname*\n# c\nnational\tA\nlocal\tB\tb1\tb2\n", "t"
    )
    assert header == ("scope", "canonical", "name*")
    assert rows == [("national", "A"), ("local", "B", "b1", "b2")]


def test_files_are_utf8_with_tabs_and_a_final_newline() -> None:
    for path in LEXICON.rglob("*.tsv"):
        raw = path.read_bytes()
        raw.decode("utf-8")
        assert raw.endswith(b"\n") and not raw.startswith(b"\xef\xbb\xbf"), path
        assert b"\r" not in raw, path


def test_sources_are_named_in_docs() -> None:
    """CONTRIBUTING.md explains the format that the loader enforces."""
    text = Path(REPO / "CONTRIBUTING.md").read_text("utf-8")
    assert "lexicon" in text and "tab" in text
