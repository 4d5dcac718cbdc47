"""The working group: its members (three to five), who leads, who writes minutes, its mandate."""

from __future__ import annotations

import ipywidgets as widgets

from myndig.i18n import t
from myndig.model.plan import make_member, make_timing
from myndig.model.plan.working_group import MAX_MEMBERS, MIN_MEMBERS
from myndig.views.plan_common import STYLE, WIDE, SharedPlan, attempt, button, heading, paragraph


class WorkingGroupWidget(widgets.VBox):
    def __init__(self, shared: SharedPlan) -> None:
        self.shared = shared
        self.member_list = widgets.Select(description=t("plan.etikett_medlemmer"), rows=5,
                                          style=STYLE, layout=WIDE)
        self.member_name = widgets.Text(description=t("plan.etikett_navn"), style=STYLE)
        self.member_role = widgets.Text(description=t("plan.etikett_rolle"), style=STYLE,
                                        placeholder="veileder, oppfølgingsteamet")
        self.add_button = button("plan.knapp_legg_til_medlem", "plus", primary=True)
        self.remove_button = button("plan.knapp_fjern_medlem", "trash")
        self.leader = widgets.Text(description=t("plan.etikett_gruppeleder"), style=STYLE)
        self.minute_taker = widgets.Text(description=t("plan.etikett_referent"), style=STYLE)
        self.mandate = widgets.Textarea(description=t("plan.etikett_mandat"), style=STYLE,
                                        layout=WIDE, rows=3)
        self.frame_start = widgets.DatePicker(description=t("plan.etikett_fra"), style=STYLE)
        self.frame_end = widgets.DatePicker(description=t("plan.etikett_til"), style=STYLE)
        self.details_button = button("plan.knapp_lagre_gruppe", "save")
        self.message = widgets.HTML()
        self.summary = widgets.HTML()
        self.add_button.on_click(lambda _: self.add_member())
        self.remove_button.on_click(lambda _: self.remove_member())
        self.details_button.on_click(lambda _: self.save_details())
        shared.listen(self.refresh)
        self._shown_plan = shared.plan
        self.fill_details()
        super().__init__([
            heading("plan.overskrift_arbeidsgruppe"),
            widgets.HTML(paragraph(t("plan.hjelp_arbeidsgruppe"))),
            self.member_list, widgets.HBox([self.member_name, self.member_role]),
            widgets.HBox([self.add_button, self.remove_button]),
            widgets.HBox([self.leader, self.minute_taker]), self.mandate,
            widgets.HBox([self.frame_start, self.frame_end]), self.details_button,
            self.message, self.summary,
        ])
        self.refresh()

    def _attempt(self, action) -> bool:
        return attempt(self.shared, self.message, action)

    def add_member(self) -> bool:
        group = self.shared.plan.working_group
        if self._attempt(lambda: group.add(make_member(self.member_name.value,
                                                       self.member_role.value))):
            self.member_name.value = self.member_role.value = ""
            return True
        return False

    def remove_member(self) -> bool:
        index = self.member_list.index
        group = self.shared.plan.working_group
        return self._attempt(lambda: group.remove(-1 if index is None else index))

    def save_details(self) -> bool:
        group = self.shared.plan.working_group
        return self._attempt(lambda: group.set_details(
            leader=self.leader.value, minute_taker=self.minute_taker.value,
            mandate=self.mandate.value,
            time_frame=make_timing("", self.frame_start.value, self.frame_end.value,
                                   field="tidsramme")))

    def fill_details(self) -> None:
        group = self.shared.plan.working_group
        self.leader.value, self.minute_taker.value = group.leader, group.minute_taker
        self.mandate.value = group.mandate
        self.frame_start.value, self.frame_end.value = group.time_frame.start, group.time_frame.end

    def refresh(self) -> None:
        if self.shared.plan is not self._shown_plan:
            self._shown_plan = self.shared.plan
            self.fill_details()
        members = self.shared.plan.working_group.members
        self.member_list.options = [member.name + (f" ({member.role})" if member.role else "")
                                    for member in members]
        key = ("plan.gruppe_passe" if MIN_MEMBERS <= len(members) <= MAX_MEMBERS
               else "plan.gruppe_ikke_passe")
        self.summary.value = paragraph(t(key, antall=len(members), minst=MIN_MEMBERS,
                                         maks=MAX_MEMBERS))
