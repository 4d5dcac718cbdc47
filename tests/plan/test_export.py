"""Word, Excel, Markdown and JSON: the documents hold the plan, and Excel and JSON read back."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from myndig.export import export_plan, import_plan, to_markdown
from myndig.export.excel import SHEET_THEMES, THEME_COLUMNS
from myndig.model.errors import InvalidFile
from myndig.model.plan import (
    make_review,
    make_row,
    make_theme,
    plan_to_json,
    royken_2015,
    set_review,
)
from openpyxl import load_workbook

ROYKEN_COLUMNS = ["Læringsutbytte", "Arena", "Pedagogisk virkemiddel", "Deltakere",
                  "Tid for gjennomføring"]


def _document_text(document) -> str:
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_word_has_a_royken_table_per_theme(tmp_path):
    """Does the .docx give each theme a table with Røyken's five columns and its rows?"""
    plan = royken_2015()
    path = export_plan(plan, tmp_path / "plan.docx")
    document = Document(str(path))
    theme_tables = [table for table in document.tables
                    if [cell.text for cell in table.rows[0].cells] == ROYKEN_COLUMNS]
    assert len(theme_tables) == 3
    first = theme_tables[0]
    assert first.cell(1, 0).text == "Ansatte i NAV-kontoret skal kjenne hovedtrekkene i SE"
    assert first.cell(1, 1).text == "Personalseminar"
    assert first.cell(1, 4).text == "22. og 23. april"
    assert len(first.rows) == 1 + len(plan.themes[0].rows)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Oversikt over læringsarenaer og deltakere" in headings
    assert "Tema: Nasjonal kvalitetsstrategi" in headings
    assert "Læringstemaer Våren 2015" in headings


def test_word_has_the_arena_overview(tmp_path):
    """Does the .docx list every arena of the register with its frequency?"""
    plan = royken_2015()
    document = Document(str(export_plan(plan, tmp_path / "plan.docx")))
    overview = next(table for table in document.tables
                    if table.rows[0].cells[0].text == "Arena")
    assert len(overview.rows) == 1 + len(plan.register.arenas)
    assert overview.cell(1, 0).text.startswith("Kontormøte")
    assert overview.cell(1, 2).text == "Hver 14. dag"


def test_word_merges_an_outcome_over_its_rows(tmp_path):
    """Is one outcome spanning several rows shown once, in one merged cell, as in Røyken's plan?"""
    document = Document(str(export_plan(royken_2015(), tmp_path / "plan.docx")))
    quality = [table for table in document.tables
               if [cell.text for cell in table.rows[0].cells] == ROYKEN_COLUMNS][2]
    first_cells = [row.cells[0]._tc for row in quality.rows[1:]]
    assert len(set(first_cells)) == 1  # the same merged cell on each of the three rows
    assert quality.cell(1, 0).text.count("seks kjennetegnene") == 1


def test_word_shows_theme_facts_and_working_group(plan, tmp_path):
    """Does the .docx say where a theme came from, who answers for it, and the working group?"""
    text = _document_text(Document(str(export_plan(plan, tmp_path / "plan.docx"))))
    assert "Forslag fra: Ansatte" in text
    assert "Ansvarlig: Teamleder" in text
    assert "Tid for evaluering: 10. desember 2026" in text
    assert "Arbeidsgruppe" in text
    assert "Kari (Veileder)" in text
    assert "1. Mellom individer" in text


def test_word_survives_hostile_text(plan, tmp_path):
    """Do markup, formulas and control characters end up as plain text in the .docx?"""
    plan.add_theme(make_theme('<script>alert("x")</script> & =1+1\x0b', ["ansatte"]))
    text = _document_text(Document(str(export_plan(plan, tmp_path / "plan.docx"))))
    assert '<script>alert("x")</script> & =1+1' in text


def test_excel_has_the_plan_in_its_sheets(tmp_path):
    """Does the .xlsx hold a line per plan row with the Røyken columns first, and all sheets?"""
    plan = royken_2015()
    book = load_workbook(export_plan(plan, tmp_path / "plan.xlsx"))
    assert book.sheetnames == ["Plan", "Temaer", "Arenaer", "Kunnskapsflyt", "Arbeidsgruppe"]
    sheet = book[SHEET_THEMES]
    header = [cell.value for cell in sheet[1]]
    assert header == list(THEME_COLUMNS)
    assert header[1:6] == ROYKEN_COLUMNS
    assert sheet.max_row == 1 + sum(len(theme.rows) for theme in plan.themes)
    assert sheet["B2"].value == "Ansatte i NAV-kontoret skal kjenne hovedtrekkene i SE"
    assert sheet["G2"].value.date().isoformat() == "2015-04-22"
    assert book["Arenaer"].max_row == 21
    assert book["Plan"]["B3"].value == "NAV Røyken"


def test_excel_never_writes_a_formula(plan, tmp_path):
    """Is text starting with '=' stored as text, not as a formula that Excel would run?"""
    plan.add_theme(make_theme('=HYPERLINK("http://x","klikk")', ["ansatte"]))
    path = export_plan(plan, tmp_path / "plan.xlsx")
    sheet = load_workbook(path)[SHEET_THEMES]
    cell = next(row[0] for row in sheet.iter_rows(min_row=2) if str(row[0].value).startswith("="))
    assert cell.data_type == "s"
    assert import_plan(path).themes[-1].title == '=HYPERLINK("http://x","klikk")'


@pytest.mark.parametrize("kind", ["xlsx", "json"])
def test_round_trip_royken(tmp_path, kind):
    """Does Røyken's plan come back exactly from .xlsx and .json?"""
    plan = royken_2015()
    again = import_plan(export_plan(plan, tmp_path / f"plan.{kind}"))
    assert plan_to_json(again) == plan_to_json(plan)


@pytest.mark.parametrize("kind", ["xlsx", "json"])
def test_round_trip_with_reviews_and_empty_theme(plan, tmp_path, kind):
    """Do evaluations, a theme without rows and the working group survive the round trip?"""
    set_review(plan, 0, make_review("delvis", "ja", "Mer tid til rollespill", True))
    plan.add_theme(make_theme("Uten rader", ["brukerutvalg", "samarbeidspartnere"]))
    plan.working_group.set_details(leader="Kari", minute_taker="Ola",
                                   mandate="Lag planen.\nTo ledd.")
    again = import_plan(export_plan(plan, tmp_path / f"plan.{kind}"))
    assert plan_to_json(again) == plan_to_json(plan)


def test_excel_edited_by_a_person_reads_back(plan, tmp_path):
    """Is an edited workbook (new row typed in, labels from the lists) read back?"""
    path = export_plan(plan, tmp_path / "plan.xlsx")
    book = load_workbook(path)
    sheet = book[SHEET_THEMES]
    line = sheet.max_row + 1
    for column, value in enumerate([
            "Arbeidsmarkedskompetanse", "Veiledere kan beskrive tre bransjer i kommunen",
            "Fagmøte", "Gruppearbeid", "Alle veiledere", "Oktober", "01.10.2026", "31.10.2026",
            "Refleksjonsgruppe eller kunnskapssirkel", "", "", 1], start=1):
        sheet.cell(row=line, column=column, value=value or None)
    book.save(path)
    again = import_plan(path)
    row = again.themes[0].rows[-1]
    assert row.outcome == "Veiledere kan beskrive tre bransjer i kommunen"
    assert row.method.value == "refleksjon"
    assert row.timing.start.isoformat() == "2026-10-01"


def test_excel_missing_sheet_is_explained(plan, tmp_path):
    """Is a workbook without the themes sheet refused, naming the sheet?"""
    path = export_plan(plan, tmp_path / "plan.xlsx")
    book = load_workbook(path)
    del book[SHEET_THEMES]
    book.save(path)
    with pytest.raises(InvalidFile, match="Temaer"):
        import_plan(path)


def test_excel_missing_column_is_explained(plan, tmp_path):
    """Is a themes sheet without a needed column refused, naming the column?"""
    path = export_plan(plan, tmp_path / "plan.xlsx")
    book = load_workbook(path)
    book[SHEET_THEMES].delete_cols(3)
    book.save(path)
    with pytest.raises(InvalidFile, match="Arena"):
        import_plan(path)


def test_excel_bad_value_is_explained_with_line(plan, tmp_path):
    """Is a bad date in a cell refused, with the sheet and line named?"""
    path = export_plan(plan, tmp_path / "plan.xlsx")
    book = load_workbook(path)
    book[SHEET_THEMES]["G3"] = "neste tirsdag"
    book.save(path)
    with pytest.raises(InvalidFile, match="neste tirsdag"):
        import_plan(path)


def test_excel_from_another_source_is_refused(tmp_path):
    """Is any other workbook refused as not a plan?"""
    from openpyxl import Workbook

    path = tmp_path / "annet.xlsx"
    Workbook().save(path)
    with pytest.raises(InvalidFile):
        import_plan(path)


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 ikke en zip", b"\x00" * 1000])
def test_broken_excel_is_explained_and_left_alone(tmp_path, content):
    """Are empty, truncated and junk .xlsx files explained and left untouched?"""
    path = tmp_path / "plan.xlsx"
    path.write_bytes(content)
    with pytest.raises(InvalidFile, match="ikke et Excel-regneark"):
        import_plan(path)
    assert path.read_bytes() == content


def test_truncated_excel_is_explained(plan, tmp_path):
    """Is a real workbook cut in half explained, not a crash?"""
    path = export_plan(plan, tmp_path / "plan.xlsx")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InvalidFile):
        import_plan(path)


def test_five_megabytes_of_junk_excel_is_refused(tmp_path):
    """Is a 5 MB junk .xlsx refused before it is opened?"""
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"junk" * (5 * 1024 * 1024 // 4 + 1))
    with pytest.raises(InvalidFile, match="5 MB"):
        import_plan(path)


def test_unknown_import_and_export_formats(plan, tmp_path):
    """Are unknown formats refused with the choices named?"""
    with pytest.raises(InvalidFile, match="docx, xlsx, md, json"):
        export_plan(plan, tmp_path / "plan.pdf")
    (tmp_path / "plan.docx").write_bytes(b"x")
    with pytest.raises(InvalidFile, match=r"\.json"):
        import_plan(tmp_path / "plan.docx")


def test_markdown_has_tables_and_escapes_pipes(plan):
    """Does the Markdown have Røyken's table header and keep a '|' in text from breaking it?"""
    plan.themes[0].replace_row(0, make_row("Kan skille A | B", "Fagmøte", "forelesning", "",
                                           "Alle veiledere"))
    text = to_markdown(plan)
    assert ("| Læringsutbytte | Arena | Pedagogisk virkemiddel | Deltakere | "
            "Tid for gjennomføring |") in text
    assert "Kan skille A \\| B" in text
    assert "### Tema: Arbeidsmarkedskompetanse" in text


def test_markdown_file_of_royken(tmp_path):
    """Does the Markdown export of Røyken hold its themes, arenas and source?"""
    path = export_plan(royken_2015(), tmp_path / "plan.md")
    text = path.read_text(encoding="utf-8")
    assert "## Oversikt over læringsarenaer og deltakere" in text
    assert "Sosialfaglig møte" in text
    assert "Høgskolen i Østfold" in text


def test_exports_write_atomically(plan, tmp_path, monkeypatch):
    """If writing a document fails, is the earlier document left as it was?"""
    path = export_plan(plan, tmp_path / "plan.docx")
    before = path.read_bytes()

    def broken_save(self, target):
        raise OSError("disken er full")

    monkeypatch.setattr("docx.document.Document.save", broken_save)
    with pytest.raises(OSError, match="disken er full"):
        export_plan(plan, path)
    assert path.read_bytes() == before
    assert zipfile.is_zipfile(path)
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


text_strategy = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1,
                        max_size=80).filter(lambda value: value.strip())


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(outcome=text_strategy, participants=text_strategy)
def test_any_text_round_trips_through_excel(plan, tmp_path_factory, outcome, participants):
    """Does any text (emoji, markup, formulas, other scripts) survive an Excel round trip?"""
    plan.themes[0].replace_row(0, make_row(outcome, "Fagmøte", "forelesning", "", participants))
    path = export_plan(plan, tmp_path_factory.mktemp("x") / "plan.xlsx")
    assert plan_to_json(import_plan(path)) == plan_to_json(plan)
