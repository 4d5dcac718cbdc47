"""Sveiby's nine knowledge transfers: mapping what already flows before planning what should.

Karl-Erik Sveiby (2005) describes nine basic transfers of knowledge between three structures:
individual competence, the internal structure (routines, systems, the office's shared ways) and
the external structure (users, employers, partners). The KLAR guide (Haug et al., 2017) uses them
to map the knowledge flow in a NAV office, row by row (activity, arena, responsibility), as the
first step of the work process. The numbering and wording follow the guide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.plan.text import clean_line, join_words


class Structure(Enum):
    INDIVIDUAL = "individuell_kompetanse"
    INTERNAL = "intern_struktur"
    EXTERNAL = "ekstern_struktur"

    @property
    def label(self) -> str:
        return t(f"plan.struktur_{self.value}")


@dataclass(frozen=True)
class Transfer:
    number: int
    source: Structure
    target: Structure

    @property
    def label(self) -> str:
        return t(f"plan.overforing_{self.number}")

    @property
    def numbered_label(self) -> str:
        """The label with Sveiby's number, as lists of the nine transfers show it."""
        return f"{self.number}. {self.label}"

    @property
    def explanation(self) -> str:
        return t(f"plan.overforing_{self.number}_forklaring")


_I, _IS, _ES = Structure.INDIVIDUAL, Structure.INTERNAL, Structure.EXTERNAL
TRANSFERS: tuple[Transfer, ...] = (
    Transfer(1, _I, _I),
    Transfer(2, _I, _ES),
    Transfer(3, _ES, _I),
    Transfer(4, _I, _IS),
    Transfer(5, _IS, _I),
    Transfer(6, _ES, _ES),
    Transfer(7, _ES, _IS),
    Transfer(8, _IS, _ES),
    Transfer(9, _IS, _IS),
)
MAX_FLOW_ROWS = 400


class Extent(Enum):
    """How much of a transfer an activity carries, the weight of its arrow in the picture."""

    SELDOM = 1
    REGULAR = 2
    OFTEN = 3

    @property
    def label(self) -> str:
        return t(f"plan.omfang_{self.value}")


def transfer(number: object) -> Transfer:
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 9:
        raise InvalidInput(t("plan.ukjent_overforing", verdi=number), field="overforing")
    return TRANSFERS[number - 1]


def parse_extent(value: object) -> Extent:
    if isinstance(value, Extent):
        return value
    for extent in Extent:
        if value == extent.value and not isinstance(value, bool):
            return extent
    raise InvalidInput(t("plan.ukjent_omfang", verdi=value), field="omfang")


@dataclass(frozen=True)
class FlowRow:
    transfer: Transfer
    activity: str
    arena: str = ""
    responsible: str = ""
    extent: Extent = Extent.REGULAR

    def to_json(self) -> dict[str, Any]:
        return {"overforing": self.transfer.number, "aktivitet": self.activity,
                "arena": self.arena, "ansvar": self.responsible, "omfang": self.extent.value}


def make_flow_row(number: object, activity: object, arena: object = "", responsible: object = "",
                  extent: object = Extent.REGULAR) -> FlowRow:
    cleaned = clean_line(activity, field="aktivitet")
    if not cleaned:
        raise InvalidInput(t("plan.flyt_mangler_aktivitet"), field="aktivitet")
    return FlowRow(transfer(number), cleaned, clean_line(arena, field="arena"),
                   clean_line(responsible, field="ansvarlig"), parse_extent(extent))


def flow_row_from_json(data: object) -> FlowRow:
    if not isinstance(data, dict):
        raise InvalidInput(t("plan.ikke_objekt"))
    return make_flow_row(data.get("overforing"), data.get("aktivitet"), data.get("arena", ""),
                         data.get("ansvar", ""), data.get("omfang", Extent.REGULAR.value))


@dataclass
class KnowledgeFlow:
    rows: list[FlowRow] = field(default_factory=list)

    def add(self, row: FlowRow) -> FlowRow:
        if len(self.rows) >= MAX_FLOW_ROWS:
            raise InvalidInput(t("plan.for_mange_flytrader", maks=MAX_FLOW_ROWS))
        self.rows.append(row)
        return row

    def replace(self, index: int, row: FlowRow) -> FlowRow:
        self.rows[self._index(index)] = row
        return row

    def remove(self, index: int) -> FlowRow:
        return self.rows.pop(self._index(index))

    def _index(self, index: int) -> int:
        if not 0 <= index < len(self.rows):
            raise InvalidInput(t("plan.ingen_slik_flytrad"))
        return index

    def rows_for(self, number: int) -> list[FlowRow]:
        return [row for row in self.rows if row.transfer.number == number]

    def weights(self) -> dict[int, int]:
        """How much happens in each transfer: the summed extent of its activities."""
        totals = {item.number: 0 for item in TRANSFERS}
        for row in self.rows:
            totals[row.transfer.number] += row.extent.value
        return totals

    def empty_transfers(self) -> list[Transfer]:
        weights = self.weights()
        return [item for item in TRANSFERS if weights[item.number] == 0]

    def summary(self) -> str:
        """What the structures picture shows, in words."""
        if not self.rows:
            return t("plan.flyt_oppsummering_tom")
        weights = self.weights()
        strongest = max(TRANSFERS, key=lambda item: (weights[item.number], -item.number))
        parts = [t("plan.flyt_oppsummering", antall=len(self.rows),
                   sterkest=strongest.label.lower(), nummer=strongest.number)]
        empty = self.empty_transfers()
        if empty:
            parts.append(t("plan.flyt_tomme", numre=join_words([str(i.number) for i in empty])))
        touching_external = sum(weights[item.number] for item in TRANSFERS
                                if Structure.EXTERNAL in (item.source, item.target))
        total = sum(weights.values())
        parts.append(t("plan.flyt_ekstern_andel", prosent=round(100 * touching_external / total)))
        return " ".join(parts)
