"""The built-in example: NAV Røyken's plan for spring 2015, as the KLAR guide prints it."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
from myndig.model.plan import Method, Rule, json_schema, plan_to_json, royken_2015, validate


def test_royken_loads_with_its_three_themes():
    """Does the example hold Røyken's three themes for spring 2015, in the plan's order?"""
    plan = royken_2015()
    assert plan.office == "NAV Røyken"
    assert plan.period.name == "Våren 2015"
    assert [theme.title for theme in plan.themes] == [
        "Supported employment (SE)", "Arbeidsmarkedskompetanse", "Nasjonal kvalitetsstrategi"]


def test_royken_rows_match_the_source():
    """Are characteristic rows of the source plan there with their arena, method and time?"""
    plan = royken_2015()
    se = plan.themes[0]
    assert se.rows[0].outcome == "Ansatte i NAV-kontoret skal kjenne hovedtrekkene i SE"
    assert se.rows[0].arena == "Personalseminar"
    assert se.rows[0].timing.shown() == "22. og 23. april"
    market = plan.themes[1]
    assert market.rows[1].method is Method.E_LEARNING
    assert market.rows[1].timing.shown() == "Innen 1. mai"
    quality = plan.themes[2]
    assert "seks kjennetegnene" in quality.rows[0].outcome
    assert quality.rows[0].timing.start.isoformat() == "2015-04-09"
    assert len(plan.register.arenas) == 20
    assert plan.register.find("Kontormøte").frequency == "Hver 14. dag"


def test_royken_file_names_its_source_and_matches_the_schema():
    """Does the data file cite the KLAR guide and validate against the schema?"""
    text = (resources.files("myndig") / "data" / "royken_2015.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert "KLAR" in data["kilde"]
    assert "Høgskolen i Østfold" in data["kilde"]
    jsonschema.Draft202012Validator(json_schema(),
                                    format_checker=jsonschema.FormatChecker()).validate(data)
    assert plan_to_json(royken_2015()) == data


def test_royken_check_shows_what_the_first_trial_lacked():
    """Does checking Røyken's plan show the gaps of the original: no evaluation time, no owner?"""
    problems = validate(royken_2015())
    missing = [p for p in problems if p.rule is Rule.MISSING_ELEMENT]
    assert len(missing) == 3
    assert all("tid for evaluering" in p.message for p in missing)
    unknown = {p.message.split("«")[2].split("»")[0] for p in problems
               if p.rule is Rule.UNKNOWN_ARENA}
    assert "Brukermøtet" in unknown
    assert Rule.NO_VARIATION not in {p.rule for p in problems}
