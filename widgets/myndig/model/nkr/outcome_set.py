"""A theme's learning outcomes as one object: what the writer widget edits and saves.

It keeps the theme, an optional target NKR level and the outcome texts; every change goes
through the analyser's validation, and the whole set can be saved as JSON, read back, and
exported as Markdown for a *Plan for læring*.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from myndig.i18n import t
from myndig.model.errors import InvalidFile, InvalidInput
from myndig.model.nkr.analysis import Analysis, analyse_statement
from myndig.model.nkr.lexicon import Category
from myndig.model.nkr.set_analysis import SetReport, analyse_set

FORMAT_VERSION = 1
MAX_OUTCOMES = 30
MAX_THEME_LENGTH = 120


def _clean_theme(theme: object) -> str:
    if theme is None:
        return ""
    if not isinstance(theme, str):
        raise InvalidInput(t("nkr.tema_ikke_tekst"), field="tema")
    cleaned = " ".join(theme.split())
    if len(cleaned) > MAX_THEME_LENGTH:
        raise InvalidInput(t("nkr.tema_for_langt", maks=MAX_THEME_LENGTH), field="tema")
    return cleaned


def _clean_level(level: object) -> int | None:
    if level is None or level == "":
        return None
    if isinstance(level, bool) or not isinstance(level, int) or level not in range(1, 9):
        raise InvalidInput(t("nkr.ugyldig_maalnivaa"), field="maalnivaa")
    return level


@dataclass
class OutcomeSet:
    theme: str = ""
    target_level: int | None = None
    outcomes: list[str] = field(default_factory=list)

    def set_theme(self, theme: object) -> None:
        self.theme = _clean_theme(theme)

    def set_target_level(self, level: object) -> None:
        self.target_level = _clean_level(level)

    def add(self, text: object) -> Analysis:
        """Add an outcome; ``InvalidInput`` (Norwegian) if it is empty, a repeat or one too many."""
        analysis = analyse_statement(text)
        if len(self.outcomes) >= MAX_OUTCOMES:
            raise InvalidInput(t("nkr.for_mange_i_tema", maks=MAX_OUTCOMES), field="utbytte")
        if any(existing.casefold() == analysis.cleaned.casefold() for existing in self.outcomes):
            raise InvalidInput(t("nkr.finnes_allerede"), field="utbytte")
        self.outcomes.append(analysis.cleaned)
        return analysis

    def remove(self, index: int) -> None:
        if not isinstance(index, int) or not 0 <= index < len(self.outcomes):
            raise InvalidInput(t("nkr.velg_utbytte"), field="utbytte")
        del self.outcomes[index]

    def report(self) -> SetReport:
        return analyse_set(self.outcomes, target_level=self.target_level)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT_VERSION, "tema": self.theme, "maalnivaa": self.target_level,
                "utbytter": list(self.outcomes)}

    @classmethod
    def from_json(cls, data: object) -> OutcomeSet:
        """Read a saved set; ``InvalidFile`` says in Norwegian what is wrong with the file."""
        if not isinstance(data, dict) or not isinstance(data.get("utbytter"), list):
            raise InvalidFile(t("nkr.fil_ikke_utbytter"))
        try:
            result = cls(_clean_theme(data.get("tema", "")), _clean_level(data.get("maalnivaa")))
            for text in data["utbytter"][:MAX_OUTCOMES]:
                result.add(text)
        except InvalidInput as error:
            raise InvalidFile(t("nkr.fil_ugyldig_innhold", feil=str(error))) from error
        return result

    def to_markdown(self) -> str:
        """The set for a *Plan for læring*: outcomes by category with level, then the summary."""
        report = self.report()
        lines = [f"# {t('nkr.md_tittel', tema=self.theme or t('nkr.md_uten_tema'))}", ""]
        if self.target_level is not None:
            lines += [t("nkr.md_maalnivaa", nivaa=self.target_level), ""]
        for category in Category:
            chosen = [a for a in report.analyses if a.category is category]
            if not chosen:
                continue
            lines += [f"## {category.label}", ""]
            lines += [f"- {a.cleaned} *({t('nkr.md_nivaa', nivaa=a.level)})*" for a in chosen]
            lines.append("")
        unsorted = [a for a in report.analyses if a.category is None]
        if unsorted:
            lines += [f"## {t('nkr.md_uten_kategori')}", ""]
            lines += [f"- {a.cleaned}" for a in unsorted]
            lines.append("")
        lines += [f"## {t('nkr.md_oppsummering')}", ""]
        lines += [f"- {line}" for line in report.summary]
        return "\n".join(lines) + "\n"
