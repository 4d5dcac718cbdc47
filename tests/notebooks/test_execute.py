"""Every teaching notebook, workshop app and solution runs from top to bottom without error."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from myndig.notebooks import notebook_paths
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]

NOTEBOOKS = list(notebook_paths(ROOT, folders=("course", "solutions")))


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: str(path.relative_to(ROOT)))
def test_notebook_executes(path, tmp_path):
    """Does the notebook run without error in a fresh kernel, in a folder of its own?"""
    # A copy of the notebook's folder, so answer files the notebook writes stay out of the repo.
    workdir = tmp_path / path.parent.name
    shutil.copytree(path.parent, workdir, ignore=shutil.ignore_patterns("*.ipynb", "svar-*.json"))
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(workdir)}}).execute()
    errors = [output for cell in notebook.cells for output in cell.get("outputs", [])
              if output.output_type == "error"]
    assert errors == []
    assert all(cell.execution_count for cell in notebook.cells if cell.cell_type == "code")
