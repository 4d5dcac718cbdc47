"""Tests of the labelled corpora: every row is usable and has its source.

They check the data, not the analyser's accuracy (that is benchmarks/nkr.py).
"""

from __future__ import annotations

import csv
import hashlib
import re
from pathlib import Path

import pytest

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
DESCRIPTORS = CORPUS_DIR / "nkr_utbytter.csv"
STUDY_PLANS = CORPUS_DIR / "studieplaner.csv"
TRAINING = CORPUS_DIR / "trening.csv"
FRESH_PLANS = CORPUS_DIR / "proeve.csv"
# The fifth round's untouched file, run once (tests/nkr/corpus/README.md).
SECOND_FRESH_PLANS = CORPUS_DIR / "proeve2.csv"
# The sixth round's untouched file, with every row's stem noted (tests/nkr/corpus/README.md).
THIRD_FRESH_PLANS = CORPUS_DIR / "proeve3.csv"
# The sixth round's second untouched file, run once on the model the round ended with.
FOURTH_FRESH_PLANS = CORPUS_DIR / "proeve4.csv"
# The seventh round's untouched file, collected like the sixth round's.
FIFTH_FRESH_PLANS = CORPUS_DIR / "proeve5.csv"
CORPORA = (DESCRIPTORS, STUDY_PLANS, TRAINING, FRESH_PLANS, SECOND_FRESH_PLANS, THIRD_FRESH_PLANS,
           FOURTH_FRESH_PLANS, FIFTH_FRESH_PLANS)
FRESH_FILES = (FRESH_PLANS, SECOND_FRESH_PLANS, THIRD_FRESH_PLANS, FOURTH_FRESH_PLANS,
               FIFTH_FRESH_PLANS)
CATEGORIES = {"kunnskap", "ferdigheter", "generell_kompetanse"}
COLUMNS = ["id", "tekst", "kategori", "nivaa", "kilde", "url", "merkelapp", "merknad"]
SPLIT_SEED = "myndig-nkr-2026:"


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def expected_split(text: str) -> str:
    """The half a study-plan row belongs to, fixed by a seeded hash of its text."""
    digest = hashlib.sha256((SPLIT_SEED + text).encode("utf-8")).digest()
    return "dev" if digest[0] % 2 == 0 else "test"


@pytest.mark.parametrize("path", CORPORA, ids=lambda path: path.name)
def test_every_row_has_text_category_and_source(path):
    """Has every row a text, a known category, a source with its address and a labeller?"""
    for row in rows(path):
        assert row["tekst"], row["id"]
        assert row["tekst"].strip() == row["tekst"], row["id"]
        assert row["kategori"] in CATEGORIES, row["id"]
        assert row["kilde"].strip(), row["id"]
        # A web address, or the seed file for the sources kept in /work/shared/seeds.
        assert row["url"].startswith(("https://", "http://", "seeds/")), row["id"]
        assert row["merkelapp"] in {"kilden", "vår vurdering"}, row["id"]


@pytest.mark.parametrize("path", CORPORA, ids=lambda path: path.name)
def test_levels_are_nkr_levels_or_blank(path):
    """Is every level blank (no NKR level) or one of the NKR levels 2–8?"""
    assert {row["nivaa"] for row in rows(path)} <= {"", "2", "3", "4", "5", "6", "7", "8"}


@pytest.mark.parametrize("path", CORPORA, ids=lambda path: path.name)
def test_columns_are_the_shared_ones(path):
    """Do both files start with the same columns, so the benchmark can read them alike?"""
    with path.open(encoding="utf-8") as stream:
        header = next(csv.reader(stream))
    assert header[: len(COLUMNS)] == COLUMNS


def test_ids_and_texts_are_unique_across_all_files():
    """Is every id and every statement in the four files there once only?"""
    all_rows = [row for path in CORPORA for row in rows(path)]
    ids = [row["id"] for row in all_rows]
    texts = [row["tekst"] for row in all_rows]
    assert len(ids) == len(set(ids))
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("path", CORPORA, ids=lambda path: path.name)
def test_all_categories_present(path):
    """Has each file several rows of each of the three categories?"""
    counts = dict.fromkeys(CATEGORIES, 0)
    for row in rows(path):
        counts[row["kategori"]] += 1
    assert min(counts.values()) >= 10, counts


def test_study_plans_are_a_real_held_out_set():
    """Are there at least 150 study-plan rows, all labelled by the plan itself, none from NKR?"""
    plan_rows = rows(STUDY_PLANS)
    assert len(plan_rows) >= 150
    assert all(row["merkelapp"] == "kilden" for row in plan_rows)
    assert not any(row["kilde"].startswith("Kunnskapsdepartementet") for row in plan_rows)
    levels = {row["nivaa"] for row in plan_rows}
    assert {"6", "7"} <= levels


def test_study_plan_split_follows_the_seeded_hash():
    """Is each study-plan row in the half the seeded hash of its text puts it in?"""
    plan_rows = rows(STUDY_PLANS)
    assert all(row["split"] == expected_split(row["tekst"]) for row in plan_rows)
    halves = {row["split"] for row in plan_rows}
    assert halves == {"dev", "test"}


def normalised(text: str) -> str:
    return " ".join(text.lower().strip(" .;").split())


def test_training_rows_share_no_text_with_the_study_plans():
    """Is no training statement, nor a part of one, also a study-plan or NKR statement?"""
    held_out = [normalised(row["tekst"]) for row in rows(STUDY_PLANS) + rows(DESCRIPTORS)]
    for row in rows(TRAINING):
        text = normalised(row["tekst"])
        assert not any(text in other or other in text for other in held_out), row["id"]


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_no_training_row_is_a_near_copy_of_a_test_half_row():
    """Does no training statement share nine in ten of its words with a held-out test row?"""
    test_half = [words(row["tekst"]) for row in rows(STUDY_PLANS) if row["split"] == "test"]
    assert test_half
    for row in rows(TRAINING):
        mine = words(row["tekst"])
        for other in test_half:
            overlap = len(mine & other) / len(mine | other)
            assert overlap < 0.9, row["id"]


def test_no_training_row_is_a_near_copy_of_any_study_plan_row():
    """Does no training statement share four in five of its words with any study-plan row?"""
    plan_rows = [words(row["tekst"]) for row in rows(STUDY_PLANS)]
    for row in rows(TRAINING):
        mine = words(row["tekst"])
        for other in plan_rows:
            assert len(mine & other) / len(mine | other) < 0.8, row["id"]


def test_training_rows_come_from_other_plans():
    """Does the training file use other plans (addresses) than studieplaner.csv?"""
    plan_addresses = {row["url"] for row in rows(STUDY_PLANS)}
    training_rows = rows(TRAINING)
    assert len(training_rows) >= 200
    assert not {row["url"] for row in training_rows} & plan_addresses
    assert all(row["merkelapp"] == "kilden" for row in training_rows)
    assert len({row["kilde"] for row in training_rows}) >= 10


def test_fresh_plans_are_new_plans_from_other_institutions():
    """Are proeve.csv's plans from other institutions than the eight the most training is from?"""
    institutions = {row["kilde"].split(":")[0] for row in rows(FRESH_PLANS)}
    assert not institutions & {"Høgskolen i Innlandet", "Høgskolen i Østfold", "NTNU", "OsloMet",
                               "Høgskulen på Vestlandet", "Universitetet i Oslo",
                               "Universitetet i Bergen", "Universitetet i Stavanger"}


@pytest.mark.parametrize("fresh_path", FRESH_FILES, ids=lambda p: p.name)
def test_fresh_plans_are_plans_no_other_file_has(fresh_path):
    """Is every plan (address) of a proeve file absent from every other file, and are there many?"""
    fresh = rows(fresh_path)
    others = [row for path in CORPORA if path != fresh_path for row in rows(path)]
    assert len(fresh) >= 120
    assert len({row["kilde"] for row in fresh}) >= 15
    assert all(row["merkelapp"] == "kilden" for row in fresh)
    assert not {row["url"] for row in fresh} & {row["url"] for row in others}


@pytest.mark.parametrize("fresh_path", FRESH_FILES, ids=lambda p: p.name)
def test_no_fresh_row_is_a_near_copy_of_any_other_row(fresh_path):
    """Does no row of a proeve file share four in five of its words with a row in another file?"""
    others = [words(row["tekst"]) for path in CORPORA if path != fresh_path
              for row in rows(path)]
    for row in rows(fresh_path):
        mine = words(row["tekst"])
        assert all(len(mine & other) / len(mine | other) < 0.8 for other in others), row["id"]


@pytest.mark.parametrize("path", [THIRD_FRESH_PLANS, FOURTH_FRESH_PLANS, FIFTH_FRESH_PLANS],
                         ids=lambda p: p.name)
def test_every_row_since_the_sixth_round_notes_its_heading_and_stem(path):
    """Does every row of the files since the sixth round say which heading and which shared stem (or
    none) it stood under, so each row can be read as its plan prints it?"""
    for row in rows(path):
        assert re.match(r"overskrift i planen: «[^»]+», stamme «[^»]+»", row["merknad"]), row["id"]


def test_second_reader_labels_name_known_plan_rows_once():
    """Does every second-reader label name one plan row of the corpus, once, with a category?"""
    labels = rows(CORPUS_DIR / "andre_leser.csv")
    plan_rows = {row["id"] for path in (TRAINING, FRESH_PLANS, SECOND_FRESH_PLANS)
                 for row in rows(path)}
    ids = [label["id"] for label in labels]
    assert len(ids) == len(set(ids)) == 300
    assert set(ids) <= plan_rows
    assert {label["kategori"] for label in labels} == CATEGORIES
    assert {label["sikker"] for label in labels} <= {"ja", "nei"}


def test_three_readers_each_label_the_same_fresh_rows_once():
    """Did each of the three readers label the same 300 rows of proeve5.csv, each once, with a
    category and whether they were sure?"""
    labels = rows(CORPUS_DIR / "tre_lesere.csv")
    fresh = {row["id"] for row in rows(FIFTH_FRESH_PLANS)}
    by_reader = {reader: [label["id"] for label in labels if label["leser"] == reader]
                 for reader in ("a", "b", "c")}
    assert {label["leser"] for label in labels} == set(by_reader)
    for ids in by_reader.values():
        assert len(ids) == len(set(ids)) == 300
        assert set(ids) == set(by_reader["a"]) <= fresh
    assert {label["kategori"] for label in labels} == CATEGORIES
    assert {label["sikker"] for label in labels} == {"ja", "nei"}


def test_audited_rows_stand_under_the_heading_they_record():
    """Was every audited proeve5.csv row found on its stored page, word for word, under the heading
    the row records, and is the audit the 45 rows where all three readers overruled the heading plus
    105 drawn at random from the rest?"""
    fresh = {row["id"]: row for row in rows(FIFTH_FRESH_PLANS)}
    audit = rows(CORPUS_DIR / "kontroll.csv")
    ids = [check["id"] for check in audit]
    assert len(ids) == len(set(ids)) == 150
    assert set(ids) <= set(fresh)

    votes: dict[str, set[str]] = {}
    for label in rows(CORPUS_DIR / "tre_lesere.csv"):
        votes.setdefault(label["id"], set()).add(label["kategori"])
    overruled = {row_id for row_id, said in votes.items()
                 if len(said) == 1 and said != {fresh[row_id]["kategori"]}}
    assert {check["id"] for check in audit if check["utvalg"] == "lesere_uenige"} == overruled
    assert sum(check["utvalg"] == "tilfeldig" for check in audit) == 105

    def plain(heading: str) -> str:
        return re.sub(r"[\s:.\-–]+", " ", heading).strip().lower()

    for check in audit:
        recorded = re.match(r"overskrift i planen: «([^»]+)»", fresh[check["id"]]["merknad"])
        assert check["funnet"] == "ja", check["id"]
        assert check["ordrett"] == "ja", check["id"]
        assert plain(check["overskrift_paa_siden"]) == plain(recorded.group(1)), check["id"]
