"""A personal reflection on empowerment: four dimensions and three basic needs.

Two of the theory families in module 1 describe what an empowered employee experiences:

* psychological empowerment (Spreitzer, 1995, *Psychological empowerment in the workplace:
  dimensions, measurement, and validation*): meaning, competence, self-determination and
  impact;
* self-determination theory (Deci & Ryan, 2000, *The "what" and "why" of goal pursuits*): the
  basic needs for autonomy, competence and relatedness.

The statements are the kit's own, written for reflection; they are not the validated
questionnaires of those authors and the scores are no measurement. That is why the summary
talks about what stands out and asks a question, and never labels a person. The answers are
personal, so the view keeps them in a file on the student's own machine only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from myndig.i18n import t
from myndig.model.errors import InvalidFile, InvalidInput

FORMAT = "myndig.myndiggjoring"
FORMAT_VERSION = 1
SCALE_MIN = 1
SCALE_MAX = 5
MAX_NOTE_LENGTH = 2000
# How far apart (scale points) the highest and lowest dimension must be before the summary
# points at them; smaller gaps are within what one's mood on the day can explain.
NOTABLE_SPREAD = 1.0


class Theory(Enum):
    """The theory a dimension belongs to; each gets its own chart."""

    PSYCHOLOGICAL_EMPOWERMENT = "psykologisk_myndiggjoring"
    SELF_DETERMINATION = "selvbestemmelse"

    @property
    def label(self) -> str:
        return t(f"empowerment.teori_{self.value}")


@dataclass(frozen=True)
class Dimension:
    key: str
    theory: Theory
    items: tuple[str, ...]

    @property
    def label(self) -> str:
        return t(f"empowerment.dimensjon_{self.key}")


def _dimension(key: str, theory: Theory) -> Dimension:
    return Dimension(key, theory, (f"{key}_1", f"{key}_2"))


DIMENSIONS: tuple[Dimension, ...] = (
    _dimension("mening", Theory.PSYCHOLOGICAL_EMPOWERMENT),
    _dimension("kompetanse", Theory.PSYCHOLOGICAL_EMPOWERMENT),
    _dimension("selvbestemmelse", Theory.PSYCHOLOGICAL_EMPOWERMENT),
    _dimension("innflytelse", Theory.PSYCHOLOGICAL_EMPOWERMENT),
    _dimension("autonomi", Theory.SELF_DETERMINATION),
    _dimension("kompetansebehov", Theory.SELF_DETERMINATION),
    _dimension("tilhorighet", Theory.SELF_DETERMINATION),
)
ITEMS: dict[str, Dimension] = {item: dimension for dimension in DIMENSIONS
                               for item in dimension.items}


def dimensions_of(theory: Theory) -> tuple[Dimension, ...]:
    return tuple(dimension for dimension in DIMENSIONS if dimension.theory is theory)


def statement(item: str) -> str:
    """The Norwegian statement a student rates for ``item``."""
    return t(f"empowerment.pastand_{item}")


def scale_label(value: int) -> str:
    return t(f"empowerment.skala_{value}")


def parse_answer(value: object) -> int | None:
    """A rating from raw input: a whole number on the scale, or ``None`` for no answer."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidInput(t("empowerment.svar_ikke_tall", min=SCALE_MIN, maks=SCALE_MAX),
                           field="svar")
    if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
        raise InvalidInput(t("empowerment.svar_ikke_heltall", min=SCALE_MIN, maks=SCALE_MAX),
                           field="svar")
    number = int(value)
    if not SCALE_MIN <= number <= SCALE_MAX:
        raise InvalidInput(t("empowerment.svar_utenfor_skala", verdi=number, min=SCALE_MIN,
                             maks=SCALE_MAX), field="svar")
    return number


@dataclass
class EmpowermentReflection:
    """The student's ratings (item key to 1–5) and a free note to themselves."""

    answers: dict[str, int] = field(default_factory=dict)
    note: str = ""

    def answer(self, item: str, value: object) -> None:
        """Rate ``item``; ``None`` removes the rating. Bad input raises ``InvalidInput``."""
        if item not in ITEMS:
            raise InvalidInput(t("empowerment.ukjent_pastand", pastand=item), field="pastand")
        rating = parse_answer(value)
        if rating is None:
            self.answers.pop(item, None)
        else:
            self.answers[item] = rating

    def set_note(self, text: object) -> None:
        if not isinstance(text, str):
            raise InvalidInput(t("empowerment.notat_ikke_tekst"), field="notat")
        if len(text) > MAX_NOTE_LENGTH:
            raise InvalidInput(t("empowerment.notat_for_langt", maks=MAX_NOTE_LENGTH),
                               field="notat")
        self.note = text

    def clear(self) -> None:
        self.answers.clear()
        self.note = ""

    def is_empty(self) -> bool:
        return not self.answers and not self.note.strip()

    def score(self, dimension: Dimension) -> float | None:
        """The mean of the answered statements of ``dimension``; ``None`` when none are."""
        ratings = [self.answers[item] for item in dimension.items if item in self.answers]
        if not ratings:
            return None
        return sum(ratings) / len(ratings)

    def scores(self, theory: Theory | None = None) -> dict[Dimension, float | None]:
        chosen = DIMENSIONS if theory is None else dimensions_of(theory)
        return {dimension: self.score(dimension) for dimension in chosen}

    def summary(self) -> str:
        """What the charts show, in Norwegian, for readers who would rather read."""
        if not self.answers:
            return t("empowerment.oppsummering_tom")
        parts = [t("empowerment.oppsummering_antall", besvart=len(self.answers),
                   antall=len(ITEMS))]
        for theory in Theory:
            values = [t("empowerment.oppsummering_verdi", dimensjon=dimension.label.lower(),
                        verdi=_score_text(score))
                      for dimension, score in self.scores(theory).items()]
            parts.append(t("empowerment.oppsummering_teori", teori=theory.label,
                           verdier=_join(values)))
        answered = {dimension: score for dimension, score in self.scores().items()
                    if score is not None}
        highest = max(answered.values())
        lowest = min(answered.values())
        if highest - lowest >= NOTABLE_SPREAD:
            parts.append(t(
                "empowerment.oppsummering_hoyest_lavest",
                hoyest=_join([d.label.lower() for d, s in answered.items() if s == highest]),
                lavest=_join([d.label.lower() for d, s in answered.items() if s == lowest])))
        else:
            parts.append(t("empowerment.oppsummering_jevnt"))
        parts.append(t("empowerment.oppsummering_ikke_maaling"))
        return " ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "versjon": FORMAT_VERSION,
            "svar": {item: self.answers[item] for item in ITEMS if item in self.answers},
            "notat": self.note,
        }

    @classmethod
    def from_json(cls, data: object) -> EmpowermentReflection:
        """A reflection from its JSON form, or ``InvalidFile`` explaining what is wrong."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InvalidFile(t("empowerment.fil_feil_format"))
        version = data.get("versjon")
        if version != FORMAT_VERSION:
            raise InvalidFile(t("empowerment.fil_feil_versjon", versjon=version,
                                forventet=FORMAT_VERSION))
        answers = data.get("svar", {})
        if not isinstance(answers, dict):
            raise InvalidFile(t("empowerment.fil_feil_format"))
        reflection = cls()
        for item, value in answers.items():
            try:
                reflection.answer(item, value)
            except InvalidInput as error:
                raise InvalidFile(t("empowerment.fil_feil_svar", pastand=item, feil=error)) \
                    from error
        try:
            reflection.set_note(data.get("notat", ""))
        except InvalidInput as error:
            raise InvalidFile(str(error)) from error
        return reflection


def _score_text(score: float | None) -> str:
    if score is None:
        return t("empowerment.ikke_besvart")
    return f"{score:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " og " + words[-1]
