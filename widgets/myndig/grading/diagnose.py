"""After a run: what the cage stopped, read from the executed notebook, nbgrader's log and the
cage's stand-in folders (rules in ``pipeline.OUTPUT_RULES`` and ``pipeline.LOG_RULES``)."""

from __future__ import annotations

import json
from pathlib import Path

from myndig.grading.layout import Reason
from myndig.grading.pipeline import (
    FILE_ERRORS,
    LARGE_OUTPUT_BYTES,
    LOG_RULES,
    OUTPUT_RULES,
    STREAM_RULES,
)
from myndig.grading.sandbox import WORLD_WRITABLE, spill_folder


def _outputs(notebook: dict) -> list[tuple[str, str, str, str]]:
    """(cell, output type, exception name, text) for every output of an executed notebook."""
    found = []
    for number, cell in enumerate(notebook.get("cells", []), start=1):
        grade_id = ((cell.get("metadata") or {}).get("nbgrader") or {}).get("grade_id")
        label = grade_id or f"celle {number}"
        for output in cell.get("outputs", []) or []:
            kind = output.get("output_type", "")
            if kind == "error":
                found.append((label, kind, str(output.get("ename", "")),
                              str(output.get("evalue", ""))))
            elif kind == "stream":
                text = output.get("text", "")
                found.append((label, kind, "", "".join(text) if isinstance(text, list) else text))
    return found


def from_notebooks(autograded: Path, secrets: tuple[str, ...] = ()) -> list[Reason]:
    reasons = []
    for path in sorted(autograded.glob("*.ipynb")) if autograded.is_dir() else []:
        if path.stat().st_size > LARGE_OUTPUT_BYTES:
            megabytes = path.stat().st_size // 1024**2
            reasons.append(Reason("large_output", f"{path.name}: {megabytes} MB"))
        try:
            notebook = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        for label, kind, name, text in _outputs(notebook):
            if kind == "error" and name in FILE_ERRORS and any(s in text for s in secrets):
                reasons.append(Reason("blocked_file_access", f"{label}: {name}: {text[:160]}"))
            elif kind == "error":
                for rule_name, must_contain, code in OUTPUT_RULES:
                    if rule_name in ("", name) and must_contain in text:
                        reasons.append(Reason(code, f"{label}: {name}: {text[:160]}"))
                        break
            else:
                for must_contain, code in STREAM_RULES:
                    if must_contain in text:
                        reasons.append(Reason(code, f"{label}: {must_contain}"))
    return reasons


def from_log(log: str) -> list[Reason]:
    reasons = []
    for text, code in LOG_RULES:
        if text in log and all(reason.code != code for reason in reasons):
            reasons.append(Reason(code, text))
    return reasons


def from_spill(spill: Path) -> list[Reason]:
    """Files the kernel wrote outside its folder; they went to throw-away stand-ins."""
    written = []
    for directory in WORLD_WRITABLE:
        stand_in = spill_folder(spill, directory)
        if stand_in.is_dir():
            written += [f"{directory}/{path.relative_to(stand_in)}" for path in
                        sorted(stand_in.rglob("*")) if path.is_file()]
    return [Reason("wrote_outside", ", ".join(written[:5]))] if written else []


def merge(*groups: list[Reason]) -> list[Reason]:
    """One reason per code (the first found), in the order found.

    Preflight reasons about cells keep one line per cell, since each names a different cell.
    """
    seen, merged = set(), []
    for group in groups:
        for reason in group:
            key = (reason.code, reason.detail) if reason.code.endswith("_cell") else reason.code
            if key not in seen:
                seen.add(key)
                merged.append(reason)
    return merged
