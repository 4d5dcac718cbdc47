"""The 70/20/10 mix of an office's or a person's learning activities.

The 70/20/10 rule of thumb (Lombardo & Eichinger, *The Career Architect Development Planner*,
1996) says most workplace learning comes from the work itself, some from other people and a
little from courses. The figures come from a survey of successful executives, not from
measurement, so the kit treats them as a reference to reflect against, never as a target: the
summary says how a mix differs and leaves the judgement to the learner. NAV's Hjelpemidler og
tilrettelegging built its 2018 competence strategy on the principle (the seed article on
kompetanseagenter).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from myndig.i18n import t
from myndig.model.errors import InvalidFile, InvalidInput

FORMAT_VERSION = 1
MAX_ACTIVITIES = 60
MAX_NAME_LENGTH = 120
MAX_HOURS_PER_MONTH = 200.0


class Source(Enum):
    """Where learning happens, in the three parts of 70/20/10."""

    WORK = "arbeid"
    OTHERS = "andre"
    FORMAL = "formell"

    @property
    def label(self) -> str:
        return t(f"laeringsmiks.kilde_{self.value}")

    @property
    def reference_share(self) -> float:
        return REFERENCE[self]


REFERENCE: dict[Source, float] = {Source.WORK: 70.0, Source.OTHERS: 20.0, Source.FORMAL: 10.0}
# How far (in percentage points) a share may stray before the summary remarks on it.
NOTABLE_DIFFERENCE = 15.0


@dataclass(frozen=True)
class Activity:
    name: str
    source: Source
    hours_per_month: float

    def to_json(self) -> dict[str, Any]:
        return {"navn": self.name, "kilde": self.source.value,
                "timer_per_maaned": self.hours_per_month}


def parse_source(value: object) -> Source:
    if isinstance(value, Source):
        return value
    for source in Source:
        if value == source.value:
            return source
    choices = ", ".join(f"«{s.value}»" for s in Source)
    raise InvalidInput(t("laeringsmiks.ukjent_kilde", verdi=value, valg=choices), field="kilde")


def make_activity(name: object, source: object, hours_per_month: object) -> Activity:
    """An activity from raw input, or ``InvalidInput`` saying what to correct."""
    if not isinstance(name, str) or not name.strip():
        raise InvalidInput(t("laeringsmiks.mangler_navn"), field="navn")
    cleaned = " ".join(name.split())
    if len(cleaned) > MAX_NAME_LENGTH:
        raise InvalidInput(t("laeringsmiks.for_langt_navn", maks=MAX_NAME_LENGTH), field="navn")
    if isinstance(hours_per_month, bool) or not isinstance(hours_per_month, (int, float)):
        raise InvalidInput(t("laeringsmiks.timer_ikke_tall"), field="timer")
    hours = float(hours_per_month)
    if not math.isfinite(hours) or hours <= 0:
        raise InvalidInput(t("laeringsmiks.timer_ikke_positive"), field="timer")
    if hours > MAX_HOURS_PER_MONTH:
        raise InvalidInput(t("laeringsmiks.for_mange_timer", maks=int(MAX_HOURS_PER_MONTH)),
                           field="timer")
    return Activity(cleaned, parse_source(source), hours)


@dataclass
class LearningMix:
    """A list of learning activities and the shares of the three sources they add up to."""

    activities: list[Activity] = field(default_factory=list)

    def add(self, name: object, source: object, hours_per_month: object) -> Activity:
        activity = make_activity(name, source, hours_per_month)
        if len(self.activities) >= MAX_ACTIVITIES:
            raise InvalidInput(t("laeringsmiks.for_mange_aktiviteter", maks=MAX_ACTIVITIES))
        if self.contains(activity.name):
            raise InvalidInput(t("laeringsmiks.finnes_allerede", navn=activity.name), field="navn")
        self.activities.append(activity)
        return activity

    def contains(self, name: str) -> bool:
        wanted = " ".join(name.split()).casefold()
        return any(activity.name.casefold() == wanted for activity in self.activities)

    def remove(self, index: int) -> Activity:
        if not 0 <= index < len(self.activities):
            raise InvalidInput(t("laeringsmiks.ingen_slik_aktivitet"))
        return self.activities.pop(index)

    def hours(self) -> dict[Source, float]:
        totals = dict.fromkeys(Source, 0.0)
        for activity in self.activities:
            totals[activity.source] += activity.hours_per_month
        return totals

    def total_hours(self) -> float:
        return sum(self.hours().values())

    def shares(self) -> dict[Source, float]:
        """Percent of the hours per source; all zero for an empty mix."""
        total = self.total_hours()
        if total == 0:
            return dict.fromkeys(Source, 0.0)
        return {source: 100.0 * hours / total for source, hours in self.hours().items()}

    def differences(self) -> dict[Source, float]:
        """Percentage points above (+) or below (−) the 70/20/10 reference."""
        shares = self.shares()
        return {source: shares[source] - REFERENCE[source] for source in Source}

    def missing_sources(self) -> list[Source]:
        hours = self.hours()
        return [source for source in Source if hours[source] == 0]

    def summary(self) -> str:
        """A Norwegian text that says what the chart shows, for readers who would rather read."""
        if not self.activities:
            return t("laeringsmiks.oppsummering_tom")
        shares = self.shares()
        count = len(self.activities)
        activities = (t("laeringsmiks.antall_aktiviteter_en") if count == 1
                      else t("laeringsmiks.antall_aktiviteter_flere", antall=count))
        parts = [t("laeringsmiks.oppsummering_fordeling",
                   aktiviteter=activities,
                   timer=_number(self.total_hours()),
                   arbeid=round(shares[Source.WORK]),
                   andre=round(shares[Source.OTHERS]),
                   formell=round(shares[Source.FORMAL]))]
        for source, difference in self.differences().items():
            if difference >= NOTABLE_DIFFERENCE:
                parts.append(t("laeringsmiks.mer_enn_referansen", kilde=source.label.lower(),
                               poeng=round(difference)))
            elif difference <= -NOTABLE_DIFFERENCE:
                parts.append(t("laeringsmiks.mindre_enn_referansen", kilde=source.label.lower(),
                               poeng=round(-difference)))
        missing = self.missing_sources()
        if missing:
            parts.append(t("laeringsmiks.mangler_kilder",
                           kilder=_join([source.label.lower() for source in missing])))
        if len(parts) == 1:
            parts.append(t("laeringsmiks.naer_referansen"))
        return " ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "myndig.laeringsmiks",
            "versjon": FORMAT_VERSION,
            "aktiviteter": [activity.to_json() for activity in self.activities],
        }

    @classmethod
    def from_json(cls, data: object) -> LearningMix:
        """A mix from its JSON form, or ``InvalidFile`` explaining what is wrong with it."""
        if not isinstance(data, dict) or data.get("format") != "myndig.laeringsmiks":
            raise InvalidFile(t("laeringsmiks.fil_feil_format"))
        version = data.get("versjon")
        if version != FORMAT_VERSION:
            raise InvalidFile(t("laeringsmiks.fil_feil_versjon", versjon=version,
                                forventet=FORMAT_VERSION))
        rows = data.get("aktiviteter")
        if not isinstance(rows, list):
            raise InvalidFile(t("laeringsmiks.fil_feil_format"))
        mix = cls()
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, dict):
                problem = t("laeringsmiks.ikke_objekt")
                raise InvalidFile(t("laeringsmiks.fil_feil_rad", rad=number, feil=problem))
            try:
                mix.add(row.get("navn"), row.get("kilde"), row.get("timer_per_maaned"))
            except InvalidInput as error:
                raise InvalidFile(t("laeringsmiks.fil_feil_rad", rad=number, feil=error)) from error
        return mix


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " og " + words[-1]
