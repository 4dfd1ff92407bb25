"""Tables printed sideways: each row a column's label, then that column's cells.

A short indicator table is often turned on its side to fit the page, and a converter
prints it so::

    主要指标 | 粮食综合生产能力 | 农业科技进步贡献率 |
    2022年目标值 | >6亿吨 | 61.5% |
    属性 | 约束性 | 预期性 |

Where every row of a pipe or tab table opens with a column's label (lexicon
layout/table_columns: a 序号, indicator or task column, and another), and its first row is no
header (the labels run down, not across), the table is turned upright: the labels make
the header row, the n-th cells of the rows the n-th row.  A label printed alone on its
line, closed by a bar (``主要指标 |``), opens the row printed on the next line.  A label
printed again (the indicator row of the next block of five) starts a table of its own.

A table of one row turned so is a card of labels and values, one per line::

    具体任务 / 全面落实…，守好疫情防线。 / 责任单位 / 卫健局、文旅局 / 配合单位 / 各乡镇 /
    完成时限 / 12月底前

Three labels or more, each alone on its line (a short column word) and followed by the
lines of its value, the first a 序号, task or indicator label and another a unit, deadline,
target or 属性 label, make a card: its labels are the header, its values one row.  The
first label printed again opens the next card, a row of the same table.
"""

from __future__ import annotations

from ..inputs.columns import clean, column, is_header
from ..text.fold import compact
from .blocks import Block
from .cells import Budget, Cell, TextTable, TRow
from .linecells import heading
from .markers import match_marker

_OPENING = frozenset({"serial", "indicator", "task"})  # the first label: what the rows are
_ROWS_MIN = 2  # labels of a table turned sideways, at least


def _text(folded: str, c: Cell) -> str:
    return compact(folded[c.start : c.end])


def _kind(folded: str, c: Cell) -> str:
    return column(_text(folded, c)).kind


def _joined(folded: str, rows: list[TRow]) -> list[TRow]:
    """A label alone on its row (``主要指标 |``) joined to the row after it, which opens
    with no label (``粮食综合生产能力 | …``)."""
    out: list[TRow] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        live = [c for c in row.cells if not c.empty]
        after = rows[k + 1] if k + 1 < len(rows) else None
        alone = len(live) == 1 and bool(_kind(folded, live[0]))
        if alone and after is not None and after.cells and not _kind(folded, after.cells[0]):
            out.append(TRow([live[0], *after.cells], [*row.blocks, *after.blocks]))
            k += 2
            continue
        out.append(row)
        k += 1
    return out


def _sideways(folded: str, rows: list[TRow]) -> bool:
    """Every row opens with a label, the first a 序号, indicator or task column's, and the
    labels are no header row printed across (two or more of its cells labels)."""
    if len(rows) < _ROWS_MIN or any(len(r.cells) < 2 for r in rows):
        return False
    kinds = [_kind(folded, r.cells[0]) or _colon_label(folded, r.cells[0]) for r in rows]
    if kinds[0] not in _OPENING or not all(kinds) or len(set(kinds)) < 2:
        return False
    return not is_header([_text(folded, c) for c in rows[0].cells])


def _colon_label(folded: str, c: Cell) -> str:
    """A label closed by a colon (年度阶段性工作目标: | …) names its column even where its
    words name none the lexicon knows: "label"; else ""."""
    words = _text(folded, c)
    return "label" if words[-1:] in (":", "：") and len(words) <= _COLON_LABEL_MAX else ""


_COLON_LABEL_MAX = 24  # characters of a label closed by a colon


def _turned(t: TextTable, rows: list[TRow]) -> TextTable:
    """The rows turned upright: the labels the header, the n-th cells the n-th row."""
    width = max(len(r.cells) for r in rows) - 1
    header = TRow([r.cells[0] for r in rows], [rows[0].blocks[0]])
    turned = [header]
    for n in range(1, width + 1):
        cells = [r.cells[n] if n < len(r.cells) else Cell(r.end, r.end) for r in rows]
        lines = sorted(
            {id(b): b for r in rows if n < len(r.cells) for b in r.blocks}.values(),
            key=lambda b: b.start,
        )
        turned.append(TRow(cells, lines))
    blocks = [b for b in t.blocks if rows[0].start <= b.start <= rows[-1].end]
    return TextTable(t.form, turned, blocks)


def upright(folded: str, t: TextTable) -> list[TextTable]:
    """The table as read (in a list), or, where it was printed sideways, its blocks of
    columns turned upright, one table each."""
    rows = _joined(folded, t.rows)
    if not rows or not rows[0].cells:
        return [t]
    groups: list[list[TRow]] = []
    opening = _text(folded, rows[0].cells[0])
    for row in rows:
        if not groups or (row.cells and _text(folded, row.cells[0]) == opening):
            groups.append([])
        groups[-1].append(row)
    if not all(_sideways(folded, g) for g in groups):
        return [t]
    return [_turned(t, g) for g in groups]


_LABEL_MAX = 6  # characters of a card's label: a column word alone (具体任务, 责任单位)
_LABELS_MIN = 3  # labels of a card, at least
_VALUE_LINES = 8  # lines of one value, at most
_BARS = frozenset({"", "|"})  # a line of a bar alone between cells printed down
_CLOSING = frozenset({"unit", "deadline", "target", "attribute", "measure_unit"})


def _label(folded: str, b: Block) -> str:
    """The kind of column a line names where it is a card's label (short, no marker, no
    punctuation), else ""."""
    words = clean(folded[b.start : b.end])
    if not words or len(words) > _LABEL_MAX or not words.isalnum():
        return ""
    if match_marker(folded, b.start, b.end) is not None:
        return ""
    return column(words).kind


def _card(folded: str, blocks: list[Block], i: int) -> list[tuple[Block, list[Block]]]:
    """The labels from block *i* on, each with the lines of its value, up to the first
    label printed again or a line that is neither; [] where no label opens there."""
    out: list[tuple[Block, list[Block]]] = []
    first = compact(folded[blocks[i].start : blocks[i].end]) if i < len(blocks) else ""
    j = i
    while j < len(blocks) and _label(folded, blocks[j]):
        label = blocks[j]
        if out and compact(folded[label.start : label.end]) == first:
            break  # the next card
        k = j + 1
        while k < len(blocks) and k - j <= _VALUE_LINES and not _label(folded, blocks[k]):
            if blocks[k].role is not None or heading(folded, blocks[k]):
                break  # 三、保障措施 after the last card: the text goes on
            k += 1
        if all(compact(folded[b.start : b.end]) in _BARS for b in blocks[j + 1 : k]):
            break  # two labels in a row (a bar between at most): a header printed down
        out.append((label, blocks[j + 1 : k]))
        j = k
    return out


def _words(folded: str, card: list[tuple[Block, list[Block]]]) -> list[str]:
    """A card's labels as printed: the next card is a row of the same table only where they
    are the same."""
    return [compact(folded[b.start : b.end]) for b, _ in card]


def _is_card(folded: str, card: list[tuple[Block, list[Block]]]) -> bool:
    kinds = [_label(folded, label) for label, _ in card]
    return (
        len(card) >= _LABELS_MIN
        and kinds[0] in _OPENING
        and bool(_CLOSING.intersection(kinds))
        and len(set(_words(folded, card))) == len(card)
    )


def card_tables(folded: str, blocks: list[Block], budget: Budget) -> list[TextTable]:
    """Every table of cards (see the module) in the text, within *budget*."""
    tables: list[TextTable] = []
    i = 0
    while i < len(blocks) and not budget.spent:
        card = _card(folded, blocks, i)
        if not _is_card(folded, card):
            i += 1
            continue
        labels = [label for label, _ in card]
        header = _words(folded, card)
        table = TextTable("lines", [TRow([Cell(b.start, b.end) for b in labels], labels)])
        while _is_card(folded, card) and _words(folded, card) == header:
            if not budget.take(len(card), card[0][0].start):
                break
            values = [Cell(v[0].start, v[-1].end) for _, v in card]
            lines = [b for label, v in card for b in (label, *v)]
            table.rows.append(TRow(values, [b for _, v in card for b in v]))
            table.blocks.extend(lines)
            i = blocks.index(lines[-1], i) + 1
            card = _card(folded, blocks, i)
        tables.append(table)
    return tables
