"""The register of arenas: where knowledge is shared in and around the office.

The KLAR guide found that in the trial offices it was random which meetings were used for
learning, which made it hard for employees to know what to expect. Mapping the arenas first, and
then placing every planned activity on one of them, is the remedy; so the plan checks that each
arena it uses is in the register.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.plan.text import clean_line, clean_text, same_name

MAX_ARENAS = 80
MAX_ALIASES = 6


class ArenaKind(Enum):
    INTERNAL = "intern"
    EXTERNAL = "ekstern"
    DIGITAL = "digital"

    @property
    def label(self) -> str:
        return t(f"plan.arenatype_{self.value}")


def parse_kind(value: object) -> ArenaKind:
    if isinstance(value, ArenaKind):
        return value
    for kind in ArenaKind:
        if value == kind.value:
            return kind
    choices = ", ".join(f"«{kind.value}»" for kind in ArenaKind)
    raise InvalidInput(t("plan.ukjent_arenatype", verdi=value, valg=choices), field="arenatype")


@dataclass(frozen=True)
class Arena:
    name: str
    kind: ArenaKind = ArenaKind.INTERNAL
    frequency: str = ""
    participants: str = ""
    responsible: str = ""
    description: str = ""
    aliases: tuple[str, ...] = ()

    def answers_to(self, name: str) -> bool:
        return same_name(self.name, name) or any(same_name(alias, name) for alias in self.aliases)

    def to_json(self) -> dict[str, Any]:
        return {
            "navn": self.name,
            "type": self.kind.value,
            "hyppighet": self.frequency,
            "deltakere": self.participants,
            "ansvarlig": self.responsible,
            "beskrivelse": self.description,
            "andre_navn": list(self.aliases),
        }


def make_arena(name: object, kind: object = ArenaKind.INTERNAL, frequency: object = "",
               participants: object = "", responsible: object = "", description: object = "",
               aliases: object = ()) -> Arena:
    cleaned = clean_line(name, field="arena")
    if not cleaned:
        raise InvalidInput(t("plan.arena_mangler_navn"), field="arena")
    if isinstance(aliases, str) or not isinstance(aliases, (list, tuple)):
        raise InvalidInput(t("plan.andre_navn_ikke_liste"), field="andre_navn")
    if len(aliases) > MAX_ALIASES:
        raise InvalidInput(t("plan.for_mange_andre_navn", maks=MAX_ALIASES), field="andre_navn")
    other_names = tuple(alias for alias in (clean_line(a, field="arena") for a in aliases) if alias)
    return Arena(
        name=cleaned,
        kind=parse_kind(kind),
        frequency=clean_line(frequency, field="hyppighet"),
        participants=clean_line(participants, field="deltakere"),
        responsible=clean_line(responsible, field="ansvarlig"),
        description=clean_text(description, field="beskrivelse"),
        aliases=other_names,
    )


def arena_from_json(data: object) -> Arena:
    if not isinstance(data, dict):
        raise InvalidInput(t("plan.ikke_objekt"))
    return make_arena(data.get("navn"), data.get("type", ArenaKind.INTERNAL.value),
                      data.get("hyppighet", ""), data.get("deltakere", ""),
                      data.get("ansvarlig", ""), data.get("beskrivelse", ""),
                      data.get("andre_navn", []))


@dataclass
class ArenaRegister:
    arenas: list[Arena] = field(default_factory=list)

    def find(self, name: str) -> Arena | None:
        return next((arena for arena in self.arenas if arena.answers_to(name)), None)

    def names(self) -> list[str]:
        return [arena.name for arena in self.arenas]

    def _check_free(self, arena: Arena, *, ignore: int | None = None) -> None:
        for index, other in enumerate(self.arenas):
            if index == ignore:
                continue
            names = (arena.name, *arena.aliases)
            if any(other.answers_to(name) for name in names):
                raise InvalidInput(t("plan.arena_finnes", navn=other.name), field="arena")

    def add(self, arena: Arena) -> Arena:
        if len(self.arenas) >= MAX_ARENAS:
            raise InvalidInput(t("plan.for_mange_arenaer", maks=MAX_ARENAS))
        self._check_free(arena)
        self.arenas.append(arena)
        return arena

    def replace(self, index: int, arena: Arena) -> Arena:
        self._index(index)
        self._check_free(arena, ignore=index)
        self.arenas[index] = arena
        return arena

    def remove(self, index: int) -> Arena:
        return self.arenas.pop(self._index(index))

    def _index(self, index: int) -> int:
        if not 0 <= index < len(self.arenas):
            raise InvalidInput(t("plan.ingen_slik_arena"))
        return index

    def count_by_kind(self) -> dict[ArenaKind, int]:
        counts = dict.fromkeys(ArenaKind, 0)
        for arena in self.arenas:
            counts[arena.kind] += 1
        return counts
