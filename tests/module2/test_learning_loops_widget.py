"""The single/double-loop widget, driven through its state without a browser."""

from __future__ import annotations

import json

import ipywidgets as widgets
from myndig.model import learning_loops
from myndig.model.sorting import Sorting
from myndig.views.learning_loops import exercise_widget, practice_widget
from myndig.views.sorting import SortingWidget


def test_choosing_a_radio_button_places_the_card():
    """Does a click on a radio button reach the model?"""
    widget = practice_widget()
    widget.choices["sats"].value = "enkel"
    assert widget.sorting.placement("sats") == "enkel"


def test_no_feedback_until_the_learner_asks():
    """Is feedback held back until «Sjekk svarene», then shown and kept up to date?"""
    widget = practice_widget()
    widget.choices["sats"].value = "dobbel"
    assert widget.feedback["sats"].value == ""
    assert widget.summary.value == ""
    widget.check_button.click()
    assert "Du valgte dobbeltkretslæring, men dette er enkeltkretslæring" in (
        widget.feedback["sats"].value)
    assert "rundskriv" not in widget.feedback["sats"].value  # explanation, not the case again
    assert "regelverket" in widget.feedback["sats"].value
    widget.choices["sats"].value = "enkel"
    assert widget.feedback["sats"].value.startswith('<p role="status">✅ Riktig: enkeltkretslæring')
    assert "Riktige svar: 1 av 1" in widget.summary.value
    assert widget.feedback["enehersker"].value == ""


def test_reset_clears_choices_and_feedback():
    """Does «Begynn på nytt» empty the model, the buttons and the feedback?"""
    widget = practice_widget()
    widget.place("telefon", "enkel")
    widget.check_button.click()
    widget.reset_button.click()
    assert widget.sorting.placed_count() == 0
    assert widget.choices["telefon"].value is None
    assert widget.feedback["telefon"].value == ""
    assert not widget.feedback_shown


def test_refused_choice_is_explained():
    """Is a placement the model refuses shown as an alert, leaving the state untouched?"""
    widget = practice_widget()
    assert not widget.place("finnes_ikke", "enkel")
    assert 'role="alert"' in widget.message.value
    assert widget.sorting.placed_count() == 0


def test_every_control_is_labelled():
    """Does every radio group name its case, and every button have text and a tooltip?"""
    widget = practice_widget()
    descriptions = [choice.description for choice in widget.choices.values()]
    assert descriptions == [f"Ditt svar for sak {n}" for n in range(1, 9)]
    for button in (widget.check_button, widget.reset_button):
        assert button.description
        assert button.tooltip


def test_exercise_mode_saves_every_change_and_shows_no_feedback(tmp_path):
    """Does the graded widget save each choice to the answer file and never reveal answers?"""
    answer = tmp_path / "svar-laeringssloyfer.json"
    widget = exercise_widget(answer)
    assert widget.check_button not in widget.children[-3].children
    widget.choices["fordeling"].value = "dobbel"
    widget.show_feedback()
    assert widget.feedback["fordeling"].value == ""
    assert json.loads(answer.read_text(encoding="utf-8"))["plasseringer"] == {"fordeling": "dobbel"}
    assert "Lagret i svar-laeringssloyfer.json" in widget.message.value


def test_exercise_widget_reloads_saved_choices(tmp_path):
    """Does reopening the exercise show the choices saved last time?"""
    answer = tmp_path / "svar-laeringssloyfer.json"
    first = exercise_widget(answer)
    first.place("uklart_brev", "enkel")
    first.place("aldri_ferdige", "dobbel")
    again = exercise_widget(answer)
    assert again.choices["uklart_brev"].value == "enkel"
    assert again.choices["aldri_ferdige"].value == "dobbel"
    assert again.sorting.placed_count() == 2
    assert again.sorting.correct_count() is None


def test_answer_file_from_before_the_answers_left_the_package_still_loads(tmp_path):
    """Does a file saved when the package still held the answer key open unchanged?"""
    answer = tmp_path / "svar-laeringssloyfer.json"
    saved = {"format": "myndig.laeringssloyfer.oppgave", "versjon": 1,
             "plasseringer": {"fordeling": "enkel", "laerende_moter": "dobbel",
                              "e_laering": "dobbel"}}
    answer.write_text(json.dumps(saved), encoding="utf-8")
    widget = exercise_widget(answer)
    assert widget.message.value == ""
    assert widget.sorting.placements == saved["plasseringer"]
    assert widget.choices["e_laering"].value == "dobbel"
    widget.place("uklart_brev", "enkel")
    rewritten = json.loads(answer.read_text(encoding="utf-8"))
    assert rewritten["format"] == saved["format"]
    assert rewritten["versjon"] == saved["versjon"]
    assert rewritten["plasseringer"] == {**saved["plasseringer"], "uklart_brev": "enkel"}


def test_graded_task_never_offers_feedback_even_if_asked(tmp_path):
    """Is a task without answers shown without «Sjekk svarene», even with feedback requested?"""
    widget = SortingWidget(learning_loops.exercise_task(), heading="Oppgave",
                           answer_file=tmp_path / "svar.json", with_feedback=True)
    assert not widget.with_feedback
    assert widget.check_button not in widget.children[-3].children
    widget.place("fordeling", "enkel")
    widget.show_feedback()
    assert not widget.feedback_shown
    assert widget.feedback["fordeling"].value == ""
    assert widget.summary.value == ""


def test_unreadable_file_is_set_aside_not_lost(tmp_path):
    """Is a broken answer file kept under another name, with a message, and a fresh start?"""
    answer = tmp_path / "svar-laeringssloyfer.json"
    answer.write_text("{ikke json", encoding="utf-8")
    widget = exercise_widget(answer)
    kept = list(tmp_path.glob("svar-laeringssloyfer.uleselig-*.json"))
    assert len(kept) == 1
    assert kept[0].read_text(encoding="utf-8") == "{ikke json"
    assert kept[0].name in widget.message.value
    assert widget.sorting.placed_count() == 0


def test_file_from_the_practice_set_is_not_taken_as_an_answer(tmp_path):
    """Is a saved practice sorting refused by the exercise, since its cases differ?"""
    answer = tmp_path / "svar-laeringssloyfer.json"
    practice = Sorting(learning_loops.practice_task())
    practice.place("sats", "enkel")
    answer.write_text(json.dumps(practice.to_json()), encoding="utf-8")
    widget = exercise_widget(answer)
    assert "ikke en lagret sortering" in widget.message.value
    assert not answer.exists()


def test_widget_is_a_plain_vbox_of_labelled_parts():
    """Is the widget an ipywidgets container that a notebook can display as is?"""
    widget = practice_widget()
    assert isinstance(widget, widgets.VBox)
    assert widget.children[0].value == "<h3>Enkel- eller dobbeltkretslæring?</h3>"
