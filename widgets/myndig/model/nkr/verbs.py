"""Whether an outcome's first word is a verb, from the hunspell dictionaries' own inflections.

Outcomes listed under a stem such as "Studenten har kunnskap om:" are bare noun phrases
("juridiske argumentasjonsmønstre", "programvare for budsjett og regnskap") and nearly always
kunnskap; lists under "Studenten skal kunne:" open with a verb ("analysere …", "respekterer …").
The words alone cannot tell the two apart ("programvare" and "analysere" both end in -e), but the
dictionaries Debian's ``hunspell-no`` installs mark every verb that takes the present participle
ending -nde. That flag is read from the ``.aff`` file rather than assumed, so another version of
the dictionary works too. Without the dictionaries no word is judged, and the analyser works as it
did before this feature (``benchmarks/nkr.py`` has the figures).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from myndig import spelling

# Short, irregular verbs whose infinitive does not take -nde, or that outcomes use inflected.
IRREGULAR = frozenset({
    "ha", "har", "er", "være", "vere", "bli", "blir", "verte", "vert", "få", "får", "gå", "går",
    "se", "ser", "ta", "tar", "gi", "gir", "gje", "gjev", "stå", "står", "gjør", "gjer", "gjøre",
    "gjere", "vet", "veit", "vite", "kjenner", "kan",
})
PARTICIPLE_ENDING = "nde"


def participle_flags(aff: Path, encoding: str) -> frozenset[str]:
    """The suffix flags whose rule turns an infinitive in -e into a present participle (-nde)."""
    flags = set()
    for line in aff.read_text(encoding=encoding, errors="replace").splitlines():
        parts = line.split()
        # "SFX S   0     nde         e": flag S adds -nde to words ending in -e.
        if len(parts) >= 5 and parts[0] == "SFX" and parts[3] == PARTICIPLE_ENDING:
            flags.add(parts[1])
    return frozenset(flags)


def infinitives(aff: Path, dic: Path) -> frozenset[str]:
    """The dictionary's words in -e that take the present participle: its verbs."""
    encoding = spelling.dictionary_encoding(aff)
    flags = participle_flags(aff, encoding)
    if not flags:
        return frozenset()
    # One regular expression over the whole file is several times faster than a loop per line.
    entry = re.compile(r"^([^/\n]*e)/[^\n]*?[" + re.escape("".join(sorted(flags))) + "]",
                       re.MULTILINE)
    found = {word.lower() for word in entry.findall(dic.read_text(encoding=encoding,
                                                                 errors="replace"))}
    return frozenset(found)


@cache
def known_verbs() -> frozenset[str]:
    """Infinitives from the bokmål and nynorsk dictionaries installed here (none if missing)."""
    found: set[str] = set()
    for language in spelling.LANGUAGES:
        files = spelling.dictionary_files(language)
        if files is not None:
            found |= infinitives(*files)
    return frozenset(found)


def is_verb(word: str) -> bool | None:
    """Whether ``word`` is a verb in the infinitive or present tense; ``None`` if unknowable here.

    The present tense is the infinitive plus -r in bokmål ("analyserer") and for nynorsk e-verbs,
    and -ar for nynorsk a-verbs whose infinitive the dictionary gives in -e ("nyttar").
    """
    verbs = known_verbs()
    if not verbs:
        return None
    word = word.lower().strip(",.;:!?«»\"'()")
    if word in IRREGULAR or word in verbs:
        return True
    return (word.endswith("r") and word[:-1] in verbs) or (
        word.endswith("ar") and word[:-2] + "e" in verbs)
