"""Theme proposals and voting, with the result live for everyone.

Participants' tabs draw the live result as an HTML bar chart: thirty kernels each rendering a
matplotlib image after every vote would keep two cores busy during the vote, while HTML bars
cost nothing and carry their numbers as real text. The facilitator's screen, the one projected
for the room, draws the matplotlib chart (:func:`voting_figure`) with the summary beside it.
"""

from __future__ import annotations

import ipywidgets as widgets
from matplotlib.figure import Figure

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.workshop import ParticipantSession
from myndig.model.workshop.text import MAX_PROPOSAL_LENGTH
from myndig.model.workshop.voting import MAX_VOTES, VotingResult
from myndig.views.figures import HATCHES, PALETTE, new_figure
from myndig.views.workshop_common import Poller, chart_text, html_text, paragraph

# Long themes are shortened on the chart's axis only; the summary and list show them in full.
AXIS_LABEL_LENGTH = 38


def result_bars_html(result: VotingResult) -> str:
    """The result as labelled HTML bars, most votes first; every number is written out."""
    if not result.themes:
        return ""
    top = max(theme.votes for theme in result.themes) or 1
    rows = []
    for theme in result.themes:
        width = 100 * theme.votes / top
        rows.append(
            '<li style="margin:0.2em 0">'
            f'<span style="display:block">{html_text(theme.text)}: '
            f'<strong>{theme.votes}</strong></span>'
            f'<span aria-hidden="true" style="display:block;height:0.8em;width:{width:.0f}%;'
            f'min-width:2px;background:{PALETTE[0]}"></span></li>')
    heading = html_text(t("workshop.resultat_overskrift"))
    return (f'<section aria-label="{heading}"><h3>{heading}</h3>'
            f'<ol style="list-style:none;padding:0;max-width:40em">{"".join(rows)}</ol></section>')


def voting_figure(result: VotingResult) -> Figure:
    """Horizontal bars, most votes at the top, the count written at the end of each bar."""
    themes = list(reversed(result.themes))
    figure = new_figure(6.4, max(1.6, 0.45 * len(themes) + 1.0))
    axes = figure.add_subplot()
    labels = [chart_text(_shorten(theme.text)) for theme in themes]
    bars = axes.barh(range(len(themes)), [theme.votes for theme in themes], color=PALETTE[0],
                     hatch=HATCHES[1], edgecolor="white")
    axes.bar_label(bars, padding=3)
    axes.set_yticks(range(len(themes)), labels)
    axes.set_xlabel(t("workshop.figur_stemmer"))
    axes.set_title(t("workshop.resultat_overskrift"))
    axes.set_xlim(0, max([theme.votes for theme in themes] + [1]) * 1.15)
    axes.xaxis.get_major_locator().set_params(integer=True)
    return figure


def _shorten(text: str) -> str:
    return text if len(text) <= AXIS_LABEL_LENGTH else text[:AXIS_LABEL_LENGTH - 1] + "…"


class VotingWidget(widgets.VBox):
    """Propose themes, give up to MAX_VOTES votes, and watch the result move."""

    def __init__(self, session: ParticipantSession, *, poll: bool = True) -> None:
        self.session = session
        style = {"description_width": "initial"}
        self.proposal_input = widgets.Text(
            description=t("workshop.felt_forslag"), style=style,
            placeholder=t("workshop.forslag_plassholder", maks=MAX_PROPOSAL_LENGTH),
            layout=widgets.Layout(width="100%", max_width="40em"))
        self.propose_button = widgets.Button(description=t("workshop.knapp_foresla"),
                                             button_style="primary",
                                             tooltip=t("workshop.knapp_foresla"))
        self.message = widgets.HTML()
        self.votes_left = widgets.HTML()
        self.choices = widgets.VBox(layout=widgets.Layout(max_width="40em"))
        self.result = widgets.HTML()
        self.summary = widgets.HTML()
        self._checkboxes: dict[int, widgets.Checkbox] = {}
        self._updating = False
        self.propose_button.on_click(lambda _: self.propose())
        super().__init__([
            widgets.HTML(f"<h2>{html_text(t('workshop.stemming_overskrift'))}</h2>"
                         f"<p>{html_text(t('workshop.stemming_forklaring', maks=MAX_VOTES))}</p>"),
            widgets.HBox([self.proposal_input, self.propose_button]),
            self.message,
            widgets.HTML(f"<h3>{html_text(t('workshop.stem_overskrift'))}</h3>"),
            self.votes_left,
            self.choices,
            self.result,
            self.summary,
        ])
        self.poller = Poller(session.changes, self.refresh)
        self.poller.poll_once()
        if poll:
            self.poller.start()

    def propose(self) -> bool:
        try:
            self.session.propose(self.proposal_input.value)
        except InvalidInput as error:
            self.message.value = paragraph(str(error), alert=True)
            return False
        self.proposal_input.value = ""
        self.message.value = paragraph(t("workshop.forslag_lagt_til"))
        self.poller.poll_once()
        return True

    def vote(self, proposal_id: int, on: bool) -> bool:
        try:
            self.session.vote(proposal_id, on)
        except InvalidInput as error:
            self.message.value = paragraph(str(error), alert=True)
            self.refresh()  # put the checkbox back as the store has it
            return False
        self.message.value = ""
        self.poller.poll_once()
        return True

    def refresh(self) -> None:
        result = self.session.voting_result()
        mine = self.session.my_votes()
        self._updating = True
        try:
            for theme in sorted(result.themes, key=lambda theme: theme.proposal_id):
                box = self._checkboxes.get(theme.proposal_id)
                if box is None:
                    box = widgets.Checkbox(description=theme.text, indent=False,
                                           layout=widgets.Layout(width="auto"))
                    box.observe(self._on_box(theme.proposal_id), names="value")
                    self._checkboxes[theme.proposal_id] = box
                box.value = theme.proposal_id in mine
            self.choices.children = [self._checkboxes[theme.proposal_id]
                                     for theme in sorted(result.themes,
                                                         key=lambda theme: theme.proposal_id)]
        finally:
            self._updating = False
        left = MAX_VOTES - len(mine)
        self.votes_left.value = paragraph(t("workshop.stemmer_igjen", antall=left,
                                            maks=MAX_VOTES))
        self.result.value = result_bars_html(result)
        self.summary.value = paragraph(result.summary())

    def _on_box(self, proposal_id: int):
        def changed(change: dict) -> None:
            if not self._updating:
                self.vote(proposal_id, bool(change["new"]))
        return changed
