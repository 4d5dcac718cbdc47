"""Module 3's statements: which knowledge source each comes from; practice ones explained.

The graded statements' answer key is not in the package: it is the ``fasit_kilder`` of the
hidden tests in the exercise's solution notebook, read by the ``hidden_answer_key`` fixture so the
two cannot drift apart. That no file of the package gives it away is
tests/grading/test_answer_secrecy.py.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from myndig import i18n
from myndig.model import knowledge_sources
from myndig.model.knowledge_sources import KnowledgeSource

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Path(i18n.__file__).parent / "nb" / "knowledge_sources.json"
ASSIGNMENT = "03-kunnskapsbasert-praksis"
KEY = "fasit_kilder"


def test_every_practice_statement_has_text_and_explanation():
    """Does every practice statement read a real text and explanation from the catalogue?"""
    for card in knowledge_sources.practice_task().cards:
        assert len(card.text) > 60, card.key
        assert len(card.explanation) > 40, card.key


def test_every_graded_statement_has_text_only():
    """Does every graded statement read a real text, with neither answer nor explanation?"""
    task = knowledge_sources.exercise_task()
    assert not task.has_answers
    for card in task.cards:
        assert len(card.text) > 60, card.key
        assert card.answer is None, card.key
        assert card.explanation is None, card.key


def test_the_three_sources_are_equally_represented(hidden_answer_key):
    """Does each set hold as many statements of each source, so no guess is favoured?"""
    for answers in ([card.answer for card in knowledge_sources.practice_task().cards],
                    list(hidden_answer_key(ASSIGNMENT, KEY).values())):
        counts = Counter(answers)
        assert set(counts) == {source.value for source in KnowledgeSource}
        assert len(set(counts.values())) == 1


def test_each_practice_explanation_names_the_right_source():
    """Does every explanation say which source the statement is, in the category's own words?"""
    task = knowledge_sources.practice_task()
    for card in task.cards:
        assert task.category(card.answer).label in card.explanation, card.key


def test_practice_and_exercise_share_no_statement():
    """Are the graded statements different from those the course notebook explains?"""
    practice, exercise = knowledge_sources.practice_task(), knowledge_sources.exercise_task()
    assert not {card.key for card in practice.cards} & {card.key for card in exercise.cards}
    assert not {card.text for card in practice.cards} & {card.text for card in exercise.cards}


def test_the_widget_offers_exactly_the_statements_the_hidden_tests_grade(hidden_answer_key):
    """Are the exercise's statements exactly those its hidden answer key scores?"""
    answer_key = hidden_answer_key(ASSIGNMENT, KEY)
    assert [card.key for card in knowledge_sources.exercise_task().cards] == list(
        knowledge_sources.EXERCISE_STATEMENTS)
    assert set(knowledge_sources.EXERCISE_STATEMENTS) == set(answer_key)


def test_every_catalogue_entry_is_used():
    """Is every text in knowledge_sources.json reachable from a statement or the widget?"""
    keys = set(json.loads(CATALOGUE.read_text(encoding="utf-8")))
    used = {"overskrift"} | {f"kategori_{source.value}" for source in KnowledgeSource}
    for key, _ in knowledge_sources.PRACTICE_STATEMENTS:
        used |= {f"kort_{key}", f"forklaring_{key}"}
    used |= {f"kort_{key}" for key in knowledge_sources.EXERCISE_STATEMENTS}
    assert keys == used
