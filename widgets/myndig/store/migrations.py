"""The schema, as numbered migrations per SQL dialect.

A database records the number of the last migration applied (``schema_version``); opening it
applies the missing ones in order, inside one write transaction, so thirty kernels opening the
same new database at once migrate it exactly once. Never edit a published migration: add the
next one.
"""

from __future__ import annotations

# Identity columns are the one DDL difference that matters between the two databases.
_ID = {
    "sqlite": "INTEGER PRIMARY KEY",
    "postgresql": "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
}
_JSON = {"sqlite": "TEXT", "postgresql": "JSONB"}


def migrations(dialect: str) -> list[list[str]]:
    """Migration ``n`` (1-based) is ``migrations(dialect)[n - 1]``: a list of statements."""
    identity = _ID[dialect]
    json_type = _JSON[dialect]
    version_1 = [
        f"""CREATE TABLE workshops (
            id {identity},
            code TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            facilitator_key TEXT NOT NULL UNIQUE,
            phase TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL)""",
        f"""CREATE TABLE participants (
            id {identity},
            workshop_id INTEGER NOT NULL REFERENCES workshops(id),
            token TEXT NOT NULL UNIQUE,
            name TEXT,
            joined_at TEXT NOT NULL)""",
        "CREATE INDEX participants_by_workshop ON participants(workshop_id)",
        f"""CREATE TABLE proposals (
            id {identity},
            workshop_id INTEGER NOT NULL REFERENCES workshops(id),
            participant_id INTEGER NOT NULL REFERENCES participants(id),
            text TEXT NOT NULL,
            text_key TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (workshop_id, text_key))""",
        """CREATE TABLE votes (
            workshop_id INTEGER NOT NULL REFERENCES workshops(id),
            participant_id INTEGER NOT NULL REFERENCES participants(id),
            proposal_id INTEGER NOT NULL REFERENCES proposals(id),
            PRIMARY KEY (participant_id, proposal_id))""",
        "CREATE INDEX votes_by_proposal ON votes(proposal_id)",
        f"""CREATE TABLE entries (
            id {identity},
            workshop_id INTEGER NOT NULL REFERENCES workshops(id),
            participant_id INTEGER NOT NULL REFERENCES participants(id),
            kind TEXT NOT NULL,
            body {json_type} NOT NULL,
            created_at TEXT NOT NULL)""",
        "CREATE INDEX entries_by_workshop ON entries(workshop_id, kind)",
    ]
    version_2 = [
        # The pulse and the shared plan came after the first workshops were run.
        """CREATE TABLE pulse_answers (
            workshop_id INTEGER NOT NULL REFERENCES workshops(id),
            participant_id INTEGER NOT NULL REFERENCES participants(id),
            dimension TEXT NOT NULL,
            score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
            PRIMARY KEY (participant_id, dimension))""",
        "CREATE INDEX pulse_by_workshop ON pulse_answers(workshop_id)",
        f"""CREATE TABLE documents (
            workshop_id INTEGER NOT NULL REFERENCES workshops(id),
            name TEXT NOT NULL,
            body {json_type} NOT NULL,
            revision INTEGER NOT NULL,
            PRIMARY KEY (workshop_id, name))""",
    ]
    return [version_1, version_2]


LATEST = len(migrations("sqlite"))
