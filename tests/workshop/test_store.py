"""The workshop store: schema migrations, durability across restarts, concurrent writers."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest
from myndig.store import SQLiteStore, open_store
from myndig.store.base import Conflict, Duplicate, LimitReached, StoreError
from myndig.store.migrations import LATEST, migrations

WRITERS = 30


def test_new_database_is_at_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    """Is a new database created with every migration applied and WAL switched on?"""
    store = open_store(tmp_path / "sub" / "verksted.sqlite3")
    assert store.schema_version == LATEST
    with sqlite3.connect(tmp_path / "sub" / "verksted.sqlite3") as connection:
        versions = [row[0] for row in connection.execute("SELECT version FROM schema_version")]
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
    assert versions == list(range(1, LATEST + 1))
    assert mode == "wal"


def test_version_1_database_is_migrated_without_losing_data(tmp_path: Path) -> None:
    """Does opening a database made by the first schema add the new tables and keep old rows?"""
    path = tmp_path / "gammel.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for statement in migrations("sqlite")[0]:
            connection.execute(statement)
        connection.execute("INSERT INTO schema_version VALUES (1)")
        connection.execute("INSERT INTO workshops (code, title, facilitator_key, phase, revision,"
                           " created_at) VALUES ('HKT49W', 'Gammelt', 'nokkel', 'forslag', 3, 'x')")
    store = open_store(path)
    assert store.schema_version == LATEST
    record = store.workshop_by_code("HKT49W")
    assert record is not None
    assert record.title == "Gammelt"
    participant = store.add_participant(record.id, "token", None)
    store.set_pulse(record.id, participant.id, "mening", 4)
    assert store.pulse_answers(record.id)[0].score == 4


def test_newer_schema_than_known_is_refused(tmp_path: Path) -> None:
    """Is a database from a newer kit refused instead of being written to?"""
    path = tmp_path / "ny.sqlite3"
    open_store(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO schema_version VALUES (?)", (LATEST + 1,))
    with pytest.raises(StoreError, match="skjemaversjon"):
        open_store(path)


def test_restart_loses_nothing(tmp_path: Path) -> None:
    """After closing the store and opening the file again, is every kind of record there?"""
    path = tmp_path / "verksted.sqlite3"
    store = open_store(path)
    workshop = store.create_workshop("HKT49W", "Kontordag", "nokkel", "forslag")
    participant = store.add_participant(workshop.id, "t1", "Kari")
    proposal = store.add_proposal(workshop.id, participant.id, "Samtaler", "samtaler", 5)
    store.set_vote(workshop.id, participant.id, proposal.id, on=True, max_votes=3)
    store.add_entry(workshop.id, participant.id, "kunnskapsflyt", {"aktivitet": "Fadder"}, 30)
    store.set_pulse(workshop.id, participant.id, "kompetanse", 5)
    store.put_document(workshop.id, "plan", {"temaer": ["Samtaler"]}, 0)
    store.set_phase(workshop.id, "stemming")
    store.close()

    again = open_store(path)
    assert again.workshop(workshop.id).phase == "stemming"
    assert again.participant_by_token("t1").name == "Kari"
    assert [(p.text, p.votes) for p in again.proposals(workshop.id)] == [("Samtaler", 1)]
    assert again.entries(workshop.id, "kunnskapsflyt")[0].body == {"aktivitet": "Fadder"}
    assert again.pulse_answers(workshop.id)[0].score == 5
    assert again.document(workshop.id, "plan").body == {"temaer": ["Samtaler"]}


def test_limits_and_duplicates_are_enforced_in_the_transaction(tmp_path: Path) -> None:
    """Are vote limits, duplicate proposals and stale document writes refused by the store?"""
    store = open_store(tmp_path / "v.sqlite3")
    workshop = store.create_workshop("HKT49W", "Dag", "nokkel", "forslag")
    with pytest.raises(Duplicate):
        store.create_workshop("HKT49W", "Annen", "nokkel2", "forslag")
    person = store.add_participant(workshop.id, "t", None)
    first = store.add_proposal(workshop.id, person.id, "A", "a", 2)
    second = store.add_proposal(workshop.id, person.id, "B", "b", 2)
    with pytest.raises(Duplicate):
        store.add_proposal(workshop.id, person.id, "a", "a", 5)
    with pytest.raises(LimitReached):
        store.add_proposal(workshop.id, person.id, "C", "c", 2)
    store.set_vote(workshop.id, person.id, first.id, on=True, max_votes=1)
    store.set_vote(workshop.id, person.id, first.id, on=True, max_votes=1)  # same vote again
    with pytest.raises(LimitReached):
        store.set_vote(workshop.id, person.id, second.id, on=True, max_votes=1)
    store.put_document(workshop.id, "plan", {"v": 1}, 0)
    with pytest.raises(Conflict):
        store.put_document(workshop.id, "plan", {"v": 2}, 0)


def test_store_refuses_a_proposal_from_another_workshop(tmp_path: Path) -> None:
    """Can a participant vote on a proposal that belongs to a different workshop?"""
    store = open_store(tmp_path / "v.sqlite3")
    ours = store.create_workshop("HKT49W", "Vår", "k1", "stemming")
    theirs = store.create_workshop("MNP777", "Deres", "k2", "stemming")
    me = store.add_participant(ours.id, "meg", None)
    them = store.add_participant(theirs.id, "dem", None)
    foreign = store.add_proposal(theirs.id, them.id, "Hemmelig", "hemmelig", 5)
    with pytest.raises(StoreError):
        store.set_vote(ours.id, me.id, foreign.id, on=True, max_votes=3)
    assert store.proposals(theirs.id)[0].votes == 0


def _writer(path: str, workshop_id: int, proposal_ids: list[int], number: int,
            start: multiprocessing.synchronize.Event) -> None:
    store = SQLiteStore(Path(path))
    start.wait()
    participant = store.add_participant(workshop_id, f"deltaker-{number}", None)
    for proposal_id in proposal_ids:
        store.set_vote(workshop_id, participant.id, proposal_id, on=True, max_votes=3)
    for row in range(5):
        store.add_entry(workshop_id, participant.id, "kunnskapsflyt",
                        {"aktivitet": f"{number}-{row}"}, 30)
    store.set_pulse(workshop_id, participant.id, "mening", 1 + number % 5)
    store.close()


@pytest.mark.slow
def test_thirty_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    """When 30 separate processes join, vote and write at the same moment, is every write kept?"""
    path = tmp_path / "samtidig.sqlite3"
    store = open_store(path)
    workshop = store.create_workshop("HKT49W", "Samtidig", "nokkel", "stemming")
    owner = store.add_participant(workshop.id, "eier", None)
    proposal_ids = [store.add_proposal(workshop.id, owner.id, text, text, 5).id
                    for text in ("a", "b", "c")]
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    processes = [context.Process(target=_writer,
                                 args=(str(path), workshop.id, proposal_ids, number, start))
                 for number in range(WRITERS)]
    for process in processes:
        process.start()
    start.set()
    for process in processes:
        process.join(timeout=120)
    assert [process.exitcode for process in processes] == [0] * WRITERS

    assert len(store.participants(workshop.id)) == WRITERS + 1
    assert [proposal.votes for proposal in store.proposals(workshop.id)] == [WRITERS] * 3
    texts = {entry.body["aktivitet"] for entry in store.entries(workshop.id, "kunnskapsflyt")}
    assert texts == {f"{number}-{row}" for number in range(WRITERS) for row in range(5)}
    assert len(store.pulse_answers(workshop.id)) == WRITERS
    # 1 for creating, 1 per proposal and per write of every process.
    assert store.revision(workshop.id)[0] == 1 + 1 + 3 + WRITERS * (1 + 3 + 5 + 1)


def test_default_path_follows_the_environment(tmp_path: Path, monkeypatch) -> None:
    """Is the database where MYNDIG_VERKSTED_DB says, and otherwise outside the course files?"""
    from myndig.store import ENVIRONMENT_VARIABLE, default_path

    monkeypatch.setenv(ENVIRONMENT_VARIABLE, str(tmp_path / "her.sqlite3"))
    assert default_path() == tmp_path / "her.sqlite3"
    monkeypatch.delenv(ENVIRONMENT_VARIABLE)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    assert default_path() == tmp_path / "data" / "myndig" / "verksted.sqlite3"
