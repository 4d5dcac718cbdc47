"""Workshops, and the two ways into one: as facilitator (secret key) or participant (code).

Every session object is bound to one workshop by a secret looked up in the store, and every
call passes that workshop's id to the store; there is no call that takes a workshop id from the
outside, which is how a participant is kept out of other workshops.
"""

from __future__ import annotations

from dataclasses import dataclass

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.plan import LearningPlan
from myndig.model.workshop import knowledge_flow, outcomes, pulse, shared_plan, voting
from myndig.model.workshop.codes import display_code, new_code, new_secret, normalise_code
from myndig.model.workshop.phases import Phase, parse_phase
from myndig.model.workshop.text import (
    MAX_NAME_LENGTH,
    MAX_PROPOSAL_LENGTH,
    MAX_TITLE_LENGTH,
    clean_text,
    comparison_key,
)
from myndig.store.base import (
    Duplicate,
    LimitReached,
    ParticipantRecord,
    Store,
    StoreError,
    WorkshopRecord,
)

# A fresh code collides with an existing one about once in ten million workshops; a few
# retries make a failure practically impossible without a loop that could spin forever.
CODE_ATTEMPTS = 8
MAX_PARTICIPANTS = 200


class WorkshopService:
    """Creates workshops and lets people in; hands out sessions bound to one workshop."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def create(self, title: object) -> FacilitatorSession:
        cleaned = clean_text(title, field="tittel", label=t("workshop.felt_tittel"),
                             maximum=MAX_TITLE_LENGTH)
        for _ in range(CODE_ATTEMPTS):
            try:
                record = self.store.create_workshop(new_code(), cleaned, new_secret(),
                                                    Phase.WELCOME.value)
            except Duplicate:
                continue
            return FacilitatorSession(self.store, record)
        raise StoreError("fant ingen ledig verkstedkode")

    def find(self, code: object) -> WorkshopRecord:
        record = self.store.workshop_by_code(normalise_code(code))
        if record is None:
            raise InvalidInput(t("workshop.kode_finnes_ikke"), field="kode")
        return record

    def join(self, code: object, name: object = None) -> ParticipantSession:
        """Join under a chosen name, or anonymously when the name is empty."""
        record = self.find(code)
        if Phase(record.phase) is Phase.CLOSED:
            raise InvalidInput(t("workshop.avsluttet_kan_ikke_bli_med"), field="kode")
        chosen = clean_text(name, field="navn", label=t("workshop.felt_navn"),
                            maximum=MAX_NAME_LENGTH, required=False) or None
        if len(self.store.participants(record.id)) >= MAX_PARTICIPANTS:
            raise InvalidInput(t("workshop.fullt", maks=MAX_PARTICIPANTS), field="kode")
        participant = self.store.add_participant(record.id, new_secret(), chosen)
        return ParticipantSession(self.store, record, participant)

    def resume(self, token: object) -> ParticipantSession:
        """Back in as the same participant (a reload, another app page of the workshop)."""
        participant = (self.store.participant_by_token(token)
                       if isinstance(token, str) and token else None)
        if participant is None:
            raise InvalidInput(t("workshop.ukjent_deltaker"), field="deltaker")
        record = self.store.workshop(participant.workshop_id)
        if record is None:
            raise InvalidInput(t("workshop.ukjent_deltaker"), field="deltaker")
        return ParticipantSession(self.store, record, participant)

    def facilitate(self, key: object) -> FacilitatorSession:
        record = (self.store.workshop_by_facilitator_key(key)
                  if isinstance(key, str) and key else None)
        if record is None:
            raise InvalidInput(t("workshop.ukjent_fasilitatornokkel"), field="nokkel")
        return FacilitatorSession(self.store, record)


class _WorkshopSession:
    """What everyone in a workshop may read: its title, phase and the shared results."""

    def __init__(self, store: Store, record: WorkshopRecord) -> None:
        self.store = store
        self.workshop_id = record.id
        self.code = record.code
        self.title = record.title

    @property
    def display_code(self) -> str:
        return display_code(self.code)

    def changes(self) -> tuple[int, Phase]:
        """``(revision, phase)``; pollers compare the revision with the last one they saw."""
        revision, phase = self.store.revision(self.workshop_id)
        return revision, Phase(phase)

    @property
    def phase(self) -> Phase:
        return self.changes()[1]

    def voting_result(self) -> voting.VotingResult:
        return voting.voting_result(self.store.proposals(self.workshop_id))

    def flow_entries(self) -> list[knowledge_flow.FlowEntry]:
        return knowledge_flow.flow_entries(self.store.entries(self.workshop_id,
                                                              knowledge_flow.KIND))

    def outcomes(self) -> list[outcomes.WorkshopOutcome]:
        return outcomes.workshop_outcomes(self.store.entries(self.workshop_id, outcomes.KIND))

    def plan_header(self) -> shared_plan.PlanHeader:
        return shared_plan.read_header(self.store, self.workshop_id)

    def set_plan_header(self, office: object, period: object, start: object, end: object, *,
                        based_on: int) -> shared_plan.PlanHeader:
        """Everyone in the workshop may fill in the plan's header; see ``shared_plan``."""
        return shared_plan.write_header(self.store, self.workshop_id, office, period, start, end,
                                        based_on=based_on)

    def plan(self) -> LearningPlan:
        return shared_plan.build_plan(self.plan_header(), self.voting_result(), self.outcomes())

    def pulse_result(self) -> pulse.PulseResult:
        return pulse.pulse_result(self.store.pulse_answers(self.workshop_id))

    def participant_labels(self) -> dict[int, str]:
        """A name for everyone: the chosen one, or «Deltaker n» in order of joining."""
        return {participant.id: participant.name or t("workshop.anonym_deltaker", nummer=number)
                for number, participant in enumerate(self.store.participants(self.workshop_id),
                                                     start=1)}


class ParticipantSession(_WorkshopSession):
    def __init__(self, store: Store, record: WorkshopRecord,
                 participant: ParticipantRecord) -> None:
        super().__init__(store, record)
        self.participant_id = participant.id
        self.token = participant.token
        self.name = participant.name

    @property
    def label(self) -> str:
        return self.participant_labels()[self.participant_id]

    # Proposals and votes -----------------------------------------------------------------
    def propose(self, text: object) -> int:
        cleaned = clean_text(text, field="forslag", label=t("workshop.felt_forslag"),
                             maximum=MAX_PROPOSAL_LENGTH)
        try:
            record = self.store.add_proposal(self.workshop_id, self.participant_id, cleaned,
                                             comparison_key(cleaned),
                                             voting.MAX_PROPOSALS_PER_PARTICIPANT)
        except Duplicate:
            raise InvalidInput(t("workshop.forslag_finnes", forslag=cleaned),
                               field="forslag") from None
        except LimitReached:
            raise InvalidInput(t("workshop.for_mange_forslag",
                                 maks=voting.MAX_PROPOSALS_PER_PARTICIPANT),
                               field="forslag") from None
        return record.id

    def my_votes(self) -> set[int]:
        return self.store.votes_of(self.participant_id)

    def votes_left(self) -> int:
        return voting.MAX_VOTES - len(self.my_votes())

    def vote(self, proposal_id: object, on: bool = True) -> None:
        if isinstance(proposal_id, bool) or not isinstance(proposal_id, int):
            raise InvalidInput(t("workshop.ukjent_forslag"), field="forslag")
        try:
            self.store.set_vote(self.workshop_id, self.participant_id, proposal_id, on=on,
                                max_votes=voting.MAX_VOTES)
        except LimitReached:
            raise InvalidInput(t("workshop.ingen_stemmer_igjen", maks=voting.MAX_VOTES),
                               field="stemme") from None
        except StoreError:
            raise InvalidInput(t("workshop.ukjent_forslag"), field="forslag") from None

    # Knowledge flow ----------------------------------------------------------------------
    def add_flow_entry(self, transfer: object, activity: object, arena: object = "",
                       responsibility: object = "") -> int:
        body = knowledge_flow.flow_body(transfer, activity, arena, responsibility)
        try:
            record = self.store.add_entry(self.workshop_id, self.participant_id,
                                          knowledge_flow.KIND, body,
                                          knowledge_flow.MAX_ENTRIES_PER_PARTICIPANT)
        except LimitReached:
            raise InvalidInput(t("workshop.flyt_for_mange",
                                 maks=knowledge_flow.MAX_ENTRIES_PER_PARTICIPANT)) from None
        return record.id

    def remove_flow_entry(self, entry_id: int) -> None:
        if not self.store.remove_entry(self.workshop_id, self.participant_id, entry_id):
            raise InvalidInput(t("workshop.flyt_ikke_din"))

    # Learning outcomes -------------------------------------------------------------------
    def add_outcome(self, theme: object, text: object) -> int:
        body = outcomes.outcome_body(theme, text)
        try:
            record = self.store.add_entry(self.workshop_id, self.participant_id, outcomes.KIND,
                                          body, outcomes.MAX_OUTCOMES_PER_PARTICIPANT)
        except LimitReached:
            raise InvalidInput(t("workshop.utbytte_for_mange",
                                 maks=outcomes.MAX_OUTCOMES_PER_PARTICIPANT)) from None
        return record.id

    def remove_outcome(self, entry_id: int) -> None:
        if not self.store.remove_entry(self.workshop_id, self.participant_id, entry_id):
            raise InvalidInput(t("workshop.utbytte_ikke_ditt"))

    # Pulse -------------------------------------------------------------------------------
    def answer_pulse(self, dimension: object, score: object) -> None:
        self.store.set_pulse(self.workshop_id, self.participant_id,
                             pulse.parse_dimension(dimension), pulse.parse_score(score))

    def my_pulse(self) -> dict[str, int]:
        return {answer.dimension: answer.score
                for answer in self.store.pulse_answers(self.workshop_id)
                if answer.participant_id == self.participant_id}


@dataclass(frozen=True)
class ParticipantStatus:
    """What the facilitator sees per person: whether they have taken part, never what they said
    in the anonymous pulse."""

    label: str
    named: bool
    proposals: int
    votes: int
    flow_entries: int
    outcomes: int


class FacilitatorSession(_WorkshopSession):
    def __init__(self, store: Store, record: WorkshopRecord) -> None:
        super().__init__(store, record)
        self.key = record.facilitator_key

    def set_phase(self, phase: object) -> Phase:
        chosen = parse_phase(phase)
        self.store.set_phase(self.workshop_id, chosen.value)
        return chosen

    def next_phase(self) -> Phase:
        return self.set_phase(self.phase.next())

    def previous_phase(self) -> Phase:
        return self.set_phase(self.phase.previous())

    def status(self) -> list[ParticipantStatus]:
        participants = self.store.participants(self.workshop_id)
        labels = self.participant_labels()
        proposals = self.store.proposals(self.workshop_id)
        proposed = {participant.id: 0 for participant in participants}
        for proposal in proposals:
            proposed[proposal.participant_id] = proposed.get(proposal.participant_id, 0) + 1
        flow = {participant.id: 0 for participant in participants}
        for entry in self.flow_entries():
            flow[entry.participant_id] = flow.get(entry.participant_id, 0) + 1
        written = {participant.id: 0 for participant in participants}
        for outcome in self.outcomes():
            written[outcome.participant_id] = written.get(outcome.participant_id, 0) + 1
        return [ParticipantStatus(labels[participant.id], participant.name is not None,
                                  proposed[participant.id],
                                  len(self.store.votes_of(participant.id)), flow[participant.id],
                                  written[participant.id])
                for participant in participants]

    def pulse_respondents(self) -> int:
        return self.pulse_result().respondents
