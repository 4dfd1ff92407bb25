"""Hostile and broken text: each class of input gives a Document or one clear error.

The large shapes (10 MB of glued text, 16 MB of headings) are timed in
benchmarks/linear.py, not here; this module holds one small case per class and the
generated battery (benchmarks/battery.py) at a small count.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policyparse
from conftest import REPO

CN = "一二三四五六七八九十"
PLAN = (
    "某市实施方案\n一、目标\n到2025年，新增就业5万人。\n二、任务\n"
    "（一）促进就业。推进服务。（牵头单位：市商务局；配合单位：市财政局）\n"
    "（二）扩大消费。推进服务。（责任单位：市商务局）\n三、保障\n加强领导。\n"
)
CLEAN = [("1", "一、"), ("2", "二、"), ("2.1", "（一）"), ("2.2", "（二）"), ("3", "三、")]


def outline(doc: policyparse.Document) -> list[tuple[str, str]]:
    return [(n.path, (n.label or "").replace(" ", "")) for n in doc.walk() if n.path]


def units(doc: policyparse.Document) -> list[tuple[str, str]]:
    return [(u.name, u.role) for n in doc.walk() for u in n.responsible_units]


# -- invisible characters --------------------------------------------------------------


@pytest.mark.parametrize(
    "mark",
    ["\u200b", "\u200d", "\u200e", "\u202e", "\u2066", "\u00ad", "\u2060", "\x07", "\x1b", "\x7f"],
    ids=["zwsp", "zwj", "lrm", "rlo", "lri", "shy", "wj", "bel", "esc", "del"],
)
def test_an_invisible_character_inside_a_label_or_a_name_changes_nothing(mark: str) -> None:
    text = PLAN.replace("二、", f"二{mark}、").replace("（二）", f"（二{mark}）")
    text = text.replace("市商务局；", f"市商{mark}务局；")
    doc = policyparse.parse(text)
    assert [(p, label.replace(mark, "")) for p, label in outline(doc)] == CLEAN
    assert units(doc) == [
        ("市商务局", "lead"),
        ("市财政局", "cooperating"),
        ("市商务局", "responsible"),
    ]
    (diag,) = [d for d in doc.diagnostics if d.code == "invisible_characters"]
    assert diag.severity == "warning" and diag.message.startswith("3 invisible")
    assert diag.span is not None and text[diag.span[0] : diag.span[1]] == mark
    # spans still cover the character: the label is what was printed
    (two,) = [n for n in doc.walk() if n.path == "2"]
    assert two.label == f"二{mark}、" and two.label_span is not None
    assert text[two.label_span[0] : two.label_span[1]] == two.label


def test_clean_text_has_no_invisible_characters_diagnostic() -> None:
    doc = policyparse.parse(PLAN)
    assert outline(doc) == CLEAN and not doc.diagnostics


# -- a statement broken across lines ------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "（牵头单位：市商务局；\n配合单位：市财政局）",
        "（\n牵头单位：市商务局；配合单位：市财政局）",
        "（牵头单位：市商务局；\n  配合单位：市财政局）",
    ],
    ids=["before-second-label", "after-opener", "indented"],
)
def test_a_line_break_inside_a_responsibility_statement(statement: str) -> None:
    text = f"一、目标\n二、任务\n（一）促进就业。推进服务。{statement}\n（二）扩大消费。\n"
    doc = policyparse.parse(text)
    (measure,) = [n for n in doc.walk() if n.path == "2.1"]
    assert [(u.name, u.role) for u in measure.responsible_units] == [
        ("市商务局", "lead"),
        ("市财政局", "cooperating"),
    ]


# -- the size limit counts bytes as they are read --------------------------------------------


@pytest.mark.skipif(not Path("/proc/self/maps").is_file(), reason="needs Linux /proc")
def test_a_file_that_reports_size_zero_is_still_limited() -> None:
    proc = Path("/proc/self/maps")
    assert proc.stat().st_size == 0  # what makes the class: the size is not known in advance
    r = subprocess.run(
        [sys.executable, "-m", "policyparse", str(proc), "--max-mb", "0.0001"],
        capture_output=True,
        timeout=60,
    )
    assert r.returncode == 2
    lines = r.stderr.decode().strip().splitlines()
    assert lines == [
        f"policyparse: error: {proc}: over the 104-byte limit "
        "(raise it with --max-mb or max_bytes=)"
    ]


# -- glued one-line documents ---------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    count=st.integers(min_value=1, max_value=10),
    values=st.lists(st.integers(min_value=1, max_value=999), min_size=10, max_size=10),
    heading=st.booleans(),
    spaces=st.sampled_from(["", " ", "\u3000"]),
)
def test_glued_run_in_measures_on_one_line(
    count: int, values: list[int], heading: bool, spaces: str
) -> None:
    """Measures pasted as one line still give one measure each, with its target and unit."""
    body = spaces.join(
        f"（{CN[i]}）促进就业。2025年，新增城镇就业超{values[i]}万人。（责任单位：市人力社保局）"
        for i in range(count)
    )
    text = ("一、目标\n二、重点任务\n" if heading else "") + body
    doc = policyparse.parse(text)
    measures = [n for n in doc.walk() if n.kind == "measure" and n.label and "（" in n.label]
    assert [m.number for m in measures] == list(range(1, count + 1))
    for m, value in zip(measures, values, strict=False):
        assert [(t.value, t.unit, t.year) for t in m.targets] == [(value, "万人", 2025)]
        assert [u.name for u in m.responsible_units] == ["市人力社保局"]
        for t in m.targets:
            assert text[t.span[0] : t.span[1]] == t.text


def test_a_notice_run_into_one_line_opens_its_sections_after_the_colon() -> None:
    """A notice stored as one line (a text cell of a crawled table): 通知如下：一、… opens
    section 1, so 二、 and 三、 follow it, and the date that ends the text dates the notice."""
    text = (
        "青川市人民政府办公厅关于做好电站建设有关工作的通知各区人民政府：现将有关事项通知如下："
        "一、提高认识。到2004年底，全市装机规模达到440万千瓦。二、合理安排建设。到2006年，"
        "新增装机规模30万千瓦。三、加强监督检查。各区要加强督促检查。"
        "青川市人民政府办公厅二〇〇五年二月二十二日"
    )
    doc = policyparse.parse(text)
    sections = [n for n in doc.children if n.kind != "paragraph"]
    assert [n.path for n in sections] == ["1", "2", "3"]
    assert doc.signed == dt.date(2005, 2, 22)
    targets = [t for n in doc.walk() for t in n.targets]
    assert [(t.value, t.unit, t.year) for t in targets] == [(30, "万千瓦", 2006)]


# -- the battery ------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_generated_battery_reaches_no_internal_error() -> None:
    r = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "battery.py"), "--count", "280", "--batch"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "internal" not in r.stdout.split("batch:")[1]


# -- the library under odd calls ------------------------------------------------------------


def test_lone_surrogates_are_replaced_with_a_diagnostic() -> None:
    text = "一、目标\n到2025年，新增就业\ud8005万人。\udfff\n"
    doc = policyparse.parse(text, with_text=True)
    (diag,) = [d for d in doc.diagnostics if d.code == "replaced_surrogates"]
    assert diag.message.startswith("2 lone surrogates") and diag.span == (16, 17)
    assert doc.text == text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    assert len(doc.text) == len(text)  # one for one: spans index the caller's string
    doc.model_dump_json()  # writable
    explained = policyparse.explain(text)
    assert explained  # the explainer takes the same str


@pytest.mark.slow
def test_parses_in_threads_leave_the_collector_as_they_found_it() -> None:
    import gc
    import threading

    text = "一、目标\n（一）促进就业。2025年，新增就业5万人。（责任单位：市人社局）\n" * 20

    def work() -> None:
        for _ in range(5):
            policyparse.parse(text)

    assert gc.isenabled()
    for _ in range(10):
        threads = [threading.Thread(target=work) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert gc.isenabled()
    gc.disable()
    try:
        policyparse.parse(text)
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()


@settings(max_examples=30, deadline=None)
@given(
    sections=st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=4),
    titled=st.booleans(),
)
def test_a_whole_plan_pasted_as_one_line(sections: list[int], titled: bool) -> None:
    """Section headings glued to their first measure (二、重点任务（一）…) still open sections."""
    body = "".join(
        f"{CN[s]}、重点任务{s + 1}"
        + "".join(
            f"（{CN[m]}）促进就业。2025年，新增就业{m + 1}万人。（责任单位：市人社局）"
            for m in range(count)
        )
        for s, count in enumerate(sections)
    )
    text = ("某市促进就业行动方案\n" if titled else "") + body
    doc = policyparse.parse(text)
    expected = []
    for s, count in enumerate(sections):
        expected.append((str(s + 1), f"重点任务{s + 1}"))
        expected += [(f"{s + 1}.{m + 1}", "促进就业") for m in range(count)]
    assert [(n.path, n.title) for n in doc.walk() if n.path] == expected
    assert sum(len(n.targets) for n in doc.walk()) == sum(sections)


@pytest.mark.parametrize(
    "line",
    ["一、坚持创新驱动，（一）强化科技支撑。", "一、重点任务（三）促进就业。内容。"],
    ids=["clause-before", "not-the-first-item"],
)
def test_a_bracket_after_a_heading_that_is_not_its_first_item(line: str) -> None:
    doc = policyparse.parse("某市方案\n" + line + "\n")
    top = [n for n in doc.walk() if n.path and "." not in n.path]
    assert len(top) == 1 and not top[0].children


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
def test_a_file_name_that_is_no_utf8_in_every_one_file_command(tmp_path: Path) -> None:
    """A GBK name on Linux: source.path writes its odd bytes as \\xNN, as batch records do."""
    import json
    import os

    name = os.path.join(os.fsencode(tmp_path), "方案".encode("gbk") + b".txt")
    with open(name, "wb") as fh:
        fh.write(PLAN.encode())
    path = os.fsdecode(name)
    shown = str(tmp_path) + "/\\xb7\\xbd\\xb0\\xb8.txt"
    doc = policyparse.parse_file(path)
    assert doc.source.path == shown
    doc.model_dump_json()
    for args in (
        [path],
        ["units", path],
        [path, "--format", "csv", "-o", str(tmp_path / "t")],
        [path, "--format", "akn"],
        ["view", path, "-o", str(tmp_path / "v.html")],
    ):
        r = subprocess.run(
            [sys.executable, "-m", "policyparse", *args], capture_output=True, timeout=120
        )
        assert r.returncode == 0, (args, r.stderr)
    r = subprocess.run(
        [sys.executable, "-m", "policyparse", path], capture_output=True, timeout=120
    )
    assert json.loads(r.stdout)["source"]["path"] == shown


def test_a_table_header_that_ends_the_text_reads_no_row() -> None:
    """序号 and labels a blank line apart at the very end (found by hypothesis): a header
    with nothing after it gives no table row and no error."""
    doc = policyparse.parse("序号\r\n附件\r\n附件")
    assert [n for n in doc.walk() if n.style == "table_row"] == []
