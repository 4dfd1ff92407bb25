"""A batch result as one self-contained HTML corpus report.

``write_report(jsonl, output, view)`` reads the JSONL of ``policyparse batch``
one line at a time (a corpus of thousands of documents is never held in
memory: each document leaves a row of counts behind) and writes a dashboard:
the documents, targets by year and by unit of measure, the units that own the
most measures and targets, and the documents that failed, carry errors or have
no structure.  A record with its text (``batch --with-text``) gets its own
view, written as ``<report>_files/<n>.html`` beside the report and linked
from it.

The report is read in ``data`` (a ``Corpus``, one record at a time) and drawn
in ``page``, built like the view of a plan (``export/view/``): lxml elements,
the package's own stylesheet and scripts under a Content-Security-Policy that
allows no request.
"""

from __future__ import annotations

from .data import Corpus, ViewFn, read_corpus
from .page import render_report as render_report
from .page import write_report

__all__ = ["Corpus", "ViewFn", "read_corpus", "write_report"]
