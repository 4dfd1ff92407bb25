"""A user's own script type-checks against the public API under mypy --strict.

The API is what ``policyparse.__all__`` lists: explicit re-exports, typed
results (parse_many yields Document | ErrorRecord), Literal options.  The
script runs through mypy in a subprocess, as a user's CI would run it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import policyparse

USER_SCRIPT = """\
from policyparse import Document, owners, parse_file, parse_many

doc: Document = parse_file("plan.txt")
rows = owners(doc)
for result in parse_many(["plan.txt"], workers=1):
    print(result.source.path if isinstance(result, Document) else result.message, len(rows))
"""


def _mypy(tmp_path: Path, script: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("mypy") is None and not _module_available("mypy"):
        pytest.skip("mypy is not installed (pip install -e '.[test]')")
    path = tmp_path / "user_script.py"
    path.write_text(script, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )


def _module_available(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


@pytest.mark.slow
def test_user_script_passes_mypy_strict(tmp_path: Path) -> None:
    assert len(USER_SCRIPT.splitlines()) == 6
    r = _mypy(tmp_path, USER_SCRIPT)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    ("line", "error"),
    [
        ('policyparse.parse_fille("plan.txt")', 'Module has no attribute "parse_fille"'),
        ('policyparse.parse_file("plan.txt", errors="ignroe")', "errors"),
        ('next(policyparse.parse_many(["p.txt"])).source', "ErrorRecord"),
    ],
    ids=["misspelt name", "misspelt option", "error records are typed"],
)
def test_mistakes_fail_the_type_check(tmp_path: Path, line: str, error: str) -> None:
    r = _mypy(tmp_path, f"import policyparse\n\n{line}\n")
    assert r.returncode == 1 and error in r.stdout, r.stdout


def test_all_is_literal_and_complete() -> None:
    import ast

    init = Path(policyparse.__file__).read_text("utf-8")
    tree = ast.parse(init)
    [names] = [
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
    ]
    assert names == policyparse.__all__
    for name in names:
        assert getattr(policyparse, name) is not None


def test_misspelt_option_is_a_clear_error_at_run_time() -> None:
    with pytest.raises(ValueError, match="errors must be 'strict' or 'replace', not 'ignroe'"):
        policyparse.parse_bytes(b"plan", errors="ignroe")  # type: ignore[arg-type]
