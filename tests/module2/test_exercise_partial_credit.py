"""Exercise 2 through real nbgrader: a half-right submission earns exactly its partial credit."""

from __future__ import annotations

import pytest

ASSIGNMENT = "02-organisasjonslaering"

# Four of six cases right, the first three terms right and the last three wrong, one of three
# multiple-choice answers right.
HALF_RIGHT_SORTING = {"fordeling": "enkel", "laerende_moter": "dobbel", "uklart_brev": "enkel",
                      "maal_samtaler": "dobbel", "e_laering": "dobbel", "aldri_ferdige": "enkel"}
HALF_RIGHT_CODE = {
    "svar_kobling": 'kobling = {"enkeltkretslæring": "a", "dobbeltkretslæring": "B ", '
                    '"taus kunnskap": "C", "eksternalisering": "G", "systemtenkning": "E", '
                    '"relasjonsorientert ledelse": "F"}',
    "svar_flervalg": 'svar_3_1 = "B"\nsvar_3_2 = "a"\nsvar_3_3 = "d"',
}
EXPECTED = {
    "test_sloyfer_minst_to": 1, "test_sloyfer_minst_fire": 1, "test_sloyfer_alle": 0,
    "test_kobling_laering": 2, "test_kobling_modeller": 0,
    "test_flervalg_1": 1, "test_flervalg_2": 0, "test_flervalg_3": 0,
}


@pytest.mark.slow
def test_half_right_answer_gets_partial_credit(autograde_answers):
    """Does nbgrader give each part exactly its partial points for a half-right submission?"""
    answer_file = {"format": "myndig.laeringssloyfer.oppgave", "versjon": 1,
                   "plasseringer": HALF_RIGHT_SORTING}
    scores = autograde_answers(ASSIGNMENT, HALF_RIGHT_CODE,
                               {"svar-laeringssloyfer.json": answer_file})
    assert scores == EXPECTED
    assert 0 < sum(scores.values()) < 10
