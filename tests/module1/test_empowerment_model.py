"""The empowerment reflection's rules: ratings, scores, summary and the saved file."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from myndig.i18n import keys, placeholders
from myndig.model.empowerment import (
    DIMENSIONS,
    ITEMS,
    MAX_NOTE_LENGTH,
    EmpowermentReflection,
    Theory,
    dimensions_of,
    statement,
)
from myndig.model.errors import InvalidFile, InvalidInput


def test_theories_have_the_dimensions_of_the_literature():
    """Are there four dimensions of psychological empowerment and three basic needs?"""
    assert [d.key for d in dimensions_of(Theory.PSYCHOLOGICAL_EMPOWERMENT)] == [
        "mening", "kompetanse", "selvbestemmelse", "innflytelse"]
    assert [d.key for d in dimensions_of(Theory.SELF_DETERMINATION)] == [
        "autonomi", "kompetansebehov", "tilhorighet"]


def test_every_item_has_a_distinct_statement():
    """Does every item have its own Norwegian statement in the catalogue?"""
    texts = [statement(item) for item in ITEMS]
    assert len(set(texts)) == len(ITEMS) == 14
    assert all(text.endswith(".") for text in texts)


def test_every_empowerment_text_is_used_or_templated_consistently():
    """Do the catalogue's empowerment keys exist for every dimension and theory label?"""
    catalogue = set(keys())
    for dimension in DIMENSIONS:
        assert f"empowerment.dimensjon_{dimension.key}" in catalogue
    for theory in Theory:
        assert f"empowerment.teori_{theory.value}" in catalogue
    assert placeholders("empowerment.personvern") == {"fil"}


@pytest.mark.parametrize("value", [0, 6, -1, 2.5, "4", True, float("nan"), [3]])
def test_bad_rating_is_refused_with_a_message(value):
    """Is a rating off the 1–5 scale refused with a Norwegian message and nothing stored?"""
    reflection = EmpowermentReflection()
    with pytest.raises(InvalidInput) as raised:
        reflection.answer("mening_1", value)
    assert "1" in str(raised.value)
    assert "5" in str(raised.value)
    assert reflection.answers == {}


def test_unknown_item_is_refused():
    """Is a statement that does not exist refused?"""
    with pytest.raises(InvalidInput, match="finnes ikke"):
        EmpowermentReflection().answer("lykke_1", 3)


def test_whole_float_is_accepted_and_none_clears():
    """Is 4.0 taken as 4, and does None remove an answer?"""
    reflection = EmpowermentReflection()
    reflection.answer("mening_1", 4.0)
    assert reflection.answers == {"mening_1": 4}
    reflection.answer("mening_1", None)
    assert reflection.answers == {}


def test_score_is_mean_of_answered_items_only():
    """Is a dimension's score the mean of the statements answered, and None with none?"""
    reflection = EmpowermentReflection()
    reflection.answer("mening_1", 5)
    reflection.answer("mening_2", 2)
    reflection.answer("tilhorighet_1", 4)
    scores = {d.key: s for d, s in reflection.scores().items()}
    assert scores["mening"] == 3.5
    assert scores["tilhorighet"] == 4
    assert scores["innflytelse"] is None


def test_summary_names_highest_and_lowest_when_they_differ():
    """Does the summary name the highest and the lowest dimension when they are far apart?"""
    reflection = EmpowermentReflection()
    reflection.answer("mening_1", 5)
    reflection.answer("innflytelse_1", 1)
    text = reflection.summary()
    assert "Du har svart på 2 av 14" in text
    assert "Høyest ligger mening, lavest ligger innflytelse" in text
    assert "ikke en måling" in text


def test_summary_for_even_answers_and_for_none():
    """Does the summary say the answers are even, and invite a first answer when there are none?"""
    reflection = EmpowermentReflection()
    assert "ikke svart på noen" in reflection.summary()
    for item in ITEMS:
        reflection.answer(item, 3)
    assert "nokså jevnt" in reflection.summary()
    assert "ikke besvart" not in reflection.summary()


def test_note_too_long_is_refused():
    """Is a note longer than the limit refused and the old note kept?"""
    reflection = EmpowermentReflection()
    reflection.set_note("kort")
    with pytest.raises(InvalidInput, match="for langt"):
        reflection.set_note("x" * (MAX_NOTE_LENGTH + 1))
    assert reflection.note == "kort"


@given(answers=st.dictionaries(st.sampled_from(sorted(ITEMS)), st.integers(1, 5)),
       note=st.text(max_size=200))
def test_json_round_trip(answers, note):
    """Does every valid reflection survive being saved as JSON and read back?"""
    reflection = EmpowermentReflection()
    for item, value in answers.items():
        reflection.answer(item, value)
    reflection.set_note(note)
    again = EmpowermentReflection.from_json(json.loads(json.dumps(reflection.to_json())))
    assert again == reflection


@pytest.mark.parametrize("data", [
    None,
    [],
    {"format": "myndig.laeringsmiks", "versjon": 1},
    {"format": "myndig.myndiggjoring", "versjon": 2, "svar": {}},
    {"format": "myndig.myndiggjoring", "versjon": 1, "svar": []},
    {"format": "myndig.myndiggjoring", "versjon": 1, "svar": {"mening_1": 9}},
    {"format": "myndig.myndiggjoring", "versjon": 1, "svar": {"ukjent": 3}},
    {"format": "myndig.myndiggjoring", "versjon": 1, "svar": {}, "notat": 5},
])
def test_bad_file_is_refused_as_invalid_file(data):
    """Is a file that is not a valid reflection refused with InvalidFile?"""
    with pytest.raises(InvalidFile):
        EmpowermentReflection.from_json(data)


def test_every_literal_key_in_the_code_exists():
    """Does every «empowerment.…» key written in the model and the view exist in the catalogue?"""
    import re
    from pathlib import Path

    import myndig

    package = Path(myndig.__file__).parent
    source = "".join((package / part / "empowerment.py").read_text(encoding="utf-8")
                     for part in ("model", "views"))
    used = set(re.findall(r'"(empowerment\.[a-z_0-9]+)"', source))
    assert used
    assert used - set(keys()) == set()
