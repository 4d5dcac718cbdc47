"""The anonymous pulse: four statements on a 1–5 scale, and the group's result from five."""

from __future__ import annotations

import ipywidgets as widgets

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.workshop import ParticipantSession
from myndig.model.workshop.pulse import (
    DIMENSIONS,
    MIN_GROUP,
    SCALE_MAX,
    SCALE_MIN,
    PulseResult,
    dimension_label,
    statement,
)
from myndig.views.figures import PALETTE
from myndig.views.workshop_common import Poller, html_text, paragraph


def pulse_bars_html(result: PulseResult) -> str:
    """The group's averages as labelled bars on the 1–5 scale; empty while hidden."""
    if result.means is None:
        return ""
    rows = []
    for dimension, mean in result.means.items():
        width = 100 * (mean - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)
        shown = f"{mean:.1f}".replace(".", ",")
        rows.append(
            f'<li><span style="display:block">{html_text(dimension_label(dimension))}: '
            f"<strong>{shown}</strong></span>"
            f'<span aria-hidden="true" style="display:block;height:0.8em;width:{width:.0f}%;'
            f'min-width:2px;background:{PALETTE[2]}"></span></li>')
    heading = html_text(t("workshop.puls_gruppen"))
    return (f'<section aria-label="{heading}"><h3>{heading}</h3>'
            f'<ol style="list-style:none;padding:0;max-width:40em">{"".join(rows)}</ol></section>')


class PulseWidget(widgets.VBox):
    def __init__(self, session: ParticipantSession, *, poll: bool = True) -> None:
        self.session = session
        mine = session.my_pulse()
        self.scales: dict[str, widgets.ToggleButtons] = {}
        rows = []
        for dimension in DIMENSIONS:
            scale = widgets.ToggleButtons(
                options=[(str(value), value) for value in range(SCALE_MIN, SCALE_MAX + 1)],
                value=mine.get(dimension), description=dimension_label(dimension),
                tooltips=[t(f"workshop.skala_{value}") for value in range(SCALE_MIN,
                                                                          SCALE_MAX + 1)],
                style={"button_width": "3em", "description_width": "9em"})
            scale.observe(self._on_answer(dimension), names="value")
            self.scales[dimension] = scale
            rows.append(widgets.HTML(f"<p><strong>{html_text(statement(dimension))}</strong></p>"))
            rows.append(scale)
        self.message = widgets.HTML()
        self.result = widgets.HTML()
        self.summary = widgets.HTML()
        super().__init__([
            widgets.HTML(f"<h2>{html_text(t('workshop.puls_overskrift'))}</h2>"
                         f"<p>{html_text(t('workshop.puls_forklaring', minst=MIN_GROUP))}</p>"),
            *rows, self.message, self.result, self.summary,
        ])
        self.poller = Poller(session.changes, self.refresh)
        self.poller.poll_once()
        if poll:
            self.poller.start()

    def answer(self, dimension: str, score: object) -> bool:
        try:
            self.session.answer_pulse(dimension, score)
        except InvalidInput as error:
            self.message.value = paragraph(str(error), alert=True)
            return False
        self.message.value = paragraph(t("workshop.puls_lagret"))
        self.poller.poll_once()
        return True

    def _on_answer(self, dimension: str):
        def changed(change: dict) -> None:
            if change["new"] is not None:
                self.answer(dimension, change["new"])
        return changed

    def refresh(self) -> None:
        result = self.session.pulse_result()
        self.result.value = pulse_bars_html(result)
        self.summary.value = paragraph(result.summary())
