"""The plan as a Word document laid out like NAV Røyken's *Plan for læring* (spring 2015).

Røyken's plan opens with an introduction and an overview of the office's learning arenas, lists
the period's themes, and then gives each theme a table with the columns Læringsutbytte | Arena |
Pedagogisk virkemiddel | Deltakere | Tid for gjennomføring. This document keeps that order and
adds what the KLAR guide asks for besides: where each theme came from, who answers for it and
when it is evaluated.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

from myndig.export.rows import arena_cells, flow_cells, theme_facts, theme_table
from myndig.files import write_atomically
from myndig.i18n import t
from myndig.model.plan import LearningPlan

HEADER_FILL = "D9E2F3"
TABLE_FONT = Pt(9.5)
THEME_WIDTHS = (Cm(8.2), Cm(4.0), Cm(4.8), Cm(5.0), Cm(3.7))
ARENA_WIDTHS = (Cm(9.5), Cm(4.0), Cm(3.6), Cm(5.6), Cm(3.0))
FLOW_WIDTHS = (Cm(5.7), Cm(6.6), Cm(5.5), Cm(4.5), Cm(3.4))


def _shade(cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_header(row) -> None:
    # A long theme table breaks over pages; the column names then repeat on each page.
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _table(document: DocumentType, header: list[str], rows: list[list[str]],
           widths: tuple, *, merge_first_column: bool = False) -> Table:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = TABLE_FONT
        _shade(cell, HEADER_FILL)
    _repeat_header(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.paragraphs[0].add_run(text).font.size = TABLE_FONT
    if merge_first_column:
        _merge_repeats(table)
    # Word reads the cell widths, LibreOffice the grid's: set both, and stop autofit undoing them.
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    # Every cell element, also those a merge hides, so merged columns keep one width.
    for row in table._tbl.tr_lst:
        for cell, width in zip(row.tc_lst, widths, strict=False):
            cell.width = width
    return table


def _merge_repeats(table: Table) -> None:
    """One outcome over several rows is one cell, as in the Røyken plan."""
    start = 1
    while start < len(table.rows):
        text = table.cell(start, 0).text
        end = start
        while end + 1 < len(table.rows) and table.cell(end + 1, 0).text == text and text:
            end += 1
        if end > start:
            for index in range(start + 1, end + 1):
                for run in table.cell(index, 0).paragraphs[0].runs:
                    run._element.getparent().remove(run._element)
            merged = table.cell(start, 0).merge(table.cell(end, 0))
            merged.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
            # merge() joins the paragraphs of the merged cells; keep only the first.
            for paragraph in merged.paragraphs[1:]:
                paragraph._element.getparent().remove(paragraph._element)
        start = end + 1


def build_document(plan: LearningPlan) -> DocumentType:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    document.core_properties.title = f"{t('plan.eksport_tittel')} – {plan.office}"
    document.core_properties.language = "nb-NO"
    styles = document.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(11)

    document.add_heading(t("plan.eksport_tittel"), level=0)
    subtitle = document.add_paragraph()
    run = subtitle.add_run(t("plan.eksport_undertittel", kontor=plan.office,
                             periode=plan.period.name))
    run.font.size = Pt(14)
    run.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    if plan.leader:
        document.add_paragraph(f"{t('plan.eksport_leder')}: {plan.leader}")

    if plan.introduction:
        document.add_heading(t("plan.eksport_innledning"), level=1)
        for paragraph in plan.introduction.split("\n"):
            document.add_paragraph(paragraph)

    document.add_heading(t("plan.eksport_arenaer"), level=1)
    if plan.register.arenas:
        header, rows = arena_cells(plan)
        _table(document, header, rows, ARENA_WIDTHS)
    else:
        document.add_paragraph(t("plan.eksport_ingen_arenaer"))

    document.add_heading(t("plan.eksport_temaer", periode=plan.period.name), level=1)
    if plan.themes:
        for theme in plan.themes:
            document.add_paragraph(theme.title, style="List Bullet")
    else:
        document.add_paragraph(t("plan.eksport_ingen_temaer"))

    for theme in plan.themes:
        document.add_heading(t("plan.eksport_tema", tema=theme.title), level=2)
        for label, value in theme_facts(theme):
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value)
            paragraph.paragraph_format.space_after = Pt(2)
        header, rows, notes = theme_table(theme)
        if rows:
            _table(document, header, rows, THEME_WIDTHS, merge_first_column=True)
        for note in notes:
            paragraph = document.add_paragraph(note)
            paragraph.runs[0].font.size = Pt(9)
            paragraph.runs[0].italic = True
            paragraph.paragraph_format.space_after = Pt(0)

    group = plan.working_group
    if not group.is_empty:
        document.add_heading(t("plan.eksport_arbeidsgruppe"), level=1)
        for member in group.members:
            text = member.name + (f" ({member.role})" if member.role else "")
            document.add_paragraph(text, style="List Bullet")
        for label, value in ((t("plan.eksport_gruppeleder"), group.leader),
                             (t("plan.eksport_referent"), group.minute_taker),
                             (t("plan.eksport_mandat"), group.mandate),
                             (t("plan.eksport_tidsramme"), group.time_frame.shown())):
            if value:
                paragraph = document.add_paragraph()
                paragraph.add_run(f"{label}: ").bold = True
                paragraph.add_run(value)

    if plan.flow.rows:
        document.add_heading(t("plan.eksport_kunnskapsflyt"), level=1)
        header, rows = flow_cells(plan)
        _table(document, header, rows, FLOW_WIDTHS)

    if plan.source:
        document.add_heading(t("plan.eksport_kilde"), level=1)
        for paragraph in plan.source.split("\n"):
            document.add_paragraph(paragraph).runs[0].font.size = Pt(9)
    return document


def write_word(plan: LearningPlan, path: Path) -> None:
    document = build_document(plan)
    write_atomically(path, lambda target: document.save(str(target)))
