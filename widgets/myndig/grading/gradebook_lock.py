"""One gradebook session at a time across all grading workers.

nbgrader opens its gradebook in short sessions (``Gradebook(url)`` … ``close()``) around the
database work of each step and never during a notebook's execution. Taking an exclusive file
lock for the life of each session therefore lets any number of worker processes run nbgrader's
own autograde against the one SQLite gradebook: the slow part (the kernels) runs in parallel,
the writes happen one after another, and SQLite never reports "database is locked".
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

_state = {"depth": 0, "descriptor": -1}


def _acquire(lock_file: Path) -> None:
    if _state["depth"] == 0:
        descriptor = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        _state["descriptor"] = descriptor
    _state["depth"] += 1


def _release() -> None:
    if _state["depth"] == 0:
        return
    _state["depth"] -= 1
    if _state["depth"] == 0:
        fcntl.flock(_state["descriptor"], fcntl.LOCK_UN)
        os.close(_state["descriptor"])
        _state["descriptor"] = -1


def serialise_sessions(lock_file: Path) -> None:
    """Make every ``nbgrader.api.Gradebook`` in this process hold ``lock_file`` while open."""
    from nbgrader.api import Gradebook

    if getattr(Gradebook, "_myndig_serialised", False):
        return
    original_init, original_close = Gradebook.__init__, Gradebook.close

    def locked_init(self, *arguments, **keywords):
        _acquire(lock_file)
        try:
            original_init(self, *arguments, **keywords)
        except BaseException:
            _release()
            raise
        self._myndig_holds_lock = True

    def locked_close(self):
        try:
            original_close(self)
        finally:
            if getattr(self, "_myndig_holds_lock", False):
                self._myndig_holds_lock = False
                _release()

    Gradebook.__init__ = locked_init
    Gradebook.close = locked_close
    Gradebook._myndig_serialised = True
