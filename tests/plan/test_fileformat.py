"""The plan's JSON file: round trip, schema, versions, and files that are broken or hostile."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from myndig.model.errors import InvalidFile
from myndig.model.plan import (
    FORMAT_VERSION,
    json_schema,
    load_plan_or_set_aside,
    make_theme,
    plan_from_json,
    plan_to_json,
    read_plan,
    save_plan,
)
from myndig.model.plan.text import clean_line

VALIDATOR = jsonschema.Draft202012Validator(json_schema(),
                                           format_checker=jsonschema.FormatChecker())


def test_round_trip_through_a_file(plan, tmp_path):
    """Does a saved plan read back exactly as it was?"""
    target = tmp_path / "plan.json"
    save_plan(target, plan)
    assert plan_to_json(read_plan(target)) == plan_to_json(plan)


def test_saved_file_matches_the_schema(plan, tmp_path):
    """Does the saved file validate against the published JSON Schema?"""
    target = tmp_path / "plan.json"
    save_plan(target, plan)
    VALIDATOR.validate(json.loads(target.read_text(encoding="utf-8")))


def test_schema_is_itself_valid():
    """Is the schema a valid draft 2020-12 schema?"""
    jsonschema.Draft202012Validator.check_schema(json_schema())


def test_save_is_atomic_and_leaves_no_temporary_files(plan, tmp_path):
    """Does saving leave only the plan file, with no half-written sibling?"""
    target = tmp_path / "plan.json"
    save_plan(target, plan)
    save_plan(target, plan)
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_failed_save_keeps_the_old_file(plan, tmp_path, monkeypatch):
    """If writing fails half way, is the good file still there, unchanged?"""
    target = tmp_path / "plan.json"
    save_plan(target, plan)
    before = target.read_bytes()

    def broken_dumps(*args, **kwargs):
        raise OSError("disken er full")

    monkeypatch.setattr("myndig.answers.json.dumps", broken_dumps)
    with pytest.raises(OSError, match="disken er full"):
        save_plan(target, plan)
    assert target.read_bytes() == before


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_truncated_file_is_explained_and_left_alone(plan, tmp_path):
    """Is a file cut off half way explained, and left exactly as it was?"""
    text = json.dumps(plan_to_json(plan), ensure_ascii=False)
    target = _write(tmp_path / "plan.json", text[: len(text) // 2])
    before = target.read_bytes()
    with pytest.raises(InvalidFile, match="ikke gyldig JSON"):
        read_plan(target)
    assert target.read_bytes() == before


@pytest.mark.parametrize(("version", "words"), [(0, "eldre"), (FORMAT_VERSION + 1, "nyere"),
                                                ("1", "versjonsnummer"), (None, "versjonsnummer")])
def test_wrong_version_is_explained(plan, tmp_path, version, words):
    """Are older, newer and missing versions each explained in Norwegian?"""
    data = plan_to_json(plan)
    data["versjon"] = version
    target = _write(tmp_path / "plan.json", json.dumps(data))
    with pytest.raises(InvalidFile, match=words):
        read_plan(target)


def test_other_format_is_explained(tmp_path):
    """Is a JSON file of another kind recognised as not a plan?"""
    target = _write(tmp_path / "plan.json", json.dumps({"format": "myndig.laeringsmiks",
                                                        "versjon": 1}))
    with pytest.raises(InvalidFile, match="ikke en lagret plan"):
        read_plan(target)


@pytest.mark.parametrize(("path", "value", "words"), [
    (("temaer",), "ikke en liste", "liste"),
    (("temaer", 0, "tittel"), 12, "tema nr. 1"),
    (("temaer", 0, "rader", 0, "gjennomforing", "fra"), "i morgen", "rad 1"),
    (("temaer", 0, "rader", 0, "metode"), "tavle", "virkemiddel"),
    (("temaer", 0, "opphav"), "ansatte", "liste"),
    (("arenaer", 0, "type"), 3, "arena nr. 1"),
    (("kunnskapsflyt", 0, "overforing"), 12, "kunnskapsflyt, rad 1"),
    (("periode", "fra"), 20150101, "periode"),
    (("kontor",), None, "kontor"),
    (("arbeidsgruppe", "medlemmer"), {"navn": "Kari"}, "liste"),
])
def test_wrong_types_are_explained_with_their_place(plan, tmp_path, path, value, words):
    """Is a value of the wrong type refused with where it is in the file?"""
    data = plan_to_json(plan)
    holder = data
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = value
    target = _write(tmp_path / "plan.json", json.dumps(data))
    with pytest.raises(InvalidFile, match=words):
        read_plan(target)


def test_five_megabytes_of_junk_is_refused(tmp_path):
    """Is a file of more than 5 MB of junk refused without being read as a plan?"""
    target = tmp_path / "plan.json"
    target.write_bytes(b"\x8f\x00junk" * (5 * 1024 * 1024 // 6 + 10))
    with pytest.raises(InvalidFile, match="5 MB"):
        read_plan(target)


def test_binary_junk_under_the_limit_is_refused(tmp_path):
    """Is a small binary file explained as not text?"""
    target = tmp_path / "plan.json"
    target.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(InvalidFile, match="UTF-8"):
        read_plan(target)


def test_missing_file_is_explained(tmp_path):
    """Is a file that does not exist explained by name?"""
    with pytest.raises(InvalidFile, match=r"finnes-ikke\.json"):
        read_plan(tmp_path / "finnes-ikke.json")


def test_widget_loading_sets_a_broken_file_aside(tmp_path):
    """Is a broken answer file kept under a new name, so a later save cannot overwrite it?"""
    target = _write(tmp_path / "svar-plan.json", '{"format": "myndig.plan_for_laering", "vers')
    loaded = load_plan_or_set_aside(target)
    assert loaded.value is None
    assert loaded.kept_copy is not None
    assert loaded.kept_copy.read_text(encoding="utf-8").startswith('{"format"')
    assert not target.exists()
    assert "JSON" in loaded.problem


def test_loading_a_good_file_keeps_it(plan, tmp_path):
    """Is a good file loaded and left where it is?"""
    target = tmp_path / "svar-plan.json"
    save_plan(target, plan)
    loaded = load_plan_or_set_aside(target)
    assert loaded.value is not None
    assert target.exists()
    assert loaded.kept_copy is None


def test_older_version_file_is_set_aside_not_overwritten(plan, tmp_path):
    """Is a file of an older version moved aside (with its content) rather than lost?"""
    data = plan_to_json(plan)
    data["versjon"] = 0
    target = _write(tmp_path / "svar-plan.json", json.dumps(data))
    loaded = load_plan_or_set_aside(target)
    assert "eldre" in loaded.problem
    assert json.loads(loaded.kept_copy.read_text(encoding="utf-8"))["versjon"] == 0


def test_duplicate_theme_titles_in_file_are_refused(plan):
    """Is a file with the same theme twice refused?"""
    data = plan_to_json(plan)
    data["temaer"].append(data["temaer"][0])
    with pytest.raises(InvalidFile, match="finnes allerede"):
        plan_from_json(data)


# A title the model keeps something of: one of only control characters and spaces is refused
# as missing (test_model.py: test_a_theme_needs_a_title).
titles = st.text(min_size=1, max_size=60).filter(
    lambda text: clean_line(text, field="tema"))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=titles, note=st.text(max_size=200))
def test_any_text_round_trips(plan, title, note):
    """Does any text a person can type survive a JSON round trip (as the model cleaned it)?"""
    theme = make_theme(title, ["ansatte"], note=note)
    plan.themes = [theme]
    again = plan_from_json(json.loads(json.dumps(plan_to_json(plan))))
    assert plan_to_json(again) == plan_to_json(plan)
    VALIDATOR.validate(plan_to_json(plan))
