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


def test_random_fragments_of_real_documents() -> None:
    """Pieces cut anywhere out of real plans and pages, some spliced together."""
    import random

    from policyparse.inputs.read import load_path

    files = SHARED + (sorted((SHARED_PLANS.parent / "govcn-2019").glob("*.html")) if SHARED else [])
    if not files:
        pytest.skip(f"reference corpus not found at {SHARED_PLANS}")
    texts = [load_path(f).text for f in files]
    rnd = random.Random(20261126)
    for _ in range(400):
        t = rnd.choice(texts)
        a = rnd.randrange(len(t))
        piece = t[a : a + rnd.randrange(1, 3000)]
        if rnd.random() < 0.3:
            u = rnd.choice(texts)
            c = rnd.randrange(len(u))
            piece += u[c : c + rnd.randrange(1, 500)]
        check_document(policyparse.parse(piece), piece)


def test_text_between_table_rows_stays_in_order() -> None:
    text = (
        "序号\n改革举措\n主要内容\n指导部门\n推广范围\n1\n三合一审判\n整合审判资源。\n最高人民法院\n全国\n"
        "8839\n13\n104485.3160\n12157.5883\n104473.5833\n注：坐标系统为独立坐标系统。"
    )
    check_document(policyparse.parse(text), text)
