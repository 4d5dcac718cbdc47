"""An anonymous pulse on the four dimensions of psychological empowerment.

Spreitzer (1995, *Psychological empowerment in the workplace: dimensions, measurement, and
validation*) describes psychological empowerment as four experiences: meaning, competence,
self-determination and impact. The pulse asks one statement of the kit's own per dimension on a
1–5 scale. It is a conversation starter, not the validated questionnaire.

Group results are shown only when at least :data:`MIN_GROUP` people have answered all four,
so nobody's answer can be read out of the average. Only complete answers count, which keeps
the group behind every dimension's average the same.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.store.base import PulseRecord

DIMENSIONS = ("mening", "kompetanse", "selvbestemmelse", "innflytelse")
SCALE_MIN = 1
SCALE_MAX = 5
MIN_GROUP = 5


def dimension_label(dimension: str) -> str:
    return t(f"workshop.puls_{dimension}")


def statement(dimension: str) -> str:
    return t(f"workshop.puls_{dimension}_pastand")


def parse_dimension(value: object) -> str:
    if value not in DIMENSIONS:
        raise InvalidInput(t("workshop.puls_ukjent_dimensjon", dimensjon=value), field="dimensjon")
    return str(value)


def parse_score(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidInput(t("workshop.puls_ikke_tall", min=SCALE_MIN, maks=SCALE_MAX),
                           field="svar")
    if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
        raise InvalidInput(t("workshop.puls_ikke_tall", min=SCALE_MIN, maks=SCALE_MAX),
                           field="svar")
    if not SCALE_MIN <= int(value) <= SCALE_MAX:
        raise InvalidInput(t("workshop.puls_ikke_tall", min=SCALE_MIN, maks=SCALE_MAX),
                           field="svar")
    return int(value)


@dataclass(frozen=True)
class PulseResult:
    respondents: int
    """People who have answered all four dimensions."""
    means: dict[str, float] | None
    """Average per dimension, or None while fewer than MIN_GROUP have answered."""
    counts: dict[str, tuple[int, ...]] | None
    """How many chose 1, 2, 3, 4 and 5 per dimension, or None like ``means``."""

    @property
    def visible(self) -> bool:
        return self.means is not None

    def summary(self) -> str:
        if self.means is None:
            return t("workshop.puls_skjult", antall=self.respondents, minst=MIN_GROUP,
                     mangler=MIN_GROUP - self.respondents)
        parts = [t("workshop.puls_antall", antall=self.respondents)]
        parts += [t("workshop.puls_snitt", dimensjon=dimension_label(dimension),
                    snitt=f"{mean:.1f}".replace(".", ","))
                  for dimension, mean in self.means.items()]
        highest = max(self.means, key=self.means.__getitem__)
        lowest = min(self.means, key=self.means.__getitem__)
        if self.means[highest] - self.means[lowest] >= 1.0:
            parts.append(t("workshop.puls_sterkest_svakest",
                           sterkest=dimension_label(highest).lower(),
                           svakest=dimension_label(lowest).lower()))
        return " ".join(parts)


def pulse_result(answers: Iterable[PulseRecord]) -> PulseResult:
    by_person: dict[int, dict[str, int]] = {}
    for answer in answers:
        if answer.dimension in DIMENSIONS:
            by_person.setdefault(answer.participant_id, {})[answer.dimension] = answer.score
    complete = [scores for scores in by_person.values() if len(scores) == len(DIMENSIONS)]
    if len(complete) < MIN_GROUP:
        return PulseResult(len(complete), None, None)
    means = {dimension: sum(scores[dimension] for scores in complete) / len(complete)
             for dimension in DIMENSIONS}
    counts = {dimension: tuple(sum(1 for scores in complete if scores[dimension] == value)
                               for value in range(SCALE_MIN, SCALE_MAX + 1))
              for dimension in DIMENSIONS}
    return PulseResult(len(complete), means, counts)
