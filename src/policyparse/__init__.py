"""policyparse: Chinese government action plans to a source-anchored JSON tree.

Importing the package is cheap: the models, the parser and their
dependencies load on first use of a name below.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "parse": "api",
    "parse_file": "api",
    "parse_file_json": "api",
    "parse_many": "batch",
    "ErrorRecord": "batch",
    "owners": "ownership",
    "totals": "ownership",
    "OwnerRow": "ownership",
    "UnitTotal": "ownership",
    "Gazetteer": "canonical",
    "Figure": "model",
    "Horizon": "model",
    "ResponsibilityNote": "model",
    "Document": "model",
    "Node": "model",
    "Target": "model",
    "ResponsibleUnit": "model",
    "Diagnostic": "model",
    "Source": "model",
    "Furniture": "model",
    "SCHEMA_VERSION": "version",
    "PolicyParseError": "errors",
    "InputError": "errors",
    "NotFoundError": "errors",
    "NotAFileError": "errors",
    "EmptyInputError": "errors",
    "DecodeError": "errors",
    "BinaryInputError": "errors",
    "FormatError": "errors",
    "TooLargeError": "errors",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:
    from .api import parse, parse_file, parse_file_json
    from .batch import ErrorRecord, parse_many
    from .canonical import Gazetteer
    from .errors import (
        BinaryInputError,
        DecodeError,
        EmptyInputError,
        FormatError,
        InputError,
        NotAFileError,
        NotFoundError,
        PolicyParseError,
        TooLargeError,
    )
    from .model import (
        Diagnostic,
        Document,
        Figure,
        Furniture,
        Horizon,
        Node,
        ResponsibilityNote,
        ResponsibleUnit,
        Source,
        Target,
    )
    from .ownership import OwnerRow, UnitTotal, owners, totals
    from .version import SCHEMA_VERSION


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'policyparse' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
