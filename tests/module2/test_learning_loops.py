"""Module 2's cases: single- or double-loop learning; practice cases explained, graded bare.

The graded cases' answer key is not in the package: it is the ``fasit_sloyfer`` of the hidden
tests in the exercise's solution notebook, read by the ``hidden_answer_key`` fixture so the two
cannot drift apart. That no file of the package gives it away is
tests/grading/test_answer_secrecy.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from myndig import i18n
from myndig.model import learning_loops
from myndig.model.learning_loops import Loop

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Path(i18n.__file__).parent / "nb" / "learning_loops.json"
ASSIGNMENT = "02-organisasjonslaering"
KEY = "fasit_sloyfer"


def test_every_practice_case_has_text_and_explanation():
    """Does every practice case read a real text and explanation from the catalogue?"""
    for card in learning_loops.practice_task().cards:
        assert len(card.text) > 60, card.key
        assert len(card.explanation) > 40, card.key
        assert card.text != card.explanation


def test_every_graded_case_has_text_only():
    """Does every graded case read a real text, with neither answer nor explanation?"""
    task = learning_loops.exercise_task()
    assert not task.has_answers
    for card in task.cards:
        assert len(card.text) > 60, card.key
        assert card.answer is None, card.key
        assert card.explanation is None, card.key


def test_both_loops_are_represented_evenly(hidden_answer_key):
    """Does each set hold as many single- as double-loop cases, so guessing one pays nothing?"""
    for answers in ([card.answer for card in learning_loops.practice_task().cards],
                    list(hidden_answer_key(ASSIGNMENT, KEY).values())):
        assert answers.count(Loop.SINGLE.value) == answers.count(Loop.DOUBLE.value)


def test_practice_and_exercise_share_no_case():
    """Are the graded cases different from those the course notebook gives feedback on?"""
    practice, exercise = learning_loops.practice_task(), learning_loops.exercise_task()
    assert not {card.key for card in practice.cards} & {card.key for card in exercise.cards}
    assert not {card.text for card in practice.cards} & {card.text for card in exercise.cards}
    assert practice.file_format != exercise.file_format


def test_the_widget_offers_exactly_the_cases_the_hidden_tests_grade(hidden_answer_key):
    """Are the exercise's cases exactly those its hidden answer key scores, each a category?"""
    answer_key = hidden_answer_key(ASSIGNMENT, KEY)
    assert [card.key for card in learning_loops.exercise_task().cards] == list(
        learning_loops.EXERCISE_CASES)
    assert set(learning_loops.EXERCISE_CASES) == set(answer_key)
    assert set(answer_key.values()) == {loop.value for loop in Loop}


def test_every_catalogue_entry_is_used():
    """Is every text in learning_loops.json reachable, so none is left over from an old case?"""
    keys = set(json.loads(CATALOGUE.read_text(encoding="utf-8")))
    used = {"overskrift"} | {f"kategori_{loop.value}" for loop in Loop}
    for key, _ in learning_loops.PRACTICE_CASES:
        used |= {f"kort_{key}", f"forklaring_{key}"}
    used |= {f"kort_{key}" for key in learning_loops.EXERCISE_CASES}
    assert keys == used


def test_labels_are_the_norwegian_terms():
    """Are the two categories shown with the Norwegian terms the notebook teaches?"""
    labels = [category.label for category in learning_loops.practice_task().categories]
    assert labels == ["enkeltkretslæring", "dobbeltkretslæring"]
