"""The two JSON writers of export/json.py must both be model_dump_json() byte for byte.

``dumps`` (pydantic-core over the plain dicts: the library) and ``dumps_python``
(no pydantic-core import: the one-file command line) are held to the models'
own output, compact and indented, with and without the text.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import policyparse
from conftest import CORPUS, SHARED
from policyparse.export.json import dumps, dumps_python
from policyparse.inputs.read import Loaded, load_path
from policyparse.model.document import Document
from policyparse.pipeline import document_dict
from test_properties import PIECES

NINGBO = CORPUS / "ningbo-2025-consumption.txt"
FILES = sorted(CORPUS.glob("*.txt"))
if SHARED.is_dir():
    FILES += (
        sorted((SHARED / "plans").glob("*.txt"))
        + sorted((SHARED / "plans-2").glob("*.txt"))
        + sorted((SHARED / "govcn-2019").glob("*.html"))
    )
WRITERS: dict[str, Callable[[dict[str, Any], int | None], str]] = {
    "dumps": dumps,
    "dumps_python": dumps_python,
}
INDENTS = (None, 0, 2)


def _same_bytes(data: dict[str, Any], indents: tuple[int | None, ...] = INDENTS) -> None:
    doc = Document.model_validate(data)
    for indent in indents:
        expected = doc.model_dump_json(indent=indent)
        for name, write in WRITERS.items():
            assert write(data, indent) == expected, (name, indent)


@pytest.mark.parametrize("with_text", [False, True], ids=["plain", "with_text"])
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_same_bytes_as_pydantic(path: Path, with_text: bool) -> None:
    _same_bytes(document_dict(load_path(path), with_text=with_text))


@pytest.mark.parametrize("indent", [None, 0, 2, 4])
@pytest.mark.parametrize("with_text", [False, True])
def test_parse_file_json_is_parse_file_dumped(indent: int | None, with_text: bool) -> None:
    assert policyparse.parse_file_json(
        NINGBO, indent=indent, with_text=with_text
    ) == policyparse.parse_file(NINGBO, with_text=with_text).model_dump_json(indent=indent)


@pytest.mark.parametrize(
    "extra", [[], ["--indent", "2"], ["--with-text"], ["--with-text", "--indent", "0"]]
)
def test_command_line_is_model_dump_json(extra: list[str], tmp_path: Path) -> None:
    from policyparse.cli import main

    out = tmp_path / "out.json"
    assert main([str(NINGBO), "-o", str(out), *extra]) == 0
    indent = int(extra[-1]) if "--indent" in extra else None
    doc = policyparse.parse_file(NINGBO, with_text="--with-text" in extra)
    assert out.read_text("utf-8") == doc.model_dump_json(indent=indent) + "\n"


@pytest.mark.parametrize(
    "value",
    [
        0.0,
        -0.0,
        0.5,
        7.5,
        200000.0,
        1e12,
        1e15,
        1e16,
        1.5e16,
        1e-4,
        1e-5,
        1.5e-7,
        1e300,
        -3.25,
        float("inf"),
        float("-inf"),
        float("nan"),
    ],
)
def test_floats_as_pydantic_writes_them(value: float) -> None:
    from pydantic_core import to_json

    # The models write inf and nan as null (pydantic's ser_json_inf_nan default).
    expected = '{"v":' + to_json(value, inf_nan_mode="null").decode() + "}"
    for name, write in WRITERS.items():
        assert write({"v": value}, None) == expected, name


def test_a_number_too_large_for_a_float_is_text_not_null() -> None:
    # 400 digits once overflowed to inf, written null against the schema: such a
    # number is now no quantity, and a diagnostic says where it is.
    text = "一、目标\n到2025年，新增" + "9" * 400 + "个。\n"
    data = document_dict(Loaded(text, "text", None, "0" * 64))
    _same_bytes(data)
    assert '"value":null' not in dumps(data)
    assert [d["code"] for d in data["diagnostics"]] == ["number_too_large"]


def test_the_command_line_does_not_import_pydantic(tmp_path: Path) -> None:
    # Why dumps_python exists: importing pydantic-core costs a cold start more
    # than the faster writer saves on one plan (docs/performance.md, benchmarks/jsonout.py).
    probe = (
        "import sys; from policyparse.cli import main; "
        f"main([{str(NINGBO)!r}, '-o', {str(tmp_path / 'o.json')!r}]); "
        "print(sorted(m for m in sys.modules if m.startswith('pydantic')))"
    )
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]"


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(st.lists(st.sampled_from(PIECES), max_size=60).map("".join), st.text(max_size=200)),
    st.booleans(),
    st.sampled_from([None, 0, 1, 2, 4]),
)
def test_any_text(text: str, with_text: bool, indent: int | None) -> None:
    data = document_dict(Loaded(text, "text", None, "0" * 64), with_text=with_text)
    _same_bytes(data, (indent,))
