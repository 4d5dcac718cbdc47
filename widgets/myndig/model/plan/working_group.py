"""The working group that prepares the plan.

The KLAR guide advises the office leader to appoint a group of at least three and at most five
members, led by whoever is responsible for competence development, with one member leading the
work and another writing minutes, and to give the group a clear mandate and a time frame. In
Røyken it helped that the members came from different professions and teams.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.plan.period import Timing, timing_from_json
from myndig.model.plan.text import clean_line, clean_text, same_name

MIN_MEMBERS = 3
MAX_MEMBERS = 5
# A group larger than this is not a working group but a meeting; more is refused outright.
HARD_MEMBER_LIMIT = 12


@dataclass(frozen=True)
class Member:
    name: str
    role: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"navn": self.name, "rolle": self.role}


def make_member(name: object, role: object = "") -> Member:
    cleaned = clean_line(name, field="medlem")
    if not cleaned:
        raise InvalidInput(t("plan.medlem_mangler_navn"), field="medlem")
    return Member(cleaned, clean_line(role, field="rolle"))


@dataclass
class WorkingGroup:
    members: list[Member] = field(default_factory=list)
    leader: str = ""
    minute_taker: str = ""
    mandate: str = ""
    time_frame: Timing = field(default_factory=Timing)

    def add(self, member: Member) -> Member:
        if len(self.members) >= HARD_MEMBER_LIMIT:
            raise InvalidInput(t("plan.for_mange_medlemmer", maks=MAX_MEMBERS))
        if any(same_name(other.name, member.name) for other in self.members):
            raise InvalidInput(t("plan.medlem_finnes", navn=member.name), field="medlem")
        self.members.append(member)
        return member

    def remove(self, index: int) -> Member:
        if not 0 <= index < len(self.members):
            raise InvalidInput(t("plan.ingen_slikt_medlem"))
        return self.members.pop(index)

    def is_member(self, name: str) -> bool:
        return any(same_name(member.name, name) for member in self.members)

    def set_details(self, *, leader: object = "", minute_taker: object = "", mandate: object = "",
                    time_frame: Timing | None = None) -> None:
        self.leader = clean_line(leader, field="gruppeleder")
        self.minute_taker = clean_line(minute_taker, field="referent")
        self.mandate = clean_text(mandate, field="mandat")
        self.time_frame = time_frame if time_frame is not None else Timing()

    @property
    def is_empty(self) -> bool:
        return not (self.members or self.leader or self.mandate or not self.time_frame.is_empty)

    def to_json(self) -> dict[str, Any]:
        return {
            "medlemmer": [member.to_json() for member in self.members],
            "leder": self.leader,
            "referent": self.minute_taker,
            "mandat": self.mandate,
            "tidsramme": self.time_frame.to_json(),
        }


def working_group_from_json(data: object) -> WorkingGroup:
    if data is None:
        return WorkingGroup()
    if not isinstance(data, dict):
        raise InvalidInput(t("plan.ikke_objekt"))
    members = data.get("medlemmer", [])
    if not isinstance(members, list):
        raise InvalidInput(t("plan.ikke_liste", felt=t("plan.felt_medlem")))
    group = WorkingGroup()
    for item in members:
        if not isinstance(item, dict):
            raise InvalidInput(t("plan.ikke_objekt"))
        group.add(make_member(item.get("navn"), item.get("rolle", "")))
    group.set_details(leader=data.get("leder", ""), minute_taker=data.get("referent", ""),
                      mandate=data.get("mandat", ""),
                      time_frame=timing_from_json(data.get("tidsramme"), field="tidsramme"))
    return group
