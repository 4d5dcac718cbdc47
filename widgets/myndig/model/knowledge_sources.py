"""The three knowledge sources of kunnskapsbasert praksis: statements from practice to sort.

Kunnskapsbasert praksis weighs research-based knowledge, experience-based knowledge and user
knowledge in a given context (Nortvedt et al., 2012); the KLAR guide (2017) names the same
three sources for the NAV office's learning system. Each statement here is our own, set in a
NAV office; the practice set gives feedback in the module 3 notebook, the exercise set is graded
and shares no statement with it.

The graded statements carry no answer here, and the catalogue holds no explanation for them:
this package is installed where students can read it. Their answer key is in the hidden tests
of ``solutions/03-kunnskapsbasert-praksis``.
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

# Only the keys, in an order that follows no pattern of the answers.
EXERCISE_STATEMENTS: tuple[str, ...] = (
    "respesialisering",
    "fredager",
    "gjenta_historien",
    "fadder_dialogmote",
    "usynlig_funksjonsnedsettelse",
    "oppsummering_unge",
)


CATEGORIES = tuple(source.value for source in KnowledgeSource)


def practice_task() -> SortingTask:
    """The statements in the module 3 notebook, with feedback as the learner sorts."""
    return build_task("myndig.kunnskapskilder.ovelse", AREA, CATEGORIES,
                      [(key, source.value) for key, source in PRACTICE_STATEMENTS])


def exercise_task() -> SortingTask:
    """The graded statements in exercise 3, without answers (nbgrader's hidden tests hold them)."""
    return build_task("myndig.kunnskapskilder.oppgave", AREA, CATEGORIES,
                      [(key, None) for key in EXERCISE_STATEMENTS])
