"""A study plan's outcomes as a lecturer pastes them: headings, shared stems and list items.

Plans rarely write each outcome as a whole sentence. They put a shared stem over a list:
«Studenten har kunnskap om:» over noun phrases, «Etter fullført emne skal du kunne:» over verb
phrases, or just «Kandidaten» over items that begin with «kan» or «har». The stem is part of
every outcome under it: the plan's outcome reads «Studenten har kunnskap om juridisk metode». So
the findings read each item with its stem in front (:func:`with_stem`), the way a reader of the
plan reads it; the category and the level are read from the item alone, which held up better on
new plans (:func:`myndig.model.nkr.analyse_statement` says why), except where the stem names the
category and the item has no verb of its own (:func:`category_named_by`, :func:`has_own_verb`).

The headings («Kunnskap», «Ferdigheter», «Generell kompetanse») are the plan's own filing. They
end a stem, but they are never read as evidence for a category: the analysis is there to check
whether an outcome fits the heading it stands under.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from myndig.model.nkr.lexicon import Category
from myndig.model.nkr.text import LEADING_BULLET, Statement, strip_modal
from myndig.model.nkr.verbs import is_verb

HEADING = re.compile(
    r"^\s*(?:kunnskap(?:er|ar)?|kunnskapsmål|ferdighet(?:er)?|ferdighetsmål|ferdigheit(?:ar|er)?|"
    r"dugleik|(?:generell|generelle)\s+kompetanse(?:r)?|kompetanse|kompetansemål|holdninger|"
    r"læringsutbytte|forventet\s+læringsutbytte|hva\s+lærer\s+du\s*\?)\s*[:.]?\s*$",
    re.IGNORECASE)
# A line that is only the subject, perhaps with its verb: «Studenten», «Kandidaten kan»,
# «Studenten...». Plans put it over items that begin with «har …» or «kan …».
SUBJECTS = (r"(?:kandidat(?:en|ane|ene)|student(?:en|ane|ene)|deltaker(?:en|ne)|"
            r"deltakar(?:en|ane)|du)")
SUBJECT_ONLY = re.compile(
    rf"^\s*{SUBJECTS}(?:\s+(?:kan|har|skal(?:\s+kunne|\s+ha)?|vil))?\s*(?::|\.{{3}}|…)?\s*$",
    re.IGNORECASE)
# An item that brings its own subject is not joined to the stem above it.
OWN_SUBJECT = re.compile(rf"^{SUBJECTS}\b", re.IGNORECASE)
# How a stem names a category, in bokmål and nynorsk: «har kunnskap om:», «skal ha kunnskapar
# om:», «har ferdigheiter i:», «har dugleik i:», «har generell kompetanse til å:». A bare
# «kompetanse» is not enough: «følgende kompetanse:» stands over all three headings.
CATEGORY_NAMES = {
    Category.KUNNSKAP: re.compile(r"\b(?:kunnskap(?:er|ar|en|ane|ene)?|kjennskap)\b",
                                  re.IGNORECASE),
    Category.FERDIGHETER: re.compile(
        r"\b(?:ferdighet(?:er|ene)?|ferdigheit(?:ar|er|ane|ene)?|dugleik(?:ar|ane)?)\b",
        re.IGNORECASE),
    Category.GENERELL_KOMPETANSE: re.compile(r"\bgenerell(?:e)?\s+kompetanse", re.IGNORECASE),
}


def is_heading(line: str) -> bool:
    """«Kunnskap», «Ferdigheiter:», «Generell kompetanse», «Læringsutbytte»."""
    return bool(HEADING.match(line))


def is_stem(line: str) -> bool:
    """A shared stem: a line ending in a colon, or one that is only the subject."""
    stripped = line.strip()
    return bool(stripped) and (stripped.endswith(":") or bool(SUBJECT_ONLY.match(stripped)))


def with_stem(stem: str, item: str) -> str:
    """The outcome as the plan's reader reads it: the stem, then the list item.

    «Studenten har kunnskap om:» and «• juridisk metode» give «Studenten har kunnskap om juridisk
    metode». An item with its own subject («Kandidaten kan …») stands alone, and a verb the stem
    ends with is not said twice («Studenten kan:» over «kan analysere …»).
    """
    body = LEADING_BULLET.sub("", item.strip()).strip()
    lead = stem.strip().rstrip(":.… ").strip()
    if not lead or not body or OWN_SUBJECT.match(body):
        return item
    last_of_stem = lead.split()[-1].lower()
    first_of_body, _, rest = body.partition(" ")
    if first_of_body.lower() == last_of_stem and rest:
        body = rest
    # «Analysere …» in a list is «analysere …» in the sentence; «IKT …» keeps its capitals.
    if len(body) > 1 and body[0].isupper() and body[1].islower():
        body = body[0].lower() + body[1:]
    return f"{lead} {body}"


def category_named_by(stem: str) -> Category | None:
    """The one category a stem names («Studenten har kunnskap om:» → kunnskap), else ``None``.

    A stem that names two or three («… læringsutbytte i kunnskap, ferdigheter og generell
    kompetanse:») stands over all the headings and files nothing.
    """
    named = [category for category, pattern in CATEGORY_NAMES.items() if pattern.search(stem)]
    return named[0] if len(named) == 1 else None


def has_own_verb(item: Statement) -> bool:
    """Whether a list item says what the learner does: a modal («kan lede …») or a verb first
    («analysere …», «drøfter …»). A noun phrase («juridisk metode») or a clause («hvordan
    brukere kan medvirke …») gets its verb from the stem.

    Without the hunspell dictionaries no word is known to be a verb or not, and the item counts
    as having one, so the stem decides nothing.
    """
    # The item as written: the outcome part of a Statement would take «hvordan brukere» for the
    # subject of «hvordan brukere kan medvirke …».
    written = item.cleaned.lower()
    body = strip_modal(written)
    if body != written:
        return True
    words = body.split()
    return not words or is_verb(words[0]) is not False


@dataclass(frozen=True)
class PlanOutcome:
    """One outcome of a plan: its line number, the line as written and the stem over it."""

    line: int
    text: str
    stem: str = ""


def read_plan(lines: Iterable[str]) -> list[PlanOutcome]:
    """The outcomes in a plan's text, each with the shared stem it stands under.

    Blank lines are skipped and keep the stem (pages copied from the web often put one between
    list items); a heading ends it, and a new stem replaces it.
    """
    outcomes: list[PlanOutcome] = []
    stem = ""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if is_heading(line):
            stem = ""
        elif is_stem(line):
            stem = line.strip().rstrip(":").rstrip()
        else:
            outcomes.append(PlanOutcome(number, line, stem))
    return outcomes
