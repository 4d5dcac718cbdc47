"""What every exercise in ``solutions/`` promises the student and the lecturer alike."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from myndig.assignments import SOURCE_FOLDER, assignment_ids

ROOT = Path(__file__).resolve().parents[2]


def exercise(assignment: str) -> nbformat.NotebookNode:
    return nbformat.read(ROOT / SOURCE_FOLDER / assignment / f"{assignment}.ipynb", as_version=4)


def nbgrader_cells(notebook: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    return {cell.metadata["nbgrader"]["grade_id"]: cell for cell in notebook.cells
            if "nbgrader" in cell.metadata}


@pytest.mark.parametrize("assignment", assignment_ids(ROOT))
def test_points_add_up_to_what_the_introduction_says(assignment):
    """Do the cells' points sum to the total the introduction tells the students?"""
    notebook = exercise(assignment)
    total = sum(cell.metadata.get("nbgrader", {}).get("points", 0) for cell in notebook.cells)
    assert total > 0
    assert f"til sammen {total:g} poeng" in notebook.cells[0].source


@pytest.mark.parametrize("assignment", assignment_ids(ROOT))
def test_reflection_is_graded_by_hand_beside_a_locked_rubric(assignment):
    """Is there a reflection the lecturer grades by hand, and its rubric in a locked cell the
    student cannot change?"""
    cells = nbgrader_cells(exercise(assignment))
    reflections = [cell for cell in cells.values()
                   if cell.cell_type == "markdown" and cell.metadata["nbgrader"]["grade"]
                   and cell.metadata["nbgrader"]["solution"]]
    assert len(reflections) == 1
    assert reflections[0].metadata["nbgrader"]["points"] > 0
    rubric = cells["rubrikk_refleksjon"]
    assert rubric.metadata["nbgrader"]["locked"]
    assert not rubric.metadata["nbgrader"]["grade"]
    assert "Vurderingskriterier" in rubric.source
