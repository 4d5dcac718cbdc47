"""The exercises: ``solutions/`` is the nbgrader source, ``exercises/`` what nbgrader makes of it.

``exercises/`` is never edited by hand. :func:`regenerate` rebuilds it by running the real
``nbgrader generate_assignment`` in a throw-away course directory (so no gradebook ever lands in
the repository) and normalising the notebooks it writes, which is also what the round-trip test
compares against.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CONFIG_FILE = "nbgrader_config.py"
SOURCE_FOLDER = "solutions"
RELEASE_FOLDER = "exercises"
# What a student's copy must never contain even if it lies in the source folder.
IGNORED = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "svar-*.json", "*.uleselig-*")


def assignment_ids(root: Path) -> list[str]:
    source = root / SOURCE_FOLDER
    return sorted(
        folder.name for folder in source.iterdir()
        if folder.is_dir() and any(folder.glob("*.ipynb"))
    ) if source.is_dir() else []


def make_course_directory(root: Path, into: Path, assignments: list[str] | None = None) -> Path:
    """A scratch nbgrader course directory with our config and the given source assignments."""
    into.mkdir(parents=True, exist_ok=True)
    shutil.copy2(root / CONFIG_FILE, into / CONFIG_FILE)
    for assignment in assignments if assignments is not None else assignment_ids(root):
        shutil.copytree(root / SOURCE_FOLDER / assignment, into / SOURCE_FOLDER / assignment,
                        ignore=IGNORED, dirs_exist_ok=True)
    return into


def tool_environment() -> dict[str, str]:
    """The environment with this interpreter's scripts first on PATH.

    nbgrader runs ``alembic`` by name to set up its gradebook, so the virtual environment's
    ``bin`` must be on PATH even when nobody activated it (as with ``.venv/bin/myndig``).
    """
    environment = dict(os.environ)
    scripts = str(Path(sys.executable).parent)
    environment["PATH"] = os.pathsep.join([scripts, environment.get("PATH", "")])
    return environment


def nbgrader(course: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run a real nbgrader command in ``course``; raises with nbgrader's own output on failure."""
    completed = subprocess.run(
        [sys.executable, "-m", "nbgrader", *arguments],
        cwd=course, capture_output=True, text=True, check=False, env=tool_environment(),
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"nbgrader {' '.join(arguments)} feilet (kode {completed.returncode}):\n"
            f"{completed.stdout}\n{completed.stderr}")
    return completed


def generate_release(root: Path, assignment: str, into: Path) -> Path:
    """The release of ``assignment``, normalised, written to ``into/<assignment>``."""
    from myndig.notebooks import normalise_file  # nbformat takes seconds to import

    with tempfile.TemporaryDirectory(prefix="myndig-generate-") as scratch:
        course = make_course_directory(root, Path(scratch), [assignment])
        nbgrader(course, "generate_assignment", assignment, "--force")
        released = course / RELEASE_FOLDER / assignment
        target = into / assignment
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(released, target, ignore=IGNORED)
    for notebook in target.glob("*.ipynb"):
        normalise_file(notebook)
    return target


def regenerate(root: Path) -> list[str]:
    """Rebuild ``exercises/`` from ``solutions/``; returns the assignment ids written."""
    release = root / RELEASE_FOLDER
    release.mkdir(exist_ok=True)
    wanted = assignment_ids(root)
    for stale in release.iterdir():
        if stale.is_dir() and stale.name not in wanted:
            shutil.rmtree(stale)
    for assignment in wanted:
        generate_release(root, assignment, release)
    return wanted
