"""The library's entry points."""

from __future__ import annotations

import hashlib
import os

from .load import Loaded, load_path
from .model import Document
from .pipeline import run


def parse(text: str, *, path: str | None = None, with_text: bool = False) -> Document:
    """Parse a plan given as text.

    Pure: the same text always gives the same Document, and nothing is read
    or written, so it can run in any worker process.
    """
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return run(Loaded(text, "text", None, digest, path), with_text=with_text)


def parse_file(
    path: str | os.PathLike[str], *, errors: str = "strict", with_text: bool = False
) -> Document:
    """Read, decode and parse the file at *path*.

    Raises an InputError subclass when the file cannot be read as a document;
    with ``errors="replace"`` undecodable bytes become U+FFFD plus a diagnostic.
    """
    return run(load_path(path, errors=errors), with_text=with_text)
