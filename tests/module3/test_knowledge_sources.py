"""Module 3's statements: which knowledge source each comes from, with an explanation."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from myndig import i18n
from myndig.model import knowledge_sources
from myndig.model.knowledge_sources import KnowledgeSource

CATALOGUE = Path(i18n.__file__).parent / "nb" / "knowledge_sources.json"
TASKS = {"ovelse": knowledge_sources.practice_task, "oppgave": knowledge_sources.exercise_task}


@pytest.mark.parametrize("make", TASKS.values(), ids=TASKS.keys())
def test_every_statement_has_text_and_explanation(make):
    """Does every statement read a real text and explanation from the catalogue?"""
    for card in make().cards:
        assert len(card.text) > 60, card.key
        assert len(card.explanation) > 40, card.key


@pytest.mark.parametrize("make", TASKS.values(), ids=TASKS.keys())
def test_the_three_sources_are_equally_represented(make):
    """Does each set hold as many statements of each source, so no guess is favoured?"""
    counts = Counter(card.answer for card in make().cards)
    assert set(counts) == {source.value for source in KnowledgeSource}
    assert len(set(counts.values())) == 1


@pytest.mark.parametrize("make", TASKS.values(), ids=TASKS.keys())
def test_each_explanation_names_the_right_source(make):
    """Does every explanation say which source the statement is, in the category's own words?"""
    task = make()
    for card in task.cards:
        assert task.category(card.answer).label in card.explanation, card.key


def test_practice_and_exercise_share_no_statement():
    """Are the graded statements different from those the course notebook explains?"""
    practice, exercise = knowledge_sources.practice_task(), knowledge_sources.exercise_task()
    assert not {card.key for card in practice.cards} & {card.key for card in exercise.cards}
    assert not {card.text for card in practice.cards} & {card.text for card in exercise.cards}


def test_the_graded_answers_are_the_intended_ones():
    """Are the exercise's right answers exactly those its hidden tests assume?"""
    task = knowledge_sources.exercise_task()
    assert {card.key: card.answer for card in task.cards} == {
        "respesialisering": "forskning", "fredager": "erfaring", "gjenta_historien": "bruker",
        "fadder_dialogmote": "erfaring", "usynlig_funksjonsnedsettelse": "bruker",
        "oppsummering_unge": "forskning",
    }


def test_every_catalogue_entry_is_used():
    """Is every text in knowledge_sources.json reachable from a statement or the widget?"""
    keys = set(json.loads(CATALOGUE.read_text(encoding="utf-8")))
    used = {"overskrift"} | {f"kategori_{source.value}" for source in KnowledgeSource}
    for key, _ in knowledge_sources.PRACTICE_STATEMENTS + knowledge_sources.EXERCISE_STATEMENTS:
        used |= {f"kort_{key}", f"forklaring_{key}"}
    assert keys == used
