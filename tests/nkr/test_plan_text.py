"""Tests of reading a pasted study plan: headings, shared stems and the items under them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from myndig import spelling
from myndig.model.errors import InvalidInput
from myndig.model.nkr import analyse_set, analyse_statement, verbs
from myndig.model.nkr.lexicon import Category
from myndig.model.nkr.plan_text import (
    PlanOutcome,
    category_named_by,
    has_own_verb,
    is_heading,
    is_stem,
    read_plan,
    with_stem,
)
from myndig.model.nkr.text import prepare


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
    """Under a stem that names no category, are the category and the level read from the item
    alone (what held up on new plans), while the findings read the sentence and the stem is
    kept?"""
    item = "- hvordan brukere kan medvirke i egen sak"
    stem = "Etter fullført emne skal studenten ha inngående innsikt i"
    alone = analyse_statement(item)
    analysis = analyse_statement(item, stem=stem)
    assert (analysis.category, analysis.level) == (alone.category, alone.level)
    assert analysis.reasons == alone.reasons
    assert analysis.cleaned == f"{stem} hvordan brukere kan medvirke i egen sak"
    assert analysis.stem == stem
    assert analysis.text == item
    assert analysis.to_json()["stem"] == stem
    assert "stem" not in analyse_statement("kan skrive vedtak").to_json()


@pytest.mark.parametrize(("stem", "expected"), [
    ("Studenten har kunnskap om:", Category.KUNNSKAP),
    ("Emnet gir deg kunnskap om", Category.KUNNSKAP),
    ("Studenten har kunnskapar om:", Category.KUNNSKAP),
    ("Kandidaten skal ha gode kunnskaper om:", Category.KUNNSKAP),
    ("Studenten har fått kjennskap til:", Category.KUNNSKAP),
    ("Studenten skal ha ferdigheter i:", Category.FERDIGHETER),
    ("Studenten har ferdigheiter i:", Category.FERDIGHETER),
    ("Studenten har dugleik i:", Category.FERDIGHETER),
    ("Kandidaten har generell kompetanse til å:", Category.GENERELL_KOMPETANSE),
    ("Studenten skal ha følgende kompetanse:", None),
    ("Studenten skal ha kunnskap, ferdigheter og generell kompetanse i:", None),
    ("Studenten kan:", None),
    ("Studenten har innsikt i:", None),
    ("Studenten kan bruke kunnskapsbasert praksis til å:", None),
])
def test_stem_names_one_category_or_none(stem, expected):
    """Is the category a stem names found in bokmål and nynorsk, and is a stem that names none,
    or several, or only «kompetanse», left without one?"""
    assert category_named_by(stem) is expected


@pytest.mark.skipif(not spelling.is_available("nb"), reason="hunspell-no er ikke installert")
@pytest.mark.parametrize(("item", "expected"), [
    ("juridisk metode", False),
    ("- hvordan brukere kan medvirke i egen sak", False),
    ("kan lede et møte", True),
    ("Kan lede et møte", True),
    ("skal kunne lede et møte", True),
    ("Analysere data fra registre", True),
    ("drøfter egen praksis", True),
])
def test_an_item_has_its_own_verb_or_takes_the_stems(item, expected):
    """Does an item that opens with a modal or a verb count as having its own verb, and a noun
    phrase or a clause as taking the stem's?"""
    assert has_own_verb(prepare(item)) is expected


@pytest.mark.skipif(not spelling.is_available("nb"), reason="hunspell-no er ikke installert")
def test_stem_that_names_the_category_files_a_verbless_item():
    """Is a clause under «Emnet gir deg kunnskap om:», which alone reads as generell kompetanse,
    filed as kunnskap, with the stem as the reason and the level still the item's?"""
    item = "hvordan brukere kan medvirke i egen sak"
    alone = analyse_statement(item)
    assert alone.category is Category.GENERELL_KOMPETANSE
    analysis = analyse_statement(item, stem="Emnet gir deg kunnskap om:")
    assert analysis.category is Category.KUNNSKAP
    assert analysis.confidence >= 0.9
    assert "«Emnet gir deg kunnskap om»" in analysis.reasons[0]
    assert analysis.reasons[1] == "Alene ville punktet blitt lest som generell kompetanse."
    assert analysis.level == alone.level


def test_item_with_its_own_verb_is_not_filed_by_the_stem():
    """Does an item with its own modal and verb keep its own category under a stem that names
    another («Studenten har kunnskap om:» over «kan lede et møte»)?"""
    item = "kan lede et møte med brukeren"
    alone = analyse_statement(item)
    assert alone.category is not Category.KUNNSKAP
    analysis = analyse_statement(item, stem="Studenten har kunnskap om:")
    assert (analysis.category, analysis.reasons) == (alone.category, alone.reasons)


def test_without_dictionaries_the_stem_files_nothing(tmp_path, monkeypatch):
    """Without hunspell no word is known to be a verb or not: does the item then count as having
    its own verb, so the stem decides nothing?"""
    monkeypatch.setattr(spelling, "DEFAULT_FOLDERS", ())
    monkeypatch.setenv("MYNDIG_HUNSPELL_PATH", str(tmp_path))
    verbs.known_verbs.cache_clear()
    try:
        assert has_own_verb(prepare("juridisk metode")) is True
    finally:
        monkeypatch.undo()
        verbs.known_verbs.cache_clear()


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
