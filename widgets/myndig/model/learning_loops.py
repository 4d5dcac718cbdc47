"""Single- and double-loop learning (Argyris & Schön, 1978): cases from NAV offices to sort.

Single-loop learning corrects an action so it meets the goals and norms already in force;
double-loop learning questions those goals, norms and assumptions themselves. The cases are our
own, built on the seeds: leaders' experiences from circle-based supervision and reflection
workshops (Henriksen & Dale, UiT and NAV Troms og Finnmark), the competence strategy of NAV
Hjelpemidler og tilrettelegging (NAV, 2022) and the NAV-reform role study (Nilssen, Kildal &
Helgøy). The practice set gives feedback in the course notebook; the exercise set is graded,
so the two share no case.

The graded cases carry no answer here, and the catalogue holds no explanation for them: this
package is installed where students can read it. Their answer key is in the hidden tests of
``solutions/02-organisasjonslaering``.
"""

from __future__ import annotations

from enum import Enum

from myndig.model.sorting import SortingTask, build_task

AREA = "learning_loops"


class Loop(Enum):
    SINGLE = "enkel"
    DOUBLE = "dobbel"


PRACTICE_CASES: tuple[tuple[str, Loop], ...] = (
    ("paaminnelse", Loop.SINGLE),
    ("enehersker", Loop.DOUBLE),
    ("fristoversikt", Loop.SINGLE),
    ("handlingsrom", Loop.DOUBLE),
    ("sats", Loop.SINGLE),
    ("please_harmoni", Loop.DOUBLE),
    ("telefon", Loop.SINGLE),
    ("strategi_70_20_10", Loop.DOUBLE),
)

# Only the keys, in an order that follows no pattern of the answers.
EXERCISE_CASES: tuple[str, ...] = (
    "laerende_moter",
    "fordeling",
    "e_laering",
    "aldri_ferdige",
    "maal_samtaler",
    "uklart_brev",
)


CATEGORIES = tuple(loop.value for loop in Loop)


def practice_task() -> SortingTask:
    """The cases in the module 2 notebook, with feedback as the learner sorts."""
    return build_task("myndig.laeringssloyfer.ovelse", AREA, CATEGORIES,
                      [(key, loop.value) for key, loop in PRACTICE_CASES])


def exercise_task() -> SortingTask:
    """The graded cases in exercise 2, without answers (nbgrader's hidden tests hold them)."""
    return build_task("myndig.laeringssloyfer.oppgave", AREA, CATEGORIES,
                      [(key, None) for key in EXERCISE_CASES])
