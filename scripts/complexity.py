"""Cyclomatic complexity of every function, counted as radon counts it, highest first.

    python scripts/complexity.py            # the ten most complex functions
    python scripts/complexity.py --all      # every function
    python scripts/complexity.py --json     # every function and every module's length
    python scripts/complexity.py FILE ...   # other files or folders than src/policyparse

A function starts at 1 and adds, for what is written in its own body:

- ``if`` and each ``elif``: 1; a conditional expression ``a if c else b``: 1;
- ``for``, ``async for``, ``while``: 1, and 1 more when the loop has an ``else``;
- ``try``: 1 per ``except`` handler, and 1 for its ``else`` (``finally`` adds nothing);
- ``and`` / ``or``: 1 per operand after the first, in every chain
  (``a and b and c`` adds 2; ``a and (b or c)`` adds 2: two chains of two);
- a comprehension (list, set, dict, generator): 1 per ``for`` clause and 1 per ``if`` clause;
- ``match``: 1 per ``case``, less one when a case takes anything (``case _``, ``case x``);
- ``assert``: 1, whatever its condition (the condition is not looked into).

``with``, ``return``, ``raise``, ``break``, ``continue``, decorators and default values
add nothing; a lambda adds nothing itself, but what is inside it counts for the function
that holds it. A function or class defined inside a function is measured on its own and
adds nothing to the function that defines it; a method is named ``Class.method``, a
nested function ``outer.inner``.

This is ruff's mccabe count (C901) plus the boolean chains, comprehensions and
asserts: the figures are radon's (``radon cc``, with ``except*`` counted like
``except``). It reads the code with the standard ``ast`` module, so it needs nothing
installed. The limit, 15 for every function, and 600 lines for every module, is held by
tests/test_complexity.py.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "policyparse"

_LOOPS = (ast.For, ast.AsyncFor, ast.While)
_TRIES = (ast.Try, ast.TryStar)
_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


class Measure(NamedTuple):
    complexity: int
    path: str
    line: int
    name: str


def _takes_anything(case: ast.match_case) -> bool:
    """``case _`` and ``case name`` match every subject: the match's default branch."""
    return isinstance(case.pattern, ast.MatchAs) and case.pattern.pattern is None


def _weight(node: ast.AST) -> int:
    """The decision points one node adds by itself (its children are counted apart)."""
    if isinstance(node, ast.If | ast.IfExp | ast.Assert):
        return 1
    if isinstance(node, _LOOPS):
        return 1 + bool(node.orelse)
    if isinstance(node, _TRIES):
        return len(node.handlers) + bool(node.orelse)
    if isinstance(node, ast.BoolOp):
        return len(node.values) - 1
    if isinstance(node, ast.comprehension):
        return 1 + len(node.ifs)
    if isinstance(node, ast.Match):
        default = any(_takes_anything(case) for case in node.cases)
        return max(0, len(node.cases) - default)
    return 0


def _inside(node: ast.AST) -> list[ast.AST]:
    """What a function's count reads: its body, not its decorators, defaults or annotations
    (they run where the function is defined)."""
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return list(node.body)
    return list(ast.iter_child_nodes(node))


def _decisions(node: ast.AST) -> int:
    """Decision points under a node, stopping at nested definitions (measured on their own)
    and at an assert's condition (radon counts an assert as one, whatever it tests)."""
    total = 0
    for child in _inside(node):
        if isinstance(child, _DEFINITIONS):
            continue
        total += _weight(child)
        if not isinstance(child, ast.Assert):
            total += _decisions(child)
    return total


def _functions(node: ast.AST, prefix: str) -> Iterator[tuple[str, ast.AST]]:
    """Every function under a node, with its qualified name, nested ones included."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            yield prefix + child.name, child
            yield from _functions(child, f"{prefix}{child.name}.")
        elif isinstance(child, ast.ClassDef):
            yield from _functions(child, f"{prefix}{child.name}.")
        else:
            yield from _functions(child, prefix)


def measure_file(path: Path, shown: str) -> list[Measure]:
    tree = ast.parse(path.read_bytes(), filename=str(path))
    return [
        Measure(1 + _decisions(fn), shown, getattr(fn, "lineno", 0), name)
        for name, fn in _functions(tree, "")
    ]


def _files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.rglob("*.py")) if p.is_dir() else [p])
    return out


def _shown(path: Path) -> str:
    """Paths relative to the repository where they are inside it, as ruff prints them."""
    resolved = path.resolve()
    return resolved.relative_to(REPO).as_posix() if resolved.is_relative_to(REPO) else str(path)


def measure(paths: list[Path]) -> list[Measure]:
    out = [m for f in _files(paths) for m in measure_file(f, _shown(f))]
    return sorted(out, key=lambda m: (-m.complexity, m.path, m.line))


def module_lines(paths: list[Path]) -> dict[str, int]:
    return {_shown(f): len(f.read_bytes().splitlines()) for f in _files(paths)}


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[PACKAGE])
    parser.add_argument("--all", action="store_true", help="every function, not the top ten")
    parser.add_argument("--json", action="store_true", help="functions and module lengths")
    args = parser.parse_args()
    rows = measure(args.paths)
    if args.json:
        functions = [m._asdict() for m in rows]
        doc = {"functions": functions, "modules": module_lines(args.paths)}
        print(json.dumps(doc, ensure_ascii=False, indent=1))
        return 0
    for m in rows if args.all else rows[:10]:
        print(f"{m.complexity:3d}  {m.path}:{m.line} {m.name}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `| head`: the reader has what it wanted
        sys.stderr.close()
        sys.exit(0)
