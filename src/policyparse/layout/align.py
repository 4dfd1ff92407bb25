"""Where a table row's cells go: by position, or, for an indicator row whose empty or
merged cells were dropped, by what the cells hold (a unit, a 属性 word, a figure)."""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..inputs.bodies import UNIT_MAX
from ..inputs.bodies import unit_like as unit_like  # layout.lines reads it from here
from ..inputs.columns import Column, cell_words, clean, is_header, year_of
from ..text.fold import compact
from ..text.numerals import CN_NUMERAL_CHARS, cn_to_int
from .blocks import Block
from .cells import Cell
from .values import FIGURE, unit_word, value_like

_SERIAL_MAX = 6  # digits of a row number


def text_of(folded: str, c: Cell) -> str:
    return folded[c.start : c.end]


def serial(folded: str, c: Cell) -> int | None:
    """The row number a cell holds, if it is one (1, 12, （三）; not ① or 2025)."""
    return serial_text(compact(folded[c.start : c.end]).rstrip(".、"))


def serial_text(text: str) -> int | None:
    """12 or a bracketed Chinese numeral （三） (rows numbered again under each group row
    of the serial column: 二 / （一） / （二）); None for anything else."""
    text = text[1:] if text[:1] in _key_marks() and len(text) > 1 else text  # *8: a key row
    # isascii: ① and ² are str.isdigit() too, but no int() reads them.
    if text.isascii() and text.isdigit() and len(text) <= _SERIAL_MAX:
        return int(text)
    m = _BRACKETED_NUMERAL.fullmatch(text)
    return cn_to_int(m.group(1)) if m else None


@cache
def _key_marks() -> frozenset[str]:
    """*, ★: marks printed before a row's number to flag a key row (lexicon layout/key_marks)."""
    return lexicon.words("layout/key_marks")


DASH_ONES = ("—", "－")  # the numeral 一 as a converter printed it (the two look alike)
_BRACKETED_NUMERAL = re.compile(rf"[（(]([{CN_NUMERAL_CHARS}]{{1,3}})[）)]")


def trim_trailing(cells: list[Cell]) -> list[Cell]:
    end = len(cells)
    while end > 0 and cells[end - 1].empty:
        end -= 1
    return cells[:end]


def empty_tail(cells: list[Cell], width: int) -> bool:
    """A row as wide as the header whose last cells are printed empty."""
    return len(cells) >= width and bool(cells) and cells[-1].empty and not cells[0].empty


def align(
    folded: str, cells: list[Cell], width: int, left: bool = False, serial_at: int = 0
) -> list[Cell | None]:
    """The row's cells by column; a short or long row keeps its number first, the rest right.

    In a table that prints its empty cells (*left*: ``| 1 | 任务 | 县财政局 | | |``, or
    ``||||`` after the cells of a row of bar lines), a short row has only lost its empty
    tail: its cells stand from the left (``| 5 | 任务 | 措施 | 县农业 |`` under seven columns).
    Where group columns stand before the serial one (*serial_at*: 类别 | 序号 | …), a
    short row opening with its number lost the group cell merged down from the row above
    (``| 2 | 任务 | 市卫健局 |`` under 类别 | 序号 | 工作任务 | 牵头单位): its number goes
    under 序号.
    """
    cells = trim_trailing(cells) if len(cells) > width else cells
    if len(cells) == width:
        return list(cells)
    if left and len(cells) < width:
        return [*cells, *([None] * (width - len(cells)))]
    out: list[Cell | None] = [None] * width
    head = 1 if cells and serial(folded, cells[0]) is not None else 0
    at = serial_at if head and len(cells) <= width - serial_at else 0
    if head:
        out[at] = cells[0]
    rest = cells[head:]
    room = width - head - at
    for k, c in enumerate(rest[-room:] if room > 0 else []):
        out[width - min(room, len(rest)) + k] = c
    return out


def align_indicator(folded: str, cells: list[Cell], cols: list[Column]) -> list[Cell | None]:
    """An indicator row by column, whatever merged or collapsed cells did to its width.

    A row as wide as the header is read as it stands, unless a converter shifted it left
    and padded it at the end (_padded): then it is a shorter row, without the padding.
    Else its number stays first, its name is the first cell followed by a figure, a unit
    or a 属性 word (a 类别 printed only on a group's first row comes before it), the name
    goes under the indicator column and the cells after it are aligned to the right:
    新建客运枢纽（个） | 6 puts 6 under the last (target) column.
    """
    width = len(cols)
    shifted = _number_first(folded, cells, cols)
    if shifted:  # 15 | 出生人口性别比 | <109 | | under 类别 | 序号 | …: the group cell merged away
        return [None] * shifted + align_indicator(folded, trim_trailing(cells), cols[shifted:])
    if len(cells) == width and not _padded(folded, cells, cols):
        return list(cells)
    out: list[Cell | None] = [None] * width
    filled = _filled(cols)
    cells = _unpadded(cells, filled)
    if len(cells) == filled:
        return cells + [None] * (width - len(cells))
    width = filled
    head = 1 if cells and serial(folded, cells[0]) is not None and cols[0].kind == "serial" else 0
    if head:
        out[0] = cells[0]
    rest = cells[head:]
    ind = next((k for k, c in enumerate(cols) if c.kind == "indicator"), head)
    name = _name_at(folded, rest)
    if name < 0:
        return out
    out[ind] = rest[name]
    after = rest[name + 1 :][-(width - ind - 1) :] if width - ind - 1 > 0 else []
    if not _by_kind(folded, after, cols, out):
        for k, c in enumerate(after):
            out[width - len(after) + k] = c
    return out


def _number_first(folded: str, cells: list[Cell], cols: list[Column]) -> int:
    """Where the header's 序号 column stands (>0) when the row opens with its number: the
    group cells before it were merged from a row above (类别 | 序号 | 指标 …); else 0."""
    at = next((k for k, c in enumerate(cols) if c.kind == "serial"), 0)
    if at == 0 or not cells or serial(folded, cells[0]) is None:
        return 0
    return at if len(cells) <= at or serial(folded, cells[at]) is None else 0


def _filled(cols: list[Column]) -> int:
    """The header's width without the empty columns its padding closes it with."""
    n = len(cols)
    while n > 1 and not cols[n - 1].header:
        n -= 1
    return n


def _unpadded(cells: list[Cell], filled: int) -> list[Cell]:
    """The row without the empty cells padding it past the header's last named column
    (*filled* columns: _filled)."""
    n = len(cells)
    while n > 1 and cells[n - 1].empty and n > filled - 1:
        n -= 1
    return cells[:n]


def _padded(folded: str, cells: list[Cell], cols: list[Column]) -> bool:
    """A row as wide as the header whose cells a converter shifted left and padded at the
    end, having dropped a cell merged down from the row above (总体发展指标 | 服务业增加值 |
    亿元 | …, then 服务业增加值比重 | % | … | 市发改委 | |): its name is followed by its
    measure unit one column before the header's 单位 column."""
    at = next((k for k, c in enumerate(cols) if c.kind == "measure_unit"), None)
    if at is None or at == 0 or not cells[-1].empty:
        return False
    before, under = (clean(text_of(folded, c)) for c in cells[at - 1 : at + 1])
    return unit_word(before) and not unit_word(under)


def _name_at(folded: str, rest: list[Cell]) -> int:
    """The indicator's name: the first cell followed by a figure, a unit or a 属性 word
    (else the first cell; -1 for no cell); where only the 属性 word follows, the cell
    before is a value in words and the name stands before it."""
    texts = [clean(text_of(folded, c)) for c in rest]
    values = [value_like(t) for t in texts]
    at = next((i for i in range(len(rest) - 1) if values[i + 1]), 0 if rest else -1)
    if at >= 1 and at == len(rest) - 2 and texts[-1] in attribute_words():
        return at - 1  # 地震应急响应保障水平 | 震后20分钟内提供… | 预期性: a value in words
    return at


def attribute_words() -> tuple[str, ...]:
    """约束性, 预期性: the 属性 words a row of an indicator table ends with."""
    return cell_words("binding") + cell_words("expected")


def _by_kind(folded: str, after: list[Cell], cols: list[Column], out: list[Cell | None]) -> bool:
    """Place the cells after an indicator's name by what they hold: a unit under 单位, a
    属性 word under 属性, the figures right-aligned under the year columns.  An empty cell
    a converter dropped (a blank line) then leaves its own column empty: 老旧街区改造数量 |
    个 | 预期性 | ≥5 under 单位 | 属性 | 2025年 | 2030年 puts ≥5 under 2030年, 个 under 单位.
    False (nothing placed) where the cells do not fit so.
    """
    years = [k for k, c in enumerate(cols) if c.kind in ("base", "target")]
    placed, figures = _sorted_cells(folded, after, cols)
    if not years or len(figures) > len(years):
        return False
    placed.update(zip(years[len(years) - len(figures) :], figures, strict=True))
    for k, c in placed.items():
        out[k] = c
    return True


def _sorted_cells(
    folded: str, after: list[Cell], cols: list[Column]
) -> tuple[dict[int, Cell], list[Cell]]:
    """The unit cell under 单位 and the 属性 cell under 属性 (the first of each), and the
    other cells in order: the figures."""
    unit = next((k for k, c in enumerate(cols) if c.kind == "measure_unit"), None)
    attr = next((k for k, c in enumerate(cols) if c.kind == "attribute"), None)
    placed: dict[int, Cell] = {}
    figures: list[Cell] = []
    for c in after:
        if unit is not None and unit not in placed and unit_word(clean(text_of(folded, c))):
            placed[unit] = c
        elif attr is not None and attr not in placed and binding(folded, c) is not None:
            placed[attr] = c
        else:
            figures.append(c)
    return placed, figures


def binding(folded: str, c: Cell | None) -> bool | None:
    if c is None:
        return None
    words = clean(text_of(folded, c))
    if any(w in words for w in cell_words("binding")):
        return True
    if any(w in words for w in cell_words("expected")):
        return False
    return None


def deadline_like(words: str) -> bool:
    """2019年3月, 年底前, 持续推进, 长期坚持: what a 完成时限 cell holds."""
    # a deadline cell is as short as a body's name
    return bool(words) and len(words) <= UNIT_MAX and any(w in words for w in _due_words())


@cache
def _due_words() -> tuple[str, ...]:
    """年 and 月, the parts of a year (底, 前, 上半年) and the words of an ongoing task."""
    parts = lexicon.column("extract/deadline_words", role="part")
    ongoing = lexicon.column("extract/node_deadlines", role="ongoing")
    return ("年", "月", *parts, *ongoing)


def align_task(
    folded: str, cells: list[Cell], cols: list[Column], long: bool = False
) -> tuple[list[Cell | None], list[Cell]] | None:
    """A task row by what its cells hold, where merged or split cells changed its width:
    the number first, a deadline under 完成时限 (last, or before the bodies where the
    column stands before them), the bodies before it under the unit
    columns in order (more bodies than columns: the rest join the last unit column, the
    second list), the text before them right-aligned under the task columns; a row with
    no bodies (its unit cells merged above) has its text right-aligned the same way.

    Takes 2 | 建立联席会议制度。| 区绿化市容局 | 区民政局、| 区商务委 | 2019年6月 under 序号 |
    任务名称 | 任务内容 | 牵头部门 | 配合部门 | 时间节点 (任务名称 merged above, 配合部门 over
    two lines); None where the cells do not read so (then the row is read by position).
    A row *long*er than the header may print a unit cell over several lines before the
    columns of words after the units (_after_units).
    """
    units = [k for k, c in enumerate(cols) if c.kind == "unit" and c.role is not None]
    if not units:
        return None
    out: list[Cell | None] = [None] * len(cols)
    rest = _ends(folded, list(cells), cols, out, units[-1] if long else None)
    # A task row names its task: the first cell is text, whatever it ends in.
    k = max(_bodies_at(folded, rest), 1)
    text, bodies = rest[:k], rest[k:]
    _due_before(folded, text, cols, units[0], out)
    _values_before(folded, text, cols, units[0], out)
    # A group column (事项分类) takes the row's first cell of words where the row prints it
    # (the text is right-aligned: a row without it leaves the group's cell empty).
    slots = [i for i in range(units[0]) if out[i] is None and cols[i].kind in _SLOT_KINDS]
    if len(text) > len(slots) or not (bodies or _merged_units(folded, rest)):
        return None
    for col, c in zip(units, bodies, strict=False):
        out[col] = c
    for i, c in zip(slots[len(slots) - len(text) :], text, strict=True):
        out[i] = c
    return out, bodies[len(units) :]


def _ends(
    folded: str,
    rest: list[Cell],
    cols: list[Column],
    out: list[Cell | None],
    last_unit: int | None = None,
) -> list[Cell]:
    """Place the row's number (first) and deadline (last) in *out*, and in a long row the
    words after the unit columns (from *last_unit* on); the cells between."""
    at = next((k for k, c in enumerate(cols) if c.kind == "serial"), None)
    while rest and rest[0].empty and at:  # a group cell merged above, before 序号
        rest.pop(0)
    if rest and at is not None and serial(folded, rest[0]) is not None:
        out[at] = rest.pop(0)
    due = next((k for k, c in enumerate(cols) if c.kind == "deadline"), None)
    if due is not None and rest and deadline_like(clean(text_of(folded, rest[-1]))):
        out[due] = rest.pop()
    if last_unit is not None:
        _after_units(folded, rest, cols, last_unit, out)
    return rest


def _after_units(
    folded: str, rest: list[Cell], cols: list[Column], last_unit: int, out: list[Cell | None]
) -> None:
    """Columns of words after the unit columns (… | 配合部门 | 2024年工作任务 | 2025年工作计划
    | 备注), in a row whose unit cell runs over several lines: the row's last cells of words
    fill them from the left, so that the bodies before them stay bodies (the task keeps
    its cell)."""
    free = [i for i in range(last_unit + 1, len(cols)) if out[i] is None]
    n = 0
    while n < min(len(free), len(rest) - 1) and not names_bodies(folded, rest[-1 - n]):
        n += 1
    if n == 0 or not names_bodies(folded, rest[-1 - n]):
        return  # no body before the words (县农业 cut at a page break is no body)
    for i, c in zip(free, rest[len(rest) - n :], strict=False):
        out[i] = c
    del rest[len(rest) - n :]


def names_bodies(folded: str, span: Cell | Block) -> bool:
    """Whether a cell or a line holds bodies (unit_like: 区民政局, 区水务局、区房管局、, —)."""
    return unit_like(clean(folded[span.start : span.end]))


def _bodies_at(folded: str, rest: list[Cell]) -> int:
    """Where the run of bodies that ends the cells starts (len(rest) where none does)."""
    k = len(rest)
    while k > 0 and names_bodies(folded, rest[k - 1]):
        k -= 1
    return k


def _merged_units(folded: str, rest: list[Cell]) -> bool:
    """A row with no bodies whose unit cells were merged with the rows above: its cells
    are all text (2 | 新建车站要求屋顶光伏覆盖面积达到50%), none a unit or a deadline."""
    return bool(rest) and not any(deadline_like(clean(text_of(folded, c))) for c in rest)


_VALUE_KINDS = ("measure_unit", "target", "base", "attribute")


def _values_before(
    folded: str, text: list[Cell], cols: list[Column], first_unit: int, out: list[Cell | None]
) -> None:
    """Value columns right before the unit columns (… | 考核内容 | 单位 | 年度目标 | 责任部门),
    in a row that lost a cell merged above: its last cells before the bodies are theirs
    where the first of them is a unit or a figure (粮食播种面积 | 万亩 | 0.07, 粮食安全责任制 |
    - | 良好以上), or its last cell alone the target where it is a figure and no unit is
    printed (建设美丽牧场 | 0)."""
    at = first_unit
    while at > 0 and cols[at - 1].kind in _VALUE_KINDS and out[at - 1] is None:
        at -= 1
    slots = list(range(at, first_unit))
    if not slots or len(text) < 2:
        return
    n = len(slots)
    if len(text) > n and value_like(clean(text_of(folded, text[-n]))):
        for i, c in zip(slots, text[-n:], strict=True):
            out[i] = c
        del text[-n:]
    elif cols[slots[-1]].kind == "target" and FIGURE.match(clean(text_of(folded, text[-1]))):
        out[slots[-1]] = text.pop()


def _due_before(
    folded: str, text: list[Cell], cols: list[Column], first_unit: int, out: list[Cell | None]
) -> None:
    """A deadline column printed before the unit columns (… | 完成时间 | 责任单位 | 配合单位):
    the deadline is the last cell before the bodies (… | 2025年12月 | 区财政局, the row's
    配合单位 cell left empty)."""
    due = next((k for k, c in enumerate(cols[:first_unit]) if c.kind == "deadline"), None)
    if due is None or out[due] is not None or len(text) < 2:
        return
    if deadline_like(clean(text_of(folded, text[-1]))):
        out[due] = text.pop()


_TEXT_KINDS = ("task", "task_group", "measure", "")
_SLOT_KINDS = (*_TEXT_KINDS, "category")


def empty_remarks(cols: list[Column], left: bool) -> int:
    """How many 备注 columns end the header (0 where the table prints its empty cells)."""
    n = 0
    while not left and n < len(cols) - 1 and cols[len(cols) - 1 - n].kind == "remark":
        n += 1
    return n


def misplaced(folded: str, cells: list[Cell | None], cols: list[Column]) -> bool:
    """A cell of words under a unit column, or a body's name under a second task column
    (or a plain one before the units) after a task cell of words (任务名称 | 任务内容 read
    as 建立…制度 | 区绿化市容局; 事项名称 | 项目内容 read as 新建1个… | 团区委).  A task named
    like a body (建设社区消费中心) under the one task column is no sign."""
    if _due_elsewhere(folded, cells, cols):
        return True
    words_seen = False
    first_unit = next((k for k, c in enumerate(cols) if c.kind == "unit"), len(cols))
    for k, (c, col) in enumerate(zip(cells, cols, strict=False)):
        if c is None or c.empty:
            continue
        words = clean(text_of(folded, c))
        held = unit_like(words)
        if _out_of_place(col, words, held):
            return True
        if col.kind in _TASK_KINDS or (col.kind == "" and k < first_unit):
            if held and words_seen:
                return True
            words_seen = words_seen or not held
    return False


_TASK_KINDS = ("task", "task_group", "measure")


def _out_of_place(col: Column, words: str, held: bool) -> bool:
    """Words under a unit column; a unit of measure under a task column; bodies under a
    target column (设施养护处 under 2024年工作任务: a unit cell printed over lines) or a
    measure-unit column (a row that prints no 单位 cell)."""
    if col.kind == "unit" and col.role is not None:
        return not held
    if col.kind in _TASK_KINDS:
        return unit_word(words)  # 万亩 under 考核内容: the row lost a cell merged above
    return col.kind in ("target", "measure_unit") and held and words not in cell_words("none")


def _due_elsewhere(folded: str, cells: list[Cell | None], cols: list[Column]) -> bool:
    """The deadline column's cell is empty and a deadline stands under another column: the
    row lost cells merged above and was padded at its end (| 2.任务 | 县农业农村局 |
    2025年底前 | | | under 工作目标 | 工作内容 | 工作措施 | 责任单位 | 完成时限)."""
    due = next((k for k, c in enumerate(cols) if c.kind == "deadline"), None)
    if due is None:
        return False
    held = cells[due] if due < len(cells) else None
    if held is not None and not held.empty:
        return False
    return any(
        c is not None and not c.empty and k != due and deadline_like(clean(text_of(folded, c)))
        for k, c in enumerate(cells)
    )


def header_again(folded: str, cells: list[Cell], texts: list[str]) -> bool:
    """A row of column words, printed again at a page break; not a row of figures under
    years (2019年 / 440个 / 2020年 / 618个: two year words, and figures)."""
    if any(FIGURE.match(t) and year_of(t) is None for t in texts):
        return False
    return is_header([text_of(folded, c) for c in cells])
