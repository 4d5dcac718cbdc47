"""Module 2's cases: single- or double-loop learning, each with text and an explanation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from myndig import i18n
from myndig.model import learning_loops
from myndig.model.learning_loops import Loop

CATALOGUE = Path(i18n.__file__).parent / "nb" / "learning_loops.json"
TASKS = {"ovelse": learning_loops.practice_task, "oppgave": learning_loops.exercise_task}


@pytest.mark.parametrize("make", TASKS.values(), ids=TASKS.keys())
def test_every_case_has_text_and_explanation(make):
    """Does every case read a real text and explanation from the catalogue?"""
    task = make()
    for card in task.cards:
        assert len(card.text) > 60, card.key
        assert len(card.explanation) > 40, card.key
        assert card.text != card.explanation


@pytest.mark.parametrize("make", TASKS.values(), ids=TASKS.keys())
def test_both_loops_are_represented_evenly(make):
    """Does each set hold as many single- as double-loop cases, so guessing one pays nothing?"""
    answers = [card.answer for card in make().cards]
    assert answers.count(Loop.SINGLE.value) == answers.count(Loop.DOUBLE.value)


def test_practice_and_exercise_share_no_case():
    """Are the graded cases different from those the course notebook gives feedback on?"""
    practice, exercise = learning_loops.practice_task(), learning_loops.exercise_task()
    assert not {card.key for card in practice.cards} & {card.key for card in exercise.cards}
    assert not {card.text for card in practice.cards} & {card.text for card in exercise.cards}
    assert practice.file_format != exercise.file_format


def test_the_graded_answers_are_the_intended_ones():
    """Are the exercise's right answers exactly those its hidden tests assume?"""
    task = learning_loops.exercise_task()
    assert {card.key: card.answer for card in task.cards} == {
        "fordeling": "enkel", "laerende_moter": "dobbel", "uklart_brev": "enkel",
        "maal_samtaler": "dobbel", "e_laering": "enkel", "aldri_ferdige": "dobbel",
    }


def test_every_catalogue_entry_is_used():
    """Is every text in learning_loops.json reachable, so none is left over from an old case?"""
    keys = set(json.loads(CATALOGUE.read_text(encoding="utf-8")))
    used = {"overskrift"} | {f"kategori_{loop.value}" for loop in Loop}
    for key, _ in learning_loops.PRACTICE_CASES + learning_loops.EXERCISE_CASES:
        used |= {f"kort_{key}", f"forklaring_{key}"}
    assert keys == used


def test_labels_are_the_norwegian_terms():
    """Are the two categories shown with the Norwegian terms the notebook teaches?"""
    labels = [category.label for category in learning_loops.practice_task().categories]
    assert labels == ["enkeltkretslæring", "dobbeltkretslæring"]
