"""The checks a plan must pass before it is a plan an office can use.

Each rule comes from the KLAR guide: every element in place, a time for completion fixed (without
it the work cannot be evaluated), evaluation after the activities, everything within the period,
outcomes for every theme, variation in methods, arenas taken from the mapped register, and
participants stated (who is to learn what). Errors make a plan unfinished; warnings are advice.
A half-finished plan is still saved: the checks describe it, they never refuse it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from myndig.i18n import t
from myndig.model.plan.plan import LearningPlan
from myndig.model.plan.text import join_words
from myndig.model.plan.themes import Origin, PlanRow, Theme
from myndig.model.plan.working_group import MAX_MEMBERS, MIN_MEMBERS


class Severity(Enum):
    ERROR = "feil"
    WARNING = "advarsel"

    @property
    def label(self) -> str:
        return t(f"plan.alvor_{self.value}")


class Rule(Enum):
    NO_THEMES = "ingen_temaer"
    MISSING_ELEMENT = "mangler_element"
    THEME_WITHOUT_OUTCOMES = "tema_uten_utbytte"
    NO_PARTICIPANTS = "ingen_deltakere"
    UNKNOWN_ARENA = "ukjent_arena"
    EVALUATION_BEFORE_COMPLETION = "evaluering_for_gjennomforing"
    OUTSIDE_PERIOD = "utenfor_perioden"
    NO_VARIATION = "ingen_variasjon"
    UNDATED = "uten_dato"
    GROUP_SIZE = "arbeidsgruppe_storrelse"
    NO_EMPLOYEE_PROPOSALS = "ingen_forslag_fra_ansatte"


@dataclass(frozen=True)
class Problem:
    rule: Rule
    severity: Severity
    message: str
    theme: int | None = None
    row: int | None = None

    def shown(self) -> str:
        return f"{self.severity.label}: {self.message}"

    def to_json(self) -> dict[str, object]:
        return {"regel": self.rule.value, "alvor": self.severity.value, "melding": self.message,
                "tema": self.theme, "rad": self.row}


def _where(theme: Theme, row: int | None = None) -> str:
    if row is None:
        return t("plan.sted_tema", tema=theme.title)
    return t("plan.sted_rad", tema=theme.title, rad=row + 1)


def row_problems(plan: LearningPlan, theme_index: int, row_index: int, row: PlanRow,
                 theme: Theme) -> list[Problem]:
    """What is wrong with one row; also used on a draft row while it is being typed."""
    found: list[Problem] = []
    where = _where(theme, row_index)

    def add(rule: Rule, key: str, severity: Severity = Severity.ERROR, **values: object) -> None:
        found.append(Problem(rule, severity, t(key, sted=where, **values), theme_index, row_index))

    missing = [t(f"plan.felt_{name}") for name, present in (
        ("utbytte", row.outcome), ("arena", row.arena), ("metode", row.method),
        ("gjennomforing", not row.timing.is_empty)) if not present]
    if missing:
        add(Rule.MISSING_ELEMENT, "plan.regel_mangler_i_rad", elementer=join_words(missing))
    if not row.participants:
        add(Rule.NO_PARTICIPANTS, "plan.regel_ingen_deltakere")
    if row.arena and plan.register.find(row.arena) is None:
        add(Rule.UNKNOWN_ARENA, "plan.regel_ukjent_arena", arena=row.arena)
    if row.timing.text and not row.timing.has_dates:
        add(Rule.UNDATED, "plan.regel_uten_dato", Severity.WARNING, tid=row.timing.text)
    for day in row.timing.dates():
        if not plan.period.contains(day):
            add(Rule.OUTSIDE_PERIOD, "plan.regel_utenfor_perioden", dato=day.strftime("%d.%m.%Y"),
                periode=plan.period.name)
            break
    return found


def theme_problems(plan: LearningPlan, index: int, theme: Theme) -> list[Problem]:
    found: list[Problem] = []
    where = _where(theme)

    def add(rule: Rule, key: str, severity: Severity = Severity.ERROR, **values: object) -> None:
        found.append(Problem(rule, severity, t(key, sted=where, **values), index))

    missing = [t(f"plan.felt_{name}") for name, present in (
        ("opphav", theme.origins), ("ansvarlig", theme.responsible),
        ("evaluering", not theme.evaluation.is_empty)) if not present]
    if missing:
        add(Rule.MISSING_ELEMENT, "plan.regel_mangler_i_tema", elementer=join_words(missing))
    if not theme.outcomes():
        add(Rule.THEME_WITHOUT_OUTCOMES, "plan.regel_tema_uten_utbytte")
    for day in theme.evaluation.dates():
        if not plan.period.contains(day):
            add(Rule.OUTSIDE_PERIOD, "plan.regel_evaluering_utenfor", dato=day.strftime("%d.%m.%Y"),
                periode=plan.period.name)
            break
    evaluation_day = theme.evaluation.first_day
    if evaluation_day is not None:
        latest = max((row.timing.last_day for row in theme.rows if row.timing.last_day is not None),
                     default=None)
        if latest is not None and evaluation_day < latest:
            add(Rule.EVALUATION_BEFORE_COMPLETION, "plan.regel_evaluering_for",
                evaluering=evaluation_day.strftime("%d.%m.%Y"), siste=latest.strftime("%d.%m.%Y"))
    elif theme.evaluation.text:
        add(Rule.UNDATED, "plan.regel_evaluering_uten_dato", Severity.WARNING,
            tid=theme.evaluation.text)
    for row_index, row in enumerate(theme.rows):
        found.extend(row_problems(plan, index, row_index, row, theme))
    return found


def validate(plan: LearningPlan) -> list[Problem]:
    """Every problem in the plan, errors before warnings, in the plan's own order."""
    found: list[Problem] = []
    if not plan.office:
        found.append(Problem(Rule.MISSING_ELEMENT, Severity.ERROR, t("plan.regel_mangler_kontor")))
    if not plan.themes:
        found.append(Problem(Rule.NO_THEMES, Severity.ERROR, t("plan.regel_ingen_temaer")))
    for index, theme in enumerate(plan.themes):
        found.extend(theme_problems(plan, index, theme))
    methods = plan.method_counts()
    rows_with_method = sum(methods.values())
    if rows_with_method >= 2 and len(methods) == 1:
        (only,) = methods
        found.append(Problem(Rule.NO_VARIATION, Severity.WARNING,
                             t("plan.regel_ingen_variasjon", metode=only.label.lower())))
    elif rows_with_method >= 2 and not any(method.involving for method in methods):
        found.append(Problem(Rule.NO_VARIATION, Severity.WARNING,
                             t("plan.regel_ingen_medvirkning")))
    members = len(plan.working_group.members)
    if not MIN_MEMBERS <= members <= MAX_MEMBERS:
        found.append(Problem(Rule.GROUP_SIZE, Severity.WARNING,
                             t("plan.regel_arbeidsgruppe", antall=members, minst=MIN_MEMBERS,
                               maks=MAX_MEMBERS)))
    if plan.themes and not any(Origin.EMPLOYEES in theme.origins for theme in plan.themes):
        found.append(Problem(Rule.NO_EMPLOYEE_PROPOSALS, Severity.WARNING,
                             t("plan.regel_ingen_forslag_fra_ansatte")))
    return sorted(found, key=lambda problem: problem.severity is not Severity.ERROR)


def errors(problems: list[Problem]) -> list[Problem]:
    return [problem for problem in problems if problem.severity is Severity.ERROR]


def summary(problems: list[Problem]) -> str:
    count_errors = len(errors(problems))
    count_warnings = len(problems) - count_errors
    if not problems:
        return t("plan.sjekk_alt_i_orden")
    return t("plan.sjekk_oppsummering", feil=count_errors, advarsler=count_warnings)
