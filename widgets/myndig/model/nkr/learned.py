"""A small statistical model of the NKR category, learned from labelled outcomes.

The rules in :mod:`myndig.model.nkr.lexicon` know the strong cues ("har bred kunnskap om",
"planlegge og gjennomføre …"); outcomes without one are where they guessed and overfitted. A
multinomial logistic regression over the words of the outcome, learned from the NKR descriptors
and published study plans, decides those instead. The words at the head of the outcome (the verb
phrase after the subject and the modal: "drøfte", "har kjennskap til") say most, so they are
features of their own; five-letter prefixes let "analyserer" learn from "analysere"; one feature
says whether the outcome opened with a modal ("kan", "skal kunne") or went straight to its verb or
noun, as lists under the stem "Studenten har kunnskap om:" do, and for such lists another says
whether the first word is a verb (:mod:`myndig.model.nkr.verbs`). The model also keeps a record of
how often each strong cue that is not NKR's own wording agreed with the plans. A naive Bayes model
over the same features, bachelor (6) against master (7), only nudges the rules' level estimate
(:mod:`myndig.model.nkr.level`).

The model is trained by ``benchmarks/train_nkr.py`` and stored as JSON in
``myndig/data/nkr_modell.json``: plain Python, no new dependencies, the same answer every time
(given Debian's hunspell-no dictionaries, which the verb feature reads; without them that one
feature is left out).
Judged leave one plan out (benchmarks/nkr.py, 04.12.2026), the analyser with this model gets the
category right for 84.2 % of the 1118 rows in trening.csv and proeve.csv, where naive Bayes, the
category model until the fifth round, got 82.8 % (tests/nkr/corpus/README.md).
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import pairwise

from myndig.model.nkr.lexicon import Cue
from myndig.model.nkr.rules import deciding_match, find_matches
from myndig.model.nkr.text import Statement, prepare, strip_modal
from myndig.model.nkr.verbs import is_verb

MODEL_FILE = "nkr_modell.json"
CATEGORIES = ("kunnskap", "ferdigheter", "generell_kompetanse")
LEVELS = ("6", "7")
HEAD_WORDS = 3  # the verb phrase: "kan gjøre rede for", "har inngående kunnskap"
HEAD_REPEAT = 2  # head features count this many times over
PREFIX = 5
# Add-one: with about 550 short outcomes (second round), lighter smoothing trusted rare words too
# much (leave-one-plan-out cross-validation, benchmarks/nkr.py).
SMOOTHING = 1.0
# Lists with no modal ("analysere …", "programvare for …"): whether the first word is a verb,
# counted this many times over (2-4 did about the same leave one plan out, 3 best).
VERB_REPEAT = 3
# What a strong cue is believed to be worth before the training plans have a say, and how many
# rows that belief counts as (myndig.model.nkr.category.RELIABLE_RULE).
RULE_PRIOR = 0.9
RULE_PRIOR_WEIGHT = 4.0
# The category model (Logistic): passes over the rows, first step size (halved after two passes,
# a third after four, ...), L2 penalty and shuffling seed. Leave one plan out, with an early
# feature set, penalties from 0.0001 to 0.01 got within four outcomes of each other, about what
# another seed moves (tests/nkr/corpus/README.md, fifth round).
LOGISTIC_EPOCHS = 10
LOGISTIC_RATE = 0.2
LOGISTIC_L2 = 0.003
LOGISTIC_SEED = 2026
# Very common words carry no category; leaving them out keeps the model small.
STOP_WORDS = frozenset({
    "og", "i", "om", "av", "til", "for", "på", "med", "som", "en", "et", "ei", "ein", "eit",
    "den", "det", "de", "dei", "å", "eller", "innen", "innenfor", "innanfor", "sin", "si",
    "sitt", "sine", "sentrale", "ulike", "samt", "knyttet", "knytt", "ved", "fra", "frå",
})


def features(statement: Statement) -> list[str]:
    """The features of an outcome: head words and pairs, and words, pairs and prefixes."""
    stripped = strip_modal(statement.outcome)
    modal = statement.outcome[: len(statement.outcome) - len(stripped)].strip()
    words = [word for word in stripped.split() if not word.isdigit()]
    # Whether the outcome opened with a modal ("kan", "skal kunne") or went straight to a verb or
    # a noun ("har …", "analysere …", "standard kontoplan"): the stem a plan puts over a list.
    found: list[str] = [f"m:{modal or '-'}"]
    # Without a modal, a list of noun phrases ("juridiske argumentasjonsmønstre") sits under
    # "har kunnskap om:", a list of verbs under "skal kunne:" (myndig.model.nkr.verbs).
    verb = is_verb(words[0]) if words and not modal else None
    if verb is not None:
        found.extend([f"v:{'verb' if verb else 'noun'}"] * VERB_REPEAT)
    head = words[:HEAD_WORDS]
    for _ in range(HEAD_REPEAT):
        found.extend(f"h:{word}" for word in head)
        found.extend(f"h:{first}_{second}" for first, second in pairwise(head))
        if head:
            found.append(f"hp:{head[0][:PREFIX]}")
    content = [word for word in words if word not in STOP_WORDS]
    found.extend(f"w:{word}" for word in content)
    found.extend(f"p:{word[:PREFIX]}" for word in content if len(word) > PREFIX)
    found.extend(f"b:{first}_{second}" for first, second in pairwise(words))
    return found


@dataclass(frozen=True)
class NaiveBayes:
    """Class log-priors and per-feature log-likelihoods; unknown features are skipped."""

    classes: tuple[str, ...]
    log_prior: tuple[float, ...]
    log_likelihood: dict[str, tuple[float, ...]]
    log_unseen: tuple[float, ...]

    def probabilities(self, found: Iterable[str], *, calibrated: bool = False) -> dict[str, float]:
        """Class probabilities; ``calibrated`` softens them for showing to people.

        Naive Bayes counts overlapping features as independent evidence and so is far too sure
        of itself; dividing the log-scores by the square root of the number of known features
        keeps the ranking and gives a confidence a reader can take at face value.
        """
        scores = list(self.log_prior)
        known = 0
        for feature in found:
            row = self.log_likelihood.get(feature)
            if row is None:
                continue
            known += 1
            scores = [score + value for score, value in zip(scores, row, strict=True)]
        if calibrated and known > 1:
            scores = [score / math.sqrt(known) for score in scores]
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return {name: value / total for name, value in zip(self.classes, exps, strict=True)}

    def to_json(self) -> dict:
        return {
            "classes": list(self.classes),
            "log_prior": [round(value, 4) for value in self.log_prior],
            "log_unseen": [round(value, 4) for value in self.log_unseen],
            "log_likelihood": {feature: [round(value, 4) for value in row]
                               for feature, row in sorted(self.log_likelihood.items())},
        }

    @classmethod
    def from_json(cls, data: dict) -> NaiveBayes:
        return cls(tuple(data["classes"]), tuple(data["log_prior"]),
                   {feature: tuple(row) for feature, row in data["log_likelihood"].items()},
                   tuple(data["log_unseen"]))


def train(examples: Sequence[tuple[list[str], str]], classes: Sequence[str], *,
          uniform_prior: bool = True) -> NaiveBayes:
    """Multinomial naive Bayes with add-``SMOOTHING`` smoothing; deterministic.

    A uniform prior by default: the mix of categories in the training plans says little about
    the mix in the next plan, and a skewed prior would pull every unsure case to kunnskap.
    """
    class_counts = Counter(label for _, label in examples)
    feature_counts = {name: Counter() for name in classes}
    for found, label in examples:
        feature_counts[label].update(found)
    vocabulary = sorted(set().union(*feature_counts.values())) if examples else []
    size = len(vocabulary)
    totals = {name: sum(feature_counts[name].values()) for name in classes}
    if uniform_prior or not examples:
        log_prior = tuple(math.log(1.0 / len(classes)) for _ in classes)
    else:
        log_prior = tuple(math.log((class_counts[name] + 1) / (len(examples) + len(classes)))
                          for name in classes)
    log_unseen = tuple(math.log(SMOOTHING / (totals[name] + SMOOTHING * size)) for name in classes)
    log_likelihood = {
        feature: tuple(math.log((feature_counts[name][feature] + SMOOTHING)
                                / (totals[name] + SMOOTHING * size)) for name in classes)
        for feature in vocabulary
    }
    return NaiveBayes(tuple(classes), log_prior, log_likelihood, log_unseen)


@dataclass(frozen=True)
class Logistic:
    """Multinomial logistic regression over the same features, present or absent (not counted).

    It weighs each feature against all the others at once, where naive Bayes counts overlapping
    features ("h:drøfte", "hp:drøft", "w:drøfte") as independent evidence; judged leave one plan
    out it got more outcomes right (tests/nkr/corpus/README.md, fifth round). Its probabilities
    need no softening before they are shown.
    """

    classes: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]

    def scores(self, found: Iterable[str]) -> list[float]:
        totals = [0.0] * len(self.classes)
        for feature in set(found):
            row = self.weights.get(feature)
            if row is not None:
                totals = [total + value for total, value in zip(totals, row, strict=True)]
        return totals

    def probabilities(self, found: Iterable[str]) -> dict[str, float]:
        return dict(zip(self.classes, _softmax(self.scores(found)), strict=True))

    def knows(self, feature: str) -> bool:
        return feature in self.weights

    def to_json(self) -> dict:
        return {"classes": list(self.classes),
                "weights": {feature: [round(value, 4) for value in row]
                            for feature, row in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> Logistic:
        return cls(tuple(data["classes"]),
                   {feature: tuple(row) for feature, row in data["weights"].items()})


def _softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(score - top) for score in scores]
    total = sum(exps)
    return [value / total for value in exps]


def train_logistic(examples: Sequence[tuple[Iterable[str], str]],
                   classes: Sequence[str]) -> Logistic:
    """Stochastic gradient descent on the cross-entropy with an L2 penalty; deterministic.

    The rows are shuffled with a fixed seed, so the same rows give the same weights every time.
    """
    data = [(sorted(set(found)), classes.index(label)) for found, label in examples]
    weights: dict[str, list[float]] = {}
    order = random.Random(LOGISTIC_SEED)
    for epoch in range(LOGISTIC_EPOCHS):
        order.shuffle(data)
        step = LOGISTIC_RATE / (1 + epoch / 2)
        for found, label in data:
            rows = [weights.setdefault(feature, [0.0] * len(classes)) for feature in found]
            totals = [sum(row[index] for row in rows) for index in range(len(classes))]
            errors = [probability - (index == label)
                      for index, probability in enumerate(_softmax(totals))]
            for row in rows:
                for index, error in enumerate(errors):
                    row[index] -= step * (error + LOGISTIC_L2 * row[index])
    return Logistic(tuple(classes), {feature: tuple(row) for feature, row in weights.items()
                                     if any(round(value, 4) for value in row)})


@dataclass(frozen=True)
class Models:
    category: Logistic
    trained_on: int
    # Bachelor (6) against master (7), from the rows whose programme level is one of them; only
    # a nudge to the rules' level estimate (myndig.model.nkr.level says why).
    level: NaiveBayes | None = None
    # For each strong cue (by Cue.key) that decided a training outcome alone: how often it agreed
    # with the plan's heading, smoothed towards RULE_PRIOR (myndig.model.nkr.category uses it).
    rules: Mapping[str, float] = field(default_factory=dict)

    def rule_reliability(self, cue: Cue) -> float:
        """How far the training plans bear out ``cue`` when it decides alone (prior if unseen).

        NKR's and the KLAR guide's own wording is taught in the course and always trusted.
        """
        return 1.0 if cue.from_nkr else self.rules.get(cue.key, RULE_PRIOR)

    def to_json(self) -> str:
        data = {"trained_on": self.trained_on, "category": self.category.to_json(),
                "rules": {key: round(value, 4) for key, value in sorted(self.rules.items())}}
        if self.level is not None:
            data["level"] = self.level.to_json()
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def fit(rows: Sequence[Mapping[str, str]]) -> Models:
    """The models from labelled rows (``tekst``, ``kategori`` and ``nivaa`` as in the corpus)."""
    found = [features(prepare(row["tekst"])) for row in rows]
    category = train_logistic([(row_features, row["kategori"])
                               for row_features, row in zip(found, rows, strict=True)], CATEGORIES)
    levelled = [(row_features, row.get("nivaa", "")) for row_features, row in zip(found, rows,
                                                                                  strict=True)
                if row.get("nivaa", "") in LEVELS]
    level = train(levelled, LEVELS) if levelled else None
    return Models(category, len(rows), level, rule_record(rows))


def rule_record(rows: Sequence[Mapping[str, str]]) -> dict[str, float]:
    """How often each strong cue that decided a row alone agreed with the row's category.

    The rules' habits are not always the plans': the rules read "kan lede …" as generell
    kompetanse, the national plans for kindergarten teachers as ferdigheter. Cues in NKR's own
    wording are not recorded; the course teaches them (Cue.from_nkr). A Beta prior (RULE_PRIOR,
    worth RULE_PRIOR_WEIGHT rows) keeps one stray row from silencing a cue.
    """
    decided: Counter[str] = Counter()
    agreed: Counter[str] = Counter()
    for row in rows:
        match = deciding_match(find_matches(strip_modal(prepare(row["tekst"]).outcome)))
        if match is not None and not match.cue.from_nkr:
            decided[match.cue.key] += 1
            agreed[match.cue.key] += match.category.value == row["kategori"]
    return {key: (agreed[key] + RULE_PRIOR * RULE_PRIOR_WEIGHT) / (count + RULE_PRIOR_WEIGHT)
            for key, count in decided.items()}


_standing_in: list[Models] = []


@contextmanager
def models_in_use(replacement: Models) -> Iterator[Models]:
    """Analyse with ``replacement`` instead of the stored models (cross-validation)."""
    _standing_in.append(replacement)
    try:
        yield replacement
    finally:
        _standing_in.pop()


def models() -> Models:
    """The models in use: the stored ones unless a cross-validation stands in."""
    return _standing_in[-1] if _standing_in else _stored()


@cache
def _stored() -> Models:
    text = (resources.files("myndig") / "data" / MODEL_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    level = NaiveBayes.from_json(data["level"]) if "level" in data else None
    return Models(Logistic.from_json(data["category"]), int(data["trained_on"]), level,
                  dict(data.get("rules", {})))
