"""Parse time and memory on adversarial input from 10 KB to 10 MB: both must grow linearly.

Run:  python benchmarks/linear.py [--max-mb 10] [--only NAME] [--write]
      python benchmarks/linear.py --bound [--size-mb 32] [--write]

Each shape is an input of a given size in bytes (text, a web page or a Word file,
whose size is that of its inflated parts) made by repeating one pattern.  Every
measurement runs in a fresh process, which decodes and parses the bytes
(``parse_bytes``) and reports the seconds and its peak memory above what it held
before parsing.  Linear growth shows as a flat µs/KB column; the last column is the
peak memory per MB of input at the largest size.  --write puts the table into
docs/performance.md between the markers of its "Linear time" section.

--bound measures what the default limits guarantee: the worst shapes and the table
shapes at the default size limit (32 MB; a web page at its limit of tags), each
through the command line (``policyparse FILE -o
/dev/null``, peak resident memory of the process), then a batch of two such files
under ``-j 2`` (the peak of the whole process tree, sampled from /proc), and puts
that table into docs/performance.md between the "bound" markers.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

KB = 1024
HERE = Path(__file__).resolve().parent

MEASURE = "（一）促进就业。2025年，新增城镇就业超20万人。（责任单位：市人力社保局）"
PATTERNS = {
    "((( unbalanced brackets": "(((",
    "一、一、一、 one line": "一、一、一、",
    "一、 on every line": "一、甲\n",
    "（一） on every line": "（一）\n",
    "（一） all on one line": "（一）",
    "2025年 repeated": "2025年",
    "numbers in one list": "新增1个、",
    "quantities and commas": "达到5%，",
    "year phrases": "到2025年，",
    "responsibility brackets": "（责任单位：市发改委、",
    "digits with no unit": "1234567890",
    "a real measure, repeated": MEASURE + "\n",
    "glued measures, one line": MEASURE,
}


def _repeat(pattern: str) -> Callable[[int], bytes]:
    unit = pattern.encode("utf-8")

    def build(size: int) -> bytes:
        return unit * max(1, size // len(unit))

    return build


def _nested_tables(size: int) -> bytes:
    """Tables in tables, as old portal pages lay out a plan: 20 deep, repeated."""
    cell = f"<p>{MEASURE}</p>"
    block = "<table><tr><td>" * 20 + cell + "</td></tr></table>" * 20
    body = block * max(1, size // len(block.encode("utf-8")))
    return f"<html><body>{body}</body></html>".encode()


def _word_document(size: int) -> bytes:
    """A .docx whose document.xml holds about *size* bytes of numbered paragraphs."""
    import docx_shapes

    return docx_shapes.document_xml(size)


_TASK_HEADER = (
    "| 序号 | 重点任务 | 工作措施 | 牵头单位 | 配合单位 | 完成时限 |\n"
    "| --- | --- | --- | --- | --- | --- |\n"
)


def _pipe_table(size: int) -> bytes:
    """One markdown task table of at most *size* bytes: numbered rows, units, <br> in cells."""
    rows = [_TASK_HEADER]
    n, total = 0, len(_TASK_HEADER.encode("utf-8"))
    while True:
        n += 1
        row = (
            f"| {n} | 加强大气治理 | 新建监测站10个 | 市生态环境局<br>某某分局 | "
            "区发展改革委<br>区财政局 | 2025年底前 |\n"
        )
        total += len(row.encode("utf-8"))
        if total > size:
            break
        rows.append(row)
    return "".join(rows).encode("utf-8")


def _html_table(size: int) -> bytes:
    """A web page holding one task table of at most *size* bytes (90 k rows at 10 MB).

    Never more tags than a page may hold (inputs.html.MAX_TAGS, 2,000,000: about 190 k
    rows, 18 MB): the largest such table the default limits read.
    """
    from policyparse.inputs.html import MAX_TAGS

    head = "<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>完成时限</th></tr>"
    rows = [f'<html><body><div id="UCAP-CONTENT"><table>{head}']
    tail = "</table></div></body></html>"
    total = len(rows[0].encode("utf-8")) + len(tail.encode("utf-8"))
    tags = rows[0].count("<") + tail.count("<")
    n = 0
    while True:
        n += 1
        row = f"<tr><td>{n}</td><td>推进水治理</td><td>市水务局</td><td>持续推进</td></tr>"
        total += len(row.encode("utf-8"))
        tags += row.count("<")
        if total > size or tags > MAX_TAGS:
            break
        rows.append(row)
    rows.append(tail)
    return "".join(rows).encode("utf-8")


def _wide_table(size: int) -> bytes:
    """An indicator table 10 000 columns wide (rows of one target column per year)."""
    width = 10_000
    head = "\t".join(["序号", "指标", "单位"] + [f"{2025 + k % 5}年" for k in range(width - 3)])
    out = [head]
    total = len(head.encode("utf-8"))
    n = 0
    while True:
        n += 1
        row = "\t".join([str(n), "森林覆盖率", "%"] + ["42"] * (width - 3))
        total += len(row.encode("utf-8")) + 1
        if total > size:
            break
        out.append(row)
    return "\n".join(out).encode("utf-8")


# name -> (file suffix, builder of an input of about *size* bytes)
SHAPES: dict[str, tuple[str, Callable[[int], bytes]]] = {
    **{name: (".txt", _repeat(pattern)) for name, pattern in PATTERNS.items()},
    "nested tables (HTML)": (".html", _nested_tables),
    "numbered paragraphs (Word)": (".docx", _word_document),
    "a pipe table (markdown)": (".md", _pipe_table),
    "a table of many rows (HTML)": (".html", _html_table),
    "a table of 10 000 columns": (".txt", _wide_table),
}


def _rss_kb() -> int:
    """Resident memory now, in KB (Linux); 0 where /proc is missing."""
    try:
        with open("/proc/self/statm") as fh:
            pages = int(fh.read().split()[1])
    except OSError:
        return 0
    return pages * resource.getpagesize() // KB


def one(name: str, size: int) -> dict[str, float]:
    """Run in the child: build the input, parse it, report time and peak memory."""
    import policyparse

    suffix, build = SHAPES[name]
    raw = build(size)
    policyparse.parse("一、预热\n（一）加载词表。2025年，新增就业5万人。")  # tables loaded
    before = _rss_kb()
    start = time.perf_counter()
    policyparse.parse_bytes(raw, path=f"input{suffix}", max_bytes=None)
    secs = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    size_read = len(raw)
    if suffix == ".docx":  # what is read is the inflated XML, not the zip
        with zipfile.ZipFile(io.BytesIO(raw)) as z:
            size_read = sum(info.file_size for info in z.infolist())
    return {"bytes": size_read, "secs": secs, "peak_mb": max(0, peak - before) / KB}


def measure(name: str, size: int) -> dict[str, float]:
    r = subprocess.run(
        [sys.executable, __file__, "--one", name, str(size)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(r.stdout)
    return result


def table(max_mb: float, only: str | None) -> str:
    sizes = [10 * KB, 100 * KB, 1024 * KB]
    if max_mb >= 10:
        sizes.append(10 * 1024 * KB)
    head = (
        "| shape | "
        + " | ".join(f"{s // KB} KB" for s in sizes)
        + " | µs/KB at each size | peak MB per MB of input |"
    )
    rule = "|---|" + "---|" * len(sizes) + "---|---|"
    rows = [head, rule]
    for name in SHAPES:
        if only and only not in name:
            continue
        runs = [measure(name, s) for s in sizes]
        per_kb = " / ".join(f"{r['secs'] / (r['bytes'] / KB) * 1e6:.0f}" for r in runs)
        last = runs[-1]
        per_mb = last["peak_mb"] / (last["bytes"] / (KB * KB))
        times = " | ".join(f"{r['secs']:.2f} s" for r in runs)
        rows.append(f"| {name} | {times} | {per_kb} | {per_mb:.0f} |")
        print(rows[-1], flush=True)
    return "\n".join(rows)


# The shapes that hold the most memory per MB since the limits on nodes, quantities
# and diagnostics (docs/performance.md): a node or a marker every few characters.
WORST = [
    "（一） all on one line",
    "（一） on every line",
    "一、 on every line",
    "numbers in one list",
]
# The table shapes, as large as the default limits read them (the web page's table
# stops at 2,000,000 tags, about 17 MB).
TABLES = ["a pipe table (markdown)", "a table of many rows (HTML)", "a table of 10 000 columns"]


def _tree_kb(pid: int) -> int:
    """Resident memory of *pid* and all its descendants now, in KB (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * resource.getpagesize() // KB
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return total


def _run_peak(args: list[str]) -> tuple[float, float, int]:
    """Seconds, peak MB of the process tree (sampled every 0.1 s) and exit status."""
    import os

    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "policyparse", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    peak = 0
    while True:
        peak = max(peak, _tree_kb(proc.pid))
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:  # its own peak too, in case the sampling missed it
            peak = max(peak, usage.ru_maxrss)
            proc.returncode = os.waitstatus_to_exitcode(status)
            break
        time.sleep(0.1)
    return time.perf_counter() - start, peak / KB, proc.returncode


def bound(size_mb: float) -> str:
    """The worst shapes at *size_mb* through the command line, and a batch of two under -j 2."""
    import tempfile

    size = int(size_mb * KB * KB)
    rows = [
        "| input | wall | peak memory | per MB of input | exit |",
        "|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in WORST + TABLES:
            suffix, make = SHAPES[name]
            path = folder / f"shape{suffix}"
            raw = make(size)
            path.write_bytes(raw)
            secs, peak, status = _run_peak([str(path), "-o", "/dev/null"])
            mb = len(raw) / KB / KB
            rows.append(
                f"| {name}, {mb:.0f} MB | {secs:.0f} s | {peak:,.0f} MB | {peak / mb:.0f} | "
                f"{status} |"
            )
            print(rows[-1], flush=True)
        batch = folder / "batch"
        batch.mkdir()
        raw = SHAPES[WORST[0]][1](size)
        for k in range(2):
            (batch / f"worst{k}.txt").write_bytes(raw)
        out = folder / "out.jsonl"
        run = ["batch", str(batch), "-o", str(out), "-j", "2", "--quiet", "--timeout", "0"]
        secs, peak, status = _run_peak(run)  # no --timeout: the file takes minutes
        mb = 2 * len(raw) / KB / KB
        rows.append(
            f"| `batch -j 2`: two files of {WORST[0]}, {mb:.0f} MB in all | {secs:.0f} s | "
            f"{peak:,.0f} MB (whole process tree) | {peak / mb:.0f} | {status} |"
        )
        print(rows[-1], flush=True)
    return "\n".join(rows)


def main() -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--max-mb", type=float, default=10)
    p.add_argument("--only", metavar="NAME", help="only the shapes whose name holds NAME")
    p.add_argument("--write", action="store_true", help="update docs/performance.md")
    p.add_argument("--one", nargs=2, metavar=("SHAPE", "BYTES"), help=argparse.SUPPRESS)
    p.add_argument("--bound", action="store_true", help="the worst shapes at --size-mb")
    p.add_argument("--size-mb", type=float, default=32, help="--bound: input size (default 32)")
    args = p.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]))))
        return 0
    if args.bound:
        result = bound(args.size_mb)
        if args.write:
            from perfdoc import write

            write("bound", result)
        return 0
    result = table(args.max_mb, args.only)
    if args.write:
        from perfdoc import write

        write("linear", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
