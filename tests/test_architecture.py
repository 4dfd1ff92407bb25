"""The package's layout is the pipeline: stages import only from earlier stages.

Read from the source with ``ast`` (nothing is imported), so a cycle or a
backward import fails here before it can bite at run time.  Imports inside
functions and under TYPE_CHECKING count too: they are dependencies all the same.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "src" / "policyparse"

# Every module's place in the flow of data; a module may import from its own
# rank or lower.  Shared bases first, then the stages in order, then the shell.
RANKS = {
    "errors": 0,
    "version": 0,
    "diagnostics": 0,
    "vocab": 0,
    "lexicon": 1,
    "ruler": 0,
    "inputs": 2,
    "text": 3,
    "layout": 4,
    "structure": 5,
    "extract": 6,
    "model": 7,
    "export": 8,
    "pipeline": 9,
    "tracing": 10,
    "api": 10,
    "batch": 11,
    "cli": 12,
    "__init__": 13,
    "__main__": 13,
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """policyparse modules imported by the file at *path*, as dotted names under the package."""
    name = _module_name(path)
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package and name != "__init__" else name.split(".")[:-1]
    if name == "__init__":
        here = []
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif node.module and node.module.startswith("policyparse"):
                target = node.module.removeprefix("policyparse").lstrip(".")
            else:
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}" if target else alias.name
                out.add(
                    sub if (PACKAGE / sub.replace(".", "/")).exists() or _is_module(sub) else target
                )
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("policyparse."):
                    out.add(alias.name.removeprefix("policyparse."))
    out.discard("")
    return {m for m in out if _is_module(m)}


def _is_module(dotted: str) -> bool:
    p = PACKAGE / dotted.replace(".", "/")
    return p.with_suffix(".py").is_file() or (p / "__init__.py").is_file()


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        graph[_module_name(path)] = _imports(path) - {_module_name(path)}
    return graph


def test_the_graph_is_read() -> None:
    graph = _graph()
    assert "pipeline" in graph and "extract.stages" in graph["pipeline"]
    assert "text.fold" in graph["extract.targets.rules.forms"]


def test_no_import_cycles() -> None:
    graph = _graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt) :], nxt]
                pytest.fail("import cycle: " + " → ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_stages_import_only_earlier_stages() -> None:
    bad = []
    for module, imports in _graph().items():
        rank = RANKS[module.split(".")[0]]
        for imported in imports:
            if RANKS[imported.split(".")[0]] > rank:
                bad.append(f"{module} imports {imported}")
    assert not bad, "backward imports:\n" + "\n".join(sorted(bad))


def test_every_top_level_name_has_a_rank() -> None:
    tops = {p.stem for p in PACKAGE.glob("*.py")} | {
        p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()
    }
    assert tops == set(RANKS)
