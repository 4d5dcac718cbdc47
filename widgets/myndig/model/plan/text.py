"""Cleaning of free text typed by people, shared by every part of the plan.

Text ends up in Word and Excel files, whose XML cannot hold control characters, so they are
removed at the door instead of failing later in an export.
"""

from __future__ import annotations

import re

from myndig.i18n import t
from myndig.model.errors import InvalidInput

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")

SHORT_TEXT = 200
LONG_TEXT = 1000


def clean_line(value: object, *, field: str, limit: int = SHORT_TEXT) -> str:
    """One line of text: whitespace collapsed, control characters removed, length bounded."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(t("plan.ikke_tekst", felt=t(f"plan.felt_{field}")), field=field)
    cleaned = " ".join(_CONTROL.sub("", value).split())
    if len(cleaned) > limit:
        raise InvalidInput(t("plan.for_lang_tekst", felt=t(f"plan.felt_{field}"), maks=limit),
                           field=field)
    return cleaned


def clean_text(value: object, *, field: str, limit: int = LONG_TEXT) -> str:
    """Several lines of text: line breaks kept, each line tidied."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(t("plan.ikke_tekst", felt=t(f"plan.felt_{field}")), field=field)
    lines = [" ".join(line.split()) for line in _CONTROL.sub("", value).splitlines()]
    cleaned = "\n".join(lines).strip()
    if len(cleaned) > limit:
        raise InvalidInput(t("plan.for_lang_tekst", felt=t(f"plan.felt_{field}"), maks=limit),
                           field=field)
    return cleaned


def same_name(left: str, right: str) -> bool:
    return " ".join(left.split()).casefold() == " ".join(right.split()).casefold()


def join_words(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " og " + words[-1]
