"""The 70/20/10 model: shares, summaries, validation and the JSON round trip."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from myndig.model.errors import InvalidFile, InvalidInput
from myndig.model.learning_mix import MAX_ACTIVITIES, LearningMix, Source


def team_mix() -> LearningMix:
    mix = LearningMix()
    mix.add("Oppfølging av brukere", "arbeid", 24)
    mix.add("Kollegaveiledning", "andre", 4)
    mix.add("Fadderordning", "andre", 2)
    mix.add("E-læring", "formell", 2)
    return mix


def test_shares_are_percent_of_hours():
    """Are the shares the hours per source as percent of all hours?"""
    shares = team_mix().shares()
    assert shares[Source.WORK] == pytest.approx(75.0)
    assert shares[Source.OTHERS] == pytest.approx(18.75)
    assert shares[Source.FORMAL] == pytest.approx(6.25)


def test_empty_mix_has_zero_shares_and_says_so():
    """Does an empty mix give zero shares and a summary that tells what to do?"""
    mix = LearningMix()
    assert set(mix.shares().values()) == {0.0}
    assert "Legg til" in mix.summary()


def test_summary_names_missing_source_and_large_difference():
    """Does the summary point out a missing source and a share far from the reference?"""
    mix = LearningMix()
    mix.add("Kurs i MI", "formell", 10)
    mix.add("Saksbehandling", "arbeid", 10)
    summary = mix.summary()
    assert "ingen aktiviteter i kategorien læring med og fra andre" in summary
    assert "formell opplæring er 40 prosentpoeng høyere" in summary
    assert "50 % læring i arbeidet" in summary


def test_summary_near_reference():
    """Is a mix close to 70/20/10 described as close?"""
    mix = LearningMix()
    mix.add("Arbeid", "arbeid", 70)
    mix.add("Kolleger", "andre", 20)
    mix.add("Kurs", "formell", 10)
    assert "nær tommelfingerregelen" in mix.summary()


@pytest.mark.parametrize(
    ("name", "source", "hours", "field"),
    [
        ("", "arbeid", 1, "navn"),
        ("   ", "arbeid", 1, "navn"),
        ("x" * 121, "arbeid", 1, "navn"),
        ("Kurs", "kurs", 1, "kilde"),
        ("Kurs", "formell", 0, "timer"),
        ("Kurs", "formell", -2, "timer"),
        ("Kurs", "formell", math.nan, "timer"),
        ("Kurs", "formell", "4", "timer"),
        ("Kurs", "formell", True, "timer"),
        ("Kurs", "formell", 201, "timer"),
    ],
)
def test_bad_input_is_refused_with_a_field(name, source, hours, field):
    """Is each kind of bad input refused, naming the field to correct, leaving the mix as it was?"""
    mix = team_mix()
    before = list(mix.activities)
    with pytest.raises(InvalidInput) as caught:
        mix.add(name, source, hours)
    assert caught.value.field == field
    assert str(caught.value)
    assert mix.activities == before


def test_duplicate_names_are_refused_case_insensitively():
    """Is the same activity refused twice, whatever its case and spacing?"""
    mix = team_mix()
    with pytest.raises(InvalidInput, match="står allerede"):
        mix.add("  kollegaveiledning ", "andre", 1)


def test_too_many_activities():
    """Is the list bounded so a runaway loop cannot fill an answer file?"""
    mix = LearningMix()
    for number in range(MAX_ACTIVITIES):
        mix.add(f"Aktivitet {number}", "arbeid", 1)
    with pytest.raises(InvalidInput, match="høyst"):
        mix.add("En til", "arbeid", 1)


def test_remove_out_of_range():
    """Is removing with nothing selected explained instead of crashing?"""
    with pytest.raises(InvalidInput, match="Velg en aktivitet"):
        team_mix().remove(-1)


def test_json_round_trip():
    """Does a mix survive to_json → from_json unchanged?"""
    mix = team_mix()
    assert LearningMix.from_json(mix.to_json()) == mix


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "ikke en lagret læringsmiks"),
        ({"format": "noe annet"}, "ikke en lagret læringsmiks"),
        ({"format": "myndig.laeringsmiks", "versjon": 99, "aktiviteter": []}, "versjon 99"),
        ({"format": "myndig.laeringsmiks", "versjon": 1, "aktiviteter": "x"}, "ikke en lagret"),
        ({"format": "myndig.laeringsmiks", "versjon": 1, "aktiviteter": [3]}, "Rad 1"),
        ({"format": "myndig.laeringsmiks", "versjon": 1,
          "aktiviteter": [{"navn": "A", "kilde": "arbeid", "timer_per_maaned": -1}]}, "Rad 1"),
    ],
)
def test_broken_json_is_explained(data, message):
    """Does a broken saved mix give a Norwegian explanation of what is wrong?"""
    with pytest.raises(InvalidFile, match=message):
        LearningMix.from_json(data)


@given(st.text(), st.sampled_from(["arbeid", "andre", "formell", "", "🙂"]),
       st.one_of(st.floats(allow_nan=True), st.integers(), st.text(), st.none()))
def test_no_input_crashes_the_model(name, source, hours):
    """Does any input either add an activity or raise InvalidInput, never anything else?"""
    mix = LearningMix()
    try:
        mix.add(name, source, hours)
    except InvalidInput as error:
        message = str(error)
    else:
        message = ""
        assert len(mix.activities) == 1
    assert message or mix.activities
