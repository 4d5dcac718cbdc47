"""Tests of exercise 4 in both modes: the widget's answer file reaches the hidden tests.

The solution notebook is executed with its solution cell emptied (as a student who only used the
widget), in a temporary folder that holds an answer file written through the model.
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from myndig.answers import save_json_atomic
from myndig.model.nkr import OutcomeSet
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "solutions" / "04-laeringsutbytte" / "04-laeringsutbytte.ipynb"
RELEASE = ROOT / "exercises" / "04-laeringsutbytte" / "04-laeringsutbytte.ipynb"

GOOD = [
    "NAV-veilederen har bred kunnskap om tiltak og virkemidler i arbeidsmarkedsloven",
    "NAV-veilederen har kunnskap om utviklingen på arbeidsmarkedet i regionen",
    "NAV-veilederen kan kartlegge arbeidsgiveres behov for arbeidskraft i samtaler med bedrifter",
    "NAV-veilederen kan bruke arbeidsmarkedstiltak i oppfølgingen av arbeidssøkere",
    "NAV-veilederen kan formidle erfaringer fra bedriftsbesøk til kollegene på fagmøtet",
    "NAV-veilederen kan samarbeide med kommunale tjenester om oppfølging av unge brukere",
]


def run_exercise(folder: Path, outcomes: list[str] | None, *, voila: bool = False,
                 source: Path = SOURCE):
    """Execute the exercise as a student who only used the widget; errors per grade id."""
    notebook = nbformat.read(source, as_version=4)
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "svar_laeringsutbytte":
            cell.source = "# Skriv svaret ditt her"
    if outcomes is not None:
        save_json_atomic(folder / "svar-laeringsutbytte.json",
                         OutcomeSet("Arbeidsmarkedskompetanse", 6, list(outcomes)).to_json())
    if voila:
        os.environ["VOILA_KERNEL_ID"] = "test"
    try:
        NotebookClient(notebook, timeout=120, allow_errors=True,
                       resources={"metadata": {"path": str(folder)}}).execute()
    finally:
        os.environ.pop("VOILA_KERNEL_ID", None)
    errors = {}
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                errors[grade_id] = output.get("evalue", "")
    return errors, notebook


@pytest.mark.slow
def test_widget_answer_alone_passes_every_test(tmp_path):
    """Do the visible checks and hidden tests all pass for a good answer saved by the widget?"""
    errors, _ = run_exercise(tmp_path, GOOD)
    assert errors == {}


@pytest.mark.slow
def test_partial_answer_gets_partial_credit_and_actionable_feedback(tmp_path):
    """Does an answer with only knowledge outcomes fail exactly the cells it should, saying why?"""
    only_knowledge = [
        "NAV-veilederen har kunnskap om tiltak i arbeidsmarkedsloven",
        "NAV-veilederen har kunnskap om utviklingen på arbeidsmarkedet",
        "NAV-veilederen har kunnskap om det lokale næringslivet i regionen",
        "NAV-veilederen har kunnskap om kommunale tjenester for unge brukere",
        "NAV-veilederen har kunnskap om organisasjoner som arbeider med brukere",
        "Deltakerne skal forstå hva arbeidsmarkedskompetanse er",
    ]
    errors, _ = run_exercise(tmp_path, only_knowledge)
    assert set(errors) == {"test_kategori_ferdigheter", "test_kategori_generell",
                           "test_observerbare_verb"}
    assert "minst 2" in errors["test_kategori_ferdigheter"]
    assert "«forstå»" in errors["test_observerbare_verb"]
    assert "Forslag" in errors["test_observerbare_verb"]


@pytest.mark.slow
def test_blank_answer_fails_every_graded_cell(tmp_path):
    """Does a student with no outcomes fail every autograded cell (and so score zero)?"""
    errors, notebook = run_exercise(tmp_path, None)
    graded = {cell.metadata["nbgrader"]["grade_id"] for cell in notebook.cells
              if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade")}
    assert set(errors) == graded


@pytest.mark.slow
def test_voila_mode_prints_feedback_instead_of_failing(tmp_path):
    """Does the released notebook run without errors in Voilà, showing the feedback as text?"""
    errors, notebook = run_exercise(tmp_path, None, voila=True, source=RELEASE)
    assert errors == {}
    shown = [str(output) for cell in notebook.cells for output in cell.get("outputs", [])
             if output.get("output_type") == "display_data"]
    assert any("Skriv minst 6" in output for output in shown)
