"""The knowledge-flow mapper: Sveiby's nine transfers, one table of activities each.

As in the KLAR guide's example table, each row is an activity, the arena it happens on and who is
responsible; the extent (seldom, regular, often) gives the arrow its weight in the picture.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from myndig.i18n import t
from myndig.model.plan import TRANSFERS, Extent, make_flow_row
from myndig.views.figures import figure_html
from myndig.views.plan_common import STYLE, WIDE, SharedPlan, attempt, button, heading, paragraph
from myndig.views.plan_figures import structures_figure


class KnowledgeFlowWidget(widgets.VBox):
    def __init__(self, shared: SharedPlan, *, show_figure: bool = True) -> None:
        self.shared = shared
        self.show_figure = show_figure
        self._drawn: tuple | None = None
        self.transfer = widgets.Dropdown(
            description=t("plan.etikett_overforing"), style=STYLE, layout=WIDE,
            options=[(item.numbered_label, item.number) for item in TRANSFERS],
            value=1)
        self.explanation = widgets.HTML()
        self.rows = widgets.Select(description=t("plan.etikett_aktiviteter"), rows=5,
                                   style=STYLE, layout=WIDE)
        self.activity = widgets.Text(description=t("plan.etikett_aktivitet"), style=STYLE,
                                     layout=WIDE, placeholder="Kollegaveiledning")
        self.arena = widgets.Combobox(description=t("plan.etikett_arena"), style=STYLE,
                                      ensure_option=False, placeholder="Daglig drift")
        self.responsible = widgets.Text(description=t("plan.etikett_ansvar"), style=STYLE)
        self.extent = widgets.Dropdown(description=t("plan.etikett_omfang"), style=STYLE,
                                       options=[(e.label, e.value) for e in Extent],
                                       value=Extent.REGULAR.value)
        self.add_button = button("plan.knapp_legg_til_aktivitet", "plus", primary=True)
        self.update_button = button("plan.knapp_lagre_endring", "save")
        self.remove_button = button("plan.knapp_fjern_aktivitet", "trash")
        self.message = widgets.HTML()
        self.chart = widgets.HTML(layout=widgets.Layout(max_width="640px"))
        self.summary = widgets.HTML()

        self.transfer.observe(lambda _: self.refresh(), names="value")
        self.rows.observe(lambda _: self.fill_from_selection(), names="index")
        self.add_button.on_click(lambda _: self.add())
        self.update_button.on_click(lambda _: self.update())
        self.remove_button.on_click(lambda _: self.remove())
        shared.listen(self.refresh)
        super().__init__([
            heading("plan.overskrift_flyt"),
            widgets.HTML(paragraph(t("plan.hjelp_flyt"))),
            self.transfer, self.explanation, self.rows, self.activity,
            widgets.HBox([self.arena, self.responsible, self.extent]),
            widgets.HBox([self.add_button, self.update_button, self.remove_button]),
            self.message, self.chart, self.summary,
        ])
        self.refresh()

    def _plan_indices(self) -> list[int]:
        """Positions in the whole flow of the rows shown for the chosen transfer."""
        number = self.transfer.value
        return [index for index, row in enumerate(self.shared.plan.flow.rows)
                if row.transfer.number == number]

    def _selected(self) -> int:
        shown = self._plan_indices()
        index = self.rows.index
        return shown[index] if index is not None and index < len(shown) else -1

    def _row(self):
        return make_flow_row(self.transfer.value, self.activity.value, self.arena.value,
                             self.responsible.value, self.extent.value)

    def _attempt(self, action) -> bool:
        return attempt(self.shared, self.message, action)

    def add(self) -> bool:
        flow = self.shared.plan.flow
        if self._attempt(lambda: flow.add(self._row())):
            self.activity.value = ""
            return True
        return False

    def update(self) -> bool:
        flow = self.shared.plan.flow
        selected = self._selected()
        return self._attempt(lambda: flow.replace(selected, self._row()))

    def remove(self) -> bool:
        flow = self.shared.plan.flow
        selected = self._selected()
        return self._attempt(lambda: flow.remove(selected))

    def fill_from_selection(self) -> None:
        selected = self._selected()
        if selected < 0:
            return
        row = self.shared.plan.flow.rows[selected]
        self.activity.value = row.activity
        self.arena.value = row.arena
        self.responsible.value = row.responsible
        self.extent.value = row.extent.value

    def refresh(self) -> None:
        plan = self.shared.plan
        item = TRANSFERS[self.transfer.value - 1]
        self.explanation.value = f"<p><em>{escape(item.explanation)}</em></p>"
        self.rows.options = [
            " – ".join(part for part in (row.activity, row.arena, row.responsible) if part)
            + f" ({row.extent.label.lower()})"
            for row in plan.flow.rows_for(item.number)]
        self.arena.options = tuple(plan.register.names())
        summary = plan.flow.summary()
        weights = tuple(plan.flow.weights().items())
        # Drawing takes most of a second; redraw only when the picture would change.
        if self.show_figure and weights != self._drawn:
            self.chart.value = figure_html(structures_figure(plan.flow), summary)
            self._drawn = weights
        self.summary.value = paragraph(summary)
