"""Evaluation at the end of the period, and carrying themes into the next plan.

The KLAR guide: when the plan's activities are done, the plan is evaluated, preferably with those
it concerned, to find what worked and should go on and what must change; evaluation is what makes
the plan a continuous learning loop. Here each theme is answered with three questions (carried
out? useful? what to change?) and a choice to carry it forward.
"""

from __future__ import annotations

import copy
from dataclasses import replace

from myndig.i18n import t
from myndig.model.plan.period import Period, Timing
from myndig.model.plan.plan import LearningPlan
from myndig.model.plan.themes import Answer, Theme, ThemeReview


def set_review(plan: LearningPlan, index: int, review: ThemeReview) -> None:
    plan.theme(index).review = review


def unreviewed(plan: LearningPlan) -> list[Theme]:
    return [theme for theme in plan.themes if theme.review.is_empty]


def review_summary(plan: LearningPlan) -> str:
    if not plan.themes:
        return t("plan.vurdering_ingen_temaer")
    done = sum(theme.review.done is Answer.YES for theme in plan.themes)
    useful = sum(theme.review.useful is Answer.YES for theme in plan.themes)
    carried = sum(theme.review.carry_forward for theme in plan.themes)
    return t("plan.vurdering_oppsummering", temaer=len(plan.themes), gjennomfort=done,
             nyttige=useful, videre=carried, uvurdert=len(unreviewed(plan)))


def carry_forward(plan: LearningPlan, next_period: Period) -> LearningPlan:
    """The next period's plan: same office, register, flow and group; the chosen themes.

    Times belong to the old period, so they are cleared and the new plan's check asks for new
    ones; what the evaluation said should change goes into the theme's note, where the working
    group will see it when planning.
    """
    following = LearningPlan(
        office=plan.office, period=next_period, leader=plan.leader,
        introduction=plan.introduction,
        working_group=copy.deepcopy(plan.working_group),
        register=copy.deepcopy(plan.register),
        flow=copy.deepcopy(plan.flow),
    )
    for theme in plan.themes:
        if not theme.review.carry_forward:
            continue
        notes = [theme.note] if theme.note else []
        if theme.review.changes:
            notes.append(t("plan.endringer_fra_forrige", periode=plan.period.name,
                           endringer=theme.review.changes))
        following.themes.append(Theme(
            title=theme.title, origins=theme.origins, responsible=theme.responsible,
            evaluation=Timing(), note="\n".join(notes)[:1000],
            rows=[replace(row, timing=Timing()) for row in theme.rows],
            review=ThemeReview(),
        ))
    return following
