"""The class list that ties nbgrader's student ids to Canvas.

A CSV file with the columns of Canvas' own gradebook export plus ``nbgrader_id``:

    nbgrader_id,Student,ID,SIS User ID,SIS Login ID,Section
    student01,"Nordmann, Ola",1234,ola01,ola@uni.no,Gruppe 1

The easiest way to make one is to export the gradebook from Canvas and add the first column.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from myndig.i18n import t
from myndig.model.errors import InvalidFile

COLUMNS = ("nbgrader_id", "Student", "ID", "SIS User ID", "SIS Login ID", "Section")


@dataclass(frozen=True)
class Person:
    nbgrader_id: str
    name: str
    canvas_id: str
    sis_user_id: str
    sis_login_id: str
    section: str


def read_roster(path: Path) -> list[Person]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidFile(t("grading.roster_not_utf8", file=str(path))) from error
    except OSError as error:
        raise InvalidFile(t("grading.roster_unreadable", file=str(path), error=error)) from error
    rows = list(csv.DictReader(text.splitlines()))
    header = set(rows[0]) if rows else set()
    missing = [column for column in COLUMNS if column not in header]
    if not rows or missing:
        raise InvalidFile(t("grading.roster_columns", file=str(path),
                            missing=", ".join(missing or COLUMNS)))
    people, seen = [], set()
    for number, row in enumerate(rows, start=2):
        student = (row["nbgrader_id"] or "").strip()
        if not student:
            raise InvalidFile(t("grading.roster_empty_id", file=str(path), line=number))
        if student in seen:
            raise InvalidFile(t("grading.roster_duplicate", file=str(path), line=number,
                                student=student))
        seen.add(student)
        people.append(Person(student, row["Student"].strip(), row["ID"].strip(),
                             row["SIS User ID"].strip(), row["SIS Login ID"].strip(),
                             row["Section"].strip()))
    return people


def write_roster(path: Path, people: list[Person]) -> None:
    with Path(path).open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for person in people:
            writer.writerow([person.nbgrader_id, person.name, person.canvas_id,
                             person.sis_user_id, person.sis_login_id, person.section])


def write_made_up_roster(path: Path, students: list[str]) -> None:
    """A class list for a made-up class, so its grades can be exported like a real one."""
    with Path(path).open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(COLUMNS)
        for number, student in enumerate(students, start=1):
            writer.writerow([student, f"Student {number:02d}", str(100000 + number),
                             f"s{100000 + number}", f"{student}@example.org", "Oppdiktet klasse"])
