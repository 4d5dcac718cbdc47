"""The exercise's autograded cells give partial credit for a partial plan, in-process.

The nbgrader round trip (tests/grading) checks full marks for the solution and zero for a blank
release; here the same cells are run against plans that are half done, to see that each part
of a plan earns its own points and nothing else does.
"""

from __future__ import annotations

import types
from pathlib import Path

import nbformat
import pytest
from myndig.model.plan import make_member, make_timing, royken_2015
from myndig.views.plan_common import blank_plan

NOTEBOOK = (Path(__file__).resolve().parents[2] / "solutions" / "05-laeringssystemet"
            / "05-laeringssystemet.ipynb")


def _cells():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    return {cell.metadata["nbgrader"]["grade_id"]: cell for cell in notebook.cells}


class _Tool:
    def __init__(self, plan):
        self.plan = plan
        self.shared = types.SimpleNamespace(replace=self._replace)

    def _replace(self, plan):
        self.plan = plan


def score(plan) -> dict[str, float]:
    """Points per autograded cell for ``plan``, as nbgrader would give them."""
    cells = _cells()
    namespace: dict[str, object] = {"planverktoy": _Tool(plan)}
    # The notebook is our own; its cells are run here exactly as nbgrader runs them.
    exec(cells["oppsett"].source, namespace)
    points = {}
    for grade_id, cell in cells.items():
        grading = cell.metadata["nbgrader"]
        if cell.cell_type != "code" or not grading.get("grade"):
            continue
        try:
            exec(cell.source, namespace)
        except AssertionError:
            points[grade_id] = 0.0
        else:
            points[grade_id] = float(grading["points"])
    return points


def solution_plan():
    cells = _cells()
    tool = _Tool(blank_plan())
    namespace: dict[str, object] = {"planverktoy": tool}
    exec(cells["svar_plan"].source, namespace)
    return tool.plan


def test_solution_scores_every_point():
    """Does the model solution earn all 12 autograded points?"""
    points = score(solution_plan())
    assert sum(points.values()) == 12
    assert len(points) == 11


def test_blank_plan_scores_nothing():
    """Does the untouched (blank) plan earn no points at all?"""
    assert sum(score(blank_plan()).values()) == 0


def test_royken_as_submitted_gets_partial_credit():
    """Does Røyken's plan, with its gaps, earn some points but not those for its gaps?"""
    points = score(royken_2015())
    assert points["test_temaer"] == 1
    assert points["test_opphav"] == 1
    assert points["test_arenaer"] == 1
    assert points["test_metoder"] == 1
    assert points["test_arbeidsgruppe"] == 0
    assert points["test_elementer_komplette"] == 0
    assert points["test_arenaer_henger_sammen"] == 0
    assert points["test_kunnskapsflyt_bredde"] == 0
    assert 0 < sum(points.values()) < 12


def test_fixing_one_part_earns_its_points():
    """Does adding a proper working group to a plan earn exactly that cell's point?"""
    plan = solution_plan()
    plan.working_group.members.clear()
    before = score(plan)
    assert before["test_arbeidsgruppe"] == 0
    for role in ("Leder", "Veileder", "Rådgiver"):
        plan.working_group.add(make_member(role))
    after = score(plan)
    assert after["test_arbeidsgruppe"] == 1
    assert sum(after.values()) - sum(before.values()) == 1


@pytest.mark.parametrize(("change", "cell"), [
    ("evaluation_before", "test_tider_med_dato"),
    ("unknown_arena", "test_arenaer_henger_sammen"),
    ("one_method", "test_metoder"),
])
def test_each_incoherence_costs_its_own_points(change, cell):
    """Does each kind of incoherence cost the points of its own cell and no others?"""
    from dataclasses import replace

    from myndig.model.plan import Method

    plan = solution_plan()
    if change == "evaluation_before":
        plan.themes[0].evaluation = make_timing("", "2026-08-15")
    elif change == "unknown_arena":
        plan.themes[0].rows[0] = replace(plan.themes[0].rows[0], arena="Kantina")
    else:
        for theme in plan.themes:
            theme.rows = [replace(row, method=Method.LECTURE) for row in theme.rows]
    points = score(plan)
    assert points[cell] == 0
    assert sum(points.values()) == 11
