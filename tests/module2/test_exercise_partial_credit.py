"""Exercise 2 through real nbgrader: a half-right submission earns exactly its partial credit."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from myndig.assignments import make_course_directory, nbgrader
from nbgrader.api import Gradebook

ASSIGNMENT = "02-organisasjonslaering"
STUDENT = "elev1"

# Four of six cases right, the first three terms right and the last three wrong, one of three
# multiple-choice answers right.
HALF_RIGHT_SORTING = {"fordeling": "enkel", "laerende_moter": "dobbel", "uklart_brev": "enkel",
                      "maal_samtaler": "dobbel", "e_laering": "dobbel", "aldri_ferdige": "enkel"}
HALF_RIGHT_CODE = {
    "svar_kobling": 'kobling = {"enkeltkretslæring": "a", "dobbeltkretslæring": "B ", '
                    '"taus kunnskap": "C", "eksternalisering": "G", "systemtenkning": "E", '
                    '"relasjonsorientert ledelse": "F"}',
    "svar_flervalg": 'svar_3_1 = "B"\nsvar_3_2 = "a"\nsvar_3_3 = "d"',
}
EXPECTED = {
    "test_sloyfer_minst_to": 1, "test_sloyfer_minst_fire": 1, "test_sloyfer_alle": 0,
    "test_kobling_laering": 2, "test_kobling_modeller": 0,
    "test_flervalg_1": 1, "test_flervalg_2": 0, "test_flervalg_3": 0,
}


def autograded_scores(course: Path) -> dict[str, float]:
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        notebook = gradebook.find_submission_notebook(ASSIGNMENT, ASSIGNMENT, STUDENT)
        return {grade.name: grade.score for grade in notebook.grades
                if grade.cell.cell_type == "code"}


def submit(course: Path, answers: dict[str, str], sorting: dict[str, str] | None) -> Path:
    """A student's submission: the released notebook with ``answers`` in its solution cells."""
    released = course / "exercises" / ASSIGNMENT
    folder = course / "submitted" / STUDENT / ASSIGNMENT
    folder.mkdir(parents=True)
    notebook = nbformat.read(released / f"{ASSIGNMENT}.ipynb", as_version=4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    nbformat.write(notebook, folder / f"{ASSIGNMENT}.ipynb")
    if sorting is not None:
        (folder / "svar-laeringssloyfer.json").write_text(json.dumps(
            {"format": "myndig.laeringssloyfer.oppgave", "versjon": 1, "plasseringer": sorting}),
            encoding="utf-8")
    return folder


@pytest.mark.slow
def test_half_right_answer_gets_partial_credit(project_root, tmp_path):
    """Does nbgrader give each part exactly its partial points for a half-right submission?"""
    course = make_course_directory(project_root, tmp_path / "kurs", [ASSIGNMENT])
    nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")
    submit(course, HALF_RIGHT_CODE, HALF_RIGHT_SORTING)
    nbgrader(course, "autograde", ASSIGNMENT, "--force")
    scores = autograded_scores(course)
    assert scores == EXPECTED
    assert 0 < sum(scores.values()) < 10
