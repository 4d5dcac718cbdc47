"""The plan's three pictures, each drawn from the model and paired with its text summary.

* the three structures (individual competence, internal and external structure) with Sveiby's
  nine knowledge transfers as arrows whose width shows how much happens;
* the half-year timeline of the plan's activities and evaluations;
* the mix of pedagogical methods.
"""

from __future__ import annotations

import math
from datetime import timedelta

from matplotlib.dates import DateFormatter, MonthLocator, date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch, Patch

from myndig.i18n import t
from myndig.model.plan import TRANSFERS, KnowledgeFlow, LearningPlan, Method, Structure
from myndig.model.plan.period import MONTHS
from myndig.views.figures import HATCHES, PALETTE, new_figure

_POSITIONS = {Structure.INDIVIDUAL: (0.0, 1.0), Structure.INTERNAL: (-1.05, -0.6),
              Structure.EXTERNAL: (1.05, -0.6)}
_RADIUS = 0.42
# Where each structure's own loop sits: away from the centre of the triangle.
_LOOP_ANGLE = {Structure.INDIVIDUAL: 90.0, Structure.INTERNAL: 210.0, Structure.EXTERNAL: 330.0}


def _on_circle(centre: tuple[float, float], angle: float, radius: float = _RADIUS):
    return (centre[0] + radius * math.cos(math.radians(angle)),
            centre[1] + radius * math.sin(math.radians(angle)))


def structures_figure(flow: KnowledgeFlow) -> Figure:
    figure = new_figure(6.4, 5.6)
    axes = figure.add_subplot()
    axes.set_aspect("equal")
    axes.axis("off")
    axes.set_xlim(-2.1, 2.1)
    axes.set_ylim(-1.75, 2.05)
    axes.set_title(t("plan.figur_strukturer_tittel"))
    weights = flow.weights()
    heaviest = max(weights.values()) or 1
    for index, (structure, centre) in enumerate(_POSITIONS.items()):
        axes.add_patch(Circle(centre, _RADIUS, facecolor=PALETTE[index + 4], alpha=0.35,
                              hatch=HATCHES[index + 1], edgecolor="#333333", linewidth=1.2))
        axes.text(centre[0], centre[1], structure.label.replace(" ", "\n", 1), ha="center",
                  va="center", fontsize=9, fontweight="bold",
                  bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "alpha": 0.85,
                        "edgecolor": "none"})
    for item in TRANSFERS:
        weight = weights[item.number]
        width = 0.8 + 7.0 * weight / heaviest if weight else 0.8
        style = {"color": "#222222" if weight else "#999999",
                 "linestyle": "-" if weight else (0, (3, 3)), "linewidth": width}
        source, target = _POSITIONS[item.source], _POSITIONS[item.target]
        if item.source is item.target:
            angle = _LOOP_ANGLE[item.source]
            start, end = _on_circle(source, angle - 28), _on_circle(source, angle + 28)
            arrow = FancyArrowPatch(start, end, connectionstyle="arc3,rad=1.9",
                                    arrowstyle="-|>", mutation_scale=12 + width, **style)
            label_at = _on_circle(source, angle, _RADIUS + 0.62)
        else:
            direction = math.degrees(math.atan2(target[1] - source[1], target[0] - source[0]))
            start = _on_circle(source, direction - 18)
            end = _on_circle(target, direction + 180 + 18)
            arrow = FancyArrowPatch(start, end, connectionstyle="arc3,rad=0.18",
                                    arrowstyle="-|>", mutation_scale=12 + width, **style)
            middle = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
            normal = math.radians(direction - 90)
            label_at = (middle[0] + 0.22 * math.cos(normal), middle[1] + 0.22 * math.sin(normal))
        axes.add_patch(arrow)
        axes.text(label_at[0], label_at[1], f"{item.number}: {weight}", ha="center", va="center",
                  fontsize=8, bbox={"boxstyle": "round,pad=0.2", "facecolor": "white",
                                    "edgecolor": "#666666", "linewidth": 0.6})
    axes.text(0, -1.7, t("plan.figur_strukturer_forklaring"), ha="center", va="bottom",
              fontsize=8, wrap=True)
    return figure


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def timeline_figure(plan: LearningPlan) -> Figure:
    rows = [(index, theme, number, row) for index, theme in enumerate(plan.themes)
            for number, row in enumerate(theme.rows, start=1)]
    lines = len(rows) + len(plan.themes)
    figure = new_figure(7.6, 1.6 + 0.3 * max(lines, 3))
    axes = figure.add_subplot()
    labels: list[str] = []
    position = 0
    start, end = plan.period.start, plan.period.end
    for index, theme in enumerate(plan.themes):
        colour, hatch = PALETTE[index % len(PALETTE)], HATCHES[index % len(HATCHES)]
        for row_index, row in enumerate(theme.rows, start=1):
            labels.append(_short(f"{theme.title} – {row_index}"))
            first, last = row.timing.first_day, row.timing.last_day
            if first is not None and last is not None:
                left = date2num(first)
                width = max(date2num(last + timedelta(days=1)) - left, 2.0)
                axes.barh(position, width, left=left, height=0.6, color=colour, hatch=hatch,
                          edgecolor="#333333", linewidth=0.6)
            else:
                axes.text(date2num(start) + 1, position, t("plan.figur_uten_dato"), va="center",
                          fontsize=7, style="italic", color="#555555")
            position += 1
        labels.append(_short(t("plan.figur_evaluering", tema=theme.title)))
        day = theme.evaluation.first_day
        if day is not None:
            axes.plot(date2num(day), position, marker="D", markersize=8, color=colour,
                      markeredgecolor="black")
        else:
            axes.text(date2num(start) + 1, position, t("plan.figur_uten_dato"), va="center",
                      fontsize=7, style="italic", color="#555555")
        position += 1
    axes.set_yticks(range(len(labels)), labels, fontsize=7)
    axes.invert_yaxis()
    axes.set_xlim(date2num(start), date2num(end + timedelta(days=1)))
    axes.xaxis.set_major_locator(MonthLocator())
    axes.xaxis.set_major_formatter(DateFormatter("%m"))
    axes.set_xticks(axes.get_xticks(),
                    [MONTHS[int(label.get_text()) - 1][:3] if label.get_text().isdigit()
                     else label.get_text() for label in axes.get_xticklabels()])
    axes.grid(axis="x", linestyle=":", linewidth=0.6)
    axes.set_title(t("plan.figur_tidslinje_tittel", periode=plan.period.name))
    axes.legend(handles=[Patch(facecolor="#cccccc", edgecolor="#333333",
                               label=t("plan.figur_aktivitet")),
                         Line2D([], [], marker="D", linestyle="", color="#888888",
                                markeredgecolor="black", label=t("plan.figur_evalueringspunkt"))],
                loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=2, frameon=False,
                fontsize=8)
    return figure


def methods_figure(plan: LearningPlan) -> Figure:
    counts = plan.method_counts()
    methods = list(Method)
    figure = new_figure(6.4, 3.6)
    axes = figure.add_subplot()
    for position, method in enumerate(methods):
        involving = method.involving
        axes.barh(position, counts.get(method, 0), color=PALETTE[2] if involving else PALETTE[0],
                  hatch=HATCHES[1] if involving else HATCHES[0], edgecolor="#333333",
                  linewidth=0.6)
        if counts.get(method, 0):
            axes.text(counts[method] + 0.05, position, str(counts[method]), va="center",
                      fontsize=8)
    axes.set_yticks(range(len(methods)), [method.label for method in methods], fontsize=8)
    axes.invert_yaxis()
    axes.set_xlabel(t("plan.figur_antall_rader"))
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.set_title(t("plan.figur_metoder_tittel"))
    axes.legend(handles=[Patch(facecolor=PALETTE[2], hatch=HATCHES[1], edgecolor="#333333",
                               label=t("plan.figur_medvirkende")),
                         Patch(facecolor=PALETTE[0], edgecolor="#333333",
                               label=t("plan.figur_formidlende"))],
                loc="lower right", fontsize=8)
    return figure


