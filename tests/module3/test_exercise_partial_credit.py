"""Exercise 3 through real nbgrader: a half-right submission earns exactly its partial credit."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from myndig.assignments import make_course_directory, nbgrader
from nbgrader.api import Gradebook

ASSIGNMENT = "03-kunnskapsbasert-praksis"
STUDENT = "elev1"

# Two of six statements right; the first three steps right and the last three swapped; the
# views of the user right and the kinds of judgement wrong; two of three choices right.
HALF_RIGHT_SORTING = {"respesialisering": "forskning", "fredager": "erfaring",
                      "gjenta_historien": "erfaring", "fadder_dialogmote": "bruker",
                      "usynlig_funksjonsnedsettelse": "forskning"}
HALF_RIGHT_CODE = {
    "svar_trinn": 'trinn = ["Reflektere", "spørre ", "søke", "anvende", "vurdere", "evaluere"]',
    "svar_idealtyper": 'idealtype = {"rettighetshaver": "trygdeetaten", "kunde": "Aetat", '
                       '"hjelpetrengende": "sosialetaten", "regelorientert": "sosialetaten", '
                       '"behovsorientert": "trygdeetaten", "resultatorientert": "aetat"}',
    "svar_flervalg": 'svar_4_1 = "c"\nsvar_4_2 = "b"\nsvar_4_3 = "a"',
}
EXPECTED = {
    "test_kilder_minst_to": 1, "test_kilder_minst_fire": 0, "test_kilder_alle": 0,
    "test_trinn_start": 1, "test_trinn_slutt": 0,
    "test_idealtyper_bruker": 2, "test_idealtyper_vurdering": 0,
    "test_flervalg_1": 1, "test_flervalg_2": 1, "test_flervalg_3": 0,
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
        (folder / "svar-kunnskapskilder.json").write_text(json.dumps(
            {"format": "myndig.kunnskapskilder.oppgave", "versjon": 1, "plasseringer": sorting}),
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
    assert 0 < sum(scores.values()) < 12
