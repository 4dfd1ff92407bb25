"""The commands, the top parser over them, and which command an argument list names."""

from __future__ import annotations

import argparse
import difflib
import os
import re

from ..version import __version__
from . import batch, network, parse, report, targets, units, view
from .args import Command, Parser
from .common import STDIN

COMMANDS = {
    "parse": Command(
        "policyparse",
        "parse one plan (the default: policyparse FILE is policyparse parse FILE)",
        "Turn a Chinese government action plan into a source-anchored JSON tree.",
        parse.EPILOG,
        parse.add_arguments,
        parse.run,
    ),
    "units": Command(
        "policyparse units",
        "who owns what: one row per responsible unit and node",
        "Who owns what: one row per responsible unit and node.",
        units.EPILOG,
        units.add_arguments,
        units.run,
    ),
    "targets": Command(
        "policyparse targets",
        "every target with who answers for it, filtered by year, unit or section",
        "Every target of plans, folders or a batch result, with the units that answer for it.",
        targets.EPILOG,
        targets.add_arguments,
        targets.run,
    ),
    "batch": Command(
        "policyparse batch",
        "parse a corpus in parallel, resumable",
        "Parse a corpus: files, folders (recursively) and globs of .txt, .html, .docx, "
        ".pdf, .doc and .wps.",
        batch.EPILOG,
        batch.add_arguments,
        batch.run,
    ),
    "view": Command(
        "policyparse view",
        "one plan as a self-contained HTML page, items marked in the text",
        "One plan as a self-contained HTML page: the text with what was found marked in place.",
        view.EPILOG,
        view.add_arguments,
        view.run,
    ),
    "report": Command(
        "policyparse report",
        "a batch result as a self-contained HTML corpus report",
        "A batch result (JSONL) as a corpus report in one self-contained HTML file.",
        report.EPILOG,
        report.add_arguments,
        report.run,
    ),
    "network": Command(
        "policyparse network",
        "the co-responsibility network of plans (GraphML, GEXF, CSV) for Gephi or networkx",
        "The units named on the same measures, as a network: GraphML, GEXF or CSV lists.",
        network.EPILOG,
        network.add_arguments,
        network.run,
    ),
}


def top_parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """policyparse COMMAND …, with parse the command when none is named."""
    top: argparse.ArgumentParser = Parser(
        prog="policyparse",
        usage="policyparse [parse] FILE [options] | policyparse {units,targets,batch,view,report,"
        "network} ...",
        description="Turn Chinese government action plans into source-anchored JSON trees.",
        epilog=parse.EPILOG + "\nEach command has its own --help (policyparse parse --help).\n",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    top.add_argument("--version", action="version", version=f"policyparse {__version__}")
    sub = top.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    parsers: dict[str, argparse.ArgumentParser] = {}
    for name, command in COMMANDS.items():
        p = sub.add_parser(
            name,
            prog=command.prog,
            help=command.short,
            description=command.description,
            epilog=command.epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.add_arguments(p)
        parsers[name] = p
    return top, parsers


def route(argv: list[str], parsers: dict[str, argparse.ArgumentParser]) -> list[str]:
    """Put the command first: ``--indent 2 units a.txt`` is ``units --indent 2 a.txt``.

    With no command named, the first plain argument is a file for parse.  A plain
    argument that is no file but close to a command's name is a typo: say so.
    """
    i = _first_plain(argv, _taking_values(parsers))
    if i >= len(argv):
        if any(t in ("-h", "--help", "--version") for t in argv):
            return argv
        return ["parse", *argv]
    token = argv[i]
    if token in parsers:
        return [token, *argv[:i], *argv[i + 1 :]]
    if token != STDIN and not os.path.exists(token):
        _refuse_typo(token, parsers)
    return ["parse", *argv]


def _taking_values(parsers: dict[str, argparse.ArgumentParser]) -> set[str]:
    """The options of any command that take a value (the next argument is not plain)."""
    return {
        option
        for p in parsers.values()
        for action in p._actions
        if action.nargs != 0
        for option in action.option_strings
    }


def _first_plain(argv: list[str], takes_value: set[str]) -> int:
    """The index of the first argument that is no option nor an option's value."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == STDIN or not token.startswith("-"):
            break
        i += 1 if "=" in token or token not in takes_value else 2
    return i


def _refuse_typo(token: str, parsers: dict[str, argparse.ArgumentParser]) -> None:
    """A usage error when *token*, no file, is close to the name of a command."""
    close = difflib.get_close_matches(token, list(parsers), n=1, cutoff=0.6)
    if close:
        parsers["parse"].error(f"{token}: no such file or command (did you mean {close[0]}?)")


_NUMBER = re.compile(r"-\d")  # -1, -0.5: a value, not an option


def check_options(argv: list[str], parsers: dict[str, argparse.ArgumentParser]) -> None:
    """Refuse an option the command does not have, before argparse reads anything (so
    that ``--outptu x`` is not reported as a missing -o): with the option meant, when
    one is close (``--fromat`` → ``--format``), or the command that has it."""
    if not argv or argv[0] not in parsers:
        return
    parser = parsers[argv[0]]
    known = _options(parser)
    for token in argv[1:]:
        if token == "--":
            return
        if not token.startswith("-") or token == STDIN or _NUMBER.match(token):
            continue
        name = token.split("=", 1)[0]
        if _known(name, known):
            continue
        elsewhere = [c for c, p in parsers.items() if c != argv[0] and name in _options(p)]
        if elsewhere:
            parser.error(f"unrecognized option {name} (an option of policyparse {elsewhere[0]})")
        close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
        if close:
            parser.error(f"unrecognized option {name} (did you mean {close[0]}?)")
        parser.error(f"unrecognized option {name} ({parser.prog} --help lists the options)")


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {o for a in parser._actions for o in a.option_strings}


def _known(name: str, known: set[str]) -> bool:
    """An option of the command: by its name, a prefix of one long name (argparse's
    abbreviations), or a short option with its value attached (-j4)."""
    if name in known or (name[:2] in known and not name.startswith("--")):
        return True
    return name.startswith("--") and any(o.startswith(name) for o in known)
