"""The workshop model: codes, sessions, phases, voting, knowledge flow and the pulse."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from myndig.i18n import keys, placeholders
from myndig.model.errors import InvalidInput
from myndig.model.workshop import Phase, WorkshopService
from myndig.model.workshop.codes import (
    ALPHABET,
    CODE_LENGTH,
    display_code,
    new_code,
    normalise_code,
)
from myndig.model.workshop.knowledge_flow import TRANSFERS, flow_summary
from myndig.model.workshop.pulse import DIMENSIONS, MIN_GROUP
from myndig.model.workshop.text import MAX_NAME_LENGTH, MAX_PROPOSAL_LENGTH, clean_text
from myndig.model.workshop.voting import MAX_PROPOSALS_PER_PARTICIPANT, MAX_VOTES
from myndig.store import open_store


@pytest.fixture
def service(tmp_path: Path) -> WorkshopService:
    return WorkshopService(open_store(tmp_path / "verksted.sqlite3"))


def test_codes_use_only_unambiguous_characters() -> None:
    """Are generated codes six characters from an alphabet without 0/O, 1/I/L, 2/Z, 5/S, 8/B?"""
    for _ in range(200):
        code = new_code()
        assert len(code) == CODE_LENGTH
        assert set(code) <= set(ALPHABET)
    assert not set("0O1IL2Z5S8BDQUV") & set(ALPHABET)


@given(st.text(alphabet=ALPHABET, min_size=CODE_LENGTH, max_size=CODE_LENGTH))
def test_typed_code_in_any_form_is_understood(code: str) -> None:
    """Is a code typed in lower case, with a space or a dash, read as the same code?"""
    assert normalise_code(display_code(code).lower()) == code
    assert normalise_code(f" {code[:3]}-{code[3:]} ") == code


@pytest.mark.parametrize("typed", ["", "ABC", "HKT49WX", "HKT 4OW", None, 123456])
def test_bad_code_is_explained(typed: object) -> None:
    """Does a wrong or missing code give a Norwegian message instead of a crash?"""
    with pytest.raises(InvalidInput) as error:
        normalise_code(typed)
    assert "kode" in str(error.value).lower()


def test_participants_join_anonymously_or_named(service: WorkshopService) -> None:
    """Does an empty name give «Deltaker n», and a chosen name show as itself?"""
    facilitator = service.create("Kontordag i Røyken")
    anonymous = service.join(facilitator.display_code.lower(), "  ")
    named = service.join(facilitator.code, "  Kari   Nordmann ")
    assert anonymous.name is None
    assert anonymous.label == "Deltaker 1"
    assert named.label == "Kari Nordmann"
    assert [status.label for status in facilitator.status()] == ["Deltaker 1", "Kari Nordmann"]


def test_unknown_code_and_token_are_refused(service: WorkshopService) -> None:
    """Are an unknown code, participant token or facilitator key refused with a message?"""
    with pytest.raises(InvalidInput, match="Ingen verksted"):
        service.join("HKT49W")
    with pytest.raises(InvalidInput, match="fant deg ikke"):
        service.resume("ukjent")
    with pytest.raises(InvalidInput, match="Fasilitatornøkkelen"):
        service.facilitate("")


def test_resume_returns_the_same_participant(service: WorkshopService) -> None:
    """Does the token a participant got bring back the same person in the same workshop?"""
    facilitator = service.create("Dag")
    first = service.join(facilitator.code, "Ola")
    again = service.resume(first.token)
    assert (again.participant_id, again.workshop_id, again.label) == (
        first.participant_id, first.workshop_id, "Ola")
    assert service.facilitate(facilitator.key).workshop_id == facilitator.workshop_id


def test_closed_workshop_cannot_be_joined(service: WorkshopService) -> None:
    """Is joining refused once the facilitator has closed the workshop?"""
    facilitator = service.create("Dag")
    facilitator.set_phase(Phase.CLOSED)
    with pytest.raises(InvalidInput, match="avsluttet"):
        service.join(facilitator.code)


def test_facilitator_moves_through_the_phases(service: WorkshopService) -> None:
    """Do next and previous follow the KLAR order and stop at the ends, seen by participants?"""
    facilitator = service.create("Dag")
    participant = service.join(facilitator.code)
    assert facilitator.previous_phase() is Phase.WELCOME
    assert facilitator.next_phase() is Phase.PROPOSALS
    assert participant.phase is Phase.PROPOSALS
    for _ in Phase:
        facilitator.next_phase()
    assert participant.phase is Phase.CLOSED
    assert facilitator.set_phase("puls") is Phase.PULSE
    with pytest.raises(InvalidInput):
        facilitator.set_phase("kaffe")


def test_every_change_moves_the_revision(service: WorkshopService) -> None:
    """Does each write raise the revision that pollers watch, and reads leave it alone?"""
    facilitator = service.create("Dag")
    participant = service.join(facilitator.code)
    before, _ = participant.changes()
    proposal = participant.propose("Samtalemetodikk")
    participant.vote(proposal)
    facilitator.voting_result()
    after, _ = facilitator.changes()
    assert after == before + 2


def test_votes_are_bounded_and_counted_exactly(service: WorkshopService) -> None:
    """Can each participant cast at most MAX_VOTES, one per theme, and are totals exact?"""
    facilitator = service.create("Dag")
    people = [service.join(facilitator.code) for _ in range(4)]
    themes = [people[0].propose(f"Tema {number}") for number in range(MAX_VOTES + 1)]
    for person in people:
        for theme in themes[:MAX_VOTES]:
            person.vote(theme)
        person.vote(themes[0])  # a second vote on the same theme is not a new vote
        with pytest.raises(InvalidInput, match="brukt alle"):
            person.vote(themes[-1])
    people[0].vote(themes[1], on=False)
    result = facilitator.voting_result()
    assert {theme.text: theme.votes for theme in result.themes} == {
        "Tema 0": 4, "Tema 1": 3, "Tema 2": 4, "Tema 3": 0}
    assert [theme.text for theme in result.themes][:2] == ["Tema 0", "Tema 2"]
    assert result.summary().startswith("11 stemmer fordelt på 4 forslag")
    assert people[0].votes_left() == 1


def test_proposals_are_cleaned_bounded_and_unique(service: WorkshopService) -> None:
    """Are duplicates (ignoring case and spacing), over-long and too many proposals refused?"""
    facilitator = service.create("Dag")
    person = service.join(facilitator.code)
    person.propose("Arbeidsrettet   oppfølging")
    with pytest.raises(InvalidInput, match="allerede foreslått"):
        service.join(facilitator.code).propose("arbeidsrettet oppfølging")
    with pytest.raises(InvalidInput, match="for lang"):
        person.propose("x" * (MAX_PROPOSAL_LENGTH + 1))
    for number in range(MAX_PROPOSALS_PER_PARTICIPANT - 1):
        person.propose(f"Tema {number}")
    with pytest.raises(InvalidInput, match="allerede"):
        person.propose("Ett til")
    assert facilitator.status()[0].proposals == MAX_PROPOSALS_PER_PARTICIPANT


def test_participant_cannot_vote_in_another_workshop(service: WorkshopService) -> None:
    """Is a vote on another workshop's proposal refused and left uncounted?"""
    ours = service.create("Vårt")
    theirs = service.create("Deres")
    foreign = service.join(theirs.code).propose("Deres tema")
    me = service.join(ours.code)
    with pytest.raises(InvalidInput):
        me.vote(foreign)
    assert theirs.voting_result().votes_cast == 0
    assert ours.voting_result().themes == ()


@pytest.mark.parametrize("bad", ["a\u0000b", "skjult\u200btekst"])
def test_control_characters_are_refused(bad: str) -> None:
    """Is text with invisible control or format characters refused with a message?"""
    with pytest.raises(InvalidInput, match="kontrolltegn"):
        clean_text(bad, field="x", label="Teksten", maximum=100)


def test_names_are_bounded(service: WorkshopService) -> None:
    """Is a name longer than MAX_NAME_LENGTH refused?"""
    facilitator = service.create("Dag")
    with pytest.raises(InvalidInput, match="for lang"):
        service.join(facilitator.code, "n" * (MAX_NAME_LENGTH + 1))


def test_knowledge_flow_rows_are_shared_and_owned(service: WorkshopService) -> None:
    """Does everyone see a row, can only its author remove it, and is a bad transfer refused?"""
    facilitator = service.create("Dag")
    kari = service.join(facilitator.code, "Kari")
    ola = service.join(facilitator.code, "Ola")
    row = kari.add_flow_entry(1, "Kollegaveiledning", "Teammøte", "Teamleder")
    ola.add_flow_entry(7, "Innspill fra brukerutvalget")
    with pytest.raises(InvalidInput):
        ola.remove_flow_entry(row)
    with pytest.raises(InvalidInput):
        ola.add_flow_entry(10, "Noe")
    with pytest.raises(InvalidInput):
        ola.add_flow_entry(1, "   ")
    entries = facilitator.flow_entries()
    assert [(entry.transfer, entry.activity) for entry in entries] == [
        (1, "Kollegaveiledning"), (7, "Innspill fra brukerutvalget")]
    summary = flow_summary(entries)
    assert "2 rader" in summary
    assert "dekker 2 av de ni" in summary
    kari.remove_flow_entry(row)
    assert len(facilitator.flow_entries()) == 1
    assert [status.flow_entries for status in facilitator.status()] == [0, 1]
    assert [status.outcomes for status in facilitator.status()] == [0, 0]
    assert len(TRANSFERS) == 9


def test_pulse_group_result_only_from_five(service: WorkshopService) -> None:
    """Is the group's pulse hidden until MIN_GROUP have answered all four, then exact?"""
    facilitator = service.create("Dag")
    people = [service.join(facilitator.code) for _ in range(MIN_GROUP)]
    for number, person in enumerate(people[:-1]):
        for dimension in DIMENSIONS:
            person.answer_pulse(dimension, 1 + number)
    people[-1].answer_pulse("mening", 5)  # incomplete: does not count
    hidden = facilitator.pulse_result()
    assert (hidden.visible, hidden.respondents, hidden.means) == (False, MIN_GROUP - 1, None)
    assert "minst 5" in hidden.summary()
    for dimension in DIMENSIONS[1:]:
        people[-1].answer_pulse(dimension, 5)
    shown = facilitator.pulse_result()
    assert shown.visible
    assert shown.means["mening"] == pytest.approx((1 + 2 + 3 + 4 + 5) / 5)
    assert shown.counts["kompetanse"] == (1, 1, 1, 1, 1)
    assert "5 har svart" in shown.summary()
    assert people[0].my_pulse() == dict.fromkeys(DIMENSIONS, 1)


@pytest.mark.parametrize("score", [0, 6, 2.5, "4", True, float("nan")])
def test_pulse_refuses_scores_off_the_scale(service: WorkshopService, score: object) -> None:
    """Is a pulse answer that is not a whole number from 1 to 5 refused?"""
    person = service.join(service.create("Dag").code)
    with pytest.raises(InvalidInput):
        person.answer_pulse("mening", score)


def test_every_workshop_text_has_its_placeholders() -> None:
    """Does every workshop message exist, and do the formatted ones have named placeholders?"""
    workshop_keys = [key for key in keys() if key.startswith("workshop.")]
    assert len(workshop_keys) > 50
    assert placeholders("workshop.tekst_for_lang") == {"felt", "maks", "lengde"}
    for phase in Phase:
        assert phase.label
        assert phase.instruction


def test_outcomes_carry_the_nkr_verdict_and_belong_to_their_author(
        service: WorkshopService) -> None:
    """Is an outcome stored with its NKR category, refused when empty, removable only by its
    author?"""
    facilitator = service.create("Dag")
    kari = service.join(facilitator.code)
    ola = service.join(facilitator.code)
    entry = kari.add_outcome("Samtaler", "Veilederne kan anvende motiverende intervju i samtaler")
    with pytest.raises(InvalidInput):
        kari.add_outcome("Samtaler", "   ")
    with pytest.raises(InvalidInput):
        ola.remove_outcome(entry)
    assert [(o.theme, o.category) for o in facilitator.outcomes()] == [("Samtaler", "ferdigheter")]
    kari.remove_outcome(entry)
    assert facilitator.outcomes() == []


def test_plan_takes_the_most_voted_themes_with_their_outcomes(service: WorkshopService) -> None:
    """Does the plan hold the voted themes, most votes first, at most MAX_PLAN_THEMES, with the
    outcomes written for each (matched regardless of case)?"""
    from myndig.model.workshop.shared_plan import MAX_PLAN_THEMES

    facilitator = service.create("Dag")
    people = [service.join(facilitator.code) for _ in range(3)]
    themes = [people[number % 3].propose(f"Tema {number}")
              for number in range(MAX_PLAN_THEMES + 2)]
    ballots = ((2, 0, 1), (2, 3, 4), (2, 5))
    for person, ballot in zip(people, ballots, strict=True):
        for index in ballot:
            person.vote(themes[index])
    people[1].add_outcome("tema 2", "Veilederne kan anvende motiverende intervju i samtaler")
    people[1].set_plan_header("NAV Røyken", "Våren 2026", "2026-02-01", "2026-06-30",
                              based_on=0)
    plan = facilitator.plan()
    titles = [theme.title for theme in plan.themes]
    assert titles == ["Tema 2", "Tema 0", "Tema 1", "Tema 3", "Tema 4"]
    assert len(titles) == MAX_PLAN_THEMES
    assert [row.outcome for row in plan.themes[0].rows] == [
        "Veilederne kan anvende motiverende intervju i samtaler"]
    with pytest.raises(InvalidInput, match="endret"):
        people[2].set_plan_header("NAV Asker", "", "2026-02-01", "2026-06-30", based_on=0)
    with pytest.raises(InvalidInput):
        people[2].set_plan_header("NAV Asker", "", "2026-06-30", "2026-02-01", based_on=1)


def test_workshop_new_command_prints_code_and_key(tmp_path: Path) -> None:
    """Does `myndig workshop new` create a workshop a participant can then join?"""
    import contextlib
    import io

    from myndig.cli import main

    output = io.StringIO()
    database = tmp_path / "db.sqlite3"
    with contextlib.redirect_stdout(output):
        assert main(["workshop", "new", "Kontordag", "--database", str(database)]) == 0
    code = output.getvalue().split("Kode: ")[1].splitlines()[0]
    assert WorkshopService(open_store(database)).join(code).title == "Kontordag"
