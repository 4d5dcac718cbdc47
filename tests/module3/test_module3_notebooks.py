"""The module 3 notebook and exercise hold what the course promises."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
COURSE = ROOT / "course" / "03-kunnskapsbasert-praksis.ipynb"


def cells(path: Path, kind: str) -> list[str]:
    return [cell.source for cell in nbformat.read(path, as_version=4).cells
            if cell.cell_type == kind]


def test_course_notebook_uses_the_knowledge_source_widget():
    """Does module 3 show the statement sorting from the shared widget?"""
    assert "from myndig.views.knowledge_sources import practice_widget" in "\n".join(
        cells(COURSE, "code"))


@pytest.mark.parametrize("topic", [
    "forskningsbasert kunnskap", "erfaringsbasert kunnskap", "brukerkunnskap", "konteksten",
    "1. **Reflektere**", "2. **Spørre**", "3. **Søke**", "4. **Vurdere**", "5. **Anvende**",
    "6. **Evaluere**", "reproduktiv", "utviklingsorientert", "Ellström (2001)",
    "KLAR-prosjektet, 2017", "Nortvedt mfl., 2012", "Generalistmodellen", "Spesialistmodellen",
    "Rettighetshaver", "Hjelpetrengende", "Kunde", "Regelorientert", "Behovsorientert",
    "Resultatorientert", "re-spesialisering", "36 intervjuer",
])
def test_course_notebook_covers_the_topic(topic):
    """Is each required topic and source of module 3 in the teaching text?"""
    assert topic.casefold() in "\n".join(cells(COURSE, "markdown")).casefold()


def test_course_notebook_has_reflections_summary_and_sources():
    """Are there reflection prompts throughout, a summary and a reference list?"""
    markdown = "\n".join(cells(COURSE, "markdown"))
    assert len(re.findall(r"^### Refleksjon$", markdown, re.MULTILINE)) >= 5
    assert re.search(r"^## Oppsummering$", markdown, re.MULTILINE)
    assert re.search(r"^## Kilder$", markdown, re.MULTILINE)
