"""The HTML view and the corpus report in a real browser (headless Chromium, Playwright).

The pages are opened from file:// URLs with every request routed and recorded:
a page that asks for anything but itself fails, and so does any console error
(a Content-Security-Policy violation is one).  Chromium is the operating
system's (``apt-get install chromium``; ``.ci/run`` installs it where it can),
found on the PATH or named by ``$POLICYPARSE_CHROMIUM``.  Where no browser can
be had the tests skip with a message; with ``CI=true`` they fail instead, so
that CI never passes without running them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import policyparse
from conftest import CORPUS, REPO, SHARED
from helpers import XSS_PLAN

NINGBO = CORPUS / "ningbo-2025-consumption.txt"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI=true, so the browser tests fail instead of skipping")
    pytest.skip(reason)


def chromium_path() -> str | None:
    """The browser to drive: $POLICYPARSE_CHROMIUM, else the first Chromium on the PATH."""
    named = os.environ.get("POLICYPARSE_CHROMIUM")
    if named:
        return named if Path(named).is_file() else shutil.which(named)
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    exe = chromium_path()
    if exe is None:
        _unavailable("no Chromium found (apt-get install chromium, or set POLICYPARSE_CHROMIUM)")
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=exe)
        except Exception as exc:  # a browser that is there but cannot start
            _unavailable(f"Chromium at {exe} does not start: {str(exc).splitlines()[0]}")
        yield b
        b.close()


@dataclass
class Opened:
    """A page opened from a file, with what it asked for and what it complained about."""

    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def check_quiet(self) -> None:
        foreign = [u for u in self.requests if u.split("#")[0] != self.url]
        assert not foreign, f"the page made requests: {foreign}"
        assert not self.errors, f"console errors: {self.errors}"


def open_file(browser: Any, path: Path, width: int = 1280) -> Opened:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    opened = Opened(page, path.resolve().as_uri())

    def route(r: Any) -> None:
        opened.requests.append(r.request.url)
        if r.request.url.split("#")[0] == opened.url:
            r.continue_()
        else:
            r.abort()

    context.route("**/*", route)
    page.on("request", lambda req: opened.requests.append(req.url))
    page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    page.goto(opened.url)
    page.wait_for_load_state("load")
    return opened


def _cli(*args: str) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "policyparse", *args], capture_output=True, text=True, cwd=REPO
    )
    assert r.returncode == 0, r.stderr


@pytest.fixture(scope="session")
def ningbo_view(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("view") / "ningbo.html"
    _cli("view", str(NINGBO), "-o", str(out))
    return out


@pytest.fixture(scope="session")
def ningbo_doc() -> policyparse.Document:
    return policyparse.parse_file(NINGBO)


@pytest.fixture
def ningbo(browser: Any, ningbo_view: Path) -> Iterator[Opened]:
    opened = open_file(browser, ningbo_view)
    yield opened
    opened.page.context.close()


def test_every_target_and_unit_is_marked(ningbo: Opened, ningbo_doc: policyparse.Document) -> None:
    nodes = list(ningbo_doc.walk())
    targets = sum(len(n.targets) for n in nodes)
    units = sum(len(n.responsible_units) + len(n.implied_units) for n in nodes)
    counts = ningbo.page.evaluate(
        """() => {
          const anchors = [...document.querySelectorAll('#text [data-item]')]
            .map(e => e.dataset.item);
          const marked = new Set([...document.querySelectorAll('#text [data-items]')]
            .flatMap(e => e.dataset.items.split(' ')));
          const painted = id => [...document.querySelectorAll('#text [data-items~="' + id + '"]')]
            .every(e => e.getClientRects().length > 0);
          return {
            targets: anchors.filter(a => a.startsWith('tgt-')).length,
            units: anchors.filter(a => a.startsWith('unit-')).length,
            distinct: new Set(anchors).size === anchors.length,
            allMarked: anchors.every(a => marked.has(a)),
            allPainted: anchors.every(painted),
          };
        }"""
    )
    assert counts == {
        "targets": targets,
        "units": units,
        "distinct": True,
        "allMarked": True,
        "allPainted": True,
    }
    ningbo.check_quiet()


def test_clicking_a_target_shows_its_fields(
    ningbo: Opened, ningbo_doc: policyparse.Document
) -> None:
    page = ningbo.page
    first = next(t for n in ningbo_doc.walk() for t in n.targets)
    panel = page.locator("#details")
    assert panel.is_hidden()
    page.locator('#text [data-items~="tgt-0"]').first.click()
    assert panel.is_visible()
    shown = panel.inner_text()
    for value in (first.indicator, first.unit, str(first.year), first.deadline, "rule"):
        assert value and value in shown, value
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    # the keyboard: focus a unit and press Enter
    page.locator('#text [data-items~="unit-0"][tabindex="0"]').focus()
    page.keyboard.press("Enter")
    assert panel.is_visible() and "宁波市人力资源社会保障局" in panel.inner_text()
    ningbo.check_quiet()


def test_the_year_filter_leaves_the_2025_targets(
    ningbo: Opened, ningbo_doc: policyparse.Document
) -> None:
    page = ningbo.page
    expected = sorted(t.text for n in ningbo_doc.walk() for t in n.targets if t.year == 2025)
    assert expected
    page.select_option('.filters[data-for="targets-table"] select[data-key="year"]', "2025")
    rows = page.locator("#targets-table tbody tr:not([hidden])")
    shown = sorted(rows.nth(k).locator("td").nth(1).inner_text() for k in range(rows.count()))
    assert shown == expected
    ningbo.check_quiet()


IN_VIEW = (
    "(id) => { const r = document.getElementById(id).getBoundingClientRect();"
    " return r.top >= 0 && r.top < innerHeight; }"
)


def test_an_outline_link_scrolls_to_its_section(ningbo: Opened) -> None:
    page = ningbo.page
    links = page.locator("nav.outline a")
    link = links.nth(links.count() - 1)  # the last section: far down the text
    target = link.get_attribute("href")
    assert target and target.startswith("#node-")
    assert not page.evaluate(IN_VIEW, target[1:])
    link.click()
    page.wait_for_function(IN_VIEW, arg=target[1:])
    assert page.evaluate("() => location.hash") == target
    ningbo.check_quiet()


def test_a_narrow_screen_has_no_sideways_scroll(browser: Any, ningbo_view: Path) -> None:
    opened = open_file(browser, ningbo_view, width=375)
    overflow = opened.page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    opened.check_quiet()
    opened.page.context.close()


def test_a_hostile_plan_runs_nothing(browser: Any, tmp_path: Path) -> None:
    doc = policyparse.parse(XSS_PLAN)
    path = tmp_path / "xss.html"
    path.write_text(policyparse.render_html(doc, XSS_PLAN), encoding="utf-8")
    opened = open_file(browser, path)
    page = opened.page
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    for k in range(page.locator("#text [data-items]").count()):
        page.locator("#text [data-items]").nth(k).click()  # details drawn from the data
    page.locator('#text [data-items~="unit-0"]').first.click()
    assert "onerror=window.__pwned=1>" in page.locator("#details").inner_text()
    page.locator("nav.outline a").first.click()
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator("#text img, #details img, h1 img").count() == 0
    opened.check_quiet()
    opened.page.context.close()


@pytest.fixture(scope="session")
def corpus_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    pages = SHARED / "govcn-2019"
    folders = [SHARED / "plans", SHARED / "plans-2", pages]
    if not all(f.is_dir() for f in folders):
        pytest.skip(f"reference corpus not found: {SHARED} (set POLICYPARSE_SHARED_CORPUS)")
    out = tmp_path_factory.mktemp("report")
    jsonl = out / "out.jsonl"
    _cli("batch", *map(str, folders), "--with-text", "-o", str(jsonl), "--quiet")
    documents = sum(1 for line in jsonl.open(encoding="utf-8") if '"schema_version"' in line[:40])
    _cli("report", str(jsonl), "-o", str(out / "report.html"))
    return out / "report.html", documents


@pytest.mark.slow  # the corpus_report fixture parses the corpus
def test_the_corpus_report_lists_every_document(
    browser: Any, corpus_report: tuple[Path, int]
) -> None:
    path, documents = corpus_report
    assert documents >= 85  # 6 plans, 24 plans-2, 55 pages
    opened = open_file(browser, path)
    page = opened.page
    assert page.locator("#doc-table tbody tr").count() == 50  # one page at a time
    page.select_option("#doc-size", "0")  # all
    assert page.locator("#doc-table tbody tr").count() == documents
    assert page.locator("#doc-table").get_attribute("data-total") == str(documents)
    assert page.locator("figure.chart svg rect").count() > 0
    opened.check_quiet()
    view = page.locator("#doc-table tbody tr a").first.get_attribute("href")
    assert view
    opened.page.context.close()
    shown = open_file(browser, path.parent / view)
    assert shown.page.locator("#text").inner_text().strip()
    shown.check_quiet()
    shown.page.context.close()


@pytest.mark.slow  # the corpus_report fixture parses the corpus
def test_json_counts_match_in_report_data(corpus_report: tuple[Path, int]) -> None:
    from lxml import html

    path, documents = corpus_report
    page = html.document_fromstring(path.read_text("utf-8"))
    [data] = page.xpath('//script[@id="pp-docs"]')
    assert len(json.loads(data.text)["rows"]) == documents


def test_the_notebook_frame_works_in_a_browser(browser: Any, tmp_path: Path) -> None:
    doc = policyparse.parse_file(NINGBO, with_text=True)
    page = tmp_path / "notebook.html"
    page.write_text(
        "<!DOCTYPE html><html><body><div class='output'>"
        + policyparse.render_html(doc, fragment=True)
        + "</div></body></html>",
        encoding="utf-8",
    )
    opened = open_file(browser, page)
    try:
        frame = next(f for f in opened.page.frames if f != opened.page.main_frame)
        marked = frame.evaluate("() => document.querySelectorAll('#text [data-items]').length")
        rows = frame.evaluate("() => document.querySelectorAll('#targets-table tbody tr').length")
        assert marked > 100 and rows == 48
        assert not opened.errors, opened.errors
    finally:
        opened.page.context.close()


@pytest.mark.slow  # the corpus_report fixture parses the corpus
def test_the_year_chart_links_to_its_targets(browser: Any, corpus_report: tuple[Path, int]) -> None:
    path, _ = corpus_report
    opened = open_file(browser, path)
    page = opened.page
    page.locator('figure.chart a[href="#targets:year=2025"] rect').click()
    table = page.locator("#tg-table")
    total = int(table.get_attribute("data-total") or "0")
    assert total > 0
    years = page.locator("#tg-table tbody tr").evaluate_all(
        "rows => rows.map(r => r.getAttribute('data-year'))"
    )
    assert years and set(years) == {"2025"}
    assert page.locator("#tg-year").input_value() == "2025"
    opened.check_quiet()
    opened.page.context.close()


@pytest.mark.slow  # the corpus_report fixture parses the corpus
def click_owner(page: Any, link: Any) -> None:
    """Click a link to a unit's targets and wait for the page to show them.

    The click changes the address's #fragment; the page reads it on hashchange, after
    the click returns: wait until the owner filter holds a new quoted name.
    """
    before = page.locator("#tg-owner").input_value()
    link.click()
    page.wait_for_function(
        "b => { const v = document.querySelector('#tg-owner').value;"
        " return v !== b && v.startsWith('\"'); }",
        arg=before,
    )


def test_a_unit_links_to_the_targets_it_answers_for(
    browser: Any, corpus_report: tuple[Path, int]
) -> None:
    path, _ = corpus_report
    opened = open_file(browser, path)
    page = opened.page
    counts = page.locator("#units-table tbody tr").evaluate_all(
        "rows => rows.map(r => parseInt(r.cells[r.cells.length - 1].textContent, 10))"
    )
    row = next(k for k, n in enumerate(counts) if n > 0)  # a unit that owns targets
    link = page.locator("#units-table tbody tr td a").nth(row)
    unit = link.inner_text()
    click_owner(page, link)
    rows = page.locator("#tg-table tbody tr")
    assert rows.count() > 0
    owners = rows.evaluate_all("rows => rows.map(r => r.cells[9].textContent)")
    assert all(unit in cell for cell in owners)
    # A target's indicator links to it in its document's view, named after its source file.
    href = page.locator("#tg-table tbody tr a").first.get_attribute("href") or ""
    assert href.startswith("report_files/") and "#tgt-" in href
    assert not href.split("/")[1].split(".")[0].isdigit()
    opened.check_quiet()
    opened.page.context.close()


@pytest.mark.slow  # the corpus_report fixture parses the corpus
def test_the_network_picture_links_units_and_the_csv_holds_the_rows_shown(
    browser: Any, corpus_report: tuple[Path, int], tmp_path: Path
) -> None:
    path, _ = corpus_report
    opened = open_file(browser, path)
    page = opened.page
    units = page.locator("#network-svg a.unit-link")
    assert units.count() >= 10
    shown = 0
    for k in range(units.count()):  # the first unit in the picture that owns targets
        click_owner(page, units.nth(k))
        shown = int(page.locator("#tg-table").get_attribute("data-total") or "0")
        if shown:
            break
    assert shown > 0
    with page.expect_download() as info:
        page.locator("#tg-csv").click()
    saved = tmp_path / "targets.csv"
    info.value.save_as(saved)
    lines = saved.read_text("utf-8-sig").splitlines()
    assert lines[0].startswith("document,path,indicator")
    assert len(lines) == shown + 1
    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    opened.check_quiet()
    opened.page.context.close()
