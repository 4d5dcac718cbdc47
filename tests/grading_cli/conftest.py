"""Fixtures for the lecturer's grading: a tiny assignment of our own and temporary courses.

Every course lives in ``tmp_path``; no gradebook is ever written inside the repository.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import nbformat
import pytest
from myndig.assignments import tool_environment
from myndig.grading.layout import Course
from myndig.grading.runner import RunOptions, grade_assignment
from myndig.grading.summary import auto_scores

REPO = Path(__file__).resolve().parents[2]
TINY = "tiny-oppgave"
KIT = "00-kom-i-gang"
# Short limits so hostile cases cost seconds, not minutes; the same for serial nbgrader.
CELL_SECONDS = 20


def _cell(kind: str, source: str, **nbgrader: object):
    make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
    cell = make(source)
    if nbgrader:
        cell.metadata["nbgrader"] = {"schema_version": 3, "task": False, "locked": False,
                                     "solution": False, "grade": False, **nbgrader}
    return cell


def tiny_notebook():
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    notebook.cells = [
        _cell("markdown", "# Liten oppgave\nSvar på to spørsmål.", grade_id="intro", locked=True),
        _cell("code", "### BEGIN SOLUTION\nsvar = 42\n### END SOLUTION",
              grade_id="svar_tall", solution=True),
        _cell("code", 'assert isinstance(globals().get("svar"), int), "Sett svar til et heltall."\n'
                      "### BEGIN HIDDEN TESTS\nassert svar == 42\n### END HIDDEN TESTS",
              grade_id="test_tall", grade=True, locked=True, points=2),
        _cell("code", "### BEGIN SOLUTION\ndef dobbel(x):\n    return 2 * x\n### END SOLUTION",
              grade_id="svar_dobbel", solution=True),
        _cell("code", 'assert dobbel(2) == 4\n### BEGIN HIDDEN TESTS\nassert dobbel(-3) == -6\n'
                      "### END HIDDEN TESTS", grade_id="test_dobbel", grade=True, locked=True,
              points=1),
        _cell("markdown", "Jeg lærte mest av å prøve selv.", grade_id="refleksjon",
              grade=True, solution=True, points=2),
    ]
    return notebook


@pytest.fixture(scope="session")
def kit_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project root with the kit's config, the tiny assignment and 00-kom-i-gang."""
    root = tmp_path_factory.mktemp("kit")
    shutil.copy2(REPO / "nbgrader_config.py", root / "nbgrader_config.py")
    (root / "solutions" / TINY).mkdir(parents=True)
    nbformat.write(tiny_notebook(), root / "solutions" / TINY / f"{TINY}.ipynb")
    shutil.copytree(REPO / "solutions" / KIT, root / "solutions" / KIT,
                    ignore=shutil.ignore_patterns("svar-*.json", ".ipynb_checkpoints"))
    return root


def nbgrader(course: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "nbgrader", *arguments], cwd=course,
                          capture_output=True, text=True, check=False, env=tool_environment())


def grades_in(course: Path, assignment: str) -> dict[tuple[str, str], float | None]:
    """(student, "notebook/cell") -> auto score, read with nbgrader's own gradebook API."""
    return auto_scores(Course(course), assignment)


@pytest.fixture
def copy_course(tmp_path: Path) -> Callable[[Path, str], Path]:
    def copy(course: Path, name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(course, target, ignore=shutil.ignore_patterns("gradebook.db"))
        return target
    return copy


def run_grading(course: Path, assignment: str, **options: object):
    settings = {"overrides": {"Execute": {"timeout": CELL_SECONDS}}, "notebook_seconds": 240.0}
    settings.update(options)
    return grade_assignment(Course(course), assignment, RunOptions(**settings))


@pytest.fixture(scope="session")
def graded_tiny_class(kit_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny class of six (full, partial, blank, late), graded once for the read-only tests."""
    from myndig.grading.runner import prepare_assignment, set_due_date
    from myndig.grading.synthetic import DUE, make_class

    course = tmp_path_factory.mktemp("graded") / "kurs"
    make_class(kit_root, course, 6, assignments=[TINY], hostile_kinds=[],
               mix=(("full", 0.34), ("partial", 0.33), ("blank", 0.17), ("late", 0.17)))
    prepare_assignment(Course(course), TINY)
    set_due_date(Course(course), TINY, DUE.strftime("%Y-%m-%d %H:%M:%S UTC"))
    results = run_grading(course, TINY, overrides={
        "Execute": {"timeout": CELL_SECONDS},
        "AssignLatePenalties": {"plugin_class": "myndig.grading.late.PercentPerDay"}})
    # Every test on this class compares all six students; say here which one went ungraded and
    # why, rather than leave them to fail on a missing grade.
    ungraded = {result.student: (result.status, [(reason.code, reason.detail)
                                                 for reason in result.reasons])
                for result in results if result.status != "graded"}
    assert not ungraded, ungraded
    assert sorted(result.student for result in results) == sorted(
        path.name for path in (course / "submitted").iterdir())
    return course


@pytest.fixture(scope="session")
def kit():
    """The helpers above for test modules (conftest is not importable under importlib mode)."""
    from types import SimpleNamespace

    return SimpleNamespace(TINY=TINY, KIT=KIT, CELL_SECONDS=CELL_SECONDS, grades_in=grades_in,
                           nbgrader=nbgrader, run_grading=run_grading)
