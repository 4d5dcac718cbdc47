"""Outcome analysis through the NKR analyser, when the kit has one.

The plan does not depend on the analyser: if ``myndig.model.nkr`` cannot be imported, or offers
neither ``analyse_statement`` nor ``analyse``, the plan works as before and simply has no outcome
notes. Only attributes are read from the analyser's answer (``category``, ``level``, ``findings``
with ``message`` and ``suggestion``), so a change inside the analyser cannot break the plan.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from myndig.model.plan.plan import LearningPlan

ANALYSER_MODULE = "myndig.model.nkr"


@dataclass(frozen=True)
class OutcomeNote:
    theme: int
    outcome: str
    category: str | None
    level: int | None
    findings: tuple[str, ...]


def find_analyser(module_name: str = ANALYSER_MODULE) -> Callable[[str], Any] | None:
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    for name in ("analyse_statement", "analyse"):
        analyse = getattr(module, name, None)
        if callable(analyse):
            return analyse
    return None


def _field(item: object, name: str) -> object:
    if isinstance(item, dict):
        return item.get(name)
    return getattr(item, name, None)


def _text_of(finding: object) -> str:
    parts = [_field(finding, name) for name in ("message", "suggestion")]
    words = " ".join(part for part in parts if isinstance(part, str) and part)
    return words or str(finding)


def _category_of(result: object) -> str | None:
    category = _field(result, "category")
    if category is None:
        return None
    label = getattr(category, "label", None)
    return str(label if isinstance(label, str) else getattr(category, "value", category))


def outcome_notes(plan: LearningPlan,
                  analyse: Callable[[str], Any] | None = None) -> list[OutcomeNote]:
    """The analyser's view of each outcome in the plan; empty when there is no analyser."""
    analyse = analyse if analyse is not None else find_analyser()
    if analyse is None:
        return []
    notes: list[OutcomeNote] = []
    for index, theme in enumerate(plan.themes):
        for outcome in theme.outcomes():
            # Someone else's analyser must never break a plan, whatever it raises.
            try:
                result = analyse(outcome)
            except Exception:
                continue
            findings = _field(result, "findings")
            level = _field(result, "level")
            notes.append(OutcomeNote(index, outcome, _category_of(result),
                                     level if isinstance(level, int) else None,
                                     tuple(_text_of(f) for f in findings or ())))
    return notes
