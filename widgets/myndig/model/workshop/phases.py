"""The phases a facilitator moves the group through, in the order of the KLAR work process.

The order follows the guide *Læringssystem for kompetanseutvikling i NAV-kontor* (KLAR, 2017):
employees propose and choose themes, the office maps its knowledge flow (Sveiby's nine
transfers), outcomes are written after NKR, and the themes become the *Plan for læring*. The
pulse on empowerment closes the day. The facilitator may jump to any phase; the order is only
what "next" means.
"""

from __future__ import annotations

from enum import Enum

from myndig.i18n import t
from myndig.model.errors import InvalidInput


class Phase(Enum):
    WELCOME = "velkommen"
    PROPOSALS = "forslag"
    VOTING = "stemming"
    KNOWLEDGE_FLOW = "kunnskapsflyt"
    OUTCOMES = "utbytte"
    PLAN = "plan"
    PULSE = "puls"
    CLOSED = "avsluttet"

    @property
    def label(self) -> str:
        return t(f"workshop.fase_{self.value}")

    @property
    def instruction(self) -> str:
        return t(f"workshop.fase_{self.value}_hva")

    def next(self) -> Phase:
        order = list(Phase)
        return order[min(order.index(self) + 1, len(order) - 1)]

    def previous(self) -> Phase:
        order = list(Phase)
        return order[max(order.index(self) - 1, 0)]


def parse_phase(value: object) -> Phase:
    if isinstance(value, Phase):
        return value
    for phase in Phase:
        if value == phase.value:
            return phase
    raise InvalidInput(t("workshop.ukjent_fase", fase=value), field="fase")
