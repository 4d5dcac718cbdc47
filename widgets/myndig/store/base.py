"""The store interface and the records it hands out.

The interface is deliberately about the workshop's things (workshops, participants, proposals,
votes, entries, pulse answers, shared documents) rather than generic rows, so every rule that
must hold under concurrency (one vote per proposal, at most N votes, no duplicate proposals) is
checked inside one write transaction. Which rule and which limit is the model's decision; the
store only makes it atomic.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any


class StoreError(RuntimeError):
    """The database could not do what was asked (locked too long, broken file, newer schema)."""


class LimitReached(StoreError):
    """A write would break a limit the caller gave (too many votes, entries or proposals)."""


class Duplicate(StoreError):
    """A write would add something that is already there (same proposal, same code)."""


class Conflict(StoreError):
    """A shared document changed since the caller read it; read again and redo the change."""


@dataclass(frozen=True)
class WorkshopRecord:
    id: int
    code: str
    title: str
    facilitator_key: str
    phase: str
    revision: int
    created_at: str


@dataclass(frozen=True)
class ParticipantRecord:
    id: int
    workshop_id: int
    token: str
    name: str | None
    joined_at: str


@dataclass(frozen=True)
class ProposalRecord:
    id: int
    workshop_id: int
    participant_id: int
    text: str
    votes: int
    created_at: str


@dataclass(frozen=True)
class EntryRecord:
    id: int
    workshop_id: int
    participant_id: int
    kind: str
    body: dict[str, Any]
    created_at: str


@dataclass(frozen=True)
class PulseRecord:
    participant_id: int
    dimension: str
    score: int


@dataclass(frozen=True)
class DocumentRecord:
    body: dict[str, Any]
    revision: int


class Store(ABC):
    """Everything the workshop model needs to persist, each call its own short transaction."""

    schema_version: int

    # Workshops ---------------------------------------------------------------------------
    @abstractmethod
    def create_workshop(self, code: str, title: str, facilitator_key: str,
                        phase: str) -> WorkshopRecord:
        """A new workshop; ``Duplicate`` if the code is taken."""

    @abstractmethod
    def workshop(self, workshop_id: int) -> WorkshopRecord | None: ...

    @abstractmethod
    def workshop_by_code(self, code: str) -> WorkshopRecord | None: ...

    @abstractmethod
    def workshop_by_facilitator_key(self, key: str) -> WorkshopRecord | None: ...

    @abstractmethod
    def set_phase(self, workshop_id: int, phase: str) -> None: ...

    @abstractmethod
    def revision(self, workshop_id: int) -> tuple[int, str]:
        """``(revision, phase)``: the cheap question pollers ask every second.

        The revision grows with every write to the workshop, so an unchanged number means
        there is nothing new to fetch.
        """

    # Participants ------------------------------------------------------------------------
    @abstractmethod
    def add_participant(self, workshop_id: int, token: str,
                        name: str | None) -> ParticipantRecord: ...

    @abstractmethod
    def participant_by_token(self, token: str) -> ParticipantRecord | None: ...

    @abstractmethod
    def participants(self, workshop_id: int) -> list[ParticipantRecord]: ...

    # Theme proposals and votes -----------------------------------------------------------
    @abstractmethod
    def add_proposal(self, workshop_id: int, participant_id: int, text: str, key: str,
                     max_per_participant: int) -> ProposalRecord:
        """``Duplicate`` if a proposal with the same ``key`` exists in the workshop,
        ``LimitReached`` if the participant already has ``max_per_participant``."""

    @abstractmethod
    def proposals(self, workshop_id: int) -> list[ProposalRecord]:
        """All proposals with their vote counts, oldest first."""

    @abstractmethod
    def set_vote(self, workshop_id: int, participant_id: int, proposal_id: int, *, on: bool,
                 max_votes: int) -> None:
        """Cast or withdraw one vote; ``LimitReached`` past ``max_votes``, ``StoreError`` if
        the proposal is not in this workshop."""

    @abstractmethod
    def votes_of(self, participant_id: int) -> set[int]: ...

    # Entries (knowledge flow, outcomes) --------------------------------------------------
    @abstractmethod
    def add_entry(self, workshop_id: int, participant_id: int, kind: str, body: dict[str, Any],
                  max_per_participant: int) -> EntryRecord: ...

    @abstractmethod
    def entries(self, workshop_id: int, kind: str) -> list[EntryRecord]: ...

    @abstractmethod
    def remove_entry(self, workshop_id: int, participant_id: int, entry_id: int) -> bool:
        """Remove an entry the participant wrote; False if there was none such."""

    # Pulse -------------------------------------------------------------------------------
    @abstractmethod
    def set_pulse(self, workshop_id: int, participant_id: int, dimension: str,
                  score: int) -> None: ...

    @abstractmethod
    def pulse_answers(self, workshop_id: int) -> list[PulseRecord]: ...

    # Shared documents (the office's plan) ------------------------------------------------
    @abstractmethod
    def document(self, workshop_id: int, name: str) -> DocumentRecord | None: ...

    @abstractmethod
    def put_document(self, workshop_id: int, name: str, body: dict[str, Any],
                     expected_revision: int) -> DocumentRecord:
        """Replace the document if it is still at ``expected_revision`` (0: not yet there);
        ``Conflict`` otherwise, so two people never overwrite each other unseen."""

    @abstractmethod
    def close(self) -> None: ...
