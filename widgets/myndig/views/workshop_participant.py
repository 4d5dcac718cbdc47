"""The participant's page: join, then follow the facilitator from phase to phase.

``ParticipantApp()`` follows the phase the facilitator sets; ``ParticipantApp(app=Phase.PULSE)``
(and the like) is a single app page that stays on one activity. Either way the participant's
link carries a secret token (``?deltaker=…``) so a reload or another app page continues as the
same participant instead of joining again.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

import ipywidgets as widgets

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.workshop import ParticipantSession, Phase, WorkshopService
from myndig.views.workshop_common import (
    Poller,
    default_service,
    html_text,
    paragraph,
    when_query_known,
)
from myndig.views.workshop_facilitator import LINK_STYLE
from myndig.views.workshop_flow import KnowledgeFlowWidget
from myndig.views.workshop_join import JoinWidget
from myndig.views.workshop_outcomes import OutcomesWidget
from myndig.views.workshop_plan import PlanWidget
from myndig.views.workshop_pulse import PulseWidget
from myndig.views.workshop_voting import VotingWidget

AppFactory = Callable[[ParticipantSession], widgets.Widget]
APPS: dict[Phase, AppFactory] = {
    Phase.PROPOSALS: VotingWidget,
    Phase.VOTING: VotingWidget,
    Phase.KNOWLEDGE_FLOW: KnowledgeFlowWidget,
    Phase.OUTCOMES: OutcomesWidget,
    Phase.PLAN: PlanWidget,
    Phase.PULSE: PulseWidget,
}


class ParticipantApp(widgets.VBox):
    def __init__(self, service: WorkshopService | None = None, *, app: Phase | None = None,
                 poll: bool = True) -> None:
        self.service = service if service is not None else default_service()
        self.fixed_app = app
        self.poll = poll
        self.session: ParticipantSession | None = None
        self.current: widgets.Widget | None = None
        self.current_phase: Phase | None = None
        self.poller: Poller | None = None
        self.join_widget = JoinWidget(self.service, self.enter)
        self.header = widgets.HTML()
        self.phase_info = widgets.HTML()
        self.area = widgets.VBox()
        super().__init__([self.join_widget])
        when_query_known(self.from_query)

    def from_query(self, values: dict[str, str]) -> None:
        """Continue as the participant in ``deltaker``, or fill in the code from ``kode``."""
        if self.session is not None:
            return
        token = values.get("deltaker")
        if token:
            try:
                self.enter(self.service.resume(token))
            except InvalidInput as error:
                self.join_widget.message.value = paragraph(str(error), alert=True)
            else:
                return
        if values.get("kode"):
            self.join_widget.code_input.value = values["kode"][:20]

    def enter(self, session: ParticipantSession) -> None:
        self.session = session
        link = "?" + urlencode({"deltaker": session.token})
        self.header.value = (
            f"<h2>{html_text(session.title)}</h2>"
            f"<p>{html_text(t('workshop.du_er_med_som', navn=session.label))} "
            f'<a href="{html_text(link)}" style="{LINK_STYLE}">'
            f'{html_text(t("workshop.din_lenke"))}</a> '
            f"{html_text(t('workshop.din_lenke_forklaring'))}</p>")
        self.children = [self.header, self.phase_info, self.area]
        if self.fixed_app is not None:
            self._show(self.fixed_app)
            return
        self.poller = Poller(lambda: session.changes()[1], self._phase_changed)
        self.poller.poll_once()
        if self.poll:
            self.poller.start()

    def _phase_changed(self) -> None:
        if self.session is not None:
            self._show(self.session.phase)

    def _show(self, phase: Phase) -> None:
        session = self.session
        if session is None:
            return
        same_app = (self.current is not None and self.current_phase is not None
                    and APPS.get(self.current_phase) is APPS.get(phase))
        self.current_phase = phase
        self.phase_info.value = (f"<p><strong>{html_text(phase.label)}.</strong> "
                                 f"{html_text(phase.instruction)}</p>")
        if same_app:
            return
        if self.current is not None and hasattr(self.current, "poller"):
            self.current.poller.stop()
        factory = APPS.get(phase)
        if factory is not None:
            self.current = factory(session, poll=self.poll)
            self.area.children = [self.current]
            return
        self.current = None
        self.area.children = []
