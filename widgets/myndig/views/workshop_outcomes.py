"""Writing learning outcomes together, with the NKR analyser's feedback before saving."""

from __future__ import annotations

import ipywidgets as widgets

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.nkr import Analysis, Category
from myndig.model.workshop import ParticipantSession
from myndig.model.workshop.outcomes import WorkshopOutcome, analyse, outcomes_summary
from myndig.model.workshop.text import MAX_FIELD_LENGTH
from myndig.views.workshop_common import Poller, html_text, paragraph


def category_label(value: str | None) -> str:
    return Category(value).label if value else t("workshop.utbytte_uten_kategori")


def analysis_html(analysis: Analysis) -> str:
    """The analyser's verdict on a draft, as a short list a participant can act on."""
    category = category_label(analysis.category.value if analysis.category else None)
    verdict = t("workshop.utbytte_kategori_niva", kategori=category, niva=analysis.level)
    items = [f"<li>{html_text(verdict)}</li>"]
    items += [f"<li>{html_text(finding.message)} {html_text(finding.suggestion)}</li>"
              for finding in analysis.findings]
    if not analysis.findings:
        items.append(f"<li>{html_text(t('workshop.utbytte_ingen_merknader'))}</li>")
    return f'<ul role="status">{"".join(items)}</ul>'


def outcomes_table_html(outcomes: list[WorkshopOutcome]) -> str:
    if not outcomes:
        return ""
    header = "".join(f'<th scope="col">{html_text(t(key))}</th>' for key in (
        "workshop.felt_tema", "workshop.felt_utbytte", "workshop.kolonne_kategori",
        "workshop.kolonne_niva"))
    rows = "".join(
        f"<tr><td>{html_text(outcome.theme)}</td><td>{html_text(outcome.text)}</td>"
        f"<td>{html_text(category_label(outcome.category))}</td><td>{outcome.level}</td></tr>"
        for outcome in outcomes)
    return (f'<table class="myndig-status"><caption>{html_text(t("workshop.utbytte_liste"))}'
            f"</caption><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>")


class OutcomesWidget(widgets.VBox):
    def __init__(self, session: ParticipantSession, *, poll: bool = True) -> None:
        self.session = session
        style = {"description_width": "initial"}
        wide = widgets.Layout(width="100%", max_width="40em")
        self.theme_input = widgets.Combobox(description=t("workshop.felt_tema"), style=style,
                                            layout=wide, ensure_option=False,
                                            placeholder=t("workshop.utbytte_tema_plassholder"))
        self.text_input = widgets.Textarea(description=t("workshop.felt_utbytte"), style=style,
                                           layout=wide, rows=3,
                                           placeholder=t("workshop.utbytte_eksempel"))
        self.check_button = widgets.Button(description=t("workshop.knapp_sjekk"),
                                           tooltip=t("workshop.knapp_sjekk"))
        self.save_button = widgets.Button(description=t("workshop.knapp_lagre"),
                                          button_style="primary",
                                          tooltip=t("workshop.knapp_lagre"))
        self.feedback = widgets.HTML()
        self.message = widgets.HTML()
        self.summary = widgets.HTML()
        self.table = widgets.HTML()
        self.check_button.on_click(lambda _: self.check())
        self.save_button.on_click(lambda _: self.save())
        super().__init__([
            widgets.HTML(f"<h2>{html_text(t('workshop.utbytte_overskrift'))}</h2>"
                         f"<p>{html_text(t('workshop.utbytte_forklaring', maks=MAX_FIELD_LENGTH))}"
                         "</p>"),
            self.theme_input, self.text_input,
            widgets.HBox([self.check_button, self.save_button]),
            self.feedback, self.message, self.summary, self.table,
        ])
        self.poller = Poller(session.changes, self.refresh)
        self.poller.poll_once()
        if poll:
            self.poller.start()

    def check(self) -> Analysis | None:
        try:
            analysis = analyse(self.text_input.value)
        except InvalidInput as error:
            self.feedback.value = paragraph(str(error), alert=True)
            return None
        self.feedback.value = analysis_html(analysis)
        return analysis

    def save(self) -> bool:
        try:
            self.session.add_outcome(self.theme_input.value, self.text_input.value)
        except InvalidInput as error:
            self.message.value = paragraph(str(error), alert=True)
            return False
        self.check()
        self.text_input.value = ""
        self.message.value = paragraph(t("workshop.utbytte_lagret"))
        self.poller.poll_once()
        return True

    def refresh(self) -> None:
        themes = [theme.text for theme in self.session.voting_result().themes]
        self.theme_input.options = themes
        outcomes = self.session.outcomes()
        self.summary.value = paragraph(outcomes_summary(outcomes))
        self.table.value = outcomes_table_html(outcomes)
