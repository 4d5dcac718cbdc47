"""The 70/20/10 widget, tested through its state without a browser."""

from __future__ import annotations

import json

from myndig.model.learning_mix import LearningMix
from myndig.views.learning_mix import LearningMixWidget


def fill(widget: LearningMixWidget, name: str, source: str, hours: float) -> None:
    widget.name_input.value = name
    widget.source_input.value = source
    widget.hours_input.value = hours
    widget.add_button.click()


def test_adding_updates_list_chart_and_summary():
    """Does clicking «Legg til» update the list, the chart and its text alternative?"""
    widget = LearningMixWidget()
    assert widget.chart.value == ""
    fill(widget, "Kollegaveiledning", "andre", 4)
    assert widget.activity_list.options == ("Kollegaveiledning – læring med og fra andre, 4 t/mnd",)
    assert widget.chart.value.startswith("<img src=\"data:image/png;base64,")
    assert "100 % læring med og fra andre" in widget.summary.value
    assert 'alt="1 aktivitet,' in widget.chart.value
    assert widget.name_input.value == ""


def test_bad_input_shows_message_and_keeps_text():
    """Is bad input explained in the widget, keeping what the person typed?"""
    widget = LearningMixWidget()
    fill(widget, "Kurs", "formell", 0)
    assert 'role="alert"' in widget.message.value
    assert "mer enn null" in widget.message.value
    assert widget.name_input.value == "Kurs"
    assert widget.mix.activities == []


def test_remove_selected():
    """Does «Fjern valgt» remove the selected activity, and explain when none is selected?"""
    widget = LearningMixWidget()
    fill(widget, "A", "arbeid", 1)
    fill(widget, "B", "formell", 1)
    widget.remove_button.click()
    assert "Velg en aktivitet" in widget.message.value
    widget.activity_list.index = 0
    widget.remove_button.click()
    assert [activity.name for activity in widget.mix.activities] == ["B"]


def test_answer_file_is_saved_and_reloaded(tmp_path):
    """Is every change saved to the answer file and loaded by a new widget?"""
    answer = tmp_path / "svar-laeringsmiks.json"
    widget = LearningMixWidget(answer_file=answer)
    fill(widget, "Saksbehandling", "arbeid", 12.5)
    assert "Lagret i svar-laeringsmiks.json" in widget.message.value
    saved = json.loads(answer.read_text(encoding="utf-8"))
    assert saved["aktiviteter"][0]["timer_per_maaned"] == 12.5
    again = LearningMixWidget(answer_file=answer)
    assert again.mix == LearningMix.from_json(saved)


def test_broken_answer_file_is_kept_and_explained(tmp_path):
    """Does a broken answer file leave a kept copy and a message, not a crash or a loss?"""
    answer = tmp_path / "svar-laeringsmiks.json"
    answer.write_text("{ ikke json", encoding="utf-8")
    widget = LearningMixWidget(answer_file=answer)
    assert "tatt vare på som svar-laeringsmiks.uleselig-" in widget.message.value
    kept = list(tmp_path.glob("svar-laeringsmiks.uleselig-*.json"))
    assert [path.read_text(encoding="utf-8") for path in kept] == ["{ ikke json"]


def test_failed_save_keeps_the_work(tmp_path):
    """When the answer file cannot be written, is that said and the entry kept in the widget?"""
    not_a_folder = tmp_path / "fil.txt"
    not_a_folder.write_text("", encoding="utf-8")
    widget = LearningMixWidget(answer_file=not_a_folder / "svar.json")
    fill(widget, "Kurs", "formell", 2)
    assert "Kunne ikke lagre" in widget.message.value
    assert widget.mix.contains("Kurs")


def test_controls_are_labelled():
    """Does every input control carry a visible label (universell utforming)?"""
    widget = LearningMixWidget()
    inputs = (widget.name_input, widget.source_input, widget.hours_input, widget.activity_list)
    assert all(control.description for control in inputs)
    for button in (widget.add_button, widget.remove_button):
        assert button.description
