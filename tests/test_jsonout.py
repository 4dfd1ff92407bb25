"""The command line writes JSON without pydantic; it must be model_dump_json() byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policyparse
from conftest import CORPUS, SHARED
from policyparse.export.json import dumps
from policyparse.inputs.read import Loaded, load_path
from policyparse.model.document import Document
from policyparse.pipeline import document_dict
from test_properties import PIECES

FILES = sorted(CORPUS.glob("*.txt"))
if SHARED.is_dir():
    FILES += sorted((SHARED / "plans").glob("*.txt")) + sorted(
        (SHARED / "govcn-2019").glob("*.html")
    )


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_same_bytes_as_pydantic(path: Path) -> None:
    data = document_dict(load_path(path), with_text=True)
    doc = Document.model_validate(data)
    assert dumps(data) == doc.model_dump_json()
    assert dumps(data, 2) == doc.model_dump_json(indent=2)


def test_parse_file_json_is_parse_file_dumped() -> None:
    path = CORPUS / "ningbo-2025-consumption.txt"
    assert policyparse.parse_file_json(path, indent=2) == policyparse.parse_file(
        path
    ).model_dump_json(indent=2)


@pytest.mark.parametrize(
    "value", [0.0, 0.5, 7.5, 200000.0, 1e12, 1e15, 1e16, 1.5e16, 1e-4, 1e-5, 1.5e-7, 1e300, -3.25]
)
def test_floats_as_pydantic_writes_them(value: float) -> None:
    from pydantic_core import to_json

    assert dumps({"v": value}) == '{"v":' + to_json(value).decode() + "}"


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(st.lists(st.sampled_from(PIECES), max_size=60).map("".join), st.text(max_size=200))
)
def test_any_text(text: str) -> None:
    data = document_dict(Loaded(text, "text", None, "0" * 64))
    assert dumps(data) == Document.model_validate(data).model_dump_json()
