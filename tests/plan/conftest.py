"""A complete, valid plan to start each test from, so each test changes one thing."""

from __future__ import annotations

import pytest
from myndig.model.plan import (
    LearningPlan,
    make_arena,
    make_flow_row,
    make_member,
    make_period,
    make_row,
    make_theme,
    make_timing,
    new_plan,
)


def build_valid_plan() -> LearningPlan:
    plan = new_plan("NAV Eksempel", make_period("Høsten 2026", "2026-08-01", "2026-12-31"),
                    leader="Kontorleder")
    for name, kind, frequency in (("Kontormøte", "intern", "Hver 14. dag"),
                                  ("Fagmøte", "intern", "Ukentlig"),
                                  ("Frokostmøte med næringslivet", "ekstern", "Månedlig")):
        plan.register.add(make_arena(name, kind, frequency, "Alle veiledere", "Fagansvarlig"))
    for name in ("Kari", "Ola", "Aisha"):
        plan.working_group.add(make_member(name, "Veileder"))
    plan.flow.add(make_flow_row(1, "Kollegaveiledning", "Fagmøte", "Teamleder", 3))
    plan.flow.add(make_flow_row(3, "Bedriftsbesøk", "Frokostmøte med næringslivet", "", 1))
    theme = plan.add_theme(make_theme("Arbeidsmarkedskompetanse", ["ansatte"], "Teamleder",
                                      make_timing("", "2026-12-10")))
    theme.add_row(make_row("Veiledere har kunnskap om det lokale arbeidsmarkedet",
                           "Frokostmøte med næringslivet", "forelesning", "Innlegg",
                           "Alle veiledere", make_timing("", "2026-09-15")))
    theme.add_row(make_row("Veiledere kan bruke kartleggingsverktøyet i samtaler med brukere",
                           "Fagmøte", "ferdighetstrening", "Rollespill", "Veiledere i oppfølging",
                           make_timing("", "2026-10-01", "2026-11-30")))
    return plan


@pytest.fixture
def plan() -> LearningPlan:
    return build_valid_plan()
