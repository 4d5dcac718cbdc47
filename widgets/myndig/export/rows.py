"""What goes in each table of an exported plan, shared by Word and Markdown."""

from __future__ import annotations

from myndig.i18n import t
from myndig.model.plan import TRANSFERS, LearningPlan, Theme


def theme_header() -> list[str]:
    return [t("plan.kolonne_utbytte"), t("plan.kolonne_arena"), t("plan.kolonne_virkemiddel"),
            t("plan.kolonne_deltakere"), t("plan.kolonne_tid")]


def theme_table(theme: Theme) -> tuple[list[str], list[list[str]], list[str]]:
    """The Røyken table for a theme, and the rows' notes (numbered) to print under it."""
    rows = [[row.outcome, row.arena, row.method_shown, row.participants, row.timing.shown()]
            for row in theme.rows]
    notes = [t("plan.eksport_radmerknad", rad=number, merknad=row.note)
             for number, row in enumerate(theme.rows, start=1) if row.note]
    return theme_header(), rows, notes


def theme_facts(theme: Theme) -> list[tuple[str, str]]:
    none = t("plan.eksport_ikke_satt")
    facts = [
        (t("plan.eksport_opphav"), ", ".join(o.label for o in theme.origins) or none),
        (t("plan.eksport_ansvarlig"), theme.responsible or none),
        (t("plan.eksport_evaluering"), theme.evaluation.shown() or none),
    ]
    if theme.note:
        facts.append((t("plan.eksport_merknad"), theme.note))
    return facts


def arena_header() -> list[str]:
    return [t("plan.kolonne_arena"), t("plan.kolonne_type"), t("plan.kolonne_hyppighet"),
            t("plan.kolonne_deltakere"), t("plan.kolonne_ansvarlig")]


def arena_cells(plan: LearningPlan) -> tuple[list[str], list[list[str]]]:
    rows = []
    for arena in plan.register.arenas:
        name = arena.name + (f" – {arena.description}" if arena.description else "")
        rows.append([name, arena.kind.label, arena.frequency, arena.participants,
                     arena.responsible])
    return arena_header(), rows


def flow_cells(plan: LearningPlan) -> tuple[list[str], list[list[str]]]:
    header = [t("plan.kolonne_overforing"), t("plan.kolonne_aktivitet"), t("plan.kolonne_arena"),
              t("plan.kolonne_ansvar"), t("plan.kolonne_omfang")]
    rows = []
    for transfer in TRANSFERS:
        for row in plan.flow.rows_for(transfer.number):
            rows.append([f"{transfer.number}. {transfer.label}", row.activity, row.arena,
                         row.responsible, row.extent.label])
    return header, rows
