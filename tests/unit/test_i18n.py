"""The text catalogue: every file valid, every key reachable, placeholders filled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from myndig import i18n

CATALOGUE = Path(i18n.__file__).parent / "nb"


@pytest.mark.parametrize("path", sorted(CATALOGUE.glob("*.json")), ids=lambda path: path.name)
def test_catalogue_files_are_flat_string_maps(path):
    """Is each catalogue file a JSON object of non-empty strings?"""
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    assert data
    assert all(isinstance(value, str) and value.strip() for value in data.values())


def test_text_fills_placeholders():
    """Does t() fill in the named placeholders?"""
    assert i18n.t("laeringsmiks.lagret", fil="svar.json") == "Lagret i svar.json."
    assert i18n.placeholders("laeringsmiks.lagret") == {"fil"}


def test_unknown_key_is_a_clear_error():
    """Is an unknown key reported by name?"""
    with pytest.raises(i18n.MissingText, match=r"finnes\.ikke"):
        i18n.t("finnes.ikke")
