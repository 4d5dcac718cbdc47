"""Tests of the verb test behind the analyser's verb-or-noun-phrase feature."""

from __future__ import annotations

import pytest
from myndig import spelling
from myndig.model.nkr import analyse_statement, verbs

AFF = """SET UTF-8
SFX S Y 1
SFX S   0     nde         e

SFX A Y 1
SFX A   0     r           e
"""
DIC = "3\nanalysere/AS\nprogramvare/A\nsamarbeide/S\n"


def test_participle_flag_is_read_from_the_affix_file(tmp_path):
    """Is the flag that adds -nde found in the .aff file rather than assumed?"""
    aff = tmp_path / "xx.aff"
    aff.write_text(AFF.replace("SFX S", "SFX Q"), encoding="utf-8")
    assert verbs.participle_flags(aff, "utf-8") == {"Q"}


def test_only_words_with_the_participle_flag_are_verbs(tmp_path):
    """Are words in -e with the -nde flag verbs, and a noun in -e not?"""
    aff, dic = tmp_path / "xx.aff", tmp_path / "xx.dic"
    aff.write_text(AFF, encoding="utf-8")
    dic.write_text(DIC, encoding="utf-8")
    assert verbs.infinitives(aff, dic) == {"analysere", "samarbeide"}


def test_a_dictionary_without_the_flag_gives_no_verbs(tmp_path):
    """Does an affix file with no -nde rule give no verbs instead of every word?"""
    aff, dic = tmp_path / "xx.aff", tmp_path / "xx.dic"
    aff.write_text("SET UTF-8\n", encoding="utf-8")
    dic.write_text(DIC, encoding="utf-8")
    assert verbs.infinitives(aff, dic) == frozenset()


@pytest.mark.skipif(not spelling.is_available("nb"), reason="hunspell-no er ikke installert")
@pytest.mark.parametrize(("word", "expected"), [
    ("analysere", True), ("analyserer", True), ("respekterer", True), ("nyttar", True),
    ("har", True), ("Analysere,", True), ("programvare", False), ("vanlige", False),
    ("juridiske", False), ("hvordan", False), ("formål", False),
])
def test_installed_dictionaries_tell_verbs_from_nouns(word, expected):
    """Do Debian's nb/nn dictionaries tell infinitives and present tense from nouns?"""
    assert verbs.is_verb(word) is expected


def test_without_dictionaries_no_word_is_judged(tmp_path, monkeypatch):
    """Without hunspell dictionaries, is no word called a verb or a noun, and does analysis work?"""
    monkeypatch.setattr(spelling, "DEFAULT_FOLDERS", ())
    monkeypatch.setenv("MYNDIG_HUNSPELL_PATH", str(tmp_path))
    verbs.known_verbs.cache_clear()
    try:
        assert verbs.is_verb("analysere") is None
        analysis = analyse_statement("programvare for budsjett og regnskap")
        assert analysis.category is not None
    finally:
        monkeypatch.undo()
        verbs.known_verbs.cache_clear()
    assert verbs.is_verb("analysere") is (True if spelling.is_available("nb") else None)
