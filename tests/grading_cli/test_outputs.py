"""What comes out of a graded class: Canvas and nbgrader CSV, feedback, the lecturer's summary."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from myndig.grading import pipeline
from myndig.grading.export import POINTS_POSSIBLE, canvas_csv, nbgrader_csv
from myndig.grading.feedback import generate_feedback
from myndig.grading.layout import Course, Reason, Result, save_result
from myndig.grading.roster import COLUMNS, Person, read_roster, write_roster
from myndig.grading.summary import most_missed, questions_from_gradebook, write_summary
from myndig.i18n import keys
from myndig.model.errors import InvalidFile

pytestmark = pytest.mark.slow
TINY = "tiny-oppgave"


@pytest.fixture
def course(graded_tiny_class: Path, tmp_path: Path) -> Path:
    target = tmp_path / "kurs"
    shutil.copytree(graded_tiny_class, target)
    return target


def roster_for(course: Path) -> list[Person]:
    students = sorted(path.name for path in (course / "submitted").iterdir())
    return [Person(student, f"Etternavn{number}, Fornavn", str(1000 + number), f"sis{number}",
                   f"{student}@uni.no", "Gruppe 1") for number, student in enumerate(students)]


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))


@pytest.mark.timeout(600)
def test_canvas_file_matches_nbgrader_export(course: Path, tmp_path: Path):
    """Does the Canvas file have Canvas' columns, the Points Possible row, and for every student
    the same final score as nbgrader's own CSV (late penalty included)?"""
    roster = roster_for(course)
    nbgrader_file = nbgrader_csv(Course(course), tmp_path / "nbgrader.csv")
    canvas_file = tmp_path / "canvas.csv"
    outside = canvas_csv(Course(course), [TINY], roster[1:], canvas_file,
                         {TINY: "Liten oppgave (4711)"})
    rows = list(csv.reader(canvas_file.read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section",
                       "Liten oppgave (4711)"]
    assert rows[1][0] == POINTS_POSSIBLE
    assert float(rows[1][5]) == 5.0
    expected = {row["student_id"]: float(row["score"]) for row in read_csv(nbgrader_file)}
    for person, row in zip(roster[1:], rows[2:], strict=True):
        assert row[:5] == [person.name, person.canvas_id, person.sis_user_id,
                           person.sis_login_id, person.section]
        assert float(row[5]) == expected[person.nbgrader_id]
    assert outside == [roster[0].nbgrader_id]
    penalties = [float(row["late_submission_penalty"] or 0) for row in read_csv(nbgrader_file)]
    assert any(penalty > 0 for penalty in penalties), "the late students must lose points"


def test_roster_round_trip_and_bad_rosters(tmp_path: Path):
    """Is a roster read back as written, and a broken one refused with a Norwegian reason?"""
    people = [Person("s1", "Nordmann, Ola", "1", "u1", "ola@uni.no", "A")]
    path = tmp_path / "klasse.csv"
    write_roster(path, people)
    assert read_roster(path) == people
    path.write_text("Student,ID\nOla,1\n", encoding="utf-8")
    with pytest.raises(InvalidFile, match="mangler kolonnene"):
        read_roster(path)
    path.write_text(",".join(COLUMNS) + "\ns1,a,1,,,\ns1,b,2,,,\n", encoding="utf-8")
    with pytest.raises(InvalidFile, match="står der fra før"):
        read_roster(path)
    path.write_bytes((",".join(COLUMNS) + "\ns1,Bjørn,1,,,\n").encode("latin-1"))
    with pytest.raises(InvalidFile, match="UTF-8"):
        read_roster(path)


@pytest.mark.timeout(600)
def test_feedback_for_each_student(course: Path):
    """Does every graded student get nbgrader's HTML feedback?"""
    files, problems = generate_feedback(Course(course), TINY)
    students = {path.parts[-3] for path in files}
    assert students == {path.name for path in (course / "submitted").iterdir()}, problems
    assert "Liten oppgave" in files[0].read_text(encoding="utf-8")


def test_summary_figure_text_and_contained_submissions(course: Path):
    """Does the summary draw the distribution, name the most missed question, and list a
    contained submission with its reason in Norwegian?"""
    save_result(Course(course), Result(student="zz-fiende", assignment=TINY, status="failed",
                                       reasons=[Reason("memory_limit", "celle 3")]))
    text_file, picture = write_summary(Course(course), TINY)
    assert picture.read_bytes().startswith(b"\x89PNG")
    text = text_file.read_text(encoding="utf-8")
    questions = questions_from_gradebook(Course(course), TINY)
    assert {question.name for question in questions} == {"test_tall", "test_dobbel", "refleksjon"}
    reflection = next(question for question in questions if question.name == "refleksjon")
    # Unchanged answer cells get 0 from nbgrader at once; written answers wait for a grader.
    assert reflection.waiting >= 1
    class_size = len(list((course / "submitted").iterdir()))
    assert reflection.waiting + len(reflection.scores) == class_size
    missed = most_missed(questions)
    assert missed[0].fraction <= missed[-1].fraction
    assert f"{missed[0].name}: snitt" in text
    assert "zz-fiende" in text
    assert "for mye minne" in text
    assert "fordeling.png" in text


def test_every_reason_has_a_norwegian_text():
    """Can every reason the pipeline may give be shown to the lecturer in Norwegian?"""
    codes = {code for *_, code in pipeline.OUTPUT_RULES} | {code for _, code in pipeline.LOG_RULES}
    codes |= {code for _, code in pipeline.STREAM_RULES}
    codes |= {"missing_submission", "missing_notebook", "renamed_notebook", "not_utf8",
              "invalid_json", "deleted_test_cell", "deleted_locked_cell", "edited_test_cell",
              "edited_locked_cell", "notebook_time_limit", "wrote_outside", "large_output",
              "processes_left", "nbgrader_error", "worker_error", "worker_died",
              "output_timeout", "kernel_unresponsive"}
    missing = {code for code in codes if f"grading.reason_{code}" not in keys()}
    assert not missing
