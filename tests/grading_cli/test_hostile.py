"""Hostile submissions: each is contained with a clear reason, and the rest is still graded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from myndig.grading.layout import Course
from myndig.grading.runner import DEFAULT_UID_BASE
from myndig.grading.sandbox import Limits, processes_of
from myndig.grading.synthetic import HOSTILE, make_class

pytestmark = pytest.mark.slow
TINY = "tiny-oppgave"
AUTOMATIC_POINTS = 3  # the tiny assignment's autograded points; the reflection is manual

EXPECTED = {
    "infinite_loop": "cell_time_limit",
    "memory_bomb": "memory_limit",
    "fork_bomb": "process_limit",
    "sys_exit": "exit",
    "os_exit": "kernel_died",
    "kernel_crash": "kernel_died",
    "input": "input",
    "huge_output": ("large_output", "output_timeout"),
    "write_outside": "wrote_outside",
    "write_other_student": "blocked_file_access",
    "read_gradebook": "blocked_file_access",
    "read_hidden_tests": "blocked_file_access",
    "deleted_test_cell": "deleted_test_cell",
    "edited_test_cell": "edited_test_cell",
    "missing_notebook": "missing_notebook",
    "renamed_notebook": "renamed_notebook",
    "corrupt_json": "invalid_json",
    "non_utf8": "not_utf8",
}
# Kinds after which the rest of the notebook still runs, so the answers still count.
STILL_SCORED = ("infinite_loop", "memory_bomb", "sys_exit", "input", "write_outside",
                "write_other_student", "read_gradebook", "read_hidden_tests", "edited_test_cell")


def expected(kind: str) -> tuple[str, ...]:
    codes = EXPECTED[kind]
    return codes if isinstance(codes, tuple) else (codes,)


@pytest.fixture(scope="module")
def hostile_class(kit_root: Path, tmp_path_factory: pytest.TempPathFactory, kit):
    course = tmp_path_factory.mktemp("fiendtlig") / "kurs"
    students = len(HOSTILE) + 2
    plan = make_class(kit_root, course, students, assignments=[TINY],
                      mix=(("full", 2 / students), ("hostile", 1.0)))
    # A roomier cell limit than elsewhere: 50 MB of output must get through a loaded machine.
    results = kit.run_grading(course, TINY, jobs=2, overrides={"Execute": {"timeout": 45}},
                              limits=Limits(memory_bytes=1024**3, processes=64))
    return course, plan, {result.student: result for result in results}


def test_every_case_of_the_issue_is_covered():
    """Does the synthetic class include each hostile case the grading must survive?"""
    assert set(EXPECTED) == set(HOSTILE)


@pytest.mark.timeout(900)
def test_each_hostile_submission_is_contained_with_its_reason(hostile_class):
    """Is each hostile submission reported with the reason that fits what it did?"""
    _, plan, results = hostile_class
    for submission in plan:
        if submission.hostile is None:
            continue
        codes = {reason.code for reason in results[submission.student].reasons}
        assert codes & set(expected(submission.hostile)), (submission.hostile, codes)


@pytest.mark.timeout(900)
def test_everyone_else_is_still_graded(hostile_class):
    """Do the ordinary students, and hostile ones whose notebook could go on, keep their points?"""
    _, plan, results = hostile_class
    for submission in plan:
        result = results[submission.student]
        if submission.hostile is None:
            assert result.status == "graded"
            assert result.score == AUTOMATIC_POINTS
            assert result.reasons == []
        elif submission.hostile in STILL_SCORED:
            assert result.score == AUTOMATIC_POINTS, (submission.hostile, result)


@pytest.mark.timeout(900)
def test_nothing_leaked_or_escaped(hostile_class):
    """Did no kernel read a secret, write outside its folder, or outlive its grading?"""
    course, _, _ = hostile_class
    for notebook in (course / "autograded").rglob("*.ipynb"):
        cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
        printed = "".join("".join(output.get("text", "")) for cell in cells
                          for output in cell.get("outputs", []))
        assert "LEKKASJE" not in printed  # the hostile cells print this only if a read worked
    assert not Path("/tmp/myndig-innbrudd.txt").exists()
    assert not (course / "autograded" / "annen-student.txt").exists()
    assert not list((course / "autograded").glob("*.txt"))
    for slot in range(2):
        assert processes_of(DEFAULT_UID_BASE + slot) == []


@pytest.mark.timeout(900)
def test_each_student_has_a_log_naming_the_reason(hostile_class):
    """Does every student's log exist and name what was stopped?"""
    course, plan, _ = hostile_class
    for submission in plan:
        log = Course(course).log_file(TINY, submission.student).read_text(encoding="utf-8")
        assert f"student: {submission.student}" in log
        if submission.hostile:
            assert any(code in log for code in expected(submission.hostile))
    saved = json.loads(Course(course).result_file(TINY, plan[-1].student).read_text())
    assert saved["student"] == plan[-1].student


@pytest.mark.timeout(600)
def test_a_notebook_over_its_time_limit_is_stopped(kit_root, tmp_path, kit):
    """Is a submission that overruns the limit for a whole notebook stopped, and the next graded?"""
    course = tmp_path / "kurs"
    make_class(kit_root, course, 2, assignments=[TINY], hostile_kinds=["infinite_loop"],
               mix=(("full", 0.5), ("hostile", 0.5)))
    results = kit.run_grading(course, TINY, jobs=1, notebook_seconds=15.0,
                              overrides={"Execute": {"timeout": 300}})
    by_status = {result.status: result for result in results}
    assert set(by_status) == {"graded", "stopped"}
    assert by_status["stopped"].reasons[0].code == "notebook_time_limit"
    assert by_status["graded"].score == AUTOMATIC_POINTS
    assert processes_of(DEFAULT_UID_BASE) == []
