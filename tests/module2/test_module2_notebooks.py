"""The module 2 notebook and exercise hold what the course promises, reusing shared widgets."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
COURSE = ROOT / "course" / "02-organisasjonslaering.ipynb"


def cells(path: Path, kind: str) -> list[str]:
    return [cell.source for cell in nbformat.read(path, as_version=4).cells
            if cell.cell_type == kind]


def test_course_notebook_uses_the_loop_widget_and_reuses_the_learning_mix():
    """Does module 2 show the loop sorting and the existing 70/20/10 widget (not a copy)?"""
    code = "\n".join(cells(COURSE, "code"))
    assert "from myndig.views.learning_loops import practice_widget" in code
    assert "from myndig.views.learning_mix import LearningMixWidget" in code
    assert "class " not in code


@pytest.mark.parametrize("topic", [
    "Bay mfl., 2015", "Senge, 1990", "Schön (1978)", "Polanyi (1966)",
    "Takeuchi (1995)", "Martinsen (2019)", "Eichinger (1996)",
    "Clardy, 2018", "NAV, 2022", "sirkelbasert gruppeveiledning", "kollegaveiledning",
    "lærende møter", "kompetanseagenter", "ildsjeler", "please-harmoni", "Personlig mestring",
    "Mentale modeller", "Felles visjon", "Gruppelæring", "Systemtenkning", "Sosialisering",
    "Eksternalisering", "Kombinasjon", "Internalisering",
])
def test_course_notebook_covers_the_topic(topic):
    """Is each required topic and source of module 2 in the teaching text?"""
    assert topic.casefold() in "\n".join(cells(COURSE, "markdown")).casefold()


def test_course_notebook_has_reflections_summary_and_sources():
    """Are there reflection prompts throughout, a summary and a reference list?"""
    markdown = "\n".join(cells(COURSE, "markdown"))
    assert len(re.findall(r"^### Refleksjon$", markdown, re.MULTILINE)) >= 8
    assert re.search(r"^## Oppsummering$", markdown, re.MULTILINE)
    assert re.search(r"^## Kilder$", markdown, re.MULTILINE)
