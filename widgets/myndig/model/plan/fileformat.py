"""The plan's file format: versioned JSON, described by a JSON Schema, saved atomically.

A file names its format and version, so a file from another tool or another version of the kit
is recognised and explained instead of half read. Reading never changes the file; the widgets
set a file they cannot read aside under a new name before they save anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from myndig.answers import Loaded, load_or_set_aside, read_json, save_json_atomic
from myndig.i18n import t
from myndig.model.errors import InvalidFile, InvalidInput
from myndig.model.plan.arenas import ArenaKind, arena_from_json
from myndig.model.plan.knowledge_flow import flow_row_from_json
from myndig.model.plan.period import make_period
from myndig.model.plan.plan import LearningPlan
from myndig.model.plan.text import clean_text
from myndig.model.plan.themes import Answer, Method, Origin, theme_from_json
from myndig.model.plan.working_group import working_group_from_json

FORMAT = "myndig.plan_for_laering"
FORMAT_VERSION = 1


def plan_to_json(plan: LearningPlan) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "versjon": FORMAT_VERSION,
        "kontor": plan.office,
        "leder": plan.leader,
        "periode": plan.period.to_json(),
        "innledning": plan.introduction,
        "kilde": plan.source,
        "arbeidsgruppe": plan.working_group.to_json(),
        "arenaer": [arena.to_json() for arena in plan.register.arenas],
        "kunnskapsflyt": [row.to_json() for row in plan.flow.rows],
        "temaer": [theme.to_json() for theme in plan.themes],
    }


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise InvalidFile(t("plan.fil_ikke_liste", felt=key))
    return value


def _in_context(where: str, action: Any) -> Any:
    try:
        return action()
    except InvalidInput as error:
        raise InvalidFile(t("plan.fil_feil_i", sted=where, feil=error)) from error


def plan_from_json(data: object) -> LearningPlan:
    """A plan from its JSON form, or ``InvalidFile`` saying in Norwegian what is wrong."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InvalidFile(t("plan.fil_feil_format"))
    version = data.get("versjon")
    if isinstance(version, bool) or not isinstance(version, int):
        raise InvalidFile(t("plan.fil_mangler_versjon"))
    if version > FORMAT_VERSION:
        raise InvalidFile(t("plan.fil_nyere_versjon", versjon=version, forventet=FORMAT_VERSION))
    if version < FORMAT_VERSION:
        raise InvalidFile(t("plan.fil_eldre_versjon", versjon=version, forventet=FORMAT_VERSION))
    period_data = data.get("periode")
    if not isinstance(period_data, dict):
        raise InvalidFile(t("plan.fil_mangler_periode"))
    period = _in_context(t("plan.felt_periode"), lambda: make_period(
        period_data.get("navn", ""), period_data.get("fra"), period_data.get("til")))
    plan = LearningPlan(office="", period=period)
    _in_context(t("plan.felt_kontor"), lambda: plan.set_header(
        office=data.get("kontor"), leader=data.get("leder", ""),
        introduction=data.get("innledning", "")))
    plan.source = _in_context(t("plan.felt_kilde"), lambda: _clean_source(data.get("kilde", "")))
    plan.working_group = _in_context(t("plan.felt_arbeidsgruppe"),
                                     lambda: working_group_from_json(data.get("arbeidsgruppe")))
    for number, item in enumerate(_list(data, "arenaer"), start=1):
        _in_context(t("plan.sted_arena", nummer=number),
                    lambda item=item: plan.register.add(arena_from_json(item)))
    for number, item in enumerate(_list(data, "kunnskapsflyt"), start=1):
        _in_context(t("plan.sted_flytrad", nummer=number),
                    lambda item=item: plan.flow.add(flow_row_from_json(item)))
    for number, item in enumerate(_list(data, "temaer"), start=1):
        _in_context(t("plan.sted_tema_nummer", nummer=number),
                    lambda item=item: plan.add_theme(theme_from_json(item)))
    return plan


def _clean_source(value: object) -> str:
    return clean_text(value, field="kilde", limit=4000)


def read_plan(path: str | Path) -> LearningPlan:
    """The plan in ``path``; ``InvalidFile`` (file left untouched) when it cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise InvalidFile(t("plan.fil_finnes_ikke", fil=path.name))
    return plan_from_json(read_json(path))


def load_plan_or_set_aside(path: str | Path) -> Loaded[LearningPlan]:
    """For widgets: an unreadable file is renamed aside so the next save cannot overwrite it."""
    return load_or_set_aside(Path(path), plan_from_json)


def save_plan(path: str | Path, plan: LearningPlan) -> None:
    save_json_atomic(Path(path), plan_to_json(plan))


def _timing_schema() -> dict[str, Any]:
    date_or_null = {"type": ["string", "null"], "format": "date"}
    return {"type": "object", "additionalProperties": False,
            "properties": {"tekst": {"type": "string", "maxLength": 200},
                           "fra": date_or_null, "til": date_or_null}}


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the current version of the file format."""
    text = {"type": "string", "maxLength": 200}
    long_text = {"type": "string", "maxLength": 1000}
    very_long_text = {"type": "string", "maxLength": 4000}
    timing = {"$ref": "#/$defs/tidspunkt"}
    answer = {"enum": [None, *[answer.value for answer in Answer]]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://myndig.example/skjema/plan-for-laering-1.json",
        "title": "Plan for læring (myndig, versjon 1)",
        "type": "object",
        "required": ["format", "versjon", "kontor", "periode"],
        "additionalProperties": False,
        "$defs": {"tidspunkt": _timing_schema()},
        "properties": {
            "format": {"const": FORMAT},
            "versjon": {"const": FORMAT_VERSION},
            "kontor": {"type": "string", "minLength": 1, "maxLength": 200},
            "leder": text,
            "innledning": very_long_text,
            "kilde": very_long_text,
            "periode": {"type": "object", "required": ["fra", "til"], "additionalProperties": False,
                        "properties": {"navn": text, "fra": {"type": "string", "format": "date"},
                                       "til": {"type": "string", "format": "date"}}},
            "arbeidsgruppe": {
                "type": "object", "additionalProperties": False,
                "properties": {
                    "medlemmer": {"type": "array", "maxItems": 12, "items": {
                        "type": "object", "required": ["navn"], "additionalProperties": False,
                        "properties": {"navn": text, "rolle": text}}},
                    "leder": text, "referent": text, "mandat": long_text, "tidsramme": timing}},
            "arenaer": {"type": "array", "maxItems": 80, "items": {
                "type": "object", "required": ["navn"], "additionalProperties": False,
                "properties": {"navn": text, "type": {"enum": [kind.value for kind in ArenaKind]},
                               "hyppighet": text, "deltakere": text, "ansvarlig": text,
                               "beskrivelse": long_text,
                               "andre_navn": {"type": "array", "maxItems": 6, "items": text}}}},
            "kunnskapsflyt": {"type": "array", "maxItems": 400, "items": {
                "type": "object", "required": ["overforing", "aktivitet"],
                "additionalProperties": False,
                "properties": {"overforing": {"type": "integer", "minimum": 1, "maximum": 9},
                               "aktivitet": text, "arena": text, "ansvar": text,
                               "omfang": {"enum": [1, 2, 3]}}}},
            "temaer": {"type": "array", "maxItems": 30, "items": {
                "type": "object", "required": ["tittel"], "additionalProperties": False,
                "properties": {
                    "tittel": text,
                    "opphav": {"type": "array", "uniqueItems": True,
                               "items": {"enum": [origin.value for origin in Origin]}},
                    "ansvarlig": text, "evaluering": timing, "merknad": long_text,
                    "rader": {"type": "array", "maxItems": 40, "items": {
                        "type": "object", "additionalProperties": False,
                        "properties": {
                            "utbytte": long_text, "arena": text,
                            "metode": {"enum": [None, *[method.value for method in Method]]},
                            "virkemiddel": text, "deltakere": text, "gjennomforing": timing,
                            "ansvarlig": text, "merknad": long_text}}},
                    "vurdering": {"type": "object", "additionalProperties": False, "properties": {
                        "gjennomfort": answer, "nyttig": answer, "endringer": long_text,
                        "videreforing": {"type": "boolean"}}}}}},
        },
    }
