"""The parts of the plan: period and times, arenas, knowledge flow, working group, themes."""

from __future__ import annotations

from datetime import date

import pytest
from myndig.model.errors import InvalidInput
from myndig.model.plan import (
    TRANSFERS,
    ArenaKind,
    Method,
    Origin,
    Structure,
    make_arena,
    make_flow_row,
    make_member,
    make_period,
    make_review,
    make_row,
    make_theme,
    make_timing,
)
from myndig.model.plan.knowledge_flow import KnowledgeFlow
from myndig.model.plan.period import parse_date


def test_dates_in_iso_and_norwegian_form():
    """Are both 2015-04-22 and 22.04.2015 read as the same date?"""
    assert parse_date("2015-04-22", field="tid") == date(2015, 4, 22)
    assert parse_date("22.04.2015", field="tid") == date(2015, 4, 22)


@pytest.mark.parametrize("value", ["31.02.2015", "i morgen", 42, [2015]])
def test_bad_date_is_explained(value):
    """Is a date that is no date refused with a Norwegian example of a good one?"""
    with pytest.raises(InvalidInput, match=r"22\.04\.2015"):
        parse_date(value, field="tid")


def test_period_backwards_is_refused():
    """Is a period that ends before it starts refused?"""
    with pytest.raises(InvalidInput, match="Bytt om"):
        make_period("Våren", "2015-06-30", "2015-01-01")


def test_period_without_name_gets_one_from_dates():
    """Does a period without a name get one from its dates?"""
    assert make_period("", "2015-01-01", "2015-06-30").name == "1. januar 2015 – 30. juni 2015"


def test_timing_shows_words_before_dates():
    """Is a time shown in the words it was written in, and otherwise by its dates?"""
    assert make_timing("Løpende", "2015-01-01", "2015-06-30").shown() == "Løpende"
    assert make_timing("", "2015-04-22").shown() == "22. april 2015"
    assert make_timing("", None, "2015-05-01").shown() == "innen 1. mai 2015"
    assert make_timing("", "2015-04-22", "2015-04-23").shown() == "22. april 2015 – 23. april 2015"


def test_timing_backwards_is_refused():
    """Is a time whose end is before its start refused?"""
    with pytest.raises(InvalidInput):
        make_timing("", "2015-05-01", "2015-04-01")


def test_control_characters_are_removed():
    """Are control characters (which Word cannot hold) removed from text?"""
    theme = make_theme("SE\x00\x07 og\ttiltak", ["ansatte"])
    assert theme.title == "SE og tiltak"


def test_too_long_text_is_refused():
    """Is an over-long theme title refused with the limit named?"""
    with pytest.raises(InvalidInput, match="200"):
        make_theme("x" * 201)


@pytest.mark.parametrize("title", ["", "   ", "\x1b", "\x00 \t\x07"])
def test_a_theme_needs_a_title(title):
    """Is a title that is empty once spaces and control characters are gone refused, with an
    example of a good one?"""
    with pytest.raises(InvalidInput, match="Skriv inn et navn på temaet"):
        make_theme(title)


def test_non_text_is_refused():
    """Is a number where text belongs refused?"""
    with pytest.raises(InvalidInput, match="tekst"):
        make_theme(12)


def test_arena_register_refuses_duplicates_also_by_alias():
    """Can the same arena be registered twice, under its name or another name? (No.)"""
    from myndig.model.plan import ArenaRegister

    register = ArenaRegister()
    register.add(make_arena("Teammøter", "intern", aliases=["Fagmøte"]))
    with pytest.raises(InvalidInput, match="finnes allerede"):
        register.add(make_arena("teammøter"))
    with pytest.raises(InvalidInput, match="finnes allerede"):
        register.add(make_arena("Fagmøte"))
    register.replace(0, make_arena("Teammøter", "digital"))
    assert register.arenas[0].kind is ArenaKind.DIGITAL
    register.remove(0)
    with pytest.raises(InvalidInput):
        register.remove(0)


def test_arena_needs_name_and_known_kind():
    """Are an arena without name and an unknown kind refused with the choices listed?"""
    with pytest.raises(InvalidInput, match="navnet"):
        make_arena("  ")
    with pytest.raises(InvalidInput, match="«intern»"):
        make_arena("Kontormøte", "uformell")


def test_nine_transfers_follow_the_guide():
    """Are the nine transfers numbered and directed as in the KLAR guide's list?"""
    assert [item.number for item in TRANSFERS] == list(range(1, 10))
    assert TRANSFERS[0].source is TRANSFERS[0].target is Structure.INDIVIDUAL
    assert (TRANSFERS[1].source, TRANSFERS[1].target) == (Structure.INDIVIDUAL, Structure.EXTERNAL)
    assert (TRANSFERS[6].source, TRANSFERS[6].target) == (Structure.EXTERNAL, Structure.INTERNAL)
    assert TRANSFERS[8].source is TRANSFERS[8].target is Structure.INTERNAL
    assert TRANSFERS[3].label == "Fra individuell kompetanse til intern struktur"


@pytest.mark.parametrize("number", [0, 10, "1", True, None])
def test_unknown_transfer_is_refused(number):
    """Is a transfer number outside 1–9 (or not a number) refused?"""
    with pytest.raises(InvalidInput, match="1 til 9"):
        make_flow_row(number, "Kollegaveiledning")


def test_flow_weights_and_summary():
    """Do the weights add up each transfer's extent, and does the summary say so?"""
    flow = KnowledgeFlow()
    flow.add(make_flow_row(1, "Kollegaveiledning", extent=3))
    flow.add(make_flow_row(1, "Fadderordning", extent=1))
    flow.add(make_flow_row(6, "Brukerutvalg", extent=2))
    weights = flow.weights()
    assert weights[1] == 4
    assert weights[6] == 2
    assert weights[9] == 0
    text = flow.summary()
    assert "overføring 1" in text
    assert "33 %" in text  # 2 of 6 touch the external structure
    assert "2, 3, 4, 5, 7, 8 og 9" in text


def test_flow_extent_must_be_one_to_three():
    """Is an extent other than 1, 2 or 3 refused?"""
    with pytest.raises(InvalidInput):
        make_flow_row(1, "Kollegaveiledning", extent=5)


def test_working_group_refuses_duplicates_and_crowds():
    """Is the same member twice refused, and a group beyond twelve?"""
    from myndig.model.plan import WorkingGroup

    group = WorkingGroup()
    group.add(make_member("Kari"))
    with pytest.raises(InvalidInput, match="allerede"):
        group.add(make_member("kari"))
    for number in range(11):
        group.add(make_member(f"Medlem {number}"))
    with pytest.raises(InvalidInput, match="høyst 5"):
        group.add(make_member("En til"))


def test_empty_row_is_refused_but_incomplete_row_is_kept():
    """Is a blank row refused, while a half-filled row is accepted (validation says the rest)?"""
    with pytest.raises(InvalidInput, match="tom"):
        make_row()
    row = make_row("Kan anvende SE-metodikken")
    assert row.arena == ""
    assert row.method is None


def test_unknown_method_and_origin_are_refused():
    """Are an unknown method and an unknown origin refused with the choices?"""
    with pytest.raises(InvalidInput, match="«forelesning»"):
        make_row("Utbytte", method="tavleundervisning")
    with pytest.raises(InvalidInput, match="«ansatte»"):
        make_theme("Tema", ["naboen"])
    with pytest.raises(InvalidInput):
        make_theme("Tema", "ansatte")


def test_origins_are_kept_in_order_without_repeats():
    """Are origins stored once each, in the standard order?"""
    theme = make_theme("Tema", ["brukerutvalg", "ansatte", "brukerutvalg"])
    assert theme.origins == (Origin.EMPLOYEES, Origin.USER_COUNCIL)


def test_methods_involving():
    """Are guidance and reflection involving methods, and lectures not?"""
    assert Method.REFLECTION.involving
    assert Method.PEER_GUIDANCE.involving
    assert not Method.LECTURE.involving
    assert not Method.E_LEARNING.involving


def test_theme_outcomes_are_distinct():
    """Does a theme list an outcome once when it spans several rows?"""
    theme = make_theme("Tema", ["ansatte"])
    theme.add_row(make_row("A", "Fagmøte"))
    theme.add_row(make_row("A", "Kontormøte"))
    theme.add_row(make_row("B"))
    assert theme.outcomes() == ["A", "B"]


def test_row_edit_and_remove(plan):
    """Can a row be replaced and removed, and a missing row index explained?"""
    theme = plan.themes[0]
    theme.replace_row(0, make_row("Nytt utbytte"))
    assert theme.rows[0].outcome == "Nytt utbytte"
    theme.remove_row(0)
    assert len(theme.rows) == 1
    with pytest.raises(InvalidInput, match="Velg en rad"):
        theme.remove_row(5)


def test_theme_edit_keeps_rows_and_refuses_duplicate_titles(plan):
    """Does editing a theme keep its rows, and is a second theme with the same title refused?"""
    plan.update_theme(0, make_theme("Nytt navn", ["leder"]))
    assert plan.themes[0].title == "Nytt navn"
    assert len(plan.themes[0].rows) == 2
    with pytest.raises(InvalidInput, match="finnes allerede"):
        plan.add_theme(make_theme("nytt NAVN"))
    plan.add_theme(make_theme("Andre"))
    plan.move_theme(1, -1)
    assert [theme.title for theme in plan.themes] == ["Andre", "Nytt navn"]
    plan.remove_theme(0)
    with pytest.raises(InvalidInput, match="Velg et tema"):
        plan.theme(3)


def test_review_needs_known_answers():
    """Is an evaluation answer other than ja/delvis/nei refused?"""
    assert make_review("ja", "delvis", "Mer tid", True).carry_forward
    with pytest.raises(InvalidInput, match="«ja»"):
        make_review("kanskje")
    with pytest.raises(InvalidInput):
        make_review("ja", "ja", "", "ja")


def test_summaries_of_methods_and_timeline(plan):
    """Do the text summaries describe the method mix and the timeline in numbers?"""
    methods = plan.method_summary()
    assert "2 rader bruker 2 typer" in methods
    assert "50 %" in methods
    timeline = plan.timeline_summary()
    assert "2 aktiviteter har datoer" in timeline
    assert "september" in timeline
    assert "1 av 1 temaer" in timeline


def test_new_plan_starts_in_the_current_half_year():
    """Does a new plan get this spring (January–June) or this autumn (August–December)?"""
    from myndig.model.plan.period import half_year

    spring = half_year(date(2026, 3, 14))
    assert (spring.name, spring.start, spring.end) == ("Våren 2026", date(2026, 1, 1),
                                                      date(2026, 6, 30))
    autumn = half_year(date(2026, 7, 2))
    assert (autumn.name, autumn.start, autumn.end) == ("Høsten 2026", date(2026, 8, 1),
                                                      date(2026, 12, 31))
