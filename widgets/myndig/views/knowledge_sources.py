"""Module 3: sort statements from practice by knowledge source."""

from __future__ import annotations

from pathlib import Path

from myndig.i18n import t
from myndig.model import knowledge_sources
from myndig.views.sorting import SortingWidget


def practice_widget() -> SortingWidget:
    """The course notebook's version: the learner checks the answers and reads why."""
    return SortingWidget(knowledge_sources.practice_task(),
                         heading=t("knowledge_sources.overskrift"))


def exercise_widget(answer_file: str | Path) -> SortingWidget:
    """The graded version: no feedback, every choice saved to ``answer_file``."""
    return SortingWidget(knowledge_sources.exercise_task(),
                         heading=t("knowledge_sources.overskrift"),
                         answer_file=answer_file, with_feedback=False)
