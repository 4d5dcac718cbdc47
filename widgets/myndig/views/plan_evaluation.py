"""The evaluation at the end of the period, and the next period's plan made from it.

For each theme: was it carried out, was it useful, what should change, and shall it go on? The
themes chosen to go on are carried into a new plan for the next period, with the changes noted.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as widgets

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.plan import (
    Answer,
    LearningPlan,
    carry_forward,
    make_period,
    make_review,
    review_summary,
    save_plan,
    set_review,
)
from myndig.views.plan_common import STYLE, WIDE, SharedPlan, button, heading, paragraph


def _answers() -> list[tuple[str, str]]:
    # "" rather than None for "not yet": toggle buttons show None as nothing chosen at all.
    return [(t("plan.svar_ikke_vurdert"), "")] + [(answer.label, answer.value)
                                                 for answer in Answer]


class ThemeReviewRow(widgets.VBox):
    """The four questions for one theme; each answer is saved as soon as it is given."""

    def __init__(self, owner: EvaluationWidget, index: int) -> None:
        self.owner, self.index = owner, index
        theme = owner.shared.plan.themes[index]
        review = theme.review
        self.done = widgets.ToggleButtons(description=t("plan.etikett_gjennomfort"), style=STYLE,
                                          options=_answers(),
                                          value=review.done.value if review.done else "")
        self.useful = widgets.ToggleButtons(description=t("plan.etikett_nyttig"), style=STYLE,
                                            options=_answers(),
                                            value=review.useful.value if review.useful else "")
        self.changes = widgets.Textarea(description=t("plan.etikett_endringer"), style=STYLE,
                                        layout=WIDE, rows=2, value=review.changes,
                                        continuous_update=False)
        self.carry = widgets.Checkbox(description=t("plan.etikett_videreforing"), indent=False,
                                      value=review.carry_forward)
        for control in (self.done, self.useful, self.changes, self.carry):
            control.observe(lambda _: self.save(), names="value")
        super().__init__([widgets.HTML(f"<h4>{escape(t('plan.eksport_tema', tema=theme.title))}"
                                       "</h4>"),
                          self.done, self.useful, self.changes, self.carry],
                         layout=widgets.Layout(border="1px solid #ccc", padding="4px",
                                               margin="4px 0"))

    def save(self) -> bool:
        try:
            review = make_review(self.done.value, self.useful.value, self.changes.value,
                                 self.carry.value)
            set_review(self.owner.shared.plan, self.index, review)
        except InvalidInput as error:
            self.owner.message.value = paragraph(str(error), alert=True)
            return False
        self.owner.message.value = paragraph(self.owner.shared.changed())
        return True


class EvaluationWidget(widgets.VBox):
    def __init__(self, shared: SharedPlan, *, next_file: str | Path | None = None) -> None:
        self.shared = shared
        self.next_file = Path(next_file) if next_file is not None else None
        self.next_plan: LearningPlan | None = None
        self.theme_rows: list[ThemeReviewRow] = []
        self._shown_titles: list[str] | None = None
        self.reviews = widgets.VBox()
        self.summary = widgets.HTML()
        self.message = widgets.HTML()
        self.next_name = widgets.Text(description=t("plan.etikett_neste_periode"), style=STYLE,
                                      placeholder="Høsten 2026")
        self.next_start = widgets.DatePicker(description=t("plan.etikett_fra"), style=STYLE)
        self.next_end = widgets.DatePicker(description=t("plan.etikett_til"), style=STYLE)
        self.carry_button = button("plan.knapp_neste_plan", "forward", primary=True)
        self.result = widgets.HTML()
        self.carry_button.on_click(lambda _: self.make_next_plan())
        shared.listen(self.refresh)
        super().__init__([
            heading("plan.overskrift_evaluering"),
            widgets.HTML(paragraph(t("plan.hjelp_evaluering"))),
            self.reviews, self.summary, self.message,
            heading("plan.overskrift_neste_periode", level=4),
            widgets.HBox([self.next_name, self.next_start, self.next_end]),
            self.carry_button, self.result,
        ])
        self.refresh()

    def refresh(self) -> None:
        plan = self.shared.plan
        titles = [theme.title for theme in plan.themes]
        # Rebuilding while someone types would take their cursor away; rebuild on new themes only.
        if titles != self._shown_titles:
            self.theme_rows = [ThemeReviewRow(self, index) for index in range(len(titles))]
            self.reviews.children = self.theme_rows
            self._shown_titles = titles
        self.summary.value = paragraph(review_summary(plan))

    def make_next_plan(self) -> LearningPlan | None:
        try:
            period = make_period(self.next_name.value, self.next_start.value, self.next_end.value)
        except InvalidInput as error:
            self.result.value = paragraph(str(error), alert=True)
            return None
        following = carry_forward(self.shared.plan, period)
        self.next_plan = following
        text = t("plan.neste_plan_laget", antall=len(following.themes), periode=period.name)
        if self.next_file is not None:
            try:
                save_plan(self.next_file, following)
            except OSError as error:
                text += " " + t("plan.lagret_ikke", fil=self.next_file.name, feil=error.strerror)
            else:
                text += " " + t("plan.lagret", fil=self.next_file.name)
        self.result.value = paragraph(text)
        return following
