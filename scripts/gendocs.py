"""Write the parts of the docs that the code states: rule tables, stages, roles, measures.

    python scripts/gendocs.py           # rewrite the generated regions in docs/
    python scripts/gendocs.py --check   # exit 1 and name the regions that differ

A generated region is everything between ``<!-- generated: NAME -->`` and
``<!-- /generated: NAME -->`` in a doc; the prose around it is written by hand.
The regions come from the rule chains (order, names, phases, docstrings), the
pipeline's stage declarations, the lexicon's role words, the view's colours and
a complexity count (scripts/complexity.py), so the docs cannot drift from the
code: tests/test_docs_generated.py runs ``--check``.
"""

from __future__ import annotations

import argparse
import inspect
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import complexity  # noqa: E402

from policyparse import lexicon  # noqa: E402
from policyparse.extract.responsibility import CHAIN as RESPONSIBILITY  # noqa: E402
from policyparse.extract.targets import CHAIN as TARGETS  # noqa: E402
from policyparse.extract.targets.fields import COMPARATOR, YEAR  # noqa: E402
from policyparse.pipeline import STAGES  # noqa: E402
from policyparse.ruler import Chain  # noqa: E402
from policyparse.structure.rules import CHAIN as OUTLINE  # noqa: E402
from policyparse.vocab import ROLES  # noqa: E402

PACKAGE = REPO / "src" / "policyparse"
LIMIT, MAX_LINES = 15, 600  # tests/test_complexity.py holds them
_REGION = re.compile(
    r"(<!-- generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- /generated: (?P=name) -->)",
    re.S,
)


def _cell(text: str) -> str:
    """A docstring as one table cell: its paragraphs joined, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def _module(fn: Callable[..., object]) -> str:
    path = Path(inspect.getfile(fn)).resolve().relative_to(PACKAGE)
    return path.as_posix()


def rule_table(chain: Chain[Any, Any], alt_name: str = "") -> str:
    """One row per rule, in the order the chain tries them."""
    head = ["#", "rule"] + ([alt_name] if alt_name else []) + ["file", "takes, and leaves"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for k, rule in enumerate(chain.rules, 1):
        row = [str(k), f"`{rule.name}`"]
        if alt_name:
            row.append(", ".join(sorted(rule.alts)) or "any")
        row += [f"`{_module(rule.fn)}`", _cell(rule.doc)]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"


def stages() -> str:
    lines = [
        "| # | stage | in | reads | fills | what it does |",
        "|---|---|---|---|---|---|",
    ]
    for k, s in enumerate(STAGES, 1):
        fills = [*s.writes, *(f"{a} (adds)" for a in s.appends)]
        doc = (s.fn.__doc__ or "").strip().split("\n\n")[0]
        lines.append(
            f"| {k} | `{s.name}` | `{_module(s.fn)}` | {', '.join(s.reads)} | "
            f"{', '.join(fills)} | {_cell(doc)} |"
        )
    return "\n".join(lines) + "\n"


_CHAINS = (
    ("outline", OUTLINE, "a block (its text, length, marker)"),
    ("targets", TARGETS, "a quantity in its context (a Candidate)"),
    ("comparator", COMPARATOR, "the comparison words around a number"),
    ("year", YEAR, "the year phrase that governs a number"),
    ("responsibility", RESPONSIBILITY, "a statement: bracket, 由 sentence, note, table cell"),
)


def chains() -> str:
    lines = ["| chain | decides on | rules, in order | files |", "|---|---|---|---|"]
    for name, chain, item in _CHAINS:
        files = sorted({_module(r.fn) for r in chain.rules})
        rules = ", ".join(f"`{r.name}`" for r in chain.rules)
        lines.append(f"| `{name}` | {item} | {rules} | {', '.join(f'`{f}`' for f in files)} |")
    return "\n".join(lines) + "\n"


def measures() -> str:
    rows = complexity.measure([PACKAGE])
    lines_by_module = complexity.module_lines([PACKAGE])
    top = rows[0]
    largest = max(lines_by_module.items(), key=lambda kv: kv[1])
    over = [m for m in rows if m.complexity > LIMIT]
    long = [p for p, n in lines_by_module.items() if n > MAX_LINES]
    return (
        f"- The largest module is `{largest[0].removeprefix('src/policyparse/')}` "
        f"({largest[1]} lines; the limit is {MAX_LINES}).\n"
        f"- The most complex function is `{top.name}` in "
        f"`{top.path.removeprefix('src/policyparse/')}` at {top.complexity} (the limit is "
        f"{LIMIT}, counted as radon does: boolean operators included).\n"
        f"- Over the limits: {len(over)} functions, {len(long)} modules.\n"
    )


def _words(table: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {role: [] for role in ROLES}
    for word, role in lexicon.rows(table):
        out.setdefault(role, []).append(word)
    return out


def roles() -> str:
    labels, verbs = _words("extract/role_labels"), _words("extract/role_verbs")
    lines = ["| role | labels (`role_labels.tsv`) | verbs (`role_verbs.tsv`) |", "|---|---|---|"]
    for role in ROLES:
        lines.append(
            f"| `{role}` | {', '.join(labels.get(role, [])) or '—'} | "
            f"{', '.join(verbs.get(role, [])) or '—'} |"
        )
    return "\n".join(lines) + "\n"


def role_colours() -> str:
    css = (PACKAGE / "export" / "assets" / "view.css").read_text("utf-8")
    lines = ["| unit | background |", "|---|---|"]
    for role in ROLES:
        m = re.search(rf"--u-{role}:\s*(#[0-9a-fA-F]+)", css)
        lines.append(
            f"| {role} unit | {m.group(1) if m else 'grey (#e6e6e6): no colour of its own'} |"
        )
    return "\n".join(lines) + "\n"


def role_columns() -> str:
    return ", ".join(f"`{role}_units`" for role in ROLES) + "\n"


GENERATORS: dict[str, Callable[[], str]] = {
    "role-columns": role_columns,
    "stages": stages,
    "chains": chains,
    "measures": measures,
    "outline-rules": lambda: rule_table(OUTLINE, "phases"),
    "target-rules": lambda: rule_table(TARGETS),
    "comparator-rules": lambda: rule_table(COMPARATOR),
    "year-rules": lambda: rule_table(YEAR),
    "responsibility-rules": lambda: rule_table(RESPONSIBILITY, "statements"),
    "roles": roles,
    "role-colours": role_colours,
}
DOCS = (
    "architecture.md",
    "structure.md",
    "targets.md",
    "responsibility.md",
    "view.md",
    "exports.md",
)


def render(text: str, seen: set[str]) -> str:
    """*text* with every generated region written anew."""

    def fill(m: re.Match[str]) -> str:
        name = m["name"]
        if name not in GENERATORS:
            raise SystemExit(f"unknown generated region {name!r}")
        seen.add(name)
        return m.group(1) + GENERATORS[name]() + m.group(4)

    return _REGION.sub(fill, text)


def run(check: bool, docs: Iterable[str] = DOCS) -> list[str]:
    """Rewrite (or, with *check*, compare) the docs; the names of those that differ."""
    seen: set[str] = set()
    stale = []
    for name in docs:
        path = REPO / "docs" / name
        old = path.read_text("utf-8")
        new = render(old, seen)
        if new != old:
            stale.append(name)
            if not check:
                path.write_text(new, "utf-8")
    missing = set(GENERATORS) - seen
    if missing:
        raise SystemExit(f"regions in no doc: {sorted(missing)}")
    return stale


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args()
    stale = run(args.check)
    if stale and args.check:
        print("generated regions differ in: " + ", ".join(stale))
        print("run: python scripts/gendocs.py")
        return 1
    print(("rewrote " + ", ".join(stale)) if stale else "docs are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
