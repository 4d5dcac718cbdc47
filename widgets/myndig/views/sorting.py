"""A widget for sorting cases into categories, over :class:`myndig.model.sorting.Sorting`.

Each case is a paragraph with a group of radio buttons (one keyboard stop, arrow keys to choose,
named «Ditt svar for sak N» for screen readers). In practice mode the learner asks for
feedback with a button, and from then on each choice is explained as it is made. In exercise
mode no feedback is shown, so the graded answer is the learner's own, and every change is saved
to the answer file that nbgrader collects with the notebook. A graded task carries no answers
(see :mod:`myndig.model.sorting`), so it never offers feedback, whatever the caller asks.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as widgets

from myndig.answers import load_or_set_aside, save_json_atomic
from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.sorting import Sorting, SortingTask


class SortingWidget(widgets.VBox):
    """Radio buttons per card; writes every choice through the model's validation."""

    def __init__(self, task: SortingTask, *, heading: str, sorting: Sorting | None = None,
                 answer_file: str | Path | None = None, with_feedback: bool = True):
        self.task = task
        self.answer_file = Path(answer_file) if answer_file is not None else None
        self.with_feedback = with_feedback and task.has_answers
        self.feedback_shown = False
        notice = ""
        if sorting is None and self.answer_file is not None:
            loaded = load_or_set_aside(self.answer_file, Sorting.parser(task))
            sorting = loaded.value
            if loaded.kept_copy is not None:
                notice = t("sorting.gammel_fil_flyttet", feil=loaded.problem,
                           kopi=loaded.kept_copy.name)
        self.sorting = sorting if sorting is not None else Sorting(task)
        self._syncing = False

        self.choices: dict[str, widgets.RadioButtons] = {}
        self.feedback: dict[str, widgets.HTML] = {}
        rows: list[widgets.Widget] = []
        for number, card in enumerate(task.cards, start=1):
            choice = widgets.RadioButtons(
                options=[(category.label, category.value) for category in task.categories],
                value=None,
                description=t("sorting.valg", nummer=number),
                style={"description_width": "initial"},
            )
            choice.observe(self._on_choice(card.key), names="value")
            self.choices[card.key] = choice
            self.feedback[card.key] = widgets.HTML()
            rows.append(widgets.VBox([
                widgets.HTML(f"<p><strong>{escape(t('sorting.sak', nummer=number))}.</strong> "
                             f"{escape(card.text)}</p>"),
                choice,
                self.feedback[card.key],
            ], layout=widgets.Layout(margin="0 0 1em 0")))

        self.check_button = widgets.Button(description=t("sorting.knapp_sjekk"),
                                           tooltip=t("sorting.knapp_sjekk_hjelp"),
                                           button_style="primary", icon="check")
        self.reset_button = widgets.Button(description=t("sorting.knapp_nullstill"),
                                           tooltip=t("sorting.knapp_nullstill_hjelp"), icon="undo")
        self.check_button.on_click(lambda _: self.show_feedback())
        self.reset_button.on_click(lambda _: self.reset())
        self.message = widgets.HTML(value=_paragraph(notice, alert=True) if notice else "")
        self.summary = widgets.HTML()

        buttons = ([self.check_button, self.reset_button] if self.with_feedback
                   else [self.reset_button])
        super().__init__([
            widgets.HTML(f"<h3>{escape(heading)}</h3>"),
            *rows,
            widgets.HBox(buttons),
            self.message,
            self.summary,
        ])
        self.refresh()

    def place(self, card_key: str, category_value: str | None) -> bool:
        """Place a card (``None`` clears it) through the model; False with a message if refused."""
        try:
            if category_value is None:
                self.sorting.clear(card_key)
            else:
                self.sorting.place(card_key, category_value)
        except InvalidInput as error:
            self.message.value = _paragraph(str(error), alert=True)
            self.refresh()
            return False
        self._changed()
        return True

    def show_feedback(self) -> None:
        if not self.with_feedback:
            return
        self.feedback_shown = True
        self.refresh()

    def reset(self) -> None:
        self.sorting.clear_all()
        self.feedback_shown = False
        self._changed()

    def _on_choice(self, card_key: str):
        def handle(change: dict) -> None:
            if not self._syncing:
                self.place(card_key, change["new"])
        return handle

    def _changed(self) -> None:
        self.message.value = ""
        if self.answer_file is not None:
            try:
                save_json_atomic(self.answer_file, self.sorting.to_json())
            except OSError as error:
                self.message.value = _paragraph(
                    t("sorting.lagret_ikke", fil=self.answer_file.name, feil=error.strerror),
                    alert=True)
            else:
                self.message.value = _paragraph(t("sorting.lagret", fil=self.answer_file.name))
        self.refresh()

    def refresh(self) -> None:
        """Show the model's state: choices, and feedback once the learner has asked for it."""
        self._syncing = True
        try:
            for card in self.task.cards:
                self.choices[card.key].value = self.sorting.placement(card.key)
        finally:
            self._syncing = False
        for verdict in self.sorting.verdicts():
            box = self.feedback[verdict.card.key]
            if self.feedback_shown and verdict.answered:
                mark = "✅" if verdict.correct else "💡"
                box.value = _paragraph(f"{mark} {verdict.feedback()}")
            else:
                box.value = ""
        self.summary.value = _paragraph(self.sorting.summary()) if self.feedback_shown else ""


def _paragraph(text: str, *, alert: bool = False) -> str:
    role = "alert" if alert else "status"
    return f'<p role="{role}">{escape(text)}</p>'
