"""An estimate of the NKR level a statement is written at.

The NKR descriptors rise in complexity, independence and depth from level to level
(Kunnskapsdepartementet, 2011): level 5 (fagskole) "har kunnskap om begreper … som anvendes",
level 6 (bachelor) "har bred kunnskap om sentrale temaer", "kjenner til forsknings- og
utviklingsarbeid", level 7 (master) "har avansert kunnskap … og spesialisert innsikt",
"inngående kunnskap", "kan analysere og forholde seg kritisk til", "selvstendig", level 8 (ph.d.)
"er i kunnskapsfronten", "kan bidra til utvikling av ny kunnskap". Each cue carries the level it
is typical of; the estimate is their weighted mean, 6 when nothing points anywhere.

A learned model of 6 against 7 (naive Bayes over the same features) does not decide the level:
deciding alone, it did worse than these cues on plans it had never seen (70 % against 85 % of 100
rows), because what it learned was mostly which plan, and so which level, a topic belongs to. It
only nudges the cues' estimate, by at most half a level: LEVEL_NUDGE times how much more likely it
finds 7 than 6. Tested leave one plan out (each plan's rows judged by a model trained without that
plan, so it cannot know the plan), the nudge did a little better than the cues alone (83 % against
82 % of 179 rows in trening.csv, 81 % against 80 % of 75 development rows); checked again with
the larger trening.csv of the third round, 70 % against 65 % of 338 rows, and 80 % either way on
the development rows. With no cue at all the estimate stays 6. (benchmarks/nkr.py,
tests/nkr/corpus/README.md.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from myndig.i18n import t
from myndig.model.nkr.learned import features, models
from myndig.model.nkr.text import Statement

DEFAULT_LEVEL = 6
LEVEL_NUDGE = 0.5
LOWEST, HIGHEST = 4, 8


LevelCue = tuple[float, float, re.Pattern[str]]


def _level_cue(level: float, weight: float, expression: str) -> LevelCue:
    return level, weight, re.compile(rf"(?<![\w-])(?:{expression})(?![\w-])")


LEVEL_CUES = (
    _level_cue(8.0, 4.0, r"kunnskapsfronten|fremste front|ny kunnskap|nye teorier|"
               r"doktorgrad\w*|utfordre etablert\w*|internasjonale fora|internasjonalt nivå|"
               r"internasjonale (?:publiserings)?kanal\w*|"
               r"formulere problemstillinger for"),
    _level_cue(7.0, 3.0, r"avansert\w*|inngående|inngåande|spesialisert\w*|dyptgående|"
               r"djupn\w*|dybdekunnskap|forskningsetisk\w*|forskningsetikk\w*|"
               r"vitenskapsteor\w*|vitskapsteor\w*|kunnskapsteor\w*|"
               r"vitenskapelig\w*|vitskapleg\w*|vitskapeleg\w*|komplekse|kompleks|"
               r"omfattende selvstendig|"
               # The same cues as nynorsk writes them ("forsking", not "forskning").
               r"forskingsetisk\w*|forskingsetikk\w*"),
    # Bachelor plans say "nasjonalt og internasjonalt" as often as master plans do.
    _level_cue(7.0, 1.0, r"internasjonal\w*(?! (?:fora|nivå|kanal\w*|publiseringskanal\w*))"),
    _level_cue(7.0, 3.0, r"utvidet kunnskap\w*|utvida kunnskap\w*|utdypet kunnskap\w*|"
               r"fordypet kunnskap\w*|fordjupa kunnskap\w*|masteroppgav\w*|masteroppgåv\w*"),
    _level_cue(7.0, 2.0, r"kritisk\w*|selvstendig\w*|sjølvstendig\w*|på nye områder|"
               r"nye områder|avgrenset forsknings\w*|forskningsprosjekt\w*|"
               r"avgrensa forskings\w*|forskingsprosjekt\w*|forskingsmetod\w*|"
               r"forholde seg kritisk|teoretiske perspektiv\w*|analysere eksisterende|"
               r"problematiser\w*|syntetiser\w*|metodologi\w*|forskningsmetod\w*|"
               r"eksisterende teorier|både med spesialister"),
    _level_cue(6.5, 1.0, r"analyser(?:e|er|a)|drøft(?:e|er|a)|evaluer\w*|teorier og metoder|"
               r"forsknings- og utviklingsarbeid|forskningsbasert\w*|forskning\w*|"
               r"forsking\w*|fagutvikling\w*|utviklingsarbeid\w*"),
    _level_cue(6.0, 2.0, r"bred\w*|brei\w*|sentrale|sentral|begrunnede valg|under veiledning|"
               r"reflektere over|innsikt i|oversikt over|fagområdets historie|"
               r"anvende faglig kunnskap|planlegge og gjennomføre|utveksle synspunkt\w*|"
               r"varierte arbeidsoppgaver|yrkesetiske"),
    _level_cue(5.0, 2.0, r"grunnleggende|enkle|enkel|kjennskap|hovedtrekk\w*|hovudtrekk\w*|"
               r"begreper og|gjeldende normer|etter (?:gitte )?retningslinjer|"
               r"rutiner|instruks\w*|kjenne[r]? til|kjenne[r]? hovedtrekk\w*|"
               r"utviklingsmuligheter|praktiske"),
    _level_cue(4.0, 2.0, r"under tilsyn|med hjelp|enkelte|gjengi|ramse opp"),
)


@dataclass(frozen=True)
class LevelEstimate:
    level: int
    confidence: float
    reasons: tuple[str, ...]
    value: float


def estimate_level(statement: Statement) -> LevelEstimate:
    text = statement.outcome or " ".join(statement.tokens)
    weighted, total = 0.0, 0.0
    found: list[tuple[float, float, str]] = []
    for level, weight, pattern in LEVEL_CUES:
        for match in pattern.finditer(text):
            weighted += level * weight
            total += weight
            found.append((level, weight, match.group(0)))
    if total == 0:
        return LevelEstimate(DEFAULT_LEVEL, 0.2, (t("nkr.grunn_niva_standard",
                                                    nivaa=DEFAULT_LEVEL),), float(DEFAULT_LEVEL))
    value = weighted / total + _nudge(statement)
    level = max(LOWEST, min(HIGHEST, round(value)))
    confidence = round(min(1.0, total / 6.0) * (1.0 - min(0.5, abs(value - level))), 2)
    found.sort(key=lambda item: -item[1])
    reasons = tuple(t("nkr.grunn_niva", uttrykk=text_, nivaa=int(cue_level))
                    for cue_level, _, text_ in found[:3])
    return LevelEstimate(level, confidence, reasons, round(value, 2))


def _nudge(statement: Statement) -> float:
    """How far the learned 6-against-7 model moves the cues' estimate (at most LEVEL_NUDGE)."""
    model = models().level
    if model is None:
        return 0.0
    probabilities = model.probabilities(features(statement), calibrated=True)
    return LEVEL_NUDGE * (probabilities["7"] - probabilities["6"])
