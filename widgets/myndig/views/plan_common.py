"""What the plan widgets share: one plan, saved after every change, and their small helpers.

Several widgets (arenas, knowledge flow, builder, evaluation) work on the same plan. They hold a
:class:`SharedPlan`, which saves the plan to the answer file after each change and tells the
other widgets to redraw, so an arena added in the register is offered in the builder at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path

import ipywidgets as widgets

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.plan import LearningPlan, load_plan_or_set_aside, new_plan, save_plan
from myndig.model.plan.period import half_year

STYLE = {"description_width": "initial"}
WIDE = widgets.Layout(width="100%")


def paragraph(text: str, *, alert: bool = False) -> str:
    role = "alert" if alert else "status"
    return f'<p role="{role}">{escape(text)}</p>'


def blank_plan() -> LearningPlan:
    return new_plan(t("plan.nytt_kontor"), half_year(date.today()))


class SharedPlan:
    """One plan for several widgets; saved atomically to ``answer_file`` after each change."""

    def __init__(self, plan: LearningPlan | None = None, *,
                 answer_file: str | Path | None = None) -> None:
        self.answer_file = Path(answer_file) if answer_file is not None else None
        self.notice = ""
        if plan is None and self.answer_file is not None:
            loaded = load_plan_or_set_aside(self.answer_file)
            plan = loaded.value
            if loaded.kept_copy is not None:
                self.notice = t("plan.gammel_fil_flyttet", feil=loaded.problem,
                                kopi=loaded.kept_copy.name)
        self.plan = plan if plan is not None else blank_plan()
        self._listeners: list[Callable[[], None]] = []

    def listen(self, callback: Callable[[], None]) -> None:
        self._listeners.append(callback)

    def changed(self) -> str:
        """Save (when bound to a file) and let every widget redraw; returns a status text."""
        status = ""
        if self.answer_file is not None:
            try:
                save_plan(self.answer_file, self.plan)
            except OSError as error:
                status = t("plan.lagret_ikke", fil=self.answer_file.name, feil=error.strerror)
            else:
                status = t("plan.lagret", fil=self.answer_file.name)
        for callback in list(self._listeners):
            callback()
        return status

    def replace(self, plan: LearningPlan) -> str:
        self.plan = plan
        return self.changed()


def attempt(shared: SharedPlan, message: widgets.HTML, action: Callable[[], object]) -> bool:
    """Make a change through the model: show its Norwegian error, or what saving said."""
    try:
        action()
    except InvalidInput as error:
        message.value = paragraph(str(error), alert=True)
        return False
    message.value = paragraph(shared.changed())
    return True


def split_names(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def button(key: str, icon: str, *, primary: bool = False) -> widgets.Button:
    label = t(key)
    return widgets.Button(description=label, tooltip=label, icon=icon,
                          button_style="primary" if primary else "",
                          layout=widgets.Layout(width="auto", min_width="9em"))


def heading(key: str, level: int = 3, **values: object) -> widgets.HTML:
    return widgets.HTML(f"<h{level}>{escape(t(key, **values))}</h{level}>")
