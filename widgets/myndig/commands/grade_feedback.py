"""``myndig grade-feedback``: nbgrader feedback for each student, and the lecturer's summary."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from myndig.grading.feedback import generate_feedback
from myndig.grading.layout import Course
from myndig.i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "grade-feedback", help="lag tilbakemelding til studentene og oppsummering til faglærer")
    parser.add_argument("assignment", help="oppgaven, f.eks. 00-kom-i-gang")
    parser.add_argument("--course", type=Path, default=Path.cwd(),
                        help="kursmappen (standard: her)")
    parser.add_argument("--student", help="bare denne studenten")
    parser.set_defaults(handler=run)


def run(arguments: argparse.Namespace) -> int:
    from myndig.grading.summary import write_summary  # matplotlib: only for this command

    course = Course(arguments.course.resolve())
    files, problems = generate_feedback(course, arguments.assignment, arguments.student)
    print(t("grading.feedback_done", count=len(files), folder=course.root / course.feedback))
    if problems:
        print(t("grading.feedback_failed", output=problems), file=sys.stderr)
    summary, _ = write_summary(course, arguments.assignment)
    print(t("grading.summary_written", file=summary))
    return 0
