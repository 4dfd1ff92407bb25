"""The corpus report's analysis parts, read back with lxml: targets with owners, views
named after their files, the network picture, the documents cited, the refusal of
what is no batch result."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from lxml import html as lxml_html

from conftest import CORPUS
from helpers import run_cli


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, timeout=300)


def test_report_of_the_bundled_corpus(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert run("batch", str(CORPUS), "--with-text", "-o", str(out), "--quiet").returncode == 0
    report = tmp_path / "report.html"
    r = run("report", str(out), "-o", str(report))
    assert r.returncode == 0, r.stderr
    page = lxml_html.document_fromstring(report.read_text("utf-8"))
    [data] = page.xpath('//script[@id="pp-targets"]')
    targets = json.loads(data.text)
    fields = targets["fields"]
    rows = targets["rows"]
    [count] = page.xpath('//ul[@class="cards"]/li[contains(., "targets")]/b')
    assert len(rows) == int(count.text)
    owners = [row[fields.index("owners")] for row in rows]
    assert any("宁波市人力资源社会保障局" in cell for cell in owners)
    hrefs = {row[fields.index("href")].split("#")[0] for row in rows}
    assert "report_files/ningbo-2025-consumption.html" in hrefs
    assert all((tmp_path / h).is_file() for h in hrefs)
    bars = page.xpath('//figure[contains(@class, "chart")]//a/@href')
    assert "#targets:year=2025" in bars
    assert page.xpath('//svg[@id="network-svg"]//circle')
    units = page.xpath('//table[@id="units-table"]//td/a/@href')
    assert units and all(u.startswith("#targets:owner=") for u in units)


def test_a_file_that_is_no_batch_result_is_refused(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    r = run("report", str(CORPUS / "ningbo-2025-consumption.txt"), "-o", str(report))
    assert r.returncode == 2
    assert "not a batch result" in r.stderr and r.stderr.count("\n") == 1
    assert not report.exists()
