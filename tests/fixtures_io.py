"""Reading the rule cases of tests/fixtures/ (the format: tests/fixtures/README.md).

The cases are plain text so that a reader of policy documents can add one without
writing Python: a sentence, then one tab-separated line per expected row.  This
module turns them into typed rows, reads the parser's output in the same columns,
and renders it the same way, so a failing case prints what the parser read in the
file's own format.  check() is the one test of a case, whatever its group.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from helpers import ids
from policyparse import explain, parse

FIXTURES = Path(__file__).resolve().parent / "fixtures"

Kind = Literal["targets", "responsibility", "citations"]
GROUPS = ("dev", "regression", "negative", "known miss")
# The short form of each group in test ids: subject_form-dev03-新增城镇就业超20万人.
SLUGS = {"dev": "dev", "regression": "regression", "negative": "negative", "known miss": "miss"}

COLUMNS: dict[Kind, tuple[str, ...]] = {
    "targets": (
        "indicator",
        "comparator",
        "value",
        "value_max",
        "unit",
        "base_value",
        "base_unit",
        "kind",
        "year",
        "deadline",
    ),
    "responsibility": ("name", "aliases", "role", "canonical", "generic"),
    "citations": ("title", "number", "cue"),
}
# The responsibility files, by statement form (the names the responsibility rules will take).
FORMS = (
    "labelled",
    "labelled_line",
    "verbal",
    "bare_list",
    "agent_sentence",
    "applies_below",
    "cell_verbs",
    "table_column",
    "not_read",
)
# Target cases whose text holds no quantity that any target rule sees (names, ordinals,
# ages, durations): the quantity reader leaves them before the rules run.
NO_QUANTITY = "no_quantity"

EMPTY = "-"
HEADER = "header:"
ALIAS_SEP = "|"
YES_NO = {"yes": True, "no": False}

TargetRow = tuple[
    str | None,
    str,
    float,
    float | None,
    str | None,
    float | None,
    str | None,
    str,
    int | None,
    str | None,
]
UnitRow = tuple[str, list[str], str, str, bool]


class FixtureError(ValueError):
    """A fixture file that does not follow the format, with its file and line."""


@dataclass(frozen=True)
class Case:
    """One case: its text and expected rows (fields as written), and where it stands."""

    kind: Kind
    rule: str  # the file's name: the rule (or statement form) the case is filed under
    group: str
    header: str  # opening lines of the document ("" or lines ending in a newline)
    text: str  # the sentence, or a small document of several lines
    rows: tuple[tuple[str, ...], ...]
    note: str  # the comment lines just above the case: a known miss's reason
    path: Path
    line: int

    @property
    def where(self) -> str:
        root = FIXTURES.parent.parent
        shown = self.path.relative_to(root) if self.path.is_relative_to(root) else self.path
        return f"{shown}:{self.line}"

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def column_line(kind: Kind) -> str:
    """The comment every file of *kind* carries, naming its columns in order."""
    return "# " + "\t".join(COLUMNS[kind])


def read(path: Path, kind: Kind) -> list[Case]:
    """The cases of one fixture file, in file order."""
    return read_text(path.read_text(encoding="utf-8"), path, kind)


def read_text(text: str, path: Path, kind: Kind) -> list[Case]:
    """The cases of *text*, the content of the fixture file *path* (its name is the rule)."""
    lines = text.split("\n")
    if column_line(kind) not in (line.rstrip("\r") for line in lines):
        raise FixtureError(f"{path}: no column line {column_line(kind)!r}")
    width = len(COLUMNS[kind])
    cases: list[Case] = []
    group: str | None = None
    note: list[str] = []
    block: list[tuple[int, str]] = []

    def close() -> None:
        if not block:
            return
        if group is None:
            raise FixtureError(f"{path}:{block[0][0]}: a case before any '## group' heading")
        cases.append(_case(path, kind, rule=path.stem, group=group, note=note, block=block))
        block.clear()

    for k, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if line.startswith("## "):
            close()
            name = line[3:].strip()
            if name not in GROUPS:
                raise FixtureError(f"{path}:{k}: unknown group {name!r} (one of {GROUPS})")
            group = name
            note = []
        elif line.startswith("#"):
            if block:
                close()
                note = []
            note.append(line[1:].strip())
        elif not line.strip():
            close()
            note = []
        else:
            if "\t" in line and len(line.split("\t")) != width:
                raise FixtureError(
                    f"{path}:{k}: {len(line.split(chr(9)))} fields, the file has {width} "
                    f"({', '.join(COLUMNS[kind])})"
                )
            block.append((k, line))
    close()
    return cases


def _case(
    path: Path, kind: Kind, *, rule: str, group: str, note: list[str], block: list[tuple[int, str]]
) -> Case:
    start = block[0][0]
    header: list[str] = []
    text: list[str] = []
    rows: list[tuple[str, ...]] = []
    for k, line in block:
        if "\t" in line:
            rows.append(tuple(line.split("\t")))
        elif rows:
            raise FixtureError(
                f"{path}:{k}: a line without tabs after the rows: separate the fields "
                "of a row by tabs, and cases by a blank line"
            )
        elif line.startswith(HEADER):
            if text:
                raise FixtureError(f"{path}:{k}: a {HEADER} line after the text")
            header.append(line[len(HEADER) :].strip())
        elif text and len(line.split()) == len(COLUMNS[kind]):
            raise FixtureError(
                f"{path}:{k}: a row whose fields are separated by spaces: use one tab"
            )
        else:
            text.append(line)
    if not text:
        raise FixtureError(f"{path}:{start}: a case without text")
    if group == "negative" and rows:
        raise FixtureError(f"{path}:{start}: a case of the negative group has no rows")
    if group == "known miss" and not note:
        raise FixtureError(f"{path}:{start}: a known miss needs its reason as a comment above")
    case = Case(
        kind=kind,
        rule=rule,
        group=group,
        header="".join(h + "\n" for h in header),
        text="\n".join(text),
        rows=tuple(rows),
        note=" ".join(note),
        path=path,
        line=start,
    )
    for row in case.rows:  # fail on a bad value when loading, with its line
        try:
            ROW_READERS[kind](row)
        except ValueError as e:
            raise FixtureError(f"{case.where}: {e}") from None
    return case


def load(kind: Kind, groups: tuple[str, ...] = GROUPS) -> list[Case]:
    """Every case of tests/fixtures/<kind>/*.txt in *groups*, file by file."""
    return [
        c
        for path in sorted((FIXTURES / kind).glob("*.txt"))
        for c in read(path, kind)
        if c.group in groups
    ]


def case_ids(cases: list[Case]) -> list[str]:
    """Readable ids, numbered within each file and group: verb_form-dev02-全市至少建成3个区域."""
    out: dict[int, str] = {}
    keys = sorted({(c.rule, c.group) for c in cases})
    for rule, group in keys:
        mine = [k for k, c in enumerate(cases) if (c.rule, c.group) == (rule, group)]
        named = ids(f"{rule}-{SLUGS[group]}", [cases[k].text for k in mine])
        out.update(zip(mine, named, strict=True))
    return [out[k] for k in range(len(cases))]


# -- fields --------------------------------------------------------------------------------


def _text(field: str) -> str | None:
    return None if field == EMPTY else field


def _number(field: str) -> float | None:
    if field == EMPTY:
        return None
    try:
        return float(field)
    except ValueError:
        raise ValueError(f"{field!r} is not a number (write 7.5, 1000, or - for none)") from None


def _year(field: str) -> int | None:
    if field == EMPTY:
        return None
    if not (field.isascii() and field.isdigit()):
        raise ValueError(f"{field!r} is not a year (write 2025, or - for none)")
    return int(field)


def _required(value: float | None, name: str) -> float:
    if value is None:
        raise ValueError(f"the {name} column cannot be empty")
    return value


def target_row(fields: tuple[str, ...]) -> TargetRow:
    """An expected target as the parser gives it, from the fields of a row."""
    ind, comp, value, vmax, unit, base, base_unit, kind, year, deadline = fields
    if comp == EMPTY or kind == EMPTY:
        raise ValueError("the comparator and kind columns cannot be empty")
    return (
        _text(ind),
        comp,
        _required(_number(value), "value"),
        _number(vmax),
        _text(unit),
        _number(base),
        _text(base_unit),
        kind,
        _year(year),
        _text(deadline),
    )


def unit_row(fields: tuple[str, ...]) -> UnitRow:
    """An expected responsible unit, from the fields of a row."""
    name, aliases, role, canonical, generic = fields
    if name == EMPTY or role == EMPTY:
        raise ValueError("the name and role columns cannot be empty")
    if generic not in YES_NO:
        raise ValueError(f"generic is yes or no, not {generic!r}")
    return (
        name,
        [] if aliases == EMPTY else aliases.split(ALIAS_SEP),
        role,
        "" if canonical == EMPTY else canonical,
        YES_NO[generic],
    )


CitationRow = tuple[str, str | None, str | None]


def citation_row(fields: tuple[str, ...]) -> CitationRow:
    """An expected citation: its title, 文号 and cue."""
    title, number, cue = fields
    if title == EMPTY:
        raise ValueError("the title column cannot be empty")
    return (title, _text(number), _text(cue))


ROW_READERS = {"targets": target_row, "responsibility": unit_row, "citations": citation_row}


# -- rendering, for failure messages -----------------------------------------------------------


def _field(x: str | float | int | bool | list[str] | None) -> str:
    if x is None or x == "" or x == []:
        return EMPTY
    if isinstance(x, bool):
        return "yes" if x else "no"
    if isinstance(x, float) and x == int(x):
        return str(int(x))
    if isinstance(x, list):
        return ALIAS_SEP.join(x)
    return str(x)


def render(rows: list[TargetRow] | list[UnitRow] | list[CitationRow]) -> str:
    """Rows as lines of a fixture file."""
    return "\n".join("\t".join(_field(x) for x in row) for row in rows) or "(no rows)"


def mismatch(case: Case, got: list[TargetRow] | list[UnitRow] | list[CitationRow]) -> str:
    """What a failing case prints: where it is, and what the parser read, as file lines."""
    return f"{case.where} ({case.rule}, {case.group}): the parser reads\n{render(got)}"


# -- the parser's side -------------------------------------------------------------------------

# A one-line responsibility case is a statement closing this measure.
MEASURE = "一、任务\n（一）推进工作。加强统筹协调。"


def targets(text: str) -> list[TargetRow]:
    """Every target of *text*, in document order, in the columns of a fixture row."""
    return [
        (
            t.indicator,
            t.comparator,
            t.value,
            t.value_max,
            t.unit,
            t.base_value,
            t.base_unit,
            t.kind,
            t.year,
            t.deadline,
        )
        for n in parse(text).walk()
        for t in n.targets
    ]


def units(statement: str, *, header: str = "") -> list[UnitRow]:
    """The units of *statement* put at the end of a measure (after *header*'s lines)."""
    doc = parse(f"{header}{MEASURE}{statement}")
    node = doc.children[-1].children[0]
    return [
        (u.name, u.aliases, u.role, u.canonical or "", u.generic) for u in node.responsible_units
    ]


def document_units(text: str) -> list[UnitRow]:
    """The units of every node of a small document, in document order."""
    return [
        (u.name, u.aliases, u.role, u.canonical or "", u.generic)
        for n in parse(text).walk()
        for u in n.responsible_units
    ]


def read_units(case: Case) -> list[UnitRow]:
    """A one-line case is a statement closing a measure; a longer one, a whole document."""
    if len(case.lines) == 1:
        return units(case.text, header=case.header)
    return document_units(case.header + case.text)


def citations(text: str) -> list[CitationRow]:
    """The citations of a small document, in the columns of a fixture row."""
    return [(c.title, c.number, c.cue) for c in parse(text).citations]


def citation_rules(text: str) -> set[str]:
    """The citation rules that decided a title of *text*, whatever the outcome."""
    return {e.rule for e in explain(text) if e.what == "citation"}


def deciding_rules(text: str) -> set[str]:
    """The target rules that decided a quantity of *text*, whatever the outcome."""
    return {e.rule for e in explain(text) if e.what == "quantity"}


def reading_rules(text: str) -> set[str]:
    """The responsibility rules that read a statement of *text*: units or a note came of it."""
    return {
        e.rule
        for e in explain(text)
        if e.what == "unit" or (e.what == "statement" and e.outcome == "note")
    }


def check_filed(case: Case) -> None:
    """The rule of the case's file decided it: a case filed under the wrong rule fails."""
    if case.kind == "targets":
        rules = deciding_rules(case.header + case.text)
        if case.rule == NO_QUANTITY:
            assert not rules, f"{case.where}: filed under {NO_QUANTITY}, decided by {sorted(rules)}"
        else:
            assert case.rule in rules, (
                f"{case.where}: filed under {case.rule}, decided by {sorted(rules)}"
            )
        return
    # Responsibility: the file names (FORMS) are the names of the responsibility rules.
    # A case with units was read by its file's rule; a case with none was read by no
    # rule (every statement in it was left unread), whatever its file.
    assert case.rule in FORMS, f"{case.where}: {case.rule} is not a statement form"
    if case.group == "known miss":
        return  # what its rule should read, and does not yet
    text = case.header + (MEASURE + case.text if len(case.lines) == 1 else case.text)
    read = reading_rules(text)
    if case.rows:
        assert case.rule in read, f"{case.where}: filed under {case.rule}, read by {sorted(read)}"
    else:
        assert not read, f"{case.where}: a negative case, but read by {sorted(read)}"


def check(case: Case) -> None:
    """The test of one case: filed under a rule that decided it, and read as written."""
    check_filed(case)
    if case.kind == "targets":
        got_targets = targets(case.header + case.text)
        want_targets = [target_row(r) for r in case.rows]
        assert got_targets == want_targets, mismatch(case, got_targets)
    else:
        got_units = read_units(case)
        want_units = [unit_row(r) for r in case.rows]
        assert got_units == want_units, mismatch(case, got_units)
