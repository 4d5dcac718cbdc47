"""Module 2: sort cases from NAV offices as single- or double-loop learning."""

from __future__ import annotations

from pathlib import Path

from myndig.i18n import t
from myndig.model import learning_loops
from myndig.views.sorting import SortingWidget


def practice_widget() -> SortingWidget:
    """The course notebook's version: the learner checks the answers and reads why."""
    return SortingWidget(learning_loops.practice_task(), heading=t("learning_loops.overskrift"))


def exercise_widget(answer_file: str | Path) -> SortingWidget:
    """The graded version: no feedback, every choice saved to ``answer_file``."""
    return SortingWidget(learning_loops.exercise_task(), heading=t("learning_loops.overskrift"),
                         answer_file=answer_file, with_feedback=False)
