"""Checks on a submission's files before any of its code runs (``pipeline.PREFLIGHT_CHECKS``).

They never change the files: nbgrader grades exactly what was submitted. They explain, in the
report, what nbgrader will do with a submission that is not what it should be.
"""

from __future__ import annotations

import json
from pathlib import Path

from myndig.grading.layout import Reason
from myndig.grading.pipeline import PREFLIGHT_CHECKS


def _notebooks(folder: Path) -> list[Path]:
    return sorted(path for path in folder.glob("*.ipynb") if path.is_file())


def missing_or_renamed_notebooks(submission: Path, release: Path) -> list[Reason]:
    expected = {path.name for path in _notebooks(release)}
    present = {path.name for path in _notebooks(submission)}
    reasons = []
    missing = sorted(expected - present)
    extra = sorted(present - expected)
    for name in missing:
        if extra:
            reasons.append(Reason("renamed_notebook", f"{name} -> {', '.join(extra)}"))
        else:
            reasons.append(Reason("missing_notebook", name))
    return reasons


def undecodable_bytes(submission: Path, release: Path) -> list[Reason]:
    reasons = []
    for path in _notebooks(submission):
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError as error:
            reasons.append(Reason("not_utf8", f"{path.name}: byte {error.start}"))
    return reasons


def _load(path: Path) -> dict | None:
    try:
        loaded = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return loaded if isinstance(loaded, dict) else None


def invalid_json(submission: Path, release: Path) -> list[Reason]:
    reasons = []
    for path in _notebooks(submission):
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as error:
            reasons.append(Reason("invalid_json", f"{path.name}: linje {error.lineno}"))
            continue
        if not isinstance(loaded, dict) or not isinstance(loaded.get("cells"), list):
            reasons.append(Reason("invalid_json", f"{path.name}: ikke en notatbok"))
    return reasons


def _protected_cells(notebook: dict) -> dict[str, tuple[str, str]]:
    """grade_id -> (cell source, kind) for cells a student must not change."""
    cells = {}
    for cell in notebook.get("cells", []):
        if not isinstance(cell, dict):
            continue
        metadata = (cell.get("metadata") or {}).get("nbgrader") or {}
        grade_id = metadata.get("grade_id")
        if not grade_id or metadata.get("solution"):
            continue
        if metadata.get("locked") or metadata.get("grade"):
            source = cell.get("source", "")
            cells[grade_id] = ("".join(source) if isinstance(source, list) else str(source),
                               "test" if metadata.get("grade") else "locked")
    return cells


def changed_locked_cells(submission: Path, release: Path) -> list[Reason]:
    reasons = []
    for released_path in _notebooks(release):
        submitted = _load(submission / released_path.name)
        released = _load(released_path)
        if submitted is None or released is None:
            continue
        theirs = _protected_cells(submitted)
        for grade_id, (source, kind) in _protected_cells(released).items():
            if grade_id not in theirs:
                reasons.append(Reason(f"deleted_{kind}_cell", f"{released_path.name}: {grade_id}"))
            elif theirs[grade_id][0].strip() != source.strip():
                reasons.append(Reason(f"edited_{kind}_cell", f"{released_path.name}: {grade_id}"))
    return reasons


def run_checks(submission: Path, release: Path) -> list[Reason]:
    reasons: list[Reason] = []
    if not submission.is_dir():
        return [Reason("missing_submission", str(submission.name))]
    for name in PREFLIGHT_CHECKS:
        reasons.extend(globals()[name](submission, release))
    return reasons
