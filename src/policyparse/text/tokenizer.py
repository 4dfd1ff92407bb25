"""Word boundaries for the few places where they decide an answer.

In a 分别 list (职工、城乡居民住院报销比例分别达85%、70%) the shared tail must be
cut at a word boundary: 城乡居民 | 住院报销比例.  jieba does this with a small
domain dictionary (the lexicon's domain_dict and the names of the gazetteer in use) plus
its HMM for unknown words.  The default 350k-word dictionary would take most
of a second to load, so it is never used; the tokenizer is built on first
use, without the cache file jieba would otherwise write to the temp directory.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from .. import lexicon

_BODY_FREQ = 1000  # weight of a gazetteer name, as of a common domain word


def _import_jieba() -> Any:
    """Import jieba without the pkg_resources it reaches for and does not need.

    jieba 0.42 imports pkg_resources (40 ms or more) only to open its own data
    files, and falls back to plain open() when the import fails.  Hiding the
    module for the duration of the import takes the fallback; other code that
    imports pkg_resources later is not affected.
    """
    import sys

    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=8)
def _tokenizer(bodies: tuple[str, ...]) -> Any:
    jieba = _import_jieba()

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    freq: dict[str, int] = {}
    total = 0
    entries = list(lexicon.rows("text/domain_dict"))
    # The gazetteer doubles as a user dictionary: a body's name is one word
    # (市人力社保局、市发改委分别…), so a 分别 list of bodies splits at their edges.
    entries += [(name, "") for name in bodies]
    for word, count in entries:
        n = int(count or _BODY_FREQ)
        freq[word] = max(n, freq.get(word) or 0)
        total += n
        for i in range(1, len(word)):
            freq.setdefault(word[:i], 0)
    tk.FREQ, tk.total = freq, total
    tk.initialized = True
    return tk


def cut(text: str, bodies: tuple[str, ...] = ()) -> list[str]:
    """Words of *text* (a short phrase), in order.

    *bodies* are names of bodies (the gazetteer's, the user's included) that
    must come out as one word each; a tokenizer is built once per distinct set.
    """
    return [w for w in _tokenizer(bodies).lcut(text, HMM=True) if w.strip()]


_DICT_WORD = range(2, 5)  # words of two to four characters: a verb, not a phrase


@lru_cache(maxsize=4)
def dictionary_words(flag: str) -> frozenset[str]:
    """Words of two to four characters that jieba's own dictionary tags *flag* (``v``: verbs).

    Read from the dictionary file that ships with jieba (some 0.15 s, once, when first
    asked): a vocabulary far larger than the lexicon's, for the rare word the lexicon
    lacks (争创, 筛选).  Nothing is downloaded.
    """
    import os

    jieba = _import_jieba()
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    found: set[str] = set()
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) == 3 and parts[2] == flag and len(parts[0]) in _DICT_WORD:
                    found.add(parts[0])
    except OSError:  # a jieba without its dictionary: the lexicon alone decides
        return frozenset()
    return frozenset(found)
