"""One statement in, one analysis out: category, level and findings together."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from myndig import spelling
from myndig.model.nkr.category import estimate_category, filed_by_stem
from myndig.model.nkr.findings import Finding, Severity, all_findings
from myndig.model.nkr.learned import models
from myndig.model.nkr.level import estimate_level
from myndig.model.nkr.lexicon import Category
from myndig.model.nkr.plan_text import category_named_by, has_own_verb, with_stem
from myndig.model.nkr.text import clean, prepare
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
    # ``cleaned`` is then the stem and the item together (what the findings read), ``text`` the
    # item as written (what the category and the level are read from).
    stem: str = ""

    @property
    def own_text(self) -> str:
        """The outcome's own words: the item without the stem read in front of it."""
        return clean(self.text) if self.stem else self.cleaned

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

    ``stem`` is the shared stem a plan put over the outcome («Studenten har kunnskap om:»). The
    findings read the outcome with the stem in front, as the plan's reader does, so a fault in
    the stem («Emnet gir deg …») is found in every outcome under it. The category and the level
    are read from the item alone: reading the stem in front got more plan headings right when one
    plan at a time was held out (1608 rows: 85.3 against 83.9 %), but fewer on two untouched
    files of new plans (582 rows: 484 against 486; 705 rows: 572 against 581), where a stem often
    stands over all three headings and does not fit every item (tests/nkr/corpus/README.md).
    One exception: a stem that names the category («har kunnskap om:») files an item with no
    verb of its own («hvordan brukere kan medvirke …»), as the plan's sentence does.
    The item itself must still be a statement: a stem over an empty line is not an outcome.
    ``suggest_spelling`` asks hunspell for corrections, which can take a tenth of a second per
    misspelt word: right for the command line, too slow for feedback while typing.
    """
    statement = prepare(text)
    category = estimate_category(statement)
    level = estimate_level(statement)
    whole, read = statement, category
    sentence = with_stem(stem, statement.original) if stem else statement.original
    if sentence != statement.original:
        whole = prepare(sentence)
        named = category_named_by(stem)
        if named is not None and not has_own_verb(statement):
            category = filed_by_stem(category, named, stem)
        # The sentence's own verbs and cues, with the category the analysis reports.
        read = replace(estimate_category(whole), category=category.category)
    findings = all_findings(whole, read, suggest_spelling=suggest_spelling)
    return Analysis(
        text=text if isinstance(text, str) else str(text),
        cleaned=whole.cleaned,
        language=whole.language,
        category=category.category,
        confidence=category.confidence,
        reasons=category.reasons,
        level=level.level,
        level_confidence=level.confidence,
        level_reasons=level.reasons,
        findings=tuple(findings),
        verbs=category.verbs,
        stem=stem.strip() if whole is not statement else "",
    )
