"""The facilitator's screen: create or reopen a workshop, show code and QR, move the phases,
see who has taken part and the results as they come in."""

from __future__ import annotations

import os
from urllib.parse import urlencode

import ipywidgets as widgets

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.workshop import FacilitatorSession, Phase, WorkshopService
from myndig.model.workshop.knowledge_flow import flow_summary
from myndig.model.workshop.outcomes import outcomes_summary
from myndig.model.workshop.pulse import MIN_GROUP
from myndig.model.workshop.text import MAX_TITLE_LENGTH
from myndig.views.figures import figure_html
from myndig.views.workshop_common import (
    Poller,
    default_service,
    html_text,
    paragraph,
    when_query_known,
)
from myndig.views.workshop_join import join_url, qr_html
from myndig.views.workshop_voting import voting_figure
from myndig.workshop_config import PUBLIC_URL_VARIABLE

FACILITATOR_PAGE = "voila/render/fasilitator.ipynb"
# Voilà's theme draws links like plain text; links must look like links (WCAG 1.4.1).
LINK_STYLE = "color:#0b57d0;text-decoration:underline"


def public_base_url() -> str:
    configured = os.environ.get(PUBLIC_URL_VARIABLE)
    if configured:
        return configured.rstrip("/")
    host = os.environ.get("SERVER_NAME") or os.environ.get("VOILA_APP_IP") or "127.0.0.1"
    port = os.environ.get("SERVER_PORT") or os.environ.get("VOILA_APP_PORT") or "8866"
    prefix = os.environ.get("VOILA_SERVER_URL", "/").rstrip("/")
    return f"http://{host}:{port}{prefix}"


def status_table_html(session: FacilitatorSession) -> str:
    """Who has taken part in what, as a table with headers (names escaped)."""
    statuses = session.status()
    if not statuses:
        return paragraph(t("workshop.ingen_deltakere"))
    header = "".join(f'<th scope="col">{html_text(t(key))}</th>' for key in (
        "workshop.kolonne_deltaker", "workshop.kolonne_forslag", "workshop.kolonne_stemmer",
        "workshop.kolonne_kunnskapsflyt", "workshop.kolonne_utbytte"))
    rows = "".join(
        f'<tr><th scope="row">{html_text(status.label)}</th><td>{status.proposals}</td>'
        f"<td>{status.votes}</td><td>{status.flow_entries}</td><td>{status.outcomes}</td></tr>"
        for status in statuses)
    voted = sum(1 for status in statuses if status.votes)
    caption = t("workshop.status_tekst", antall=len(statuses), stemt=voted)
    return (f'<style>.myndig-status th, .myndig-status td {{padding:0.2em 0.8em;'
            f'text-align:left}}</style><table class="myndig-status">'
            f"<caption>{html_text(caption)}</caption><thead><tr>{header}</tr></thead>"
            f"<tbody>{rows}</tbody></table>")


class FacilitatorWidget(widgets.VBox):
    """Creates a workshop (or reopens one with its key) and runs it."""

    def __init__(self, service: WorkshopService | None = None, *, poll: bool = True) -> None:
        self.service = service if service is not None else default_service()
        self.poll = poll
        self.session: FacilitatorSession | None = None
        self.poller: Poller | None = None
        self._last_result: object = None
        style = {"description_width": "initial"}
        self.title_input = widgets.Text(description=t("workshop.felt_tittel"), style=style,
                                        layout=widgets.Layout(width="32em"),
                                        placeholder=t("workshop.tittel_plassholder",
                                                      maks=MAX_TITLE_LENGTH))
        self.create_button = widgets.Button(description=t("workshop.knapp_opprett"),
                                            button_style="primary",
                                            tooltip=t("workshop.knapp_opprett"))
        self.key_input = widgets.Password(description=t("workshop.felt_nokkel"), style=style)
        self.open_button = widgets.Button(description=t("workshop.knapp_apne"),
                                          tooltip=t("workshop.knapp_apne"))
        self.message = widgets.HTML()
        self.create_button.on_click(lambda _: self.create())
        self.open_button.on_click(lambda _: self.open_with_key(self.key_input.value))
        self.start_screen = widgets.VBox([
            widgets.HTML(f"<h2>{html_text(t('workshop.nytt_verksted'))}</h2>"),
            widgets.HBox([self.title_input, self.create_button]),
            widgets.HTML(f"<h2>{html_text(t('workshop.apne_verksted'))}</h2>"),
            widgets.HBox([self.key_input, self.open_button]),
        ])

        self.heading = widgets.HTML()
        self.join_info = widgets.HTML()
        self.phase_select = widgets.Dropdown(
            description=t("workshop.felt_fase"), style=style,
            options=[(phase.label, phase.value) for phase in Phase])
        self.previous_button = widgets.Button(description=t("workshop.knapp_forrige"),
                                              tooltip=t("workshop.knapp_forrige"))
        self.next_button = widgets.Button(description=t("workshop.knapp_neste"),
                                          button_style="primary",
                                          tooltip=t("workshop.knapp_neste"))
        self.phase_info = widgets.HTML()
        self.status = widgets.HTML()
        self.chart = widgets.HTML(layout=widgets.Layout(max_width="640px"))
        self.summary = widgets.HTML()
        self.flow = widgets.HTML()
        self.pulse = widgets.HTML()
        self.phase_select.observe(self._phase_chosen, names="value")
        self.previous_button.on_click(lambda _: self._move(-1))
        self.next_button.on_click(lambda _: self._move(1))
        self.dashboard = widgets.VBox([
            self.heading, self.join_info,
            widgets.HTML(f"<h3>{html_text(t('workshop.faser_overskrift'))}</h3>"),
            widgets.HBox([self.previous_button, self.phase_select, self.next_button]),
            self.phase_info,
            widgets.HTML(f"<h3>{html_text(t('workshop.deltakere_overskrift'))}</h3>"),
            self.status, self.chart, self.summary, self.flow, self.pulse,
        ])
        self._updating = False
        super().__init__([self.start_screen, self.message])
        when_query_known(self._from_query)

    def _from_query(self, values: dict[str, str]) -> None:
        if self.session is None and values.get("nokkel"):
            self.open_with_key(values["nokkel"])

    def create(self) -> FacilitatorSession | None:
        try:
            session = self.service.create(self.title_input.value)
        except InvalidInput as error:
            self.message.value = paragraph(str(error), alert=True)
            return None
        self._show(session)
        return session

    def open_with_key(self, key: str) -> FacilitatorSession | None:
        try:
            session = self.service.facilitate(key)
        except InvalidInput as error:
            self.message.value = paragraph(str(error), alert=True)
            return None
        self._show(session)
        return session

    def _show(self, session: FacilitatorSession) -> None:
        self.session = session
        self.message.value = ""
        base = public_base_url()
        url = join_url(base, session.code)
        back = f"{base}/{FACILITATOR_PAGE}?{urlencode({'nokkel': session.key})}"
        self.heading.value = f"<h2>{html_text(session.title)}</h2>"
        self.join_info.value = (
            f'<div style="display:flex;gap:2em;flex-wrap:wrap;align-items:center">'
            f"<div>{qr_html(url, session.display_code)}</div><div>"
            f"<p>{html_text(t('workshop.kode_ledetekst'))}</p>"
            f'<p style="font-size:3em;font-weight:bold;letter-spacing:0.1em;margin:0">'
            f"{html_text(session.display_code)}</p>"
            f'<p>{html_text(t("workshop.eller_lenke"))} <a href="{html_text(url)}" '
            f'target="_blank" rel="noopener" style="{LINK_STYLE}">{html_text(url)}</a></p>'
            f'<p><a href="{html_text(back)}" style="{LINK_STYLE}">'
            f'{html_text(t("workshop.fasilitatorlenke"))}</a> '
            f"{html_text(t('workshop.fasilitatorlenke_hemmelig'))}</p></div></div>")
        self.children = [self.dashboard, self.message]
        self.poller = Poller(session.changes, self.refresh)
        self.poller.poll_once()
        if self.poll:
            self.poller.start()

    def _phase_chosen(self, change: dict) -> None:
        if self._updating or self.session is None:
            return
        self.session.set_phase(change["new"])
        self._after_change()

    def _move(self, step: int) -> None:
        if self.session is None:
            return
        if step > 0:
            self.session.next_phase()
        else:
            self.session.previous_phase()
        self._after_change()

    def _after_change(self) -> None:
        if self.poller is not None:
            self.poller.poll_once()

    def refresh(self) -> None:
        session = self.session
        if session is None:
            return
        phase = session.phase
        self._updating = True
        try:
            self.phase_select.value = phase.value
        finally:
            self._updating = False
        self.phase_info.value = paragraph(t("workshop.fase_na", fase=phase.label,
                                            hva=phase.instruction))
        self.status.value = status_table_html(session)
        result = session.voting_result()
        if result != self._last_result:
            self._last_result = result
            summary = result.summary()
            self.chart.value = (figure_html(voting_figure(result), summary)
                                if result.votes_cast else "")
            self.summary.value = paragraph(summary)
        self.flow.value = (paragraph(flow_summary(session.flow_entries()))
                           + paragraph(outcomes_summary(session.outcomes())))
        self.pulse.value = paragraph(t("workshop.puls_status", antall=session.pulse_respondents(),
                                       minst=MIN_GROUP))
