"""The faults an outcome can have, each with a Norwegian explanation and a concrete suggestion.

The rules follow common advice for outcome writing in Norwegian higher education and the KLAR
guide (Haug mfl., 2017): an outcome says what the learner can do afterwards (not what the
teaching offers), with one observable verb, an object and a context, in the active voice.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from enum import Enum

from myndig import spelling
from myndig.i18n import t
from myndig.model.nkr.category import CategoryEstimate
from myndig.model.nkr.lexicon import (
    FIELD_WORDS,
    NOT_PASSIVE,
    PASSIVE,
    REPLACEMENTS,
    TEACHER_CENTRED,
    UNOBSERVABLE_PATTERNS,
    Category,
)
from myndig.model.nkr.text import Statement, strip_modal

MIN_WORDS = 4
MAX_WORDS = 35
MAX_CHARACTERS = 280
COORDINATION = re.compile(r"^\s*(?:,\s*(?:og\s+|eller\s+)?|og\s+|eller\s+|og/eller\s+|samt\s+)$")
SECOND_CLAUSE = re.compile(r"(?:,|\bog|\bsamt)\s+(?:kan|har|skal|kjenner|er)\s+\w+")

# Concrete replacements for the unobservable verbs, by what the writer most likely meant.
REWRITES = {
    "forstå": "kan gjøre rede for",
    "vite": "kan gjøre rede for",
    "lære": "kan anvende",
    "bli kjent med": "kjenner til",
    "være bevisst": "kan reflektere over",
    "få innsikt": "har innsikt i",
    "sette pris på": "kan vurdere betydningen av",
    "innse": "kan gjøre rede for",
    "beherske": "kan anvende",
}


class Severity(Enum):
    FEIL = "feil"
    ADVARSEL = "advarsel"

    @property
    def label(self) -> str:
        return t(f"nkr.alvor_{self.value}")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    suggestion: str

    def to_json(self) -> dict[str, str]:
        return {"kode": self.code, "alvor": self.severity.value, "forklaring": self.message,
                "forslag": self.suggestion}


def _outcome_after_subject(statement: Statement) -> str:
    body = strip_modal(statement.outcome)
    return body or statement.outcome


def unobservable_verbs(statement: Statement, estimate: CategoryEstimate) -> list[Finding]:
    text = " ".join(statement.tokens)
    findings = []
    for name, pattern in UNOBSERVABLE_PATTERNS:
        found = pattern.search(text)
        if found is None:
            continue
        rest = text[found.end():].strip()
        rest = re.sub(r"^(?:med|om|på|i|seg)\s+", "", rest)
        rewrite = f"Deltakeren {REWRITES[name]} {rest}".strip()
        category = estimate.category or Category.KUNNSKAP
        findings.append(Finding(
            "uobserverbart_verb", Severity.FEIL,
            t("nkr.funn_uobserverbart", verb=found.group(0)),
            t("nkr.forslag_uobserverbart", alternativer=REPLACEMENTS[category],
              omskriving=rewrite)))
    return findings


def several_verbs(statement: Statement, estimate: CategoryEstimate) -> list[Finding]:
    body = strip_modal(statement.outcome)
    verbs = [match for match in estimate.matches if match.verb]
    joined: list[str] = []
    for first, second in itertools.pairwise(verbs):
        gap = body[first.start + len(first.text):second.start]
        if COORDINATION.match(gap):
            if not joined:
                joined.append(first.text)
            joined.append(second.text)
    second_clause = SECOND_CLAUSE.search(body, 3)
    if len(joined) < 2 and second_clause is None:
        return []
    named = ", ".join(f"«{verb}»" for verb in joined) if joined else f"«{second_clause.group(0)}»"
    return [Finding("flere_verb", Severity.ADVARSEL, t("nkr.funn_flere_verb", verb=named),
                    t("nkr.forslag_flere_verb"))]


def missing_object(statement: Statement, estimate: CategoryEstimate) -> list[Finding]:
    body = _outcome_after_subject(statement)
    verbs = [match for match in estimate.matches if match.verb]
    if verbs:
        after = body[verbs[0].start + len(verbs[0].text):]
    else:
        after = " ".join(body.split()[1:])
    words_after = [word for word in after.split() if word not in {"seg", "til", "om", "i", "på"}]
    if len(words_after) >= 2:
        return []
    verb = verbs[0].text if verbs else (body.split() or [""])[0]
    return [Finding("mangler_objekt", Severity.ADVARSEL, t("nkr.funn_mangler_objekt", verb=verb),
                    t("nkr.forslag_mangler_objekt", verb=verb))]


def teacher_centred(statement: Statement) -> list[Finding]:
    text = " ".join(statement.tokens)
    found = TEACHER_CENTRED.search(text)
    if found is None:
        return []
    topic = re.search(r"(?:innføring|introduksjon|oversikt|innblikk|kjennskap|forståelse|"
                      r"forståing|kunnskap|innsikt)\s+(?:i|om|over|til|av|for)\s+(.+)$", text)
    if topic:
        rewrite = t("nkr.omskriving_deltaker", resten=f"har kunnskap om {topic.group(1)}")
    else:
        rewrite = t("nkr.omskriving_deltaker", resten="kan …")
    return [Finding("laererstyrt", Severity.FEIL, t("nkr.funn_laererstyrt", ord=found.group(0)),
                    t("nkr.forslag_laererstyrt", omskriving=rewrite))]


def passive_voice(statement: Statement) -> list[Finding]:
    text = " ".join(statement.tokens)
    for found in PASSIVE.finditer(text):
        last = found.group(0).split()[-1]
        if last in NOT_PASSIVE or last in {"kjent", "kjend", "bevisst", "medviten"}:
            continue
        return [Finding("passiv", Severity.ADVARSEL, t("nkr.funn_passiv", uttrykk=found.group(0)),
                        t("nkr.forslag_passiv"))]
    return []


def length(statement: Statement) -> list[Finding]:
    words = statement.words
    if words < MIN_WORDS:
        return [Finding("for_kort", Severity.ADVARSEL, t("nkr.funn_for_kort", ord=words),
                        t("nkr.forslag_for_kort"))]
    if words > MAX_WORDS or len(statement.cleaned) > MAX_CHARACTERS:
        return [Finding("for_lang", Severity.ADVARSEL,
                        t("nkr.funn_for_lang", ord=words, maks=MAX_WORDS),
                        t("nkr.forslag_for_lang"))]
    return []


def unknown_category(estimate: CategoryEstimate) -> list[Finding]:
    if estimate.category is not None:
        return []
    return [Finding("ukjent_kategori", Severity.FEIL, t("nkr.funn_ukjent_kategori"),
                    t("nkr.forslag_ukjent_kategori"))]


def misspellings(statement: Statement, *, suggest: bool = False) -> list[Finding]:
    """Spelling findings; none when hunspell is missing (the analysis still works without)."""
    if not spelling.is_available(statement.language):
        return []
    unknown = spelling.misspelled_words(statement.cleaned, statement.language, FIELD_WORDS)
    first_word = (spelling.words(statement.cleaned) or [""])[0]
    # A capitalised word inside the sentence is most often a name (Merethe, Buskerud).
    unknown = [word for word in unknown if word == first_word or not word[:1].isupper()]
    findings = []
    for word in unknown[:5]:
        offered = spelling.suggestions(word, statement.language) if suggest else []
        suggestion = (t("nkr.forslag_stavefeil_med", forslag=", ".join(f"«{s}»" for s in offered))
                      if offered else t("nkr.forslag_stavefeil", ord=word))
        findings.append(Finding("stavefeil", Severity.ADVARSEL, t("nkr.funn_stavefeil", ord=word),
                                suggestion))
    return findings


def all_findings(statement: Statement, estimate: CategoryEstimate, *,
                 suggest_spelling: bool = False) -> list[Finding]:
    return [
        *teacher_centred(statement),
        *unobservable_verbs(statement, estimate),
        *unknown_category(estimate),
        *several_verbs(statement, estimate),
        *missing_object(statement, estimate),
        *passive_voice(statement),
        *length(statement),
        *misspellings(statement, suggest=suggest_spelling),
    ]
