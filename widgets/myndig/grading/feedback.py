"""Feedback to each student: nbgrader's own ``generate_feedback`` (one HTML file per notebook)."""

from __future__ import annotations

from pathlib import Path

from myndig.grading.layout import Course
from myndig.grading.runner import nbgrader_command


def generate_feedback(course: Course, assignment: str, student: str | None = None
                      ) -> tuple[list[Path], str]:
    """Run nbgrader's feedback; returns the HTML files now present and nbgrader's error output.

    nbgrader goes on with the rest of the class when one student's notebook cannot be turned
    into feedback (a notebook that could not be graded), so a partly failed run still gives
    everybody else their feedback.
    """
    arguments = ["generate_feedback", assignment, "--force"]
    if student:
        arguments.append(f"--student={student}")
    completed = nbgrader_command(course.root, *arguments)
    problems = "" if completed.returncode == 0 else (completed.stdout + completed.stderr)[-3000:]
    folder = course.root / course.feedback
    pattern = f"{student or '*'}/{assignment}/*.html"
    return sorted(folder.glob(pattern)), problems
