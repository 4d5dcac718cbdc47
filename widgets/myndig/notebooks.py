"""Notebook hygiene: committed notebooks carry no outputs and only the metadata we choose.

Normalised means: no outputs or execution counts; notebook metadata reduced to the kernel spec
and language name; cell metadata reduced to what nbgrader and Voilà read (``nbgrader``,
``tags``, ``editable``, ``deletable``); cell ids kept (nbformat 4.5) so nbgrader can track
cells; JSON with one-space indent and a final newline, as Jupyter writes it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import nbformat

KEPT_CELL_METADATA = ("nbgrader", "tags", "editable", "deletable")
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
NOTEBOOK_FOLDERS = ("course", "solutions", "exercises")


def normalised(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    clean = nbformat.from_dict(json.loads(json.dumps(notebook)))
    clean.metadata = nbformat.from_dict({
        "kernelspec": KERNELSPEC,
        "language_info": {"name": "python"},
    })
    clean.nbformat, clean.nbformat_minor = 4, 5
    for cell in clean.cells:
        cell.metadata = nbformat.from_dict(
            {key: cell.metadata[key] for key in KEPT_CELL_METADATA if key in cell.metadata})
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        else:
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
            if cell.get("attachments") == {}:
                cell.pop("attachments")
    return clean


def serialise(notebook: nbformat.NotebookNode) -> str:
    return json.dumps(notebook, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def notebook_paths(root: Path, folders: Iterable[str] = NOTEBOOK_FOLDERS) -> Iterator[Path]:
    for folder in folders:
        for path in sorted((root / folder).rglob("*.ipynb")):
            if ".ipynb_checkpoints" not in path.parts:
                yield path


def problems(path: Path) -> list[str]:
    """Why ``path`` is not normalised; empty when it is."""
    text = path.read_text(encoding="utf-8")
    notebook = nbformat.reads(text, as_version=4)
    found = []
    if any(cell.get("outputs") or cell.get("execution_count") for cell in notebook.cells):
        found.append("har utdata eller kjøringsnummer")
    if text != serialise(normalised(notebook)):
        found.append("metadata eller formatering er ikke normalisert (kjør «make notebooks»)")
    return found


def normalise_file(path: Path) -> bool:
    """Rewrite ``path`` normalised; returns whether anything changed."""
    text = path.read_text(encoding="utf-8")
    clean = serialise(normalised(nbformat.reads(text, as_version=4)))
    if clean == text:
        return False
    path.write_text(clean, encoding="utf-8")
    return True
