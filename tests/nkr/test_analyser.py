"""Tests of the NKR analyser: category, level, findings and set analysis."""

from __future__ import annotations

import time

import pytest
from myndig.model.errors import InvalidInput
from myndig.model.nkr import Category, Severity, analyse_set, analyse_statement

K, F, G = Category.KUNNSKAP, Category.FERDIGHETER, Category.GENERELL_KOMPETANSE


@pytest.mark.parametrize(("text", "expected"), [
    ("Kandidaten har bred kunnskap om sentrale teorier i organisasjonslæring", K),
    ("har kunnskap om tiltak og virkemidler knyttet til arbeidsmarkedsloven", K),
    ("NAV-veiledere skal kjenne til grunnleggende forskning knyttet til SE", K),
    ("Kan gjøre rede for de tre kunnskapskildene i kunnskapsbasert praksis", K),
    ("Kandidaten kan gjere greie for sentrale omgrep i fagleg rettleiing", K),
    ("Studenten kan anvende faglig kunnskap på praktiske problemstillinger", F),
    ("NAV-veiledere skal ha ferdigheter i å samhandle med brukere og arbeidsgivere", F),
    ("kan kartlegge kunnskapsflyten i eget kontor med Sveibys ni overføringer", F),
    ("Deltakaren kan nytte kartleggingsverktøy i oppfølginga av brukarar", F),
    ("kan planlegge og gjennomføre en kollegaveiledning over tid", G),
    ("Kandidaten kan formidle sentralt fagstoff skriftlig og muntlig", G),
    ("kan utveksle synspunkter og erfaringer med kolleger og bidra til god praksis", G),
    ("kan analysere relevante fag-, yrkes- og forskningsetiske problemstillinger", G),
])
def test_category_of_typical_outcomes(text, expected):
    """Is a typical outcome put in the category NKR and study plans use for it?"""
    analysis = analyse_statement(text)
    assert analysis.category is expected
    assert 0 < analysis.confidence <= 1
    assert analysis.reasons


def test_reasons_name_the_expression_that_decided():
    """Do the reasons quote the expression the category was decided from?"""
    analysis = analyse_statement("Kandidaten kan formidle resultater fra kartleggingen til ledere")
    assert any("formidle" in reason for reason in analysis.reasons)


def test_statement_without_cues_has_no_category_and_a_finding():
    """Is a statement with no NKR expression left without a category, with advice?"""
    analysis = analyse_statement("Supported employment i Røyken våren 2015")
    assert analysis.category is None
    assert analysis.confidence == 0
    assert "ukjent_kategori" in analysis.codes()


@pytest.mark.parametrize(("text", "level"), [
    ("har kunnskap om begreper og enkle verktøy som brukes i oppfølgingsarbeid", 5),
    ("Kandidaten kjenner til hovedtrekkene i supported employment", 5),
    ("har bred kunnskap om sentrale temaer og teorier i organisasjonslæring", 6),
    ("kan reflektere over egen faglig utøvelse og justere denne under veiledning", 6),
    ("har inngående kunnskap om vitenskapelige teorier og metoder i ledelse", 7),
    ("kan analysere og forholde seg kritisk til ulike informasjonskilder", 7),
    ("har avansert kunnskap om myndiggjøring og spesialisert innsikt i lederskap", 7),
    ("kan bidra til utvikling av ny kunnskap og er i kunnskapsfronten", 8),
])
def test_level_tells_five_six_seven_and_eight_apart(text, level):
    """Does the level estimate follow the NKR's words for each level?"""
    assert analyse_statement(text).level == level


def test_level_without_cues_is_six_with_low_confidence():
    """Is a statement without level cues placed at 6 and marked as uncertain?"""
    analysis = analyse_statement("Kandidaten kan formidle resultater til ledelsen")
    assert analysis.level == 6
    assert analysis.level_confidence < 0.5


@pytest.mark.parametrize("text", [
    "Deltakerne skal forstå hva myndiggjøring er",
    "Deltakeren skal vite hvilke tiltak som finnes",
    "Deltakeren skal lære om kollegaveiledning",
    "Deltakeren skal bli kjent med Plan for læring",
    "Deltakeren skal være bevisst sin rolle som leder",
])
def test_unobservable_verbs_are_found_with_a_rewrite(text):
    """Is an unobservable verb flagged as an error with a concrete rewrite?"""
    finding = next(f for f in analyse_statement(text).findings if f.code == "uobserverbart_verb")
    assert finding.severity is Severity.FEIL
    assert "Deltakeren" in finding.suggestion
    assert "Forslag" in finding.suggestion


def test_observable_outcome_has_no_unobservable_finding():
    """Is an outcome with an observable verb left alone?"""
    analysis = analyse_statement("Deltakeren kan gjøre rede for hva myndiggjøring innebærer")
    assert "uobserverbart_verb" not in analysis.codes()


def test_several_coordinated_verbs_are_found():
    """Are two or more verbs joined by «og» or commas found?"""
    analysis = analyse_statement("Deltakeren kan analysere, vurdere og formidle tiltak i kontoret")
    assert "flere_verb" in analysis.codes()


def test_two_clauses_in_one_outcome_are_found():
    """Is «har kunnskap om … og kan anvende …» found as several outcomes in one?"""
    analysis = analyse_statement("Deltakeren har kunnskap om SE og kan anvende metodikken")
    assert "flere_verb" in analysis.codes()


def test_one_verb_is_not_several():
    """Is a single verb with an object not taken for several verbs?"""
    analysis = analyse_statement("Deltakeren kan anvende SE-metodikken i oppfølging av brukere")
    assert "flere_verb" not in analysis.codes()


def test_missing_object_is_found():
    """Is a verb with nothing after it flagged as missing object or context?"""
    assert "mangler_objekt" in analyse_statement("Deltakeren kan samarbeide").codes()
    assert "mangler_objekt" not in analyse_statement(
        "Deltakeren kan samarbeide med arbeidsgivere om oppfølging").codes()


@pytest.mark.parametrize("text", [
    "Kurset gir deltakerne en innføring i kunnskapsbasert praksis",
    "Emnet gjev studentane ei innføring i kunnskapsbasert praksis",
    "Deltakerne skal få kunnskap om arbeidsmarkedet",
    "Emnet introduserer teorier om organisasjonslæring",
])
def test_teacher_centred_wording_is_found(text):
    """Is wording about the teaching, not the learner, flagged with a learner-centred rewrite?"""
    finding = next(f for f in analyse_statement(text).findings if f.code == "laererstyrt")
    assert "Deltakeren" in finding.suggestion


def test_teacher_centred_rewrite_keeps_the_topic():
    """Does the rewrite of «Kurset gir en innføring i X» keep X?"""
    finding = next(f for f in analyse_statement(
        "Kurset gir en innføring i kunnskapsbasert praksis").findings if f.code == "laererstyrt")
    assert "har kunnskap om kunnskapsbasert praksis" in finding.suggestion


@pytest.mark.parametrize("text", [
    "Metodene skal brukes i oppfølgingen av brukere",
    "Kunnskapen blir formidlet på kontormøtet",
    "Metodane kan nyttast i oppfølginga",
])
def test_passive_voice_is_found(text):
    """Is passive voice (bokmål and nynorsk) flagged?"""
    assert "passiv" in analyse_statement(text).codes()


def test_active_voice_is_not_passive():
    """Is an active outcome free of the passive finding?"""
    assert "passiv" not in analyse_statement(
        "Deltakeren kan bruke metodene i oppfølgingen av brukere").codes()


def test_too_short_and_too_long_are_found():
    """Are very short and very long outcomes flagged?"""
    assert "for_kort" in analyse_statement("kan analysere").codes()
    long_text = "Deltakeren kan anvende " + " ".join(["metoder og verktøy"] * 15)
    assert "for_lang" in analyse_statement(long_text).codes()
    assert not {"for_kort", "for_lang"} & analyse_statement(
        "Deltakeren kan anvende MI som samtalemetodikk i veiledning av brukere").codes()


def test_spelling_mistakes_are_found_with_suggestions_when_asked():
    """Is a misspelt word flagged, and does the command-line mode offer corrections?"""
    pytest.importorskip("myndig.spelling")
    from myndig import spelling

    if not spelling.is_available("nb"):
        pytest.skip("hunspell-no er ikke installert")
    quick = analyse_statement("Deltakeren kan analysre tiltak i kontoret")
    assert "stavefeil" in quick.codes()
    slow = analyse_statement("Deltakeren kan analysre tiltak i kontoret", suggest_spelling=True)
    finding = next(f for f in slow.findings if f.code == "stavefeil")
    assert "analysere" in finding.suggestion


@pytest.mark.parametrize(("text", "expected"), [
    ("Studenten kan gjere greie for sentrale omgrep i rettleiing", K),
    ("Deltakaren har brei kunnskap om tenestene i NAV-kontoret", K),
    ("Studenten kan nytte kartleggingsverktøy i arbeidet med brukarar", F),
    ("Studenten kan meistre samtalar med arbeidsgjevarar", F),
    ("Kandidaten kan formidle fagleg kunnskap til kollegaer og brukarar", G),
    ("Kandidaten kan samarbeide med andre tenester om oppfølging av unge", G),
])
def test_nynorsk_outcomes_get_their_category(text, expected):
    """Are nynorsk outcomes put in the right category and recognised as nynorsk?"""
    analysis = analyse_statement(text)
    assert analysis.category is expected
    assert analysis.language == "nn"


def test_nynorsk_level_words_are_understood():
    """Do «brei» and «inngåande» mark level 6 and 7 in nynorsk too?"""
    assert analyse_statement("Deltakaren har brei kunnskap om tenestene i NAV").level == 6
    assert analyse_statement("Deltakaren har inngåande kunnskap om tenestene i NAV").level == 7


def test_nynorsk_is_detected_and_spelled_as_nynorsk():
    """Is a nynorsk outcome recognised and not flagged for nynorsk spelling?"""
    analysis = analyse_statement("Kandidaten kan gjere greie for sentrale omgrep i rettleiing")
    assert analysis.language == "nn"
    assert "stavefeil" not in analysis.codes()


def test_subject_and_bullets_are_stripped():
    """Do a bullet and a long subject not change the analysis of the outcome proper?"""
    plain = analyse_statement("kan anvende SE-metodikken i oppfølging av brukere")
    dressed = analyse_statement("• NAV veiledere i prosjektet kan anvende SE-metodikken i "
                                "oppfølging av brukere")
    assert plain.category is dressed.category is F


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "😀🙂", "<p></p>", "12345"])
def test_empty_or_wordless_input_gets_a_clear_message(text):
    """Is empty or wordless input refused with a Norwegian message saying what to write?"""
    with pytest.raises(InvalidInput) as caught:
        analyse_statement(text)
    assert "læringsutbytte" in str(caught.value)


def test_very_long_input_gets_a_clear_message():
    """Is a 10 000-character text refused with advice to split it?"""
    with pytest.raises(InvalidInput, match="Del teksten opp"):
        analyse_statement("Deltakeren kan anvende metoder. " * 320)


def test_non_text_is_refused():
    """Is a number or None refused with a message instead of a crash?"""
    with pytest.raises(InvalidInput):
        analyse_statement(None)
    with pytest.raises(InvalidInput):
        analyse_statement(42)


def test_json_has_the_promised_fields():
    """Does the JSON form carry text, category, level and findings?"""
    record = analyse_statement("Deltakerne skal forstå myndiggjøring").to_json()
    assert {"text", "category", "level", "findings", "confidence", "reasons"} <= set(record)
    assert record["findings"][0]["forklaring"]
    assert record["findings"][0]["forslag"]


def test_analysis_is_within_the_time_budget():
    """Is one statement analysed in under 5 ms of CPU time on average?"""
    texts = ["Kandidaten har inngående kunnskap om relasjonsorientert ledelse",
             "Deltakerne skal forstå hva myndiggjøring er",
             "kan planlegge og gjennomføre varierte arbeidsoppgaver og prosjekter"]
    for text in texts:
        analyse_statement(text)
    started = time.process_time()
    for _ in range(30):
        for text in texts:
            analyse_statement(text)
    assert (time.process_time() - started) / 90 < 0.005


# --- sets ---------------------------------------------------------------------------------

BALANCED = [
    "Deltakeren har kunnskap om hovedtrekkene i supported employment",
    "Deltakeren kan anvende SE-metodikken i oppfølging av brukere",
    "Deltakeren kan formidle erfaringer med SE til kolleger på fagmøtet",
]


def test_balanced_set_is_reported_as_balanced():
    """Is a set with all three categories reported as balanced?"""
    report = analyse_set(BALANCED)
    assert report.balanced
    assert report.counts == {K: 1, F: 1, G: 1}
    assert "Alle tre kategoriene er med." in report.summary


def test_missing_category_is_named():
    """Does the summary name the category a set lacks?"""
    report = analyse_set(BALANCED[:2])
    assert report.missing == (G,)
    assert any("generell kompetanse" in line for line in report.summary)


def test_level_spread_and_target_are_reported():
    """Are outcomes off the target level listed by number?"""
    report = analyse_set([*BALANCED, "har inngående kunnskap om vitenskapelige teorier"],
                         target_level=6)
    assert 3 in report.off_target
    assert not report.consistent_level
    assert any("målnivået 6: nr." in line and line.rstrip(".").endswith("4")
               for line in report.summary)


def test_near_duplicates_are_found():
    """Are two almost identical outcomes reported as near-duplicates?"""
    report = analyse_set([*BALANCED, "Deltakeren kan anvende SE-metodikken i oppfølgingen av "
                                     "brukere"])
    assert (1, 3) in [(a, b) for a, b, _ in report.near_duplicates]
    assert not analyse_set(BALANCED).near_duplicates


def test_unusable_lines_in_a_set_are_rejected_not_fatal():
    """Does an empty line in a set become a rejection with its reason, not a crash?"""
    report = analyse_set([*BALANCED, "", "😀"])
    assert len(report.analyses) == 3
    assert [index for index, _ in report.rejected] == [3, 4]
    assert report.to_json()["avvist"][0]["grunn"]


def test_empty_set_has_a_friendly_summary():
    """Does an empty set get a summary that says what to do?"""
    assert analyse_set([]).summary == ("Ingen læringsutbytter ennå. Skriv det første, så vises "
                                       "fordelingen her.",)


def test_bad_target_level_is_refused():
    """Is a target level outside 1–8 refused with a message?"""
    with pytest.raises(InvalidInput, match="1 til 8"):
        analyse_set(BALANCED, target_level=12)
