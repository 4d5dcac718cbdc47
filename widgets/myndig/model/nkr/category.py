"""Which NKR category a statement belongs to, how sure the analyser is, and why."""

from __future__ import annotations

import math
from dataclasses import dataclass

from myndig.i18n import t
from myndig.model.nkr.learned import STOP_WORDS, NaiveBayes, features, models
from myndig.model.nkr.lexicon import CUES, Category
from myndig.model.nkr.text import Statement, strip_modal

# A cue that opens the outcome ("kan analysere …") says more than one deep inside it.
HEAD_FACTOR = 2.0
HEAD_REACH = 12  # characters from the start of the outcome that still count as its head
CUES_BY_WEIGHT = tuple(sorted(CUES, key=lambda cue: -cue.weight))
# A strong cue decides on its own when it dominates: the NKR's set phrases ("har bred kunnskap
# om", "planlegge og gjennomføre", "etiske problemstillinger") and a category's own verb opening
# the outcome ("kan gjøre rede for", "kan nytte"). The weak, shared verbs ("analysere", "drøfte",
# "vurdere") and words deep in the outcome overfitted the plans the rules were tuned on, so there
# the learned model decides (benchmarks/nkr.py).
STRONG_CUE = 5.0
STRONG_SHARE = 0.6
# Where the model decides, the cues the rules found still count: each unit of cue weight adds this
# much to the model's (calibrated) log-probability. Chosen by leave-one-plan-out cross-validation
# over the training plans (benchmarks/nkr.py): 0.4-1.0 all did better than the model alone.
CUE_FACTOR = 0.5
# An outcome whose verb phrase the model has never seen ("kan bokføre …", "standard kontoplan")
# is still judged by the model when it knows at least this many of its word and word-prefix
# features (one known long word gives two). Before, such outcomes got no category at all (19 of
# 310 rows in trening.csv) or the weak cues alone decided; judged leave one plan out this lifted
# trening.csv from 80.0 % to 82.9 % (benchmarks/nkr.py). A heading like "Supported employment i
# Røyken" shares no words with the outcomes and still gets none.
KNOWN_WORDS = 2


@dataclass(frozen=True)
class Match:
    category: Category
    text: str
    start: int
    weight: float
    verb: bool


@dataclass(frozen=True)
class CategoryEstimate:
    category: Category | None
    confidence: float
    scores: dict[Category, float]
    reasons: tuple[str, ...]
    matches: tuple[Match, ...]

    @property
    def verbs(self) -> tuple[str, ...]:
        return tuple(match.text for match in self.matches if match.verb)


def find_matches(body: str) -> list[Match]:
    """Cue matches in ``body``, strongest first, none overlapping another."""
    taken: list[tuple[int, int]] = []
    matches: list[Match] = []
    for cue in CUES_BY_WEIGHT:
        for found in cue.pattern.finditer(body):
            start, end = found.span()
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            taken.append((start, end))
            at_head = start == 0 or (start <= HEAD_REACH and cue.verb)
            weight = cue.weight * (HEAD_FACTOR if at_head else 1.0)
            matches.append(Match(cue.category, found.group(0), start, weight, cue.verb))
    matches.sort(key=lambda match: match.start)
    return matches


def estimate_category(statement: Statement) -> CategoryEstimate:
    body = strip_modal(statement.outcome)
    matches = find_matches(body)
    scores = dict.fromkeys(Category, 0.0)
    for match in matches:
        scores[match.category] += match.weight
    total = sum(scores.values())
    strong = max((m for m in matches if m.weight >= STRONG_CUE), key=lambda m: m.weight,
                 default=None)
    if strong is not None and scores[strong.category] >= STRONG_SHARE * total:
        return _by_rules(strong.category, scores, matches)
    found = features(statement)
    model = models().category
    # The model decides when it has seen the outcome's verb phrase or enough of its other words;
    # otherwise the cues alone, and with no cue no category: "Supported employment i Røyken" is a
    # heading, not an outcome.
    heads_known = any(feature.startswith("h:") and feature[2:] not in STOP_WORDS
                      and feature in model.log_likelihood for feature in found)
    if not heads_known and _known_words(found, model) < KNOWN_WORDS:
        if total == 0:
            return CategoryEstimate(None, 0.0, scores, (t("nkr.grunn_ingen_kjennetegn"),), ())
        best = max(Category, key=lambda category: (scores[category],
                                                   category is Category.KUNNSKAP))
        return _by_rules(best, scores, matches)
    probabilities = _with_cues(model.probabilities(found, calibrated=True), scores)
    best = max(Category, key=lambda category: probabilities[category])
    confidence = round(probabilities[best], 2)
    reasons = [t("nkr.grunn_modell", kategori=best.label.lower(),
                 sikkerhet=round(confidence * 100))]
    supporting = sorted((m for m in matches if m.category is best), key=lambda m: -m.weight)
    reasons.extend(t("nkr.grunn_uttrykk", uttrykk=match.text, kategori=best.label.lower())
                   for match in supporting[:2])
    reasons.extend(t("nkr.grunn_ogsaa", kategori=category.label.lower()) for category in Category
                   if category is not best and probabilities[category] >= 0.25)
    return CategoryEstimate(best, confidence, scores, tuple(reasons), tuple(matches))


def _with_cues(probabilities: dict[str, float],
               scores: dict[Category, float]) -> dict[Category, float]:
    """The model's probabilities moved by the rules' cue weights, normalised again."""
    combined = {category: math.log(max(probabilities[category.value], 1e-12))
                + CUE_FACTOR * scores[category] for category in Category}
    top = max(combined.values())
    exps = {category: math.exp(value - top) for category, value in combined.items()}
    total = sum(exps.values())
    return {category: value / total for category, value in exps.items()}


def _by_rules(best: Category, scores: dict[Category, float],
              matches: list[Match]) -> CategoryEstimate:
    total = sum(scores.values())
    # Share of the evidence, damped when there is little of it.
    confidence = round(scores[best] / total * min(1.0, total / 5.0), 2)
    strongest = sorted((m for m in matches if m.category is best), key=lambda m: -m.weight)
    reasons = [t("nkr.grunn_uttrykk", uttrykk=match.text, kategori=best.label.lower())
               for match in strongest[:3]]
    rivals = [category for category in Category
              if category is not best and scores[category] >= 0.6 * scores[best]]
    reasons.extend(t("nkr.grunn_ogsaa", kategori=category.label.lower()) for category in rivals)
    return CategoryEstimate(best, confidence, scores, tuple(reasons), tuple(matches))


def _known_words(found: list[str], model: NaiveBayes) -> int:
    """How many of the outcome's word and word-prefix features the model saw in training."""
    return sum(1 for feature in found if feature.startswith(("w:", "p:"))
               and feature in model.log_likelihood)
