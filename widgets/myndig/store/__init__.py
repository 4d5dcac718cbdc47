"""Persistence for workshops: one interface, an embedded SQLite database by default.

Every kernel Voilà starts is its own process, so thirty participants mean thirty processes
writing to the same database. The SQLite store is built for that: WAL journal (readers never
block the writer), a busy timeout so a writer waits its turn instead of failing, write
transactions that start with ``BEGIN IMMEDIATE`` (no lock upgrades, so no deadlocks) and stay
short, and a retry when the database is still busy after the timeout.

The SQL is kept to what SQLite and PostgreSQL share (``?`` placeholders are translated by the
dialect, ``RETURNING``, ``ON CONFLICT``), and the migrations are written per dialect, so a
PostgreSQL store is a new :class:`Dialect` and a connection factory, not a rewrite.

Use :func:`open_store`; everything else talks to the :class:`Store` interface.
"""

from __future__ import annotations

import os
from pathlib import Path

from myndig.store.base import (
    ParticipantRecord,
    PulseRecord,
    Store,
    StoreError,
    WorkshopRecord,
)
from myndig.store.sqlite import SQLiteStore

ENVIRONMENT_VARIABLE = "MYNDIG_VERKSTED_DB"

__all__ = [
    "ENVIRONMENT_VARIABLE",
    "ParticipantRecord",
    "PulseRecord",
    "SQLiteStore",
    "Store",
    "StoreError",
    "WorkshopRecord",
    "default_path",
    "open_store",
]


def default_path() -> Path:
    """``$MYNDIG_VERKSTED_DB`` if set (the workshop server sets it for every kernel), else a
    per-user file in the XDG data folder, so a notebook run outside the server (JupyterLab,
    the test suite) never leaves a database among the course files."""
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    if configured:
        return Path(configured).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "myndig" / "verksted.sqlite3"


def open_store(path: str | Path | None = None) -> Store:
    """The store at ``path`` (default :func:`default_path`), migrated to the newest schema."""
    return SQLiteStore(Path(path) if path is not None else default_path())
