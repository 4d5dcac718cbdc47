"""All the plan widgets on one plan, in the order of the KLAR work process, as tabs."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as widgets

from myndig.i18n import t
from myndig.model.plan import LearningPlan
from myndig.views.plan_arenas import ArenaRegisterWidget
from myndig.views.plan_builder import PlanBuilderWidget
from myndig.views.plan_common import SharedPlan
from myndig.views.plan_evaluation import EvaluationWidget
from myndig.views.plan_flow import KnowledgeFlowWidget
from myndig.views.plan_group import WorkingGroupWidget


class PlanApp(widgets.Tab):
    """Working group → knowledge flow → arenas → plan → evaluation, on one shared plan."""

    def __init__(self, plan: LearningPlan | None = None, *,
                 answer_file: str | Path | None = None,
                 next_file: str | Path | None = None) -> None:
        self.shared = SharedPlan(plan, answer_file=answer_file)
        self.group = WorkingGroupWidget(self.shared)
        self.flow = KnowledgeFlowWidget(self.shared)
        self.arenas = ArenaRegisterWidget(self.shared)
        self.builder = PlanBuilderWidget(self.shared)
        self.evaluation = EvaluationWidget(self.shared, next_file=next_file)
        super().__init__(children=[self.group, self.flow, self.arenas, self.builder,
                                   self.evaluation])
        for index, key in enumerate(("plan.fane_arbeidsgruppe", "plan.fane_flyt",
                                     "plan.fane_arenaer", "plan.fane_plan",
                                     "plan.fane_evaluering")):
            self.set_title(index, t(key))

    @property
    def plan(self) -> LearningPlan:
        return self.shared.plan


def exercise_app(answer_file: str | Path = "svar-plan.json") -> PlanApp:
    """The graded version: the plan is loaded from and saved to ``answer_file`` at every change."""
    return PlanApp(answer_file=answer_file)


def example_app() -> PlanApp:
    """Røyken's spring 2015 plan to explore, not saved anywhere."""
    from myndig.model.plan import royken_2015

    return PlanApp(royken_2015())
