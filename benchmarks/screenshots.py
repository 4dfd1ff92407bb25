"""Screenshots of the Ningbo view and of the corpus report, and the report's load time.

Run:  python benchmarks/screenshots.py [--out screenshots/] [--corpus ../shared/corpus]

Writes, into --out (not committed: look at them, do not diff them):

- ``ningbo.html`` and ``ningbo-wide.png`` (1280 px), ``ningbo-details.png`` (a
  target clicked), ``ningbo-narrow.png`` (375 px, a phone), ``ningbo-print.png``
  (the print stylesheet) and ``ningbo.pdf`` (printed by Chromium);
- ``out.jsonl`` (``batch --with-text`` over plans, plans-2 and the 55 pages),
  ``report.html`` with ``report_files/``, and ``report.png``;

and prints the sizes of the pages and the time the report takes to load in
headless Chromium (navigation start to the load event, and to the documents
table drawn), the median of five cold loads.  Chromium is the system's
(``$POLICYPARSE_CHROMIUM`` or ``chromium`` on the PATH); Chinese text needs a
CJK font: when ``fc-list :lang=zh`` finds none, the script installs Debian's
``fonts-noto-cjk`` with apt-get (as root), as .ci/run does, or says it cannot.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
NINGBO = REPO / "corpus" / "ningbo-2025-consumption.txt"
SHARED = Path(os.environ.get("POLICYPARSE_SHARED_CORPUS", REPO.parent / "shared" / "corpus"))

LOAD = """() => {
  const [nav] = performance.getEntriesByType('navigation');
  return {load: nav.loadEventEnd, dom: nav.domContentLoadedEventEnd};
}"""


def cli(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "policyparse", *args], check=True, cwd=REPO)


def chromium() -> str:
    exe = os.environ.get("POLICYPARSE_CHROMIUM") or shutil.which("chromium")
    if not exe:
        sys.exit("no Chromium: apt-get install chromium, or set POLICYPARSE_CHROMIUM")
    return exe


def has_cjk_font() -> bool:
    """Whether fontconfig (which Chromium asks) knows a font for Chinese."""
    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True)
    return bool(found.stdout.strip())


def cjk_font() -> None:
    """Install fonts-noto-cjk when no font has Chinese: Chromium would draw empty boxes."""
    if has_cjk_font():
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        print("no CJK font (fc-list :lang=zh): Chinese shows as boxes; install fonts-noto-cjk")
        return
    print("installing fonts-noto-cjk with apt-get")
    for step in (["update", "-qq"], ["install", "-y", "-qq", "fonts-noto-cjk"]):
        if subprocess.run(["apt-get", *step], stdout=subprocess.DEVNULL).returncode != 0:
            print(f"apt-get {step[0]} failed: Chinese may show as boxes")
            return


def size(path: Path) -> str:
    return f"{path.stat().st_size / 1024:.0f} KB"


def shoot_view(browser: Any, page_file: Path, out: Path) -> None:
    url = page_file.resolve().as_uri()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url)
    page.screenshot(path=out / "ningbo-wide.png")
    page.locator('#text [data-items~="tgt-0"]').first.click()
    page.locator('#text [data-items~="tgt-0"]').first.scroll_into_view_if_needed()
    page.screenshot(path=out / "ningbo-details.png")
    page.locator("#targets").scroll_into_view_if_needed()
    page.screenshot(path=out / "ningbo-targets.png")
    page.emulate_media(media="print")
    page.goto(url)
    page.screenshot(path=out / "ningbo-print.png")
    page.pdf(path=out / "ningbo.pdf", format="A4")
    page.close()
    narrow = browser.new_page(viewport={"width": 375, "height": 812})
    narrow.goto(url)
    narrow.locator("#text").scroll_into_view_if_needed()
    narrow.screenshot(path=out / "ningbo-narrow.png")
    narrow.close()


def time_report(browser: Any, report: Path, runs: int = 5) -> tuple[float, float]:
    """Median milliseconds to the load event and to the documents table drawn."""
    loads, drawn = [], []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(report.resolve().as_uri())
        page.wait_for_selector("#doc-table tbody tr")
        loads.append(page.evaluate(LOAD)["load"])
        drawn.append(page.evaluate("() => performance.now()"))
        context.close()
    return statistics.median(loads), statistics.median(drawn)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=REPO / "screenshots")
    ap.add_argument("--corpus", type=Path, default=SHARED)
    args = ap.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    cjk_font()
    from playwright.sync_api import sync_playwright

    view = out / "ningbo.html"
    cli("view", str(NINGBO), "-o", str(view))
    folders = [args.corpus / "plans", args.corpus / "plans-2", args.corpus / "govcn-2019"]
    report = out / "report.html"
    have_corpus = all(f.is_dir() for f in folders)
    if have_corpus:
        jsonl = out / "out.jsonl"
        cli("batch", *map(str, folders), "--with-text", "-o", str(jsonl), "--quiet")
        cli("report", str(jsonl), "-o", str(report))
    else:
        print(f"no reference corpus at {args.corpus}: the report is left out")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium())
        shoot_view(browser, view, out)
        print(f"view: {view} ({size(view)})")
        if have_corpus:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(report.resolve().as_uri())
            page.screenshot(path=out / "report.png", full_page=False)
            page.locator("#documents").scroll_into_view_if_needed()
            page.screenshot(path=out / "report-documents.png")
            page.close()
            load, drawn = time_report(browser, report)
            views = sorted((out / "report_files").glob("*.html"))
            total = sum(v.stat().st_size for v in views) / 1024 / 1024
            print(f"report: {report} ({size(report)}); {len(views)} views, {total:.1f} MB")
            print(f"report load: {load:.0f} ms to the load event, {drawn:.0f} ms to the table")
        browser.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
