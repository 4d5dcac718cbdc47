"""The order submissions are handed to the workers in."""

from __future__ import annotations

from myndig.grading.layout import Course, Result, save_result
from myndig.grading.runner import longest_first

ASSIGNMENT = "01-myndiggjoring"


def graded_before(course: Course, seconds: dict[str, float]) -> None:
    for student, taken in seconds.items():
        save_result(course, Result(student=student, assignment=ASSIGNMENT, status="graded",
                                   seconds=taken))


def test_first_grading_keeps_the_class_order(tmp_path):
    """With nothing graded before, are submissions handed out in the order given?"""
    students = ["s3", "s1", "s2"]
    assert longest_first(Course(tmp_path), ASSIGNMENT, students) == students


def test_slow_submissions_go_first_when_graded_again(tmp_path):
    """When a class is graded again, does the one that hit the time limit last time go first,
    so it does not keep one core busy after the rest are done?"""
    course = Course(tmp_path)
    graded_before(course, {"s1": 2.0, "s2": 3.0, "s3": 31.5, "s4": 2.5})
    assert longest_first(course, ASSIGNMENT, ["s1", "s2", "s3", "s4"]) == ["s3", "s2", "s4", "s1"]


def test_new_submissions_count_as_typical(tmp_path):
    """Does a submission never graded before take the median's place, between slow and fast,
    and do equals keep the class order?"""
    course = Course(tmp_path)
    graded_before(course, {"s1": 1.0, "s2": 30.0, "s3": 2.0})
    assert longest_first(course, ASSIGNMENT, ["s1", "ny", "s2", "s3", "ny2"]) == [
        "s2", "ny", "s3", "ny2", "s1"]


def test_a_broken_result_file_is_treated_as_new(tmp_path):
    """Does an unreadable earlier result count as never graded instead of stopping the run?"""
    course = Course(tmp_path)
    graded_before(course, {"s1": 40.0, "s2": 9.0, "s3": 1.0})
    course.result_file(ASSIGNMENT, "s1").write_text("{ikke json", encoding="utf-8")
    assert longest_first(course, ASSIGNMENT, ["s1", "s2", "s3"]) == ["s2", "s1", "s3"]
