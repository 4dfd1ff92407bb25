"""Bytes to text: read the file, decide the format, decode.

Plain text is tried as UTF-8 (with or without BOM), UTF-16 with a BOM, then
GB18030, strictly: a wrong guess would corrupt every span, so undecodable
bytes are an error unless the caller asks for replacement characters.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BinaryInputError, DecodeError, EmptyInputError, NotAFileError, NotFoundError

_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BM",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",
)


@dataclass(slots=True)
class Loaded:
    """Decoded text and where it came from."""

    text: str
    format: str
    encoding: str | None
    sha256: str
    path: str | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)  # (code, message)


def decode(raw: bytes, *, errors: str = "strict") -> tuple[str, str, list[tuple[str, str]]]:
    """Decode *raw*; returns (text, encoding, notes)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    for enc in candidates:
        try:
            return raw.decode(enc), enc, []
        except UnicodeDecodeError:
            continue
    if errors == "replace":
        enc = candidates[0]
        text = raw.decode(enc, errors="replace")
        return text, enc, [("replaced_bytes", f"undecodable bytes replaced with U+FFFD ({enc})")]
    raise DecodeError(f"bytes are not valid {' or '.join(candidates)}")


def _looks_binary(raw: bytes) -> bool:
    if raw.startswith(_BINARY_MAGIC):
        return True
    head = raw[:4096]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    return b"\x00" in head


def load_bytes(raw: bytes, *, path: str | None = None, errors: str = "strict") -> Loaded:
    """Decode bytes of a plain-text document."""
    if _looks_binary(raw):
        raise BinaryInputError("input is binary data, not a text document")
    text, enc, notes = decode(raw, errors=errors)
    if not text.strip():
        raise EmptyInputError("input holds no text")
    return Loaded(text, "text", enc, hashlib.sha256(raw).hexdigest(), path, notes)


def load_path(path: str | os.PathLike[str], *, errors: str = "strict") -> Loaded:
    """Read and decode the file at *path*."""
    p = Path(path)
    if not p.exists():
        raise NotFoundError(f"{p}: no such file")
    if not p.is_file():
        raise NotAFileError(f"{p}: not a regular file")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise NotAFileError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    try:
        return load_bytes(raw, path=str(path), errors=errors)
    except (DecodeError, BinaryInputError, EmptyInputError) as exc:
        raise type(exc)(f"{p}: {exc}") from None
