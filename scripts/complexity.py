"""Cyclomatic complexity of every function, highest first (ruff's mccabe rule, C901).

    python scripts/complexity.py          # the ten most complex functions
    python scripts/complexity.py --all

The limit, 20, is enforced by ruff (pyproject.toml: lint.mccabe.max-complexity);
docs/architecture.md records the current maximum.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):\d+: C901 `(?P<name>[^`]+)` is too complex \((?P<n>\d+) > 0\)"
)


def measure() -> list[tuple[int, str]]:
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "src",
            "--select",
            "C901",
            "--config",
            "lint.mccabe.max-complexity=0",
            "--output-format",
            "concise",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    out = []
    for line in r.stdout.splitlines():
        m = _LINE.match(line)
        if m:
            out.append((int(m["n"]), f"{m['file']}:{m['line']} {m['name']}"))
    return sorted(out, key=lambda t: (-t[0], t[1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args()
    rows = measure()
    for n, where in rows if args.all else rows[:10]:
        print(f"{n:3d}  {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
