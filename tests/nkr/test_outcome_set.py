"""Tests of a theme's outcome set: validation, JSON round trip and Markdown export."""

from __future__ import annotations

import pytest
from myndig.model.errors import InvalidFile, InvalidInput
from myndig.model.nkr import Category, OutcomeSet
from myndig.model.nkr.outcome_set import MAX_OUTCOMES

GOOD = [
    "Deltakeren har kunnskap om hovedtrekkene i supported employment",
    "Deltakeren kan anvende SE-metodikken i oppfølging av brukere",
    "Deltakeren kan formidle erfaringer med SE til kolleger på fagmøtet",
]


def test_added_outcomes_are_kept_cleaned():
    """Is an added outcome kept with its bullet and extra spaces removed?"""
    outcomes = OutcomeSet()
    outcomes.add("  • Deltakeren kan anvende   SE-metodikken i oppfølging av brukere ")
    assert outcomes.outcomes == ["Deltakeren kan anvende SE-metodikken i oppfølging av brukere"]


def test_repeat_empty_and_too_many_are_refused():
    """Are a repeat, an empty line and one outcome too many refused with a message?"""
    outcomes = OutcomeSet()
    outcomes.add(GOOD[0])
    with pytest.raises(InvalidInput, match="allerede"):
        outcomes.add(GOOD[0].upper())
    with pytest.raises(InvalidInput):
        outcomes.add("   ")
    for number in range(MAX_OUTCOMES - 1):
        outcomes.add(f"Deltakeren kan anvende metode nummer {number} i oppfølgingen")
    with pytest.raises(InvalidInput, match="høyst"):
        outcomes.add("Deltakeren kan formidle resultater til kolleger")


def test_remove_needs_a_valid_choice():
    """Is removing with no valid selection refused with a message?"""
    outcomes = OutcomeSet(outcomes=list(GOOD))
    outcomes.remove(1)
    assert outcomes.outcomes == [GOOD[0], GOOD[2]]
    with pytest.raises(InvalidInput, match="Velg"):
        outcomes.remove(7)


def test_theme_and_level_are_validated():
    """Are a too long theme and a level outside 1–8 refused?"""
    outcomes = OutcomeSet()
    with pytest.raises(InvalidInput):
        outcomes.set_theme("x" * 500)
    with pytest.raises(InvalidInput):
        outcomes.set_target_level(9)
    outcomes.set_target_level(6)
    assert outcomes.target_level == 6


def test_json_round_trip_keeps_everything():
    """Does a set read back from its JSON equal the original?"""
    original = OutcomeSet("Supported employment", 6, list(GOOD))
    assert OutcomeSet.from_json(original.to_json()) == original


@pytest.mark.parametrize("data", [None, [], {"utbytter": "tekst"}, {"utbytter": [""]},
                                  {"utbytter": [], "maalnivaa": "seks"}])
def test_broken_json_is_an_invalid_file(data):
    """Is a file that is not a set of outcomes reported as InvalidFile with a reason?"""
    with pytest.raises(InvalidFile):
        OutcomeSet.from_json(data)


def test_markdown_groups_by_category_with_summary():
    """Does the Markdown export list outcomes under their category and end with the summary?"""
    markdown = OutcomeSet("Supported employment", 6, list(GOOD)).to_markdown()
    assert markdown.startswith("# Læringsutbytter: Supported employment")
    for category in Category:
        assert f"## {category.label}" in markdown
    assert "## Oppsummering" in markdown
    assert "Alle tre kategoriene er med." in markdown
