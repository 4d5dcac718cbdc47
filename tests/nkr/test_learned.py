"""Tests of the learned part of the NKR analyser: features, training, the stored model."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from myndig.model.nkr import analyse_statement
from myndig.model.nkr.category import RELIABLE_RULE
from myndig.model.nkr.learned import (
    CATEGORIES,
    LEVELS,
    MODEL_FILE,
    RULE_PRIOR,
    features,
    fit,
    models,
    models_in_use,
    train,
    train_logistic,
)
from myndig.model.nkr.level import LEVEL_NUDGE, estimate_level
from myndig.model.nkr.rules import find_matches
from myndig.model.nkr.text import prepare

ROOT = Path(__file__).resolve().parents[2]
CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
MODEL_REASON = "statistiske modellen"


def rows(name: str) -> list[dict]:
    with (CORPUS_DIR / name).open(encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def test_head_words_count_twice_and_subject_is_left_out():
    """Are the verb-phrase words counted as head features, without the subject or modal?"""
    found = features(prepare("Kandidaten kan drøfte etiske dilemmaer"))
    assert found.count("h:drøfte") == 2
    assert "w:dilemmaer" in found
    assert not any("kandidaten" in feature or feature == "h:kan" for feature in found)


def test_modal_opening_is_a_feature_of_its_own():
    """Does one feature say whether the outcome opened with a modal, and which?"""
    assert "m:kan" in features(prepare("Kandidaten kan drøfte etiske dilemmaer"))
    assert "m:skal kunne" in features(prepare("Studenten skal kunne forklare teori"))
    assert "m:-" in features(prepare("standard kontoplan"))


def test_outcome_with_an_unknown_verb_is_judged_by_the_model():
    """Is an outcome whose verb the model never saw, but whose other words it knows, categorised?"""
    analysis = analyse_statement("kan xyzzifisere faglige problemstillinger i praksis")
    assert analysis.category is not None
    assert MODEL_REASON in analysis.reasons[0]


def test_probabilities_sum_to_one_and_follow_the_training():
    """Does a trained model give probabilities that sum to 1 and favour the taught class?"""
    examples = [(["h:forklare", "w:teori"], "kunnskap"), (["h:utføre", "w:måling"], "ferdigheter"),
                (["h:formidle", "w:resultater"], "generell_kompetanse")]
    model = train(examples, CATEGORIES)
    probabilities = model.probabilities(["h:utføre"])
    assert sum(probabilities.values()) == pytest.approx(1.0)
    assert max(probabilities, key=probabilities.get) == "ferdigheter"
    calibrated = model.probabilities(["h:utføre", "w:måling"], calibrated=True)
    raw = model.probabilities(["h:utføre", "w:måling"])
    assert calibrated["ferdigheter"] < raw["ferdigheter"]


def test_logistic_model_learns_the_taught_classes():
    """Does the category model give probabilities that sum to 1 and favour the taught class?"""
    examples = [(["h:forklare", "w:teori"], "kunnskap"), (["h:utføre", "w:måling"], "ferdigheter"),
                (["h:formidle", "w:resultater"], "generell_kompetanse")] * 3
    model = train_logistic(examples, CATEGORIES)
    for found, taught in examples[:3]:
        probabilities = model.probabilities(found)
        assert sum(probabilities.values()) == pytest.approx(1.0)
        assert max(probabilities, key=probabilities.get) == taught


def test_logistic_model_counts_a_feature_once_and_skips_unknown_ones():
    """Is a repeated feature counted once, and does an unseen one leave the scores as they were?"""
    model = train_logistic([(["h:forklare"], "kunnskap"), (["h:utføre"], "ferdigheter")],
                           CATEGORIES)
    assert model.scores(["h:forklare", "h:forklare"]) == model.scores(["h:forklare"])
    assert model.scores(["h:forklare", "h:aldri-sett"]) == model.scores(["h:forklare"])
    assert not model.knows("h:aldri-sett")
    assert model.probabilities([]) == pytest.approx(dict.fromkeys(CATEGORIES, 1 / 3))


def test_training_is_deterministic():
    """Does training on the same rows give the same model, byte for byte?"""
    sample = rows("nkr_utbytter.csv")[:30]
    assert fit(sample).to_json() == fit(list(sample)).to_json()


def test_stored_model_is_trained_without_the_test_half():
    """Was the stored model trained on NKR, dev, training and used proeve rows, never a test row?"""
    dev = [row for row in rows("studieplaner.csv") if row["split"] == "dev"]
    expected = (len(rows("nkr_utbytter.csv")) + len(dev) + len(rows("trening.csv"))
                + sum(len(rows(f"proeve{number}.csv")) for number in ("", "2", "3", "4", "5")))
    assert models().trained_on == expected
    stored = json.loads((ROOT / "widgets" / "myndig" / "data" / MODEL_FILE).read_text("utf-8"))
    assert stored["category"]["classes"] == list(CATEGORIES)


def test_stored_model_matches_a_fresh_build():
    """Does benchmarks/train_nkr.py rebuild exactly the stored model?"""
    result = subprocess.run([sys.executable, "benchmarks/train_nkr.py", "--check"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_standing_in_model_is_used_and_then_put_back():
    """Does models_in_use swap the model for the analysis and restore the stored one after?"""
    stored = models()
    only_skills = fit([{"tekst": "kan skrive rapporter", "kategori": "ferdigheter"},
                       {"tekst": "kan lage budsjett", "kategori": "ferdigheter"},
                       {"tekst": "kjenner til lovverket", "kategori": "kunnskap"},
                       {"tekst": "kan samarbeide i team", "kategori": "generell_kompetanse"}])
    with models_in_use(only_skills) as model:
        assert models() is model
    assert models() is stored


def test_model_decision_is_explained_with_its_confidence():
    """When no strong cue decides, does the reason say the model decided, and how sure it is?"""
    analysis = analyse_statement("kan drøfte sentrale teoriar og modellar for utvikling av leiarar")
    assert analysis.category is not None
    assert MODEL_REASON in analysis.reasons[0]
    assert f"{round(analysis.confidence * 100)} %" in analysis.reasons[0]
    assert 0 < analysis.confidence <= 1


def test_strong_cue_decides_without_the_model():
    """Does an NKR set phrase at the head decide by itself, with the cue as the reason?"""
    analysis = analyse_statement("Kandidaten har bred kunnskap om menneskekroppens anatomi")
    assert analysis.category is not None
    assert analysis.category.value == "kunnskap"
    assert MODEL_REASON not in " ".join(analysis.reasons)
    assert "«har bred kunnskap" in analysis.reasons[0]


def test_level_model_is_learned_only_from_rows_at_level_6_or_7():
    """Is a 6-against-7 model trained from rows with those levels, and none without them?"""
    with_levels = fit([{"tekst": "har bred kunnskap om barns lek", "kategori": "kunnskap",
                        "nivaa": "6"},
                       {"tekst": "har inngående kunnskap om teori", "kategori": "kunnskap",
                        "nivaa": "7"},
                       {"tekst": "kan føre regnskap", "kategori": "ferdigheter", "nivaa": "5"}])
    assert with_levels.level is not None
    assert with_levels.level.classes == LEVELS
    without = fit([{"tekst": "kan føre regnskap", "kategori": "ferdigheter", "nivaa": ""}])
    assert without.level is None
    stored = json.loads((ROOT / "widgets" / "myndig" / "data" / MODEL_FILE).read_text("utf-8"))
    assert stored["level"]["classes"] == list(LEVELS)


def test_level_model_only_nudges_the_cues_estimate():
    """Does the 6-against-7 model move the cues' estimate its way, by under half a level?"""
    text = "kan drøfte og analysere organisasjonsteori i praksis"
    rows_ = [{"tekst": "kan drøfte organisasjonsteori", "kategori": "ferdigheter", "nivaa": "7"},
             {"tekst": "kan analysere organisasjonsteori i praksis", "kategori": "ferdigheter",
              "nivaa": "7"},
             {"tekst": "kan skrive et brev", "kategori": "ferdigheter", "nivaa": "6"}]
    plain = fit([{**row, "nivaa": ""} for row in rows_])
    with models_in_use(plain):
        cues_only = estimate_level(prepare(text)).value
    with models_in_use(fit(rows_)):
        nudged = estimate_level(prepare(text)).value
    assert cues_only < nudged < cues_only + LEVEL_NUDGE


def test_first_word_without_a_modal_says_verb_or_noun_phrase():
    """Does a list item without a modal get a feature saying whether it opens with a verb?"""
    assert "v:noun" in features(prepare("programvare for budsjett og regnskap"))
    assert "v:verb" in features(prepare("analysere markeder og konkurranse"))
    assert "v:verb" in features(prepare("respekterer små barns integritet"))
    assert not any(feature.startswith("v:")
                   for feature in features(prepare("Studenten kan analysere markeder")))


LEAD_ROWS = [{"tekst": f"kan lede {what}", "kategori": "ferdigheter"} for what in (
    "pedagogiske prosesser i barnehagen", "forbedringsprosjekter i skolen",
    "implementeringsprosesser i fellesskap", "pedagogisk arbeid med barn",
    "samtaler med foreldre", "møter i arbeidslaget")]


def test_rule_record_counts_how_often_a_deciding_cue_agreed():
    """Does training record a low reliability for a cue the plans keep contradicting?"""
    trained = fit([*LEAD_ROWS, {"tekst": "har bred kunnskap om barns lek", "kategori": "kunnskap"}])
    lead_cue = find_matches("lede pedagogiske prosesser")[0].cue
    assert lead_cue.key in trained.rules
    assert trained.rule_reliability(lead_cue) < RELIABLE_RULE
    broad_cue = find_matches("har bred kunnskap om barns lek")[0].cue
    assert trained.rule_reliability(broad_cue) >= RELIABLE_RULE
    untried = fit([{"tekst": "har bred kunnskap om barns lek", "kategori": "kunnskap"}])
    assert lead_cue.key not in untried.rules
    assert untried.rule_reliability(lead_cue) == RULE_PRIOR


def test_nkr_wording_is_trusted_however_plans_file_it():
    """Is NKR's own "kan formidle" still generell kompetanse when training plans say otherwise?"""
    contradicting = [{"tekst": f"kan formidle {what}", "kategori": "ferdigheter"} for what in (
        "fagstoff skriftlig", "resultater muntlig", "egne vurderinger", "faglige analyser",
        "forskning til praksisfeltet", "kunnskap om barns lek")]
    trained = fit(contradicting)
    formidle_cue = find_matches("formidle fagstoff")[0].cue
    assert formidle_cue.from_nkr
    assert formidle_cue.key not in trained.rules
    assert trained.rule_reliability(formidle_cue) == 1.0
    with models_in_use(trained):
        analysis = analyse_statement("kan formidle fagstoff skriftlig")
    assert analysis.category is not None
    assert analysis.category.value == "generell_kompetanse"


def test_a_contradicted_cue_no_longer_decides_alone():
    """Does the model decide an outcome whose strong cue the training plans contradicted?"""
    statement = "kan lede pedagogiske prosesser i barnehagen"
    others = [{"tekst": "kan formidle faglige resultater til kolleger",
               "kategori": "generell_kompetanse"},
              {"tekst": "kan utveksle synspunkter med andre", "kategori": "generell_kompetanse"},
              {"tekst": "kjenner til barnehagens historie", "kategori": "kunnskap"}]
    with models_in_use(fit(LEAD_ROWS + others)):
        contradicted = analyse_statement(statement)
    assert MODEL_REASON in contradicted.reasons[0]
    assert contradicted.category is not None
    assert contradicted.category.value == "ferdigheter"
    agreeing = [{**row, "kategori": "generell_kompetanse"} for row in LEAD_ROWS]
    with models_in_use(fit(agreeing + others)):
        ruled = analyse_statement(statement)
    assert MODEL_REASON not in " ".join(ruled.reasons)
    assert ruled.category is not None
    assert ruled.category.value == "generell_kompetanse"


def test_stored_model_keeps_its_rule_record():
    """Does the stored model carry the rule record, so a fresh process judges cues alike?"""
    stored = json.loads((ROOT / "widgets" / "myndig" / "data" / MODEL_FILE).read_text("utf-8"))
    assert stored["rules"]
    assert models().rules == stored["rules"]
