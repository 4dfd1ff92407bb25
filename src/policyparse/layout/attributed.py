"""Indicator tables printed one cell per line with no 序号, their rows ended by 属性.

目标类别 / 具体目标内容 / 目标值（%） / 指标属性, then per row an optional group cell (merged
down: printed on its group's first row only), the indicator, the value and the 属性 word
(约束性, 预期性): no number tells where a row starts, but the 属性 word, printed last,
tells where it ends.  The cell right before it is the value; the one before that, the
indicator; any before that, the group.  A value in words over two lines (完成市级 /
下达目标) gives a row with no target.

Rows a converter printed as a county's table holds them are read too:

- a group heading between rows (一、发展水平, a marked line right before a numbered row
  1.学前教育毛入园率(%)) is a row of one cell;
- a row with parts (其中, lexicon extract/part_leads) prints its names, then its figures a
  column at a time: 幼儿教师学历比例(%) / 其中:本科及以上(%) / 97.74% / 49.85% / 100% /
  50% / 预期性 is two rows, one per name; a first name with no figures of its own
  (班额比例(%) / 其中:小学 / 初中 / four figures) is a row with no value.

The header is a run of short labels (a label is at most 12 characters: layout/lines.py),
three or more of them naming columns, an indicator or target column among them and the
属性 column last; a table with a 序号 column is layout/lines.py's.
"""

from __future__ import annotations

import re

from .. import lexicon
from ..inputs.columns import cell_words, clean, column
from ..text.brackets import without_closing_aside
from ..text.fold import compact
from .align import attribute_words
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow
from .linecells import heading
from .markers import match_marker
from .values import value_like

_LABEL_MAX = 12  # a header cell is a short label
_FOOTNOTE = re.compile(r"(?:\[\d+\]|（\d+）|\(\d+\)|\*+)$")  # 预期性[1]
_SLACK = 3  # lines a row may print beyond the header's columns (a cell over two lines)
_COLUMNS_MAX = 24  # lines of a header at most (its labels, a wrapped one counted twice)
_GROUP_LINES = 6  # and a group cell wrapped a word per line (地震 / 监测 / … / 能力) more


def _text(folded: str, b: Block) -> str:
    return compact(folded[b.start : b.end])


def _label(folded: str, b: Block) -> bool:
    text = _text(folded, b)
    if not text or len(text) > _LABEL_MAX or "|" in text:
        return False
    return match_marker(folded, b.start, b.end) is None and not text.isdigit()


def _attribute(folded: str, b: Block) -> bool:
    """约束性, 预期性[1], 定量: the 属性 (or 指标类型) word that ends a row."""
    words = _FOOTNOTE.sub("", clean(folded[b.start : b.end]))
    return words in attribute_words() or words in cell_words("measure_type")


def _header(folded: str, blocks: list[Block], i: int) -> int | None:
    """Where the header that opens at block *i* ends, or None where none opens there.

    A label wrapped over two lines (指标 / 类型) is one column where the two name it."""
    j = i
    cols = []
    stop = min(len(blocks), i + _COLUMNS_MAX)  # a header is short: linear time over a text
    while j < stop and _label(folded, blocks[j]) and not _attribute(folded, blocks[j]):
        n = _wrapped_label(folded, blocks, j)
        cols.append(column("".join(_text(folded, b) for b in blocks[j : j + n])))
        j += n
        if cols[-1].kind == "attribute":
            break  # the 属性 column is the last: the first row follows
    if len(cols) < 3 or cols[-1].kind != "attribute":
        return None
    kinds = {c.kind for c in cols}
    if "serial" in kinds or "unit" in kinds or not kinds & {"indicator", "target"}:
        return None
    if sum(1 for c in cols if c.kind) < 3:
        return None
    return j


def _wrapped_label(folded: str, blocks: list[Block], j: int) -> int:
    """2 where the label at block *j* and the next read together as a 属性 column that
    neither is alone (指标 / 类型 → 指标类型), else 1."""
    if j + 1 >= len(blocks) or not _label(folded, blocks[j + 1]):
        return 1
    first, second = _text(folded, blocks[j]), _text(folded, blocks[j + 1])
    if column(first).kind == "attribute" or column(second).kind == "attribute":
        return 1
    return 2 if column(first + second).kind == "attribute" else 1


def _header_cells(folded: str, head: list[Block]) -> list[Cell]:
    """The header's cells: one per line, a wrapped 属性 label's two lines one."""
    cells: list[Cell] = []
    k = 0
    while k < len(head):
        n = _wrapped_label(folded, head, k)
        cells.append(Cell(head[k].start, head[k + n - 1].end))
        k += n
    return cells


def _caption(folded: str, blocks: list[Block], i: int, j: int) -> bool:
    """Whether the header's first line is the table's caption: the lines after it are the
    whole header, and it names no column they do not (“十四五”期间主要指标 before 类别 /
    指标内容 / 2025年规划值 / 指标属性 reads as one more target column)."""
    if _header(folded, blocks, i + 1) != j:
        return False
    kind = column(_text(folded, blocks[i])).kind
    return not kind or kind in {column(_text(folded, b)).kind for b in blocks[i + 1 : j]}


def attribute_tables(folded: str, blocks: list[Block], budget: Budget) -> list[TextTable]:
    """Every indicator table of this form (within *budget*)."""
    tables: list[TextTable] = []
    i = 0
    while i < len(blocks) and not budget.spent:
        j = _header(folded, blocks, i) if _label(folded, blocks[i]) else None
        if j is None:
            i += 1
            continue
        if _caption(folded, blocks, i, j):
            i += 1  # “十四五”期间主要指标 / 类别 / …: the caption above is no column
        head = blocks[i:j]
        if not budget.take(len(head), head[0].start):
            break
        cells = _header_cells(folded, head)
        table = TextTable("lines", [TRow(cells, head)], list(head))
        end = _rows(folded, blocks, j, len(cells), table, budget)
        if len(table.rows) > 1:
            tables.append(table)
        i = max(end, i + 1)
    return tables


def _rows(
    folded: str, blocks: list[Block], j: int, width: int, table: TextTable, budget: Budget
) -> int:
    """The rows from block *j*, each ended by its 属性 word; where they end."""
    start = j
    while j < len(blocks) and j - start <= width + _SLACK + _GROUP_LINES:
        b = blocks[j]
        at = _STOP if b.role is not None else _marked(folded, blocks, j, j == start, width)
        if at == _STOP:
            break  # a heading or a part of the notice: the text goes on (12.6 is a figure)
        if at == _HEADING:
            table.rows.append(TRow([Cell(b.start, b.end)], [b]))
            table.blocks.append(b)
            start = j = j + 1
            continue
        j = max(j, at)
        if not _attribute(folded, blocks[j]):
            j += 1
            continue
        row = blocks[start : j + 1]
        if len(row) < 3 or not budget.take(len(row), row[0].start):
            break
        for cells, lines in _parts(folded, row, width) or [(_cells(folded, row, width), row)]:
            table.rows.append(TRow(cells, list(lines)))
        table.blocks.extend(row)
        start = j = j + 1
    return start


_STOP, _HEADING = -1, -2


def _marked(folded: str, blocks: list[Block], j: int, opening: bool, width: int) -> int:
    """What block *j* is to the rows: a line with no marker, *j* (read on); a marked line
    opening a row, the 属性 word ending it (1.学前教育毛入园率(%) / … / 约束性), or
    _HEADING before another marked line (一、发展水平 / 1.…); any other marked line,
    _STOP (二、保障措施 after the table: the text goes on)."""
    if not heading(folded, blocks[j]):
        return j
    end = _row_end(folded, blocks, j, width) if opening else None
    if end is None:
        return _STOP
    # A marked line right before another is a group heading between rows (一、发展水平 / 1.…).
    return _HEADING if heading(folded, blocks[j + 1]) else end


def _row_end(folded: str, blocks: list[Block], j: int, width: int) -> int | None:
    """The 属性 word ending the row a marked line at block *j* opens, if one comes soon."""
    for k in range(j + 1, min(len(blocks), j + width + _SLACK + _GROUP_LINES)):
        if blocks[k].role is not None:
            return None
        if _attribute(folded, blocks[k]):
            return k
    return None


def _parts(folded: str, row: list[Block], width: int) -> list[tuple[list[Cell], list[Block]]]:
    """A row with parts printed names first, figures a column at a time (see the module):
    one row per name, the figures of column *c* for name *r* the (c·k + r)th; else []."""
    *printed, attribute = row
    values = _trailing_values(folded, printed)
    names = printed[: len(printed) - values]
    columns = width - 2  # the indicator and 属性 columns aside
    if columns < 1 or values <= columns or values % columns or len(names) < 2:
        return []
    k = values // columns
    leads = tuple(lexicon.column("extract/part_leads"))
    if len(names) not in (k, k + 1) or not _text(folded, names[1]).startswith(leads):
        return []
    figures = printed[len(names) :]
    last = Cell(attribute.start, attribute.end)
    out: list[tuple[list[Cell], list[Block]]] = []
    if len(names) > k:  # 班额比例(%) / 其中:小学 / 初中: the whole prints no figure
        head = names.pop(0)
        gaps = [Cell(head.end, head.end)] * columns
        out.append(([Cell(head.start, head.end), *gaps, last], [head]))
    for r, name in enumerate(names):
        cells = [figures[c * k + r] for c in range(columns)]
        out.append(
            ([Cell(name.start, name.end), *(Cell(b.start, b.end) for b in cells), last], [name])
        )
    return out


_WORD_LINE = 2  # a group cell wrapped a word per line prints this many characters a line


def _wrapped_group(folded: str, lines: list[Block]) -> int:
    """How many lines at a row's start are one group cell wrapped a word per line (地震 /
    监测 / 预报 / 预警 / 能力): two or more lines of at most two characters; else 0."""
    k = 0
    while k < len(lines) - 2 and 0 < len(_text(folded, lines[k])) <= _WORD_LINE:
        k += 1
    return k if k >= 2 else 0


_BRACKET_LINE = re.compile(r"[（(][^（）()]{1,20}[）)]")


def _bracket_lines_joined(folded: str, lines: list[Block]) -> list[Block]:
    """A line that is one bracket joins the line above it: a unit under its indicator's
    name (建设用地总规模 / （平方公里）), a note under its figure (36 / （2021年-2025年）)."""
    out: list[Block] = []
    for b in lines:
        if out and _BRACKET_LINE.fullmatch(_text(folded, b)):
            out[-1] = Block(out[-1].start, b.end)
        else:
            out.append(b)
    return out


def _trailing_values(folded: str, lines: list[Block]) -> int:
    """How many of the row's last lines are figures (a note in brackets after one aside)."""
    n = 0
    for b in reversed(lines):
        if not value_like(without_closing_aside(clean(folded[b.start : b.end]))):
            break
        n += 1
    return n


def _cells(folded: str, row: list[Block], width: int) -> list[Cell]:
    """A row's cells: the value right before the 属性 word, the indicator before it, the
    group cell before that; a value in words over several lines is one cell; a line that
    is one bracket belongs to the cell above it."""
    *printed, attribute = row
    lines = _bracket_lines_joined(folded, printed)
    last = clean(folded[lines[-1].start : lines[-1].end])
    group = _wrapped_group(folded, lines)
    values = _trailing_values(folded, lines)
    if values and len(lines) - values > 1 and len(lines) + 1 > width and group < 2:
        # 管道养护 / 抽查合格率 / 95%以上, 年均土地储备计划 / 规模（平方公里） / 30-40 / 50-60:
        # a name wrapped over two lines before its figures, no group column
        wrapped = Cell(lines[0].start, lines[-values - 1].end)
        figures = [Cell(b.start, b.end) for b in lines[-values:]]
        return [wrapped, *figures, Cell(attribute.start, attribute.end)][-width:]
    if group > 1:  # 地震 / 监测 / 预报 / 能力: a group cell printed a word per line
        merged = Cell(lines[0].start, lines[group - 1].end)
        rest = [Cell(b.start, b.end) for b in lines[group:]]
        return [merged, *rest, Cell(attribute.start, attribute.end)][-width:]
    if value_like(last) or len(lines) < 3 or any(ch.isdigit() for ch in last):
        # …/ 上海行政区达到0.8级，邻近地区达到1.5级: a value in words on one line
        cells = [Cell(b.start, b.end) for b in lines]
    else:  # 单位生产总值能耗降低 / 完成市级 / 下达目标: the value is the lines after the name
        name = 1 if len(lines) + 1 > width else 0
        cells = [Cell(b.start, b.end) for b in lines[: name + 1]]
        cells.append(Cell(lines[name + 1].start, lines[-1].end))
    return [*cells, Cell(attribute.start, attribute.end)][-width:]
