"""The one catalogue of text that students and participants see.

Messages live in JSON files, one per area (``nb/<area>.json``), so that each part of the kit
owns its own file and a nynorsk or English catalogue can be added beside ``nb`` later without
touching code. Keys are ``area.name``.
"""

from __future__ import annotations

import json
import os
from functools import cache
from importlib import resources
from string import Formatter

DEFAULT_LANGUAGE = "nb"


class MissingText(KeyError):
    """A key that no catalogue holds: a programming error, never shown to a student."""


@cache
def _catalogue(language: str) -> dict[str, str]:
    entries: dict[str, str] = {}
    folder = resources.files("myndig.i18n") / language
    for item in sorted(folder.iterdir(), key=lambda entry: entry.name):
        if not item.name.endswith(".json"):
            continue
        area = item.name.removesuffix(".json")
        for key, text in json.loads(item.read_text(encoding="utf-8")).items():
            entries[f"{area}.{key}"] = text
    return entries


def language() -> str:
    return os.environ.get("MYNDIG_SPRAAK", DEFAULT_LANGUAGE)


def t(key: str, /, **values: object) -> str:
    """The text for ``key`` in the active language, with ``{placeholders}`` filled in."""
    catalogue = _catalogue(language())
    try:
        template = catalogue[key]
    except KeyError:
        if language() != DEFAULT_LANGUAGE and key in _catalogue(DEFAULT_LANGUAGE):
            template = _catalogue(DEFAULT_LANGUAGE)[key]
        else:
            raise MissingText(key) from None
    return template.format(**values)


def placeholders(key: str) -> set[str]:
    """The names a message expects, so tests can check every call fills them."""
    return {name for _, name, _, _ in Formatter().parse(_catalogue(DEFAULT_LANGUAGE)[key]) if name}


def keys() -> list[str]:
    return sorted(_catalogue(DEFAULT_LANGUAGE))
