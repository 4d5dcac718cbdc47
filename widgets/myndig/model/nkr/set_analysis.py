"""A set of outcomes for a course or a theme: balance, consistent level, near-duplicates.

NKR describes every qualification in all three categories, so a theme's outcomes should cover
kunnskap, ferdigheter and generell kompetanse, at one level, without saying the same twice.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.nkr.analysis import Analysis, analyse_statement
from myndig.model.nkr.lexicon import Category
from myndig.model.nkr.text import strip_modal

MAX_STATEMENTS = 200
NEAR_DUPLICATE = 0.85
# A category with less than this share of a set of six or more is called thin.
THIN_SHARE = 0.15
STOPWORDS = frozenset({"og", "i", "om", "på", "til", "for", "av", "med", "en", "ei", "et", "eit",
                       "ein", "den", "det", "de", "dei", "som", "kan", "har", "skal", "å"})


@dataclass(frozen=True)
class SetReport:
    analyses: tuple[Analysis, ...]
    rejected: tuple[tuple[int, str], ...]
    counts: dict[Category, int]
    missing: tuple[Category, ...]
    levels: tuple[int, ...]
    target_level: int | None
    off_target: tuple[int, ...]
    near_duplicates: tuple[tuple[int, int, float], ...]
    summary: tuple[str, ...] = field(default=())

    @property
    def balanced(self) -> bool:
        return not self.missing

    @property
    def consistent_level(self) -> bool:
        if not self.levels or self.off_target:
            return False
        return max(self.levels) - min(self.levels) <= 1

    def to_json(self) -> dict[str, Any]:
        return {
            "antall": len(self.analyses),
            "fordeling": {category.value: self.counts[category] for category in Category},
            "mangler": [category.value for category in self.missing],
            "nivaaer": list(self.levels),
            "maalnivaa": self.target_level,
            "utenfor_maalnivaa": [index + 1 for index in self.off_target],
            "nesten_like": [{"a": a + 1, "b": b + 1, "likhet": similarity}
                            for a, b, similarity in self.near_duplicates],
            "avvist": [{"nr": index + 1, "grunn": reason} for index, reason in self.rejected],
            "oppsummering": list(self.summary),
            "utbytter": [analysis.to_json() for analysis in self.analyses],
        }


def _content(analysis: Analysis) -> str:
    # Items under one long stem share its words; only the items' own words tell duplicates apart.
    words = re.findall(r"[^\W\d_]+", strip_modal(analysis.own_text.lower()))
    return " ".join(word for word in words if word not in STOPWORDS)


def near_duplicates(analyses: Sequence[Analysis]) -> list[tuple[int, int, float]]:
    contents = [_content(analysis) for analysis in analyses]
    pairs = []
    for i in range(len(contents)):
        for j in range(i + 1, len(contents)):
            matcher = SequenceMatcher(None, contents[i], contents[j], autojunk=False)
            if min(matcher.real_quick_ratio(), matcher.quick_ratio()) < NEAR_DUPLICATE:
                continue
            ratio = matcher.ratio()
            if ratio >= NEAR_DUPLICATE:
                pairs.append((i, j, round(ratio, 2)))
    return pairs


def analyse_set(statements: Iterable[object], *, target_level: int | None = None) -> SetReport:
    """Analyse a theme's outcomes; unusable lines are listed as rejected, never fatal."""
    items = list(statements)
    if len(items) > MAX_STATEMENTS:
        raise InvalidInput(t("nkr.for_mange_utbytter", maks=MAX_STATEMENTS), field="utbytter")
    if target_level is not None and target_level not in range(1, 9):
        raise InvalidInput(t("nkr.ugyldig_maalnivaa"), field="maalnivaa")
    analyses: list[Analysis] = []
    rejected: list[tuple[int, str]] = []
    for index, item in enumerate(items):
        if isinstance(item, Analysis):
            analyses.append(item)
            continue
        try:
            analyses.append(analyse_statement(item))
        except InvalidInput as error:
            rejected.append((index, str(error)))
    counts = dict.fromkeys(Category, 0)
    for analysis in analyses:
        if analysis.category is not None:
            counts[analysis.category] += 1
    missing = tuple(category for category in Category if counts[category] == 0) if analyses else ()
    levels = tuple(analysis.level for analysis in analyses)
    off_target = tuple(index for index, analysis in enumerate(analyses)
                       if target_level is not None and abs(analysis.level - target_level) > 0)
    duplicates = near_duplicates(analyses)
    report = SetReport(tuple(analyses), tuple(rejected), counts, missing, levels, target_level,
                       off_target, tuple(duplicates))
    return SetReport(**{**report.__dict__, "summary": tuple(summarise(report))})


def summarise(report: SetReport) -> list[str]:
    """The set's state in plain Norwegian sentences (also the text beside the chart)."""
    if not report.analyses:
        return [t("nkr.sett_tomt")]
    lines = [t("nkr.sett_fordeling", antall=len(report.analyses),
               kunnskap=report.counts[Category.KUNNSKAP],
               ferdigheter=report.counts[Category.FERDIGHETER],
               generell=report.counts[Category.GENERELL_KOMPETANSE])]
    if report.missing:
        lines.append(t("nkr.sett_mangler", kategorier=" og ".join(
            category.label.lower() for category in report.missing)))
    elif len(report.analyses) >= 6:
        for category in Category:
            if report.counts[category] / len(report.analyses) < THIN_SHARE:
                lines.append(t("nkr.sett_tynn", kategori=category.label.lower()))
    if not report.missing and len(lines) == 1:
        lines.append(t("nkr.sett_balansert"))
    low, high = min(report.levels), max(report.levels)
    median = statistics.median(report.levels)
    if report.target_level is not None:
        if report.off_target:
            numbers = ", ".join(str(index + 1) for index in report.off_target)
            lines.append(t("nkr.sett_utenfor_maal", nummer=numbers, maal=report.target_level))
        else:
            lines.append(t("nkr.sett_paa_maal", maal=report.target_level))
    elif high - low > 1:
        lines.append(t("nkr.sett_sprikende_nivaa", lav=low, hoy=high))
    else:
        lines.append(t("nkr.sett_jevnt_nivaa", nivaa=int(median)))
    for a, b, similarity in report.near_duplicates:
        lines.append(t("nkr.sett_nesten_like", a=a + 1, b=b + 1, prosent=int(similarity * 100)))
    if report.rejected:
        lines.append(t("nkr.sett_avvist", antall=len(report.rejected)))
    return lines
