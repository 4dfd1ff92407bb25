"""Named rules in ordered chains, and the trace of what each decided.

Every decision the parser makes (where a block goes in the outline, whether a
quantity is a target, which comparator and year it has, what a bracket says
about responsibility) is taken by a ``Chain``: an ordered list of small rule
functions over one explicit state.  The model is markdown-it-py's ``Ruler``:
chains have names, rules are enabled and disabled by name, and
``get_active_rules()`` says what runs.

The contract of a rule is ``rule(state, item) -> Decision | None``:

- ``None`` passes: the rule changed nothing, the next rule is asked;
- a ``Decision`` names an outcome and carries its ``edits``, callables the
  *engine* applies to the state, so no rule changes the state itself.  A
  decision that is not ``final`` (a phase change that places nothing) is
  applied and traced, and the chain goes on.

The engine takes a rule's name from its function and records one ``Step`` per
decision in the trace it is given, so ``policyparse FILE --explain`` can name
the rule behind every output.  Synthetic example::

    >>> def even(state: list[int], n: int) -> Decision | None:
    ...     '''Takes 2; leaves 3.'''
    ...     return Decision("even", (lambda s: s.append(n),)) if n % 2 == 0 else None
    >>> def odd(state: list[int], n: int) -> Decision | None:
    ...     '''Takes 3 (and anything even leaves).'''
    ...     return Decision("odd")
    >>> chain: Chain[list[int], int] = Chain("parity", (even, odd), span=lambda n: (n, n + 1))
    >>> seen: list[int] = []
    >>> trace: list[Step] = []
    >>> chain.decide(seen, 2, trace).outcome, seen, trace[0].rule
    ('even', [2], 'even')
    >>> chain.disable("even")
    ['even']
    >>> chain.get_active_rules()
    ['odd']
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

__all__ = ["Chain", "Decision", "Rule", "Step"]

S = TypeVar("S")
I = TypeVar("I")  # noqa: E741 (the item a chain decides on)


@dataclass(slots=True)
class Decision:
    """What a rule decided: an outcome, the edits that make it so, and why.

    Each edit is a callable the engine applies to the chain's state (a bound
    operation of the state's class, with its arguments: ``partial(OutlineState.warn,
    issue=…)``).
    """

    outcome: str
    edits: tuple[Callable[[Any], object], ...] = ()
    why: str = ""
    # Where the decision stands, for the trace: the item's span when empty; one step
    # per span when the rule decided for several items at once (a 分别 list).
    spans: tuple[tuple[int, int], ...] = ()
    final: bool = True
    rule: str = ""  # filled in by the engine (rules leave it empty)


@dataclass(frozen=True, slots=True)
class Step:
    """One line of the trace: which rule of which chain decided what, where, and why."""

    chain: str
    rule: str
    start: int
    end: int
    outcome: str
    why: str = ""
    final: bool = True  # False: a phase change that placed nothing


RuleFn = Callable[[S, I], "Decision | None"]


@dataclass(slots=True)
class Rule(Generic[S, I]):
    """A rule function with its name (the function's), the alternatives it runs in, its switch."""

    name: str
    fn: Callable[[S, I], Decision | None]
    alts: frozenset[str]
    enabled: bool = True

    @property
    def doc(self) -> str:
        """The rule's docstring: what it takes and what it leaves."""
        return (self.fn.__doc__ or "").strip()


class Chain(Generic[S, I]):
    """An ordered list of named rules; the first that decides (finally) wins.

    *alts* restricts a rule to some alternatives of the chain (the outline's phases):
    a rule named there runs only when ``decide`` is called with one of them.
    """

    def __init__(
        self,
        name: str,
        rules: Iterable[Callable[[S, I], Decision | None]],
        *,
        span: Callable[[I], tuple[int, int]],
        alts: Mapping[str, Collection[str]] | None = None,
    ) -> None:
        self.name = name
        self._span = span
        alts = alts or {}
        self._rules: list[Rule[S, I]] = []
        for fn in rules:
            rule_name = fn.__name__
            if any(r.name == rule_name for r in self._rules):
                raise ValueError(f"chain {name}: rule {rule_name} is listed twice")
            self._rules.append(Rule(rule_name, fn, frozenset(alts.get(rule_name, ()))))
        unknown = set(alts) - {r.name for r in self._rules}
        if unknown:
            raise ValueError(f"chain {name}: alternatives for unknown rules {sorted(unknown)}")
        self._cache: dict[str, tuple[tuple[str, Callable[[S, I], Decision | None]], ...]] = {}
        self.version = 0  # bumped when a rule is switched: what was decided may differ

    # -- the list -------------------------------------------------------------------
    @property
    def rules(self) -> tuple[Rule[S, I], ...]:
        """Every rule, in order, enabled or not."""
        return tuple(self._rules)

    def get_all_rules(self) -> list[str]:
        return [r.name for r in self._rules]

    def get_active_rules(self, alt: str = "") -> list[str]:
        """The names of the rules that run (in alternative *alt*, when given), in order."""
        return [name for name, _ in self._active(alt)]

    def _active(self, alt: str) -> tuple[tuple[str, Callable[[S, I], Decision | None]], ...]:
        found = tuple(
            (r.name, r.fn)
            for r in self._rules
            if r.enabled and (not alt or not r.alts or alt in r.alts)
        )
        self._cache[alt] = found
        return found

    def _switch(self, names: str | Iterable[str], on: bool) -> list[str]:
        wanted = [names] if isinstance(names, str) else list(names)
        known = {r.name: r for r in self._rules}
        missing = [n for n in wanted if n not in known]
        if missing:
            raise KeyError(f"chain {self.name} has no rule {', '.join(missing)}")
        for n in wanted:
            known[n].enabled = on
        self._cache.clear()
        self.version += 1
        return wanted

    def enable(self, names: str | Iterable[str]) -> list[str]:
        """Switch rules on by name; an unknown name is a KeyError, not silence."""
        return self._switch(names, True)

    def disable(self, names: str | Iterable[str]) -> list[str]:
        """Switch rules off by name (the last rule of a chain that must decide stays on)."""
        return self._switch(names, False)

    def enable_only(self, names: str | Iterable[str]) -> None:
        self._switch([r.name for r in self._rules], False)
        self._switch(names, True)

    @contextmanager
    def disabled(self, names: str | Iterable[str]) -> Iterator[None]:
        """Rules off for the ``with`` block only (tests and --explain experiments)."""
        before = {r.name: r.enabled for r in self._rules}
        self.disable(names)
        try:
            yield
        finally:
            for r in self._rules:
                r.enabled = before[r.name]
            self._cache.clear()
            self.version += 1

    # -- the engine -----------------------------------------------------------------
    def decide(
        self, state: S, item: I, trace: list[Step] | None = None, alt: str = ""
    ) -> Decision | None:
        """Ask the active rules in order; apply and trace each decision; the final one ends."""
        rules = self._cache.get(alt) or self._active(alt)
        for name, fn in rules:
            decision = fn(state, item)
            if decision is None:
                continue
            for edit in decision.edits:
                edit(state)
            if trace is not None:
                self._trace(trace, name, item, decision)
            if decision.final:
                decision.rule = name
                return decision
        return None

    def _trace(self, trace: list[Step], rule: str, item: I, decision: Decision) -> None:
        for start, end in decision.spans or (self._span(item),):
            trace.append(
                Step(self.name, rule, start, end, decision.outcome, decision.why, decision.final)
            )
