"""Module 2's cases: single- or double-loop learning; practice cases explained, graded bare.

The graded cases' answer key is not in the package: it is the ``fasit_sloyfer`` of the hidden
tests in the exercise's solution notebook, read here so the two cannot drift apart.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import nbformat
from myndig import i18n
from myndig.model import learning_loops
from myndig.model.learning_loops import Loop
from myndig.model.sorting import Sorting

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = Path(i18n.__file__).parent / "nb" / "learning_loops.json"
SOLUTION = ROOT / "solutions" / "02-organisasjonslaering" / "02-organisasjonslaering.ipynb"


def hidden_answer_key() -> dict[str, str]:
    """The one ``fasit_sloyfer`` that every hidden test of the solution notebook uses."""
    found = [ast.literal_eval(match) for cell in nbformat.read(SOLUTION, as_version=4).cells
             for match in re.findall(r"^fasit_sloyfer = (\{.*?\})$", cell.source,
                                     re.MULTILINE | re.DOTALL)]
    assert found
    assert all(key == found[0] for key in found)
    return found[0]


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


def test_both_loops_are_represented_evenly():
    """Does each set hold as many single- as double-loop cases, so guessing one pays nothing?"""
    for answers in ([card.answer for card in learning_loops.practice_task().cards],
                    list(hidden_answer_key().values())):
        assert answers.count(Loop.SINGLE.value) == answers.count(Loop.DOUBLE.value)


def test_practice_and_exercise_share_no_case():
    """Are the graded cases different from those the course notebook gives feedback on?"""
    practice, exercise = learning_loops.practice_task(), learning_loops.exercise_task()
    assert not {card.key for card in practice.cards} & {card.key for card in exercise.cards}
    assert not {card.text for card in practice.cards} & {card.text for card in exercise.cards}
    assert practice.file_format != exercise.file_format


def test_the_widget_offers_exactly_the_cases_the_hidden_tests_grade():
    """Are the exercise's cases exactly those its hidden answer key scores, each a category?"""
    answer_key = hidden_answer_key()
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


# The graded answers must not be readable in the installed package: a student has it on disk.
PACKAGE = Path(learning_loops.__file__).resolve().parents[1]
CATEGORY_MARKERS = re.compile(
    r"enkeltkrets|dobbeltkrets|single|double|\bLoop\.|[\"'](?:enkel|dobbel)[\"']", re.IGNORECASE)


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
    """For each case the hidden tests grade, does the model's task hold no right category?"""
    task = learning_loops.exercise_task()
    sorting = Sorting(task)
    for key, loop in hidden_answer_key().items():
        card = task.card(key)
        assert card.answer is None, key
        assert card.explanation is None, key
        sorting.place(key, loop)
    assert sorting.correct_count() is None
    assert sorting.summary() == "Du har sortert 6 av de 6 sakene."


def test_catalogue_gives_no_graded_answer_away():
    """Does the catalogue hold only each graded case's text, naming no category in it?"""
    for catalogue in sorted((PACKAGE / "i18n").glob("*/learning_loops.json")):
        entries = json.loads(catalogue.read_text(encoding="utf-8"))
        for key in hidden_answer_key():
            assert [name for name in entries if name.endswith(f"_{key}")] == [f"kort_{key}"]
            assert not CATEGORY_MARKERS.search(entries[f"kort_{key}"]), key


def test_package_source_never_pairs_a_graded_case_with_a_category():
    """Does no line of any file in the package name a graded case together with a category?"""
    assert len(package_text_files()) > 20
    for key in hidden_answer_key():
        mention = re.compile(rf"[\"'_]{re.escape(key)}[\"']")
        for path, text in package_text_files():
            for line in text.splitlines():
                if mention.search(line):
                    assert not CATEGORY_MARKERS.search(line), (path.name, line)
