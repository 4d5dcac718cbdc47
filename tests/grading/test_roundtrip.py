"""The nbgrader round trip of every exercise, with the real nbgrader commands.

For each assignment in ``solutions/`` a temporary course directory goes through generate →
release → fetch → submit → collect → autograde, with three students: one hands in the
solution, one hands in the untouched release, and (for the widget exercise) one answers through
the widget so its answer file has to survive the trip.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from myndig.assignments import (
    RELEASE_FOLDER,
    SOURCE_FOLDER,
    assignment_ids,
    make_course_directory,
    nbgrader,
    tool_environment,
)
from myndig.notebooks import normalised, serialise
from nbgrader.api import Gradebook

ROOT = Path(__file__).resolve().parents[2]
COURSE_ID = "myndiggjorende-ledelse"
ASSIGNMENTS = assignment_ids(ROOT)


@dataclass
class GradedCourse:
    assignment: str
    course: Path
    students: Path

    def scores(self, student: str) -> dict[str, tuple[float | None, float]]:
        """Per graded cell: (autograded score, max score) for one student's submission."""
        result = {}
        with Gradebook(f"sqlite:///{self.course / 'gradebook.db'}", COURSE_ID) as gradebook:
            for notebook in self.notebooks():
                submitted = gradebook.find_submission_notebook(notebook, self.assignment, student)
                for grade in submitted.grades:
                    result[grade.name] = (grade.auto_score, grade.max_score)
        return result

    def autograded_cells(self, student: str) -> dict[str, tuple[float, float]]:
        return {name: score for name, score in self.scores(student).items() if score[0] is not None}

    def notebooks(self) -> list[str]:
        source = ROOT / SOURCE_FOLDER / self.assignment
        return sorted(path.stem for path in source.glob("*.ipynb"))


def run_as_student(student: str, home: Path, *arguments: str, exchange: Path) -> None:
    # Every test student is the same OS user here, so submit names the student explicitly.
    identity = [f"--student={student}"] if arguments[0] == "submit" else []
    completed = subprocess.run(
        [sys.executable, "-m", "nbgrader", *arguments, *identity, f"--course={COURSE_ID}",
         f"--Exchange.root={exchange}"],
        cwd=home, env=tool_environment(), capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr


def answer_through_widget(folder: Path) -> None:
    """What a student does in the 70/20/10 widget: four activities, all three sources."""
    from myndig.views.learning_mix import LearningMixWidget

    widget = LearningMixWidget(answer_file=folder / "svar-laeringsmiks.json")
    for name, source, hours in [("Saksbehandling", "arbeid", 30), ("Brukermøter", "arbeid", 10),
                                ("Kollegaveiledning", "andre", 5), ("Kurs i MI", "formell", 3)]:
        widget.name_input.value, widget.source_input.value = name, source
        widget.hours_input.value = hours
        widget.add_button.click()


WIDGET_ANSWERS = {"00-kom-i-gang": answer_through_widget}


@pytest.fixture(scope="module", params=ASSIGNMENTS)
def graded(request, tmp_path_factory) -> GradedCourse:
    assignment = request.param
    base = tmp_path_factory.mktemp(assignment)
    course, exchange, students = base / "course", base / "exchange", base / "students"
    exchange.mkdir()
    make_course_directory(ROOT, course, [assignment])
    nbgrader(course, "generate_assignment", assignment, "--force")
    nbgrader(course, "release_assignment", assignment, "--force", f"--Exchange.root={exchange}")

    submitters = {"fasit": "solution", "blank": "blank"}
    if assignment in WIDGET_ANSWERS:
        submitters["verktoy"] = "widget"
    for student, kind in submitters.items():
        home = students / student
        home.mkdir(parents=True)
        run_as_student(student, home, "fetch_assignment", assignment, exchange=exchange)
        fetched = home / assignment
        if kind == "solution":
            for notebook in (ROOT / SOURCE_FOLDER / assignment).glob("*.ipynb"):
                shutil.copy2(notebook, fetched / notebook.name)
        elif kind == "widget":
            WIDGET_ANSWERS[assignment](fetched)
        run_as_student(student, home, "submit", assignment, exchange=exchange)

    nbgrader(course, "collect", assignment, f"--Exchange.root={exchange}")
    nbgrader(course, "autograde", assignment, "--force")
    return GradedCourse(assignment, course, students)


@pytest.mark.slow
def test_generate_reproduces_exercises(graded):
    """Is the committed exercises/ folder exactly what nbgrader generates from solutions/?"""
    released = graded.course / RELEASE_FOLDER / graded.assignment
    committed = ROOT / RELEASE_FOLDER / graded.assignment
    assert sorted(p.name for p in committed.iterdir()) == sorted(p.name for p in released.iterdir())
    for notebook in released.glob("*.ipynb"):
        fresh = serialise(normalised(nbformat.read(notebook, as_version=4)))
        assert (committed / notebook.name).read_text(encoding="utf-8") == fresh, (
            f"exercises/{graded.assignment}/{notebook.name} er utdatert: kjør «make exercises»")


@pytest.mark.slow
def test_solution_scores_full_marks(graded):
    """Does the solution score full marks on every autograded cell?"""
    cells = graded.autograded_cells("fasit")
    assert cells, "no autograded cells found"
    assert {name: score for name, (score, most) in cells.items() if score != most} == {}


@pytest.mark.slow
def test_blank_release_scores_zero(graded):
    """Does the untouched student version score zero on every autograded cell?"""
    cells = graded.autograded_cells("blank")
    assert cells
    assert {name: score for name, (score, _) in cells.items() if score != 0} == {}


@pytest.mark.slow
def test_reflections_wait_for_the_lecturer(graded):
    """Is there at least one manually graded cell, left ungraded by the autograder?"""
    manual = [name for name, (score, _) in graded.scores("fasit").items() if score is None]
    assert manual


@pytest.mark.slow
def test_widget_answer_file_survives_submit_and_autograde(graded):
    """Does an answer given only through the widget reach autograde and earn its points?"""
    if graded.assignment not in WIDGET_ANSWERS:
        pytest.skip("this exercise's widget answer is tested by its own module's tests")
    autograded = graded.course / "autograded" / "verktoy" / graded.assignment
    assert (autograded / "svar-laeringsmiks.json").is_file()
    cells = graded.autograded_cells("verktoy")
    assert cells["test_antall_aktiviteter"] == (1.0, 1.0)
    assert cells["test_alle_kilder"] == (2.0, 2.0)
    assert cells["test_andel_formell"][0] == 0


def test_every_assignment_has_its_release():
    """Has every assignment in solutions/ a folder in exercises/, and nothing more?"""
    released = sorted(p.name for p in (ROOT / RELEASE_FOLDER).iterdir() if p.is_dir())
    assert released == ASSIGNMENTS
