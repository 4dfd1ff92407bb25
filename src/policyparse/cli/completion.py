"""``policyparse --completion bash|zsh``: a shell completion script written from the parsers.

The script is generated from the argparse parsers themselves, so it names every
command, option and choice there is and never falls behind them.  It knows the one
habit of this command line a generic generator (shtab, argcomplete) does not: with no
command named, the options are parse's (``policyparse FILE --format csv``).  zsh runs
the bash script through bashcompinit.  Options whose value is a file (``-o``,
``--from``, ``--gazetteer``) complete file names, those with choices their choices,
others (a number, a name) nothing; plain words complete file names, and the first may
also be a command.
"""

from __future__ import annotations

import argparse

# The metavars of options whose value is a path: those complete file names.
_PATHS = {"FILE", "PATH", "OUT", "LIST", "OUT.jsonl"}

_HEAD = """\
# policyparse completion for {shell}: eval "$(policyparse --completion {shell})"
# (in {rc}; written from the parsers of policyparse {version})
"""

_FUNCTION = """\
_policyparse_files() {
    local IFS=$'\\n'
    COMPREPLY+=($(compgen -f -- "$1"))
}

_policyparse() {
    local cur prev cmd="" i
    COMPREPLY=()
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
            %(commands_case)s) cmd="${COMP_WORDS[i]}"; break ;;
        esac
    done
    case "${cmd:-parse} $prev" in
%(values)s
    esac
    if [[ "$cur" == -* ]]; then
        case "${cmd:-parse}" in
%(options)s
        esac
        return 0
    fi
    _policyparse_files "$cur"
    if [[ -z "$cmd" ]]; then
        COMPREPLY+=($(compgen -W "%(commands)s" -- "$cur"))
    fi
}
"""

_TAIL = {
    "bash": "complete -o filenames -F _policyparse policyparse\n",
    "zsh": "autoload -U +X bashcompinit && bashcompinit\n"
    "complete -o filenames -F _policyparse policyparse\n",
}


def _value_case(command: str, action: argparse.Action) -> str | None:
    """The case arm that completes the value of one option, or None for a flag."""
    if action.nargs == 0 or not action.option_strings:
        return None
    pattern = "|".join(f'"{command} {o}"' for o in action.option_strings)
    if action.choices is not None:
        words = " ".join(str(c) for c in action.choices)
        body = f'COMPREPLY=($(compgen -W "{words}" -- "$cur"))'
    elif action.metavar in _PATHS:
        body = '_policyparse_files "$cur"'
    else:
        body = ":"  # a number or a name: nothing to offer
    return f"        {pattern}) {body}; return 0 ;;"


def _options(parser: argparse.ArgumentParser) -> list[str]:
    return [o for a in parser._actions for o in a.option_strings]


def script(shell: str, parsers: dict[str, argparse.ArgumentParser]) -> str:
    """The completion script for *shell* (bash or zsh), of the commands' *parsers*."""
    from ..version import __version__

    values = [
        arm
        for name, p in parsers.items()
        for action in p._actions
        if (arm := _value_case(name, action)) is not None
    ]
    options = [
        f'            {name}) COMPREPLY=($(compgen -W "{" ".join(_options(p))}" -- "$cur")) ;;'
        for name, p in parsers.items()
    ]
    names = [n for n in parsers if n != "parse"]
    body = _FUNCTION % {
        "commands_case": "|".join(parsers),
        "values": "\n".join(values),
        "options": "\n".join(options),
        "commands": " ".join(names),
    }
    rc = "~/.bashrc" if shell == "bash" else "~/.zshrc, after compinit"
    return _HEAD.format(shell=shell, rc=rc, version=__version__) + "\n" + body + "\n" + _TAIL[shell]
