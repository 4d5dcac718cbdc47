"""The empowerment reflection: rate own statements, see two radar charts and a text summary.

The answers are personal. The widget keeps them in one file beside the notebook, on the
student's own machine, says so at the top, and offers to delete them; it never sends them
anywhere.
"""

from __future__ import annotations

import math
from html import escape
from pathlib import Path

import ipywidgets as widgets
from matplotlib.figure import Figure

from myndig.answers import load_or_set_aside, save_json_atomic
from myndig.i18n import t
from myndig.model.empowerment import (
    MAX_NOTE_LENGTH,
    SCALE_MAX,
    SCALE_MIN,
    EmpowermentReflection,
    Theory,
    dimensions_of,
    scale_label,
    statement,
)
from myndig.model.errors import InvalidInput
from myndig.views.figures import HATCHES, PALETTE, figure_html, new_figure

DEFAULT_FILE_NAME = "svar-myndiggjoring-refleksjon.json"
NO_ANSWER = 0


def radar_figure(reflection: EmpowermentReflection) -> Figure:
    """One radar per theory; unanswered dimensions sit at the centre and say so in their label."""
    figure = new_figure(7.6, 3.6)
    for index, theory in enumerate(Theory):
        axes = figure.add_subplot(1, len(Theory), index + 1, projection="polar")
        scores = reflection.scores(theory)
        labels = [dimension.label if score is not None
                  else f"{dimension.label}\n({t('empowerment.ikke_besvart')})"
                  for dimension, score in scores.items()]
        values = [score if score is not None else 0.0 for score in scores.values()]
        angles = [2 * math.pi * n / len(values) for n in range(len(values))]
        closed_angles, closed_values = [*angles, angles[0]], [*values, values[0]]
        # First dimension at the top, the rest clockwise, as radar charts are usually read.
        axes.set_theta_offset(math.pi / 2)
        axes.set_theta_direction(-1)
        axes.fill(closed_angles, closed_values, facecolor=PALETTE[index], alpha=0.35,
                  hatch=HATCHES[index + 1], edgecolor=PALETTE[index])
        axes.plot(closed_angles, closed_values, color=PALETTE[index], linewidth=2, marker="o")
        for angle, value in zip(angles, values, strict=True):
            if value > 0:
                axes.annotate(f"{value:.1f}".replace(".", ","), (angle, value),
                              textcoords="offset points", xytext=(0, 7), ha="center",
                              fontsize=8)
        axes.set_xticks(angles, labels, fontsize=8)
        axes.set_ylim(0, SCALE_MAX)
        axes.set_yticks(range(SCALE_MIN, SCALE_MAX + 1))
        axes.tick_params(axis="y", labelsize=7)
        axes.tick_params(axis="x", pad=6)
        axes.set_title(theory.label, fontsize=9, pad=14)
    figure.suptitle(t("empowerment.figur_tittel"), fontsize=10)
    return figure


class EmpowermentWidget(widgets.VBox):
    """A choice per statement, a note, and the charts with their summary; saved after each change.

    ``answer_file`` is where the answers are kept; ``None`` keeps them in memory only.
    """

    def __init__(self, reflection: EmpowermentReflection | None = None, *,
                 answer_file: str | Path | None = DEFAULT_FILE_NAME):
        self.answer_file = Path(answer_file) if answer_file is not None else None
        notice = ""
        if reflection is None and self.answer_file is not None:
            loaded = load_or_set_aside(self.answer_file, EmpowermentReflection.from_json)
            reflection = loaded.value
            if loaded.kept_copy is not None:
                notice = t("empowerment.gammel_fil_flyttet", feil=loaded.problem,
                           kopi=loaded.kept_copy.name)
        self.reflection = reflection if reflection is not None else EmpowermentReflection()
        self._updating = False

        options = [(t("empowerment.ikke_svart_valg"), NO_ANSWER)] + [
            (scale_label(value), value) for value in range(SCALE_MIN, SCALE_MAX + 1)]
        self.choices: dict[str, widgets.Dropdown] = {}
        rows: list[widgets.Widget] = []
        number = 0
        for theory in Theory:
            rows.append(widgets.HTML(f"<h4>{escape(theory.label)}</h4>"))
            for dimension in dimensions_of(theory):
                for item in dimension.items:
                    number += 1
                    choice = widgets.Dropdown(
                        options=options, value=NO_ANSWER,
                        description=t("empowerment.pastand_nummer", nummer=number),
                        description_allow_html=False,
                        style={"description_width": "initial"},
                        layout=widgets.Layout(width="16em"))
                    choice.observe(lambda change, item=item: self._rated(item, change["new"]),
                                   names="value")
                    self.choices[item] = choice
                    rows.append(widgets.HBox([
                        choice,
                        widgets.HTML(f"<p>{number}. {escape(statement(item))}</p>",
                                     layout=widgets.Layout(margin="0 0 0 1em")),
                    ]))
        self.note_input = widgets.Textarea(
            description=t("empowerment.notat_etikett"),
            placeholder=t("empowerment.notat_plassholder"),
            style={"description_width": "initial"}, continuous_update=False,
            layout=widgets.Layout(width="100%", height="6em"))
        self.note_input.observe(lambda change: self._noted(change["new"]), names="value")
        self.delete_button = widgets.Button(description=t("empowerment.knapp_slett"),
                                            icon="trash", button_style="warning",
                                            tooltip=t("empowerment.knapp_slett"))
        self.delete_button.on_click(lambda _: self.delete())
        self.message = widgets.HTML(value=_paragraph(notice, alert=True) if notice else "")
        self.chart = widgets.HTML(layout=widgets.Layout(max_width="760px"))
        self.summary = widgets.HTML(layout=widgets.Layout(max_width="28em", margin="0 0 0 1em"))

        privacy = t("empowerment.personvern",
                    fil=self.answer_file.name if self.answer_file else DEFAULT_FILE_NAME)
        super().__init__([
            widgets.HTML(f"<h3>{escape(t('empowerment.overskrift'))}</h3>"),
            widgets.HTML(f'<p role="note"><strong>{escape(privacy)}</strong></p>'),
            widgets.HTML(f"<p>{escape(t('empowerment.innledning'))}</p>"),
            *rows,
            self.note_input,
            self.message,
            widgets.HBox([self.chart, self.summary],
                         layout=widgets.Layout(flex_flow="row wrap", align_items="center")),
            self.delete_button,
        ])
        self._show_state()

    def rate(self, item: str, value: int | None) -> None:
        """Set a rating as the student would, through the dropdown (used by tests and code)."""
        self.choices[item].value = NO_ANSWER if value is None else value

    def _rated(self, item: str, value: int) -> None:
        if self._updating:
            return
        try:
            self.reflection.answer(item, None if value == NO_ANSWER else value)
        except InvalidInput as error:
            self.message.value = _paragraph(str(error), alert=True)
            return
        self._changed()

    def _noted(self, text: str) -> None:
        if self._updating:
            return
        try:
            self.reflection.set_note(text)
        except InvalidInput as error:
            self.message.value = _paragraph(str(error), alert=True)
            return
        self._changed()

    def delete(self) -> None:
        """Forget every answer and remove the file, so nothing is left on the machine."""
        self.reflection.clear()
        if self.answer_file is not None:
            try:
                self.answer_file.unlink(missing_ok=True)
            except OSError as error:
                self.message.value = _paragraph(
                    t("empowerment.slettet_ikke", fil=self.answer_file.name,
                      feil=error.strerror), alert=True)
            else:
                self.message.value = _paragraph(
                    t("empowerment.slettet", fil=self.answer_file.name))
        self._show_state()

    def _changed(self) -> None:
        self.message.value = ""
        if self.answer_file is not None:
            try:
                save_json_atomic(self.answer_file, self.reflection.to_json())
            except OSError as error:
                self.message.value = _paragraph(
                    t("empowerment.lagret_ikke", fil=self.answer_file.name,
                      feil=error.strerror), alert=True)
            else:
                self.message.value = _paragraph(t("empowerment.lagret",
                                                  fil=self.answer_file.name))
        self.refresh()

    def _show_state(self) -> None:
        """Put the model's answers into the controls without treating that as a change."""
        self._updating = True
        try:
            for item, choice in self.choices.items():
                choice.value = self.reflection.answers.get(item, NO_ANSWER)
            self.note_input.value = self.reflection.note[:MAX_NOTE_LENGTH]
        finally:
            self._updating = False
        self.refresh()

    def refresh(self) -> None:
        summary = self.reflection.summary()
        if self.reflection.answers:
            self.chart.value = figure_html(radar_figure(self.reflection),
                                           t("empowerment.figur_alt", oppsummering=summary))
        else:
            self.chart.value = ""
        self.summary.value = _paragraph(summary)


def _paragraph(text: str, *, alert: bool = False) -> str:
    role = "alert" if alert else "status"
    return f'<p role="{role}">{escape(text)}</p>'



def _box(axes, x: float, y: float, text: str, colour_index: int, *, width: float = 2.1,
         height: float = 0.9, dashed: bool = False) -> None:
    from matplotlib.patches import FancyBboxPatch

    # Colour is paired with a line style and the text itself, so it never carries meaning alone.
    axes.add_patch(FancyBboxPatch((x - width / 2, y - height / 2), width, height,
                                  boxstyle="round,pad=0.05", facecolor=PALETTE[colour_index],
                                  alpha=0.25, edgecolor=PALETTE[colour_index], linewidth=2,
                                  linestyle="--" if dashed else "-"))
    axes.text(x, y, text, ha="center", va="center", fontsize=9)


def _arrow(axes, start: tuple[float, float], end: tuple[float, float]) -> None:
    axes.annotate("", xy=end, xytext=start,
                  arrowprops={"arrowstyle": "-|>", "color": "#333333", "linewidth": 1.6,
                              "shrinkA": 2, "shrinkB": 2})


def empowerment_model_figure() -> Figure:
    """The empowerment model as four boxes in a chain (Amundsen, 2022)."""
    figure = new_figure(8.0, 1.9)
    axes = figure.add_subplot()
    steps = [t(f"empowerment.modell_{n}") for n in range(1, 5)]
    for index, text in enumerate(steps):
        _box(axes, index * 2.7, 0, text, index)
        if index:
            _arrow(axes, ((index - 1) * 2.7 + 1.12, 0), (index * 2.7 - 1.12, 0))
    axes.set_xlim(-1.25, 3 * 2.7 + 1.25)
    axes.set_ylim(-0.6, 0.6)
    axes.set_axis_off()
    axes.set_title(t("empowerment.modell_tittel"), fontsize=10)
    return figure


def drift_learning_figure() -> Figure:
    """Drift and workplace learning in turn, each round of learning lifting the next drift."""
    figure = new_figure(8.4, 3.4)
    axes = figure.add_subplot()
    drift = [t("empowerment.sloyfe_drift_1"), t("empowerment.sloyfe_drift_2"),
             t("empowerment.sloyfe_drift_3")]
    learning = t("empowerment.sloyfe_laering")
    step_x, rise, lift = 4.0, 0.8, 2.0
    for index, text in enumerate(drift):
        x, y = index * step_x, index * rise
        _box(axes, x, y, text, 0, width=1.7)
        if index == len(drift) - 1:
            break
        learning_x, learning_y = x + step_x / 2, y + lift
        _box(axes, learning_x, learning_y, learning, 5, width=2.5, height=1.0, dashed=True)
        _arrow(axes, (x + 0.2, y + 0.5), (learning_x - 0.8, learning_y - 0.55))
        _arrow(axes, (learning_x + 0.8, learning_y - 0.55), (x + step_x - 0.2, y + rise + 0.5))
    axes.set_xlim(-1.0, 2 * step_x + 1.0)
    axes.set_ylim(-0.6, rise + lift + 0.65)
    axes.set_axis_off()
    axes.set_title(t("empowerment.sloyfe_tittel"), fontsize=10)
    return figure


def figure_with_text(figure: Figure, text: str) -> widgets.HTML:
    """A figure with its text alternative, and the same text shown beside it for everyone."""
    return widgets.HTML(
        f'<div style="display:flex;flex-wrap:wrap;align-items:center;gap:1em">'
        f'<div style="max-width:800px">{figure_html(figure, text)}</div>'
        f'<p style="max-width:28em">{escape(text)}</p></div>')


def show_empowerment_model() -> widgets.HTML:
    return figure_with_text(empowerment_model_figure(), t("empowerment.modell_tekst"))


def show_drift_learning_loop() -> widgets.HTML:
    return figure_with_text(drift_learning_figure(), t("empowerment.sloyfe_tekst"))
