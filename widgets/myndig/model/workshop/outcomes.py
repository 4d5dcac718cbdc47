"""Learning outcomes written in the workshop, read by the NKR analyser as they are written.

The KLAR guide (2017) asks for outcomes per theme in the qualifications framework's three
categories: what the staff should know (kunnskap), be able to do (ferdigheter) and how they
should work (generell kompetanse). The analyser (:mod:`myndig.model.nkr`) estimates category and
level and points out common faults; its verdict is stored with the outcome so the group's list
shows it without analysing everything again in every tab.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from myndig.i18n import t
from myndig.model.nkr import Analysis, analyse_statement
from myndig.model.workshop.text import MAX_FIELD_LENGTH, MAX_PROPOSAL_LENGTH, clean_text
from myndig.store.base import EntryRecord

KIND = "utbytte"
MAX_OUTCOMES_PER_PARTICIPANT = 30


@dataclass(frozen=True)
class WorkshopOutcome:
    entry_id: int
    participant_id: int
    theme: str
    text: str
    category: str | None
    level: int
    findings: int


def analyse(text: object) -> Analysis:
    """The NKR analysis of a draft; ``InvalidInput`` in Norwegian for text that is no outcome."""
    cleaned = clean_text(text, field="utbytte", label=t("workshop.felt_utbytte"),
                         maximum=MAX_FIELD_LENGTH)
    return analyse_statement(cleaned)


def outcome_body(theme: object, text: object) -> dict[str, Any]:
    chosen = clean_text(theme, field="tema", label=t("workshop.felt_tema"),
                        maximum=MAX_PROPOSAL_LENGTH)
    analysis = analyse(text)
    return {"tema": chosen, "tekst": analysis.cleaned or analysis.text,
            "kategori": analysis.category.value if analysis.category else None,
            "niva": analysis.level, "merknader": len(analysis.findings)}


def workshop_outcomes(records: Iterable[EntryRecord]) -> list[WorkshopOutcome]:
    return [WorkshopOutcome(record.id, record.participant_id, record.body["tema"],
                            record.body["tekst"], record.body.get("kategori"),
                            int(record.body.get("niva", 0)), int(record.body.get("merknader", 0)))
            for record in records if record.kind == KIND]


def outcomes_summary(outcomes: list[WorkshopOutcome]) -> str:
    if not outcomes:
        return t("workshop.utbytte_tom")
    categories = Counter(outcome.category for outcome in outcomes)
    themes = len({outcome.theme for outcome in outcomes})
    return t("workshop.utbytte_oppsummering", antall=len(outcomes), temaer=themes,
             kunnskap=categories.get("kunnskap", 0),
             ferdigheter=categories.get("ferdigheter", 0),
             generell=categories.get("generell_kompetanse", 0),
             uklar=categories.get(None, 0))
