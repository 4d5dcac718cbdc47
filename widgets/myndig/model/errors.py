"""Errors whose message is meant for a person: Norwegian, and saying what to do."""

from __future__ import annotations


class InvalidInput(ValueError):
    """Input a student or participant can fix; ``str(error)`` is the Norwegian explanation."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class InvalidFile(InvalidInput):
    """A saved file that cannot be read as what it claims to be; the file itself is left alone."""
