"""The graded answers of the sorting exercises are nowhere in the installed package.

A student has the package on disk, so the answer key of a sorting exercise lives only in the
hidden tests of its solution notebook (read here, so the tests and the key cannot drift apart).
Each exercise is described once; the same three checks run for all of them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import myndig
import pytest
from myndig.model import knowledge_sources, learning_loops
from myndig.model.sorting import Sorting

PACKAGE = Path(myndig.__file__).resolve().parent


@dataclass(frozen=True)
class SortingExercise:
    assignment: str
    model: ModuleType
    key_variable: str  # the answer key's name in the hidden tests
    catalogue: str  # the model's texts in myndig/i18n/<language>/
    # What would give a category away: its names, in Norwegian and English, and in code.
    category_markers: re.Pattern[str]

    def __str__(self) -> str:
        return self.assignment


EXERCISES = [
    SortingExercise(
        "02-organisasjonslaering", learning_loops, "fasit_sloyfer", "learning_loops.json",
        re.compile(r"enkeltkrets|dobbeltkrets|single|double|\bLoop\.|[\"'](?:enkel|dobbel)[\"']",
                   re.IGNORECASE)),
    SortingExercise(
        "03-kunnskapsbasert-praksis", knowledge_sources, "fasit_kilder",
        "knowledge_sources.json",
        re.compile(r"forskningsbasert|erfaringsbasert|brukerkunnskap|research|experience|\buser\b"
                   r"|\bKnowledgeSource\.|[\"'](?:forskning|erfaring|bruker)[\"']",
                   re.IGNORECASE)),
]


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


@pytest.mark.parametrize("exercise", EXERCISES, ids=str)
def test_installed_model_knows_no_graded_answer(exercise, hidden_answer_key):
    """For each item the hidden tests grade, does the model's task hold no right category, so
    the widget can neither show one nor count the right ones?"""
    task = exercise.model.exercise_task()
    sorting = Sorting(task)
    answer_key = hidden_answer_key(exercise.assignment, exercise.key_variable)
    for key, category in answer_key.items():
        card = task.card(key)
        assert card.answer is None, key
        assert card.explanation is None, key
        sorting.place(key, category)
    assert sorting.correct_count() is None
    assert sorting.summary() == f"Du har sortert {len(answer_key)} av de {len(answer_key)} sakene."


@pytest.mark.parametrize("exercise", EXERCISES, ids=str)
def test_catalogue_gives_no_graded_answer_away(exercise, hidden_answer_key):
    """Does the catalogue hold only each graded item's text, naming no category in it?"""
    catalogues = sorted((PACKAGE / "i18n").glob(f"*/{exercise.catalogue}"))
    assert catalogues
    for catalogue in catalogues:
        entries = json.loads(catalogue.read_text(encoding="utf-8"))
        for key in hidden_answer_key(exercise.assignment, exercise.key_variable):
            assert [name for name in entries if name.endswith(f"_{key}")] == [f"kort_{key}"]
            assert not exercise.category_markers.search(entries[f"kort_{key}"]), key


@pytest.mark.parametrize("exercise", EXERCISES, ids=str)
def test_package_never_pairs_a_graded_item_with_a_category(exercise, hidden_answer_key):
    """Does no line of any file in the package name a graded item together with a category?"""
    files = package_text_files()
    assert len(files) > 20
    for key in hidden_answer_key(exercise.assignment, exercise.key_variable):
        mention = re.compile(rf"[\"'_]{re.escape(key)}[\"']")
        for path, text in files:
            for line in text.splitlines():
                if mention.search(line):
                    assert not exercise.category_markers.search(line), (path.name, line)
