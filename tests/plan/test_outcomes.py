"""The loose link to the NKR analyser: used when it is there, never needed."""

from __future__ import annotations

import sys
import types

import pytest
from myndig.model.plan.outcomes import find_analyser, outcome_notes


def test_without_an_analyser_there_are_no_notes(plan, monkeypatch):
    """Does the plan work, with no outcome notes, when the analyser cannot be imported?"""
    monkeypatch.setitem(sys.modules, "myndig.model.nkr", None)
    assert find_analyser() is None
    assert outcome_notes(plan) == []


def test_with_an_analyser_each_outcome_is_analysed(plan, monkeypatch):
    """Is every outcome passed to an analyser that offers analyse(), and its findings kept?"""
    seen = []

    def analyse(text):
        seen.append(text)
        return types.SimpleNamespace(
            category=types.SimpleNamespace(value="kunnskap", label="Kunnskap"),
            level=6,
            findings=[types.SimpleNamespace(message="Verbet kan ikke observeres.",
                                            suggestion="Bruk «anvende».")])

    fake = types.ModuleType("myndig.model.nkr")
    fake.analyse_statement = analyse
    monkeypatch.setitem(sys.modules, "myndig.model.nkr", fake)
    notes = outcome_notes(plan)
    assert seen == plan.themes[0].outcomes()
    assert notes[0].category == "Kunnskap"
    assert notes[0].level == 6
    assert notes[0].findings == ("Verbet kan ikke observeres. Bruk «anvende».",)


def test_a_failing_analyser_never_breaks_the_plan(plan):
    """Does an analyser that raises simply give no notes?"""
    def analyse(text):
        raise RuntimeError("boom")

    assert outcome_notes(plan, analyse) == []


def test_module_without_analyse_function_is_ignored(monkeypatch):
    """Is a module without a callable analyse() treated as no analyser?"""
    fake = types.ModuleType("myndig.model.nkr")
    monkeypatch.setitem(sys.modules, "myndig.model.nkr", fake)
    assert find_analyser() is None


def test_an_older_analyser_offering_only_analyse_is_used(monkeypatch):
    """Is a module with only analyse() (no analyse_statement) still found?"""
    fake = types.ModuleType("myndig.model.nkr")
    fake.analyse = lambda text: {"category": "kunnskap", "findings": []}
    monkeypatch.setitem(sys.modules, "myndig.model.nkr", fake)
    assert find_analyser() is fake.analyse


def test_the_real_analyser_if_present(plan):
    """If the kit's NKR analyser is installed, does it give a category for each outcome?"""
    pytest.importorskip("myndig.model.nkr")
    notes = outcome_notes(plan)
    assert len(notes) == len(plan.themes[0].outcomes())
    assert all(note.category for note in notes)
