"""Parse time on adversarial text from 10 KB to 10 MB: it must grow linearly.

Run:  python benchmarks/linear.py [--max-mb 10] [--write]

For each pattern the text is the pattern repeated up to the size; the script
prints seconds and microseconds per kilobyte.  Linear growth shows as a flat
µs/KB column.  --write puts the table into docs/performance.md between the
markers of its "Linear time" section.
"""

from __future__ import annotations

import argparse
import sys
import time

import policyparse
from perfdoc import write

PATTERNS = {
    "((( unbalanced brackets": "(((",
    "一、一、一、 one line": "一、一、一、",
    "一、 on every line": "一、甲\n",
    "2025年 repeated": "2025年",
    "numbers in one list": "新增1个、",
    "quantities and commas": "达到5%，",
    "year phrases": "到2025年，",
    "responsibility brackets": "（责任单位：市发改委、",
    "a real measure, repeated": (
        "（一）促进就业。2025年，新增城镇就业超20万人。（责任单位：市人力社保局）\n"
    ),
}
KB = 1024


def measure(pattern: str, size: int) -> float:
    text = pattern * (size // len(pattern.encode("utf-8")))
    start = time.perf_counter()
    policyparse.parse(text)
    return time.perf_counter() - start


def table(max_mb: float) -> str:
    sizes = [10 * KB, 100 * KB, 1024 * KB]
    if max_mb >= 10:
        sizes.append(10 * 1024 * KB)
    head = "| pattern | " + " | ".join(f"{s // KB} KB" for s in sizes) + " | µs/KB at each size |"
    rule = "|---|" + "---|" * len(sizes) + "---|"
    rows = [head, rule]
    for name, pattern in PATTERNS.items():
        secs = [measure(pattern, s) for s in sizes]
        per_kb = " / ".join(f"{t / (s / KB) * 1e6:.0f}" for t, s in zip(secs, sizes, strict=True))
        rows.append(f"| {name} | " + " | ".join(f"{t:.2f} s" for t in secs) + f" | {per_kb} |")
        print(rows[-1], flush=True)
    return "\n".join(rows)


def main() -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--max-mb", type=float, default=10)
    p.add_argument("--write", action="store_true", help="update docs/performance.md")
    args = p.parse_args()
    result = table(args.max_mb)
    if args.write:
        write("linear", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
