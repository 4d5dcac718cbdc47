"""The arena register: where the office shares knowledge, and how often, and with whom."""

from __future__ import annotations

import ipywidgets as widgets

from myndig.i18n import t
from myndig.model.plan import ArenaKind, make_arena
from myndig.views.plan_common import (
    STYLE,
    WIDE,
    SharedPlan,
    attempt,
    button,
    heading,
    paragraph,
    split_names,
)


class ArenaRegisterWidget(widgets.VBox):
    def __init__(self, shared: SharedPlan) -> None:
        self.shared = shared
        self.arena_list = widgets.Select(description=t("plan.etikett_arenaliste"), rows=8,
                                         style=STYLE, layout=WIDE)
        self.name = widgets.Text(description=t("plan.etikett_arena"), style=STYLE, layout=WIDE,
                                 placeholder="Kontormøte")
        self.kind = widgets.Dropdown(description=t("plan.etikett_arenatype"), style=STYLE,
                                     options=[(kind.label, kind.value) for kind in ArenaKind])
        self.frequency = widgets.Text(description=t("plan.etikett_hyppighet"), style=STYLE,
                                      placeholder="hver 14. dag")
        self.participants = widgets.Text(description=t("plan.etikett_deltakere"), style=STYLE,
                                         layout=WIDE, placeholder="alle ansatte")
        self.responsible = widgets.Text(description=t("plan.etikett_ansvarlig"), style=STYLE)
        self.description = widgets.Textarea(description=t("plan.etikett_beskrivelse"),
                                            style=STYLE, layout=WIDE, rows=2)
        self.aliases = widgets.Text(description=t("plan.etikett_andre_navn"), style=STYLE,
                                    layout=WIDE, placeholder="Fagmøte; Teammøte")
        self.add_button = button("plan.knapp_legg_til_arena", "plus", primary=True)
        self.update_button = button("plan.knapp_lagre_endring", "save")
        self.remove_button = button("plan.knapp_fjern_arena", "trash")
        self.message = widgets.HTML(paragraph(shared.notice, alert=True) if shared.notice else "")
        self.summary = widgets.HTML()

        self.arena_list.observe(lambda _: self.fill_from_selection(), names="index")
        self.add_button.on_click(lambda _: self.add())
        self.update_button.on_click(lambda _: self.update())
        self.remove_button.on_click(lambda _: self.remove())
        shared.listen(self.refresh)
        super().__init__([
            heading("plan.overskrift_arenaer"),
            widgets.HTML(paragraph(t("plan.hjelp_arenaer"))),
            self.arena_list, self.name, widgets.HBox([self.kind, self.frequency]),
            self.participants, self.responsible, self.description, self.aliases,
            widgets.HBox([self.add_button, self.update_button, self.remove_button]),
            self.message, self.summary,
        ])
        self.refresh()

    def _arena_from_fields(self):
        return make_arena(self.name.value, self.kind.value, self.frequency.value,
                          self.participants.value, self.responsible.value,
                          self.description.value, split_names(self.aliases.value))

    def _attempt(self, action) -> bool:
        return attempt(self.shared, self.message, action)

    def add(self) -> bool:
        register = self.shared.plan.register
        if self._attempt(lambda: register.add(self._arena_from_fields())):
            self.arena_list.index = len(register.arenas) - 1
            return True
        return False

    def update(self) -> bool:
        index = self.arena_list.index
        register = self.shared.plan.register
        return self._attempt(lambda: register.replace(-1 if index is None else index,
                                                      self._arena_from_fields()))

    def remove(self) -> bool:
        index = self.arena_list.index
        register = self.shared.plan.register
        if self._attempt(lambda: register.remove(-1 if index is None else index)):
            self.clear_fields()
            return True
        return False

    def clear_fields(self) -> None:
        for field in (self.name, self.frequency, self.participants, self.responsible,
                      self.description, self.aliases):
            field.value = ""

    def fill_from_selection(self) -> None:
        index = self.arena_list.index
        arenas = self.shared.plan.register.arenas
        if index is None or not 0 <= index < len(arenas):
            return
        arena = arenas[index]
        self.name.value = arena.name
        self.kind.value = arena.kind.value
        self.frequency.value = arena.frequency
        self.participants.value = arena.participants
        self.responsible.value = arena.responsible
        self.description.value = arena.description
        self.aliases.value = "; ".join(arena.aliases)

    def refresh(self) -> None:
        register = self.shared.plan.register
        selected = self.arena_list.index
        self.arena_list.options = [
            f"{arena.name} ({arena.kind.label.split(' ')[0].lower()}"
            + (f", {arena.frequency}" if arena.frequency else "") + ")"
            for arena in register.arenas]
        if selected is not None and selected < len(register.arenas):
            self.arena_list.index = selected
        counts = register.count_by_kind()
        self.summary.value = paragraph(t("plan.arenaer_oppsummering", antall=len(register.arenas),
                                         intern=counts[ArenaKind.INTERNAL],
                                         ekstern=counts[ArenaKind.EXTERNAL],
                                         digital=counts[ArenaKind.DIGITAL]))
