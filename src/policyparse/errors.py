"""The one exception family for input policyparse cannot read.

Odd but readable input never raises: it comes back as a Document with
diagnostics.  Everything raised for unreadable input derives from
InputError, so callers need a single ``except``.  ``shown`` writes a
file name (or any message holding one) safely for a terminal.
"""

from __future__ import annotations

import unicodedata


def shown(text: str) -> str:
    """*text* for a terminal: control and format characters (C0, C1, bidi) escaped.

    File names reach stderr through here, so that a name holding ESC sequences or
    line ends can neither rewrite the terminal nor forge log lines.
    """
    if text.isprintable():
        return text
    out = []
    for ch in text:
        if ch.isprintable() or unicodedata.category(ch) == "Zs":  # spaces, U+3000 too
            out.append(ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x100:
            out.append(f"\\x{ord(ch):02x}")
        elif 0xDC80 <= ord(ch) <= 0xDCFF:  # a byte of a file name that is no UTF-8
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
    return "".join(out)


def counted(n: int, word: str, many: str | None = None) -> str:
    """*n* and the word in the form that fits it: 1 file, 2 files, 0 files."""
    return f"{n} {word if n == 1 else many or word + 's'}"


class PolicyParseError(Exception):
    """Base of every error policyparse raises on purpose."""

    code = "error"


class MainGuardError(PolicyParseError):
    """Worker processes would run the calling script again (the spawn start method).

    Under "spawn" (macOS, Windows) and "forkserver", each worker process imports
    the main module again; a script whose top-level code starts workers would start
    them again in every worker.  The fix is the one Python documents: put that code
    under ``if __name__ == "__main__":`` (or ask for ``workers=1``).
    """

    code = "main_guard"


class InputError(PolicyParseError):
    """The input cannot be read as a document."""

    code = "unreadable"


class NotFoundError(InputError, FileNotFoundError):
    """The path does not exist: also a FileNotFoundError, so ``except OSError`` sees it."""

    code = "not_found"

    def __init__(self, message: str, path: str | None = None) -> None:
        # OSError reads two arguments as (errno, strerror): pass the message alone.
        super().__init__(message)
        self.path = path
        self.filename = path

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class NotAFileError(InputError):
    """The path is a directory or another non-file."""

    code = "not_a_file"


class EmptyInputError(InputError):
    """The input holds no text."""

    code = "empty"


class DecodeError(InputError):
    """The bytes are not text in any encoding we accept."""

    code = "undecodable"


class BinaryInputError(InputError):
    """The input is binary (an image, an archive) rather than a document."""

    code = "binary"


class FormatError(InputError):
    """The input claims a format (HTML, DOCX) but is broken."""

    code = "bad_format"


class TooLargeError(InputError):
    """The file is over the size limit (max_bytes); raise the limit to read it."""

    code = "too_large"


RAISE_LIMIT = "raise it with --max-mb or max_bytes="


def size_limit(max_bytes: int) -> str:
    """A size limit as users set it: 32 MB, 0.5 MB; a tiny one in bytes (104-byte)."""
    mb = max_bytes / 1048576
    return f"{mb:.3g} MB" if mb >= 0.01 else f"{max_bytes}-byte"


class MissingExtraError(InputError):
    """Reading this format needs an optional dependency that is not installed."""

    code = "unreadable"


class NoTextLayerError(EmptyInputError):
    """A PDF of images (a scan): no characters to read until OCR adds a text layer."""

    code = "empty"


class GarbledTextError(DecodeError):
    """A PDF's text layer decodes to nonsense (fonts without a character map)."""

    code = "undecodable"


class EncryptedError(FormatError):
    """The document is encrypted with a password that policyparse does not have."""

    code = "bad_format"
