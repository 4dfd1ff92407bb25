"""Version numbers, importable without loading anything else.

``__version__`` is the package's only statement of its version: pyproject.toml
reads it from here.  ``SCHEMA_VERSION`` is the JSON contract's version; every
change to it is recorded in CHANGELOG.md.
"""

__version__ = "0.2.0"
SCHEMA_VERSION = "1.1"
