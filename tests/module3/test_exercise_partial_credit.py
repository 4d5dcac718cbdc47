"""Exercise 3 through real nbgrader: a half-right submission earns exactly its partial credit."""

from __future__ import annotations

import pytest

ASSIGNMENT = "03-kunnskapsbasert-praksis"

# Two of six statements right; the first three steps right and the last three swapped; the
# views of the user right and the kinds of judgement wrong; two of three choices right.
HALF_RIGHT_SORTING = {"respesialisering": "forskning", "fredager": "erfaring",
                      "gjenta_historien": "erfaring", "fadder_dialogmote": "bruker",
                      "usynlig_funksjonsnedsettelse": "forskning"}
HALF_RIGHT_CODE = {
    "svar_trinn": 'trinn = ["Reflektere", "spørre ", "søke", "anvende", "vurdere", "evaluere"]',
    "svar_idealtyper": 'idealtype = {"rettighetshaver": "trygdeetaten", "kunde": "Aetat", '
                       '"hjelpetrengende": "sosialetaten", "regelorientert": "sosialetaten", '
                       '"behovsorientert": "trygdeetaten", "resultatorientert": "aetat"}',
    "svar_flervalg": 'svar_4_1 = "c"\nsvar_4_2 = "b"\nsvar_4_3 = "a"',
}
EXPECTED = {
    "test_kilder_minst_to": 1, "test_kilder_minst_fire": 0, "test_kilder_alle": 0,
    "test_trinn_start": 1, "test_trinn_slutt": 0,
    "test_idealtyper_bruker": 2, "test_idealtyper_vurdering": 0,
    "test_flervalg_1": 1, "test_flervalg_2": 1, "test_flervalg_3": 0,
}


@pytest.mark.slow
def test_half_right_answer_gets_partial_credit(autograde_answers):
    """Does nbgrader give each part exactly its partial points for a half-right submission?"""
    answer_file = {"format": "myndig.kunnskapskilder.oppgave", "versjon": 1,
                   "plasseringer": HALF_RIGHT_SORTING}
    scores = autograde_answers(ASSIGNMENT, HALF_RIGHT_CODE,
                               {"svar-kunnskapskilder.json": answer_file})
    assert scores == EXPECTED
    assert 0 < sum(scores.values()) < 12
