"""policyparse: Chinese government action plans to a source-anchored JSON tree.

Importing the package is cheap: the models, the parser and their
dependencies load on first use of a name below.  ``__all__`` is the public
API; everything else is internal and may move.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .version import SCHEMA_VERSION as SCHEMA_VERSION
from .version import __version__ as __version__

__all__ = [
    "SCHEMA_VERSION",
    "BinaryInputError",
    "Citation",
    "Deadline",
    "DecodeError",
    "Diagnostic",
    "Document",
    "EmptyInputError",
    "ErrorRecord",
    "Explained",
    "Figure",
    "FormatError",
    "Furniture",
    "Gazetteer",
    "Horizon",
    "InputError",
    "Issuer",
    "MainGuardError",
    "Node",
    "NotAFileError",
    "NotFoundError",
    "OwnerRow",
    "PolicyParseError",
    "ResponsibilityNote",
    "ResponsibleUnit",
    "SkippedRecord",
    "Source",
    "Target",
    "TooLargeError",
    "UnitTotal",
    "__version__",
    "explain",
    "explain_file",
    "frames",
    "network",
    "owners",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_file_json",
    "parse_many",
    "read_tables",
    "render_html",
    "table_rows",
    "target_rows",
    "totals",
]

# Where each lazily loaded name lives.
_HOME = {
    "parse": "api",
    "explain": "api",
    "explain_file": "api",
    "Explained": "tracing",
    "parse_bytes": "api",
    "parse_file": "api",
    "parse_file_json": "api",
    "render_html": "api",
    "parse_many": "batch",
    "ErrorRecord": "model.records",
    "SkippedRecord": "model.records",
    "owners": "export.owners",
    "totals": "export.owners",
    "table_rows": "export.tables",
    "target_rows": "export.targets",
    "network": "export.network",
    "frames": "export.tables",
    "read_tables": "export.tables",
    "OwnerRow": "export.owners",
    "UnitTotal": "export.owners",
    "Gazetteer": "extract.gazetteer",
    "Diagnostic": "model.document",
    "Document": "model.document",
    "Deadline": "model.document",
    "Figure": "model.document",
    "Furniture": "model.document",
    "Horizon": "model.document",
    "Issuer": "model.document",
    "Citation": "model.document",
    "Node": "model.document",
    "ResponsibilityNote": "model.document",
    "ResponsibleUnit": "model.document",
    "Source": "model.document",
    "Target": "model.document",
    "PolicyParseError": "errors",
    "InputError": "errors",
    "MainGuardError": "errors",
    "NotFoundError": "errors",
    "NotAFileError": "errors",
    "EmptyInputError": "errors",
    "DecodeError": "errors",
    "BinaryInputError": "errors",
    "FormatError": "errors",
    "TooLargeError": "errors",
}

if TYPE_CHECKING:
    from .api import explain as explain
    from .api import explain_file as explain_file
    from .api import parse as parse
    from .api import parse_bytes as parse_bytes
    from .api import parse_file as parse_file
    from .api import parse_file_json as parse_file_json
    from .api import render_html as render_html
    from .batch import parse_many as parse_many
    from .errors import BinaryInputError as BinaryInputError
    from .errors import DecodeError as DecodeError
    from .errors import EmptyInputError as EmptyInputError
    from .errors import FormatError as FormatError
    from .errors import InputError as InputError
    from .errors import MainGuardError as MainGuardError
    from .errors import NotAFileError as NotAFileError
    from .errors import NotFoundError as NotFoundError
    from .errors import PolicyParseError as PolicyParseError
    from .errors import TooLargeError as TooLargeError
    from .export.network import network as network
    from .export.owners import OwnerRow as OwnerRow
    from .export.owners import UnitTotal as UnitTotal
    from .export.owners import owners as owners
    from .export.owners import totals as totals
    from .export.tables import frames as frames
    from .export.tables import read_tables as read_tables
    from .export.tables import table_rows as table_rows
    from .export.targets import target_rows as target_rows
    from .extract.gazetteer import Gazetteer as Gazetteer
    from .model.document import Citation as Citation
    from .model.document import Deadline as Deadline
    from .model.document import Diagnostic as Diagnostic
    from .model.document import Document as Document
    from .model.document import Figure as Figure
    from .model.document import Furniture as Furniture
    from .model.document import Horizon as Horizon
    from .model.document import Issuer as Issuer
    from .model.document import Node as Node
    from .model.document import ResponsibilityNote as ResponsibilityNote
    from .model.document import ResponsibleUnit as ResponsibleUnit
    from .model.document import Source as Source
    from .model.document import Target as Target
    from .model.records import ErrorRecord as ErrorRecord
    from .model.records import SkippedRecord as SkippedRecord
    from .tracing import Explained as Explained


if not TYPE_CHECKING:
    # Hidden from type checkers, so that a misspelt name is an error for them.

    def __getattr__(name: str) -> Any:
        home = _HOME.get(name)
        if home is None:
            raise AttributeError(f"module 'policyparse' has no attribute {name!r}")
        value = getattr(import_module(f".{home}", __name__), name)
        if home == "model.document":
            import_module(".export.notebook", __name__)  # Jupyter's display of a Document
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(__all__)
