"""Corpora: many files in, one record per file out, on all cores, resumable.

Workers parse files and send back finished JSON lines (and Akoma Ntoso XML
when asked), so the parent only writes.  Results come back in input order
through a bounded window of tasks in flight: memory does not grow with the
size of the corpus.  Each record is one line written with one system call,
so an interrupted run leaves at most one torn line at the end, which
``--resume`` drops before carrying on.

The package by concern: ``worker`` (what runs in a worker process), ``pool``
(the worker pool, time limits, dead workers; ``parse_many``), ``guard`` (scripts
that would start workers again under spawn), ``resume`` (reading back an existing
output), ``progress``, and ``output`` (the locked output file, the XML files, the
tables after).  The files of a run are found by ``inputs.discover`` (which every
command uses), and its records beside the Documents are ``model.records``.
"""

from __future__ import annotations

from ..inputs.discover import SUFFIXES, UNSUPPORTED, Skipped, expand, read_list
from ..model.records import ErrorRecord, SkippedRecord, skipped_line
from .guard import check_main_guard
from .output import (
    LockedOutput,
    OutputLockedError,
    akn_name,
    mark_stale,
    tables_from,
    write_akn,
)
from .pool import parse_many, run_many
from .progress import Progress
from .resume import Recorded, done_paths, read_recorded, record_path
from .worker import Result, error_result

__all__ = [
    "SUFFIXES",
    "UNSUPPORTED",
    "ErrorRecord",
    "LockedOutput",
    "OutputLockedError",
    "Progress",
    "Recorded",
    "Result",
    "Skipped",
    "SkippedRecord",
    "akn_name",
    "check_main_guard",
    "done_paths",
    "error_result",
    "expand",
    "mark_stale",
    "parse_many",
    "read_list",
    "read_recorded",
    "record_path",
    "run_many",
    "skipped_line",
    "tables_from",
    "write_akn",
]
