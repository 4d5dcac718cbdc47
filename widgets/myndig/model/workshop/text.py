"""Bounds on what participants write.

Participants' text is shown to colleagues, so it is cleaned on the way in (whitespace folded,
control characters refused, length bounded) and escaped on the way out by every view.
"""

from __future__ import annotations

import unicodedata

from myndig.i18n import t
from myndig.model.errors import InvalidInput

MAX_NAME_LENGTH = 40
MAX_TITLE_LENGTH = 120
MAX_PROPOSAL_LENGTH = 140
MAX_FIELD_LENGTH = 300


def clean_text(value: object, *, field: str, label: str, maximum: int,
               required: bool = True) -> str:
    """``value`` with whitespace folded; ``InvalidInput`` in Norwegian if it breaks a bound."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(t("workshop.tekst_ikke_tekst", felt=label), field=field)
    if any(unicodedata.category(character) in {"Cc", "Cf", "Co", "Cs"}
           and character not in "\n\t" for character in value):
        raise InvalidInput(t("workshop.tekst_kontrolltegn", felt=label), field=field)
    cleaned = " ".join(value.split())
    if required and not cleaned:
        raise InvalidInput(t("workshop.tekst_mangler", felt=label), field=field)
    if len(cleaned) > maximum:
        raise InvalidInput(t("workshop.tekst_for_lang", felt=label, maks=maximum,
                             lengde=len(cleaned)), field=field)
    return cleaned


def comparison_key(text: str) -> str:
    """Two proposals that differ only in case, accents' composition or spacing are the same."""
    return unicodedata.normalize("NFKC", " ".join(text.split())).casefold()
