"""Write src/policyparse/lexicon/inputs/common_characters.tsv, the list the decoder scores by.

    pip install opencc-python-reimplemented     # for this script only, not a dependency
    python scripts/common_characters.py [--corpus ../shared/corpus]

The table holds the characters that make up most of any Chinese text, in both
scripts: the 500 most frequent characters of the development plans (the
held-out plans of tests/held_out.txt are left out, so they can measure it) and
the 500 most frequent of general text (jieba's dictionary, each word weighted
by its frequency), with their traditional forms (OpenCC s2t and s2tw), the numerals and the
common full-width punctuation.  Plan text, simplified or traditional, is 90% these
characters; text decoded with the wrong one of GB18030 and Big5 is about 5%
(docs/inputs.md).
"""

from __future__ import annotations

import argparse
import importlib
import os
import unicodedata
from collections import Counter
from pathlib import Path

import jieba

REPO = Path(__file__).resolve().parents[1]
TABLE = REPO / "src" / "policyparse" / "lexicon" / "inputs" / "common_characters.tsv"
TOP = 500
PUNCTUATION = (
    "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—～·．／％＋－①②③④⑤⑥⑦⑧⑨⑩０１２３４５６７８９"
)
# Numerals, which headings are made of: （七） is as common as （一）.
NUMERALS = "〇零一二两三四五六七八九十百千万亿"
HEADER = """\
# The characters most of any Chinese text is made of, simplified and traditional, and
# the common full-width punctuation.  When bytes are not UTF-8 they are read as GB18030
# and, if that text is mostly other characters, as Big5 (inputs/read.py): the reading
# whose characters are mostly these wins.  A plan read right is ~90% these characters,
# read in the wrong one of the two encodings ~5%: the Big5 bytes of 實施方案 read as
# GB18030 are 龟琁よ, the GB18030 bytes of 实施方案 read as Big5 妗囥源偶.
# form: shared (the same in both scripts), simplified, traditional, symbol.
# Written by scripts/common_characters.py (the sources are named there); not by hand.
"""


def _chars(text: str) -> list[str]:
    return [c for c in text if ord(c) > 127 and not c.isspace()]


def _form(c: str, s2t: object, t2s: object) -> str:
    if not unicodedata.category(c).startswith("L"):
        return "symbol"
    to_t = getattr(s2t, "convert")(c)  # noqa: B009 (an untyped module)
    to_s = getattr(t2s, "convert")(c)  # noqa: B009
    if to_s != c:
        return "traditional"
    return "shared" if to_t == c else "simplified"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("POLICYPARSE_SHARED_CORPUS", str(REPO.parent / "shared" / "corpus"))
    ap.add_argument("--corpus", type=Path, default=Path(default))
    args = ap.parse_args()
    opencc = importlib.import_module("opencc")
    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    # OpenCC's traditional forms and Taiwan's (为: 爲 and 為, 众: 衆 and 眾).
    to_traditional = (s2t, opencc.OpenCC("s2tw"))
    held = {
        line.strip()
        for line in (REPO / "tests" / "held_out.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    plans = [
        p
        for folder in ("plans", "plans-2")
        for p in sorted((args.corpus / folder).glob("*.txt"))
        if p.stem not in held
    ]
    simplified, traditional = Counter[str](), Counter[str]()
    for p in plans:
        text = p.read_text("utf-8")
        simplified.update(_chars(text))
        for converter in to_traditional:
            traditional.update(_chars(converter.convert(text)))
    general = Counter[str]()
    dictionary = Path(jieba.__file__).parent / "dict.txt"
    for line in dictionary.read_text("utf-8").splitlines():
        word, frequency, *_ = line.split()
        for c in word:
            general[c] += int(frequency)
    chosen = {c for counts in (simplified, traditional) for c, _ in counts.most_common(TOP)}
    for c, _ in general.most_common(TOP):
        chosen.add(c)
        for converter in to_traditional:
            chosen.update(converter.convert(c))
    chosen.update(PUNCTUATION)
    for c in NUMERALS:
        chosen.add(c)
        for converter in to_traditional:
            chosen.update(converter.convert(c))
    rows = sorted((_form(c, s2t, t2s), c) for c in chosen if not c.isspace())
    order = {"shared": 0, "simplified": 1, "traditional": 2, "symbol": 3}
    rows.sort(key=lambda r: (order[r[0]], r[1]))
    body = "".join(f"{c}\t{form}\n" for form, c in rows)
    TABLE.write_text(HEADER + "character\tform\n" + body, encoding="utf-8")
    print(f"{len(rows)} characters from {len(plans)} plans and {dictionary.name} → {TABLE}")


if __name__ == "__main__":
    main()
