"""Themes and their rows: the seven elements of the KLAR learning system.

Each theme (tema) has rows, one per learning outcome as in the Røyken plan's tables, and each
row names the outcome (læringsutbytte), the arena (kunnskapsarena), the pedagogical method
(pedagogisk virkemiddel), the participants (deltakere) and when it happens (tidspunkt for
gjennomføring). The theme holds when it is evaluated (tidspunkt for evaluering), who answers for
it, and where the proposal came from: the guide asks that employees' proposals weigh most, that
central steering signals are taken into account and that user councils and partners may propose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.plan.period import Timing, timing_from_json
from myndig.model.plan.text import LONG_TEXT, clean_line, clean_text

MAX_THEMES = 30
MAX_ROWS = 40


class Origin(Enum):
    EMPLOYEES = "ansatte"
    LEADER = "leder"
    STEERING_SIGNALS = "sentrale_styringssignaler"
    USER_COUNCIL = "brukerutvalg"
    PARTNERS = "samarbeidspartnere"

    @property
    def label(self) -> str:
        return t(f"plan.opphav_{self.value}")


class Method(Enum):
    """Kinds of pedagogical method, so that the mix can be seen and varied.

    ``involving`` marks methods where employees take part in their own learning, which the KLAR
    guide's early findings suggest give more effect than lectures alone.
    """

    LECTURE = "forelesning"
    COURSE = "kurs"
    E_LEARNING = "e_laering"
    GUIDANCE = "veiledning"
    PEER_GUIDANCE = "kollegaveiledning"
    REFLECTION = "refleksjon"
    PRACTICE = "praksis"
    SKILLS_TRAINING = "ferdighetstrening"
    OTHER = "annet"

    @property
    def label(self) -> str:
        return t(f"plan.metode_{self.value}")

    @property
    def involving(self) -> bool:
        return self in _INVOLVING


_INVOLVING = frozenset({Method.GUIDANCE, Method.PEER_GUIDANCE, Method.REFLECTION, Method.PRACTICE,
                        Method.SKILLS_TRAINING})


class Answer(Enum):
    YES = "ja"
    PARTLY = "delvis"
    NO = "nei"

    @property
    def label(self) -> str:
        return t(f"plan.svar_{self.value}")


def _enum_value(kind: type[Enum], value: object, *, field: str, message: str) -> Any:
    if isinstance(value, kind):
        return value
    for member in kind:
        if value == member.value:
            return member
    choices = ", ".join(f"«{member.value}»" for member in kind)
    raise InvalidInput(t(message, verdi=value, valg=choices), field=field)


def parse_origin(value: object) -> Origin:
    return _enum_value(Origin, value, field="opphav", message="plan.ukjent_opphav")


def parse_method(value: object) -> Method | None:
    if value is None or value == "":
        return None
    return _enum_value(Method, value, field="metode", message="plan.ukjent_metode")


def parse_answer(value: object) -> Answer | None:
    if value is None or value == "":
        return None
    return _enum_value(Answer, value, field="svar", message="plan.ukjent_svar")


@dataclass(frozen=True)
class PlanRow:
    outcome: str = ""
    arena: str = ""
    method: Method | None = None
    method_detail: str = ""
    participants: str = ""
    timing: Timing = field(default_factory=Timing)
    responsible: str = ""
    note: str = ""

    @property
    def method_shown(self) -> str:
        """The method as the plan's table shows it: the words used, or the kind's name."""
        if self.method_detail:
            return self.method_detail
        return self.method.label if self.method else ""

    def to_json(self) -> dict[str, Any]:
        return {
            "utbytte": self.outcome,
            "arena": self.arena,
            "metode": self.method.value if self.method else None,
            "virkemiddel": self.method_detail,
            "deltakere": self.participants,
            "gjennomforing": self.timing.to_json(),
            "ansvarlig": self.responsible,
            "merknad": self.note,
        }


def make_row(outcome: object = "", arena: object = "", method: object = None,
             method_detail: object = "", participants: object = "",
             timing: Timing | None = None, responsible: object = "", note: object = "") -> PlanRow:
    """A row from raw input; an incomplete row is allowed (validation says what is missing)."""
    row = PlanRow(
        outcome=clean_text(outcome, field="utbytte", limit=LONG_TEXT),
        arena=clean_line(arena, field="arena"),
        method=parse_method(method),
        method_detail=clean_line(method_detail, field="virkemiddel"),
        participants=clean_line(participants, field="deltakere"),
        timing=timing if timing is not None else Timing(),
        responsible=clean_line(responsible, field="ansvarlig"),
        note=clean_text(note, field="merknad"),
    )
    if not any((row.outcome, row.arena, row.method, row.method_detail, row.participants,
                not row.timing.is_empty)):
        raise InvalidInput(t("plan.tom_rad"), field="utbytte")
    return row


def row_from_json(data: object) -> PlanRow:
    if not isinstance(data, dict):
        raise InvalidInput(t("plan.ikke_objekt"))
    return make_row(data.get("utbytte", ""), data.get("arena", ""), data.get("metode"),
                    data.get("virkemiddel", ""), data.get("deltakere", ""),
                    timing_from_json(data.get("gjennomforing"), field="gjennomforing"),
                    data.get("ansvarlig", ""), data.get("merknad", ""))


@dataclass(frozen=True)
class ThemeReview:
    """The evaluation of a theme at the end of the period: done? useful? what to change?"""

    done: Answer | None = None
    useful: Answer | None = None
    changes: str = ""
    carry_forward: bool = False

    @property
    def is_empty(self) -> bool:
        return self.done is None and self.useful is None and not self.changes

    def to_json(self) -> dict[str, Any]:
        return {
            "gjennomfort": self.done.value if self.done else None,
            "nyttig": self.useful.value if self.useful else None,
            "endringer": self.changes,
            "videreforing": self.carry_forward,
        }


def make_review(done: object = None, useful: object = None, changes: object = "",
                carry_forward: object = False) -> ThemeReview:
    if not isinstance(carry_forward, bool):
        raise InvalidInput(t("plan.ikke_ja_nei", felt=t("plan.felt_videreforing")),
                           field="videreforing")
    return ThemeReview(parse_answer(done), parse_answer(useful),
                       clean_text(changes, field="endringer"), carry_forward)


def review_from_json(data: object) -> ThemeReview:
    if data is None:
        return ThemeReview()
    if not isinstance(data, dict):
        raise InvalidInput(t("plan.ikke_objekt"))
    return make_review(data.get("gjennomfort"), data.get("nyttig"), data.get("endringer", ""),
                       data.get("videreforing", False))


@dataclass
class Theme:
    title: str
    origins: tuple[Origin, ...] = ()
    responsible: str = ""
    evaluation: Timing = field(default_factory=Timing)
    note: str = ""
    rows: list[PlanRow] = field(default_factory=list)
    review: ThemeReview = field(default_factory=ThemeReview)

    def add_row(self, row: PlanRow) -> PlanRow:
        if len(self.rows) >= MAX_ROWS:
            raise InvalidInput(t("plan.for_mange_rader", maks=MAX_ROWS))
        self.rows.append(row)
        return row

    def replace_row(self, index: int, row: PlanRow) -> PlanRow:
        self.rows[self._index(index)] = row
        return row

    def remove_row(self, index: int) -> PlanRow:
        return self.rows.pop(self._index(index))

    def _index(self, index: int) -> int:
        if not 0 <= index < len(self.rows):
            raise InvalidInput(t("plan.ingen_slik_rad"))
        return index

    def outcomes(self) -> list[str]:
        """The distinct outcomes in row order (one outcome may span several rows)."""
        seen: list[str] = []
        for row in self.rows:
            if row.outcome and row.outcome not in seen:
                seen.append(row.outcome)
        return seen

    def to_json(self) -> dict[str, Any]:
        return {
            "tittel": self.title,
            "opphav": [origin.value for origin in self.origins],
            "ansvarlig": self.responsible,
            "evaluering": self.evaluation.to_json(),
            "merknad": self.note,
            "rader": [row.to_json() for row in self.rows],
            "vurdering": self.review.to_json(),
        }


def make_theme(title: object, origins: object = (), responsible: object = "",
               evaluation: Timing | None = None, note: object = "") -> Theme:
    """A theme's own fields from raw input; rows are added afterwards."""
    cleaned = clean_line(title, field="tema")
    if not cleaned:
        raise InvalidInput(t("plan.tema_mangler_tittel"), field="tema")
    if isinstance(origins, str) or not isinstance(origins, (list, tuple, set, frozenset)):
        raise InvalidInput(t("plan.ikke_liste", felt=t("plan.felt_opphav")), field="opphav")
    parsed = tuple(dict.fromkeys(parse_origin(origin) for origin in origins))
    parsed = tuple(origin for origin in Origin if origin in parsed)
    return Theme(cleaned, parsed, clean_line(responsible, field="ansvarlig"),
                 evaluation if evaluation is not None else Timing(),
                 clean_text(note, field="merknad"))


def theme_from_json(data: object) -> Theme:
    if not isinstance(data, dict):
        raise InvalidInput(t("plan.ikke_objekt"))
    theme = make_theme(data.get("tittel"), data.get("opphav", []), data.get("ansvarlig", ""),
                       timing_from_json(data.get("evaluering"), field="evaluering"),
                       data.get("merknad", ""))
    rows = data.get("rader", [])
    if not isinstance(rows, list):
        raise InvalidInput(t("plan.ikke_liste", felt=t("plan.felt_rader")), field="rader")
    for number, item in enumerate(rows, start=1):
        try:
            theme.add_row(row_from_json(item))
        except InvalidInput as error:
            raise InvalidInput(t("plan.feil_i_rad", rad=number, feil=error), field=error.field) \
                from error
    theme.review = review_from_json(data.get("vurdering"))
    return theme
