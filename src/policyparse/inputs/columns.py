"""What a table's columns hold, read from its header row (or two).

Read where a table is laid out (inputs.grid: a web page's or Word file's table is
printed row by row only when its header says it is a table of tasks, indicators or
projects) and where its rows are read (layout.tables).

A header cell's words (lexicon layout/table_columns, extract/role_labels) give
its kind: 序号 → serial, 重点任务 → task, 牵头单位 → a unit column whose units
lead, 完成时限 → deadline, 指标名称 → indicator, 单位 → the unit of measure,
属性 → binding or expected, 2020年 / 基期值 → base-year figures, 2025年 /
“十四五”末 / 目标值 → target values.  A header with none of these words is a
column of no kind (备注, 联系人).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from .. import lexicon
from ..vocab import Role

TableKind = Literal["task", "indicator", "project", "other"]

_YEAR = re.compile(r"((?:19|20)\d{2}) ?年?")
_BRACKET_YEAR = re.compile(r"[(（]((?:19|20)\d{2}) ?年?[)）]$")
_HEADER_MAX = 24  # a header cell is a short label


@dataclass(slots=True)
class Column:
    """One column: its kind, the role of its units, the year of its values, its header."""

    kind: str  # a kind of lexicon layout/table_columns, "unit" (responsible units) or ""
    header: str = ""  # the header's words, compact (the cue of a unit column)
    role: Role | None = None
    year: int | None = None


@cache
def _kinds() -> dict[str, str]:
    return lexicon.mapping("layout/table_columns", "kind")


@cache
def _cell_words(kind: str) -> tuple[str, ...]:
    return lexicon.column("layout/table_cells", kind=kind)


def cell_words(kind: str) -> tuple[str, ...]:
    """The words of one kind in lexicon layout/table_cells (binding, none, decrease …)."""
    return _cell_words(kind)


@cache
def _periods() -> dict[str, int]:
    return {w: int(y) for w, y in lexicon.rows("extract/plan_periods")}


def compact(text: str) -> str:
    """Whitespace removed (as text.fold.compact, which comes later in the pipeline)."""
    return "".join(text.split())


def clean(text: str) -> str:
    """A header or cell's words: markdown marks and <br> dropped, spaces removed."""
    return compact(text.replace("<br>", "").replace("*", ""))


@cache
def _kind_words() -> tuple[str, ...]:
    return tuple(lexicon.longest_first(tuple(_kinds())))


@cache
def _role_words() -> tuple[str, ...]:
    return tuple(lexicon.longest_first(tuple(lexicon.roles("extract/role_labels"))))


def _word_kind(words: str) -> str:
    """The kind of the longest lexicon word the header equals or starts with; else a
    group or target column named by a short qualifier before its word (改革领域, 创建领域;
    省级指标值, 规划目标值)."""
    kinds = _kinds()
    for word in _kind_words():
        if words.startswith(word) and kinds[word] not in _WHOLE:
            return kinds[word]
    whole = _whole_words().get(words.translate(_HALF_BRACKETS))
    if whole is not None:
        return whole
    for word in _kind_words():
        short = len(words) - len(word) <= _QUALIFIER_MAX
        if kinds[word] in _QUALIFIED and words.endswith(word) and short:
            return kinds[word]
    return "serial" if serial_label(words) and words else ""


_WHOLE = frozenset({"body"})  # 地区 is a column of bodies; 地区生产总值 an indicator
_HALF_BRACKETS = str.maketrans("（）", "()")  # 县（市、区） as the folded text prints it


@cache
def _whole_words() -> dict[str, str]:
    """The kinds a header has only where it equals their word (brackets either width)."""
    kinds = _kinds()
    return {w.translate(_HALF_BRACKETS): k for w, k in kinds.items() if k in _WHOLE}


_QUALIFIER_MAX = 4  # 落实推进单位, 改革领域: a few characters before a column's word
_QUALIFIED = frozenset({"category", "target", "remark"})  # 省级指标值, 二季度完成情况
_SUFFIX_LABEL_MIN = 4  # 推进单位 ends a label; 单位 alone does not (计量单位)


_SERIAL_LABEL_MAX = 6  # 项目序号, 任务序号: a serial column's label, a word before 序号


@cache
def serial_words() -> tuple[str, ...]:
    """序号, 编号: the words of the serial column (lexicon layout/table_columns)."""
    kinds = _kinds()
    return tuple(w for w in kinds if kinds[w] == "serial")


def holds_serial(folded: str, start: int, end: int) -> bool:
    """Whether a serial word stands in folded[start:end]: the cheap test that lets a line
    with none skip the search for a header in it."""
    return any(folded.find(w, start, end) != -1 for w in serial_words())


@cache
def column_words() -> frozenset[str]:
    """The words that name a column, whole (lexicon layout/table_columns and the role labels)."""
    return frozenset(_kinds()) | frozenset(lexicon.roles("extract/role_labels"))


def serial_label(words: str) -> bool:
    """序号, 编号, or a short label ending in one (项目序号, 任务编号)."""
    return len(words) <= _SERIAL_LABEL_MAX and words.endswith(serial_words())


def _role(words: str) -> Role | None:
    """The role a unit column's label opens with (牵头单位（部门）), or ends with after a
    short qualifier (落实推进单位, 具体责任单位); a two-character word such as 单位 alone
    is no label (计量单位)."""
    roles = lexicon.roles("extract/role_labels")
    for label in _role_words():
        if words.startswith(label):
            return roles[label]
    for label in _role_words():
        short = len(words) - len(label) <= _QUALIFIER_MAX
        if len(label) >= _SUFFIX_LABEL_MIN and words.endswith(label) and short:
            return roles[label]
    return None


def year_of(words: str) -> int | None:
    """The year a header (or caption) names: 2025年 → 2025, 目标值（2025年） → 2025 (the
    year in the header's closing bracket), “十四五”末 → 2025."""
    m = _YEAR.match(words) or _BRACKET_YEAR.search(words)
    if m is not None:
        return int(m.group(1))
    for word, year in _periods().items():
        if word in words:
            return year
    return None


def column(text: str) -> Column:
    """The column a header cell's text opens (a fresh Column: callers may change it)."""
    c = _column(text) if len(text) <= _HEADER_MAX * 2 else Column("", clean(text))
    return Column(c.kind, c.header, c.role, c.year)


@lru_cache(maxsize=4096)
def _column(text: str) -> Column:
    words = clean(text)
    role = _role(words)
    if role is not None:
        return Column("unit", words, role)
    kind = _word_kind(words)
    year = year_of(words)
    if year is not None and kind in ("", "target", "base"):
        base = any(w in words for w in _cell_words("base_words"))
        return Column("base" if base or kind == "base" else "target", words, None, year)
    return Column(kind, words)


def is_header(texts: list[str]) -> bool:
    """A row of short cells, two or more of them column words (序号 | 指标 | 2025年 …)."""
    words = [clean(t) for t in texts]
    if any(len(w) > _HEADER_MAX for w in words):
        return False
    return sum(1 for w in words if w and column(w).kind) >= 2


def _bare_year(header: str) -> bool:
    """2020, 2025年, （2025年）: a year and nothing that says what the column holds."""
    return _YEAR.fullmatch(header.strip("()（）")) is not None


def settle_years(cols: list[Column]) -> None:
    """Two or more bare year columns (2020 | 2025, （2025年） | （2030年）): the first holds
    the base year, except in a table of tasks, whose years are each a year's work (2023年 |
    2024年 | 2025年 | 实施单位).

    A column that says what it holds (2020年实际值, 2025年目标值) keeps its kind.  A target
    column naming no year after one that does (2030年 | 年均【累计】) takes that year.
    """
    _base_year(cols)
    year = None
    for c in cols:  # “十五五”目标 over 2030年 | 年均【累计】: the yearly column is of 2030 too
        if c.kind == "target" and c.year is None and year is not None:
            c.year = year
        year = c.year if c.kind == "target" and c.year is not None else year


def _base_year(cols: list[Column]) -> None:
    """The first of two or more bare year columns is the base, but not in a table of tasks
    (2023年 | 2024年 | 2025年 | 实施单位) nor where a column says it holds the base.  A
    table of indicators may name who answers for them (指标 | 单位 | 2009年 | … | 2015年 |
    考核责任单位): its first year is still the base."""
    bare = [c for c in cols if c.kind == "target" and _bare_year(c.header)]
    tasks = any(c.role is not None for c in cols) and not any(c.kind == "indicator" for c in cols)
    if len(bare) < 2 or tasks or any(c.kind == "base" for c in cols):
        return
    min(bare, key=lambda c: c.year or 0).kind = "base"


def settle_duties(cols: list[Column]) -> None:
    """单位 | 职责分工: beside a duty column, the column of bodies (单位, 成员单位) is a unit
    column, each body responsible; elsewhere 成员单位 is a plain column and 单位 one of
    measure units."""
    duties = any(c.kind == "duty" for c in cols)
    for c in cols:
        if duties and c.kind in ("measure_unit", "duty_body"):
            c.kind, c.role = "unit", "responsible"
        elif c.kind == "duty_body":
            c.kind = ""


def kind(cols: list[Column]) -> TableKind:
    """A table of tasks (a unit column and 序号 or a task column, projects with their
    owners too, member units and their duties), of indicators (an indicator column and a
    target column), of projects (项目名称 … with no unit column, and a column of their
    facts: a list naming its projects alone is text), or other."""
    kinds = {c.kind for c in cols}
    if "unit" in kinds and kinds & {"serial", "task", "task_group", "duty"}:
        return "task"  # 序号 | 项目名称 | 牵头单位: projects assigned to their owners
    if "body" in kinds and "target" in kinds and not kinds & _NOT_ASSIGNED:
        return "indicator"  # 责任单位 | 外贸出口目标 | …: targets assigned to bodies
    if "project" in kinds and not _names_only(cols):
        return "project"
    if "indicator" in kinds and "target" in kinds:
        return "indicator"
    return "other"


def _names_only(cols: list[Column]) -> bool:
    """A list that names projects and states none of their facts nor their owners (序号 |
    项目名称): its cells are the commitments (lexicon layout/project_names)."""
    names = _project_names()
    projects = [c for c in cols if c.kind == "project"]
    return all(c.header in names for c in projects) and not any(c.kind == "unit" for c in cols)


@cache
def _project_names() -> frozenset[str]:
    return frozenset(lexicon.column("layout/project_names"))


_NOT_ASSIGNED = frozenset({"task", "task_group", "duty", "indicator", "project", "unit"})


def header_at(rows: list[list[str]], look: int = 4) -> tuple[int, list[Column]] | None:
    """The header among the first *look* rows and its columns; None: no header."""
    for h, texts in enumerate(rows[:look]):
        if is_header(texts):
            cols = [column(t) for t in texts]
            settle_years(cols)
            return h, cols
    return None


def header_kind(rows: list[list[str]], look: int = 4) -> TableKind | None:
    """The kind of table whose header is one of the first *look* rows; None: no header."""
    found = header_at(rows, look)
    return None if found is None else kind(found[1])


_ASSIGNED_ROWS = 2  # rows of a name and its figures under the header, at least
_FIGURE = re.compile(r"[≥≤<>]?\d+(?:\.\d+)?[%‰％]?")
_ASSIGNED_KINDS = frozenset({"", "target", "remark"})  # the header's other cells


def is_figure(words: str) -> bool:
    """A figure alone, a comparison sign or a percent at most (1900, ≥95, 3.5%): a value
    cell of a table of assigned targets, not a name or a label."""
    return _FIGURE.fullmatch(words.strip()) is not None


def assigned_at(rows: list[list[str]], look: int = 4) -> tuple[int, list[Column]] | None:
    """The header of a table of targets assigned to bodies, each row a body that answers
    and each column an indicator, and its columns; None where the rows are no such table.

    Takes ``责任单位 | 外贸出口目标 | 实到外资目标`` over ``万州区 | 1900 | 300``, and
    ``考核单位 | 合同外资（万美元） | …`` (the first cell a role label or a column of bodies,
    lexicon layout/table_columns ``body``; the others labels, no figures; the rows under
    it a name and figures only, ``—`` for none).  Leaves ``序号 | 任务 | 责任单位`` (a
    task's words in the rows) and a header whose first column is no column of bodies.
    The first column becomes a ``body`` column with its role (responsible where the label
    names none), the others target columns of their header's year, if any.
    """
    for h, texts in enumerate(rows[:look]):
        cols = _assigned_columns(texts)
        if cols is not None and _figured_rows(rows[h + 1 : h + 1 + 2 * _ASSIGNED_ROWS], cols):
            return h, cols
    return None


def _assigned_columns(texts: list[str]) -> list[Column] | None:
    words = [clean(t) for t in texts]
    while words and not words[-1]:
        words.pop()
    if len(words) < 2 or any(not w or len(w) > _HEADER_MAX for w in words):
        return None
    first = column(words[0])
    if first.kind not in ("unit", "body") or is_figure(words[1]):
        return None
    cols = [Column("body", first.header, first.role or "responsible")]
    for w in words[1:]:
        c = _assigned_column(w)
        if c is None:
            return None
        cols.append(c)
    return cols


def _assigned_column(words: str) -> Column | None:
    """An indicator's column (a label of no kind, or a target column's), or a remark's;
    None for a figure or a column of another kind (配合单位, 工作任务)."""
    c = column(words)
    if c.kind not in _ASSIGNED_KINDS or is_figure(words) or c.role is not None:
        return None
    return c if c.kind == "remark" else Column("target", c.header, None, year_of(words))


def _figured_rows(rows: list[list[str]], cols: list[Column]) -> bool:
    """Rows of a name and figures under the header (a total row too), at least two; a
    row of a task's words ends the look."""
    seen = 0
    for texts in rows:
        if not any(clean(t) for t in texts):
            continue
        if not assigned_row(texts, cols):
            return False
        seen += 1
    return seen >= _ASSIGNED_ROWS


def assigned_row(texts: list[str], cols: list[Column]) -> bool:
    """A row of a table of assigned targets: a name (万州区, 合计), then figures or marks for
    none under the target columns (1900 | —), no more cells than the header's."""
    words = [clean(t) for t in texts]
    if not words or len(words) > len(cols):
        return False
    cells = [words[k] for k, c in enumerate(cols) if c.kind == "target" and k < len(words)]
    if not words[0] or is_figure(words[0]):
        return False
    figures = [w for w in cells if is_figure(w)]
    return bool(figures) and all(not w or w in figures or w in _cell_words("none") for w in cells)


@cache
def _no_body() -> frozenset[str]:
    """A unit cell's words that name nobody: ——, /, and a total or whole-area row's 合计, 全市."""
    return frozenset(cell_words("none") + cell_words("total") + cell_words("whole"))


def names_nobody(words: str) -> bool:
    """The cell names nobody (_no_body), also where a whole area and a total are printed
    together (全县合计, 全市总计: the row of sums)."""
    if words in _no_body():
        return True
    whole = next((w for w in cell_words("whole") if words.startswith(w)), None)
    return whole is not None and words[len(whole) :] in cell_words("total")
