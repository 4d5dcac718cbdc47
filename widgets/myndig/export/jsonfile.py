"""The plan as JSON: the kit's own file format, written atomically."""

from __future__ import annotations

from pathlib import Path

from myndig.model.plan import LearningPlan, save_plan


def write_json(plan: LearningPlan, path: Path) -> None:
    save_plan(path, plan)
