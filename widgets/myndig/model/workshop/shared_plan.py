"""The office's *Plan for læring*, put together from what the workshop produced.

The themes with most votes become the plan's themes (origin: the employees, as in the KLAR
offices where "de temaene som har fått størst oppslutning er valgt"), and the outcomes written
for a theme become its rows. The plan's header (office, period) is one shared document:
anyone in the workshop may fill it in, and a write based on an old version is refused rather
than silently overwriting a colleague (see :meth:`myndig.store.base.Store.put_document`).
Arenas, methods and times are left for the working group to complete in the exported file;
the plan's validation says what is still missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.plan import LearningPlan, Origin, make_period, make_row, make_theme, new_plan
from myndig.model.workshop.outcomes import WorkshopOutcome
from myndig.model.workshop.text import MAX_TITLE_LENGTH, clean_text, comparison_key
from myndig.model.workshop.voting import VotingResult
from myndig.store.base import Conflict, Store

DOCUMENT = "plan"
MAX_PLAN_THEMES = 5


@dataclass(frozen=True)
class PlanHeader:
    office: str
    period: str
    start: str
    end: str
    revision: int

    def to_json(self) -> dict[str, Any]:
        return {"kontor": self.office, "periode": self.period, "fra": self.start,
                "til": self.end}


EMPTY_HEADER = PlanHeader("", "", "", "", 0)


def read_header(store: Store, workshop_id: int) -> PlanHeader:
    document = store.document(workshop_id, DOCUMENT)
    if document is None:
        return EMPTY_HEADER
    body = document.body
    return PlanHeader(body.get("kontor", ""), body.get("periode", ""), body.get("fra", ""),
                      body.get("til", ""), document.revision)


def write_header(store: Store, workshop_id: int, office: object, period: object, start: object,
                 end: object, *, based_on: int) -> PlanHeader:
    """Save the header if nobody changed it since revision ``based_on``."""
    office_text = clean_text(office, field="kontor", label=t("workshop.felt_kontor"),
                             maximum=MAX_TITLE_LENGTH)
    checked = make_period(period, start, end)  # raises InvalidInput in Norwegian
    body = {"kontor": office_text, "periode": checked.name, "fra": checked.start.isoformat(),
            "til": checked.end.isoformat()}
    try:
        document = store.put_document(workshop_id, DOCUMENT, body, based_on)
    except Conflict:
        raise InvalidInput(t("workshop.plan_endret_av_andre")) from None
    return PlanHeader(body["kontor"], body["periode"], body["fra"], body["til"],
                      document.revision)


def build_plan(header: PlanHeader, result: VotingResult,
               outcomes: list[WorkshopOutcome]) -> LearningPlan:
    """The plan from the header, the most-voted themes and their outcomes."""
    if not header.office:
        raise InvalidInput(t("workshop.plan_mangler_hode"))
    plan = new_plan(header.office, make_period(header.period, header.start, header.end))
    chosen = [theme for theme in result.themes if theme.votes > 0][:MAX_PLAN_THEMES]
    for voted in chosen:
        theme = make_theme(voted.text, origins=[Origin.EMPLOYEES.value])
        for outcome in outcomes:
            if comparison_key(outcome.theme) == comparison_key(voted.text):
                theme.add_row(make_row(outcome=outcome.text))
        plan.add_theme(theme)
    return plan
