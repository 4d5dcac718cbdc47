"""The knowledge-source widget, driven through its state without a browser."""

from __future__ import annotations

import json

from myndig.views.knowledge_sources import exercise_widget, practice_widget


def test_three_labelled_choices_per_statement():
    """Does each statement offer the three sources by name, in a labelled radio group?"""
    widget = practice_widget()
    assert len(widget.choices) == 9
    for number, choice in enumerate(widget.choices.values(), start=1):
        assert choice.description == f"Ditt svar for sak {number}"
        assert [label for label, _ in choice.options] == [
            "forskningsbasert kunnskap", "erfaringsbasert kunnskap", "brukerkunnskap"]
        assert choice.value is None


def test_feedback_explains_each_statement():
    """After «Sjekk svarene», does each sorted statement get its own explanation?"""
    widget = practice_widget()
    widget.choices["deltidsjobb"].value = "bruker"
    widget.choices["motiverende_intervju"].value = "erfaring"
    widget.check_button.click()
    right = widget.feedback["deltidsjobb"].value
    wrong = widget.feedback["motiverende_intervju"].value
    assert "Riktig: brukerkunnskap" in right
    assert "egne mål og preferanser" in right
    assert "Du valgte erfaringsbasert kunnskap, men dette er forskningsbasert kunnskap" in wrong
    assert "Metaanalyser slår sammen" in wrong
    assert widget.feedback["ffo_temaer"].value == ""
    assert "Riktige svar: 1 av 2 sorterte saker (9 saker i alt)" in widget.summary.value


def test_exercise_answers_reach_the_file(tmp_path):
    """Does the graded widget write each choice to the answer file nbgrader collects?"""
    answer = tmp_path / "svar-kunnskapskilder.json"
    widget = exercise_widget(answer)
    widget.choices["fredager"].value = "erfaring"
    widget.choices["fredager"].value = None
    widget.choices["gjenta_historien"].value = "bruker"
    saved = json.loads(answer.read_text(encoding="utf-8"))
    assert saved == {"format": "myndig.kunnskapskilder.oppgave", "versjon": 1,
                     "plasseringer": {"gjenta_historien": "bruker"}}
    assert exercise_widget(answer).choices["gjenta_historien"].value == "bruker"


def test_saving_fails_kindly(tmp_path):
    """When the folder cannot be written, is the learner told and the choice kept on screen?"""
    blocked = tmp_path / "ikke-en-mappe"
    blocked.write_text("", encoding="utf-8")
    widget = exercise_widget(blocked / "svar-kunnskapskilder.json")
    widget.choices["fredager"].value = "erfaring"
    assert 'role="alert"' in widget.message.value
    assert "Kunne ikke lagre" in widget.message.value
    assert widget.sorting.placement("fredager") == "erfaring"
    assert widget.choices["fredager"].value == "erfaring"


def test_answer_file_from_before_the_answers_left_the_package_still_loads(tmp_path):
    """Does a file saved when the package still held the answer key open unchanged?"""
    answer = tmp_path / "svar-kunnskapskilder.json"
    saved = {"format": "myndig.kunnskapskilder.oppgave", "versjon": 1,
             "plasseringer": {"respesialisering": "forskning", "fredager": "bruker"}}
    answer.write_text(json.dumps(saved), encoding="utf-8")
    widget = exercise_widget(answer)
    assert widget.message.value == ""
    assert widget.sorting.placements == saved["plasseringer"]
    assert widget.choices["fredager"].value == "bruker"
    assert widget.sorting.correct_count() is None


def test_exercise_shows_no_feedback_or_score(tmp_path):
    """Does the graded widget stay silent about right and wrong, even when asked?"""
    widget = exercise_widget(tmp_path / "svar-kunnskapskilder.json")
    widget.choices["oppsummering_unge"].value = "forskning"
    widget.show_feedback()
    assert widget.feedback["oppsummering_unge"].value == ""
    assert widget.summary.value == ""
    assert widget.check_button not in widget.children[-3].children
