"""One statement in, one analysis out: category, level and findings together."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from myndig import spelling
from myndig.model.nkr.category import estimate_category
from myndig.model.nkr.findings import Finding, Severity, all_findings
from myndig.model.nkr.learned import models
from myndig.model.nkr.level import estimate_level
from myndig.model.nkr.lexicon import Category
from myndig.model.nkr.plan_text import with_stem
from myndig.model.nkr.text import prepare
from myndig.model.nkr.verbs import known_verbs


@dataclass(frozen=True)
class Analysis:
    text: str
    cleaned: str
    language: str
    category: Category | None
    confidence: float
    reasons: tuple[str, ...]
    level: int
    level_confidence: float
    level_reasons: tuple[str, ...]
    findings: tuple[Finding, ...]
    verbs: tuple[str, ...]
    # The shared stem the outcome stood under in its plan (myndig.model.nkr.plan_text), if any;
    # ``cleaned`` is then the stem and the item together, ``text`` the item as written.
    stem: str = ""

    @property
    def has_errors(self) -> bool:
        return any(finding.severity is Severity.FEIL for finding in self.findings)

    def codes(self) -> set[str]:
        return {finding.code for finding in self.findings}

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "category": self.category.value if self.category else None,
            "confidence": self.confidence,
            "reasons": list(self.reasons),
            "level": self.level,
            "level_confidence": self.level_confidence,
            "level_reasons": list(self.level_reasons),
            "language": self.language,
            "verbs": list(self.verbs),
            "findings": [finding.to_json() for finding in self.findings],
        } | ({"stem": self.stem} if self.stem else {})


def warm_up() -> None:
    """Load what the first analysis would otherwise wait for: the model, verbs and dictionaries.

    About half a second in all; a widget calls this when it is built, so the first keystroke
    gets its feedback as fast as the rest.
    """
    models()
    known_verbs()
    for language in spelling.LANGUAGES:
        spelling.is_available(language)


def analyse_statement(text: object, *, stem: str = "",
                      suggest_spelling: bool = False) -> Analysis:
    """Analyse one learning outcome; ``InvalidInput`` (Norwegian) when it is not a statement.

    ``stem`` is the shared stem a plan put over the outcome («Studenten har kunnskap om:»); the
    outcome is then read with the stem in front, as the plan's reader reads it. The item itself
    must still be a statement: a stem over an empty line is not an outcome.
    ``suggest_spelling`` asks hunspell for corrections, which can take a tenth of a second per
    misspelt word: right for the command line, too slow for feedback while typing.
    """
    statement = prepare(text)
    if stem:
        statement = prepare(with_stem(stem, statement.original))
    category = estimate_category(statement)
    level = estimate_level(statement)
    findings = all_findings(statement, category, suggest_spelling=suggest_spelling)
    return Analysis(
        text=text if isinstance(text, str) else str(text),
        cleaned=statement.cleaned,
        language=statement.language,
        category=category.category,
        confidence=category.confidence,
        reasons=category.reasons,
        level=level.level,
        level_confidence=level.confidence,
        level_reasons=level.reasons,
        findings=tuple(findings),
        verbs=category.verbs,
        stem=stem.strip() if statement.original != text else "",
    )
