"""Tables rendered one cell per line with no bars, as in the 附件 of many notices.

序号 / 改革举措 / 主要内容 / 指导部门 / 推广范围, then per row a bare number and its
cells.  Only the header tells where a row ends: a header line of the serial column
(序号, 项目序号: inputs.columns.serial_label) opens it, or follows the column words of a group
column (类别 / 序号 / …), short column labels follow, and each row is its number and
the cells after it, up to as many as the header has columns after 序号.

What a converter does to merged cells is read too:

- a header cell wrapped over two lines, a period or year and then what the column
  holds (“十五五” / 目标值, 2020年 / 现状值), is one column;
- a group cell printed once, on its group's first row (类别 merged down), stands
  before that row's number and belongs to the row;
- a row whose cells were merged with the row above (任务名称 spanning two tasks) is
  short: it ends where the next number in sequence starts it, and the table reader
  aligns it to the right (layout/tables.py);
- a group heading between rows (一、知识产权保护方面) is a row of one cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..inputs.columns import cell_words, clean, serial_label
from ..text.fold import compact
from .align import DASH_ONES, serial_text, unit_like
from .blankcells import label_lines, sub_row_cells, sub_row_end
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow
from .linecells import (
    NUMBERED,
    attribute_word,
    group_label,
    group_number,
    heading,
    item_number,
    name_wrapped,
    opens_sub_row,
    row_cells,
    row_tail,
    short_row,
    year_cell,
)
from .roles import opens_attachment
from .subrows import attribute_end, sub_rows
from .values import value_like
from .wraplabels import printed_again

_GROUP_MAX = 24  # a group cell printed before a row's number is a short name
_HEADINGS_AHEAD = 4  # headings a table may print in a row before its next row
_JUMP = 50  # rows a table may leave out between two it prints (四、…（共6项）, none listed)
_TOTALS = frozenset(cell_words("total"))  # 合计: a row of sums opens


def _text(folded: str, b: Block | Cell) -> str:
    return compact(folded[b.start : b.end])


def _serial(folded: str, b: Block) -> int | None:
    """A row's number alone on its line: 12, or （三） (layout.align.serial_text)."""
    return serial_text(_text(folded, b))


@dataclass(slots=True)
class Rows:
    """Reading the rows under a header: where the serial column stands, the last number."""

    folded: str
    blocks: list[Block]
    table: TextTable
    width: int  # columns of the header
    serial_at: int  # the serial column's place among them
    budget: Budget
    tasks: bool = False  # the header has a unit column: a task table
    attributed: bool = False  # the header's last column is 属性: each row ends with its word
    # Paragraph cells (a cell's lines run on, a blank line ends it): id() of a unit
    # spanning several lines → those lines.
    lines: dict[int, list[Block]] = field(default_factory=dict)
    last: int | None = None
    lead: list[Block] = field(default_factory=list)  # group cells before a row's number
    regrouped: bool = False  # a group row was read since the last row
    first: int = -1  # the line the rows start at, after the header
    exact: bool = False  # rows print every cell, an empty one as a blank line (BlankCells)

    def next_number(self, b: Block, jump: bool = False) -> bool:
        """The next row's number: the last one plus one, or (*jump*: where a row may
        start, after a heading or a group) a later one, rows left out of the print."""
        n = _serial(self.folded, b)
        if n is None or self.last is None:
            return n is not None
        if jump and self.regrouped and n == 1:
            return True  # 二 / （一）: numbered from one again under a group row
        return n == self.last + 1 or (jump and self.last < n <= self.last + _JUMP)

    def ends_row(self, j: int, full: bool = True) -> bool:
        """Block *j* ends the row being read: the next number in sequence (unless the line
        after it prints that number again: 预期性 / 2 / 2 / 商办楼宇…, a value and then the
        next row; or, before the row has its cells, a 属性 word or a unit follows it: 处 /
        4 / 预期性 is the row's value 4, no row starts with its 属性), a heading (一、…,
        not a figure such as 1.4), a notice's part, 附件2.

        Before the row has its cells (not *full*), a heading ends it only where rows follow
        it: 1.《某法》第八条 / 区级 is a cell of the row, 一、… / 2 a heading between rows."""
        b = self.blocks[j]
        if self.header_again(j):
            return True
        if self.next_number(b):
            after = self.blocks[j + 1] if j + 1 < len(self.blocks) else None
            if after is None:
                return True
            if not full and row_tail(_text(self.folded, after)):
                return False  # 处 / 4 / 预期性: the row's value, then its 属性 (row 4 next)
            return _serial(self.folded, after) != _serial(self.folded, b)
        if heading(self.folded, b):
            return self.heading_ends(j, full)
        if self.group_row(j) or (full and self.restarts(j)) or _text(self.folded, b) in _TOTALS:
            return True  # 合计 / 60.85: a row of sums, no cell of the row before
        return b.role is not None or opens_attachment(_text(self.folded, b))

    def heading_ends(self, j: int, full: bool) -> bool:
        """Whether the heading at block *j* ends the row being read (see ends_row)."""
        if not full and item_number(self.folded, self.blocks[j]) is not None:
            return False  # 1.完善… before the row has its cells: a list in a cell
        # … / 5000个 / 预期性 / 四、发展思路: a row ended by its 属性 word is whole
        before = clean(_text(self.folded, self.blocks[j - 1])) if j > 0 else ""
        return full or self.heads_rows(j) or attribute_word(before)

    def sub_row(self, k: int, full: bool, row: list[Block] | None = None) -> bool:
        """In a task table, block *k* opens a row with no number continuing the row before
        (主要工作内容 | 牵头单位 | 配合单位 of a second measure under one task): the row has its
        cells and ends in a unit cell, and the line is words (opens_sub_row); or the line is
        a year after a unit cell (节点 | 指标数 printed once a year)."""
        if not self.tasks or k == 0:
            return False
        prev, line = (clean(_text(self.folded, b)) for b in self.blocks[k - 1 : k + 1])
        dated = row is not None and any(year_cell(clean(_text(self.folded, b))) for b in row)
        if dated and unit_like(prev) and year_cell(line):
            return True  # … / 区房管局 / 2019年 / 628个: the next year's figure, a row of its own
        return full and opens_sub_row(prev, line)

    def add_header_or_group(self, j: int) -> int:
        """The header printed again at block *j* (a page break: a row the table reader
        skips), a group row (一 / 推进碳达峰碳中和综合管理 / 1 …) or a group cell in numerals
        (numeral_group): the lines taken, 0 for none, -1 past the budget."""
        again = self.header_again(j)
        if again:
            head = self.blocks[j : j + again]
            if not self.budget.take(again, head[0].start):
                return -1
            self.add(printed_again(self.table.rows[0], head), head)
            return again
        if self.group_row(j):
            return self.add_group(j) or -1
        if self.numeral_group(j):
            self.lead.append(self.blocks[j])  # （一） / 制度保障 / 1: a group cell, not row 1
            return 1
        return 0

    def header_again(self, j: int) -> int:
        """The header printed again from block *j* (a page break: 序号 / 工作任务 / …): the
        lines it takes (line by line, or cell by cell where a cell's lines run on), else 0."""
        f, first = self.folded, self.table.rows[0]
        if not serial_label(_text(f, self.blocks[j])):
            return 0
        for head in ([_text(f, b) for b in first.blocks], [_text(f, c) for c in first.cells]):
            if head == [_text(f, b) for b in self.blocks[j : j + len(head)]]:
                return len(head)
        return 0

    def next_group(self, j: int, row: list[Block]) -> bool:
        """Block *j* is the next group's cell (构筑安全韧性生态城区 / 9), not the last cell
        of a row: group columns, the next number follows, the row has all its values (a
        figure, a unit, a 属性 word: short_row), and the line is none of them.

        In a task table the row needs only its task cell, and a unit cell is the row's
        own (公共空间优化 / 12 opens a group; 区规划资源局、各相关街镇 / 10 ends row 9)."""
        if not self.serial_at or j + 1 >= len(self.blocks) or not self.short(self.blocks[j]):
            return False
        if self.exact and len(row) < self.width - self.serial_at + len(self.lead):
            return False  # every cell printed (blank ones too): the row is not full yet
        if not self.next_number(self.blocks[j + 1]):
            return False
        at = next((k for k, b in enumerate(row) if _serial(self.folded, b) is not None), 0)
        texts = [clean(self.folded[b.start : b.end]) for b in row[at + 1 :]]
        line = clean(self.folded[self.blocks[j].start : self.blocks[j].end])
        if self.tasks:
            return bool(texts) and not unit_like(line)
        head = self.table.rows[0].cells
        full = not short_row(self.folded, head, self.serial_at, texts)
        return full and any(value_like(t) for t in texts) and not value_like(line)

    def real(self, units: list[Block]) -> list[Block]:
        """The document's lines of *units* (a paragraph cell's lines, else the line)."""
        return [b for u in units for b in self.lines.get(id(u), [u])]

    def add(self, cells: list[Cell], units: list[Block]) -> None:
        real = self.real(units)
        self.table.rows.append(TRow(cells, real))
        self.table.blocks.extend(real)

    def continuation(self, j: int) -> int:
        """A row with no number after a numbered one (其中 公园绿地 / 58.46 / 17.5 / 2): its
        lines up to the next number, fewer than the header's columns; where it ends, or -1."""
        if self.last is None or self.lead or heading(self.folded, self.blocks[j]):
            return -1
        end = self.continuation_end(j, min(len(self.blocks), j + self.width))
        row = self.blocks[j:end] if end > j else []
        if not row or not self.budget.take(len(row), row[0].start):
            return -1
        cells = [Cell(b.start, b.end) for b in row]
        if self.exact:  # under the name column, the row as wide as the header
            cells = sub_row_cells(row, self.serial_at + 1, self.width)
        self.add(cells, row)
        return end

    def continuation_end(self, j: int, stop: int) -> int:
        """Where the row with no number from block *j* ends (before *stop*), or -1."""
        if self.exact:  # a group's next indicator, its row no wider than its cells
            nxt = next((k for k in range(j + 1, stop) if self.next_number(self.blocks[k])), stop)
            end = sub_row_end(self.folded, self.blocks, j, nxt) or (nxt if nxt < stop else -1)
            return end if end >= 0 else self.yearly_pairs(j)
        for k in range(j + 1, stop):
            if (
                self.next_number(self.blocks[k], jump=True)
                or self.sub_row(k, k - j >= 2)
                or self.group(k)
            ):
                return k
            if self.ends_row(k):
                break
        return self.yearly_pairs(j)  # 2019年 / 581吨/日 ending the table

    def yearly_pairs(self, j: int) -> int:
        """Where a run of year cells and their figures from block *j* ends (the last row's
        later years, with nothing after them that says where the row ends), or -1."""
        k = j
        text = self.folded
        stop = min(len(self.blocks), j + self.width)  # a row's cells at most: linear time
        while k + 1 < stop and year_cell(clean(_text(text, self.blocks[k]))):
            if not value_like(clean(_text(text, self.blocks[k + 1]))):
                break
            k += 2
        return k if k > j else -1

    def heads_rows(self, j: int) -> bool:
        """Whether rows follow from block *j*, past more headings (四、…（共6项） / 五、… / 21):
        at most a few, so that a long run of headings is read in linear time."""
        stop = min(len(self.blocks), j + _HEADINGS_AHEAD)
        while j < stop and heading(self.folded, self.blocks[j]):
            j += 1
        if j >= stop:
            return False
        return self.next_number(self.blocks[j], jump=True) or self.group(j) or self.group_row(j)

    def group_row(self, j: int) -> bool:
        """Blocks *j* and *j + 1* are a group row of the serial column: a Chinese numeral
        alone (一, 十四), its title, then the next row's number (一 / 推进碳达峰碳中和综合管理 /
        1): the rows below belong to the group."""
        if self.labelled_group(j):
            return True
        if self.serial_at or j + 2 >= len(self.blocks):
            return False
        if group_number(self.folded, self.blocks[j]) is None:
            return False
        if _text(self.folded, self.blocks[j]) in DASH_ONES and j != self.first:
            return False  # — as 一 opens the first group only; elsewhere it marks an empty cell
        title = self.blocks[j + 1]
        if not self.short(title) or heading(self.folded, title):
            return False
        first = self.blocks[j + 2]  # the group's first row: numbered on, or from one again
        return self.next_number(first, jump=True) or _serial(self.folded, first) == 1

    def labelled_group(self, j: int) -> bool:
        """Block *j* is a group row on a line of its own, labelled by a word of lexicon
        layout/group_labels and a numeral (行动一：再造发展新极行动), rows following it."""
        if j + 1 >= len(self.blocks) or group_label(self.folded, self.blocks[j]) is None:
            return False
        return self.next_number(self.blocks[j + 1], jump=True) or self.group(j + 1)

    def add_group(self, j: int) -> int:
        """The group row at block *j* (its numeral and title): the lines it takes, 0 past
        the budget.  The rows under it may be numbered from one again (二 / （一））."""
        b = self.blocks[j]
        self.regrouped = True
        cut = group_label(self.folded, b)
        if cut is not None:  # 行动一：title: the label and the title of one line
            if not self.budget.take(2, b.start):
                return 0
            self.add([Cell(b.start, cut[0]), Cell(cut[1], b.end)], [b])
            self.table.rows[-1].group = True
            return 1
        pair = self.blocks[j : j + 2]
        if not self.budget.take(2, pair[0].start):
            return 0
        self.add([Cell(b.start, b.end) for b in pair], pair)
        self.table.rows[-1].group = True
        return 2

    def title_line(self, j: int) -> bool:
        """Block *j* titles the rows below it though it has no number: a short line with no
        stop, right before the next row's number (序号 | 事项 | … / 推进实施示范工程 / 1 / …)
        or a group row (正式项目（67个） / 一 / 市政设施类 / 1), in a table whose number
        stands first (else it is a group cell: group)."""
        b = self.blocks[j]
        text = _text(self.folded, b)
        if self.serial_at or not self.short(b) or any(ch in text for ch in "。；;，,"):
            return False
        if j + 1 >= len(self.blocks):
            return False
        return self.next_number(self.blocks[j + 1], jump=True) or self.group_row(j + 1)

    def restarts(self, j: int) -> bool:
        """Block *j* titles a second run of rows numbered from 1 again: 预备项目（9个） / 1
        after row 67.  A short line of words (no unit, no figure, no stop) before a 1."""
        if self.last is None or self.last < 2 or j + 1 >= len(self.blocks):
            return False
        b = self.blocks[j]
        text = _text(self.folded, b)
        if not self.short(b) or value_like(clean(text)) or any(ch in text for ch in "。；;，,"):
            return False
        return _serial(self.folded, self.blocks[j + 1]) == 1

    def short(self, b: Block) -> bool:
        text = _text(self.folded, b)
        return 0 < len(text) <= _GROUP_MAX and _serial(self.folded, b) is None

    def row(self, j: int) -> int:
        """The row whose number is block *j* (after its group cells): where it ends."""
        number = self.blocks[j]
        self.last = _serial(self.folded, number)
        self.regrouped = False
        row = [*self.lead, number]
        # The cells from the number on, and the group cells printed before it: a row
        # without them (merged down from its group's first row) takes no more.
        most = width = self.width - self.serial_at + len(self.lead)
        merged = self.serial_at - len(self.lead)  # group cells merged down from above
        self.lead = []
        if self.tasks:
            most = 2 * self.width  # a task row may print a unit cell over two lines
        skip = label_lines(self.folded, self.blocks, j) if self.exact else 0
        k = self.take_cells(row, j + 1 + skip, width, most)
        listed = self.listed(row, k, row.index(number), most)
        if listed:
            return listed
        cells = row_cells(self.folded, row, self.width)
        if not self.tasks and len(row) == most:  # 生活垃圾资源化 / 利用率: one name
            cells, k = name_wrapped(self.folded, self.blocks, row, k, cells)
        if len(row) == 1 or not self.budget.take(len(row), number.start):
            return -1
        if (self.tasks or self.exact) and self.serial_at:
            # 6 / 任务 under 任务类型 | 序号 | 工作任务 | 推进单位: the number stands under 序号,
            # and the cells after the task merged with the row above (its units) are empty;
            # a row printing its blank cells lacks only its last cells.
            cells = [Cell(number.start, number.start)] * merged + cells
            end = row[-1].end
            cells += [Cell(end, end)] * (self.width - len(cells))
        at = row.index(number) + 1  # 居民 / 收入水平: a group's label, in no cell
        self.add(cells, row[:at] + self.blocks[j + 1 : j + 1 + skip] + row[at:])
        return k

    def take_cells(self, row: list[Block], k: int, width: int, most: int) -> int:
        """The row's lines from line *k* on (added to *row*), up to *most* (past it through
        a unit cell of one body per line); where the row ends."""
        while k < len(self.blocks) and (len(row) < most or self.more_bodies(k, row)):
            full = len(row_cells(self.folded, row)) >= width
            short = self.exact and len(row) < width - 1  # a figure like the next number
            if not short and (
                self.ends_row(k, full) or self.next_group(k, row) or self.sub_row(k, full, row)
            ):
                break
            row.append(self.blocks[k])
            k += 1
        return k

    def more_bodies(self, k: int, row: list[Block]) -> bool:
        """A task row past twice the header's width runs on through a unit cell printed
        one body per line (区发改局 / 金义新区发展集团 / 区城投集团 / …): line *k* and the
        line before it name bodies."""
        return self.tasks and all(
            unit_like(clean(_text(self.folded, b))) for b in (row[-1], self.blocks[k])
        )

    def listed(self, row: list[Block], k: int, at: int, most: int) -> int:
        """A row of an indicator table that runs past the header's width (*most* lines) to
        its 属性 word (layout/subrows): its lines taken up to that word, as one row or as its
        sub-indicators' rows; where it ends, or 0 where it is no such row."""
        if self.tasks or not self.attributed or len(row) != most:
            return 0
        end = attribute_end(self.folded, self.blocks, row, k, self.ends_row)
        if end == k or not self.budget.take(len(row) + end - k, row[0].start):
            return 0
        row = row + self.blocks[k:end]
        (first, _), *subs = sub_rows(self.folded, row, at) or [
            ([Cell(b.start, b.end) for b in row], row)
        ]
        if subs and at:  # （五） / 空间格局优化 / 17 / 红线比例: the group cells a row of their own
            self.add(first[:at], row[:at])
            first, row = first[at:], row[at:]
        self.add(first, row)
        self.table.rows.extend(TRow(cells, lines) for cells, lines in subs)
        return end

    def group_cell(self, j: int) -> int:
        """Block *j* as a group cell before the next number: a cell of the next row (类别
        merged down) or a numbered group row (1. / 分类投放); 1 when taken, 0 when it is
        none, -1 past the budget."""
        if not self.group(j):
            return 0
        if not self.numbered_group(j):
            self.lead.append(self.blocks[j])
            return 1
        return 1 if self.budget.take(1, self.blocks[j].start) else -1

    def numeral_group(self, j: int) -> bool:
        """Block *j* is a group column's label in Chinese numerals before a row numbered in
        figures (领域 | 任务 | 序号: （一） / 制度与保障机制完善 / 1 / …): a cell of the row, not
        its number. Leaves （一） where the rows themselves are so numbered."""
        slots = self.serial_at - len(self.lead)
        text = _text(self.folded, self.blocks[j])
        if slots <= 0 or _serial(self.folded, self.blocks[j]) is None or text.isascii():
            return False
        for b in self.blocks[j + 1 : j + 1 + slots]:
            if _text(self.folded, b).isascii() and _serial(self.folded, b) is not None:
                return self.next_number(b, jump=True) or _serial(self.folded, b) == 1
        return False

    def numbered_group(self, j: int) -> bool:
        """A group cell that prints its own number (1. / 分 / 类 / 投 / 放 before row 1): a group
        row of the rows below, added here (its number, then its title), not a first row's cell."""
        b = self.blocks[j]
        m = NUMBERED.match(self.folded, b.start, b.end)
        if m is None or m.end() >= b.end or self.lead:
            return False
        if j > 0 and _text(self.folded, self.blocks[j - 1]) == _text(self.folded, b):
            return True  # printed again after itself (a page break): the group already read
        self.add([Cell(b.start, m.end()), Cell(m.end(), b.end)], [b])
        self.table.rows[-1].group = True
        self.regrouped = True  # the rows under it may be numbered from one again
        return True

    def group(self, j: int) -> bool:
        """Block *j* is a group cell printed before the next row's number (类别 merged down):
        short, and the number follows within the group columns left."""
        slots = self.serial_at - len(self.lead)
        for k in range(j, min(j + slots, len(self.blocks))):
            b = self.blocks[k]
            numbered = NUMBERED.match(self.folded, b.start, b.end) is not None
            if not self.short(b) or (value_like(clean(_text(self.folded, b))) and not numbered):
                return False  # 942个 / 4: a figure ends the row above, no group cell
            if k + 1 < len(self.blocks):
                nxt = self.blocks[k + 1]
                if _text(self.folded, nxt) == _text(self.folded, b) and k + 2 < len(self.blocks):
                    nxt = self.blocks[k + 2]  # the group cell printed again (a page break)
                if self.next_number(nxt, jump=True):
                    return True
                if numbered and _serial(self.folded, nxt) == 1:
                    return True  # 2. / 分类收运 / 1: a numbered group, rows numbered anew
        return False


def rows_from(r: Rows, j: int) -> int:
    """The rows from block *j*; where they end."""
    blocks, folded = r.blocks, r.folded
    while j < len(blocks):
        b = blocks[j]
        taken = r.add_header_or_group(j)
        if taken < 0:
            break
        if taken:
            j += taken
            continue
        if r.next_number(b, jump=True):
            end = r.row(j)
            if end < 0:
                break
            j = end
            continue
        grouped = r.group_cell(j)
        if grouped < 0:
            break
        if grouped:
            j += 1
            continue
        if r.restarts(j):
            r.last = 0  # 预备项目（9个） / 1: the numbering starts again under a title
        end = r.continuation(j)
        if end > j:
            j = end  # 其中 公园绿地 / 58.46 / 17.5: a sub-row of the row above
            continue
        if r.lead or not (heading(folded, b) or r.title_line(j)) or not r.heads_rows(j + 1):
            break  # a heading inside the table stands before a row, else the text goes on
        if not r.budget.take(1, b.start):
            break
        r.add([Cell(b.start, b.end)], [b])  # 一、知识产权保护方面
        j += 1
    return j - len(r.lead)
