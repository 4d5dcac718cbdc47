"""The empowerment widget, driven through its state (no browser)."""

from __future__ import annotations

import json

from myndig.model.empowerment import ITEMS, EmpowermentReflection
from myndig.views.empowerment import DEFAULT_FILE_NAME, EmpowermentWidget, radar_figure


def test_rating_saves_to_the_local_file(tmp_path):
    """Does choosing a rating save it to the answer file beside the notebook?"""
    answer_file = tmp_path / DEFAULT_FILE_NAME
    widget = EmpowermentWidget(answer_file=answer_file)
    assert not answer_file.exists()
    widget.rate("mening_1", 4)
    saved = json.loads(answer_file.read_text(encoding="utf-8"))
    assert saved["svar"] == {"mening_1": 4}
    assert "Lagret på denne maskinen" in widget.message.value
    assert "<img" in widget.chart.value
    assert "mening 4" in widget.summary.value


def test_ui_says_answers_stay_on_this_machine(tmp_path):
    """Does the widget tell the student the answers are kept only in a local file?"""
    widget = EmpowermentWidget(answer_file=tmp_path / DEFAULT_FILE_NAME)
    text = " ".join(child.value for child in widget.children if hasattr(child, "value")
                    and isinstance(child.value, str))
    assert DEFAULT_FILE_NAME in text
    assert "egen maskin" in text
    assert "sendes ikke" in text


def test_saved_answers_come_back(tmp_path):
    """Does a new widget on the same file show the answers and the note saved before?"""
    answer_file = tmp_path / DEFAULT_FILE_NAME
    first = EmpowermentWidget(answer_file=answer_file)
    first.rate("tilhorighet_2", 5)
    first.note_input.value = "Snakke med lederen om innflytelse."
    second = EmpowermentWidget(answer_file=answer_file)
    assert second.choices["tilhorighet_2"].value == 5
    assert second.note_input.value == "Snakke med lederen om innflytelse."
    assert second.reflection.answers == {"tilhorighet_2": 5}


def test_clearing_a_rating_removes_it(tmp_path):
    """Does choosing «Ikke svart» remove the answer from the model and the file?"""
    answer_file = tmp_path / DEFAULT_FILE_NAME
    widget = EmpowermentWidget(answer_file=answer_file)
    widget.rate("autonomi_1", 2)
    widget.rate("autonomi_1", None)
    assert widget.reflection.answers == {}
    assert json.loads(answer_file.read_text(encoding="utf-8"))["svar"] == {}
    assert widget.chart.value == ""


def test_delete_removes_file_and_answers(tmp_path):
    """Does «Slett svarene mine» forget the answers and remove the file?"""
    answer_file = tmp_path / DEFAULT_FILE_NAME
    widget = EmpowermentWidget(answer_file=answer_file)
    widget.rate("mening_2", 3)
    widget.delete()
    assert not answer_file.exists()
    assert widget.reflection.answers == {}
    assert widget.choices["mening_2"].value == 0
    assert "slettet" in widget.message.value


def test_broken_file_is_set_aside_not_lost(tmp_path):
    """Is an unreadable answer file kept under another name, with a message, not overwritten?"""
    answer_file = tmp_path / DEFAULT_FILE_NAME
    answer_file.write_text("{ikke json", encoding="utf-8")
    widget = EmpowermentWidget(answer_file=answer_file)
    kept = list(tmp_path.glob("svar-myndiggjoring-refleksjon.uleselig-*.json"))
    assert len(kept) == 1
    assert kept[0].read_text(encoding="utf-8") == "{ikke json"
    assert "tatt vare på" in widget.message.value
    assert widget.reflection.answers == {}


def test_unwritable_folder_keeps_the_answer_in_memory(tmp_path):
    """When saving fails, is the answer kept and the student told?"""
    missing_parent = tmp_path / "fil-ikke-mappe"
    missing_parent.write_text("", encoding="utf-8")
    widget = EmpowermentWidget(answer_file=missing_parent / DEFAULT_FILE_NAME)
    widget.rate("mening_1", 5)
    assert widget.reflection.answers == {"mening_1": 5}
    assert "Kunne ikke lagre" in widget.message.value


def test_without_file_nothing_is_written(tmp_path, monkeypatch):
    """With no answer file, does the widget keep the answers in memory only?"""
    monkeypatch.chdir(tmp_path)
    widget = EmpowermentWidget(answer_file=None)
    widget.rate("mening_1", 5)
    assert list(tmp_path.iterdir()) == []
    assert widget.reflection.answers == {"mening_1": 5}


def test_every_control_has_a_label():
    """Does every dropdown and the note carry a visible description for screen readers?"""
    widget = EmpowermentWidget(answer_file=None)
    assert len(widget.choices) == len(ITEMS)
    labels = [choice.description for choice in widget.choices.values()]
    assert all(labels)
    assert len(set(labels)) == len(labels)
    assert widget.note_input.description
    assert widget.delete_button.description


def test_radar_has_one_polar_axes_per_theory():
    """Does the figure draw two radars, with unanswered dimensions labelled as such?"""
    reflection = EmpowermentReflection()
    reflection.answer("mening_1", 4)
    figure = radar_figure(reflection)
    assert [axes.name for axes in figure.axes] == ["polar", "polar"]
    labels = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    assert labels[0] == "Mening"
    assert "ikke besvart" in labels[1]


def test_model_and_loop_figures_carry_their_text_alternative():
    """Do both teaching figures come with real alt text and the same text shown beside them?"""
    from html import escape

    from myndig.i18n import t
    from myndig.views.empowerment import show_drift_learning_loop, show_empowerment_model

    for shown, key in ((show_empowerment_model(), "empowerment.modell_tekst"),
                       (show_drift_learning_loop(), "empowerment.sloyfe_tekst")):
        text = escape(t(key), quote=True)
        assert f'alt="{text}"' in shown.value
        assert f"<p style=\"max-width:28em\">{escape(t(key))}</p>" in shown.value
        assert "data:image/png;base64," in shown.value


def test_model_figure_names_the_four_links_in_order():
    """Does the empowerment model figure show the four links left to right in the right order?"""
    from myndig.views.empowerment import empowerment_model_figure

    axes = empowerment_model_figure().axes[0]
    texts = sorted((text for text in axes.texts if text.get_text()),
                   key=lambda text: text.get_position()[0])
    assert [" ".join(text.get_text().replace("-\n", "").split()) for text in texts] == [
        "Myndiggjørende lederskap", "Arbeidsplasslæring", "Myndiggjort medarbeiderskap",
        "Myndiggjorte brukere"]
