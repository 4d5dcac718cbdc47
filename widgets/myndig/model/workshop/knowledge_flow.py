"""Mapping the office's knowledge flow after Sveiby's nine knowledge transfers.

Sveiby (2001, *A knowledge-based theory of the firm to guide in strategy formulation*) names
nine transfers between individual competence, the internal structure and the external
structure; the KLAR guide (2017) uses them to map what an office already does, as a table of
activity, arena and responsibility per transfer. Participants add rows together; everyone sees
the shared table grow. The transfers themselves, and their names, are the plan model's
(``myndig.model.plan.TRANSFERS``), so the workshop and the Plan for læring say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.plan import TRANSFERS, transfer
from myndig.model.workshop.text import MAX_FIELD_LENGTH, clean_text
from myndig.store.base import EntryRecord

KIND = "kunnskapsflyt"
MAX_ENTRIES_PER_PARTICIPANT = 30


@dataclass(frozen=True)
class FlowEntry:
    entry_id: int
    participant_id: int
    transfer: int
    activity: str
    arena: str
    responsibility: str


def parse_transfer(value: object) -> int:
    try:
        return transfer(value).number
    except InvalidInput:
        # A participant picks from a list; the plan's message names a number they never typed.
        raise InvalidInput(t("workshop.flyt_ukjent_overforing"), field="overforing") from None


def flow_body(transfer: object, activity: object, arena: object,
              responsibility: object) -> dict[str, Any]:
    """The stored form of one row, or ``InvalidInput`` saying which field to fix."""
    return {
        "overforing": parse_transfer(transfer),
        "aktivitet": clean_text(activity, field="aktivitet", label=t("workshop.flyt_aktivitet"),
                                maximum=MAX_FIELD_LENGTH),
        "arena": clean_text(arena, field="arena", label=t("workshop.flyt_arena"),
                            maximum=MAX_FIELD_LENGTH, required=False),
        "ansvar": clean_text(responsibility, field="ansvar", label=t("workshop.flyt_ansvar"),
                             maximum=MAX_FIELD_LENGTH, required=False),
    }


def flow_entries(records: Iterable[EntryRecord]) -> list[FlowEntry]:
    return [FlowEntry(record.id, record.participant_id, int(record.body["overforing"]),
                      record.body["aktivitet"], record.body.get("arena", ""),
                      record.body.get("ansvar", ""))
            for record in records if record.kind == KIND]


def by_transfer(entries: Iterable[FlowEntry]) -> dict[int, list[FlowEntry]]:
    grouped: dict[int, list[FlowEntry]] = {item.number: [] for item in TRANSFERS}
    for entry in entries:
        grouped[entry.transfer].append(entry)
    return grouped


def flow_summary(entries: list[FlowEntry]) -> str:
    if not entries:
        return t("workshop.flyt_tom")
    grouped = by_transfer(entries)
    covered = [transfer for transfer, rows in grouped.items() if rows]
    missing = [str(transfer) for transfer, rows in grouped.items() if not rows]
    text = t("workshop.flyt_oppsummering", rader=len(entries), dekket=len(covered))
    if missing:
        text += " " + t("workshop.flyt_mangler", numre=", ".join(missing))
    return text
