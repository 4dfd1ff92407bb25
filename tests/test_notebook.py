"""A Document in a notebook: Jupyter's _repr_html_ and render_html(fragment=True)."""

from __future__ import annotations

import html

import policyparse
from conftest import CORPUS
from helpers import XSS_PLAN

NINGBO = CORPUS / "ningbo-2025-consumption.txt"


def test_a_document_without_its_text_shows_a_summary() -> None:
    doc = policyparse.parse_file(NINGBO)
    shown = doc._repr_html_()
    assert shown is not None and shown.startswith("<table>")
    assert "大力提振和扩大消费专项行动实施方案" in shown
    assert "<th style='text-align:left'>targets</th><td>48</td>" in shown
    assert "with_text=True" in shown


def test_a_document_with_its_text_shows_the_view_in_a_frame() -> None:
    doc = policyparse.parse_file(NINGBO, with_text=True)
    shown = doc._repr_html_()
    assert shown is not None and shown.startswith("<iframe srcdoc=")
    assert 'sandbox="allow-scripts"' in shown
    inner = html.unescape(shown.split('srcdoc="', 1)[1].split('" sandbox=', 1)[0])
    assert inner.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in inner
    assert shown == policyparse.render_html(doc, rules=False, fragment=True)


def test_the_frame_holds_the_document_text_escaped() -> None:
    doc = policyparse.parse(XSS_PLAN, with_text=True)
    shown = policyparse.render_html(doc, fragment=True)
    outside = shown.split('srcdoc="', 1)[0] + shown.rsplit('" sandbox=', 1)[1]
    assert "<script" not in shown.split('srcdoc="', 1)[1].split('" sandbox=', 1)[0]
    assert outside.count("<") == 2  # the iframe tags themselves


def test_parse_many_reports_progress_for_a_notebook_bar() -> None:
    paths = [*sorted(str(p) for p in CORPUS.glob("*.txt")), "missing.txt"]
    seen: list[tuple[int, int | None]] = []
    results = list(
        policyparse.parse_many(paths, workers=1, progress=lambda d, t: seen.append((d, t)))
    )
    assert len(results) == len(paths) and isinstance(results[-1], policyparse.ErrorRecord)
    assert seen == [(k, len(paths)) for k in range(1, len(paths) + 1)]
    unsized: list[tuple[int, int | None]] = []
    list(
        policyparse.parse_many(
            iter(paths[:2]), workers=1, progress=lambda d, t: unsized.append((d, t))
        )
    )
    assert unsized == [(1, None), (2, None)]
