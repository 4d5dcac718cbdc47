"""The plan's period and the times in it.

The KLAR guide recommends a plan for half a year at a time, so the themes stay current. Times in
real plans are often words ("løpende", "hvert kvartal", "innen 1. mai"), so a time keeps the words
as written beside the dates it covers; only the dates can be checked and drawn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.plan.text import clean_line

_NORWEGIAN_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
          "oktober", "november", "desember")


def parse_date(value: object, *, field: str) -> date | None:
    """A date from a ``date``, an ISO string (2015-04-22) or a Norwegian one (22.04.2015)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        match = _NORWEGIAN_DATE.match(text)
        try:
            if match:
                day, month, year = (int(part) for part in match.groups())
                return date(year, month, day)
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise InvalidInput(t("plan.ugyldig_dato", felt=t(f"plan.felt_{field}"), verdi=value),
                       field=field)


def norwegian_date(day: date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Period:
    """The half-year (or other stretch) the plan covers, both ends included."""

    name: str
    start: date
    end: date

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def to_json(self) -> dict[str, Any]:
        return {"navn": self.name, "fra": self.start.isoformat(), "til": self.end.isoformat()}


def make_period(name: object, start: object, end: object) -> Period:
    cleaned = clean_line(name, field="periode")
    first = parse_date(start, field="periode_fra")
    last = parse_date(end, field="periode_til")
    if first is None or last is None:
        raise InvalidInput(t("plan.periode_mangler_dato"), field="periode")
    if last < first:
        raise InvalidInput(t("plan.periode_baklengs"), field="periode")
    return Period(cleaned or norwegian_date(first) + " – " + norwegian_date(last), first, last)


def half_year(today: date) -> Period:
    """The half-year a new plan is most likely for: this spring, or this autumn from July."""
    if today.month <= 6:
        return Period(t("plan.vaaren", aar=today.year), date(today.year, 1, 1),
                      date(today.year, 6, 30))
    return Period(t("plan.hoesten", aar=today.year), date(today.year, 8, 1),
                  date(today.year, 12, 31))


@dataclass(frozen=True)
class Timing:
    """When something happens: the words as written, and the dates they cover when known.

    ``start`` alone is a single day; ``end`` alone means "by this date" (innen).
    """

    text: str = ""
    start: date | None = None
    end: date | None = None

    @property
    def is_empty(self) -> bool:
        return not self.text and self.start is None and self.end is None

    @property
    def has_dates(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def first_day(self) -> date | None:
        return self.start if self.start is not None else self.end

    @property
    def last_day(self) -> date | None:
        return self.end if self.end is not None else self.start

    def dates(self) -> list[date]:
        return [day for day in (self.start, self.end) if day is not None]

    def shown(self) -> str:
        """How the time reads in a plan: the words if there are any, otherwise the dates."""
        if self.text:
            return self.text
        if self.start is not None and self.end is not None and self.end != self.start:
            return f"{norwegian_date(self.start)} – {norwegian_date(self.end)}"
        if self.start is not None:
            return norwegian_date(self.start)
        if self.end is not None:
            return t("plan.innen", dato=norwegian_date(self.end))
        return ""

    def to_json(self) -> dict[str, Any]:
        return {
            "tekst": self.text,
            "fra": self.start.isoformat() if self.start else None,
            "til": self.end.isoformat() if self.end else None,
        }


def make_timing(text: object = "", start: object = None, end: object = None, *,
                field: str = "tid") -> Timing:
    first = parse_date(start, field=field)
    last = parse_date(end, field=field)
    if first is not None and last is not None and last < first:
        raise InvalidInput(t("plan.tid_baklengs", felt=t(f"plan.felt_{field}")), field=field)
    return Timing(clean_line(text, field=field), first, last)


def timing_from_json(data: object, *, field: str = "tid") -> Timing:
    if data is None:
        return Timing()
    if isinstance(data, str):
        return make_timing(data, field=field)
    if not isinstance(data, dict):
        raise InvalidInput(t("plan.tid_ikke_objekt", felt=t(f"plan.felt_{field}")), field=field)
    return make_timing(data.get("tekst", ""), data.get("fra"), data.get("til"), field=field)
