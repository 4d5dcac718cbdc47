"""Single- and double-loop learning (Argyris & Schön, 1978): cases from NAV offices to sort.

Single-loop learning corrects an action so it meets the goals and norms already in force;
double-loop learning questions those goals, norms and assumptions themselves. The cases are our
own, built on the seeds: leaders' experiences from circle-based supervision and reflection
workshops (Henriksen & Dale, UiT and NAV Troms og Finnmark), the competence strategy of NAV
Hjelpemidler og tilrettelegging (NAV, 2022) and the NAV-reform role study (Nilssen, Kildal &
Helgøy). The practice set gives feedback in the course notebook; the exercise set is graded,
so the two share no case.
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

EXERCISE_CASES: tuple[tuple[str, Loop], ...] = (
    ("fordeling", Loop.SINGLE),
    ("laerende_moter", Loop.DOUBLE),
    ("uklart_brev", Loop.SINGLE),
    ("maal_samtaler", Loop.DOUBLE),
    ("e_laering", Loop.SINGLE),
    ("aldri_ferdige", Loop.DOUBLE),
)


def _task(file_format: str, cases: tuple[tuple[str, Loop], ...]) -> SortingTask:
    return build_task(file_format, AREA, [loop.value for loop in Loop],
                      [(key, loop.value) for key, loop in cases])


def practice_task() -> SortingTask:
    """The cases in the module 2 notebook, with feedback as the learner sorts."""
    return _task("myndig.laeringssloyfer.ovelse", PRACTICE_CASES)


def exercise_task() -> SortingTask:
    """The graded cases in exercise 2."""
    return _task("myndig.laeringssloyfer.oppgave", EXERCISE_CASES)
