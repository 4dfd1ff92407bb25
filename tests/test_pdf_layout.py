"""From a PDF's pages to the plan's text: furniture set aside, wrapped lines joined.

The PDFs are laid out by the tests themselves (tests/pdf_layout.py): paragraphs
filled to the margin and justified, first lines set in, running heads and page
numbers on every page.  The property: any plan text laid out so parses to the same
tree (paths, titles, targets, units) as the text itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policyparse
import spans
from pdf_layout import PAGE_NUMBER_STYLES, Layout, draw
from policyparse import Document
from policyparse.inputs.read import load_bytes

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

CN = "一二三四五六七八九十"
TITLES = ["促进居民就业增收", "扩大服务消费", "提升消费品质", "优化消费环境", "加强组织领导"]
MEASURES = [
    "支持重点群体就业创业",
    "推动住房消费健康发展",
    "释放汽车消费潜力",
    "培育消费新场景",
    "提高养老保障能力",
    "强化教育支撑",
    "拓展文化和旅游消费",
    "提振体育服务消费",
    "促进住宿餐饮消费",
    "加强消费品牌培育",
    "加快发展新型消费",
    "营造放心消费环境",
]
INDICATORS = ["城镇新增就业", "社区养老服务设施覆盖率", "新打造品质首店", "建成便民生活圈"]
UNITS = ["万人", "%", "家", "个", "亿元"]
BODIES = ["市人力社保局", "市农业农村委", "市发展改革委", "市商务委", "市住房城乡建委", "市财政局"]
FILLER = (
    "多措并举提升消费能力，激发消费活力，挖掘消费潜力，结合本市实际，"
    "推动有条件的社区打造就业工坊和就业小站，支持重点群体从事个体经营"
)


def cn(n: int) -> str:
    """1 → 一, 12 → 十二 (up to 99)."""
    tens, ones = divmod(n, 10)
    return (
        (CN[tens - 1] if tens > 1 else "") + ("十" if tens else "") + (CN[ones - 1] if ones else "")
    )


@st.composite
def measures(draw_: st.DrawFn, n: int) -> str:
    """（n）title。sentences with a target, filler, a unit statement."""
    title = MEASURES[(n - 1 + draw_(st.integers(0, 11))) % len(MEASURES)]
    parts = [f"（{cn(n)}）{title}。"]
    if draw_(st.booleans()):
        parts.append(FILLER[: draw_(st.integers(10, len(FILLER)))] + "。")
    if draw_(st.booleans()):
        year = draw_(st.integers(2024, 2030))
        indicator = draw_(st.sampled_from(INDICATORS))
        value = draw_(st.integers(2, 900))
        unit = draw_(st.sampled_from(UNITS))
        parts.append(f"到{year}年，{indicator}达到{value}{unit}以上。")
    if draw_(st.booleans()):
        bodies = draw_(st.lists(st.sampled_from(BODIES), min_size=1, max_size=4, unique=True))
        parts.append(f"（责任单位：{'、'.join(bodies)}）")
    return "".join(parts)


@st.composite
def plans(draw_: st.DrawFn) -> str:
    chapters = draw_(st.booleans())
    lines = ["某某市提振消费若干措施"]
    lines.append(
        "为落实有关要求，" + FILLER[: draw_(st.integers(8, len(FILLER)))] + "，制定本措施。"
    )
    k = 0
    for s in range(1, draw_(st.integers(1, 4)) + 1):
        title = TITLES[s - 1]
        lines.append(f"第{cn(s)}章　{title}" if chapters else f"{cn(s)}、{title}")
        for _ in range(draw_(st.integers(1, 3))):
            k += 1
            lines.append(draw_(measures(k)))
    return "\n".join(lines) + "\n"


def items(doc: Document) -> dict[str, list[tuple[str, ...]]]:
    """What the property compares: outline, targets and units, by the node they are in."""
    out: dict[str, list[tuple[str, ...]]] = {"outline": [], "targets": [], "units": []}
    for n in doc.walk():
        if n.path:
            out["outline"].append((n.path, "".join((n.title or "").split())))
        where = n.path or "-"
        out["targets"] += [(where, str(t.value), t.unit or "", str(t.year)) for t in n.targets]
        out["units"] += [(where, u.name, u.role) for u in n.responsible_units]
    return out


def as_pdf(text: str, lay: Layout | None = None) -> Document:
    return policyparse.parse_bytes(draw(text, lay or Layout()), path="plan.pdf", with_text=True)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plans(),
    st.sampled_from(PAGE_NUMBER_STYLES),
    st.booleans(),
    st.integers(300, 460),
    st.integers(8, 16),
)
def test_a_plan_laid_out_as_a_pdf_parses_to_the_tree_of_its_text(
    text: str, numbers: str, foot: bool, width: int, lines: int
) -> None:
    foot_text = "行政规范性文件" if foot else None
    lay = Layout(page_number=numbers, foot=foot_text, width=width, lines_per_page=lines)
    pdf = as_pdf(text, lay)
    assert items(pdf) == items(policyparse.parse(text))
    assert "page_number" in {p.kind for p in pdf.furniture}
    assert pdf.text is not None
    spans.check_document(pdf, pdf.text)  # every span holds in the PDF's text, as read


LONG = (
    "某某市提振消费若干措施\n"
    "为落实有关要求，结合本市实际，制定本措施。\n"
    "一、促进居民就业增收\n"
    "（一）支持重点群体就业创业。" + FILLER + "，到2027年，城镇新增就业达到65万人以上。"
    "（责任单位：市人力社保局、市农业农村委、市发展改革委、市商务委、市住房城乡建委）\n"
    "（二）推动住房消费健康发展。" + FILLER * 3 + "。（责任单位：市住房城乡建委）\n"
    "二、扩大服务消费\n"
    "（三）培育消费新场景。" + FILLER * 4 + "。\n"
)


def test_furniture_is_set_aside_page_by_page() -> None:
    doc = as_pdf(LONG, Layout(lines_per_page=8, foot="行政规范性文件"))
    pages = doc.source.pages
    assert pages is not None and pages >= 3
    kinds = [p.kind for p in doc.furniture]
    assert kinds.count("page_number") == pages
    assert kinds.count("running_head") == 2 * pages  # the head and the foot
    assert all(
        p.text in ("某某市人民政府办公厅发布", "行政规范性文件")
        for p in doc.furniture
        if p.kind == "running_head"
    )


def test_a_paragraph_goes_on_across_lines_and_pages_as_one() -> None:
    doc = as_pdf(LONG, Layout(lines_per_page=8))
    text = policyparse.parse(LONG)
    assert items(doc) == items(text)
    measure = next(n for n in doc.walk() if n.path == "1.2")
    assert "\f" in measure.text  # it goes on over a page break ...
    assert [u.name for u in measure.responsible_units] == ["市住房城乡建委"]  # ... as one
    assert {n.page for n in doc.walk() if n.path} >= {1, 2}


def test_lines_are_kept_apart_where_a_numbered_item_or_heading_starts() -> None:
    doc = as_pdf(LONG)
    assert [n.path for n in doc.walk() if n.path] == ["1", "1.1", "1.2", "2", "2.3"]
    first = next(n for n in doc.walk() if n.path == "1.1")
    assert first.title == "支持重点群体就业创业"
    assert [(t.value, t.unit, t.year) for t in first.targets] == [(65.0, "万人", 2027)]


def test_a_unit_name_and_a_number_wrapped_across_lines_read_as_one() -> None:
    # Widths chosen so that 市农业农村委 and 120万元 break across lines.
    for width in range(300, 420, 12):
        text = (
            "某某方案\n一、任务\n（一）推进。"
            + "加快推进" * 5
            + "到2026年，新建120万元项目。（责任单位：市农业农村委、市商务委）\n"
        )
        doc = as_pdf(text, Layout(width=width))
        assert items(doc) == items(policyparse.parse(text)), width


def test_the_reader_marks_lines_at_the_margins() -> None:
    raw = draw(LONG, Layout(lines_per_page=30))
    loaded = load_bytes(raw, path="plan.pdf")
    assert loaded.margins is not None and loaded.margins.full and loaded.margins.indented
    lines = loaded.text.split("\n")
    starts = [sum(len(x) + 1 for x in lines[:i]) for i in range(len(lines))]
    indented = [line for line, s in zip(lines, starts, strict=True) if s in loaded.margins.indented]
    assert "一、促进居民就业增收" in indented and "二、扩大服务消费" in indented


def test_the_view_names_the_page_each_node_starts_on(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(draw(LONG, Layout(lines_per_page=8)))
    doc = policyparse.parse_file(path, with_text=True)
    page = policyparse.render_html(doc, rules=False)
    pages = doc.source.pages
    assert f"(pdf, None, {pages} pages)" in page
    for node in doc.walk():
        if node.path and node.kind in ("section", "measure"):
            assert f"· p. {node.page}</span>" in page


def _hard_wrapped(text: str, width: int) -> str:
    out = []
    for line in text.split("\n"):
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize("width", range(20, 28))
def test_a_hard_wrapped_copy_reads_across_its_wraps_too(width: int) -> None:
    # Text copied out of a PDF at a fixed width: wraps in a label, a number, a name.
    text = (
        "某某方案\n一、促进就业\n（一）支持重点群体就业创业。多措并举提升消费能力，激发消费活力，"
        "挖掘消费潜力，到2025年，城镇新增就业达到65万人以上。（责任单位：市人力社保局、市农业农村委）\n"
        "（二）推动住房消费健康发展。多措并举提升消费能力，激发消费活力，挖掘消费潜力，"
        "推动有条件的社区打造就业工坊和就业小站。\n"
    )
    wrapped = policyparse.parse(_hard_wrapped(text, width), with_text=True)
    assert "hard_wrap" in {d.code for d in wrapped.diagnostics}
    assert items(wrapped) == items(policyparse.parse(text))
    assert wrapped.text is not None
    spans.check_document(wrapped, wrapped.text)
