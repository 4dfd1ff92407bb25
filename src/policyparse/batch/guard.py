"""Worker processes that run the main module again (spawn): refused with one clear error.

Under the "spawn" start method (the default on macOS and Windows) and under
"forkserver" (the default on Linux from Python 3.14), a worker process imports
the main module again, as __mp_main__, before it takes work.  A script that
starts workers from its top-level code, outside ``if __name__ == "__main__":``,
would start them again in every worker.  Two checks stop that with one clear
error, raised in the parent:

- before any worker starts, the parent reads the script and finds the
  top-level statement that led to the call; outside any ``if`` (the guard, or
  whatever stands for it), it raises MainGuardError;
- a worker that nevertheless reaches run_many while importing the main module
  ends quietly (no traceback per worker), and the parent, whose pool breaks
  before any result came back, raises MainGuardError naming the script.
"""

from __future__ import annotations

import ast
import sys
import tokenize
from pathlib import Path
from types import FrameType
from typing import Any

from ..errors import MainGuardError

_GUARD_HINT = (
    'put the code that calls parse_many under `if __name__ == "__main__":` '
    "(or pass workers=1 to parse in this process)"
)


def _start_method() -> str:
    """The start method a new pool uses, without fixing it as a side effect."""
    import multiprocessing

    method = multiprocessing.get_start_method(allow_none=True)
    return method or multiprocessing.get_all_start_methods()[0]  # the first is the default


def rerun_script() -> str | None:
    """The file every new worker process runs again as its main module, if any.

    Mirrors ``multiprocessing.spawn``: a package's ``__main__.py`` and the
    interactive interpreter (no file) are left alone; so is every main module
    under the "fork" start method.
    """
    if _start_method() not in ("spawn", "forkserver"):
        return None
    main = sys.modules.get("__main__")
    name = getattr(getattr(main, "__spec__", None), "name", None)
    if name is not None and (name == "__main__" or name.endswith(".__main__")):
        return None
    path = getattr(main, "__file__", None)
    if not isinstance(path, str) or Path(path).stem == "ipython":
        return None
    return path


def _top_level_line(main: dict[str, Any]) -> int | None:
    """The line of the main module's top-level code that led to this call."""
    line = None
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:  # outwards: the last top-level frame of __main__ is the one
        if frame.f_globals is main and frame.f_code.co_name == "<module>":
            line = frame.f_lineno
        frame = frame.f_back
    return line


def _unguarded(source: str, line: int) -> bool:
    """Whether top-level *line* is outside every ``if`` (and names no ``__name__``).

    Lenient on purpose: any ``if`` or conditional expression around the line
    counts as a guard, so that only plain top-level code is refused here.
    """
    tree = ast.parse(source)
    for stmt in tree.body:
        if not stmt.lineno <= line <= (stmt.end_lineno or stmt.lineno):
            continue
        for node in ast.walk(stmt):
            if isinstance(node, ast.Name) and node.id == "__name__":
                return False
            if isinstance(node, ast.If | ast.IfExp | ast.Match) and node.lineno <= line <= (
                node.end_lineno or node.lineno
            ):
                return False
        return True
    return False


def _in_bootstrap() -> bool:
    """Whether this process is a new worker still importing the main module again."""
    import multiprocessing

    # Set by multiprocessing.spawn (and the fork server) while it prepares the
    # process, the same flag its own "bootstrapping phase" check reads.
    return bool(getattr(multiprocessing.current_process(), "_inheriting", False))


def check_main_guard(workers: int) -> None:
    """Refuse to start *workers* processes that would run the calling script again."""
    if _in_bootstrap():
        # A worker running an unguarded script again: end it without a traceback;
        # the parent, whose pool breaks before any result, says why.
        raise SystemExit(1)
    script = rerun_script()
    if script is None:
        return
    line = _top_level_line(vars(sys.modules["__main__"]))
    if line is None:
        return
    try:
        with tokenize.open(script) as fh:
            unguarded = _unguarded(fh.read(), line)
    except (OSError, SyntaxError, ValueError):
        return  # the script cannot be read: the second check still stands
    if unguarded:
        raise MainGuardError(
            f"{script}, line {line} calls parse_many outside "
            f'`if __name__ == "__main__":`; with the "{_start_method()}" start method each '
            f"of the {workers} worker processes runs {script} again first, and so would "
            "start workers of its own: " + _GUARD_HINT
        )


def broken_message(script: str) -> str:
    return (
        f'the worker processes ended before taking work: with the "{_start_method()}" '
        f"start method each of them runs {script} again first, and where that top-level "
        f'code calls parse_many outside `if __name__ == "__main__":` (under some other '
        f"`if`, say), the workers stop there; {_GUARD_HINT}. "
        "(A worker killed by the system, e.g. for want of memory, ends the same way.)"
    )
