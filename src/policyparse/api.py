"""The library's entry points."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .extract import gazetteer as _gazetteer_mod
from .extract.gazetteer import Gazetteer
from .inputs.read import MAX_BYTES, load_bytes, load_path, load_str, too_large
from .pipeline import document_dict, run
from .tracing import Explained, explain_loaded, quantity_decisions
from .vocab import Errors

if TYPE_CHECKING:
    from .model.document import Document

GazetteerArg = str | os.PathLike[str] | Gazetteer | None


def _gazetteer(gazetteer: GazetteerArg) -> Gazetteer:
    if isinstance(gazetteer, Gazetteer):
        return gazetteer
    return _gazetteer_mod.load(gazetteer)


def parse(
    text: str,
    *,
    path: str | None = None,
    with_text: bool = False,
    gazetteer: GazetteerArg = None,
) -> Document:
    """Parse a plan given as text.

    Pure: the same text always gives the same Document, and nothing is read
    or written (but the gazetteer file, if one is named), so it can run in
    any worker process.  *gazetteer* extends the shipped one (a file in the
    format of the lexicon's gazetteer).
    """
    if not isinstance(text, str):
        raise TypeError(_not_text(text))
    loaded = load_str(text, path)
    return run(loaded, with_text=with_text, gazetteer=_gazetteer(gazetteer))


def _not_text(value: object) -> str:
    """What to call instead of parse() for a value that is not a str."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "parse() takes the text as a str; for bytes use policyparse.parse_bytes(raw)"
    if isinstance(value, os.PathLike):
        return "parse() takes the text as a str; for a file use policyparse.parse_file(path)"
    return f"parse() takes the text as a str, not {type(value).__name__}"


def parse_file(
    path: str | os.PathLike[str],
    *,
    errors: Errors = "strict",
    with_text: bool = False,
    gazetteer: GazetteerArg = None,
    max_bytes: int | None = MAX_BYTES,
) -> Document:
    """Read, decode and parse the file at *path* (text, HTML or .docx).

    Raises an InputError subclass when the file cannot be read as a document;
    with ``errors="replace"`` undecodable bytes become U+FFFD plus a diagnostic.
    Files over *max_bytes* (32 MB unless set; None for no limit) are refused.
    """
    loaded = load_path(path, errors=errors, max_bytes=max_bytes)
    return run(loaded, with_text=with_text, gazetteer=_gazetteer(gazetteer))


def parse_bytes(
    raw: bytes,
    *,
    path: str | None = None,
    errors: Errors = "strict",
    with_text: bool = False,
    gazetteer: GazetteerArg = None,
    max_bytes: int | None = MAX_BYTES,
) -> Document:
    """Decode and parse the bytes of a document (text, HTML or .docx).

    For bytes that do not come from a local file: an object store, a Spark
    ``binaryFiles`` record, an HTTP response.  *path* names them in the
    result and, by its extension, helps tell a web page from plain text.
    """
    if max_bytes is not None and len(raw) > max_bytes:
        raise too_large(path or "input", max_bytes, len(raw))
    loaded = load_bytes(raw, path=path, errors=errors, max_bytes=max_bytes)
    return run(loaded, with_text=with_text, gazetteer=_gazetteer(gazetteer))


def explain(
    text: str, *, path: str | None = None, gazetteer: GazetteerArg = None
) -> list[Explained]:
    """Which rule placed each block and decided each quantity of *text*, in text order.

    What ``policyparse PLAN --explain`` prints: for debugging a rule, or
    asserting in a test which rule read a sentence.
    """
    return explain_loaded(load_str(text, path), _gazetteer(gazetteer))


def explain_file(
    path: str | os.PathLike[str],
    *,
    errors: Errors = "strict",
    gazetteer: GazetteerArg = None,
    max_bytes: int | None = MAX_BYTES,
) -> list[Explained]:
    """``explain`` for a file (text, HTML or .docx), read as ``parse_file`` reads it."""
    loaded = load_path(path, errors=errors, max_bytes=max_bytes)
    return explain_loaded(loaded, _gazetteer(gazetteer))


def parse_file_json(
    path: str | os.PathLike[str],
    *,
    indent: int | None = None,
    errors: Errors = "strict",
    with_text: bool = False,
    gazetteer: GazetteerArg = None,
    max_bytes: int | None = MAX_BYTES,
) -> str:
    """``parse_file(path).model_dump_json(indent=indent)``, without building the models.

    The same bytes, written by pydantic-core from the plain data: no model is
    validated.  What the command line prints.
    """
    loaded = load_path(path, errors=errors, max_bytes=max_bytes)
    data = document_dict(loaded, with_text=with_text, gazetteer=_gazetteer(gazetteer))
    from .export.json import dumps

    return dumps(data, indent)


def render_html(
    doc: Document,
    text: str | None = None,
    *,
    rules: bool = True,
    gazetteer: GazetteerArg = None,
    back: tuple[str, str] | None = None,
    fragment: bool = False,
) -> str:
    """The self-contained HTML page of *doc*, whose spans point into *text*.

    The text with every heading, target, figure, unit and diagnostic marked in
    place, the outline, a targets table and who owns what (docs/view.md).
    *text* defaults to ``doc.text`` (parse with ``with_text=True``).  With
    *rules*, the text is read again with ``explain`` to name the rule behind each
    target and figure (parsing is pure, so the decisions are the document's;
    give the *gazetteer* the document was parsed with).  *back* is an
    (href, label) link put at the top of the page.  With *fragment*, the page
    comes inside an ``<iframe srcdoc>``, for a notebook cell
    (``IPython.display.HTML(render_html(doc, text, fragment=True))``; a Document
    shows itself so in Jupyter, ``_repr_html_``).
    """
    from .export.view import render_view

    if text is None:
        text = doc.text
    if text is None:
        raise ValueError(
            "render_html needs the text the spans point into: render_html(doc, text), "
            "or parse with with_text=True"
        )
    decisions = []
    if rules:
        explained = explain_loaded(load_str(text, doc.source.path), _gazetteer(gazetteer))
        decisions = quantity_decisions(explained)
    page = render_view(doc, text, decisions, back=back)
    if fragment:
        from .export.notebook import frame

        return frame(page)
    return page
