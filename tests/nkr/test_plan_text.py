"""Tests of reading a pasted study plan: headings, shared stems and the items under them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from myndig.model.errors import InvalidInput
from myndig.model.nkr import analyse_set, analyse_statement
from myndig.model.nkr.plan_text import PlanOutcome, is_heading, is_stem, read_plan, with_stem


@pytest.mark.parametrize("line", ["Kunnskap", "Kunnskapar:", "Ferdigheter", "FERDIGHEITER",
                                  "Generell kompetanse:", "Generelle kompetanser",
                                  "Læringsutbytte", "Hva lærer du?"])
def test_headings_are_recognised(line):
    """Are the category headings plans use taken as headings, in bokmål and nynorsk?"""
    assert is_heading(line)


@pytest.mark.parametrize("line", ["Studenten har kunnskap om:", "Kandidaten", "Studenten...",
                                  "Kandidaten kan", "Etter fullført emne skal du kunne:"])
def test_stems_are_recognised(line):
    """Are a line ending in a colon and a bare subject taken as shared stems?"""
    assert is_stem(line)
    assert not is_heading(line)


@pytest.mark.parametrize("line", ["Kandidaten kan analysere saker etter forvaltningsloven",
                                  "har kunnskap om juridisk metode", "Kunnskap om lover"])
def test_whole_outcomes_are_neither_headings_nor_stems(line):
    """Is a line with an outcome in it left as an outcome?"""
    assert not is_heading(line)
    assert not is_stem(line)


@pytest.mark.parametrize(("stem", "item", "expected"), [
    ("Studenten har kunnskap om:", "- juridisk metode",
     "Studenten har kunnskap om juridisk metode"),
    ("Etter fullført emne skal du kunne:", "• Analysere saker",
     "Etter fullført emne skal du kunne analysere saker"),
    ("Kandidaten", "kan drøfte rettskilder", "Kandidaten kan drøfte rettskilder"),
    ("Studenten kan:", "kan drøfte rettskilder", "Studenten kan drøfte rettskilder"),
    ("Studenten...", "har bred kunnskap om NAV", "Studenten har bred kunnskap om NAV"),
    ("Studenten har kunnskap om:", "IKT i forvaltningen",
     "Studenten har kunnskap om IKT i forvaltningen"),
])
def test_item_is_read_with_its_stem(stem, item, expected):
    """Is an item read as the plan's sentence: stem first, bullet gone, verb not said twice?"""
    assert with_stem(stem, item) == expected


def test_item_with_its_own_subject_stands_alone():
    """Does an item that names its own subject keep its own words?"""
    item = "Kandidaten kan veilede kolleger"
    assert with_stem("Studenten har kunnskap om:", item) == item


def test_plan_is_read_with_stems_ended_by_headings():
    """Does a stem cover the items under it, past blank lines, until a heading or a new stem?"""
    lines = ["Læringsutbytte", "Kunnskap", "Studenten har kunnskap om:", "- juridisk metode", "",
             "- forvaltningsrett", "Ferdigheter", "kan skrive vedtak", "Studenten kan:",
             "drøfte rettskilder"]
    assert read_plan(lines) == [
        PlanOutcome(4, "- juridisk metode", "Studenten har kunnskap om"),
        PlanOutcome(6, "- forvaltningsrett", "Studenten har kunnskap om"),
        PlanOutcome(8, "kan skrive vedtak", ""),
        PlanOutcome(10, "drøfte rettskilder", "Studenten kan"),
    ]


def test_category_and_level_come_from_the_item_and_findings_from_the_sentence():
    """Are the category and the level read from the item alone (what held up on new plans),
    while the findings read the sentence and the stem is kept?"""
    item = "- hvordan brukere kan medvirke i egen sak"
    alone = analyse_statement(item)
    analysis = analyse_statement(item, stem="Studenten har inngående kunnskap om")
    assert (analysis.category, analysis.level) == (alone.category, alone.level)
    assert analysis.reasons == alone.reasons
    assert analysis.cleaned == ("Studenten har inngående kunnskap om hvordan brukere kan "
                                "medvirke i egen sak")
    assert analysis.stem == "Studenten har inngående kunnskap om"
    assert analysis.text == item
    assert analysis.to_json()["stem"] == "Studenten har inngående kunnskap om"
    assert "stem" not in analyse_statement("kan skrive vedtak").to_json()


def test_short_item_under_a_stem_is_not_too_short():
    """Is a noun phrase under «Studenten har kunnskap om:» judged as the whole sentence, so it
    is not called too short, while the same words alone are?"""
    assert "for_kort" in analyse_statement("juridisk metode").codes()
    assert "for_kort" not in analyse_statement("juridisk metode",
                                               stem="Studenten har kunnskap om").codes()


def test_teacher_centred_stem_is_found_in_each_item_under_it():
    """Does a stem that speaks of the course («Emnet gir deg kunnskap om:») give the finding for
    teacher-centred wording, which the item alone does not?"""
    item = "modeller for ledelse i NAV"
    assert "laererstyrt" not in analyse_statement(item).codes()
    assert "laererstyrt" in analyse_statement(item, stem="Emnet gir deg kunnskap om:").codes()


def test_stem_over_an_empty_item_is_not_an_outcome():
    """Is an empty item under a stem refused with the usual message, not read as the stem?"""
    with pytest.raises(InvalidInput, match="Skriv"):
        analyse_statement("  - ", stem="Studenten har kunnskap om")


def test_shared_stem_does_not_make_items_near_duplicates():
    """Are different items under one long stem not reported as near-duplicates?"""
    stem = ("Etter fullført og bestått emne skal studenten ha inngående kunnskap om og kunne "
            "gjøre rede for")
    items = ["forvaltningsloven", "arbeidsmiljøloven", "forvaltningsloven"]
    report = analyse_set([analyse_statement(item, stem=stem) for item in items])
    assert [(a, b) for a, b, _ in report.near_duplicates] == [(0, 2)]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=80),
                          st.sampled_from(["Kunnskap", "Studenten har kunnskap om:", "Kandidaten",
                                           "", "- juridisk metode", "kan drøfte rettskilder"])),
                max_size=12))
def test_any_text_reads_as_a_plan(lines):
    """Does any text give outcomes from its own lines, each analysed or refused in Norwegian?"""
    for outcome in read_plan(lines):
        assert lines[outcome.line - 1] == outcome.text
        assert outcome.text.strip()
        # A stem is a stem line of the text, read without its colon.
        assert not outcome.stem or any(is_stem(line) and line.strip().rstrip(":").rstrip()
                                       == outcome.stem for line in lines[:outcome.line - 1])
        message = ""
        try:
            analysis = analyse_statement(outcome.text, stem=outcome.stem)
        except InvalidInput as error:
            message = str(error)
        if message:
            assert any(word in message for word in ("læringsutbytte", "Skriv", "tegn"))
        else:
            assert analysis.text == outcome.text
