"""The plan builder: the office's themes and their rows, checked as they are written.

Every change goes through the model and is checked at once; the list of problems beside the plan
is the model's own validation, and while a row is being typed its own gaps are shown before it is
added. The pictures of the timeline and the method mix follow each change.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as widgets

from myndig.i18n import t
from myndig.model.errors import InvalidFile, InvalidInput
from myndig.model.plan import (
    Method,
    Origin,
    PlanRow,
    Severity,
    make_period,
    make_row,
    make_theme,
    make_timing,
    validate,
)
from myndig.model.plan.outcomes import outcome_notes
from myndig.model.plan.validation import row_problems, summary
from myndig.views.figures import figure_html
from myndig.views.plan_common import STYLE, WIDE, SharedPlan, attempt, button, heading, paragraph
from myndig.views.plan_figures import methods_figure, timeline_figure


class PlanBuilderWidget(widgets.VBox):
    def __init__(self, shared: SharedPlan, *, show_figures: bool = True,
                 export_folder: str | Path | None = None) -> None:
        self.shared = shared
        self.show_figures = show_figures
        self._drawn_timeline: tuple | None = None
        self._drawn_methods: tuple | None = None
        self._shown_plan = shared.plan
        self.export_folder = Path(export_folder) if export_folder is not None else (
            shared.answer_file.parent if shared.answer_file is not None else Path.cwd())

        # The plan's header.
        self.office = widgets.Text(description=t("plan.etikett_kontor"), style=STYLE)
        self.leader = widgets.Text(description=t("plan.etikett_leder"), style=STYLE)
        self.period_name = widgets.Text(description=t("plan.etikett_periode"), style=STYLE)
        self.period_start = widgets.DatePicker(description=t("plan.etikett_fra"), style=STYLE)
        self.period_end = widgets.DatePicker(description=t("plan.etikett_til"), style=STYLE)
        self.introduction = widgets.Textarea(description=t("plan.etikett_innledning"),
                                             style=STYLE, layout=WIDE, rows=3)
        self.header_button = button("plan.knapp_lagre_overskrift", "save")

        # Themes.
        self.theme_list = widgets.Select(description=t("plan.etikett_temaer"), rows=5,
                                         style=STYLE, layout=WIDE)
        self.theme_title = widgets.Text(description=t("plan.etikett_tema"), style=STYLE,
                                        layout=WIDE, placeholder="Arbeidsmarkedskompetanse")
        self.origins = {origin: widgets.Checkbox(description=origin.label, indent=False,
                                                 layout=widgets.Layout(width="auto"))
                        for origin in Origin}
        self.theme_responsible = widgets.Text(description=t("plan.etikett_ansvarlig_tema"),
                                              style=STYLE)
        self.evaluation_date = widgets.DatePicker(description=t("plan.etikett_evaluering"),
                                                  style=STYLE)
        self.theme_note = widgets.Textarea(description=t("plan.etikett_merknad"), style=STYLE,
                                           layout=WIDE, rows=2)
        self.add_theme_button = button("plan.knapp_legg_til_tema", "plus", primary=True)
        self.update_theme_button = button("plan.knapp_lagre_tema", "save")
        self.remove_theme_button = button("plan.knapp_fjern_tema", "trash")
        self.up_button = button("plan.knapp_opp", "arrow-up")
        self.down_button = button("plan.knapp_ned", "arrow-down")

        # Rows of the chosen theme.
        self.row_list = widgets.Select(description=t("plan.etikett_rader"), rows=6, style=STYLE,
                                       layout=WIDE)
        self.outcome = widgets.Textarea(description=t("plan.etikett_utbytte"), style=STYLE,
                                        layout=WIDE, rows=2,
                                        placeholder="NAV-veiledere kan anvende …")
        self.arena = widgets.Combobox(description=t("plan.etikett_arena"), style=STYLE,
                                      ensure_option=False)
        self.method = widgets.Dropdown(description=t("plan.etikett_metode"), style=STYLE,
                                       # "" rather than None: a Dropdown shows None as blank.
                                       options=[(t("plan.velg"), "")]
                                       + [(method.label, method.value) for method in Method],
                                       value="")
        self.method_detail = widgets.Text(description=t("plan.etikett_virkemiddel"), style=STYLE,
                                          layout=WIDE, placeholder="Forelesning ved HiØ")
        self.participants = widgets.Text(description=t("plan.etikett_deltakere"), style=STYLE,
                                         layout=widgets.Layout(width="60%"))
        self.time_text = widgets.Text(description=t("plan.etikett_tid"), style=STYLE,
                                      placeholder="løpende")
        self.time_start = widgets.DatePicker(description=t("plan.etikett_fra"), style=STYLE)
        self.time_end = widgets.DatePicker(description=t("plan.etikett_til"), style=STYLE)
        self.row_responsible = widgets.Text(description=t("plan.etikett_ansvarlig"), style=STYLE)
        self.row_note = widgets.Text(description=t("plan.etikett_merknad"), style=STYLE,
                                     layout=WIDE)
        self.add_row_button = button("plan.knapp_legg_til_rad", "plus", primary=True)
        self.update_row_button = button("plan.knapp_lagre_rad", "save")
        self.remove_row_button = button("plan.knapp_fjern_rad", "trash")
        self.draft_hints = widgets.HTML()

        # What the plan looks like now.
        self.message = widgets.HTML(paragraph(shared.notice, alert=True) if shared.notice else "")
        self.problems = widgets.HTML()
        self.outcome_notes = widgets.HTML()
        self.timeline = widgets.HTML(layout=widgets.Layout(max_width="760px"))
        self.timeline_summary = widgets.HTML()
        self.methods = widgets.HTML(layout=widgets.Layout(max_width="640px"))
        self.methods_summary = widgets.HTML()
        self.export_format = widgets.Dropdown(description=t("plan.etikett_format"), style=STYLE,
                                              options=[("Word (.docx)", "docx"),
                                                       ("Excel (.xlsx)", "xlsx"),
                                                       ("Markdown (.md)", "md"),
                                                       ("JSON (.json)", "json")])
        self.export_button = button("plan.knapp_eksporter", "download")
        self.export_result = widgets.HTML()

        self.header_button.on_click(lambda _: self.save_header())
        self.theme_list.observe(lambda _: self._theme_chosen(), names="index")
        self.add_theme_button.on_click(lambda _: self.add_theme())
        self.update_theme_button.on_click(lambda _: self.update_theme())
        self.remove_theme_button.on_click(lambda _: self.remove_theme())
        self.up_button.on_click(lambda _: self.move_theme(-1))
        self.down_button.on_click(lambda _: self.move_theme(1))
        self.row_list.observe(lambda _: self.fill_row_from_selection(), names="index")
        self.add_row_button.on_click(lambda _: self.add_row())
        self.update_row_button.on_click(lambda _: self.update_row())
        self.remove_row_button.on_click(lambda _: self.remove_row())
        self.export_button.on_click(lambda _: self.export())
        for field in (self.outcome, self.arena, self.method, self.participants, self.time_text,
                      self.time_start, self.time_end):
            field.observe(lambda _: self.check_draft(), names="value")
        shared.listen(self.refresh)

        origin_box = widgets.HBox(list(self.origins.values()), layout=widgets.Layout(
            flex_flow="row wrap"))
        super().__init__([
            heading("plan.overskrift_plan"),
            widgets.HBox([self.office, self.leader]),
            widgets.HBox([self.period_name, self.period_start, self.period_end]),
            self.introduction, self.header_button,
            heading("plan.overskrift_temaer", level=4),
            self.theme_list,
            widgets.HBox([self.up_button, self.down_button]),
            self.theme_title,
            widgets.HTML(f"<p>{escape(t('plan.etikett_opphav'))}</p>"), origin_box,
            widgets.HBox([self.theme_responsible, self.evaluation_date]),
            self.theme_note,
            widgets.HBox([self.add_theme_button, self.update_theme_button,
                          self.remove_theme_button]),
            heading("plan.overskrift_rader", level=4),
            self.row_list, self.outcome,
            widgets.HBox([self.arena, self.method]),
            self.method_detail,
            widgets.HBox([self.participants, self.row_responsible]),
            widgets.HBox([self.time_text, self.time_start, self.time_end]),
            self.row_note,
            widgets.HBox([self.add_row_button, self.update_row_button, self.remove_row_button]),
            self.draft_hints,
            self.message,
            heading("plan.overskrift_sjekk", level=4),
            self.problems, self.outcome_notes,
            self.timeline, self.timeline_summary, self.methods, self.methods_summary,
            heading("plan.overskrift_eksport", level=4),
            widgets.HBox([self.export_format, self.export_button]), self.export_result,
        ])
        self.fill_header()
        self.refresh()

    # Header --------------------------------------------------------------------------------

    def fill_header(self) -> None:
        plan = self.shared.plan
        self.office.value = plan.office
        self.leader.value = plan.leader
        self.period_name.value = plan.period.name
        self.period_start.value = plan.period.start
        self.period_end.value = plan.period.end
        self.introduction.value = plan.introduction

    def save_header(self) -> bool:
        plan = self.shared.plan

        def apply() -> None:
            period = make_period(self.period_name.value, self.period_start.value,
                                 self.period_end.value)
            plan.set_header(office=self.office.value, leader=self.leader.value,
                            introduction=self.introduction.value, period=period)

        return self._attempt(apply)

    # Themes --------------------------------------------------------------------------------

    def _theme_index(self) -> int:
        index = self.theme_list.index
        return -1 if index is None else index

    def _theme_from_fields(self):
        evaluation = make_timing("", self.evaluation_date.value, field="evaluering")
        old = self._current_theme()
        if old is not None and old.evaluation.text and old.evaluation.start == evaluation.start:
            evaluation = old.evaluation  # keep words such as "juni" that the date picker lacks
        return make_theme(self.theme_title.value,
                          [origin for origin, box in self.origins.items() if box.value],
                          self.theme_responsible.value, evaluation, self.theme_note.value)

    def _current_theme(self):
        index = self._theme_index()
        themes = self.shared.plan.themes
        return themes[index] if 0 <= index < len(themes) else None

    def add_theme(self) -> bool:
        plan = self.shared.plan
        self.theme_list.index = None
        if self._attempt(lambda: plan.add_theme(self._theme_from_fields())):
            self.theme_list.index = len(plan.themes) - 1
            return True
        return False

    def update_theme(self) -> bool:
        plan = self.shared.plan
        index = self._theme_index()
        return self._attempt(lambda: plan.update_theme(index, self._theme_from_fields()))

    def remove_theme(self) -> bool:
        plan = self.shared.plan
        index = self._theme_index()
        if self._attempt(lambda: plan.remove_theme(index)):
            self.theme_list.index = None
            self._clear_theme_fields()
            return True
        return False

    def move_theme(self, step: int) -> bool:
        plan = self.shared.plan
        index = self._theme_index()
        if self._attempt(lambda: plan.move_theme(index, step)):
            target = index + step
            if 0 <= target < len(plan.themes):
                self.theme_list.index = target
            return True
        return False

    def _clear_theme_fields(self) -> None:
        self.theme_title.value = ""
        self.theme_responsible.value = ""
        self.theme_note.value = ""
        self.evaluation_date.value = None
        for box in self.origins.values():
            box.value = False

    def _theme_chosen(self) -> None:
        theme = self._current_theme()
        if theme is not None:
            self.theme_title.value = theme.title
            self.theme_responsible.value = theme.responsible
            self.theme_note.value = theme.note
            self.evaluation_date.value = theme.evaluation.first_day
            for origin, box in self.origins.items():
                box.value = origin in theme.origins
        self.row_list.index = None
        self._refresh_rows()

    # Rows ----------------------------------------------------------------------------------

    def _row_from_fields(self) -> PlanRow:
        timing = make_timing(self.time_text.value, self.time_start.value, self.time_end.value,
                             field="gjennomforing")
        return make_row(self.outcome.value, self.arena.value, self.method.value,
                        self.method_detail.value, self.participants.value, timing,
                        self.row_responsible.value, self.row_note.value)

    def _theme_or_explain(self):
        theme = self._current_theme()
        if theme is None:
            raise InvalidInput(t("plan.velg_tema_forst"))
        return theme

    def add_row(self) -> bool:
        def apply() -> None:
            theme = self._theme_or_explain()
            theme.add_row(self._row_from_fields())

        if self._attempt(apply):
            self.row_list.index = len(self._current_theme().rows) - 1
            return True
        return False

    def update_row(self) -> bool:
        index = self.row_list.index

        def apply() -> None:
            theme = self._theme_or_explain()
            theme.replace_row(-1 if index is None else index, self._row_from_fields())

        return self._attempt(apply)

    def remove_row(self) -> bool:
        index = self.row_list.index

        def apply() -> None:
            self._theme_or_explain().remove_row(-1 if index is None else index)

        if self._attempt(apply):
            self.row_list.index = None
            return True
        return False

    def fill_row_from_selection(self) -> None:
        theme = self._current_theme()
        index = self.row_list.index
        if theme is None or index is None or not 0 <= index < len(theme.rows):
            return
        row = theme.rows[index]
        self.outcome.value = row.outcome
        self.arena.value = row.arena
        self.method.value = row.method.value if row.method else ""
        self.method_detail.value = row.method_detail
        self.participants.value = row.participants
        self.time_text.value = row.timing.text
        self.time_start.value = row.timing.start
        self.time_end.value = row.timing.end
        self.row_responsible.value = row.responsible
        self.row_note.value = row.note

    def check_draft(self) -> None:
        """What the row being typed still lacks, before it is added (live validation)."""
        theme = self._current_theme()
        if theme is None or not (self.outcome.value or self.arena.value or self.method.value):
            self.draft_hints.value = ""
            return
        try:
            draft = self._row_from_fields()
        except InvalidInput as error:
            self.draft_hints.value = paragraph(str(error), alert=True)
            return
        position = len(theme.rows) if self.row_list.index is None else self.row_list.index
        found = row_problems(self.shared.plan, self._theme_index(), position, draft, theme)
        if not found:
            self.draft_hints.value = paragraph(t("plan.utkast_i_orden"))
            return
        items = "".join(f"<li>{escape(problem.message)}</li>" for problem in found)
        self.draft_hints.value = (f"<div role=\"status\"><p>{escape(t('plan.utkast_mangler'))}"
                                  f"</p><ul>{items}</ul></div>")

    # Shared --------------------------------------------------------------------------------

    def _attempt(self, action) -> bool:
        return attempt(self.shared, self.message, action)

    def export(self) -> Path | None:
        from myndig.export import export_plan

        kind = self.export_format.value
        name = "".join(c if c.isalnum() else "-" for c in self.shared.plan.office).strip("-")
        target = self.export_folder / f"plan-for-laering-{name.lower() or 'kontor'}.{kind}"
        try:
            export_plan(self.shared.plan, target, kind)
        except (InvalidFile, OSError) as error:
            self.export_result.value = paragraph(t("plan.eksport_feilet", feil=error), alert=True)
            return None
        self.export_result.value = (
            f'<p role="status">{escape(t("plan.eksport_lagret", fil=target.name))} '
            f'<a href="{escape(target.name, quote=True)}" download>{escape(target.name)}</a></p>')
        return target

    def _refresh_rows(self) -> None:
        theme = self._current_theme()
        selected = self.row_list.index
        self.row_list.options = [] if theme is None else [
            f"{number}. {row.outcome[:70] or '…'} | {row.arena or '–'} | "
            f"{row.method_shown or '–'} | {row.timing.shown() or '–'}"
            for number, row in enumerate(theme.rows, start=1)]
        if theme is not None and selected is not None and selected < len(theme.rows):
            self.row_list.index = selected

    def refresh(self) -> None:
        plan = self.shared.plan
        if plan is not self._shown_plan:  # a whole new plan (loaded or carried forward)
            self._shown_plan = plan
            self.fill_header()
        selected = self.theme_list.index
        self.theme_list.options = [theme.title for theme in plan.themes]
        if selected is not None and selected < len(plan.themes):
            self.theme_list.index = selected
        self.arena.options = tuple(plan.register.names())
        self._refresh_rows()
        found = validate(plan)
        items = "".join(
            f"<li><strong>{escape(problem.severity.label)}:</strong> {escape(problem.message)}</li>"
            for problem in found)
        icon = "✅" if not found else ("⚠️" if any(p.severity is Severity.ERROR for p in found)
                                      else "💡")
        self.problems.value = (f'<div role="status"><p>{icon} {escape(summary(found))}</p>'
                               f"<ul>{items}</ul></div>")
        notes = outcome_notes(plan)
        self.outcome_notes.value = "" if not notes else (
            f"<p>{escape(t('plan.nkr_overskrift'))}</p><ul>" + "".join(
                f"<li>«{escape(note.outcome[:90])}»: {escape(note.category or '?')}"
                + (f" (nivå {note.level})" if note.level else "")
                + "".join(f"<br><small>{escape(finding)}</small>" for finding in note.findings)
                + "</li>" for note in notes) + "</ul>")
        timeline_text, methods_text = plan.timeline_summary(), plan.method_summary()
        if self.show_figures and plan.themes:
            # Drawing takes about a second; redraw only a picture whose content changed.
            timeline_key = (plan.period, tuple(
                (theme.title, theme.evaluation, tuple(row.timing for row in theme.rows))
                for theme in plan.themes))
            if timeline_key != self._drawn_timeline:
                self.timeline.value = figure_html(timeline_figure(plan), timeline_text)
                self._drawn_timeline = timeline_key
            methods_key = tuple(sorted((m.value, n) for m, n in plan.method_counts().items()))
            if methods_key != self._drawn_methods:
                self.methods.value = figure_html(methods_figure(plan), methods_text)
                self._drawn_methods = methods_key
        else:
            self.timeline.value = self.methods.value = ""
            self._drawn_timeline = self._drawn_methods = None
        self.timeline_summary.value = paragraph(timeline_text)
        self.methods_summary.value = paragraph(methods_text)
