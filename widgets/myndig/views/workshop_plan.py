"""The office's shared plan: header filled in together, themes and outcomes from the
workshop, what is still missing, and the plan to take home as Word or Excel."""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path

import ipywidgets as widgets

from myndig.export import export_plan
from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.plan import LearningPlan, validate
from myndig.model.workshop import ParticipantSession
from myndig.views.workshop_common import Poller, html_text, paragraph
from myndig.views.workshop_facilitator import LINK_STYLE

DOWNLOADS = (
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
)


def download_links_html(plan: LearningPlan) -> str:
    """Links that save the plan as Word and Excel straight from the page (no server files)."""
    links = []
    with tempfile.TemporaryDirectory(prefix="myndig-plan-") as folder:
        for kind, mimetype in DOWNLOADS:
            path = export_plan(plan, Path(folder) / f"plan-for-laering.{kind}")
            encoded = base64.b64encode(path.read_bytes()).decode("ascii")
            label = t(f"workshop.plan_last_ned_{kind}")
            links.append(f'<a download="plan-for-laering.{kind}" style="{LINK_STYLE}" '
                         f'href="data:{mimetype};base64,{encoded}">{html_text(label)}</a>')
    return "<p>" + " · ".join(links) + "</p>"


def plan_html(plan: LearningPlan) -> str:
    parts = [f"<h3>{html_text(t('workshop.plan_for', kontor=plan.office))}</h3>"]
    for theme in plan.themes:
        rows = "".join(f"<li>{html_text(row.outcome)}</li>" for row in theme.rows if row.outcome)
        parts.append(f"<h4>{html_text(theme.title)}</h4>"
                     + (f"<ul>{rows}</ul>" if rows else
                        f"<p>{html_text(t('workshop.plan_tema_uten_utbytte'))}</p>"))
    problems = validate(plan)
    if problems:
        items = "".join(f"<li>{html_text(problem.shown())}</li>" for problem in problems[:12])
        parts.append(f"<h4>{html_text(t('workshop.plan_mangler'))}</h4><ul>{items}</ul>")
    return "".join(parts)


class PlanWidget(widgets.VBox):
    def __init__(self, session: ParticipantSession, *, poll: bool = True) -> None:
        self.session = session
        self.based_on = 0
        style = {"description_width": "initial"}
        self.office_input = widgets.Text(description=t("workshop.felt_kontor"), style=style,
                                         placeholder="NAV Røyken")
        self.period_input = widgets.Text(description=t("workshop.felt_periode"), style=style,
                                         placeholder=t("workshop.periode_eksempel"))
        self.start_input = widgets.Text(description=t("workshop.felt_fra"), style=style,
                                        placeholder="01.02.2026")
        self.end_input = widgets.Text(description=t("workshop.felt_til"), style=style,
                                      placeholder="30.06.2026")
        self.save_button = widgets.Button(description=t("workshop.knapp_lagre"),
                                          button_style="primary",
                                          tooltip=t("workshop.knapp_lagre"))
        self.make_button = widgets.Button(description=t("workshop.knapp_lag_filer"),
                                          tooltip=t("workshop.knapp_lag_filer"))
        self.message = widgets.HTML()
        self.preview = widgets.HTML()
        self.downloads = widgets.HTML()
        self.save_button.on_click(lambda _: self.save_header())
        self.make_button.on_click(lambda _: self.make_files())
        super().__init__([
            widgets.HTML(f"<h2>{html_text(t('workshop.plan_overskrift'))}</h2>"
                         f"<p>{html_text(t('workshop.plan_forklaring'))}</p>"),
            self.office_input, self.period_input, self.start_input, self.end_input,
            widgets.HBox([self.save_button, self.make_button]),
            self.message, self.preview, self.downloads,
        ])
        self.poller = Poller(session.changes, self.refresh)
        self.poller.poll_once()
        if poll:
            self.poller.start()

    def save_header(self) -> bool:
        try:
            header = self.session.set_plan_header(
                self.office_input.value, self.period_input.value, self.start_input.value,
                self.end_input.value, based_on=self.based_on)
        except InvalidInput as error:
            self.message.value = paragraph(str(error), alert=True)
            self.poller.poll_once()
            return False
        self.based_on = header.revision
        self.message.value = paragraph(t("workshop.plan_lagret"))
        self.poller.poll_once()
        return True

    def make_files(self) -> bool:
        try:
            plan = self.session.plan()
        except InvalidInput as error:
            self.message.value = paragraph(str(error), alert=True)
            return False
        self.downloads.value = download_links_html(plan)
        return True

    def refresh(self) -> None:
        header = self.session.plan_header()
        if header.revision != self.based_on:
            # A colleague saved the header: show theirs, so the next save builds on it.
            self.based_on = header.revision
            self.office_input.value = header.office
            self.period_input.value = header.period
            self.start_input.value = header.start
            self.end_input.value = header.end
        try:
            plan = self.session.plan()
        except InvalidInput as error:
            self.preview.value = paragraph(str(error))
            return
        self.preview.value = plan_html(plan)
