"""Theme proposals and dot voting.

In the KLAR offices the themes with most support were chosen, and participation was the point
(KLAR, 2017, *Læringssystem for kompetanseutvikling i NAV-kontor*). Dot voting keeps that
simple: each participant has a few votes, at most one per theme, and can move them until the
facilitator closes the phase.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from myndig.i18n import t
from myndig.store.base import ProposalRecord

MAX_VOTES = 3
MAX_PROPOSALS_PER_PARTICIPANT = 5
# How many themes the summary names; the chart shows them all.
SUMMARY_LEADERS = 3


@dataclass(frozen=True)
class ThemeResult:
    proposal_id: int
    text: str
    votes: int


@dataclass(frozen=True)
class VotingResult:
    themes: tuple[ThemeResult, ...]
    """Most votes first; ties keep the order the themes were proposed in."""

    @property
    def votes_cast(self) -> int:
        return sum(theme.votes for theme in self.themes)

    def leaders(self) -> tuple[ThemeResult, ...]:
        return tuple(theme for theme in self.themes[:SUMMARY_LEADERS] if theme.votes > 0)

    def summary(self) -> str:
        """The result in words, beside the chart and as its text alternative."""
        if not self.themes:
            return t("workshop.resultat_ingen_forslag")
        if self.votes_cast == 0:
            return t("workshop.resultat_ingen_stemmer", forslag=len(self.themes))
        named = [t("workshop.resultat_tema", tema=theme.text, stemmer=_votes(theme.votes))
                 for theme in self.leaders()]
        return t("workshop.resultat_oppsummering", stemmer=_votes(self.votes_cast),
                 forslag=len(self.themes), ledere=_join(named))


def voting_result(proposals: Iterable[ProposalRecord]) -> VotingResult:
    ordered = sorted(proposals, key=lambda proposal: (-proposal.votes, proposal.id))
    return VotingResult(tuple(ThemeResult(proposal.id, proposal.text, proposal.votes)
                              for proposal in ordered))


def _votes(count: int) -> str:
    return t("workshop.en_stemme") if count == 1 else t("workshop.stemmer", antall=count)


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " og " + parts[-1]
