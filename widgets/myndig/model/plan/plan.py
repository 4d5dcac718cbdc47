"""An office's learning system for one period: the whole *Plan for læring*.

The plan gathers what the KLAR guide's work process produces, in its order: the working group,
the mapped knowledge flow, the register of arenas, and the themes with their rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.plan.arenas import ArenaRegister
from myndig.model.plan.knowledge_flow import KnowledgeFlow
from myndig.model.plan.period import MONTHS, Period, norwegian_date
from myndig.model.plan.text import clean_line, clean_text, join_words, same_name
from myndig.model.plan.themes import MAX_THEMES, Method, PlanRow, Theme
from myndig.model.plan.working_group import WorkingGroup


@dataclass
class LearningPlan:
    office: str
    period: Period
    leader: str = ""
    introduction: str = ""
    source: str = ""
    working_group: WorkingGroup = field(default_factory=WorkingGroup)
    register: ArenaRegister = field(default_factory=ArenaRegister)
    flow: KnowledgeFlow = field(default_factory=KnowledgeFlow)
    themes: list[Theme] = field(default_factory=list)

    def set_header(self, *, office: object, leader: object = "", introduction: object = "",
                   period: Period | None = None) -> None:
        cleaned = clean_line(office, field="kontor")
        if not cleaned:
            raise InvalidInput(t("plan.mangler_kontor"), field="kontor")
        self.office = cleaned
        self.leader = clean_line(leader, field="leder")
        self.introduction = clean_text(introduction, field="innledning", limit=4000)
        if period is not None:
            self.period = period

    def add_theme(self, theme: Theme) -> Theme:
        if len(self.themes) >= MAX_THEMES:
            raise InvalidInput(t("plan.for_mange_temaer", maks=MAX_THEMES))
        self._check_title_free(theme.title)
        self.themes.append(theme)
        return theme

    def update_theme(self, index: int, theme: Theme) -> Theme:
        """Replace a theme's own fields, keeping its rows and its evaluation."""
        old = self.themes[self._index(index)]
        self._check_title_free(theme.title, ignore=index)
        theme.rows = old.rows
        theme.review = old.review
        self.themes[index] = theme
        return theme

    def remove_theme(self, index: int) -> Theme:
        return self.themes.pop(self._index(index))

    def move_theme(self, index: int, step: int) -> None:
        target = self._index(index) + step
        if 0 <= target < len(self.themes):
            self.themes[index], self.themes[target] = self.themes[target], self.themes[index]

    def theme(self, index: int) -> Theme:
        return self.themes[self._index(index)]

    def _index(self, index: int) -> int:
        if not 0 <= index < len(self.themes):
            raise InvalidInput(t("plan.ingen_slikt_tema"))
        return index

    def _check_title_free(self, title: str, *, ignore: int | None = None) -> None:
        for index, other in enumerate(self.themes):
            if index != ignore and same_name(other.title, title):
                raise InvalidInput(t("plan.tema_finnes", tittel=other.title), field="tema")

    def all_rows(self) -> list[tuple[Theme, PlanRow]]:
        return [(theme, row) for theme in self.themes for row in theme.rows]

    def method_counts(self) -> Counter[Method]:
        return Counter(row.method for _, row in self.all_rows() if row.method is not None)

    def method_summary(self) -> str:
        counts = self.method_counts()
        total = sum(counts.values())
        if not total:
            return t("plan.metoder_oppsummering_tom")
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0].label))
        listing = join_words([f"{method.label.lower()} ({number})" for method, number in ordered])
        involving = sum(number for method, number in counts.items() if method.involving)
        return t("plan.metoder_oppsummering", antall=total, typer=len(counts), liste=listing,
                 prosent=round(100 * involving / total))

    def timeline_summary(self) -> str:
        dated = [(theme, row) for theme, row in self.all_rows() if row.timing.has_dates]
        undated = len(self.all_rows()) - len(dated)
        if not self.all_rows():
            return t("plan.tidslinje_tom")
        parts = [t("plan.tidslinje_oppsummering", periode=self.period.name,
                   fra=norwegian_date(self.period.start), til=norwegian_date(self.period.end),
                   daterte=len(dated), udaterte=undated)]
        busiest = _busiest_month(self)
        if busiest is not None:
            parts.append(t("plan.tidslinje_travlest", maaned=busiest))
        evaluations = [theme for theme in self.themes if theme.evaluation.has_dates]
        parts.append(t("plan.tidslinje_evalueringer", antall=len(evaluations),
                       temaer=len(self.themes)))
        return " ".join(parts)


def _busiest_month(plan: LearningPlan) -> str | None:
    months: Counter[tuple[int, int]] = Counter()
    for _, row in plan.all_rows():
        first, last = row.timing.first_day, row.timing.last_day
        if first is None or last is None:
            continue
        # Count only short activities; "løpende" over the whole half-year says nothing of peaks.
        if (last - first).days <= 31:
            months[(first.year, first.month)] += 1
    if not months:
        return None
    (_, month), _ = months.most_common(1)[0]
    return MONTHS[month - 1]


def new_plan(office: object, period: Period, *, leader: object = "") -> LearningPlan:
    plan = LearningPlan(office="", period=period)
    plan.set_header(office=office, leader=leader)
    return plan
