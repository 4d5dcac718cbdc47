"""Sorting tasks: statements from practice placed in categories, with feedback that explains each.

Modules 2 and 3 both ask the learner to sort short cases (single- or double-loop learning; which
knowledge source a statement comes from). The rules are the same, so they live here once:
a :class:`SortingTask` is the fixed material (categories and cards with their right answer and
explanation), a :class:`Sorting` is one learner's placements, validated, scored and saved as JSON.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from myndig.i18n import t
from myndig.model.errors import InvalidFile, InvalidInput

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Category:
    value: str
    label: str


@dataclass(frozen=True)
class Card:
    """One statement to sort, its right category and why that category is right."""

    key: str
    text: str
    answer: str
    explanation: str


@dataclass(frozen=True)
class SortingTask:
    """The material of one sorting exercise; ``file_format`` names its answer files."""

    file_format: str
    categories: tuple[Category, ...]
    cards: tuple[Card, ...]

    def __post_init__(self) -> None:
        values = [category.value for category in self.categories]
        keys = [card.key for card in self.cards]
        # A task is written by us, not typed by a learner, so a slip here is a programming error.
        if len(set(values)) != len(values) or len(set(keys)) != len(keys):
            raise ValueError("categories and cards need unique values and keys")
        if any(card.answer not in values for card in self.cards):
            raise ValueError("every card's answer must be one of the categories")

    def card(self, key: object) -> Card:
        for card in self.cards:
            if card.key == key:
                return card
        raise InvalidInput(t("sorting.ukjent_kort", kort=key), field="kort")

    def category(self, value: object) -> Category:
        for category in self.categories:
            if category.value == value:
                return category
        choices = ", ".join(f"«{category.value}»" for category in self.categories)
        raise InvalidInput(t("sorting.ukjent_kategori", verdi=value, valg=choices),
                           field="kategori")


@dataclass(frozen=True)
class Verdict:
    """How one card was placed, and what to say about it."""

    card: Card
    chosen: str | None
    right_label: str
    chosen_label: str | None

    @property
    def answered(self) -> bool:
        return self.chosen is not None

    @property
    def correct(self) -> bool:
        return self.chosen == self.card.answer

    def feedback(self) -> str:
        if not self.answered:
            return t("sorting.ikke_plassert")
        if self.correct:
            return t("sorting.riktig", kategori=self.right_label, forklaring=self.card.explanation)
        return t("sorting.feil", valgt=self.chosen_label, kategori=self.right_label,
                 forklaring=self.card.explanation)


@dataclass
class Sorting:
    """One learner's placements of the cards of a task."""

    task: SortingTask
    placements: dict[str, str] = field(default_factory=dict)

    def place(self, card_key: object, category_value: object) -> None:
        card = self.task.card(card_key)
        category = self.task.category(category_value)
        self.placements[card.key] = category.value

    def clear(self, card_key: object) -> None:
        card = self.task.card(card_key)
        self.placements.pop(card.key, None)

    def clear_all(self) -> None:
        self.placements.clear()

    def placement(self, card_key: object) -> str | None:
        return self.placements.get(self.task.card(card_key).key)

    def verdict(self, card_key: object) -> Verdict:
        card = self.task.card(card_key)
        chosen = self.placements.get(card.key)
        return Verdict(
            card=card,
            chosen=chosen,
            right_label=self.task.category(card.answer).label,
            chosen_label=self.task.category(chosen).label if chosen is not None else None,
        )

    def verdicts(self) -> list[Verdict]:
        return [self.verdict(card.key) for card in self.task.cards]

    def placed_count(self) -> int:
        return len(self.placements)

    def correct_count(self) -> int:
        return sum(verdict.correct for verdict in self.verdicts())

    def correct_keys(self) -> set[str]:
        return {verdict.card.key for verdict in self.verdicts() if verdict.correct}

    def is_complete(self) -> bool:
        return self.placed_count() == len(self.task.cards)

    def summary(self) -> str:
        """The score in words, counting unplaced cards so nobody mistakes a gap for an error."""
        total = len(self.task.cards)
        if not self.placements:
            return t("sorting.oppsummering_tom", antall=total)
        text = t("sorting.oppsummering", riktige=self.correct_count(),
                 plassert=self.placed_count(), antall=total)
        if not self.is_complete():
            text += " " + t("sorting.oppsummering_mangler", mangler=total - self.placed_count())
        return text

    def to_json(self) -> dict[str, Any]:
        ordered = {card.key: self.placements[card.key]
                   for card in self.task.cards if card.key in self.placements}
        return {"format": self.task.file_format, "versjon": FORMAT_VERSION,
                "plasseringer": ordered}

    @classmethod
    def from_json(cls, task: SortingTask, data: object) -> Sorting:
        """Placements from their JSON form, or ``InvalidFile`` explaining what is wrong."""
        if not isinstance(data, Mapping) or data.get("format") != task.file_format:
            raise InvalidFile(t("sorting.fil_feil_format"))
        version = data.get("versjon")
        if version != FORMAT_VERSION:
            raise InvalidFile(t("sorting.fil_feil_versjon", versjon=version,
                                forventet=FORMAT_VERSION))
        placements = data.get("plasseringer")
        if not isinstance(placements, Mapping):
            raise InvalidFile(t("sorting.fil_feil_format"))
        sorting = cls(task)
        for key, value in placements.items():
            try:
                sorting.place(key, value)
            except InvalidInput as error:
                raise InvalidFile(t("sorting.fil_feil_plassering", feil=error)) from error
        return sorting

    @classmethod
    def parser(cls, task: SortingTask):
        """A one-argument parser for :func:`myndig.answers.load_or_set_aside`."""
        return lambda data: cls.from_json(task, data)


def build_task(file_format: str, area: str, categories: Sequence[str],
               cards: Sequence[tuple[str, str]]) -> SortingTask:
    """A task whose texts come from the catalogue ``area``.

    A category ``v`` is labelled by ``area.kategori_v``; a card ``k`` reads ``area.kort_k`` and
    is explained by ``area.forklaring_k``. Building at call time keeps the language switchable.
    """
    return SortingTask(
        file_format=file_format,
        categories=tuple(Category(value, t(f"{area}.kategori_{value}")) for value in categories),
        cards=tuple(Card(key, t(f"{area}.kort_{key}"), answer, t(f"{area}.forklaring_{key}"))
                    for key, answer in cards),
    )
