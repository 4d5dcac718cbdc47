"""Evaluation at the end of the period and carrying themes into the next plan."""

from __future__ import annotations

from myndig.model.plan import (
    Answer,
    Rule,
    carry_forward,
    make_period,
    make_review,
    review_summary,
    set_review,
    validate,
)


def test_review_summary_counts_answers(plan):
    """Does the summary count themes done, useful, carried forward and not yet evaluated?"""
    assert "1 er ikke vurdert" in review_summary(plan)
    set_review(plan, 0, make_review("ja", "ja", "Flere rollespill", True))
    text = review_summary(plan)
    assert "1 gjennomført" in text
    assert "1 skal videreføres" in text
    assert "0 er ikke vurdert" in text


def test_carry_forward_keeps_chosen_themes_and_clears_times(plan):
    """Does the next plan keep only carried themes, with old times cleared and changes noted?"""
    from myndig.model.plan import make_theme

    plan.add_theme(make_theme("Avsluttes", ["leder"]))
    set_review(plan, 0, make_review("delvis", "ja", "Flere rollespill", True))
    set_review(plan, 1, make_review("ja", "nei", "", False))
    spring = make_period("Våren 2027", "2027-01-01", "2027-06-30")
    following = carry_forward(plan, spring)
    assert [theme.title for theme in following.themes] == ["Arbeidsmarkedskompetanse"]
    theme = following.themes[0]
    assert all(row.timing.is_empty for row in theme.rows)
    assert theme.evaluation.is_empty
    assert theme.review.done is None
    assert "Flere rollespill" in theme.note
    assert "Høsten 2026" in theme.note
    assert following.register.names() == plan.register.names()
    assert following.period == spring
    rules = {problem.rule for problem in validate(following)}
    assert Rule.MISSING_ELEMENT in rules  # the new plan asks for new times


def test_carry_forward_leaves_the_old_plan_alone(plan):
    """Is the evaluated plan unchanged after its successor is made?"""
    set_review(plan, 0, make_review("ja", "ja", "", True))
    following = carry_forward(plan, make_period("Våren 2027", "2027-01-01", "2027-06-30"))
    following.register.remove(0)
    following.themes[0].rows.clear()
    assert len(plan.register.arenas) == 3
    assert len(plan.themes[0].rows) == 2
    assert plan.themes[0].review.done is Answer.YES
