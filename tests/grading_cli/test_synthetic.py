"""The synthetic class generator."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from myndig.grading.roster import read_roster
from myndig.grading.synthetic import (
    DUE,
    HOSTILE,
    ROSTER_NAME,
    answers_from_source,
    fill,
    make_class,
    plan_class,
)

TINY = "tiny-oppgave"


@given(students=st.integers(1, 60), assignments=st.integers(1, 4), seed=st.integers(0, 99))
@settings(max_examples=40, deadline=None)
def test_everyone_hands_in_every_assignment_once(students, assignments, seed):
    """Does each student appear exactly once per assignment, whatever the class size?"""
    names = [f"oppgave-{number}" for number in range(assignments)]
    plan = plan_class(students, names, seed)
    pairs = Counter((submission.student, submission.assignment) for submission in plan)
    assert len(pairs) == students * assignments
    assert set(pairs.values()) == {1}


def test_a_class_of_thirty_has_a_realistic_mix():
    """Are most of a class of 30 full or partial, with some blank, late and hostile ones?"""
    plan = plan_class(30, ["a"])
    counts = Counter(submission.profile for submission in plan)
    assert counts["full"] + counts["partial"] >= 15
    assert counts["blank"] >= 2
    assert counts["late"] >= 2
    assert counts["hostile"] >= 3
    late = [submission for submission in plan if submission.profile == "late"]
    assert all(submission.timestamp > DUE for submission in late)
    on_time = [submission for submission in plan if submission.profile != "late"]
    assert all(submission.timestamp < DUE for submission in on_time)


def test_every_assignment_meets_every_hostile_kind_in_a_big_enough_class():
    """With room for them, does each assignment get every kind of hostile submission?"""
    plan = plan_class(len(HOSTILE), ["a", "b"], mix=(("hostile", 1.0),))
    for assignment in ("a", "b"):
        kinds = {submission.hostile for submission in plan if submission.assignment == assignment}
        assert kinds == set(HOSTILE)


def test_written_class_has_answers_timestamps_and_hostile_files(kit_root, tmp_path):
    """Are full submissions filled from the solutions (without hidden tests), and file-level
    hostile submissions broken as described?"""
    course = tmp_path / "kurs"
    plan = make_class(kit_root, course, 4, assignments=[TINY],
                      hostile_kinds=["corrupt_json", "renamed_notebook"],
                      mix=(("full", 0.25), ("blank", 0.25), ("hostile", 0.5)))
    by_profile = {}
    for submission in plan:
        by_profile.setdefault(submission.hostile or submission.profile, submission)
    folder = course / "submitted"
    full = (folder / by_profile["full"].student / TINY / f"{TINY}.ipynb").read_text("utf-8")
    assert "svar = 42" in full
    assert "HIDDEN TESTS" not in full
    assert "BEGIN SOLUTION" not in full
    blank = (folder / by_profile["blank"].student / TINY / f"{TINY}.ipynb").read_text("utf-8")
    assert "svar = 42" not in blank
    broken = folder / by_profile["corrupt_json"].student / TINY / f"{TINY}.ipynb"
    try:
        json.loads(broken.read_text("utf-8"))
        parsed = True
    except json.JSONDecodeError:
        parsed = False
    assert not parsed
    renamed = folder / by_profile["renamed_notebook"].student / TINY
    assert [path.name for path in renamed.glob("*.ipynb")] == [f"{TINY} (kopi).ipynb"]
    stamp = (folder / by_profile["full"].student / TINY / "timestamp.txt").read_text("utf-8")
    assert datetime.strptime(stamp.strip()[:19], "%Y-%m-%d %H:%M:%S") < DUE.replace(tzinfo=None)
    roster = read_roster(course / ROSTER_NAME)
    assert sorted(person.nbgrader_id for person in roster) == sorted(s.student for s in plan)


def test_answers_leave_out_the_solution_markers():
    """Is a student's answer the solution without nbgrader's markers?"""
    code = "### BEGIN SOLUTION\nx = 1\n### END SOLUTION"
    source = {"cells": [{"cell_type": "code", "source": code,
                         "metadata": {"nbgrader": {"solution": True, "grade_id": "a"}}}]}
    assert answers_from_source(source) == {"a": "x = 1"}


def solution_cell(grade_id: str, source: str) -> dict:
    return {"cell_type": "code", "source": source,
            "metadata": {"nbgrader": {"grade_id": grade_id, "solution": True}}}


def test_fill_answers_only_the_cells_asked_for():
    """Are only the named solution cells answered, in a copy, the release left as it was?"""
    release = {"cells": [solution_cell("a", "# Skriv svaret ditt her"),
                         solution_cell("b", "# Skriv svaret ditt her")]}
    filled = fill(release, {"a": "x = 1", "b": "y = 2"}, {"a"})
    assert [cell["source"] for cell in filled["cells"]] == ["x = 1", "# Skriv svaret ditt her"]
    assert release["cells"][0]["source"] == "# Skriv svaret ditt her"


def test_fill_refuses_answers_for_cells_the_release_lacks():
    """Is an answer for a cell the release does not have an error naming it, not a blank?"""
    release = {"cells": [solution_cell("a", "")]}
    with pytest.raises(ValueError, match="svar_borte"):
        fill(release, {"a": "1", "svar_borte": "2"}, {"a", "svar_borte"})
