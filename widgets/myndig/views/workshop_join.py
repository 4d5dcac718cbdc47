"""Joining a workshop: the code (and a name, if one likes), and the QR code that carries it."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

import ipywidgets as widgets
import segno

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.workshop import ParticipantSession, WorkshopService
from myndig.model.workshop.text import MAX_NAME_LENGTH
from myndig.views.workshop_common import html_text, paragraph

PARTICIPANT_PAGE = "voila/render/deltaker.ipynb"


def join_url(base_url: str, code: str, page: str = PARTICIPANT_PAGE) -> str:
    """The address a participant opens; the code is filled in for them."""
    return f"{base_url.rstrip('/')}/{page}?{urlencode({'kode': code})}"


def qr_html(url: str, code: str) -> str:
    """The join address as a QR code (SVG) with the code in its text alternative."""
    source = segno.make(url, error="m").svg_data_uri(scale=6, border=2, dark="#000",
                                                     light="#fff")
    alt = t("workshop.qr_alt", kode=code, adresse=url)
    return (f'<img src="{html_text(source)}" alt="{html_text(alt)}" '
            'style="width:220px;height:220px">')


class JoinWidget(widgets.VBox):
    """Code and optional name; calls ``on_joined`` with the new participant's session."""

    def __init__(self, service: WorkshopService,
                 on_joined: Callable[[ParticipantSession], None]) -> None:
        self.service = service
        self.on_joined = on_joined
        style = {"description_width": "initial"}
        self.code_input = widgets.Text(description=t("workshop.felt_kode"), style=style,
                                       placeholder="HKT 479")
        self.name_input = widgets.Text(description=t("workshop.felt_navn"), style=style,
                                       placeholder=t("workshop.navn_plassholder"))
        self.join_button = widgets.Button(description=t("workshop.knapp_bli_med"),
                                          button_style="primary",
                                          tooltip=t("workshop.knapp_bli_med"))
        self.message = widgets.HTML()
        self.join_button.on_click(lambda _: self.join())
        super().__init__([
            widgets.HTML(f"<h2>{html_text(t('workshop.bli_med_overskrift'))}</h2>"
                         f"<p>{html_text(t('workshop.bli_med_forklaring', maks=MAX_NAME_LENGTH))}"
                         "</p>"),
            self.code_input, self.name_input, self.join_button, self.message,
        ])

    def join(self) -> ParticipantSession | None:
        try:
            session = self.service.join(self.code_input.value, self.name_input.value)
        except InvalidInput as error:
            self.message.value = paragraph(str(error), alert=True)
            return None
        self.message.value = ""
        self.on_joined(session)
        return session
