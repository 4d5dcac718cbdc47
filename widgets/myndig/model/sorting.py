"""Sorting tasks: statements from practice placed in categories, with feedback that explains each.

Modules 2 and 3 both ask the learner to sort short cases (single- or double-loop learning; which
knowledge source a statement comes from). The rules are the same, so they live here once:
a :class:`SortingTask` is the fixed material (categories and cards), a :class:`Sorting` is one
learner's placements, validated, scored and saved as JSON.

A practice task carries each card's right answer and an explanation, so the learner gets
feedback. A graded task carries neither: the package is installed on the student's machine, so
any answer key in it could be read there. Its answer key lives only in the hidden tests of the
exercise notebook, which read the saved placements.
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
    """One statement to sort and, on practice cards, its right category and why it is right.

    Graded cards leave ``answer`` and ``explanation`` out (``None``).
    """

    key: str
    text: str
    answer: str | None = None
    explanation: str | None = None

    def __post_init__(self) -> None:
        if (self.answer is None) != (self.explanation is None):
            raise ValueError("a card needs both an answer and an explanation, or neither")

    @property
    def has_answer(self) -> bool:
        return self.answer is not None


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
        if any(card.has_answer and card.answer not in values for card in self.cards):
            raise ValueError("every card's answer must be one of the categories")
        # Scoring half a task would read as a score for all of it.
        if len({card.has_answer for card in self.cards}) > 1:
            raise ValueError("either every card has an answer or none has")

    @property
    def has_answers(self) -> bool:
        """Whether the task can check placements itself (practice), or not (graded)."""
        return any(card.has_answer for card in self.cards)

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
    """How one card was placed, and what to say about it.

    ``right_label`` is ``None`` for a graded card, whose answer the task does not know.
    """

    card: Card
    chosen: str | None
    right_label: str | None
    chosen_label: str | None

    @property
    def answered(self) -> bool:
        return self.chosen is not None

    @property
    def checkable(self) -> bool:
        return self.card.has_answer

    @property
    def correct(self) -> bool | None:
        """Right or wrong; ``None`` when the card has no answer to compare with."""
        if not self.checkable:
            return None
        return self.chosen == self.card.answer

    def feedback(self) -> str:
        if not self.answered:
            return t("sorting.ikke_plassert")
        if not self.checkable:
            return t("sorting.valgt", valgt=self.chosen_label)
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
            right_label=self.task.category(card.answer).label if card.has_answer else None,
            chosen_label=self.task.category(chosen).label if chosen is not None else None,
        )

    def verdicts(self) -> list[Verdict]:
        return [self.verdict(card.key) for card in self.task.cards]

    def placed_count(self) -> int:
        return len(self.placements)

    def correct_count(self) -> int | None:
        """Right placements, or ``None`` for a graded task, which cannot tell."""
        if not self.task.has_answers:
            return None
        return sum(bool(verdict.correct) for verdict in self.verdicts())

    def correct_keys(self) -> set[str] | None:
        """The rightly placed cards, or ``None`` for a graded task, which cannot tell."""
        if not self.task.has_answers:
            return None
        return {verdict.card.key for verdict in self.verdicts() if verdict.correct}

    def is_complete(self) -> bool:
        return self.placed_count() == len(self.task.cards)

    def summary(self) -> str:
        """The score in words, counting unplaced cards so nobody mistakes a gap for an error.

        A graded task has no score to give, so its summary counts only what has been sorted.
        """
        total = len(self.task.cards)
        if not self.placements:
            return t("sorting.oppsummering_tom", antall=total)
        if not self.task.has_answers:
            return t("sorting.oppsummering_sortert", plassert=self.placed_count(), antall=total)
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
               cards: Sequence[tuple[str, str | None]]) -> SortingTask:
    """A task whose texts come from the catalogue ``area``.

    ``cards`` pairs each card key with its right category, or with ``None`` for a graded card.
    A category ``v`` is labelled by ``area.kategori_v``; a card ``k`` reads ``area.kort_k`` and,
    when it has an answer, is explained by ``area.forklaring_k`` (graded cards have no
    explanation in the catalogue). Building at call time keeps the language switchable.
    """
    return SortingTask(
        file_format=file_format,
        categories=tuple(Category(value, t(f"{area}.kategori_{value}")) for value in categories),
        cards=tuple(_card(area, key, answer) for key, answer in cards),
    )


def _card(area: str, key: str, answer: str | None) -> Card:
    text = t(f"{area}.kort_{key}")
    if answer is None:
        return Card(key, text)
    return Card(key, text, answer, t(f"{area}.forklaring_{key}"))
