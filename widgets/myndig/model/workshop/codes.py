"""Join codes: short, easy to read aloud and type on a phone, hard to guess.

The alphabet leaves out characters that are easily confused on a projector or in handwriting
(0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V), so a code read from the wall is typed right the first
time. Six characters from 24 give about 1.9 · 10⁸ codes, and a code only opens a workshop to
join; the facilitator's controls need a separate long key.
"""

from __future__ import annotations

import secrets

from myndig.i18n import t
from myndig.model.errors import InvalidInput

ALPHABET = "ACEFGHJKMNPRTWXY34679"
CODE_LENGTH = 6
# Participant tokens and facilitator keys are secrets, not something anyone types.
TOKEN_BYTES = 18


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def new_secret() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def normalise_code(value: object) -> str:
    """The code as stored, from what a person typed (any case, spaces or dashes between)."""
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(t("workshop.kode_mangler"), field="kode")
    code = "".join(value.split()).replace("-", "").upper()
    if len(code) != CODE_LENGTH or any(character not in ALPHABET for character in code):
        raise InvalidInput(t("workshop.kode_ugyldig", lengde=CODE_LENGTH), field="kode")
    return code


def display_code(code: str) -> str:
    """Three and three, which is how people read a code aloud."""
    return f"{code[:3]} {code[3:]}"
