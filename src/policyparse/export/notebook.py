"""A Document in a notebook: the view in a frame of its own, or a summary.

A notebook shows HTML output inside its own page, where the view's stylesheet
would restyle the notebook and its scripts may not run.  The view goes into an
``<iframe srcdoc>`` instead (as mapping and plotting libraries do): its styles,
scripts and Content-Security-Policy stay inside the frame, and the frame's
sandbox lets its scripts run in an origin of their own.
"""

from __future__ import annotations

import html

from ..model.document import DISPLAY, Document

FRAME_HEIGHT = 640  # pixels: about a screen of the view, which scrolls inside the frame


def frame(page: str, height: int = FRAME_HEIGHT) -> str:
    """A whole HTML page as a fragment a notebook can show: an iframe holding it."""
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ccc" '
        'title="policyparse view"></iframe>'
    )


def summary(doc: Document) -> str:
    """What a Document without its text can show: its metadata and counts."""
    nodes = list(doc.walk())
    rows = [
        ("title", doc.title),
        ("文号", doc.doc_number),
        ("issuer", doc.issuer),
        ("published", str(doc.published) if doc.published else None),
        ("nodes", str(len(nodes))),
        ("targets", str(sum(len(n.targets) for n in nodes))),
        ("responsible units", str(sum(len(n.responsible_units) for n in nodes))),
        ("diagnostics", str(len(doc.diagnostics))),
    ]
    cells = "".join(
        f"<tr><th style='text-align:left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>"
        for k, v in rows
        if v is not None
    )
    hint = (
        "parse with <code>with_text=True</code> to see the text with every target and unit marked"
    )
    return f"<table>{cells}</table><p><small>{hint}</small></p>"


def document_html(doc: Document) -> str:
    """The notebook display of *doc*: the view when it holds its text, else a summary."""
    if doc.text is None:
        return summary(doc)
    from .view import render_view

    return frame(render_view(doc, doc.text))


# Jupyter asks a Document for its _repr_html_; this is what it gets.
if document_html not in DISPLAY:
    DISPLAY.append(document_html)
