"""Every span of every real document is exact."""

from __future__ import annotations

from pathlib import Path

import pytest

import policyparse
from conftest import CORPUS, SHARED_PLANS
from spans import check_document

LOCAL = sorted(CORPUS.glob("*.txt"))
SHARED = sorted(SHARED_PLANS.glob("*.txt")) if SHARED_PLANS.is_dir() else []


@pytest.mark.parametrize("path", LOCAL + SHARED, ids=lambda p: p.name)
def test_spans_are_exact(path: Path) -> None:
    doc = policyparse.parse_file(path, with_text=True)
    assert doc.text is not None
    check_document(doc, doc.text)


def test_shared_corpus_present_or_reported() -> None:
    if not SHARED:
        pytest.skip(f"reference corpus not found at {SHARED_PLANS}; only corpus/ was checked")
    assert len(SHARED) == 6
