"""Warm kernels: each submission's kernel is forked from a loaded process, still in its cage."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from myndig.grading.layout import Course
from myndig.grading.runner import CLAIMABLE_UIDS, DEFAULT_UID_BASE
from myndig.grading.sandbox import INSIDE_WORKDIR
from myndig.grading.synthetic import make_class
from myndig.processes import running

pytestmark = pytest.mark.slow
TINY = "tiny-oppgave"
PROBE = """import json, os, sys
print("PRØVE" + json.dumps({"warm": "matplotlib.pyplot" in sys.modules, "uid": os.getuid(),
                            "cwd": os.getcwd(), "path": sys.path,
                            "home": os.environ.get("HOME")}))"""


def probe_kernel(kit, kit_root: Path, tmp_path: Path, warm: bool) -> tuple[dict, float]:
    course = tmp_path / "kurs"
    make_class(kit_root, course, 1, assignments=[TINY], hostile_kinds=[], mix=(("full", 1.0),))
    [student] = [path.name for path in (course / "submitted").iterdir()]
    notebook_file = Course(course).submission(TINY, student) / f"{TINY}.ipynb"
    notebook = nbformat.read(notebook_file, as_version=4)
    notebook.cells.insert(1, nbformat.v4.new_code_cell(PROBE))
    nbformat.write(notebook, notebook_file)
    [result] = kit.run_grading(course, TINY, jobs=1, warm_kernels=warm)
    graded = json.loads((course / "autograded" / student / TINY / f"{TINY}.ipynb").read_text())
    printed = "".join("".join(output.get("text", "")) for cell in graded["cells"]
                      for output in cell.get("outputs", []))
    return json.loads(printed.split("PRØVE", 1)[1].splitlines()[0]), result.score


@pytest.mark.timeout(600)
def test_kernel_is_warm_only_when_asked_and_always_caged(kit, kit_root, tmp_path):
    """Does a warm kernel start with the course's libraries already loaded (and a cold one
    without), while both run as the slot's own user in the cage's folder, import from the same
    places, and score alike?"""
    warm, warm_score = probe_kernel(kit, kit_root, tmp_path / "varm", warm=True)
    cold, cold_score = probe_kernel(kit, kit_root, tmp_path / "kald", warm=False)
    assert (warm["warm"], cold["warm"]) == (True, False)
    for seen in (warm, cold):
        # The lowest free slot id: another grading run on the machine may hold the first.
        assert DEFAULT_UID_BASE <= seen["uid"] < DEFAULT_UID_BASE + CLAIMABLE_UIDS
        assert seen["cwd"] == str(INSIDE_WORKDIR)
        assert seen["home"] == str(INSIDE_WORKDIR)
    assert warm["path"] == cold["path"]
    assert warm_score == cold_score == 3


def zygotes() -> set[int]:
    """Process ids of warm-kernel processes on the machine, whoever started them."""
    return {process.pid for process in running() if b"myndig.grading.zygote" in process.cmdline}


@pytest.mark.timeout(600)
def test_no_zygote_outlives_its_run(kit, kit_root, tmp_path):
    """Once a run with warm kernels has ended, is none of its warm-kernel processes left?"""
    before = zygotes()
    seen, score = probe_kernel(kit, kit_root, tmp_path, warm=True)
    assert seen["warm"]  # the run did use a zygote
    assert score == 3
    assert zygotes() - before == set()
