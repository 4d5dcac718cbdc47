"""The plan's texts: every key the code asks for exists, and every enum has its label."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from myndig.i18n import keys, placeholders, t
from myndig.model.plan import TRANSFERS, Answer, ArenaKind, Extent, Method, Origin, Structure
from myndig.model.plan.validation import Severity

PACKAGE = Path(__file__).resolve().parents[2] / "widgets" / "myndig"
SOURCES = [*(PACKAGE / "model" / "plan").glob("*.py"), *(PACKAGE / "views").glob("plan_*.py"),
           *(PACKAGE / "export").glob("*.py"), PACKAGE / "commands" / "plan.py"]
LITERAL_KEY = re.compile(r'"(plan\.[a-z0-9_]+)"')


def _literal_keys() -> set[str]:
    found: set[str] = set()
    for source in SOURCES:
        found |= set(LITERAL_KEY.findall(source.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("key", sorted(_literal_keys()))
def test_every_key_in_the_code_exists(key):
    """Is each text key the plan's code names in the Norwegian catalogue?"""
    assert key in keys()


@pytest.mark.parametrize("member", [*ArenaKind, *Origin, *Method, *Answer, *Extent, *Structure,
                                    *Severity])
def test_every_choice_has_a_norwegian_label(member):
    """Does every choice a person can make have a label?"""
    assert member.label.strip()


def test_every_transfer_has_a_label_and_an_explanation():
    """Do all nine transfers have a label and a plain-language explanation?"""
    for item in TRANSFERS:
        assert item.label
        assert len(item.explanation) > 40


def test_every_field_name_used_in_messages_exists():
    """Is every field name passed to a message (felt_…) in the catalogue?"""
    fields = set()
    for source in SOURCES:
        fields |= set(re.findall(r'field="([a-z_]+)"', source.read_text(encoding="utf-8")))
    missing = [name for name in fields if f"plan.felt_{name}" not in keys()]
    assert not missing


def test_messages_fill_their_placeholders():
    """Does a message with placeholders format without leftovers when given its values?"""
    key = "plan.regel_evaluering_for"
    values = dict.fromkeys(placeholders(key), "x")
    assert "{" not in t(key, **values)
