"""The stages declare what they read and write, and the declarations are true.

spaCy's ``analyze_pipes`` is the model: every field a stage reads was written by an
earlier stage (or is given), every stage's function takes exactly the fields it
declares, and running the stages fills exactly what they declare.
"""

from __future__ import annotations

import dataclasses
import inspect

from conftest import CORPUS
from policyparse.extract.gazetteer import load
from policyparse.inputs.read import load_str
from policyparse.pipeline import GIVEN, STAGES, Parse, Stage, run_stages

FIELDS = {f.name for f in dataclasses.fields(Parse)} | {"source"}


def test_every_field_read_was_written_before() -> None:
    written = set(GIVEN)
    for stage in STAGES:
        missing = set(stage.reads) - written
        assert not missing, f"{stage.name} reads {sorted(missing)} before any stage writes them"
        written |= set(stage.writes) | set(stage.appends)


def test_declared_fields_are_fields_and_the_function_takes_them() -> None:
    for stage in STAGES:
        for name in (*stage.reads, *stage.writes, *stage.appends):
            assert name in FIELDS, f"{stage.name}: {name} is no field of Parse"
        params = list(inspect.signature(stage.fn).parameters)
        assert params == list(stage.reads), f"{stage.name} takes {params}, declares {stage.reads}"


def test_every_field_is_filled_by_one_stage_and_read_by_a_later_one_or_the_model() -> None:
    writers: dict[str, list[str]] = {}
    for stage in STAGES:
        for name in stage.writes:
            writers.setdefault(name, []).append(stage.name)
    # blocks is rewritten on purpose: each layout stage hands on a better list; the
    # tables set their cell borders in the folded text; the plan's text (layout.plan)
    # replaces the source and what was found in it so far, the tables included.
    assert {k: v for k, v in writers.items() if len(v) > 1} == {
        "blocks": ["cut_blocks", "repair_blocks", "plan_text", "mark_roles"],
        "furniture": ["cut_blocks", "plan_text"],
        "folded": ["fold_text", "read_tables", "plan_text"],
        "rows": ["read_tables", "plan_text"],
        "tables": ["read_tables", "plan_text"],
    }
    filled = set(writers) | {a for s in STAGES for a in s.appends}
    assert filled - set(GIVEN) == FIELDS - set(GIVEN)


def test_running_a_stage_changes_only_what_it_declares() -> None:
    text = (CORPUS / "ningbo-2025-consumption.txt").read_text("utf-8")
    p = Parse(load_str(text), load(), [])
    for stage in STAGES:
        before = {f: _snapshot(getattr(p, f)) for f in FIELDS - {"source"}}
        stage.run(p)
        changed = {f for f in before if _snapshot(getattr(p, f)) != before[f]}
        # The trace is a shared sink: a stage that reads it adds its steps.
        allowed = set(stage.writes) | set(stage.appends) | ({"trace"} & set(stage.reads))
        assert changed <= allowed, f"{stage.name} changed {sorted(changed - allowed)}"


def _snapshot(value: object) -> object:
    """Enough of a field's value to see that it changed (identity and size)."""
    size = len(value) if isinstance(value, (list, dict, str)) else None
    return (id(value), size)


def test_a_stage_is_a_plain_description() -> None:
    stage = STAGES[0]
    assert isinstance(stage, Stage) and stage.name == "fold_text"
    p = run_stages(load_str("一、总体要求\n"))
    assert p.trace is None and p.outline is not None
