"""Command line: ``policyparse FILE`` prints the Document as JSON.

Exit statuses: 0 success; 1 internal error (a bug: please report it);
2 usage error or input that cannot be read.  Errors are one line on stderr.

One module per command (``parse``, the default, ``units``, ``batch``, ``view``,
``report``), with what they share in ``args`` (argument types and checks) and
``common`` (the one writer to -o or standard output, the input and its name);
``commands`` holds the table of commands and the routing of an argument list.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence

from .batch import Terminated, batch_signals
from .commands import COMMANDS, check_options, route, top_parser
from .common import EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, emit
from .parse import schema_json

__all__ = ["EXIT_INPUT", "EXIT_INTERNAL", "EXIT_OK", "main", "schema_json"]


def _closed_streams() -> None:
    """Standard error closed (``2>&-``): messages go nowhere, the work is still done.

    Python sets a closed stream to None, and print(file=None) writes to standard
    output instead: a JSON document would get a progress line in it.
    """
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _run(args: argparse.Namespace, parsers: dict[str, argparse.ArgumentParser]) -> int:
    """The command named; ``--completion`` is written from every command's parser."""
    if args.command == "parse" and args.completion:
        from .completion import script

        emit(script(args.completion, parsers), args.output)
        return EXIT_OK
    return COMMANDS[args.command].run(args, parsers[args.command])


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    # The command line uses no pydantic plugins; not scanning the installed
    # packages for them saves a noticeable part of a cold start.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _closed_streams()
    argv = list(sys.argv[1:] if argv is None else argv)
    top, parsers = top_parser()
    routed = route(argv, parsers)
    check_options(routed, parsers)
    args = top.parse_args(routed)
    command = args.command
    from ..errors import PolicyParseError, shown

    handlers = batch_signals() if command == "batch" else {}
    try:
        return _run(args, parsers)
    except Terminated:
        print("policyparse: terminated (SIGTERM)", file=sys.stderr)
        return 143
    except PolicyParseError as exc:
        print(f"policyparse: error: {shown(str(exc))}", file=sys.stderr)
        return EXIT_INPUT
    except OSError as exc:
        name = exc.filename
        where = shown(os.fsdecode(name)) if isinstance(name, str | bytes) else ""
        print(f"policyparse: error: {shown(exc.strerror or str(exc))}: {where}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("policyparse: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug; never show a traceback unless asked
        if os.environ.get("POLICYPARSE_DEBUG"):
            raise
        print(
            f"policyparse: internal error: {type(exc).__name__}: {shown(str(exc))} "
            "(set POLICYPARSE_DEBUG=1 for a traceback)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    finally:
        for signum, handler in handlers.items():
            if handler is not None:  # None: set outside Python, cannot be put back
                signal.signal(signum, handler)
