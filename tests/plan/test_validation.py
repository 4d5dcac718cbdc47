"""Every validation rule of the plan, each shown to fire and to stay quiet when it should."""

from __future__ import annotations

from dataclasses import replace

import pytest
from myndig.model.plan import (
    LearningPlan,
    Rule,
    Severity,
    Timing,
    make_member,
    make_period,
    make_row,
    make_theme,
    make_timing,
    new_plan,
    validate,
)
from myndig.model.plan.validation import errors, summary


def rules(plan: LearningPlan) -> set[Rule]:
    return {problem.rule for problem in validate(plan)}


def test_valid_plan_has_no_problems(plan):
    """Does a complete plan pass every check?"""
    assert validate(plan) == []
    assert "komplett" in summary(validate(plan))


def test_plan_without_themes(plan):
    """Is a plan with no themes an error?"""
    plan.themes.clear()
    assert Rule.NO_THEMES in rules(plan)


@pytest.mark.parametrize(("field", "word"), [
    ("outcome", "læringsutbytte"), ("arena", "arena"), ("method", "pedagogisk virkemiddel"),
    ("timing", "tid for gjennomføring")])
def test_missing_element_in_row(plan, field, word):
    """Is each missing element of a row named in Norwegian?"""
    theme = plan.themes[0]
    empty = {"outcome": "", "arena": "", "method": None, "timing": Timing()}[field]
    theme.rows[0] = replace(theme.rows[0], **{field: empty})
    found = [p for p in validate(plan) if p.rule is Rule.MISSING_ELEMENT]
    assert len(found) == 1
    assert word in found[0].message
    assert found[0].severity is Severity.ERROR
    assert (found[0].theme, found[0].row) == (0, 0)


@pytest.mark.parametrize(("field", "value", "word"), [
    ("origins", (), "hvor forslaget kom fra"), ("responsible", "", "ansvarlig"),
    ("evaluation", Timing(), "tid for evaluering")])
def test_missing_element_in_theme(plan, field, value, word):
    """Is each missing element of a theme named?"""
    setattr(plan.themes[0], field, value)
    found = [p for p in validate(plan) if p.rule is Rule.MISSING_ELEMENT]
    assert len(found) == 1
    assert word in found[0].message


def test_evaluation_before_completion(plan):
    """Is an evaluation dated before the theme's last activity an error?"""
    plan.themes[0].evaluation = make_timing("", "2026-11-01")
    found = [p for p in validate(plan) if p.rule is Rule.EVALUATION_BEFORE_COMPLETION]
    assert len(found) == 1
    assert "30.11.2026" in found[0].message


def test_evaluation_on_last_day_of_activity_is_fine(plan):
    """Is evaluating on the day the last activity ends allowed?"""
    plan.themes[0].evaluation = make_timing("", "2026-11-30")
    assert Rule.EVALUATION_BEFORE_COMPLETION not in rules(plan)


def test_row_date_outside_period(plan):
    """Is an activity dated after the period an error that names the date?"""
    theme = plan.themes[0]
    theme.rows[0] = replace(theme.rows[0], timing=make_timing("", "2027-01-15"))
    theme.evaluation = make_timing("", "2026-12-31")
    found = [p for p in validate(plan) if p.rule is Rule.OUTSIDE_PERIOD]
    assert len(found) == 1
    assert "15.01.2027" in found[0].message


def test_evaluation_outside_period(plan):
    """Is an evaluation after the period an error?"""
    plan.themes[0].evaluation = make_timing("", "2027-01-10")
    assert Rule.OUTSIDE_PERIOD in rules(plan)


def test_theme_without_outcomes(plan):
    """Is a theme with no rows, or rows without outcomes, reported as having no outcomes?"""
    plan.add_theme(make_theme("Nytt tema", ["leder"], "Leder", make_timing("", "2026-12-01")))
    assert Rule.THEME_WITHOUT_OUTCOMES in rules(plan)
    plan.themes[1].add_row(make_row("", "Fagmøte", "refleksjon", "", "Alle",
                                    make_timing("", "2026-10-10")))
    found = [p for p in validate(plan) if p.rule is Rule.THEME_WITHOUT_OUTCOMES]
    assert [p.theme for p in found] == [1]


def test_no_variation_in_methods(plan):
    """Is a plan where every row uses the same method warned about?"""
    theme = plan.themes[0]
    theme.rows = [replace(row, method=theme.rows[0].method) for row in theme.rows]
    found = [p for p in validate(plan) if p.rule is Rule.NO_VARIATION]
    assert len(found) == 1
    assert found[0].severity is Severity.WARNING
    assert "forelesning" in found[0].message


def test_only_non_involving_methods(plan):
    """Is a mix of lectures and courses only (no involving methods) warned about?"""
    from myndig.model.plan import Method

    theme = plan.themes[0]
    theme.rows[1] = replace(theme.rows[1], method=Method.COURSE)
    found = [p for p in validate(plan) if p.rule is Rule.NO_VARIATION]
    assert len(found) == 1
    assert "aktivt" in found[0].message


def test_arena_not_in_register(plan):
    """Is an arena the register does not hold an error that names it?"""
    theme = plan.themes[0]
    theme.rows[0] = replace(theme.rows[0], arena="Lunsjrommet")
    found = [p for p in validate(plan) if p.rule is Rule.UNKNOWN_ARENA]
    assert len(found) == 1
    assert "Lunsjrommet" in found[0].message


def test_arena_matches_case_and_alias(plan):
    """Does an arena match whatever its case, and by another name the register gives it?"""
    from myndig.model.plan import make_arena

    plan.register.add(make_arena("Teammøter/fagmøter", aliases=["Teammøte"]))
    theme = plan.themes[0]
    theme.rows[0] = replace(theme.rows[0], arena="KONTORMØTE")
    theme.rows[1] = replace(theme.rows[1], arena="teammøte")
    assert Rule.UNKNOWN_ARENA not in rules(plan)


def test_no_participants(plan):
    """Is a row without participants an error?"""
    theme = plan.themes[0]
    theme.rows[1] = replace(theme.rows[1], participants="")
    found = [p for p in validate(plan) if p.rule is Rule.NO_PARTICIPANTS]
    assert [(p.theme, p.row) for p in found] == [(0, 1)]
    assert "hvem som skal delta" in found[0].message


def test_time_in_words_only_is_a_warning(plan):
    """Is a time given only in words ('løpende') a warning, not an error?"""
    theme = plan.themes[0]
    theme.rows[0] = replace(theme.rows[0], timing=make_timing("Løpende"))
    found = [p for p in validate(plan) if p.rule is Rule.UNDATED]
    assert len(found) == 1
    assert found[0].severity is Severity.WARNING
    assert not errors(validate(plan))


def test_working_group_size(plan):
    """Are groups smaller than three or larger than five warned about, and 3–5 not?"""
    plan.working_group.remove(0)
    assert Rule.GROUP_SIZE in rules(plan)
    for name in ("Per", "Liv", "Siv"):
        plan.working_group.add(make_member(name))
    assert len(plan.working_group.members) == 5
    assert Rule.GROUP_SIZE not in rules(plan)
    plan.working_group.add(make_member("Tor"))
    assert Rule.GROUP_SIZE in rules(plan)


def test_no_proposals_from_employees(plan):
    """Is a plan whose themes all come from others than the employees warned about?"""
    plan.themes[0].origins = ()
    from myndig.model.plan import Origin

    plan.themes[0].origins = (Origin.LEADER,)
    assert Rule.NO_EMPLOYEE_PROPOSALS in rules(plan)


def test_missing_office_name():
    """Is a plan without an office name an error?"""
    blank = new_plan("Kontor", make_period("P", "2026-01-01", "2026-06-30"))
    blank.office = ""
    assert Rule.MISSING_ELEMENT in rules(blank)


def test_errors_come_before_warnings(plan):
    """Are errors listed before warnings?"""
    plan.working_group.members.clear()
    plan.themes[0].responsible = ""
    severities = [problem.severity for problem in validate(plan)]
    assert severities == sorted(severities, key=lambda s: s is not Severity.ERROR)
    assert severities[0] is Severity.ERROR
    assert severities[-1] is Severity.WARNING


def test_evaluation_in_words_only_is_a_warning(plan):
    """Is an evaluation time given only in words ('i juni') a warning that asks for a date?"""
    plan.themes[0].evaluation = make_timing("I juni")
    found = [p for p in validate(plan) if p.rule is Rule.UNDATED]
    assert len(found) == 1
    assert found[0].severity is Severity.WARNING
    assert "I juni" in found[0].message
