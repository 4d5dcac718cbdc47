"""The plan as Markdown, for a wiki, an e-mail or the notebook itself."""

from __future__ import annotations

from pathlib import Path

from myndig.export.rows import arena_cells, flow_cells, theme_facts, theme_table
from myndig.files import write_atomically
from myndig.i18n import t
from myndig.model.plan import LearningPlan


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|") or " "


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(cell) for cell in header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def to_markdown(plan: LearningPlan) -> str:
    lines = [f"# {t('plan.eksport_tittel')}: {plan.office}", "",
             t("plan.eksport_undertittel", kontor=plan.office, periode=plan.period.name), ""]
    if plan.leader:
        lines += [f"**{t('plan.eksport_leder')}:** {plan.leader}", ""]
    if plan.introduction:
        lines += [f"## {t('plan.eksport_innledning')}", "", plan.introduction, ""]
    lines += [f"## {t('plan.eksport_arenaer')}", ""]
    if plan.register.arenas:
        header, rows = arena_cells(plan)
        lines += [*_table(header, rows), ""]
    else:
        lines += [t("plan.eksport_ingen_arenaer"), ""]
    lines += [f"## {t('plan.eksport_temaer', periode=plan.period.name)}", ""]
    lines += [f"- {theme.title}" for theme in plan.themes] or [t("plan.eksport_ingen_temaer")]
    lines.append("")
    for theme in plan.themes:
        lines += [f"### {t('plan.eksport_tema', tema=theme.title)}", ""]
        lines += [f"- **{label}:** {value}" for label, value in theme_facts(theme)]
        lines.append("")
        header, rows, notes = theme_table(theme)
        if rows:
            lines += [*_table(header, rows), ""]
        lines += [f"- {note}" for note in notes]
        if notes:
            lines.append("")
    group = plan.working_group
    if not group.is_empty:
        lines += [f"## {t('plan.eksport_arbeidsgruppe')}", ""]
        lines += [f"- {member.name}" + (f" ({member.role})" if member.role else "")
                  for member in group.members]
        for label, value in ((t("plan.eksport_gruppeleder"), group.leader),
                             (t("plan.eksport_referent"), group.minute_taker),
                             (t("plan.eksport_mandat"), group.mandate),
                             (t("plan.eksport_tidsramme"), group.time_frame.shown())):
            if value:
                lines.append(f"- **{label}:** {value}")
        lines.append("")
    if plan.flow.rows:
        header, rows = flow_cells(plan)
        lines += [f"## {t('plan.eksport_kunnskapsflyt')}", "", *_table(header, rows), ""]
    if plan.source:
        lines += [f"## {t('plan.eksport_kilde')}", "", plan.source, ""]
    return "\n".join(lines).rstrip() + "\n"


def write_markdown(plan: LearningPlan, path: Path) -> None:
    text = to_markdown(plan)
    write_atomically(path, lambda target: target.write_text(text, encoding="utf-8"))
