"""The three knowledge sources of kunnskapsbasert praksis: statements from practice to sort.

Kunnskapsbasert praksis weighs research-based knowledge, experience-based knowledge and user
knowledge in a given context (Nortvedt et al., 2012); the KLAR guide (2017) names the same
three sources for the NAV office's learning system. Each statement here is our own, set in a
NAV office; the practice set gives feedback in the module 3 notebook, the exercise set is graded
and shares no statement with it.
"""

from __future__ import annotations

from enum import Enum

from myndig.model.sorting import SortingTask, build_task

AREA = "knowledge_sources"


class KnowledgeSource(Enum):
    RESEARCH = "forskning"
    EXPERIENCE = "erfaring"
    USER = "bruker"


PRACTICE_STATEMENTS: tuple[tuple[str, KnowledgeSource], ...] = (
    ("supported_employment", KnowledgeSource.RESEARCH),
    ("ringe_arbeidsgiver", KnowledgeSource.EXPERIENCE),
    ("brev_brukerutvalg", KnowledgeSource.USER),
    ("deltidsjobb", KnowledgeSource.USER),
    ("evaluering_reformen", KnowledgeSource.RESEARCH),
    ("sinte_brukere", KnowledgeSource.EXPERIENCE),
    ("fast_kontaktperson", KnowledgeSource.EXPERIENCE),
    ("motiverende_intervju", KnowledgeSource.RESEARCH),
    ("ffo_temaer", KnowledgeSource.USER),
)

EXERCISE_STATEMENTS: tuple[tuple[str, KnowledgeSource], ...] = (
    ("respesialisering", KnowledgeSource.RESEARCH),
    ("fredager", KnowledgeSource.EXPERIENCE),
    ("gjenta_historien", KnowledgeSource.USER),
    ("fadder_dialogmote", KnowledgeSource.EXPERIENCE),
    ("usynlig_funksjonsnedsettelse", KnowledgeSource.USER),
    ("oppsummering_unge", KnowledgeSource.RESEARCH),
)


def _task(file_format: str,
          statements: tuple[tuple[str, KnowledgeSource], ...]) -> SortingTask:
    return build_task(file_format, AREA, [source.value for source in KnowledgeSource],
                      [(key, source.value) for key, source in statements])


def practice_task() -> SortingTask:
    """The statements in the module 3 notebook, with feedback as the learner sorts."""
    return _task("myndig.kunnskapskilder.ovelse", PRACTICE_STATEMENTS)


def exercise_task() -> SortingTask:
    """The graded statements in exercise 3."""
    return _task("myndig.kunnskapskilder.oppgave", EXERCISE_STATEMENTS)
