"""Tests of the labelled corpus: every row is usable and has its source."""

from __future__ import annotations

import csv
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus" / "nkr_utbytter.csv"
CATEGORIES = {"kunnskap", "ferdigheter", "generell_kompetanse"}


def rows():
    with CORPUS.open(encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def test_every_row_has_text_category_and_source():
    """Has every row a text, a known category, a source and who labelled it?"""
    for row in rows():
        assert row["tekst"].strip(), row["id"]
        assert row["kategori"] in CATEGORIES, row["id"]
        assert row["kilde"].strip(), row["id"]
        assert row["url"].strip(), row["id"]
        assert row["merkelapp"] in {"kilden", "vår vurdering"}, row["id"]


def test_levels_are_nkr_levels_or_blank():
    """Is every level blank (no NKR level) or one of the NKR levels 2–8?"""
    assert {row["nivaa"] for row in rows()} <= {"", "2", "3", "4", "5", "6", "7", "8"}


def test_texts_are_unique_and_all_categories_present():
    """Are there no duplicate statements, and all three categories with several rows each?"""
    texts = [row["tekst"] for row in rows()]
    assert len(texts) == len(set(texts))
    for category in CATEGORIES:
        assert sum(1 for row in rows() if row["kategori"] == category) >= 10
