"""Grades out of the gradebook: nbgrader's own CSV, and a Canvas gradebook import file.

Canvas imports a CSV shaped like its own gradebook export: the columns Student, ID, SIS User
ID, SIS Login ID and Section, then one column per assignment, and a second row whose Student
cell is "Points Possible" holding each assignment's maximum. Scores are nbgrader's: the raw
score less the late-submission penalty nbgrader applied (never below zero), exactly as in
``nbgrader export``.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from myndig.assignments import tool_environment
from myndig.grading.layout import Course
from myndig.grading.roster import Person
from myndig.i18n import t
from myndig.model.errors import InvalidInput

CANVAS_COLUMNS = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
POINTS_POSSIBLE = "Points Possible"


def nbgrader_csv(course: Course, target: Path) -> Path:
    """nbgrader's own ``nbgrader export`` to ``target``."""
    completed = subprocess.run(
        [sys.executable, "-m", "nbgrader", "export", f"--CsvExportPlugin.to={target}"],
        cwd=course.root, capture_output=True, text=True, check=False, env=tool_environment())
    if completed.returncode != 0:
        raise InvalidInput(t("grading.export_failed",
                             output=(completed.stdout + completed.stderr)[-2000:]))
    return target


def final_scores(course: Course, assignments: list[str]) -> tuple[dict, dict]:
    """({(student, assignment): score}, {assignment: max score}) as nbgrader export has them."""
    from nbgrader.api import Gradebook, MissingEntry

    scores: dict[tuple[str, str], float] = {}
    maxima: dict[str, float] = {}
    with Gradebook(course.db_url) as gradebook:
        for assignment in assignments:
            try:
                maxima[assignment] = gradebook.find_assignment(assignment).max_score
            except MissingEntry as error:
                raise InvalidInput(t("grading.unknown_assignment", assignment=assignment),
                                   field="assignment") from error
            for submission in gradebook.assignment_submissions(assignment):
                penalty = submission.late_submission_penalty or 0.0
                scores[(submission.student.id, assignment)] = max(0.0, submission.score - penalty)
    return scores, maxima


def _number(value: float) -> str:
    return f"{value:g}"


def canvas_csv(course: Course, assignments: list[str], roster: list[Person], target: Path,
               headers: dict[str, str] | None = None) -> list[str]:
    """Write the Canvas import file; returns students graded here but missing from the roster.

    ``headers`` maps an assignment to its Canvas column title, e.g. "Oppgave 0 (48213)" so
    Canvas updates that existing assignment; by default the assignment id is used.
    """
    headers = headers or {}
    scores, maxima = final_scores(course, assignments)
    titles = [headers.get(assignment, assignment) for assignment in assignments]
    with target.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow([*CANVAS_COLUMNS, *titles])
        writer.writerow([POINTS_POSSIBLE, "", "", "", "",
                         *(_number(maxima[assignment]) for assignment in assignments)])
        for person in roster:
            row = [person.name, person.canvas_id, person.sis_user_id, person.sis_login_id,
                   person.section]
            for assignment in assignments:
                score = scores.get((person.nbgrader_id, assignment))
                row.append("" if score is None else _number(score))
            writer.writerow(row)
    known = {person.nbgrader_id for person in roster}
    return sorted({student for student, _ in scores if student not in known})
