"""Parallel grading against serial nbgrader: same grades, a consistent gradebook, resumable."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from myndig.assignments import tool_environment
from myndig.grading.layout import Course, load_results
from myndig.grading.synthetic import make_class
from myndig.processes import Process, running

pytestmark = pytest.mark.slow
NORMAL_MIX = (("full", 0.4), ("partial", 0.3), ("blank", 0.15), ("late", 0.15))
TINY, KIT = "tiny-oppgave", "00-kom-i-gang"


def serial_reference(kit, course: Path, assignment: str) -> dict:
    """Plain nbgrader, one submission after another, as a lecturer runs it today."""
    generated = kit.nbgrader(course, "generate_assignment", assignment, "--force",
                             f"--CourseDirectory.release_directory={course / 'release'}")
    assert generated.returncode == 0, generated.stderr
    completed = kit.nbgrader(course, "autograde", assignment, "--force",
                             f"--Execute.timeout={kit.CELL_SECONDS}")
    assert "Traceback" not in completed.stdout
    return kit.grades_in(course, assignment)


@pytest.mark.timeout(900)
def test_kit_exercise_grades_equal_serial_nbgrader(kit, kit_root, tmp_path, copy_course):
    """Does parallel grading of a real exercise give every cell exactly the score serial
    nbgrader autograde gives?"""
    course = tmp_path / "kurs"
    make_class(kit_root, course, 4, assignments=[KIT], hostile_kinds=[], mix=NORMAL_MIX)
    serial = copy_course(course, "serielt")
    expected = serial_reference(kit, serial, KIT)
    results = kit.run_grading(course, KIT, jobs=2)
    actual = kit.grades_in(course, KIT)
    assert len(results) == 4
    assert all(result.status == "graded" for result in results)
    assert actual == expected
    scores = {value for value in actual.values() if value is not None}
    assert len(scores) > 1, "the class must not score the same everywhere"


@pytest.mark.timeout(900)
def test_mixed_class_grades_equal_serial_nbgrader(kit, graded_tiny_class, tmp_path):
    """For a class of full, partial, blank and late answers graded two at a time, does every
    cell get exactly the score serial nbgrader autograde gives?"""
    serial = tmp_path / "serielt"
    shutil.copytree(graded_tiny_class, serial, ignore=shutil.ignore_patterns(
        "gradebook.db", "autograded", "myndig-retting", ".myndig-gradebook.lock"))
    expected = serial_reference(kit, serial, TINY)
    actual = kit.grades_in(graded_tiny_class, TINY)
    assert actual == expected
    assert len(actual) == 6 * 3
    scores = {value for value in actual.values() if value is not None}
    assert len(scores) > 1, "the class must not score the same everywhere"


@pytest.mark.timeout(900)
def test_gradebook_is_consistent_and_a_run_resumes(kit, graded_tiny_class, tmp_path):
    """Is the gradebook intact after parallel work, and does a second run grade only what changed
    or what it is told to regrade?"""
    course = tmp_path / "kurs"
    shutil.copytree(graded_tiny_class, course)
    first = load_results(Course(course), TINY)
    assert len(first) == 6
    with sqlite3.connect(course / "gradebook.db") as database:
        assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        submissions = database.execute("SELECT COUNT(*) FROM submitted_assignment").fetchone()
    assert submissions == (6,)
    assert len(kit.grades_in(course, TINY)) == 6 * 3
    for student in {result.student for result in first}:
        assert Course(course).log_file(TINY, student).read_text(encoding="utf-8")

    assert kit.run_grading(course, TINY, jobs=2) == []  # nothing changed: nothing to do
    changed, regraded = sorted(result.student for result in first)[:2]
    notebook = Course(course).submission(TINY, changed) / f"{TINY}.ipynb"
    notebook.write_text(notebook.read_text(encoding="utf-8") + " ", encoding="utf-8")
    again = kit.run_grading(course, TINY, jobs=2)
    assert [result.student for result in again] == [changed]
    one = kit.run_grading(course, TINY, jobs=2, students=[regraded])
    assert [result.student for result in one] == [regraded]


@pytest.mark.timeout(900)
def test_an_interrupted_run_resumes_where_it_stopped(kit, kit_root, tmp_path):
    """After Ctrl-C in the middle of a class, does the same command finish only the rest?"""
    course = tmp_path / "kurs"
    make_class(kit_root, course, 4, assignments=[TINY], hostile_kinds=[], mix=NORMAL_MIX)
    results = Course(course).state(TINY) / "resultater"
    process = subprocess.Popen(
        [sys.executable, "-m", "myndig.cli", "grade", TINY, "--course", str(course),
         "--jobs", "2", "--cell-timeout", "20"],
        env=tool_environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and len(list(results.glob("*.json"))) < 2:
        time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    _, errors = process.communicate(timeout=120)
    assert process.returncode == 130, errors
    done_before = {path.stem for path in results.glob("*.json")}
    assert 2 <= len(done_before) < 4
    resumed = kit.run_grading(course, TINY, jobs=2)
    assert {result.student for result in resumed}.isdisjoint(done_before)
    assert len(load_results(Course(course), TINY)) == 4
    assert not [process for process in running() if worker_of(process, course)]


def worker_of(process: Process, course: Path) -> bool:
    """Is this process a grading worker still serving ``course``?"""
    return (b"myndig.grading.worker" in process.cmdline
            and str(course).encode() in process.cmdline)
