"""The lines of a table printed one cell per line, read one by one: a row's cells, a
list item inside a cell, a group row's numeral or label, a heading (layout/lines.py).
"""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..inputs.columns import cell_words, clean, column, year_of
from ..text.fold import compact
from ..text.numerals import CN_NUMERAL_CHARS, cn_to_int
from .align import DASH_ONES, attribute_words, deadline_like, serial_text, unit_like
from .blocks import Block
from .cells import Cell
from .markers import match_marker
from .unitcells import legal_forms
from .values import FIGURE, unit_word, value_like
from .yearly import cell_year


def _text(folded: str, b: Block) -> str:
    return compact(folded[b.start : b.end])


def row_cells(folded: str, row: list[Block], width: int = 0) -> list[Cell]:
    """A row's cells, one per line, but a company's legal form on a line of its own
    joins the line above (上海某科技集团 / 股份有限公司 is one name, wrapped), and a
    numbered list runs on in one cell (1.完善… / 2.编制… / 3.推进… under 2024年工作任务;
    the next 1. opens the next cell).  Given the header's *width*, a row set apart by
    blank lines whose lines outnumber the columns has its last cell run over the lines
    left (a 权力责任事项 of three paragraphs)."""
    cells = _line_cells(folded, row)
    if width and len(cells) > width > 1 and _set_apart(folded, row):
        cells = [*cells[: width - 1], Cell(cells[width - 1].start, cells[-1].end)]
    return cells


def _set_apart(folded: str, row: list[Block]) -> bool:
    """A blank line before the row and after it, none inside it."""
    start, end = row[0].start, row[-1].end
    if "\n\n" in folded[start:end]:
        return False
    before = folded[max(0, start - 2) : start]
    after = folded[end : end + 2]
    return before.endswith("\n\n") and (after == "\n\n" or end >= len(folded.rstrip()))


def _line_cells(folded: str, row: list[Block]) -> list[Cell]:
    cells: list[Cell] = []
    last = None  # the number of the list item the last cell ends with
    for b in row:
        n = item_number(folded, b)
        wrapped = len(cells) > 1 and _text(folded, b) in legal_forms()
        listed = n is not None and last is not None and n == last + 1
        if cells and (wrapped or listed):
            cells[-1] = Cell(cells[-1].start, b.end)
        else:
            cells.append(Cell(b.start, b.end))
        last = n
    return cells


def opens_sub_row(prev: str, line: str) -> bool:
    """Whether *line* opens a row continuing a task row: after the row's unit cell, words
    that are neither a body nor a deadline (县文体广新局 / 县代建中心 / 12月底前 is a unit
    cell printed one body per line, then the row's own 完成时限)."""
    return unit_like(prev) and not unit_like(line) and not deadline_like(line)


def item_number(folded: str, b: Block) -> int | None:
    """The number of a list item line inside a cell (1.完善…, 2、编制…), else None."""
    mk = match_marker(folded, b.start, b.end)
    if mk is None or mk.digit_follows or mk.style != "arabic":
        return None
    return mk.value


def row_tail(words: str) -> bool:
    """A cell no row opens with: a 属性 word (预期性) or a unit (万平方米)."""
    return attribute_word(words) or unit_word(words)


def attribute_word(words: str) -> bool:
    """约束性, 预期性: the 属性 word a row of an indicator table ends with."""
    return words in attribute_words()


_NUMBER_MAX = 3  # 十四: a group's number in Chinese numerals is short


def group_number(folded: str, b: Block) -> int | None:
    """A line that is a Chinese numeral alone (一, 十四): a group's number, else None.

    A dash alone (—) is the numeral 一 as a converter printed it (the two look alike):
    a group row only where a title and the first row's number follow (group_row)."""
    text = _text(folded, b)
    if text in DASH_ONES:
        return 1
    if not text or len(text) > _NUMBER_MAX or any(ch not in CN_NUMERAL_CHARS for ch in text):
        return None
    return cn_to_int(text)


@cache
def _label_pattern() -> re.Pattern[str]:
    words = lexicon.alternation(lexicon.column("layout/group_labels"))
    return re.compile(rf"\s*(?:{words})[{CN_NUMERAL_CHARS}]{{1,3}}(?=[:：])")


def group_label(folded: str, b: Block) -> tuple[int, int] | None:
    """Where the label of 行动一：再造… ends, and where its title starts (after the colon)."""
    m = _label_pattern().match(folded, b.start, b.end)
    if m is None:
        return None
    start = m.end() + 1
    while start < b.end and folded[start].isspace():
        start += 1
    return (m.end(), start) if start < b.end else None


def heading(folded: str, b: Block) -> bool:
    """一、…, （二）…: a numbered heading line (not a figure such as 1.4)."""
    mk = match_marker(folded, b.start, b.end)
    return mk is not None and not mk.digit_follows


def year_cell(words: str) -> bool:
    """2019年, 2020年底: a cell naming a year alone (a 节点 cell)."""
    return cell_year(words) is not None and words[:1].isdigit()


NUMBERED = re.compile(r"\s*\d{1,2}[.．、](?!\d)\s*")  # 1. opening a group cell (not 26.5)


def _wrapped(folded: str, a: Block, b: Block) -> bool:
    """Whether header lines *a* and *b* are one cell: “十五五” / 目标值, 2020年 / 现状值,
    “十四五” / 现状 (the word alone names no column, the two do)."""
    first, second = _text(folded, a), _text(folded, b)
    if not _year_over_word(first, second):
        return False
    return column(second).kind in ("target", "base") or column(first + second).kind == "base"


_QUALIFIER_MAX = 6  # 松江, 全区: a place or scope printed above a column's label


def qualifiers_merged(folded: str, cells: list[Cell], width: int) -> list[Cell]:
    """The header's columns with the lines of one label joined, where the rows print as
    many cells as the joined header has columns: 松江 / “十四五” / 现状 and 松江 / “十五五” /
    指标 over rows of six cells (序号 | 指标名称 | 单位 | 属性 | … | …) are two columns, not
    six.

    Joined: a qualifier (a short label naming no column and no year: a place, a scope)
    before a label naming a year, and a year's label before the word that makes it a
    target or base column (“十四五” / 现状).  Where the counts do not agree nothing is.
    """
    texts = [compact(folded[c.start : c.end]) for c in cells]
    groups: list[list[int]] = []
    k = 0
    while k < len(cells):
        group = [k]
        if k + 1 < len(cells) and _qualifier(texts[k]) and year_of(texts[k + 1]) is not None:
            group.append(k + 1)
        last = group[-1]
        if last + 1 < len(cells) and _year_label(texts[last], texts[last + 1]):
            group.append(last + 1)
        groups.append(group)
        k = group[-1] + 1
    if len(groups) == len(cells) or len(groups) != width:
        return cells
    return [Cell(cells[g[0]].start, cells[g[-1]].end) for g in groups]


def _year_label(first: str, second: str) -> bool:
    """“十四五” / 现状, 2030年 / 目标值: a year's label and the word under it, one label."""
    return _year_over_word(first, second) and column(first + second).kind in ("target", "base")


def _year_over_word(first: str, second: str) -> bool:
    """A label naming a year (of no column or a target one) over one naming none: the two
    lines of one label may be these (the callers say which joined words make a column)."""
    if year_of(first) is None or year_of(second) is not None:
        return False
    return column(first).kind in ("", "target")


_ROW_MAX = 24  # lines a first row is looked for in


def name_wrapped(
    folded: str, blocks: list[Block], row: list[Block], k: int, cells: list[Cell]
) -> tuple[list[Cell], int]:
    """An indicator row whose name is printed over two lines (5 / 生活垃圾资源化 / 利用率 /
    % / 预期性 / 86.98 / 87): the two lines after the number are words and a figure still
    follows the row's last cell (block *k*): the row takes it, the two lines are one cell.
    Leaves 5 / 名称 / 持续改善 / 预期性 / 6 (a value in words, then the next row)."""
    if len(row) < 3 or k >= len(blocks) or FIGURE.match(_text(folded, blocks[k])) is None:
        return cells, k
    if any(value_like(clean(_text(folded, b))) for b in row[1:3]):
        return cells, k
    number = serial_text(_text(folded, row[0]))
    if number is not None and serial_text(_text(folded, blocks[k])) == number + 1:
        return cells, k  # the next row's number
    row.append(blocks[k])
    joined = row_cells(folded, row)
    return [joined[0], Cell(joined[1].start, joined[2].end), *joined[3:]], k + 1


def first_row_width(folded: str, blocks: list[Block], j: int) -> int:
    """How many lines the first row (numbered at block *j*) prints before the next row's
    number; 0 where no next number is seen."""
    first = serial_text(_text(folded, blocks[j])) if j < len(blocks) else None
    if first is None:
        return 0
    for k in range(j + 1, min(len(blocks), j + _ROW_MAX)):
        if serial_text(_text(folded, blocks[k])) == first + 1:
            return k - j
    return 0


def _qualifier(text: str) -> bool:
    return 0 < len(text) <= _QUALIFIER_MAX and not column(text).kind and year_of(text) is None


def header_cells(folded: str, head: list[Block]) -> list[Cell]:
    """The header's columns: one per line, a wrapped cell's two lines as one."""
    cells: list[Cell] = []
    k = 0
    while k < len(head):
        if k + 1 < len(head) and _wrapped(folded, head[k], head[k + 1]):
            cells.append(Cell(head[k].start, head[k + 1].end))
            k += 2
            continue
        cells.append(Cell(head[k].start, head[k].end))
        k += 1
    return cells


def without_group_header(folded: str, cells: list[Cell]) -> list[Cell]:
    """The header's columns without a group header over the last two (“十五五”目标 /
    2030年 / 年均【累计】: the rows print two cells under it), the first of which names its
    year and the second none."""
    if len(cells) < 3:
        return cells
    cols = [column(compact(folded[c.start : c.end])) for c in cells[-3:]]
    over = (
        all(c.kind == "target" for c in cols)
        and cols[1].year is not None
        and year_of(compact(folded[cells[-1].start : cells[-1].end])) is None
    )
    return cells[:-3] + cells[-2:] if over else cells


_BRACKETED_YEAR = re.compile(r"[（(](?:19|20)\d{2}年?[）)]")


def years_under_labels(folded: str, cells: list[Cell]) -> list[Cell]:
    """The header with value labels printed over their years, each year on a line of its
    own (指标值 / 现状 / 近期规划 / （2025年） / （2030年）): the year lines are the columns
    (the first of two the base: inputs.columns.settle_years); the labels above them, each
    naming a base or target column, and a group label over those (指标值: a target word
    and no year) go.  Leaves labels naming no value column, and years printed bare."""
    texts = [compact(folded[c.start : c.end]) for c in cells]
    n = len(cells)
    years = 0
    while years < n and _BRACKETED_YEAR.fullmatch(texts[n - 1 - years]):
        years += 1
    first = n - 2 * years
    labels = [column(t) for t in texts[max(first, 0) : n - years]]
    if years < 2 or first < 0 or any(c.kind not in ("base", "target") or c.year for c in labels):
        return cells
    group = column(texts[first - 1]) if first > 0 else None
    if group is not None and group.kind == "target" and group.year is None:
        first -= 1  # 指标值 over 现状 / 近期规划: a group label, no column
    return cells[:first] + cells[n - years :]


def years_under_group(folded: str, cells: list[Cell]) -> list[Cell]:
    """The header with a group label over year columns whose years are printed last, after
    the unit columns (序号 / 项目名称 / 项目内容 / 项目目标 / 实施单位 / 2023年 / 2024年 /
    2025年, the rows printing their years before their unit): the years stand where the
    group label stands (a label ending in a target word, no year of its own), which goes.
    Leaves years printed after a label that groups nothing, and a header with no unit
    column between."""
    texts = [compact(folded[c.start : c.end]) for c in cells]
    n = len(cells)
    years = 0
    while years < n and column(texts[n - 1 - years]).year is not None:
        years += 1
    units = 0
    while units < n - years and column(texts[n - years - 1 - units]).role is not None:
        units += 1
    g = n - years - units - 1
    if years < 2 or units == 0 or g < 0 or column(texts[g]).year is not None:
        return cells
    if not texts[g].endswith(_target_words()):
        return cells
    return cells[:g] + cells[n - years :] + cells[g + 1 : n - years]


@cache
def _target_words() -> tuple[str, ...]:
    """目标, 目标值: the words of a target column (lexicon layout/table_columns)."""
    return lexicon.column("layout/table_columns", kind="target")


def group_cell_out(folded: str, blocks: list[Block], start: int, i: int, j: int) -> int:
    """The header's end without the first row's group cell: 类别 / 序号 / … / 属性 /
    建设宜居城区 / 1 — a line right before the first number, naming no column, is the
    group cell of that row when the header has a group column before 序号.

    Also without a title over the first group: 序号 / … / 所处区域 / 正式项目（67个） / 一 /
    市政设施类 / 1 — a line naming no column and printing a count, right before a group
    row, titles the groups below it (a title line: _Rows.title_line); 所处区域 / 一 stays.
    """
    if j >= len(blocks) or j - 1 <= i:
        return j
    last = _text(folded, blocks[j - 1])
    if column(last).kind or year_of(last) is not None:
        return j
    if i > start and serial_text(_text(folded, blocks[j])) is not None:
        return j - 1
    if group_number(folded, blocks[j]) is not None and any(ch.isdigit() for ch in last):
        return j - 1  # 正式项目（67个）: a count, which no column label prints
    return j


def short_row(folded: str, header: list[Cell], serial_at: int, texts: list[str]) -> bool:
    """Whether a row still lacks cells up to the header's last column (a trailing 备注
    column, left empty, aside): after 7 / 新增高新技术企业数 / 家 / 预期性 / —, 【累计300】
    is the row's last cell, not the label of the next group of rows; so is 动态调整 after
    5 / 住宅用地面积 / 平方千米 / 预期性 / 20.26.  Where the header has two name columns
    (一级指标 | 二级指标), a short row ending in a figure (8 / 老旧街区改造数量 / 个 / 预期性 /
    ≥5) lost a merged name cell instead, and the line after it may be a group's label."""
    labels = [clean(folded[h.start : h.end]) for h in header[serial_at + 1 :]]
    if not labels or not 0 < len(texts) < len(labels) - (column(labels[-1]).kind == "remark"):
        return False
    names = sum(column(label).kind in ("indicator", "category") for label in labels)
    return texts[-1] in cell_words("none") or names <= 1


_GROUPING = ("category", "task_group")  # columns a header may print before 序号


def group_column(text: str) -> bool:
    """A label that can head a group column before 序号: a group's word (类别, 领域), or a
    task column's word as a whole label (领域 / 任务 / 序号: 任务 names the groups there);
    leaves a caption that opens with one (重点任务分工表)."""
    kind = column(text).kind
    return kind in _GROUPING or (kind == "task" and text in _task_words())


@cache
def _task_words() -> frozenset[str]:
    return frozenset(lexicon.column("layout/table_columns", kind="task"))


_LABEL_MAX = 12  # a header cell is a short label
_LEADING_GROUPS = 2  # group columns (类别, 领域) a header may print before 序号


def label_line(folded: str, b: Block) -> bool:
    """A line that can be a header label: short, no number (in figures or a Chinese
    numeral alone), no marker, no bar."""
    text = compact(folded[b.start : b.end])
    if not text or len(text) > _LABEL_MAX or serial_text(text) is not None:
        return False
    if group_number(folded, b) is not None or group_label(folded, b) is not None:
        return False  # 一, 行动一：…: a group's number, the rows begin
    return "|" not in text and match_marker(folded, b.start, b.end) is None


def header_end(folded: str, blocks: list[Block], i: int) -> int:
    """The end of the header that opens at block *i*: short labels, no number, no marker."""
    j = i + 1
    while j < len(blocks) and label_line(folded, blocks[j]):
        j += 1
    return j


def header_start(folded: str, blocks: list[Block], i: int) -> int:
    """Where the header whose serial label is block *i* starts: 类别 / 序号 opens at 类别.

    Takes up to two group columns right above (lexicon layout/table_columns, kind
    category); leaves a caption (主要指标表) above them."""
    start = i
    while start > 0 and i - start < _LEADING_GROUPS:
        prev = blocks[start - 1]
        if not label_line(folded, prev) or not group_column(compact(folded[prev.start : prev.end])):
            break
        start -= 1
    return start
