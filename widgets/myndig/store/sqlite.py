"""The SQLite implementation of :class:`~myndig.store.base.Store`."""

from __future__ import annotations

import json
import random
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from myndig.store.base import (
    Conflict,
    DocumentRecord,
    Duplicate,
    EntryRecord,
    LimitReached,
    ParticipantRecord,
    ProposalRecord,
    PulseRecord,
    Store,
    StoreError,
    WorkshopRecord,
)
from myndig.store.migrations import LATEST, migrations

# A writer waits this long for the lock before SQLite gives up; thirty short transactions
# queue in well under a second, so this is only reached when something is truly stuck.
BUSY_TIMEOUT_MS = 10_000
# After a busy timeout the whole transaction is retried a few times with jittered back-off.
WRITE_ATTEMPTS = 5


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _is_busy(error: sqlite3.OperationalError) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


class SQLiteStore(Store):
    """One database file shared by every kernel; one connection per thread of each process."""

    dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._connections_lock = threading.Lock()
        self.schema_version = self._migrate()

    # Connections and transactions --------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            try:
                connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                                             isolation_level=None, check_same_thread=False)
                connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                self._set_wal(connection)
                # FULL makes every commit durable across a crash or power cut, not just an
                # application restart; a workshop writes little, so the cost is not felt.
                connection.execute("PRAGMA synchronous = FULL")
                connection.execute("PRAGMA foreign_keys = ON")
            except sqlite3.DatabaseError as error:
                raise StoreError(f"kan ikke åpne verkstedbasen {self.path}: {error}") from error
            self._local.connection = connection
            with self._connections_lock:
                self._connections.append(connection)
        return connection

    @staticmethod
    def _set_wal(connection: sqlite3.Connection) -> None:
        for attempt in range(WRITE_ATTEMPTS):
            try:
                mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or attempt == WRITE_ATTEMPTS - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
                continue
            if mode.lower() != "wal":
                raise StoreError(f"SQLite kunne ikke slå på WAL (fikk {mode})")
            return

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction, taken with the write lock from the start."""
        connection = self._connection()
        for attempt in range(WRITE_ATTEMPTS):
            try:
                connection.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or attempt == WRITE_ATTEMPTS - 1:
                    raise StoreError(f"verkstedbasen er opptatt: {error}") from error
                time.sleep(random.uniform(0.01, 0.1) * (attempt + 1))
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        try:
            connection.execute("COMMIT")
        except sqlite3.OperationalError as error:
            connection.execute("ROLLBACK")
            raise StoreError(f"kunne ikke lagre i verkstedbasen: {error}") from error

    def _read(self, sql: str, parameters: tuple = ()) -> list[sqlite3.Row]:
        connection = self._connection()
        try:
            return connection.execute(sql, parameters).fetchall()
        except sqlite3.OperationalError as error:
            raise StoreError(f"kunne ikke lese verkstedbasen: {error}") from error

    @staticmethod
    def _bump(connection: sqlite3.Connection, workshop_id: int) -> None:
        connection.execute("UPDATE workshops SET revision = revision + 1 WHERE id = ?",
                           (workshop_id,))

    def _migrate(self) -> int:
        with self._write() as connection:
            connection.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = connection.execute("SELECT MAX(version) FROM schema_version").fetchone()
            current = row[0] or 0
            if current > LATEST:
                raise StoreError(
                    f"verkstedbasen har skjemaversjon {current}, men denne versjonen av "
                    f"kurssettet kjenner bare til {LATEST}. Oppdater kurssettet.")
            for number, statements in enumerate(migrations(self.dialect), start=1):
                if number <= current:
                    continue
                for statement in statements:
                    connection.execute(statement)
                connection.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))
        return LATEST

    def close(self) -> None:
        with self._connections_lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()
        self._local = threading.local()

    # Workshops ---------------------------------------------------------------------------
    _WORKSHOP_COLUMNS = "id, code, title, facilitator_key, phase, revision, created_at"

    def create_workshop(self, code: str, title: str, facilitator_key: str,
                        phase: str) -> WorkshopRecord:
        created = _now()
        try:
            with self._write() as connection:
                row = connection.execute(
                    "INSERT INTO workshops (code, title, facilitator_key, phase, revision,"
                    " created_at) VALUES (?, ?, ?, ?, 1, ?) RETURNING id",
                    (code, title, facilitator_key, phase, created)).fetchone()
        except sqlite3.IntegrityError as error:
            raise Duplicate(f"koden {code} er i bruk") from error
        return WorkshopRecord(row[0], code, title, facilitator_key, phase, 1, created)

    def _workshop_where(self, condition: str, value: object) -> WorkshopRecord | None:
        rows = self._read(f"SELECT {self._WORKSHOP_COLUMNS} FROM workshops WHERE {condition}",
                          (value,))
        return WorkshopRecord(*rows[0]) if rows else None

    def workshop(self, workshop_id: int) -> WorkshopRecord | None:
        return self._workshop_where("id = ?", workshop_id)

    def workshop_by_code(self, code: str) -> WorkshopRecord | None:
        return self._workshop_where("code = ?", code)

    def workshop_by_facilitator_key(self, key: str) -> WorkshopRecord | None:
        return self._workshop_where("facilitator_key = ?", key)

    def set_phase(self, workshop_id: int, phase: str) -> None:
        with self._write() as connection:
            connection.execute("UPDATE workshops SET phase = ?, revision = revision + 1 "
                               "WHERE id = ?", (phase, workshop_id))

    def revision(self, workshop_id: int) -> tuple[int, str]:
        rows = self._read("SELECT revision, phase FROM workshops WHERE id = ?", (workshop_id,))
        if not rows:
            raise StoreError(f"verksted {workshop_id} finnes ikke")
        return rows[0][0], rows[0][1]

    # Participants ------------------------------------------------------------------------
    def add_participant(self, workshop_id: int, token: str,
                        name: str | None) -> ParticipantRecord:
        joined = _now()
        with self._write() as connection:
            row = connection.execute(
                "INSERT INTO participants (workshop_id, token, name, joined_at) VALUES (?, ?, ?, ?)"
                " RETURNING id", (workshop_id, token, name, joined)).fetchone()
            self._bump(connection, workshop_id)
        return ParticipantRecord(row[0], workshop_id, token, name, joined)

    def participant_by_token(self, token: str) -> ParticipantRecord | None:
        rows = self._read("SELECT id, workshop_id, token, name, joined_at FROM participants "
                          "WHERE token = ?", (token,))
        return ParticipantRecord(*rows[0]) if rows else None

    def participants(self, workshop_id: int) -> list[ParticipantRecord]:
        rows = self._read("SELECT id, workshop_id, token, name, joined_at FROM participants "
                          "WHERE workshop_id = ? ORDER BY id", (workshop_id,))
        return [ParticipantRecord(*row) for row in rows]

    # Proposals and votes -----------------------------------------------------------------
    def add_proposal(self, workshop_id: int, participant_id: int, text: str, key: str,
                     max_per_participant: int) -> ProposalRecord:
        created = _now()
        with self._write() as connection:
            own = connection.execute(
                "SELECT COUNT(*) FROM proposals WHERE workshop_id = ? AND participant_id = ?",
                (workshop_id, participant_id)).fetchone()[0]
            if own >= max_per_participant:
                raise LimitReached("for mange forslag")
            try:
                row = connection.execute(
                    "INSERT INTO proposals (workshop_id, participant_id, text, text_key,"
                    " created_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                    (workshop_id, participant_id, text, key, created)).fetchone()
            except sqlite3.IntegrityError as error:
                raise Duplicate("forslaget finnes") from error
            self._bump(connection, workshop_id)
        return ProposalRecord(row[0], workshop_id, participant_id, text, 0, created)

    def proposals(self, workshop_id: int) -> list[ProposalRecord]:
        rows = self._read(
            "SELECT p.id, p.workshop_id, p.participant_id, p.text, COUNT(v.proposal_id),"
            " p.created_at FROM proposals p LEFT JOIN votes v ON v.proposal_id = p.id"
            " WHERE p.workshop_id = ? GROUP BY p.id, p.workshop_id, p.participant_id, p.text,"
            " p.created_at ORDER BY p.id", (workshop_id,))
        return [ProposalRecord(*row) for row in rows]

    def set_vote(self, workshop_id: int, participant_id: int, proposal_id: int, *, on: bool,
                 max_votes: int) -> None:
        with self._write() as connection:
            found = connection.execute("SELECT 1 FROM proposals WHERE id = ? AND workshop_id = ?",
                                       (proposal_id, workshop_id)).fetchone()
            if found is None:
                raise StoreError(f"forslag {proposal_id} finnes ikke i dette verkstedet")
            if on:
                cast = connection.execute(
                    "SELECT COUNT(*) FROM votes WHERE workshop_id = ? AND participant_id = ?",
                    (workshop_id, participant_id)).fetchone()[0]
                already = connection.execute(
                    "SELECT 1 FROM votes WHERE participant_id = ? AND proposal_id = ?",
                    (participant_id, proposal_id)).fetchone()
                if already:
                    return
                if cast >= max_votes:
                    raise LimitReached("ingen stemmer igjen")
                connection.execute(
                    "INSERT INTO votes (workshop_id, participant_id, proposal_id) VALUES (?, ?, ?)",
                    (workshop_id, participant_id, proposal_id))
            else:
                connection.execute("DELETE FROM votes WHERE participant_id = ? AND proposal_id = ?",
                                   (participant_id, proposal_id))
            self._bump(connection, workshop_id)

    def votes_of(self, participant_id: int) -> set[int]:
        rows = self._read("SELECT proposal_id FROM votes WHERE participant_id = ?",
                          (participant_id,))
        return {row[0] for row in rows}

    # Entries -----------------------------------------------------------------------------
    def add_entry(self, workshop_id: int, participant_id: int, kind: str, body: dict[str, Any],
                  max_per_participant: int) -> EntryRecord:
        created = _now()
        with self._write() as connection:
            own = connection.execute(
                "SELECT COUNT(*) FROM entries WHERE workshop_id = ? AND participant_id = ?"
                " AND kind = ?", (workshop_id, participant_id, kind)).fetchone()[0]
            if own >= max_per_participant:
                raise LimitReached("for mange bidrag")
            row = connection.execute(
                "INSERT INTO entries (workshop_id, participant_id, kind, body, created_at)"
                " VALUES (?, ?, ?, ?, ?) RETURNING id",
                (workshop_id, participant_id, kind, json.dumps(body, ensure_ascii=False),
                 created)).fetchone()
            self._bump(connection, workshop_id)
        return EntryRecord(row[0], workshop_id, participant_id, kind, body, created)

    def entries(self, workshop_id: int, kind: str) -> list[EntryRecord]:
        rows = self._read("SELECT id, workshop_id, participant_id, kind, body, created_at"
                          " FROM entries WHERE workshop_id = ? AND kind = ? ORDER BY id",
                          (workshop_id, kind))
        return [EntryRecord(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5])
                for row in rows]

    def remove_entry(self, workshop_id: int, participant_id: int, entry_id: int) -> bool:
        with self._write() as connection:
            removed = connection.execute(
                "DELETE FROM entries WHERE id = ? AND workshop_id = ? AND participant_id = ?",
                (entry_id, workshop_id, participant_id)).rowcount
            if removed:
                self._bump(connection, workshop_id)
        return bool(removed)

    # Pulse -------------------------------------------------------------------------------
    def set_pulse(self, workshop_id: int, participant_id: int, dimension: str,
                  score: int) -> None:
        with self._write() as connection:
            connection.execute(
                "INSERT INTO pulse_answers (workshop_id, participant_id, dimension, score)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (participant_id, dimension)"
                " DO UPDATE SET score = excluded.score",
                (workshop_id, participant_id, dimension, score))
            self._bump(connection, workshop_id)

    def pulse_answers(self, workshop_id: int) -> list[PulseRecord]:
        rows = self._read("SELECT participant_id, dimension, score FROM pulse_answers"
                          " WHERE workshop_id = ? ORDER BY participant_id, dimension",
                          (workshop_id,))
        return [PulseRecord(*row) for row in rows]

    # Documents ---------------------------------------------------------------------------
    def document(self, workshop_id: int, name: str) -> DocumentRecord | None:
        rows = self._read("SELECT body, revision FROM documents WHERE workshop_id = ? AND name = ?",
                          (workshop_id, name))
        return DocumentRecord(json.loads(rows[0][0]), rows[0][1]) if rows else None

    def put_document(self, workshop_id: int, name: str, body: dict[str, Any],
                     expected_revision: int) -> DocumentRecord:
        text = json.dumps(body, ensure_ascii=False)
        with self._write() as connection:
            row = connection.execute(
                "SELECT revision FROM documents WHERE workshop_id = ? AND name = ?",
                (workshop_id, name)).fetchone()
            current = row[0] if row else 0
            if current != expected_revision:
                raise Conflict(f"dokumentet er endret (versjon {current})")
            connection.execute(
                "INSERT INTO documents (workshop_id, name, body, revision) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (workshop_id, name) DO UPDATE SET body = excluded.body,"
                " revision = excluded.revision", (workshop_id, name, text, current + 1))
            self._bump(connection, workshop_id)
        return DocumentRecord(body, current + 1)
