"""What every HTML page of the package shares: the lxml layer, the assets, the CSP.

The view of a plan (``export/view/``) and the corpus report (``export/report/``)
are built with lxml (elements, not strings), so every piece of a document's
text is escaped by construction.  The stylesheet and the scripts are package
files (``export/assets/``) inlined into the page; a Content-Security-Policy
lets only those scripts (by their hash) run and forbids every request.  The
data the scripts read is JSON in a ``<script type="application/json">`` with
``<``, ``>`` and ``&`` written as ``\\u003c`` …, so no text can close that element.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any


@cache
def asset(name: str) -> str:
    """A stylesheet or script shipped with the package (export/assets/)."""
    return resources.files(__package__).joinpath("assets", name).read_text("utf-8")


def script_hash(code: str) -> str:
    """The CSP source that lets exactly this inline script run."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp(scripts: Sequence[str]) -> str:
    """No request of any kind; only the page's own scripts and styles."""
    hashes = " ".join(script_hash(s) for s in scripts)
    return (
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
        f"script-src {hashes}; base-uri 'none'; form-action 'none'"
    )


# XML 1.0 forbids most C0 controls (a form feed from a PDF, a stray NUL); lxml
# refuses them.  Each becomes its visible Control Picture, one character for
# one, so the page still shows where it was.
_CONTROLS = {c: 0x2400 + c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)}
_CONTROLS.update({0xFFFE: 0xFFFD, 0xFFFF: 0xFFFD})


def clean(text: str) -> str:
    """*text* with the characters XML cannot hold made visible."""
    text = text.translate(_CONTROLS)
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        text = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text


def data_json(value: object) -> str:
    """JSON that is safe inside <script type="application/json">: no <, > or & at all."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return clean(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


class Html:
    """A thin layer over lxml: elements with text and attributes, always cleaned."""

    def __init__(self) -> None:
        from lxml import etree

        self.etree = etree

    def root(self) -> Any:
        return self.etree.Element("html")

    def el(self, parent: Any, tag: str, text: str | None = None, **attrs: str | None) -> Any:
        node = self.etree.SubElement(parent, tag)
        for key, value in attrs.items():
            if value is not None:
                node.set(key.rstrip("_").replace("_", "-"), clean(value))
        if text:
            node.text = clean(text)
        return node

    def raw(self, parent: Any, tag: str, code: str, **attrs: str | None) -> Any:
        """A <style> or <script> whose content is the package's own code (or data_json)."""
        node = self.el(parent, tag, **attrs)
        node.text = code
        return node

    def serialize(self, root: Any) -> str:
        from lxml import html

        out: str = html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode", method="html")
        return out + "\n"


def head(h: Html, root: Any, title: str, scripts: Sequence[str]) -> Any:
    """<head>: charset, viewport, the CSP, the title and the stylesheet."""
    head_el = h.el(root, "head")
    h.el(head_el, "meta", charset="utf-8")
    h.el(head_el, "meta", name="viewport", content="width=device-width, initial-scale=1")
    h.el(head_el, "meta", http_equiv="Content-Security-Policy", content=csp(scripts))
    h.el(head_el, "meta", name="generator", content="policyparse")
    h.el(head_el, "title", title)
    h.raw(head_el, "style", asset("view.css"))
    return head_el
