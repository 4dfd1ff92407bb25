"""Word lists shipped as package data.

Lists that users and reviewers may want to read or extend (units, role words,
furniture, organ names) live in ``policyparse/data/*.txt`` rather than as
literals in code.  Files are read once, on first use.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def lines(name: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of data/<name>.txt, stripped."""
    text = resources.files(__package__).joinpath("files", f"{name}.txt").read_text("utf-8")
    out = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


@cache
def words(name: str) -> frozenset[str]:
    """data/<name>.txt as a set of words."""
    return frozenset(lines(name))


@cache
def tokens(name: str) -> tuple[str, ...]:
    """data/<name>.txt as whitespace-separated words, in file order."""
    return tuple(word for line in lines(name) for word in line.split())


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """data/<name>.txt as rows of tab- or space-separated fields."""
    return tuple(tuple(line.split()) for line in lines(name))
