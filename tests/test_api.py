"""The library API: parse, parse_file, lazy import, JSON round trip."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def test_parse_never_raises_on_digits_int_cannot_read() -> None:
    # ① and ² are str.isdigit() but not int(): a table header, a label, a date part.
    for text in ("序号\n①", "²", "序号\n①\n②", "附件²\n内容", "2019-²-1"):
        doc = policyparse.parse(text)
        assert doc.diagnostics


def test_parse_given_a_path_or_bytes_says_what_to_call() -> None:
    with pytest.raises(TypeError, match=r"parse_file\(path\)"):
        policyparse.parse(Path("plan.txt"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"parse_bytes\(raw\)"):
        policyparse.parse(b"plan")  # type: ignore[arg-type]


def test_document_parse_file_points_to_the_parser() -> None:
    with pytest.raises(TypeError, match=r"policyparse\.parse_file\(path\)"):
        policyparse.Document.parse_file("plan.txt")


def test_not_found_is_a_file_not_found_error_with_its_path(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError) as info:
        policyparse.parse_file(missing)
    assert isinstance(info.value, policyparse.NotFoundError)
    assert isinstance(info.value, policyparse.InputError)
    assert info.value.path == str(missing)
    assert str(info.value) == f"{missing}: no such file"
