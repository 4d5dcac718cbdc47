"""The ``myndig`` command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from myndig.cli import main


def test_console_script_runs():
    """Does the installed command answer --version?"""
    script = Path(sys.executable).parent / "myndig"
    completed = subprocess.run([str(script), "--version"],
                               capture_output=True, text=True, check=False)
    assert completed.returncode == 0
    assert completed.stdout.startswith("myndig ")


def test_no_subcommand_shows_help_and_fails(capsys):
    """Does a bare ``myndig`` explain itself and exit non-zero?"""
    assert main([]) == 2
    assert "kommandoer" in capsys.readouterr().err


def test_notebooks_check_reports_outputs(tmp_path, capsys):
    """Does ``myndig notebooks`` fail on a notebook that carries outputs, naming it?"""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    folder = tmp_path / "course"
    folder.mkdir()
    result = new_output("execute_result", {"text/plain": "2"}, execution_count=1)
    cell = new_code_cell("1 + 1", execution_count=1, outputs=[result])
    nbformat.write(new_notebook(cells=[cell]), folder / "x.ipynb")
    assert main(["notebooks", "--root", str(tmp_path)]) == 1
    assert "course/x.ipynb: har utdata" in capsys.readouterr().err
    assert main(["notebooks", "--root", str(tmp_path), "--fix"]) == 0
    assert main(["notebooks", "--root", str(tmp_path)]) == 0
