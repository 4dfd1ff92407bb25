"""Warm parse time of this checkout against another revision, measured in alternation.

Run:  python benchmarks/compare.py REV [--rounds 4] [--plan corpus/ningbo-2025-consumption.txt]
      python benchmarks/compare.py REV --instructions    # valgrind: the same count every run

``--instructions`` counts the instructions of one warm parse under valgrind's
callgrind (the count of 12 parses less that of 2, over 10), with a fixed hash
seed: unlike a time, it does not move with the load of a shared machine.

REV is checked out into a temporary git worktree and imported from its src/
folder (its dependencies must be installed: a revision before 0.2 needs the
regex package).  Both are timed in fresh processes, taking turns, and the best
time of each is kept, so that a noisy machine affects both alike.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

TIMER = """
import sys, time
import policyparse

plan = sys.argv[1]
policyparse.parse_file(plan)  # warm: imports, word lists, the tokenizer
rounds = []
for _ in range(7):
    start = time.perf_counter()
    for _ in range(200):
        policyparse.parse_file(plan)
    rounds.append((time.perf_counter() - start) / 200)
print(min(rounds) * 1000)
"""


def timed(src: Path, plan: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(src) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run(
        [sys.executable, "-c", TIMER, str(plan)], env=env, capture_output=True, text=True
    )
    if r.returncode != 0:
        raise SystemExit(f"timing {src} failed:\n{r.stderr.strip().splitlines()[-1]}")
    return float(r.stdout)


COUNTER = """
import sys
import policyparse

text = open(sys.argv[1], encoding="utf-8").read()
for _ in range(int(sys.argv[2])):
    policyparse.parse(text)
"""


def instructions(src: Path, plan: Path) -> int:
    """Instructions of one warm parse (callgrind), imports and the first parse left out."""
    env = dict(
        os.environ,
        PYTHONPATH=str(src) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        PYTHONHASHSEED="0",
    )
    counts = []
    for n in (2, 12):
        with tempfile.TemporaryDirectory() as tmp:
            r = subprocess.run(
                [
                    "valgrind",
                    "--tool=callgrind",
                    f"--callgrind-out-file={tmp}/out",
                    sys.executable,
                    "-c",
                    COUNTER,
                    str(plan),
                    str(n),
                ],
                env=env,
                capture_output=True,
                text=True,
            )
        found = re.search(r"Collected : (\d+)", r.stderr)
        if r.returncode != 0 or found is None:
            raise SystemExit(f"valgrind failed on {src}:\n{r.stderr.strip()[-500:]}")
        counts.append(int(found.group(1)))
    return (counts[1] - counts[0]) // 10


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--plan", type=Path, default=REPO / "corpus/ningbo-2025-consumption.txt")
    parser.add_argument("--instructions", action="store_true", help="count under valgrind")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "rev"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "-q", str(tree), args.rev],
            cwd=REPO,
            check=True,
        )
        try:
            if args.instructions:
                old, new = (
                    instructions(tree / "src", args.plan),
                    instructions(REPO / "src", args.plan),
                )
                print(f"{args.rev}: {old:,} instructions   this checkout: {new:,}")
                print(f"ratio: {new / old:.3f}")
                return 0
            other, here = [], []
            for _ in range(args.rounds):
                other.append(timed(tree / "src", args.plan))
                here.append(timed(REPO / "src", args.plan))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=REPO)
    print(f"{args.rev}: {min(other):.2f} ms   this checkout: {min(here):.2f} ms")
    print(f"ratio: {min(here) / min(other):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
