"""The three pictures: drawn from the model, weighted by it, and never empty of meaning."""

from __future__ import annotations

from matplotlib.patches import FancyArrowPatch
from myndig.model.plan import make_flow_row, royken_2015
from myndig.model.plan.knowledge_flow import KnowledgeFlow
from myndig.views.figures import to_png
from myndig.views.plan_figures import methods_figure, structures_figure, timeline_figure


def _arrows(figure):
    return [patch for patch in figure.axes[0].patches if isinstance(patch, FancyArrowPatch)]


def test_structures_has_nine_arrows_weighted_by_extent():
    """Are there nine arrows, the busiest the widest and empty ones thin and dashed?"""
    flow = KnowledgeFlow()
    flow.add(make_flow_row(1, "Kollegaveiledning", extent=3))
    flow.add(make_flow_row(1, "Fadderordning", extent=3))
    flow.add(make_flow_row(7, "Brukerutvalg", extent=1))
    arrows = _arrows(structures_figure(flow))
    assert len(arrows) == 9
    widths = [arrow.get_linewidth() for arrow in arrows]
    assert widths[0] == max(widths)
    assert widths[6] < widths[0]
    assert widths[1] == min(widths)
    labels = [text.get_text() for text in structures_figure(flow).axes[0].texts]
    assert "1: 6" in labels
    assert "7: 1" in labels
    assert "Intern\nstruktur" in labels


def test_structures_of_empty_flow_still_draws():
    """Does an empty mapping draw the three structures with nine dashed arrows?"""
    figure = structures_figure(KnowledgeFlow())
    assert len(_arrows(figure)) == 9
    assert to_png(figure).startswith(b"\x89PNG")


def test_timeline_has_a_line_per_row_and_evaluation():
    """Does the timeline give each row and each theme's evaluation its own labelled line?"""
    plan = royken_2015()
    figure = timeline_figure(plan)
    labels = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    assert len(labels) == sum(len(theme.rows) for theme in plan.themes) + len(plan.themes)
    assert labels[0] == "Supported employment (SE) – 1"
    texts = [text.get_text() for text in figure.axes[0].texts]
    assert texts.count("uten dato") == 1 + 3  # one undated row, three themes without evaluation
    assert to_png(figure).startswith(b"\x89PNG")


def test_timeline_marks_evaluations(plan):
    """Is a dated evaluation drawn as a marker?"""
    figure = timeline_figure(plan)
    assert any(line.get_marker() == "D" for line in figure.axes[0].lines)


def test_methods_figure_counts_rows():
    """Does the method chart have a bar per kind of method, as long as its count?"""
    plan = royken_2015()
    figure = methods_figure(plan)
    bars = figure.axes[0].patches
    assert len(bars) == 9
    assert max(bar.get_width() for bar in bars) == 7  # lectures in Røyken's plan
    assert to_png(figure).startswith(b"\x89PNG")
