"""The 70/20/10 widget: register learning activities and compare the mix with the reference."""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as widgets
from matplotlib.figure import Figure

from myndig.answers import load_or_set_aside, save_json_atomic
from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.learning_mix import REFERENCE, LearningMix, Source
from myndig.views.figures import HATCHES, PALETTE, figure_html, new_figure


def mix_figure(mix: LearningMix) -> Figure:
    """Two stacked bars, the learner's mix above the 70/20/10 reference, each part labelled."""
    figure = new_figure(6.4, 2.4)
    axes = figure.add_subplot()
    rows = [(t("laeringsmiks.figur_din"), mix.shares()),
            (t("laeringsmiks.figur_referanse"), REFERENCE)]
    for row, (_, shares) in enumerate(reversed(rows)):
        left = 0.0
        for index, source in enumerate(Source):
            width = shares[source]
            if width <= 0:
                continue
            axes.barh(row, width, left=left, color=PALETTE[index], hatch=HATCHES[index],
                      edgecolor="white", label=source.label if row == 0 else None)
            if width >= 6:
                # A white box behind the label keeps it readable on every colour and hatch.
                axes.text(left + width / 2, row, f"{round(width)} %", ha="center", va="center",
                          fontweight="bold", color="black",
                          bbox={"boxstyle": "round,pad=0.2", "facecolor": "white",
                                "edgecolor": "none", "alpha": 0.9})
            left += width
    axes.set_yticks(range(len(rows)), [label for label, _ in reversed(rows)])
    axes.set_xlim(0, 100)
    axes.set_xlabel(t("laeringsmiks.figur_akse"))
    axes.set_title(t("laeringsmiks.figur_tittel"))
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncols=3, frameon=False)
    return figure


class LearningMixWidget(widgets.VBox):
    """Add and remove activities; the chart and its text summary follow every change.

    When bound to a file (``answer_file``) the mix is loaded from it at start and saved to it
    after every change, which is how an exercise hands the answer to nbgrader.
    """

    def __init__(self, mix: LearningMix | None = None, *, answer_file: str | Path | None = None):
        self.answer_file = Path(answer_file) if answer_file is not None else None
        notice = ""
        if mix is None and self.answer_file is not None:
            loaded = load_or_set_aside(self.answer_file, LearningMix.from_json)
            mix = loaded.value
            if loaded.kept_copy is not None:
                notice = t("laeringsmiks.gammel_fil_flyttet", feil=loaded.problem,
                           kopi=loaded.kept_copy.name)
        self.mix = mix if mix is not None else LearningMix()

        style = {"description_width": "initial"}
        self.name_input = widgets.Text(description=t("laeringsmiks.felt_aktivitet"), style=style,
                                       placeholder="kollegaveiledning")
        self.source_input = widgets.Dropdown(
            description=t("laeringsmiks.felt_kilde"), style=style,
            options=[(source.label, source.value) for source in Source], value=Source.WORK.value,
            layout=widgets.Layout(width="30em"))
        self.hours_input = widgets.BoundedFloatText(description=t("laeringsmiks.felt_timer"),
                                                    style=style, value=1.0, min=0.0, max=1000.0,
                                                    step=0.5)
        self.add_button = widgets.Button(description=t("laeringsmiks.knapp_legg_til"),
                                         button_style="primary", icon="plus",
                                         tooltip=t("laeringsmiks.knapp_legg_til"))
        self.activity_list = widgets.Select(description=t("laeringsmiks.liste"), style=style,
                                            rows=6, layout=widgets.Layout(width="100%"))
        self.remove_button = widgets.Button(description=t("laeringsmiks.knapp_fjern"), icon="trash",
                                            tooltip=t("laeringsmiks.knapp_fjern"))
        self.message = widgets.HTML(value=_paragraph(notice) if notice else "")
        self.chart = widgets.HTML(layout=widgets.Layout(max_width="640px"))
        self.summary = widgets.HTML()

        self.add_button.on_click(lambda _: self.add_from_inputs())
        self.remove_button.on_click(lambda _: self.remove_selected())

        super().__init__([
            widgets.HTML(f"<h3>{escape(t('laeringsmiks.overskrift'))}</h3>"),
            widgets.HBox([self.name_input, self.source_input]),
            widgets.HBox([self.hours_input, self.add_button]),
            self.activity_list,
            self.remove_button,
            self.message,
            self.chart,
            self.summary,
        ])
        self.refresh()

    def add(self, name: object, source: object, hours_per_month: object) -> bool:
        """Add through the model; on bad input show why and return False, keeping everything."""
        try:
            self.mix.add(name, source, hours_per_month)
        except InvalidInput as error:
            self.message.value = _paragraph(str(error), alert=True)
            return False
        self._changed()
        return True

    def add_from_inputs(self) -> None:
        if self.add(self.name_input.value, self.source_input.value, self.hours_input.value):
            self.name_input.value = ""

    def remove_selected(self) -> None:
        index = self.activity_list.index
        try:
            self.mix.remove(-1 if index is None else index)
        except InvalidInput as error:
            self.message.value = _paragraph(str(error), alert=True)
            return
        self._changed()

    def _changed(self) -> None:
        self.message.value = ""
        if self.answer_file is not None:
            try:
                save_json_atomic(self.answer_file, self.mix.to_json())
            except OSError as error:
                self.message.value = _paragraph(
                    t("laeringsmiks.lagret_ikke", fil=self.answer_file.name, feil=error.strerror),
                    alert=True)
            else:
                self.message.value = _paragraph(t("laeringsmiks.lagret", fil=self.answer_file.name))
        self.refresh()

    def refresh(self) -> None:
        self.activity_list.options = [
            f"{activity.name} – {activity.source.label.lower()}, "
            f"{activity.hours_per_month:g} t/mnd"
            for activity in self.mix.activities
        ]
        summary = self.mix.summary()
        # The summary is both the chart's text alternative and a paragraph beside it.
        self.chart.value = figure_html(mix_figure(self.mix), summary) if self.mix.activities else ""
        self.summary.value = _paragraph(summary)


def _paragraph(text: str, *, alert: bool = False) -> str:
    role = "alert" if alert else "status"
    return f'<p role="{role}">{escape(text)}</p>'
