"""The library API: parse, parse_file, lazy import, JSON round trip."""

from __future__ import annotations

import subprocess
import sys

import pytest

import policyparse
from conftest import CORPUS
from policyparse import Document

NINGBO = CORPUS / "ningbo-2025-consumption.txt"


def test_import_loads_nothing_heavy() -> None:
    code = (
        "import sys, policyparse; "
        "heavy = [m for m in ('pydantic', 'jieba', 'lxml') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_parse_equals_parse_file_tree() -> None:
    text = NINGBO.read_text(encoding="utf-8")
    a = policyparse.parse(text, path=str(NINGBO))
    b = policyparse.parse_file(NINGBO)
    assert a.children == b.children
    assert a.source.sha256 == b.source.sha256  # UTF-8 without BOM: the same bytes
    assert a.source.encoding is None and b.source.encoding == "utf-8"


def test_json_round_trip() -> None:
    doc = policyparse.parse_file(NINGBO)
    assert Document.model_validate_json(doc.model_dump_json()) == doc


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError):
        _ = policyparse.no_such_name  # type: ignore[attr-defined]


def test_input_errors_share_one_family(tmp_path: object) -> None:
    with pytest.raises(policyparse.InputError):
        policyparse.parse_file(CORPUS / "missing.txt")
    with pytest.raises(policyparse.InputError):
        policyparse.parse_file(CORPUS)
    assert issubclass(policyparse.InputError, policyparse.PolicyParseError)
