"""Tests of the hunspell binding for bokmål and nynorsk."""

from __future__ import annotations

import shutil
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from myndig import spelling
from myndig.model.errors import InvalidInput

needs_hunspell = pytest.mark.skipif(
    not spelling.is_available("nb") or not spelling.is_available("nn"),
    reason="hunspell-no er ikke installert",
)


@needs_hunspell
def test_correct_bokmaal_has_no_misspelled_words():
    """Is a correct bokmål sentence free of findings?"""
    text = "Kandidaten kan analysere utfordringer i eget arbeid og foreslå tiltak."
    assert spelling.misspelled_words(text, "nb") == []


@needs_hunspell
def test_misspelt_word_is_reported_once_in_order():
    """Is each unknown word reported once, in the order it first appears?"""
    text = "Kandidaten kan analysre og analysre igjen, og vurdre tiltak."
    assert spelling.misspelled_words(text, "nb") == ["analysre", "vurdre"]


@needs_hunspell
def test_nynorsk_words_pass_in_nynorsk_and_fail_in_bokmaal():
    """Does the language choice decide which written standard is correct?"""
    text = "Kandidaten kan gjere greie for ferdigheiter"
    assert spelling.misspelled_words(text, "nn") == []
    assert set(spelling.misspelled_words(text, "nb")) == {"gjere", "ferdigheiter"}


@needs_hunspell
def test_letters_outside_latin1_are_handled():
    """Are æ, ø and å checked correctly although the dictionaries are in ISO 8859-1?"""
    assert spelling.misspelled_words("Læringsutbytte på områder før og nå", "nb") == []


@needs_hunspell
def test_extra_words_are_accepted_without_regard_to_case():
    """Are field terms passed as extra words accepted, whatever their case?"""
    text = "Kunnskapsarena og medarbeiderskap"
    assert spelling.misspelled_words(text, "nb") == ["Kunnskapsarena", "medarbeiderskap"]
    assert spelling.misspelled_words(text, "nb", extra_words=["kunnskapsarena",
                                                               "Medarbeiderskap"]) == []


@needs_hunspell
def test_numbers_addresses_and_markup_are_not_words():
    """Are numbers, web addresses, e-mail and HTML tags left out of the check?"""
    text = "Se <b>planen</b> for 2015 på https://www.nav.no/xyzq eller skriv til ola@xyzq.no"
    assert spelling.misspelled_words(text, "nb") == []


@needs_hunspell
def test_hyphenated_compound_of_known_words_is_accepted():
    """Is a hyphenated compound accepted when each part is a known word?"""
    assert spelling.misspelled_words("Røyken-kontoret og NAV-kontor", "nb") == []
    assert spelling.misspelled_words("NAV-kontxr", "nb") == ["NAV-kontxr"]


@needs_hunspell
def test_language_aliases_are_understood():
    """Are «bokmål», «nb_NO» and «nynorsk» accepted as language names?"""
    assert spelling.misspelled_words("kunnskap", "bokmål") == []
    assert spelling.misspelled_words("kunnskap", "nb_NO") == []
    assert spelling.misspelled_words("ferdigheiter", "nynorsk") == []


def test_unknown_language_gets_a_norwegian_message():
    """Is an unknown language refused with a Norwegian message naming the choices?"""
    with pytest.raises(InvalidInput, match="bokmål"):
        spelling.misspelled_words("hei", "sv")
    assert spelling.is_available("sv") is False


def test_missing_dictionary_gets_a_norwegian_message(monkeypatch, tmp_path):
    """Does a missing dictionary give a RuntimeError that says what to install?"""
    monkeypatch.setattr(spelling, "DEFAULT_FOLDERS", (str(tmp_path),))
    monkeypatch.setenv("MYNDIG_HUNSPELL_PATH", str(tmp_path))
    monkeypatch.setattr(spelling, "_checkers", {})
    assert spelling.is_available("nb") is False
    with pytest.raises(spelling.SpellingUnavailable, match="hunspell-no") as caught:
        spelling.misspelled_words("hei", "nb")
    assert isinstance(caught.value, RuntimeError)


def test_text_that_is_not_a_string_is_refused():
    """Is a non-string refused with a clear message instead of a crash?"""
    with pytest.raises(InvalidInput, match="tekst"):
        spelling.misspelled_words(None)  # type: ignore[arg-type]


@needs_hunspell
def test_suggestions_offer_the_right_word():
    """Does hunspell suggest the correct spelling of a misspelt word?"""
    assert "feilstaving" in spelling.suggestions("feilstavng", "nb")
    assert spelling.suggestions("", "nb") == []


@needs_hunspell
def test_checking_a_statement_is_fast():
    """Is a typical statement checked well inside the analyser's 5 ms budget (CPU time)?

    CPU time rather than wall-clock time, so other work on a shared machine does not count.
    """
    text = "Kandidaten har inngående kunnskap om relasjonsorientert ledelse og kompetanseledelse"
    spelling.misspelled_words(text, "nb")
    started = time.process_time()
    for _ in range(50):
        spelling.misspelled_words(text, "nb")
    assert (time.process_time() - started) / 50 < 0.0025


@needs_hunspell
def test_checking_from_many_threads_gives_the_same_answer():
    """Is the binding safe when several threads check at once?"""
    text = "Kandidaten kan analysre utfordringer og vurdere tiltak"
    results: list[list[str]] = []

    def check() -> None:
        for _ in range(30):
            results.append(spelling.misspelled_words(text, "nb"))

    threads = [threading.Thread(target=check) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 120
    assert all(result == ["analysre"] for result in results)


@pytest.mark.skipif(shutil.which("hunspell") is None, reason="hunspell-programmet mangler")
@needs_hunspell
def test_pipe_backend_agrees_and_restarts_after_dying(monkeypatch):
    """Does the fallback ``hunspell -a`` process give the same answers and restart if killed?"""
    monkeypatch.setattr(spelling, "_load_library", lambda: None)
    monkeypatch.setattr(spelling, "_checkers", {})
    checker = spelling._checker("nb")
    assert isinstance(checker, spelling._PipeChecker)
    try:
        text = "Kandidaten kan analysre utfordringer på NAV-kontoret"
        assert spelling.misspelled_words(text, "nb") == ["analysre"]
        assert "feilstaving" in spelling.suggestions("feilstavng", "nb")
        assert checker._process is not None
        checker._process.kill()
        checker._process.wait()
        assert spelling.misspelled_words(text, "nb") == ["analysre"]
    finally:
        checker.close()


@needs_hunspell
@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_no_text_crashes_the_checker(text):
    """Does any text at all (emoji, mixed scripts, control characters) give a list of words?"""
    result = spelling.misspelled_words(text, "nb")
    assert isinstance(result, list)
    assert all(isinstance(word, str) and word for word in result)


@needs_hunspell
def test_very_long_text_and_junk_words_are_handled():
    """Are 10 000 characters and a 200-letter "word" handled without crashing?"""
    long_text = "Kandidaten kan vurdere tiltak. " * 322
    assert 9_900 < len(long_text) <= 10_000
    assert spelling.misspelled_words(long_text, "nb") == []
    junk = "a" * 200
    assert spelling.misspelled_words(junk, "nb") == [junk]
