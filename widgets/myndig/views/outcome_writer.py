"""The outcome writer: feedback on a learning outcome as it is typed, and a theme's set.

The widget holds an :class:`~myndig.model.nkr.OutcomeSet` and renders what the analyser says;
the rules are all in ``myndig.model.nkr``. Feedback on the text being typed is plain HTML built
from one analysis (well under a millisecond); the chart is drawn only when the set changes.
"""

from __future__ import annotations

import time
from html import escape
from pathlib import Path

import ipywidgets as widgets
from matplotlib.figure import Figure

from myndig.answers import load_or_set_aside, save_json_atomic
from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.nkr import (
    Analysis,
    Category,
    OutcomeSet,
    SetReport,
    analyse_statement,
    warm_up,
)
from myndig.views.figures import HATCHES, PALETTE, figure_html, new_figure

LEVEL_CHOICES = (5, 6, 7, 8)


def balance_figure(report: SetReport) -> Figure:
    """One labelled, hatched bar per category, the count written on each bar."""
    figure = new_figure(6.4, 2.4)
    axes = figure.add_subplot()
    categories = list(Category)
    counts = [report.counts[category] for category in categories]
    for index, count in enumerate(counts):
        axes.barh(index, count, color=PALETTE[index], hatch=HATCHES[index + 1],
                  edgecolor="black", linewidth=0.6)
        axes.text(count + 0.05, index, str(count), va="center", fontweight="bold")
    axes.set_yticks(range(len(categories)), [category.label for category in categories])
    axes.invert_yaxis()
    axes.set_xlim(0, max([*counts, 3]) + 1)
    axes.set_xlabel(t("nkr.figur_akse"))
    axes.set_title(t("nkr.figur_tittel"))
    return figure


def feedback_html(analysis: Analysis | None, problem: str = "") -> str:
    """The live feedback on one outcome as accessible HTML (text, never colour alone)."""
    if analysis is None:
        text = problem or t("nkr.w_tilbakemelding_tom")
        return f'<div role="status"><p>{escape(text)}</p></div>'
    parts = []
    if analysis.category is None:
        parts.append(f"<p><strong>{escape(t('nkr.w_ingen_kategori'))}</strong></p>")
    else:
        parts.append("<p><strong>" + escape(t("nkr.w_kategori", kategori=analysis.category.label,
                                               prosent=round(analysis.confidence * 100)))
                     + "</strong> " + escape(" ".join(analysis.reasons[:2])) + "</p>")
    parts.append(f"<p>{escape(t('nkr.w_nivaa', nivaa=analysis.level))} "
                 f"{escape(' '.join(analysis.level_reasons[:2]))}</p>")
    if analysis.findings:
        items = "".join(
            f"<li><strong>{escape(finding.severity.label)}:</strong> {escape(finding.message)} "
            f"{escape(finding.suggestion)}</li>" for finding in analysis.findings)
        parts.append(f"<ul>{items}</ul>")
    else:
        parts.append(f"<p>{escape(t('nkr.w_ingen_funn'))}</p>")
    return '<div role="status" aria-live="polite">' + "".join(parts) + "</div>"


class OutcomeWriter(widgets.VBox):
    """Write outcomes with live feedback, gather them for a theme, see the balance, export.

    With ``answer_file`` the set is loaded from that file at start and saved after every
    change (how an exercise hands the answer to nbgrader); exports go to ``export_dir``.
    """

    def __init__(self, outcome_set: OutcomeSet | None = None, *,
                 answer_file: str | Path | None = None, export_dir: str | Path | None = None,
                 theme: str = "", target_level: int | None = None) -> None:
        self.answer_file = Path(answer_file) if answer_file is not None else None
        self.export_dir = Path(export_dir) if export_dir is not None else (
            self.answer_file.parent if self.answer_file is not None else Path.cwd())
        notice = ""
        if outcome_set is None and self.answer_file is not None:
            loaded = load_or_set_aside(self.answer_file, OutcomeSet.from_json)
            outcome_set = loaded.value
            if loaded.kept_copy is not None:
                notice = t("nkr.w_gammel_fil_flyttet", feil=loaded.problem,
                           kopi=loaded.kept_copy.name)
        if outcome_set is None:
            outcome_set = OutcomeSet()
            outcome_set.set_theme(theme)
            outcome_set.set_target_level(target_level)
        self.outcomes = outcome_set
        self.last_update_ms = 0.0
        # Load the model and dictionaries now, so the first keystroke does not wait for them.
        warm_up()

        style = {"description_width": "initial"}
        self.theme_input = widgets.Text(value=self.outcomes.theme, description=t("nkr.w_tema"),
                                        placeholder=t("nkr.w_tema_eksempel"), style=style,
                                        layout=widgets.Layout(width="100%"))
        self.level_input = widgets.Dropdown(
            description=t("nkr.w_maalnivaa"), style=style,
            options=[(t("nkr.w_ingen_maalnivaa"), 0)] + [
                (t("nkr.w_nivaa_valg", nivaa=level), level) for level in LEVEL_CHOICES],
            value=self.outcomes.target_level or 0)
        self.text_input = widgets.Textarea(description=t("nkr.w_utbytte"), style=style,
                                           placeholder=t("nkr.w_utbytte_eksempel"),
                                           continuous_update=True, rows=3,
                                           layout=widgets.Layout(width="100%"))
        self.feedback = widgets.HTML(value=feedback_html(None))
        self.add_button = widgets.Button(description=t("nkr.w_legg_til"), icon="plus",
                                         button_style="primary", tooltip=t("nkr.w_legg_til"))
        self.outcome_list = widgets.Select(description=t("nkr.w_liste"), style=style, rows=6,
                                           layout=widgets.Layout(width="100%"))
        self.remove_button = widgets.Button(description=t("nkr.w_fjern"), icon="trash",
                                            tooltip=t("nkr.w_fjern"))
        self.markdown_button = widgets.Button(description=t("nkr.w_eksporter_md"),
                                              icon="download", tooltip=t("nkr.w_eksporter_md"))
        self.json_button = widgets.Button(description=t("nkr.w_eksporter_json"), icon="download",
                                          tooltip=t("nkr.w_eksporter_json"))
        self.message = widgets.HTML(value=_paragraph(notice, alert=True) if notice else "")
        self.chart = widgets.HTML(layout=widgets.Layout(max_width="640px"))
        self.summary = widgets.HTML()

        self.text_input.observe(lambda change: self.show_feedback(change["new"]), names="value")
        self.theme_input.observe(lambda change: self._set_theme(change["new"]), names="value")
        self.level_input.observe(lambda change: self._set_level(change["new"]), names="value")
        self.add_button.on_click(lambda _: self.add_from_input())
        self.remove_button.on_click(lambda _: self.remove_selected())
        self.markdown_button.on_click(lambda _: self.export("md"))
        self.json_button.on_click(lambda _: self.export("json"))

        super().__init__([
            widgets.HTML(f"<h3>{escape(t('nkr.w_overskrift'))}</h3>"),
            self.theme_input, self.level_input, self.text_input, self.feedback,
            self.add_button, self.outcome_list, self.remove_button, self.message,
            self.chart, self.summary, widgets.HBox([self.markdown_button, self.json_button]),
        ])
        self.refresh()

    # --- live feedback ---------------------------------------------------------------------
    def show_feedback(self, text: object) -> Analysis | None:
        """Analyse what is typed and show it; bad input becomes a message, never an error."""
        started = time.perf_counter()
        analysis = None
        try:
            analysis = analyse_statement(text)
        except InvalidInput as error:
            blank = not isinstance(text, str) or not text.strip()
            self.feedback.value = feedback_html(None, "" if blank else str(error))
        else:
            self.feedback.value = feedback_html(analysis)
        self.last_update_ms = (time.perf_counter() - started) * 1000
        return analysis

    # --- the set ---------------------------------------------------------------------------
    def add(self, text: object) -> bool:
        try:
            self.outcomes.add(text)
        except InvalidInput as error:
            self.message.value = _paragraph(str(error), alert=True)
            return False
        self._changed(t("nkr.w_lagt_til", antall=len(self.outcomes.outcomes)))
        return True

    def add_from_input(self) -> None:
        if self.add(self.text_input.value):
            self.text_input.value = ""

    def remove_selected(self) -> None:
        index = self.outcome_list.index
        try:
            self.outcomes.remove(-1 if index is None else index)
        except InvalidInput as error:
            self.message.value = _paragraph(str(error), alert=True)
            return
        self._changed("")

    def _set_theme(self, theme: str) -> None:
        try:
            self.outcomes.set_theme(theme)
        except InvalidInput as error:
            self.message.value = _paragraph(str(error), alert=True)
            return
        self._save()

    def _set_level(self, level: int) -> None:
        self.outcomes.set_target_level(level or None)
        self._changed("")

    def _save(self) -> str:
        if self.answer_file is None:
            return ""
        try:
            save_json_atomic(self.answer_file, self.outcomes.to_json())
        except OSError as error:
            self.message.value = _paragraph(t("nkr.w_lagret_ikke", fil=self.answer_file.name,
                                              feil=error.strerror or str(error)), alert=True)
            return "feil"
        return t("nkr.w_lagret", fil=self.answer_file.name)

    def _changed(self, note: str) -> None:
        saved = self._save()
        if saved != "feil":
            self.message.value = _paragraph(" ".join(part for part in (note, saved) if part))
        self.refresh()

    def refresh(self) -> None:
        report = self.outcomes.report()
        self.outcome_list.options = [
            f"{number}. {analysis.cleaned} – "
            f"{analysis.category.label if analysis.category else '?'}, "
            f"{t('nkr.md_nivaa', nivaa=analysis.level)}"
            for number, analysis in enumerate(report.analyses, start=1)]
        summary = " ".join(report.summary)
        self.chart.value = (figure_html(balance_figure(report), t("nkr.figur_alt",
                                                                  oppsummering=summary))
                            if report.analyses else "")
        self.summary.value = "".join(_paragraph(line) for line in report.summary)

    # --- export ----------------------------------------------------------------------------
    def export(self, kind: str) -> Path | None:
        """Write the set as Markdown or JSON to ``export_dir``; the message names the file."""
        import json

        name = "laeringsutbytter.md" if kind == "md" else "laeringsutbytter.json"
        path = self.export_dir / name
        text = (self.outcomes.to_markdown() if kind == "md" else
                json.dumps(self.outcomes.report().to_json(), ensure_ascii=False, indent=2) + "\n")
        try:
            if kind == "md":
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
            else:
                save_json_atomic(path, json.loads(text))
        except OSError as error:
            self.message.value = _paragraph(t("nkr.w_lagret_ikke", fil=name,
                                              feil=error.strerror or str(error)), alert=True)
            return None
        self.message.value = _paragraph(t("nkr.w_eksportert", fil=str(path)))
        return path


def _paragraph(text: str, *, alert: bool = False) -> str:
    role = "alert" if alert else "status"
    return f'<p role="{role}">{escape(text)}</p>'
