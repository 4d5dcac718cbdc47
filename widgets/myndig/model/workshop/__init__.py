"""Office workshops: sessions, phases, proposals and votes, knowledge flow and the pulse.

The rules live here in plain Python over the :class:`myndig.store.Store` interface; the
Voilà apps in ``course/verksted`` show them through ``myndig.views.workshop_*``.
"""

from myndig.model.workshop.codes import display_code, new_code, normalise_code
from myndig.model.workshop.phases import Phase, parse_phase
from myndig.model.workshop.session import (
    FacilitatorSession,
    ParticipantSession,
    ParticipantStatus,
    WorkshopService,
)

__all__ = [
    "FacilitatorSession",
    "ParticipantSession",
    "ParticipantStatus",
    "Phase",
    "WorkshopService",
    "display_code",
    "new_code",
    "normalise_code",
    "parse_phase",
]
