"""The hand-written cues at work on one outcome: which of them match, and whether one decides.

Kept apart from :mod:`myndig.model.nkr.category` because training needs them too: the learned
model records how often each deciding cue agreed with the plans' own headings
(:func:`myndig.model.nkr.learned.fit`), and the category estimate only lets a cue decide alone
when that record is good enough.
"""

from __future__ import annotations

from dataclasses import dataclass

from myndig.model.nkr.lexicon import CUES, Category, Cue

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


@dataclass(frozen=True)
class Match:
    category: Category
    text: str
    start: int
    weight: float
    verb: bool
    cue: Cue


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
            matches.append(Match(cue.category, found.group(0), start, weight, cue.verb, cue))
    matches.sort(key=lambda match: match.start)
    return matches


def scores_of(matches: list[Match]) -> dict[Category, float]:
    scores = dict.fromkeys(Category, 0.0)
    for match in matches:
        scores[match.category] += match.weight
    return scores


def deciding_match(matches: list[Match]) -> Match | None:
    """The strong cue that would decide the category alone, if one dominates the others."""
    scores = scores_of(matches)
    strong = max((m for m in matches if m.weight >= STRONG_CUE), key=lambda m: m.weight,
                 default=None)
    if strong is not None and scores[strong.category] >= STRONG_SHARE * sum(scores.values()):
        return strong
    return None
