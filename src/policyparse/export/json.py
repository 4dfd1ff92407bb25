"""JSON of a document dict, byte for byte what pydantic's model_dump_json() writes.

Two writers of the same bytes, for the plain dicts of ``pipeline.document_dict``
(keys in the models' field order, values already of the models' types):

- ``dumps``: pydantic-core's own serializer (``to_json``) run on the dicts,
  no model built.  About 25 times faster than ``dumps_python`` warm; what the
  library (``parse_file_json``) uses.
- ``dumps_python``: plain Python over the standard ``json`` module.  It needs
  no import of pydantic-core, which costs a cold start more than it saves on
  one plan, so the one-file command line uses it.

docs/performance.md ("Writing JSON") has the figures; the tests hold both
writers to ``model_dump_json()`` on every corpus document and on generated text.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from typing import Any, BinaryIO, Protocol


def dumps(data: dict[str, Any], indent: int | None = None) -> str:
    """*data* as JSON in pydantic's layout: compact, or indented by *indent* spaces.

    The models write infinite and undefined floats as ``null``
    (``ser_json_inf_nan``); so does this.
    """
    from pydantic_core import to_json

    return to_json(data, indent=indent, inf_nan_mode="null").decode()


def _float(x: float) -> str:
    # Where Python's repr and pydantic-core agree; elsewhere ask pydantic-core.
    if x == 0 or 1e-4 <= abs(x) < 1e16:
        return repr(x)
    if not math.isfinite(x):
        return "null"  # as the models write it, not JavaScript's Infinity
    from pydantic_core import to_json

    return to_json(x).decode()


def _scalar(o: Any) -> str:
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return str(o)
    if isinstance(o, float):
        return _float(o)
    if isinstance(o, str):
        return json.dumps(o, ensure_ascii=False)
    if isinstance(o, _dt.date):
        return f'"{o.isoformat()}"'
    raise TypeError(f"cannot write {type(o).__name__} as JSON")


class _Parts(Protocol):
    def append(self, part: str, /) -> None: ...


class _Sink:
    """Parts written to a binary file as they come, a few thousand at a time."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh = fh
        self.parts: list[str] = []

    def append(self, part: str) -> None:
        self.parts.append(part)
        if len(self.parts) >= 4096:
            self.flush()

    def flush(self) -> None:
        self.fh.write("".join(self.parts).encode("utf-8"))
        self.parts.clear()


def _write(o: Any, out: _Parts, indent: int | None, level: int) -> None:
    if isinstance(o, dict):
        if not o:
            out.append("{}")
            return
        if indent is None:
            out.append("{")
            for k, (key, value) in enumerate(o.items()):
                if k:
                    out.append(",")
                out.append(json.dumps(key, ensure_ascii=False) + ":")
                _write(value, out, None, 0)
            out.append("}")
            return
        pad = "\n" + " " * (indent * (level + 1))
        out.append("{")
        for k, (key, value) in enumerate(o.items()):
            out.append(("," if k else "") + pad + json.dumps(key, ensure_ascii=False) + ": ")
            _write(value, out, indent, level + 1)
        out.append("\n" + " " * (indent * level) + "}")
    elif isinstance(o, (list, tuple)):
        if not o:
            out.append("[]")
            return
        if indent is None:
            out.append("[")
            for k, value in enumerate(o):
                if k:
                    out.append(",")
                _write(value, out, None, 0)
            out.append("]")
            return
        pad = "\n" + " " * (indent * (level + 1))
        out.append("[")
        for k, value in enumerate(o):
            out.append(("," if k else "") + pad)
            _write(value, out, indent, level + 1)
        out.append("\n" + " " * (indent * level) + "]")
    else:
        out.append(_scalar(o))


def dump_python(data: dict[str, Any], fh: BinaryIO, indent: int | None = None) -> None:
    """``dumps_python`` written to *fh* as UTF-8 as it goes: the whole text is never held."""
    sink = _Sink(fh)
    _write(data, sink, indent, 0)
    sink.flush()


def dumps_python(data: dict[str, Any], indent: int | None = None) -> str:
    """``dumps`` without pydantic-core: the same bytes, slower, and a cheaper cold start."""
    out: list[str] = []
    _write(data, out, indent, 0)
    return "".join(out)
