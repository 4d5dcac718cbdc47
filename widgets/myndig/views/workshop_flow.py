"""Mapping the knowledge flow together: rows of activity, arena and responsibility per
Sveiby transfer, shared live with the group."""

from __future__ import annotations

import ipywidgets as widgets

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.plan import TRANSFERS, transfer
from myndig.model.workshop import ParticipantSession
from myndig.model.workshop.knowledge_flow import FlowEntry, by_transfer, flow_summary
from myndig.model.workshop.text import MAX_FIELD_LENGTH
from myndig.views.workshop_common import Poller, html_text, paragraph


def flow_table_html(entries: list[FlowEntry], labels: dict[int, str]) -> str:
    """The shared map: one table per transfer that has rows; every text escaped."""
    parts = []
    for number, rows in by_transfer(entries).items():
        if not rows:
            continue
        header = "".join(f'<th scope="col">{html_text(t(key))}</th>' for key in (
            "workshop.flyt_aktivitet", "workshop.flyt_arena", "workshop.flyt_ansvar",
            "workshop.kolonne_deltaker"))
        body = "".join(
            f"<tr><td>{html_text(row.activity)}</td><td>{html_text(row.arena)}</td>"
            f"<td>{html_text(row.responsibility)}</td>"
            f"<td>{html_text(labels.get(row.participant_id, ''))}</td></tr>" for row in rows)
        caption = html_text(transfer(number).numbered_label)
        parts.append(f"<table><caption>{caption}</caption>"
                     f"<thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>")
    return "".join(parts)


class KnowledgeFlowWidget(widgets.VBox):
    def __init__(self, session: ParticipantSession, *, poll: bool = True) -> None:
        self.session = session
        style = {"description_width": "initial"}
        wide = widgets.Layout(width="100%", max_width="40em")
        self.transfer_input = widgets.Dropdown(
            description=t("workshop.flyt_overforing"), style=style, layout=wide,
            options=[(item.numbered_label, item.number) for item in TRANSFERS])
        self.activity_input = widgets.Text(description=t("workshop.flyt_aktivitet"), style=style,
                                           layout=wide, placeholder=t("workshop.flyt_eksempel"))
        self.arena_input = widgets.Text(description=t("workshop.flyt_arena"), style=style,
                                        layout=wide, placeholder=t("workshop.flyt_arena_eksempel"))
        self.responsibility_input = widgets.Text(description=t("workshop.flyt_ansvar"),
                                                 style=style, layout=wide,
                                                 placeholder=t("workshop.flyt_ansvar_eksempel"))
        self.add_button = widgets.Button(description=t("workshop.knapp_legg_til"),
                                         button_style="primary",
                                         tooltip=t("workshop.knapp_legg_til"))
        self.own_rows = widgets.Dropdown(description=t("workshop.flyt_dine_rader"), style=style,
                                         layout=wide, options=[])
        self.remove_button = widgets.Button(description=t("workshop.knapp_fjern"),
                                            tooltip=t("workshop.knapp_fjern"))
        self.message = widgets.HTML()
        self.table = widgets.HTML()
        self.summary = widgets.HTML()
        self.add_button.on_click(lambda _: self.add())
        self.remove_button.on_click(lambda _: self.remove())
        super().__init__([
            widgets.HTML(f"<h2>{html_text(t('workshop.flyt_overskrift'))}</h2>"
                         f"<p>{html_text(t('workshop.flyt_forklaring', maks=MAX_FIELD_LENGTH))}"
                         "</p>"),
            self.transfer_input, self.activity_input, self.arena_input,
            self.responsibility_input, self.add_button, self.message,
            widgets.HBox([self.own_rows, self.remove_button]),
            self.summary, self.table,
        ])
        self.poller = Poller(session.changes, self.refresh)
        self.poller.poll_once()
        if poll:
            self.poller.start()

    def add(self) -> bool:
        try:
            self.session.add_flow_entry(self.transfer_input.value, self.activity_input.value,
                                        self.arena_input.value, self.responsibility_input.value)
        except InvalidInput as error:
            self.message.value = paragraph(str(error), alert=True)
            return False
        self.activity_input.value = self.arena_input.value = self.responsibility_input.value = ""
        self.message.value = paragraph(t("workshop.flyt_lagt_til"))
        self.poller.poll_once()
        return True

    def remove(self) -> bool:
        if self.own_rows.value is None:
            self.message.value = paragraph(t("workshop.flyt_velg_rad"), alert=True)
            return False
        try:
            self.session.remove_flow_entry(self.own_rows.value)
        except InvalidInput as error:
            self.message.value = paragraph(str(error), alert=True)
            return False
        self.message.value = ""
        self.poller.poll_once()
        return True

    def refresh(self) -> None:
        entries = self.session.flow_entries()
        self.own_rows.options = [
            (f"{entry.transfer}: {entry.activity}", entry.entry_id) for entry in entries
            if entry.participant_id == self.session.participant_id]
        self.table.value = flow_table_html(entries, self.session.participant_labels())
        self.summary.value = paragraph(flow_summary(entries))
