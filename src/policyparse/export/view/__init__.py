"""A parsed plan as one self-contained HTML page: the text, with what was found marked in place.

``render_view(doc, text)`` gives the page ``policyparse view PLAN`` writes: the
metadata and diagnostics, an outline linked to the text, the whole text with
every heading, target, figure, responsible unit and diagnostic marked where it
stands, a sortable and filterable table of the targets, and who owns what.

The page is built with lxml (elements, not strings), so every piece of the
document's text is escaped by construction.  The stylesheet and the scripts
are package files inlined into the page; a Content-Security-Policy lets only
those scripts (by their hash) run and forbids every request, so the page
opens from a file:// URL on a machine with no network and runs nothing a
document says.  The data the scripts read is JSON in a
``<script type="application/json">`` with ``<``, ``>`` and ``&`` written as
``\\u003c`` …, so no text can close that element.

Spans overlap, so the text is cut at every span boundary (``page``).  What goes
on the page (the items marked in the text, the rows of the tables) is
collected in ``data``; ``page`` builds the HTML from it, with what every page
of the package shares in ``export/html.py``.
"""

from __future__ import annotations

from ..html import asset as asset
from ..html import clean as clean
from .data import Decision, Item
from .page import render_view

__all__ = ["Decision", "Item", "render_view"]
