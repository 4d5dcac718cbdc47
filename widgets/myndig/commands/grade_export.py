"""``myndig grade-export``: nbgrader's CSV and a Canvas gradebook import file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from myndig.grading.export import canvas_csv, nbgrader_csv
from myndig.grading.layout import Course
from myndig.grading.roster import read_roster
from myndig.i18n import t
from myndig.model.errors import InvalidInput


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "grade-export", help="karakterer til nbgrader-CSV og til import i Canvas")
    parser.add_argument("assignments", nargs="+", help="oppgavene, én kolonne hver i Canvas")
    parser.add_argument("--course", type=Path, default=Path.cwd(),
                        help="kursmappen (standard: her)")
    parser.add_argument("--roster", type=Path, required=True,
                        help="klasseliste: nbgrader_id,Student,ID,SIS User ID,SIS Login ID,Section")
    parser.add_argument("--canvas", type=Path, default=Path("canvas-karakterer.csv"),
                        help="Canvas-filen som skrives (standard: canvas-karakterer.csv)")
    parser.add_argument("--nbgrader-csv", type=Path, default=Path("nbgrader-karakterer.csv"),
                        help="nbgrader-CSV som skrives (standard: nbgrader-karakterer.csv)")
    parser.add_argument("--column", action="append", default=[], metavar="OPPGAVE=TITTEL",
                        help="kolonnetittel i Canvas, f.eks. '00-kom-i-gang=Oppgave 0 (48213)'")
    parser.set_defaults(handler=run)


def run(arguments: argparse.Namespace) -> int:
    course = Course(arguments.course.resolve())
    try:
        headers = dict(item.split("=", 1) for item in arguments.column if "=" in item)
        roster = read_roster(arguments.roster)
        nbgrader_csv(course, arguments.nbgrader_csv.resolve())
        outside = canvas_csv(course, arguments.assignments, roster, arguments.canvas, headers)
    except InvalidInput as error:
        print(str(error), file=sys.stderr)
        return 2
    print(t("grading.exported", canvas=arguments.canvas, nbgrader=arguments.nbgrader_csv))
    if outside:
        print(t("grading.not_in_roster", students=", ".join(outside)), file=sys.stderr)
    return 0
