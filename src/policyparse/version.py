"""Version numbers, importable without loading anything else."""

SCHEMA_VERSION = "1.0"
