"""Hostile and broken web pages: each class gives the plan's text, or says what it left.

One synthetic page per class (written here, not copied from a portal), read through
parse_bytes and through the command line:

- plan paragraphs outside any division (under <body>, <font>, <span>, <form>,
  <center>) beside a footer block of <p>s;
- nesting deeper than libxml2's limits (300, 1000 and 5000 levels);
- hidden text (the hidden attribute, display:none, visibility:hidden);
- short one-line pages whose <meta charset> is wrong.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import policyparse

MEASURES = [
    "一、总体要求",
    "到2025年，全市新增就业5万人，城镇调查失业率控制在5.5%以内。",
    "二、重点任务",
    "（一）促进消费。举办促消费活动100场以上。（牵头单位：市商务局）",
    "（二）扩大投资。新开工重大项目50个。（责任单位：市发展改革委）",
    "三、保障措施",
    "加强组织领导，压实工作责任，确保各项任务落到实处。",
]
FOOTER = '<div class="copyright"><p>版权所有 某市人民政府办公室</p></div>'
OUTLINE = ["1", "2", "2.1", "2.2", "3"]


def _paragraphs() -> str:
    return "".join(f"<p>{m}</p>" for m in MEASURES)


def _lines() -> str:
    return "<br>".join(MEASURES)


def page(body: str, charset: str = "utf-8") -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>plan</title>'
        f"</head><body>{body}</body></html>"
    )


def parse(raw: bytes) -> policyparse.Document:
    return policyparse.parse_bytes(raw, path="page.html", with_text=True)


def codes(doc: policyparse.Document) -> list[str]:
    return [d.code for d in doc.diagnostics]


def has_plan(doc: policyparse.Document) -> bool:
    assert doc.text is not None
    return all(m in doc.text for m in MEASURES)


# -- paragraphs outside a division --------------------------------------------------------

OUTSIDE = {
    "under-body-p": _paragraphs() + FOOTER,
    "under-body-br": _lines() + FOOTER,
    "font": f'<font size="3">{_paragraphs()}</font>' + FOOTER,
    "span": f"<span>{_lines()}</span>" + FOOTER,
    "form": f'<form action="/s">{_paragraphs()}</form>' + FOOTER,
    "center": f"<center>{_paragraphs()}</center>" + FOOTER,
    "font-in-td": f"<table><tr><td><font>{_lines()}</font></td></tr></table>" + FOOTER,
}


@pytest.mark.parametrize("body", OUTSIDE.values(), ids=OUTSIDE.keys())
def test_paragraphs_outside_a_division_are_the_document(body: str) -> None:
    """A footer's <p>s no longer win over the plan beside them (they gave 14 characters)."""
    doc = parse(page(body).encode("utf-8"))
    assert has_plan(doc)
    assert [n.path for n in doc.walk() if n.path] == OUTLINE
    assert "page_text_dropped" not in codes(doc)


def test_a_division_of_paragraphs_is_still_chosen_over_the_page() -> None:
    body = (
        '<div class="top"><a href="/">首页</a><a href="/zw">政务公开</a></div>'
        f'<div class="article">{_paragraphs()}</div>' + FOOTER
    )
    doc = parse(page(body).encode("utf-8"))
    assert has_plan(doc) and doc.text is not None
    assert "首页" not in doc.text and "版权所有" not in doc.text


def test_a_content_block_holding_little_of_the_page_is_reported() -> None:
    """The portal's #UCAP-CONTENT is trusted; holding under half the page, it is said."""
    body = f'<div id="UCAP-CONTENT"><p>一、总则</p></div><font>{_paragraphs()}</font>'
    doc = parse(page(body).encode("utf-8"))
    assert doc.text == "一、总则"
    (diag,) = [d for d in doc.diagnostics if d.code == "page_text_dropped"]
    assert diag.severity == "warning"
    assert diag.message.startswith('the page\'s content block <div id="UCAP-CONTENT"> holds 4 of')


def test_a_page_that_hides_its_text_for_a_script_says_so() -> None:
    """A template page: the plan in a display:none block a script copies into view."""
    hidden = f'<div id="tpl" style="display: none;">{_paragraphs() * 5}</div>'
    doc = parse(page(f"<h1>某市政策文件库</h1><div id='shown'></div>{hidden}").encode("utf-8"))
    (diag,) = [d for d in doc.diagnostics if d.code == "page_text_dropped"]
    assert diag.severity == "warning"
    assert diag.message.startswith("the page hides ")
    with pytest.raises(policyparse.EmptyInputError, match="the page hides "):
        parse(page(f"<div id='shown'></div>{hidden}").encode("utf-8"))


def test_a_hidden_menu_beside_the_plan_is_no_such_page() -> None:
    body = f'<div style="display:none"><a href="/">首页</a>菜单</div><div>{_paragraphs()}</div>'
    doc = parse(page(body).encode("utf-8"))
    assert has_plan(doc)
    assert "page_text_dropped" not in codes(doc)


# -- deep nesting ----------------------------------------------------------------------


def deep(levels: int) -> str:
    inner = _paragraphs() + "<script>var s = '脚本里的字';</script>"
    return page("<div>" * levels + inner + "</div>" * levels + FOOTER)


@pytest.mark.parametrize("levels", [300, 1000, 5000])
def test_deep_nesting_keeps_all_the_text(levels: int) -> None:
    doc = parse(deep(levels).encode("utf-8"))
    assert has_plan(doc) and doc.text is not None
    assert [n.path for n in doc.walk() if n.path] == OUTLINE
    assert "脚本里的字" not in doc.text
    # huge_tree reads 2048 levels; deeper tags are flattened, and that is said
    flattened = [d for d in doc.diagnostics if d.code == "page_too_deep"]
    assert [d.severity for d in flattened] == (["info"] if levels > 2000 else [])


def test_deep_nesting_loads_no_entity(tmp_path: Path) -> None:
    """huge_tree leaves the protections as they were: no external entity is read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")
    raw = (
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<html><body>" + "<div>" * 3000 + "<p>一、任务&xxe;</p>" + "</div>" * 3000
    )
    doc = parse(raw.encode("utf-8"))
    assert "SECRET-CONTENT" not in doc.model_dump_json()


# -- hidden text -----------------------------------------------------------------------

HIDDEN = [
    "<p hidden>隐藏段落甲</p>",
    '<div hidden="until-found">隐藏段落乙</div>',
    '<div style="color:red; display: none">隐藏段落丙</div>',
    '<span style="VISIBILITY:hidden">隐藏段落丁</span>',
    '<div style="display:none"><p>隐藏段落戊</p></div>',
]


def test_hidden_text_is_not_document_text() -> None:
    body = f'<div>{_paragraphs()}{"".join(HIDDEN)}<p aria-hidden="true">仍然显示</p></div>'
    doc = parse(page(body).encode("utf-8"))
    assert has_plan(doc) and doc.text is not None
    assert "隐藏段落" not in doc.text
    assert "仍然显示" in doc.text  # aria-hidden is rendered: only screen readers skip it


def test_a_hidden_body_is_read() -> None:
    """Pages hide <body> until a script has run: a browser shows it."""
    raw = page(_paragraphs()).replace("<body>", '<body style="display:none">')
    assert has_plan(parse(raw.encode("utf-8")))


# -- a wrong <meta charset> ----------------------------------------------------------------

WRONG = {
    # declared, bytes, line: each declared reading is valid and was mojibake
    "big5-but-gbk": ("big5", "gbk", "一、加强组织领导"),
    "gbk-but-utf8": ("gbk", "utf-8", "实施方案"),
    "gb2312-but-utf8": ("gb2312", "utf-8", "总体要求"),
}


@pytest.mark.parametrize(("declared", "codec", "line"), WRONG.values(), ids=WRONG.keys())
def test_a_wrong_meta_charset_is_not_mojibake(declared: str, codec: str, line: str) -> None:
    doc = parse(page(f"<p>{line}</p>", declared).encode(codec))
    assert doc.text == line
    assert doc.source.encoding == ("utf-8" if codec == "utf-8" else "gb18030")
    (diag,) = [d for d in doc.diagnostics if d.code == "encoding_guessed"]
    assert diag.message.startswith("the page declares ")


def test_a_declared_encoding_the_bytes_are_not_in_is_said() -> None:
    """Declared UTF-8, GBK bytes: read as GB18030 as before, no longer silently."""
    doc = parse(page("<p>一、加强组织领导</p>").encode("gbk"))
    assert doc.text == "一、加强组织领导" and doc.source.encoding == "gb18030"
    assert [d.message for d in doc.diagnostics if d.code == "encoding_guessed"] == [
        "the page declares utf-8 but is not valid utf-8: read as gb18030"
    ]


@pytest.mark.parametrize(
    ("declared", "codec", "line"),
    [("big5", "big5", "實施方案"), ("gbk", "gbk", "实施方案"), ("utf-8", "utf-8", "实施方案")],
)
def test_a_right_meta_charset_is_not_second_guessed(declared: str, codec: str, line: str) -> None:
    doc = parse(page(f"<p>{line}</p>", declared).encode(codec))
    assert doc.text == line
    assert "encoding_guessed" not in codes(doc)


# -- the command line ----------------------------------------------------------------------

CLI_CASES = {
    "outside-a-division": (page(OUTSIDE["font"]).encode("utf-8"), MEASURES[1], None),
    "deep": (deep(5000).encode("utf-8"), MEASURES[3], "page_too_deep"),
    "hidden": (
        page(f"<div>{_paragraphs()}{''.join(HIDDEN)}</div>").encode("utf-8"),
        MEASURES[4],
        None,
    ),
    "wrong-charset": (
        page("<p>实施方案</p>", "gbk").encode("utf-8"),
        "实施方案",
        "encoding_guessed",
    ),
}


def run_cli(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "policyparse", str(path), "--with-text"],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(("raw", "text", "code"), CLI_CASES.values(), ids=CLI_CASES.keys())
def test_command_line(tmp_path: Path, raw: bytes, text: str, code: str | None) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(raw)
    r = run_cli(path)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert text in out["text"]
    assert "隐藏段落" not in out["text"]
    if code is not None:
        assert code in [d["code"] for d in out["diagnostics"]]


def test_command_line_on_a_page_in_no_encoding(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(page("<p>X</p>", "big5").encode("ascii").replace(b"X", b"\x80\x80\xff"))
    r = run_cli(path)
    assert r.returncode == 2
    (line,) = r.stderr.strip().splitlines()
    assert line.startswith("policyparse: error: ") and "not valid cp950 or utf-8" in line
