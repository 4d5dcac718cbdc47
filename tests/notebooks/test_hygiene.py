"""Committed notebooks carry no outputs and only normalised metadata."""

from __future__ import annotations

from pathlib import Path

import pytest
from myndig.notebooks import notebook_paths, problems

ROOT = Path(__file__).resolve().parents[2]

NOTEBOOKS = list(notebook_paths(ROOT))


def test_there_are_notebooks():
    """Does the course have notebooks in all three folders?"""
    folders = {path.relative_to(ROOT).parts[0] for path in NOTEBOOKS}
    assert folders == {"course", "solutions", "exercises"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: str(path.relative_to(ROOT)))
def test_notebook_is_normalised(path):
    """Is the notebook free of outputs, with normalised metadata and formatting?"""
    assert problems(path) == []
