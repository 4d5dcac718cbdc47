"""The shared sorting model behind modules 2 and 3: placing, scoring, feedback and files."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from myndig.model.errors import InvalidFile, InvalidInput
from myndig.model.sorting import Card, Category, Sorting, SortingTask

TASK = SortingTask(
    file_format="test.sortering",
    categories=(Category("a", "alfa"), Category("b", "beta")),
    cards=(
        Card("en", "Første sak.", "a", "Første er alfa."),
        Card("to", "Andre sak.", "b", "Andre er beta."),
        Card("tre", "Tredje sak.", "a", "Tredje er alfa."),
    ),
)

# A graded task: the cards carry their texts but not their answers.
GRADED = SortingTask(
    file_format="test.sortering.oppgave",
    categories=TASK.categories,
    cards=tuple(Card(card.key, card.text) for card in TASK.cards),
)


def test_place_and_score():
    """Are placements kept and counted as right or wrong against each card's answer?"""
    sorting = Sorting(TASK)
    sorting.place("en", "a")
    sorting.place("to", "a")
    assert sorting.placement("en") == "a"
    assert sorting.placement("tre") is None
    assert sorting.placed_count() == 2
    assert sorting.correct_count() == 1
    assert sorting.correct_keys() == {"en"}
    assert not sorting.is_complete()


def test_placing_again_replaces_the_choice():
    """Does a second choice for a card replace the first rather than add to it?"""
    sorting = Sorting(TASK)
    sorting.place("to", "a")
    sorting.place("to", "b")
    assert sorting.placed_count() == 1
    assert sorting.correct_count() == 1


def test_unknown_card_is_refused_in_norwegian():
    """Is a card that is not in the task refused with a message naming it?"""
    with pytest.raises(InvalidInput, match="«fire» er ikke en av sakene"):
        Sorting(TASK).place("fire", "a")


def test_unknown_category_is_refused_with_the_choices():
    """Is an unknown category refused with a message listing the valid ones?"""
    with pytest.raises(InvalidInput, match="Velg en av «a», «b»") as caught:
        Sorting(TASK).place("en", "c")
    assert caught.value.field == "kategori"


def test_clear_one_and_all():
    """Do clear and clear_all remove placements?"""
    sorting = Sorting(TASK)
    sorting.place("en", "a")
    sorting.place("to", "b")
    sorting.clear("en")
    assert sorting.placement("en") is None
    sorting.clear_all()
    assert sorting.placed_count() == 0


def test_feedback_explains_right_wrong_and_missing():
    """Does the feedback name the right category, the chosen one when wrong, and explain?"""
    sorting = Sorting(TASK)
    sorting.place("en", "a")
    sorting.place("to", "a")
    right, wrong, missing = sorting.verdicts()
    assert right.correct
    assert right.feedback() == "Riktig: alfa. Første er alfa."
    assert not wrong.correct
    assert wrong.feedback() == "Ikke helt. Du valgte alfa, men dette er beta. Andre er beta."
    assert not missing.answered
    assert not missing.correct
    assert "ikke valgt" in missing.feedback()


def test_summary_counts_gaps_separately():
    """Does the summary tell unsorted cards apart from wrong ones?"""
    sorting = Sorting(TASK)
    assert sorting.summary() == "Du har ikke sortert noen av de 3 sakene ennå."
    sorting.place("en", "a")
    sorting.place("to", "a")
    assert sorting.summary() == (
        "Riktige svar: 1 av 2 sorterte saker (3 saker i alt). "
        "Du har ikke svart på 1 av sakene ennå.")
    sorting.place("tre", "a")
    assert sorting.summary() == "Riktige svar: 2 av 3 sorterte saker (3 saker i alt)."


def test_json_round_trip_in_card_order():
    """Does a sorting survive JSON, written in the task's card order?"""
    sorting = Sorting(TASK)
    sorting.place("tre", "b")
    sorting.place("en", "a")
    data = sorting.to_json()
    assert data == {"format": "test.sortering", "versjon": 1,
                    "plasseringer": {"en": "a", "tre": "b"}}
    assert list(data["plasseringer"]) == ["en", "tre"]
    assert Sorting.from_json(TASK, data).placements == sorting.placements


@pytest.mark.parametrize(("data", "message"), [
    ([], "ikke en lagret sortering"),
    ({"format": "annet", "versjon": 1, "plasseringer": {}}, "ikke en lagret sortering"),
    ({"format": "test.sortering", "versjon": 2, "plasseringer": {}}, "versjon 2"),
    ({"format": "test.sortering", "versjon": 1, "plasseringer": []}, "ikke en lagret sortering"),
    ({"format": "test.sortering", "versjon": 1, "plasseringer": {"fire": "a"}}, "«fire»"),
    ({"format": "test.sortering", "versjon": 1, "plasseringer": {"en": 3}}, "«3»"),
])
def test_bad_files_are_explained(data, message):
    """Is each kind of broken answer file refused with a Norwegian explanation?"""
    with pytest.raises(InvalidFile, match=message):
        Sorting.from_json(TASK, data)


def test_task_rejects_answers_outside_its_categories():
    """Is a task whose card answer is no category a programming error?"""
    with pytest.raises(ValueError, match="answer"):
        SortingTask("x", (Category("a", "alfa"),), (Card("en", "t", "b", "f"),))


def test_task_rejects_a_half_answered_set():
    """Is a task with answers on some cards but not others a programming error?"""
    with pytest.raises(ValueError, match="every card"):
        SortingTask("x", (Category("a", "alfa"),),
                     (Card("en", "t", "a", "f"), Card("to", "u")))


@pytest.mark.parametrize(("answer", "explanation"), [("a", None), (None, "Forklaring.")])
def test_card_needs_answer_and_explanation_together(answer, explanation):
    """Is a card with an answer but no explanation (or the other way round) refused?"""
    with pytest.raises(ValueError, match="both"):
        Card("en", "t", answer, explanation)


def test_which_tasks_can_check_themselves():
    """Does a practice task know its answers, and a graded task know none?"""
    assert TASK.has_answers
    assert not GRADED.has_answers
    assert all(card.answer is None and card.explanation is None for card in GRADED.cards)


def test_graded_task_places_and_counts_without_judging():
    """Without answers, are placements kept and counted, with right/wrong left unknown?"""
    sorting = Sorting(GRADED)
    sorting.place("en", "a")
    sorting.place("to", "a")
    assert sorting.placed_count() == 2
    assert sorting.correct_count() is None
    assert sorting.correct_keys() is None
    chosen, missing = sorting.verdict("en"), sorting.verdict("tre")
    assert chosen.answered
    assert not chosen.checkable
    assert chosen.correct is None
    assert chosen.right_label is None
    assert chosen.feedback() == "Du har valgt alfa."
    assert not missing.answered
    assert "ikke valgt" in missing.feedback()


def test_graded_task_summary_counts_only_what_is_sorted():
    """Does a graded task's summary say how much is sorted, and never claim a score?"""
    sorting = Sorting(GRADED)
    assert sorting.summary() == "Du har ikke sortert noen av de 3 sakene ennå."
    sorting.place("to", "b")
    assert sorting.summary() == "Du har sortert 1 av de 3 sakene."
    sorting.place("en", "b")
    sorting.place("tre", "b")
    assert sorting.summary() == "Du har sortert 3 av de 3 sakene."
    assert "Riktige" not in sorting.summary()


def test_graded_file_format_is_unchanged():
    """Does a graded task read and write the same JSON that answer files have always held?"""
    written_before = {"format": "test.sortering.oppgave", "versjon": 1,
                      "plasseringer": {"en": "a", "tre": "b"}}
    sorting = Sorting.from_json(GRADED, written_before)
    assert sorting.placements == {"en": "a", "tre": "b"}
    assert sorting.to_json() == written_before


def test_task_rejects_duplicate_keys():
    """Is a task with two cards of the same key a programming error?"""
    with pytest.raises(ValueError, match="unique"):
        SortingTask("x", (Category("a", "alfa"),),
                     (Card("en", "t", "a", "f"), Card("en", "u", "a", "g")))


@given(st.lists(st.tuples(st.sampled_from(["en", "to", "tre"]),
                          st.sampled_from(["a", "b", None]))))
def test_any_sequence_of_choices_round_trips(choices):
    """Whatever a learner clicks, does the file reproduce the state and the score stay sane?"""
    for task in (TASK, GRADED):
        sorting = Sorting(task)
        for key, value in choices:
            if value is None:
                sorting.clear(key)
            else:
                sorting.place(key, value)
        again = Sorting.from_json(task, sorting.to_json())
        assert again.placements == sorting.placements
        assert again.placed_count() <= len(task.cards)
        assert again.summary()
        if task.has_answers:
            assert 0 <= again.correct_count() <= again.placed_count()
        else:
            assert again.correct_count() is None
