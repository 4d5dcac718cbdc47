"""Module 3's statements: which knowledge source each comes from; practice ones explained.

The graded statements' answer key is not in the package: it is the ``fasit_kilder`` of the
hidden tests in the exercise's solution notebook, read here so the two cannot drift apart.
"""

from __future__ import annotations

import ast
import json
import re
from collections import Counter
from pathlib import Path

import nbformat
from myndig import i18n
from myndig.model import knowledge_sources
from myndig.model.knowledge_sources import KnowledgeSource
from myndig.model.sorting import Sorting

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Path(i18n.__file__).parent / "nb" / "knowledge_sources.json"
SOLUTION = ROOT / "solutions" / "03-kunnskapsbasert-praksis" / "03-kunnskapsbasert-praksis.ipynb"


def hidden_answer_key() -> dict[str, str]:
    """The one ``fasit_kilder`` that every hidden test of the solution notebook uses."""
    found = [ast.literal_eval(match) for cell in nbformat.read(SOLUTION, as_version=4).cells
             for match in re.findall(r"^fasit_kilder = (\{.*?\})$", cell.source,
                                     re.MULTILINE | re.DOTALL)]
    assert found
    assert all(key == found[0] for key in found)
    return found[0]


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


def test_the_three_sources_are_equally_represented():
    """Does each set hold as many statements of each source, so no guess is favoured?"""
    for answers in ([card.answer for card in knowledge_sources.practice_task().cards],
                    list(hidden_answer_key().values())):
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


def test_the_widget_offers_exactly_the_statements_the_hidden_tests_grade():
    """Are the exercise's statements exactly those its hidden answer key scores?"""
    answer_key = hidden_answer_key()
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


# The graded answers must not be readable in the installed package: a student has it on disk.
PACKAGE = Path(knowledge_sources.__file__).resolve().parents[1]
CATEGORY_MARKERS = re.compile(
    r"forskningsbasert|erfaringsbasert|brukerkunnskap|research|experience|\buser\b"
    r"|\bKnowledgeSource\.|[\"'](?:forskning|erfaring|bruker)[\"']", re.IGNORECASE)


def package_text_files() -> list[tuple[Path, str]]:
    files = []
    for path in sorted(PACKAGE.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        try:
            files.append((path, path.read_text(encoding="utf-8")))
        except UnicodeDecodeError:
            continue
    return files


def test_installed_model_knows_no_graded_answer():
    """For each statement the hidden tests grade, does the model's task hold no right source?"""
    task = knowledge_sources.exercise_task()
    sorting = Sorting(task)
    for key, source in hidden_answer_key().items():
        card = task.card(key)
        assert card.answer is None, key
        assert card.explanation is None, key
        sorting.place(key, source)
    assert sorting.correct_count() is None
    assert sorting.summary() == "Du har sortert 6 av de 6 sakene."


def test_catalogue_gives_no_graded_answer_away():
    """Does the catalogue hold only each graded statement's text, naming no source in it?"""
    for catalogue in sorted((PACKAGE / "i18n").glob("*/knowledge_sources.json")):
        entries = json.loads(catalogue.read_text(encoding="utf-8"))
        for key in hidden_answer_key():
            assert [name for name in entries if name.endswith(f"_{key}")] == [f"kort_{key}"]
            assert not CATEGORY_MARKERS.search(entries[f"kort_{key}"]), key


def test_package_source_never_pairs_a_graded_statement_with_a_source():
    """Does no line of any file in the package name a graded statement together with a source?"""
    assert len(package_text_files()) > 20
    for key in hidden_answer_key():
        mention = re.compile(rf"[\"'_]{re.escape(key)}[\"']")
        for path, text in package_text_files():
            for line in text.splitlines():
                if mention.search(line):
                    assert not CATEGORY_MARKERS.search(line), (path.name, line)
