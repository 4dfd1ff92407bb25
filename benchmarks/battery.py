"""A generated corpus of hostile and broken inputs, and what policyparse makes of it.

Run:  python benchmarks/battery.py [--count 1100] [--seed 1] [--keep DIR] [--batch]

Every file is one class of odd input (listed in ``CLASSES``), varied by a seeded
random generator: binary noise, broken and foreign encodings, control, zero-width
and bidi characters, glued one-line text, deep brackets, huge numbers and numerals,
impossible dates, odd line ends, hostile HTML, broken Word packages, PDF bombs (huge
page counts, deep nesting, decompression bombs, forms that draw each other in a fan)
and broken or encrypted PDFs.  Each file is
parsed in this process (the library) and, with ``--batch``, by ``policyparse batch``
(the command line), which also runs the command-line cases (endless list inputs,
planted symlinks in an output folder, closed streams: each must end in exit 0, or 2
with one line).  A file may be refused with an ``InputError``; anything else
(an internal error, a Document that cannot be written as JSON, a span that does not
hold its text) is a failure, listed by class.  Exit status 1 when there is one.

The suite runs a small count of it (tests/test_hostile_text.py); this script runs
the whole battery.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pdf_bombs
import policyparse

MEASURE = (
    "（{n}）{title}。{year}年，{indicator}达到{value}{unit}。"
    "（牵头单位：{lead}；配合单位：{other}）"
)
TITLES = ["促进就业", "扩大消费", "提升服务", "培育品牌", "建设场景"]
INDICATORS = ["新增城镇就业", "社会消费品零售总额", "培育消费新场景", "新建充电桩"]
UNITS = ["万人", "亿元", "个", "%", "座"]
LEADS = ["市商务局", "市人力社保局", "市发改委", "各区县（市）政府"]
CN = "一二三四五六七八九十"
ODD_CHARS = [
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x0b",
    "\x0c",
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2066",
    "\u00ad",
    "\ufeff",
    "\u2028",
    "\u2029",
    "\x85",
    "\u0301",
    "\U0001f600",
    "\ufffd",
    "²",
    "①",
    "Ⅻ",
    "〇",
    "１２３",
    "㈠",
    "⑴",
    "⒈",
]


def _plan(rng: random.Random, measures: int) -> str:
    lines = ["某市促进消费行动方案（2024—2026年）", "一、主要目标", "二、重点任务"]
    for i in range(measures):
        lines.append(
            MEASURE.format(
                n=CN[i % 10],
                title=rng.choice(TITLES),
                year=rng.choice([2024, 2025, 2026, 2030]),
                indicator=rng.choice(INDICATORS),
                value=rng.choice(["20", "5.5", "1000", "3万", "百分之九十"]),
                unit=rng.choice(UNITS),
                lead=rng.choice(LEADS),
                other=rng.choice(LEADS),
            )
        )
    return "\n".join(lines) + "\n"


def _sprinkle(rng: random.Random, text: str, chars: list[str], count: int) -> str:
    out = list(text)
    for _ in range(count):
        out.insert(rng.randrange(len(out) + 1), rng.choice(chars))
    return "".join(out)


# -- the classes: each returns (file name suffix, bytes) ---------------------------------


def binary_noise(rng: random.Random) -> tuple[str, bytes]:
    return ".txt", rng.randbytes(rng.randrange(1, 4000))


def odd_characters(rng: random.Random) -> tuple[str, bytes]:
    text = _sprinkle(rng, _plan(rng, 6), ODD_CHARS, rng.randrange(1, 60))
    return ".txt", text.encode("utf-8")


def glued_one_line(rng: random.Random) -> tuple[str, bytes]:
    return ".txt", _plan(rng, rng.randrange(5, 200)).replace("\n", "").encode("utf-8")


def broken_utf8(rng: random.Random) -> tuple[str, bytes]:
    raw = bytearray(_plan(rng, 8).encode("utf-8"))
    for _ in range(rng.randrange(1, 20)):
        raw[rng.randrange(len(raw))] = rng.randrange(0x80, 0x100)
    return ".txt", bytes(raw)


def foreign_encodings(rng: random.Random) -> tuple[str, bytes]:
    text = _plan(rng, 5)
    codec = rng.choice(["gb18030", "gbk", "big5", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
    return ".txt", text.encode(codec, "replace")


def line_ends(rng: random.Random) -> tuple[str, bytes]:
    end = rng.choice(["\r\n", "\r", "\u2028", "\x0c", "\n\n\n", "\x85"])
    return ".txt", _plan(rng, 6).replace("\n", end).encode("utf-8")


def brackets(rng: random.Random) -> tuple[str, bytes]:
    depth = rng.randrange(1, 3000)
    opener, closer = rng.choice([("（", "）"), ("(", ")"), ("〔", "〕"), ("【", "】"), ("“", "”")])
    body = opener * depth + "责任单位：市商务局" + closer * rng.randrange(0, depth + 1)
    return ".txt", (_plan(rng, 3) + body).encode("utf-8")


def numbers(rng: random.Random) -> tuple[str, bytes]:
    big = rng.choice(
        [
            "9" * rng.randrange(20, 5000),
            "1" + "0" * 400 + ".5",
            "九千九百亿亿亿亿",
            "1e308",
            "0." + "0" * 500 + "1",
            "一千零一十万零一",
            "-5",
            "１２３４５",
        ]
    )
    unit = rng.choice([*UNITS, "亿亿元", "万万人", "％", "‰", "倍"])
    return ".txt", f"一、目标\n到2025年，新增就业{big}{unit}以上。\n".encode()


def dates(rng: random.Random) -> tuple[str, bytes]:
    d = rng.choice(
        [
            "2025年13月45日",
            "0000年0月0日",
            "99999年1月1日",
            "2025.02.30",
            "2025/0/0",
            "二〇二五年十三月",
            "2025年2月29日",
            "1900年1月1日",
        ]
    )
    return ".txt", f"某市实施方案\n{d}\n一、目标\n{d}前，新增就业5万人。\n{d}\n".encode()


def markers(rng: random.Random) -> tuple[str, bytes]:
    marker = rng.choice(["（一）", "一、", "1.", "第一条", "第一章", "①", "(1)", "1、", "一是"])
    sep = rng.choice(["\n", "", " "])
    return ".txt", (marker + sep).join([""] * rng.randrange(2, 3000)).encode("utf-8")


def empty_ish(rng: random.Random) -> tuple[str, bytes]:
    return ".txt", rng.choice([b"", b" ", b"\n\n", "\u3000\u3000".encode(), b"\xef\xbb\xbf", b"."])


def tables(rng: random.Random) -> tuple[str, bytes]:
    rows = ["序号\t任务\t责任单位\t完成时限"]
    for i in range(rng.randrange(1, 50)):
        rows.append(f"{i + 1}\t推进{rng.choice(TITLES)}\t{rng.choice(LEADS)}\t2025年底")
    sep = rng.choice(["\t", "|", " | ", "  "])
    return ".txt", "\n".join(r.replace("\t", sep) for r in rows).encode("utf-8")


def html_pages(rng: random.Random) -> tuple[str, bytes]:
    plan = _plan(rng, 6).replace("\n", "<br>")
    kind = rng.randrange(8)
    if kind == 0:
        depth = rng.randrange(100, 3000)
        page = "<html><body>" + "<div>" * depth + plan + "</div>" * depth + "</body></html>"
    elif kind == 1:
        depth = rng.randrange(5, 300)
        page = "<table><tr><td>" * depth + plan + "</td></tr></table>" * depth
    elif kind == 2:
        page = f"<html><script>{plan}</script><style>p{{}}</style><!-- {plan} --><p>{plan}"
    elif kind == 3:
        page = f"<p>&#0;&#xD800;&#99999999;&bogus;&amp&lt;{plan}</p>"
    elif kind == 4:
        page = f'<meta charset="{rng.choice(["big5", "utf-8", "nonsense", "utf-16"])}"><p>{plan}'
    elif kind == 5:
        page = (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "' + "A" * 100 + '">]>'
            f"<html><body><p>&e;&e;{plan}</p></body></html>"
        )
    elif kind == 6:
        page = "<html><body><p>" + "<b><i>" * 500 + plan
    else:
        page = f"<font><span><center>{plan}</center></span></font>"
    codec = "gb18030" if kind == 4 and rng.random() < 0.5 else "utf-8"
    return ".html", page.encode(codec, "replace")


@functools.cache
def _inflation_bomb(mb: int, chained: bool) -> bytes:
    if chained:
        return pdf_bombs.chained_inflation_bomb(mb * pdf_bombs.MB)
    return pdf_bombs.inflation_bomb(mb * pdf_bombs.MB)


def _text_pdf(rng: random.Random) -> bytes:
    """A one-page PDF in a standard font whose text is a plan's numbers and labels."""
    lines = b" ".join(b"(%d. %d%%) Tj 0 -14 Td" % (i, rng.randrange(100)) for i in range(8))
    return pdf_bombs.assemble(
        pdf_bombs.one_page(
            b"BT /F1 12 Tf 72 720 Td " + lines + b" ET",
            resources=b"<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>",
        )
    )


def pdf_files(rng: random.Random) -> tuple[str, bytes]:
    """PDF bombs and broken PDFs: pages, nesting, inflation, form fan-out, encryption."""
    kind = rng.randrange(8)
    if kind == 0:
        raw = pdf_bombs.many_pages(rng.choice((20_000, 200_000)))
    elif kind == 1:
        raw = pdf_bombs.deep_nesting(rng.choice((1_000, 100_000, 1_000_000)))
    elif kind == 2:
        raw = _inflation_bomb(rng.choice((300, 1024)), rng.random() < 0.5)
    elif kind == 3:
        raw = pdf_bombs.form_fanout(rng.randrange(10, 40))
    elif kind == 4:
        raw = pdf_bombs.encrypted_stub()
    elif kind == 5:
        raw = pdf_bombs.truncated(_text_pdf(rng), rng.random())
    elif kind == 6:
        flipped = bytearray(_text_pdf(rng))
        for _ in range(rng.randrange(1, 20)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        raw = bytes(flipped)
    else:
        raw = b"%PDF-1." + rng.randbytes(rng.randrange(0, 4000))
    return ".pdf", raw


def word_packages(rng: random.Random) -> tuple[str, bytes]:
    kind = rng.randrange(6)
    if kind == 0:
        return ".docx", rng.randbytes(rng.randrange(0, 2000))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        if kind != 1:
            paras = "".join(
                f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in _plan(rng, 4).splitlines()
            )
            body = (
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                f'2006/main"><w:body>{paras}</w:body></w:document>'
            )
            if kind == 2:
                body = body[: rng.randrange(len(body))]
            z.writestr("word/document.xml", body)
        if kind == 3:
            z.writestr("word/numbering.xml", "<w:numbering>" + "<" * rng.randrange(1, 50))
        if kind == 4:
            z.writestr("word/styles.xml", rng.randbytes(200))
    raw = buf.getvalue()
    if kind == 5:
        raw = raw[: rng.randrange(len(raw))]
    return ".docx", raw


BOX_LINES = [
    "专栏{n}　应用工程。鼓励企业上云。",
    "数字化转型加快。",
    "附件",
    "附件{n}.表格",
    "{n}.名单",
]


def box_layouts(rng: random.Random) -> tuple[str, bytes]:
    """Boxes, paragraphs and attachments in random order, inside and outside measures."""
    lines = _plan(rng, rng.randrange(0, 4)).splitlines()
    for _ in range(rng.randrange(2, 12)):
        line = rng.choice(BOX_LINES).format(n=rng.randrange(1, 4))
        lines.insert(rng.randrange(len(lines) + 1), line)
    return ".txt", "\n".join(lines).encode("utf-8")


def overflowing_numbers(rng: random.Random) -> tuple[str, bytes]:
    """Numbers past a float (306+ digits with 万, 309 without), in every form a value takes."""
    big = "9" * rng.randrange(300, 420)
    form = rng.choice(
        [f"{big}万人", f"{big}个", f"百分之{big}", f"{big}%", f"5-{big}个", f"{big}.5亿元"]
    )
    return ".txt", f"一、目标\n到2025年，新增就业{form}。（责任单位：市商务局）\n".encode()


def huge_pages(rng: random.Random) -> tuple[str, bytes]:
    """A page of more than a million elements: refused before it is parsed."""
    cell = rng.choice(["<p>a</p>", "<br>", "<span></span>"])
    count = rng.randrange(2_000_001, 2_200_000) // cell.count("<")
    return ".html", ("<html><body>" + cell * count + "</body></html>").encode()


CLASSES: dict[str, Callable[[random.Random], tuple[str, bytes]]] = {
    f.__name__: f
    for f in (
        binary_noise,
        odd_characters,
        glued_one_line,
        broken_utf8,
        foreign_encodings,
        line_ends,
        brackets,
        numbers,
        dates,
        markers,
        empty_ish,
        tables,
        html_pages,
        word_packages,
        pdf_files,
        box_layouts,
        overflowing_numbers,
        huge_pages,
    )
}


def generate(folder: Path, count: int, seed: int) -> Iterator[tuple[str, Path]]:
    """*count* files in *folder*, the classes in turn; yields (class, path)."""
    rng = random.Random(seed)
    names = list(CLASSES)
    for i in range(count):
        name = names[i % len(names)]
        suffix, raw = CLASSES[name](rng)
        path = folder / f"{i:05d}-{name}{suffix}"
        path.write_bytes(raw)
        yield name, path


# Any file ends within this many seconds (a PDF bomb within its limits, refused or read).
SECONDS = 10.0


def check(path: Path) -> str | None:
    """What is wrong with how policyparse takes *path*, or None when it is fine."""
    start = time.perf_counter()
    try:
        doc = policyparse.parse_file(path, errors="replace", with_text=True)
    except policyparse.InputError as exc:
        if "\n" in str(exc):
            return f"a message of several lines: {exc!s:.200}"
        return _slow(start)
    except Exception as exc:  # the point of the battery: anything else is a bug
        return f"{type(exc).__name__}: {exc}"[:200]
    slow = _slow(start)
    if slow:
        return slow
    try:
        policyparse.Document.model_validate_json(doc.model_dump_json())
    except Exception as exc:
        return f"JSON that does not read back: {type(exc).__name__}: {exc}"[:200]
    text = doc.text or ""
    problem = _outline_problem(doc, text)
    if problem:
        return problem
    for node in doc.walk():
        for t in node.targets:
            if text[t.span[0] : t.span[1]] != t.text:
                return f"target span {t.span} does not hold {t.text!r}"
        for u in node.responsible_units:
            if not text[u.span[0] : u.span[1]].startswith(u.name[:1]):
                return f"unit span {u.span} does not hold {u.name!r}"
    return None


def _slow(start: float) -> str | None:
    took = time.perf_counter() - start
    return f"took {took:.1f} s (over {SECONDS:g})" if took > SECONDS else None


def _outline_problem(doc: policyparse.Document, text: str) -> str | None:
    """A node whose text is not what its span holds, or runs into its first child."""
    for node in doc.walk():
        if text[node.text_span[0] : node.text_span[1]] != node.text:
            return f"node {node.path} text_span {node.text_span} does not hold its text"
        if node.children and node.children[0].span[0] < node.text_span[1]:
            return f"node {node.path} text runs into its first child"
    return None


def batch_internal(folder: Path) -> Counter[str]:
    """Error codes of ``policyparse batch --replace-errors`` over the folder."""
    out = folder.parent / "battery.jsonl"
    command = ["batch", str(folder), "-o", str(out), "--quiet", "--replace-errors"]
    subprocess.run(
        [sys.executable, "-m", "policyparse", *command],
        check=False,
        timeout=3600,
    )
    codes: Counter[str] = Counter()
    with out.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            codes[record.get("error") or "ok"] += 1
    return codes


def _cli(args: list[str], **kw: Any) -> tuple[int, str]:
    """Exit status and standard error of ``policyparse *args*``."""
    kw.setdefault("stdin", subprocess.DEVNULL)
    r = subprocess.run(
        [sys.executable, "-m", "policyparse", *args],
        stdout=subprocess.DEVNULL,
        stderr=kw.pop("stderr", subprocess.PIPE),
        timeout=300,
        **kw,
    )
    return r.returncode, (r.stderr or b"").decode("utf-8", "replace")


def _scenarios(tmp: Path) -> Iterator[tuple[str, list[str], dict[str, Any]]]:
    """(name, arguments, subprocess options) of the command-line cases: endless list
    inputs, planted symlinks, closed streams."""
    plan = tmp / "plan.txt"
    plan.write_text(_plan(random.Random(0), 3), encoding="utf-8")
    out = tmp / "out"
    out.mkdir()
    victim = tmp / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    (out / "targets.csv").symlink_to(victim)
    linked = tmp / "linked"
    linked.mkdir()
    (linked / "documents.jsonl").symlink_to(victim)
    (tmp / "loop-a.txt").symlink_to(tmp / "loop-b.txt")
    (tmp / "loop-b.txt").symlink_to(tmp / "loop-a.txt")
    jsonl = str(tmp / "r.jsonl")
    yield "list from /dev/zero", ["batch", "--from", "/dev/zero", "-o", jsonl], {}
    with open("/dev/zero", "rb") as zero:
        yield "list from endless stdin", ["batch", "--from", "-", "-o", jsonl], {"stdin": zero}
    yield "gazetteer /dev/zero", [str(plan), "--gazetteer", "/dev/zero"], {}
    yield "report of /dev/zero", ["report", "/dev/zero", "-o", str(tmp / "r.html")], {}
    yield "planted table link", ["batch", str(plan), "--format", "csv", "-o", str(out)], {}
    yield "planted jsonl link", ["batch", str(plan), "--format", "csv", "-o", str(linked)], {}
    yield "symlink loop", [str(tmp / "loop-a.txt")], {}
    yield "stdin closed", ["-"], {"stdin": None, "preexec_fn": lambda: os.close(0)}
    closed = {"stderr": None, "preexec_fn": lambda: os.close(2)}
    yield "stderr closed", ["batch", str(plan), "-o", jsonl, "-j", "1"], closed


def cli_failures() -> list[str]:
    """The command-line cases that end in anything but 0, or 2 with one line."""
    if not Path("/dev/zero").exists() or not hasattr(os, "symlink"):
        return []
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, args, kw in _scenarios(Path(tmp)):
            status, err = _cli(args, **kw)
            lines = err.strip().splitlines()
            if status not in (0, 2) or (status == 2 and len(lines) != 1):
                failures.append(f"{name}: exit {status}: {err.strip()[:200]}")
        if (Path(tmp) / "victim.txt").read_text(encoding="utf-8") != "keep":
            failures.append("a planted link was written through")
    return failures


def main() -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--count", type=int, default=1100)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--keep", metavar="DIR", help="write the files here and keep them")
    p.add_argument("--batch", action="store_true", help="also run policyparse batch over them")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp) / "battery"
        folder.mkdir(parents=True, exist_ok=True)
        failures: dict[str, list[str]] = {}
        seen: Counter[str] = Counter()
        for name, path in generate(folder, args.count, args.seed):
            seen[name] += 1
            problem = check(path)
            if problem:
                failures.setdefault(name, []).append(f"{path.name}: {problem}")
        for name in CLASSES:
            bad = failures.get(name, [])
            print(f"{name:20} {seen[name]:5} files  {len(bad):3} failures")
            for line in bad[:3]:
                print(f"    {line}")
        if args.batch:
            cli = cli_failures()
            print(f"command line: {len(cli)} failures")
            for line in cli:
                print(f"    {line}")
            codes = batch_internal(folder)
            print("batch:", ", ".join(f"{k} {v}" for k, v in sorted(codes.items())))
            if codes.get("internal") or cli:
                return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
