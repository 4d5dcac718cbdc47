"""Partial credit in exercise 1: a half-right answer earns some of the points, cell by cell.

Made the way nbgrader's own tests do it: a temporary course directory with our
``nbgrader_config.py``, the source assignment, ``generate_assignment``, submissions placed in
``submitted/<student>/<assignment>/`` and a real ``nbgrader autograde``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from myndig.assignments import RELEASE_FOLDER, make_course_directory, nbgrader
from myndig.grading.synthetic import fill, write_notebook
from nbgrader.api import Gradebook

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENT = "01-myndiggjoring"
NOTEBOOK = f"{ASSIGNMENT}.ipynb"
COURSE_ID = "myndiggjorende-ledelse"

# Some parts right, some wrong, one left blank: what a real half-done submission looks like.
HALF_RIGHT = {
    "svar_teorifamilier": '''teorifamilier = {
    "A": "selvbestemmelse",
    "B": "Selvbestemmelse ",
    "C": "psykologisk myndiggjøring",
    "D": "psykologisk  myndiggjøring",
    "E": "selvbestemmelse",
    "F": "helsefremming",
}''',
    "svar_modellen": 'modellen = ["b", "a", "d", "c"]',
    "svar_drift": '''drift_eller_laering = {1: "drift", 2: "arbeidsplasslæring", 3: "drift",
                       4: "laering", 5: "drift", 6: "læring"}''',
    "svar_valg": 'tillit = "b"\nledelse = "a"',
}
EXPECTED_HALF_RIGHT = {
    "test_teorifamilier_selvbestemmelse": 1.0,
    "test_teorifamilier_psykologisk": 1.0,
    "test_teorifamilier_helsefremming": 0.0,
    "test_begreper_selvbestemmelse": 0.0,
    "test_begreper_psykologisk": 0.0,
    "test_begreper_helsefremming": 0.0,
    "test_modellen_ender": 1.0,
    "test_modellen_rekkefolge": 0.0,
    "test_drift_1_2": 1.0,
    "test_drift_3_4": 1.0,
    "test_drift_5_6": 1.0,
    "test_tillit": 1.0,
    "test_ledelse": 0.0,
}


def answered(release: Path, answers: dict[str, str], into: Path) -> None:
    into.parent.mkdir(parents=True, exist_ok=True)
    write_notebook(into, fill(json.loads(release.read_text(encoding="utf-8")), answers,
                              set(answers)))


@pytest.fixture(scope="module")
def autograded(tmp_path_factory) -> Path:
    course = make_course_directory(ROOT, tmp_path_factory.mktemp("kurs"), [ASSIGNMENT])
    nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")
    release = course / RELEASE_FOLDER / ASSIGNMENT / NOTEBOOK
    submitted = course / "submitted"
    answered(release, HALF_RIGHT, submitted / "halvt" / ASSIGNMENT / NOTEBOOK)
    (submitted / "fasit" / ASSIGNMENT).mkdir(parents=True)
    shutil.copy2(ROOT / "solutions" / ASSIGNMENT / NOTEBOOK, submitted / "fasit" / ASSIGNMENT)
    nbgrader(course, "autograde", ASSIGNMENT, "--force")
    return course


def cell_scores(course: Path, student: str) -> dict[str, tuple[float | None, float]]:
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", COURSE_ID) as gradebook:
        notebook = gradebook.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, student)
        return {grade.name: (grade.auto_score, grade.max_score) for grade in notebook.grades}


@pytest.mark.slow
def test_half_right_answer_gets_partial_credit(autograded):
    """Does a half-right answer score exactly the cells it got right, between zero and full?"""
    scores = cell_scores(autograded, "halvt")
    automatic = {name: score for name, (score, _) in scores.items() if name.startswith("test_")}
    assert automatic == EXPECTED_HALF_RIGHT
    total = sum(automatic.values())
    most = sum(most for name, (_, most) in scores.items() if name in automatic)
    assert 0 < total < most
    assert (total, most) == (7.0, 13.0)
    # The reflection was left untouched, so nbgrader scores it zero without the lecturer.
    assert scores["refleksjon_arbeidsplass"] == (0.0, 6.0)


@pytest.mark.slow
def test_solution_in_same_run_scores_full(autograded):
    """Does the solution, graded in the same run, get every automatic point (13 of 13)?"""
    scores = cell_scores(autograded, "fasit")
    automatic = {name: (score, most) for name, (score, most) in scores.items()
                 if name.startswith("test_")}
    assert set(automatic) == set(EXPECTED_HALF_RIGHT)
    assert all(score == most for score, most in automatic.values())
    assert scores["refleksjon_arbeidsplass"] == (None, 6.0)
