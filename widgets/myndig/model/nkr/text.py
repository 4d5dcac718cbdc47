"""Preparing a learning-outcome statement for analysis.

Real study plans write outcomes in several forms: a full sentence ("Kandidaten kan analysere
…"), a list item under a shared stem ("analysere …", "har kunnskap om …"), or with the subject
the KLAR guide uses ("NAV-veiledere skal kunne …"). The analysis looks at the *outcome part*:
what comes after the subject and the modal verb, lower-cased, with markup removed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from myndig.i18n import t
from myndig.model.errors import InvalidInput

MAX_CHARACTERS = 1000
MARKUP = re.compile(r"<[^<>]{0,200}>|&[a-zA-Z]{2,8};|&#\d{1,6};")
TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+", re.UNICODE)
LEADING_BULLET = re.compile(r"^\s*(?:[-–•*·▪◦]|\d{1,2}[.)]|[a-zA-Z][.)])\s+")

# Words that start the outcome proper; whatever comes before them (up to SUBJECT_MAX_WORDS
# words) is the subject: "Kandidaten", "NAV-veiledere i prosjektet", "Den enkelte deltakar".
HEADS = frozenset({
    "har", "kan", "kjenner", "kjenne", "skal", "vil", "er", "viser", "behersker", "beherskar",
    "forstår", "veit", "vet", "evner", "mestrer", "meistrar", "gjennomfører", "ha", "kunne",
    "bør", "må", "anvender", "bruker", "får", "lærer",
})
SUBJECT_MAX_WORDS = 6
MODALS = ("skal kunne", "skal", "vil kunne", "vil", "bør kunne", "bør", "må kunne",
          "kan", "kunne")

# Words only nynorsk has (bokmål spells them differently); one is enough to tell.
NYNORSK_ONLY = frozenset({
    "ikkje", "eg", "kva", "korleis", "gjere", "vere", "ein", "eit", "dei", "desse", "innanfor",
    "sjølvstendig", "sjølvstendige", "ferdigheiter", "eigen", "eige", "eigne", "frå", "berre",
    "mykje", "noko", "nokon", "saman", "heile", "òg", "fagleg", "faglege", "problemstillingar",
    "teoriar", "metodar", "arbeidsoppgåver", "oppgåver", "utfordringar", "vurderingar",
    "kunnskapar", "medviten", "kjend", "handtere", "handterer", "meistre", "meistrar",
    "grunngje", "grunngjev", "skildre", "skildrar", "deltakaren", "deltakarane", "brei",
    "inngåande", "planleggje", "samanheng", "samanhengar", "omgrep", "omgrepa", "forsking",
    "tenester", "tenestene", "nytenking", "tilnærmingar", "døme", "kjenneteikn", "arbeidsmåtar",
    "metodane", "teoriane", "verdiar", "haldningar", "brukast", "nyttast", "gjeld", "gjev",
    "fleire", "særleg", "medan", "utviklinga", "yrkesutøvinga", "sjukepleie", "pasientar",
    "brukarar", "brukarane", "tilsette", "forklarar", "nyttar", "utøving", "samarbeidspartnarar",
    "sjå", "heilskapleg",
})


@dataclass(frozen=True)
class Statement:
    """A statement ready for the rules: the original text and its parts."""

    original: str
    cleaned: str
    subject: str
    outcome: str
    tokens: tuple[str, ...]
    outcome_tokens: tuple[str, ...]
    language: str

    @property
    def words(self) -> int:
        return sum(1 for token in self.tokens if not token.isdigit())


def clean(text: str) -> str:
    """Markup, bullets and odd whitespace removed; the text a person meant."""
    text = unicodedata.normalize("NFC", text)
    text = MARKUP.sub(" ", text)
    text = "".join(" " if unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"} else ch
                   for ch in text)
    text = " ".join(text.split())
    text = LEADING_BULLET.sub("", text)
    return text.strip(" ;,")


def detect_language(tokens: tuple[str, ...] | list[str]) -> str:
    """``nn`` when the statement uses words only nynorsk has, otherwise ``nb``."""
    return "nn" if any(token in NYNORSK_ONLY for token in tokens) else "nb"


def split_subject(tokens: list[str]) -> int:
    """Index of the first word of the outcome proper (0 when there is no subject)."""
    for index, token in enumerate(tokens[: SUBJECT_MAX_WORDS + 1]):
        if token in HEADS:
            return index
    return 0


def prepare(text: object) -> Statement:
    """A :class:`Statement` for ``text``, or ``InvalidInput`` saying what to write instead."""
    if not isinstance(text, str):
        raise InvalidInput(t("nkr.ikke_tekst"), field="tekst")
    if len(text) > MAX_CHARACTERS * 4:
        raise InvalidInput(t("nkr.altfor_lang", tegn=len(text), maks=MAX_CHARACTERS), field="tekst")
    cleaned = clean(text)
    if not cleaned:
        raise InvalidInput(t("nkr.tom"), field="tekst")
    if len(cleaned) > MAX_CHARACTERS:
        raise InvalidInput(t("nkr.altfor_lang", tegn=len(cleaned), maks=MAX_CHARACTERS),
                           field="tekst")
    tokens = [token.lower().replace("’", "'") for token in TOKEN.findall(cleaned)]
    if not any(not token.isdigit() for token in tokens):
        raise InvalidInput(t("nkr.ingen_ord"), field="tekst")
    start = split_subject(tokens)
    outcome_tokens = tokens[start:]
    subject = " ".join(tokens[:start])
    return Statement(
        original=text,
        cleaned=cleaned,
        subject=subject,
        outcome=" ".join(outcome_tokens),
        tokens=tuple(tokens),
        outcome_tokens=tuple(outcome_tokens),
        language=detect_language(tokens),
    )


def strip_modal(outcome: str) -> str:
    """The outcome without a leading modal ("skal kunne", "kan"): "analysere …"."""
    for modal in MODALS:
        if outcome.startswith(modal + " "):
            return outcome[len(modal) + 1:]
    return outcome
